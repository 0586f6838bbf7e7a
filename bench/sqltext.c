/*
 * sqltext: the text PostgreSQL runs of statements of cgi/data/sql.def
 * (sql_pg.def's where it has one, else sql.def's), one line each:
 * NAME, a tab, the text.  make bench finds the statements' plans by
 * their text in the server's log (auto_explain), as SQLite's are found
 * by tests/tools/plan.
 *
 *   sqltext STMT_NAME...
 */
#include <stdio.h>
#include <string.h>

#include "data/sql.h"

int
main(int argc, char *argv[])
{
	int	 a, i, rc = 0;

	for (a = 1; a < argc; a++) {
		for (i = 0; i < STMT__MAX; i++)
			if (strcmp(sql_name[i], argv[a]) == 0)
				break;
		if (i == STMT__MAX) {
			fprintf(stderr, "sqltext: no statement %s\n", argv[a]);
			rc = 1;
			continue;
		}
		printf("%s\t%s\n", sql_name[i],
		    sql_text_pg[i] ? sql_text_pg[i] : sql_text[i]);
	}
	return rc;
}
