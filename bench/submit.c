/*
 * submit: the floor of a submit (make bench): the statements of the
 * portal's submit transaction (SUBMIT_STATEMENTS of floor.h) run bare,
 * prepared once, in one BEGIN IMMEDIATE ...
 * COMMIT each, with WAL and synchronous=FULL as the portal runs them.
 *
 *   submit DB SECONDS PROCESSES CONTRACT ACCOUNT DRAFT-FROM
 *
 * Each process works on drafts DRAFT-FROM + its number + k * PROCESSES.
 * Prints the transactions a second of all processes together.
 */
#include <sqlite3.h>

#define NEW_ID	"last_insert_rowid()"
#include "floor.h"	/* now(); SUBMIT_STATEMENTS; main: PROCESSES of run() */

static const char *const sql[] = {
	"BEGIN IMMEDIATE",
	SUBMIT_STATEMENTS,
	"COMMIT",
};
#define NSQL	(sizeof(sql) / sizeof(sql[0]))

static long
run(const char *path, double secs, int me, int procs, long contract,
    long account, long from)
{
	sqlite3		*db;
	sqlite3_stmt	*st[NSQL];
	double		 end = now() + secs;
	long		 n = 0, k;
	size_t		 i;

	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous ="
	    " FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
	    NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	for (i = 0; i < NSQL; i++)
		if (sqlite3_prepare_v2(db, sql[i], -1, &st[i], NULL) !=
		    SQLITE_OK) {
			fprintf(stderr, "submit: %s\n", sqlite3_errmsg(db));
			return -1;
		}
	for (k = 0; now() < end; k++) {
		long	 draft = from + me + k * procs;

		for (i = 0; i < NSQL; i++) {
			int	 rc;

			sqlite3_bind_int64(st[i], 1, draft);
			sqlite3_bind_int64(st[i], 2, (long)time(NULL));
			sqlite3_bind_int64(st[i], 3, contract);
			sqlite3_bind_int64(st[i], 4, account);
			while ((rc = sqlite3_step(st[i])) == SQLITE_ROW)
				;
			sqlite3_reset(st[i]);
			if (rc != SQLITE_DONE) {
				fprintf(stderr, "submit: %s\n", sqlite3_errmsg(db));
				sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
				break;
			}
		}
		if (i == NSQL)
			n++;
	}
	for (i = 0; i < NSQL; i++)
		sqlite3_finalize(st[i]);
	sqlite3_close(db);
	return n;
}
