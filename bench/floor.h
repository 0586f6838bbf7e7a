/*
 * floor.h: the main of the submit floors (submit.c for SQLite,
 * submit_pg.c for PostgreSQL): PROCESSES processes each running the
 * engine's run() for SECONDS, their transactions summed and printed a
 * second; now(), the clock run() watches; and SUBMIT_STATEMENTS, what
 * each runs between its BEGIN and its COMMIT.  Included by each before
 * its statements, with NEW_ID defined: the engine's id of the request
 * just inserted.
 */
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long	 run(const char *, double, int, int, long, long, long);

/*
 * SUBMIT_STATEMENTS: the portal's submit (cgi/data/sql.def): the draft
 * marked, the request and its contact inserted, the incident debited
 * with its ledger row, the mail queued.  ?1 is the draft, ?2 the time,
 * ?3 the contract, ?4 the account (submit_pg.c makes each ? a $).
 */
#define SUBMIT_STATEMENTS \
	"UPDATE drafts SET request_id = -?1, updated = ?2 WHERE id = ?1" \
	" AND request_id IS NULL", \
	"INSERT INTO requests (draft_id, submitter_id, product_id, version_id," \
	" category_id, problem_id, title, description, contract_id, severity," \
	" allday, country, timezone, queue, respond_by, created, updated)" \
	" SELECT id, account_id, product_id, version_id, category_id," \
	" problem_id, title, description, contract_id, severity, allday," \
	" country, timezone, 'EMEA/important', ?2 + 14400, ?2, ?2" \
	" FROM drafts WHERE id = ?1", \
	"INSERT INTO request_contacts (request_id, email, role, name, phone," \
	" method, added_by, created) SELECT " NEW_ID ", pc_email," \
	" 'primary', pc_name, '', 'email', account_id, ?2 FROM drafts" \
	" WHERE id = ?1", \
	"UPDATE drafts SET request_id = (SELECT id FROM requests" \
	" WHERE draft_id = ?1) WHERE id = ?1", \
	"UPDATE contracts SET incidents_left = incidents_left - 1" \
	" WHERE id = ?3 AND incidents_left > 0", \
	"INSERT INTO incident_ledger (contract_id, delta, kind, account_id," \
	" request_id, request_title, reason, created) SELECT ?3, -1, 'debit'," \
	" ?4, request_id, title, '', ?2 FROM drafts WHERE id = ?1", \
	"INSERT INTO outbox (recipient, subject, body, request_id, created," \
	" next_try) SELECT pc_email, 'Support request submitted', description," \
	" request_id, ?2, ?2 FROM drafts WHERE id = ?1"

static double
now(void)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	int	 procs, i, fd[2];
	long	 total = 0, n;
	double	 secs;

	if (argc != 7) {
		fprintf(stderr, "usage: %s DATABASE SECONDS PROCESSES CONTRACT "
		    "ACCOUNT DRAFT-FROM\n", argv[0]);
		return 2;
	}
	secs = atof(argv[2]);
	procs = atoi(argv[3]);
	if (pipe(fd) != 0)
		return 1;
	for (i = 0; i < procs; i++)
		if (fork() == 0) {
			n = run(argv[1], secs, i, procs, atol(argv[4]),
			    atol(argv[5]), atol(argv[6]));
			if (write(fd[1], &n, sizeof(n)) != sizeof(n))
				_exit(1);
			_exit(0);
		}
	close(fd[1]);
	while (read(fd[0], &n, sizeof(n)) == sizeof(n))
		total += n < 0 ? 0 : n;
	while (wait(NULL) > 0)
		;
	printf("%.1f\n", total / secs);
	return 0;
}
