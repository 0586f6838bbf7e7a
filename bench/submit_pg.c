/*
 * submit_pg: the floor of a submit on PostgreSQL (make bench, R18): the
 * transaction of bench/submit.c (the statements of the portal's submit:
 * the draft marked, the request and its contact inserted, the incident
 * debited with its ledger row, the mail queued) in PostgreSQL's words,
 * run bare through libpq, prepared once a connection, one connection a
 * process.  A writer as the portal's (cgi/data/db_pg.c): BEGIN, then the
 * writers' advisory lock, which serialises writers as SQLite's BEGIN
 * IMMEDIATE does; COMMIT with the server's synchronous_commit and fsync.
 * SQLite's last_insert_rowid() is lastval(): the request's new id.
 *
 *   submit_pg CONNINFO SECONDS PROCESSES CONTRACT ACCOUNT DRAFT-FROM
 *
 * Each process works on drafts DRAFT-FROM + its number + k * PROCESSES.
 * Prints the transactions a second of all processes together.
 */
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#define INT8OID	20

static const char *const sql[] = {
	"BEGIN",
	"SELECT pg_advisory_xact_lock(8379311)",
	"UPDATE drafts SET request_id = -$1, updated = $2 WHERE id = $1"
	" AND request_id IS NULL",
	"INSERT INTO requests (draft_id, submitter_id, product_id, version_id,"
	" category_id, problem_id, title, description, contract_id, severity,"
	" allday, country, timezone, queue, respond_by, created, updated)"
	" SELECT id, account_id, product_id, version_id, category_id,"
	" problem_id, title, description, contract_id, severity, allday,"
	" country, timezone, 'EMEA/important', $2 + 14400, $2, $2"
	" FROM drafts WHERE id = $1",
	"INSERT INTO request_contacts (request_id, email, role, name, phone,"
	" method, added_by, created) SELECT lastval(), pc_email,"
	" 'primary', pc_name, '', 'email', account_id, $2 FROM drafts"
	" WHERE id = $1",
	"UPDATE drafts SET request_id = (SELECT id FROM requests"
	" WHERE draft_id = $1) WHERE id = $1",
	"UPDATE contracts SET incidents_left = incidents_left - 1"
	" WHERE id = $3 AND incidents_left > 0",
	"INSERT INTO incident_ledger (contract_id, delta, kind, account_id,"
	" request_id, request_title, reason, created) SELECT $3, -1, 'debit',"
	" $4, request_id, title, '', $2 FROM drafts WHERE id = $1",
	"INSERT INTO outbox (recipient, subject, body, request_id, created,"
	" next_try) SELECT pc_email, 'Support request submitted', description,"
	" request_id, $2, $2 FROM drafts WHERE id = $1",
	"COMMIT",
};
#define NSQL	(sizeof(sql) / sizeof(sql[0]))

#include "floor.h"	/* now(); main: PROCESSES of run() for SECONDS */

static long
run(const char *conninfo, double secs, int me, int procs, long contract,
    long account, long from)
{
	static const Oid types[4] = { INT8OID, INT8OID, INT8OID, INT8OID };
	PGconn		*c;
	PGresult	*r;
	double		 end = now() + secs;
	long		 n = 0, k;
	size_t		 i;
	char		 name[16], v[4][24];
	const char	*val[4] = { v[0], v[1], v[2], v[3] };

	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "submit_pg: %s", PQerrorMessage(c));
		return -1;
	}
	for (i = 0; i < NSQL; i++) {
		snprintf(name, sizeof(name), "s%zu", i);
		r = PQprepare(c, name, sql[i], 4, types);
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
