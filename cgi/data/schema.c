/*
 * schema.c: the migrations are the files schema/NNN_name.sql under the
 * root, applied in order by supportalctl migrate; each ends by setting
 * PRAGMA user_version to its number.  PostgreSQL's are schema/pg/NNN_*.sql:
 * the first, 019_init.sql, is the whole schema as SQLite's stands after
 * 019, and each later migration is a pair of files of one number, one
 * in each folder; a PostgreSQL migration ends by setting
 * schema_meta.version.  The version a database must be at
 * is the last file's number, read from the same folder the code is
 * installed with, so that a new migration needs no constant changed in
 * the code.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/schema.h"
#include "lib/config.h"
#include "lib/util.h"

/* schema_dir: the folder of the engine's migrations. */
const char *
schema_dir(void)
{
	static char	 dir[700];

	snprintf(dir, sizeof(dir), "%s/schema%s", cfg.root,
	    cfg.db_pg ? "/pg" : "");
	return dir;
}

/*
 * schema_list: the names of the migrations in order into *names (*n of
 * them; schema_free frees them).  0, or -1 when the folder cannot be
 * read (said on stderr).
 */
int
schema_list(char ***names, size_t *n)
{
	const char	*dir = schema_dir();
	DIR		*d;
	struct dirent	*e;

	*names = NULL;
	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t	 len = strlen(e->d_name);

		if (len > 8 && strspn(e->d_name, "0123456789") == 3 &&
		    strcmp(e->d_name + len - 4, ".sql") == 0) {
			*names = xrealloc(*names, (*n + 1) * sizeof(**names));
			(*names)[(*n)++] = xstrdup(e->d_name);
		}
	}
	closedir(d);
	if (*n > 0)
		qsort(*names, *n, sizeof(**names), strp_cmp);
	return 0;
}

void
schema_free(char **names, size_t n)
{
	while (n > 0)
		free(names[--n]);
	free(names);
}

/* schema_version: the last migration's number, or -1. */
int
schema_version(void)
{
	char	**names;
	size_t	  n;
	int	  v = -1;

	if (schema_list(&names, &n) != 0)
		return -1;
	if (n > 0)
		v = atoi(names[n - 1]);
	schema_free(names, n);
	return v;
}
