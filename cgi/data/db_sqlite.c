/*
 * db_sqlite.c: the SQLite engine of db.c: the file var/supportal.db, the
 * statements of sql.c prepared lazily once (SQLITE_PREPARE_PERSISTENT),
 * values bound by name, the WAL kept bounded.  A struct db_cur is the
 * sqlite3_stmt itself.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "data/engine.h"
#include "data/sql.h"
#include "lib/config.h"
#include "lib/util.h"

static struct {
	sqlite3		*db;
	sqlite3_stmt	*st[STMT__MAX];
	int		 wal_pages;	/* the WAL's size at our last commit */
} S;

#define STMT(c)	((sqlite3_stmt *)(void *)(c))
#define CUR(s)	((struct db_cur *)(void *)(s))

/*
 * The WAL's bound (SECURITY.md L.51).  SQLite's own checkpoint after a
 * commit is PASSIVE: with readers always present it never finishes and
 * the WAL only grows.  Each worker instead checkpoints after the request
 * whose commit took the WAL past WAL_PASSIVE pages, as SQLite would, and
 * past WAL_TRUNCATE pages waits (busy_timeout) for the readers of older
 * snapshots to finish, copies everything back and truncates the file.
 * journal_size_limit cuts a file that one large transaction (an import,
 * a migration) made longer back to that size when the WAL next starts
 * over from its beginning.
 */
#define WAL_PASSIVE	1000		/* SQLite's default, 4 MiB */
#define WAL_TRUNCATE	4096		/* 16 MiB */

static int
wal_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
	(void)arg;
	(void)db;
	(void)name;
	S.wal_pages = pages;
	return SQLITE_OK;
}

static int
sq_code(int rc)
{
	rc &= 0xff;
	if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
		return DB_OK;
	return rc == SQLITE_CONSTRAINT ? DB_CONSTRAINT : DB_ERROR;
}

static void sq_close(void);

/*
 * sq_open: open cfg.db (creating it if create is set), set the pragmas of
 * ARCHITECTURE §4.  Returns 0 or -1 with a message on stderr.
 *
 * trusted_schema is ON, SQLite's default: the triggers of 016 keep the
 * search's FTS5 tables in step, and SQLite 3.40 refuses a trigger that
 * writes a virtual table not marked innocuous (FTS5 is not) when it is
 * OFF.  What OFF guards against is a database file written by someone
 * else, whose triggers and views would call functions of the program
 * opening it; this file is the portal's own (0600, made by its
 * migrations), the portal registers no SQL function, and
 * load_extension() stays disabled.
 */
static int
sq_open(int create)
{
	static const char *const pragmas =
	    "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL;"
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA journal_size_limit = 16777216;"
	    "PRAGMA trusted_schema = ON;";
	int	 flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	char	*msg = NULL;

	assert(S.db == NULL);
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(cfg.db, &S.db, flags, NULL) != SQLITE_OK) {
		fprintf(stderr, "supportal: %s: %s\n", cfg.db,
		    S.db ? sqlite3_errmsg(S.db) : "cannot open");
		sqlite3_close(S.db);
		S.db = NULL;
		return -1;
	}
	sqlite3_extended_result_codes(S.db, 1);
	sqlite3_busy_timeout(S.db, 5000);	/* H.36 */
	sqlite3_wal_hook(S.db, wal_hook, NULL);	/* L.51: sq_request_end */
	if (sqlite3_exec(S.db, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "supportal: %s: %s\n", cfg.db, msg);
		sqlite3_free(msg);
		sq_close();
		return -1;
	}
	return 0;
}

static void
sq_close(void)
{
	int	 i;

	for (i = 0; i < STMT__MAX; i++)
		if (S.st[i] != NULL)
			sqlite3_finalize(S.st[i]);
	sqlite3_close(S.db);
	memset(&S, 0, sizeof(S));
}

void *
db_sqlite_handle(void)
{
	return S.db;
}

static const char *
sq_where(void)
{
	return cfg.db;
}

/* a file does not go away between requests */
static int
sq_ready(void)
{
	return 0;
}

static int
sq_lost(void)
{
	return 0;
}

/* sq_version: PRAGMA user_version, or -1. */
static int
sq_version(void)
{
	sqlite3_stmt	*st;
	int		 v = -1;

	if (sqlite3_prepare_v2(S.db, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
sq_script(const char *text)
{
	char	*msg = NULL;

	if (sqlite3_exec(S.db, text, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "supportal: %s\n", msg ? msg : "sql error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static void
sq_log_error(enum stmt id, int rc)
{
	log_line(NULL, "db error %s: %s (%d)", sql_name[id],
	    sqlite3_errmsg(S.db), rc);
}

/*
 * sq_bind: the prepared statement id with the values of p (up to P_END)
 * bound by name, or NULL on error (logged; *rc says which).
 */
static struct db_cur *
sq_bind(enum stmt id, const struct db_param *p, int refuse_writes, int *rc)
{
	sqlite3_stmt	*st;
	uint64_t	 bound = 0;	/* bit i: parameter i has a value */
	int		 i, n, src = SQLITE_OK;

	*rc = DB_OK;
	if ((st = S.st[id]) == NULL) {
		src = sqlite3_prepare_v3(S.db, sql_text[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &S.st[id], NULL);
		if (src != SQLITE_OK) {
			sq_log_error(id, src);
			*rc = DB_ERROR;
			return NULL;
		}
		st = S.st[id];
	}
	assert(!sqlite3_stmt_busy(st));
	if (refuse_writes && !sqlite3_stmt_readonly(st)) {
		log_line(NULL, "db refused %s: a write during a GET",
		    sql_name[id]);
		*rc = DB_ERROR;
		return NULL;
	}
	n = sqlite3_bind_parameter_count(st);
	assert(n < 64);
	for (; p->type != DB_P_END && src == SQLITE_OK; p++) {
		i = sqlite3_bind_parameter_index(st, p->name);
		if (i == 0 || (bound & (UINT64_C(1) << i))) {
			log_line(NULL, "db error %s: %s %s", sql_name[id],
			    p->name, i == 0 ? "is not a parameter" :
			    "bound twice");
			src = SQLITE_RANGE;
			break;
		}
		bound |= UINT64_C(1) << i;
		switch (p->type) {
		case DB_P_INT:
			src = sqlite3_bind_int64(st, i, p->v.i);
			break;
		case DB_P_REF:
			src = p->v.i == 0 ? sqlite3_bind_null(st, i) :
			    sqlite3_bind_int64(st, i, p->v.i);
			break;
		case DB_P_TEXT:
			src = p->v.s == NULL ? sqlite3_bind_null(st, i) :
			    sqlite3_bind_text(st, i, p->v.s, -1,
			    SQLITE_TRANSIENT);
			break;
		case DB_P_BLOB:
			src = sqlite3_bind_blob64(st, i, p->v.b.p, p->v.b.n,
			    SQLITE_TRANSIENT);
			break;
		case DB_P_NULL:
			src = sqlite3_bind_null(st, i);
			break;
		default:
			abort();
		}
		if (src != SQLITE_OK)
			sq_log_error(id, src);
	}
	for (i = 1; i <= n && src == SQLITE_OK; i++)
		if (!(bound & (UINT64_C(1) << i))) {
			log_line(NULL, "db error %s: %s not bound",
			    sql_name[id], sqlite3_bind_parameter_name(st, i) ?
			    sqlite3_bind_parameter_name(st, i) : "?");
			src = SQLITE_RANGE;
		}
	if (src != SQLITE_OK) {
		sqlite3_clear_bindings(st);
		*rc = DB_ERROR;
		return NULL;
	}
	return CUR(st);
}

static int
sq_step(struct db_cur *c)
{
	int	 rc = sqlite3_step(STMT(c));

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	log_line(NULL, "db error in %s: %s (%d)", sqlite3_sql(STMT(c)),
	    sqlite3_errmsg(S.db), rc);
	return -1;
}

/* a constraint the caller may expect is not logged */
static int
sq_exec(enum stmt id, struct db_cur *c)
{
	int	 rc = sqlite3_step(STMT(c));

	if (sq_code(rc) == DB_ERROR)
		sq_log_error(id, rc);
	return sq_code(rc);
}

static void
sq_reset(struct db_cur *c)
{
	sqlite3_reset(STMT(c));
	sqlite3_clear_bindings(STMT(c));
}

static int
sq_col_null(struct db_cur *c, int col)
{
	return sqlite3_column_type(STMT(c), col) == SQLITE_NULL;
}

static int64_t
sq_col_int(struct db_cur *c, int col)
{
	return sqlite3_column_int64(STMT(c), col);
}

static const char *
sq_col_text(struct db_cur *c, int col)
{
	return (const char *)sqlite3_column_text(STMT(c), col);
}

static const void *
sq_col_blob(struct db_cur *c, int col, size_t *n)
{
	const void	*p = sqlite3_column_blob(STMT(c), col);

	*n = p != NULL ? (size_t)sqlite3_column_bytes(STMT(c), col) : 0;
	return p;
}

static int
sq_changes(void)
{
	return sqlite3_changes(S.db);
}

static int64_t
sq_last_id(void)
{
	return sqlite3_last_insert_rowid(S.db);
}

static int
sq_in_tx(void)
{
	return !sqlite3_get_autocommit(S.db);
}

/* BEGIN IMMEDIATE took the lock already */
static int
sq_lock_writers(void)
{
	return 0;
}

static void
sq_abandon(void)
{
	if (!sqlite3_get_autocommit(S.db))
		sqlite3_exec(S.db, "ROLLBACK", NULL, NULL, NULL);
}

/*
 * sq_checkpoint: the checkpoint the last commit's WAL size calls for, if
 * any (see WAL_PASSIVE).  One that finds another worker's checkpoint
 * running is busy at once and leaves the work to it; one that waited the
 * busy timeout for readers and gave up, or failed otherwise, is logged.
 * Either way the next commit past the mark tries again.
 */
static void
sq_checkpoint(void)
{
	int	 mode, rc, log = 0, done = 0;
	int64_t	 t0, waited;

	if (S.wal_pages < WAL_PASSIVE)
		return;
	mode = S.wal_pages >= WAL_TRUNCATE ? SQLITE_CHECKPOINT_TRUNCATE :
	    SQLITE_CHECKPOINT_PASSIVE;
	S.wal_pages = 0;
	t0 = now_usec();
	rc = sqlite3_wal_checkpoint_v2(S.db, NULL, mode, &log, &done);
	waited = (now_usec() - t0) / 1000;
	if (rc != SQLITE_OK && ((rc & 0xff) != SQLITE_BUSY || waited >= 1000))
		log_line(NULL, "wal checkpoint: %s after %d ms (%d of %d pages)",
		    sqlite3_errmsg(S.db), (int)waited, done, log);
}

/* sq_request_end: no statement left mid-step; the WAL's checkpoint */
static int
sq_request_end(void)
{
	sqlite3_stmt	*st = NULL;
	int		 bad = 0;

	while ((st = sqlite3_next_stmt(S.db, st)) != NULL)
		if (sqlite3_stmt_busy(st)) {
			log_line(NULL, "db statement left busy: %s",
			    sqlite3_sql(st));
			sqlite3_reset(st);
			bad = 1;
		}
	sq_checkpoint();
	return bad ? -1 : 0;
}

const struct db_engine db_sqlite_engine = {
	"sqlite", sq_open, sq_close, sq_where, sq_ready, sq_lost,
	sq_version, sq_script, sq_bind, sq_step, sq_exec, sq_reset,
	sq_col_null, sq_col_int, sq_col_text, sq_col_blob, sq_changes,
	sq_last_id, sq_in_tx, sq_lock_writers, sq_abandon, sq_request_end
};
