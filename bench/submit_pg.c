/*
 * submit_pg: the floor of a submit on PostgreSQL (make bench, R18): the
 * transaction of bench/submit.c (SUBMIT_STATEMENTS of floor.h, each ?n
 * a $n) run bare through libpq, prepared once a connection, one
 * connection a process.  A writer as the portal's (cgi/data/db_pg.c):
 * BEGIN, then the writers' advisory lock, which serialises writers as
 * SQLite's BEGIN IMMEDIATE does; COMMIT with the server's
 * synchronous_commit and fsync.
 * SQLite's last_insert_rowid() is lastval(): the request's new id.
 *
 *   submit_pg CONNINFO SECONDS PROCESSES CONTRACT ACCOUNT DRAFT-FROM
 *
 * Each process works on drafts DRAFT-FROM + its number + k * PROCESSES.
 * Prints the transactions a second of all processes together.
 */
#include <libpq-fe.h>

#define INT8OID	20

#define NEW_ID	"lastval()"
#include "floor.h"	/* now(); SUBMIT_STATEMENTS; main: PROCESSES of run() */

static const char *const sql[] = {
	"BEGIN",
	"SELECT pg_advisory_xact_lock(8379311)",
	SUBMIT_STATEMENTS,
	"COMMIT",
};
#define NSQL	(sizeof(sql) / sizeof(sql[0]))

static long
run(const char *conninfo, double secs, int me, int procs, long contract,
    long account, long from)
{
	static const Oid types[4] = { INT8OID, INT8OID, INT8OID, INT8OID };
	PGconn		*c;
	PGresult	*r;
	double		 end = now() + secs;
	long		 n = 0, k;
	size_t		 i, j;
	char		 name[16], v[4][24], text[2048];
	const char	*val[4] = { v[0], v[1], v[2], v[3] };

	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "submit_pg: %s", PQerrorMessage(c));
		return -1;
	}
	for (i = 0; i < NSQL; i++) {
		for (j = 0; sql[i][j] != '\0' && j < sizeof(text) - 1; j++)
			text[j] = sql[i][j] == '?' ? '$' : sql[i][j];
		text[j] = '\0';
		snprintf(name, sizeof(name), "s%zu", i);
		r = PQprepare(c, name, text, 4, types);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			fprintf(stderr, "submit_pg: %s", PQresultErrorMessage(r));
			PQclear(r);
			PQfinish(c);
			return -1;
		}
		PQclear(r);
	}
	snprintf(v[2], sizeof(v[2]), "%ld", contract);
	snprintf(v[3], sizeof(v[3]), "%ld", account);
	for (k = 0; now() < end; k++) {
		snprintf(v[0], sizeof(v[0]), "%ld", from + me + k * procs);
		for (i = 0; i < NSQL; i++) {
			ExecStatusType	 s;

			snprintf(v[1], sizeof(v[1]), "%ld", (long)time(NULL));
			snprintf(name, sizeof(name), "s%zu", i);
			r = PQexecPrepared(c, name, 4, val, NULL, NULL, 0);
			s = PQresultStatus(r);
			if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
				fprintf(stderr, "submit_pg: %s",
				    PQresultErrorMessage(r));
				PQclear(r);
				PQclear(PQexec(c, "ROLLBACK"));
				break;
			}
			PQclear(r);
		}
		if (i == NSQL)
			n++;
	}
	PQfinish(c);
	return n;
}
