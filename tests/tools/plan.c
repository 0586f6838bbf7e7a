/*
 * plan: the query plan SQLite makes of statements of sql.def on the
 * database of SUPPORTAL_VAR (EXPLAIN QUERY PLAN, values unbound), as the
 * sqlite3 shell draws it, for the tests and the benchmark that show
 * which index a page reads (R15.2, R15.3).
 *
 *   plan STMT_NAME...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "data/db.h"

/* the SQLite tests also read the file through SQLite itself */
#define db_handle()	((sqlite3 *)db_sqlite())
#include "data/sql.h"
#include "lib/config.h"

/* explain: the plan of statement i on stdout; 0 or 1. */
static int
explain(int i)
{
	sqlite3_stmt	*st;
	char		*q;
	int		 ids[256], depth[256], n = 0, d, k, rc;

	if ((q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql_text[i])) ==
	    NULL)
		return 1;
	rc = sqlite3_prepare_v2(db_handle(), q, -1, &st, NULL);
	sqlite3_free(q);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "plan: %s: %s\n", sql_name[i],
		    sqlite3_errmsg(db_handle()));
		return 1;
	}
	printf("%s\n", sql_name[i]);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (d = 0, k = 0; k < n; k++)
			if (ids[k] == sqlite3_column_int(st, 1))
				d = depth[k] + 1;
		if (n < 256) {
			ids[n] = sqlite3_column_int(st, 0);
			depth[n++] = d;
		}
		printf("%*s`--%s\n", 3 * d, "",
		    (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	return 0;
}

int
main(int argc, char *argv[])
{
	int	 a, i, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: plan STMT_NAME...\n");
		return 2;
	}
	if (config_load() != 0 || db_open(0) != 0)
		return 1;
	for (a = 1; a < argc; a++) {
		for (i = 0; i < STMT__MAX; i++)
			if (strcmp(argv[a], sql_name[i]) == 0)
				break;
		if (i == STMT__MAX) {
			fprintf(stderr, "plan: no statement %s\n", argv[a]);
			rc = 1;
			continue;
		}
		rc |= explain(i);
	}
	db_close();
	return rc;
}
