/*
 * unit.h: the tiny harness of the C unit tests.  Each t_*.c defines
 * tests with TEST(name), registers them in main with RUN(name), and ends
 * with DONE(), which prints "N passed, N failed" and sets the exit code.
 * Domain tests run against a fresh SQLite file in a temporary directory.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "data/db.h"

/* the unit tests run on SQLite, and read its file through it too */
#define db_handle()	((sqlite3 *)db_sqlite())
#include "lib/config.h"

static int	 unit_pass, unit_fail, unit_cur_fail;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		printf("  FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);\
		unit_cur_fail = 1;					\
	}								\
} while (0)

#define TEST(name)	static void name(void)

#define RUN(name) do {							\
	unit_cur_fail = 0;						\
	name();								\
	if (unit_cur_fail) {						\
		unit_fail++;						\
		printf("not ok - %s\n", #name);				\
	} else {							\
		unit_pass++;						\
		printf("ok - %s\n", #name);				\
	}								\
} while (0)

#define DONE() do {							\
	printf("%d passed, %d failed\n", unit_pass, unit_fail);		\
	return unit_fail ? 1 : 0;					\
} while (0)

/*
 * unit_db: configuration for tests (cheap scrypt, the checkout's root)
 * and a fresh database made by supportalctl init in a temporary directory.
 */
static inline void
unit_db(void)
{
	static char	 dir[] = "/tmp/supportal-unit.XXXXXX";

	if (mkdtemp(dir) == NULL)
		abort();
	setenv("SUPPORTAL_VAR", dir, 1);
	setenv("SUPPORTAL_SCRYPT", "10,8,1", 1);
	if (getenv("SUPPORTAL_ROOT") == NULL)
		setenv("SUPPORTAL_ROOT", ".", 1);
	/* every migration, as the operator applies them */
	if (system("build/supportalctl init >/dev/null") != 0 ||
	    config_load() != 0 || db_open(0) != 0)
		abort();
}

static inline void
unit_db_done(void)
{
	char	 cmd[700];

	db_close();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", cfg.var);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", cfg.var);
}

#endif /* UNIT_H */
