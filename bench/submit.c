/*
 * submit: the floor of a submit (make bench): the statements of the
 * portal's submit transaction (cgi/data/sql.def: the draft marked, the
 * request and its contact inserted, the incident debited with its ledger
 * row, the mail queued) run bare, prepared once, in one BEGIN IMMEDIATE ...
 * COMMIT each, with WAL and synchronous=FULL as the portal runs them.
 *
 *   submit DB SECONDS PROCESSES CONTRACT ACCOUNT DRAFT-FROM
 *
 * Each process works on drafts DRAFT-FROM + its number + k * PROCESSES.
 * Prints the transactions a second of all processes together.
 */
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

static const char *const sql[] = {
	"BEGIN IMMEDIATE",
	"UPDATE drafts SET request_id = -?1, updated = ?2 WHERE id = ?1"
	" AND request_id IS NULL",
	"INSERT INTO requests (draft_id, submitter_id, product_id, version_id,"
	" category_id, problem_id, title, description, contract_id, severity,"
	" allday, country, timezone, queue, respond_by, created, updated)"
	" SELECT id, account_id, product_id, version_id, category_id,"
	" problem_id, title, description, contract_id, severity, allday,"
	" country, timezone, 'EMEA/important', ?2 + 14400, ?2, ?2"
	" FROM drafts WHERE id = ?1",
	"INSERT INTO request_contacts (request_id, email, role, name, phone,"
	" method, added_by, created) SELECT last_insert_rowid(), pc_email,"
	" 'primary', pc_name, '', 'email', account_id, ?2 FROM drafts"
	" WHERE id = ?1",
	"UPDATE drafts SET request_id = (SELECT id FROM requests"
	" WHERE draft_id = ?1) WHERE id = ?1",
	"UPDATE contracts SET incidents_left = incidents_left - 1"
	" WHERE id = ?3 AND incidents_left > 0",
	"INSERT INTO incident_ledger (contract_id, delta, kind, account_id,"
	" request_id, request_title, reason, created) SELECT ?3, -1, 'debit',"
	" ?4, request_id, title, '', ?2 FROM drafts WHERE id = ?1",
	"INSERT INTO outbox (recipient, subject, body, request_id, created,"
	" next_try) SELECT pc_email, 'Support request submitted', description,"
	" request_id, ?2, ?2 FROM drafts WHERE id = ?1",
	"COMMIT",
};
#define NSQL	(sizeof(sql) / sizeof(sql[0]))

#include "floor.h"	/* now(); main: PROCESSES of run() for SECONDS */

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
