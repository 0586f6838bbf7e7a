/*
 * db.c: the one SQLite connection of a process, the statements of sql.c
 * prepared lazily once (SQLITE_PREPARE_PERSISTENT), one bind helper
 * that binds typed values by name (struct db_param, made by db.h's P_
 * macros), and nested BEGIN IMMEDIATE write transactions that remember
 * where they were opened (after Fossil's db_begin_write).
 *
 * Every parameter of a statement is bound by its :name, each once: a
 * name the statement lacks, or a parameter left out, is logged and the
 * call fails, rather than binding NULL by omission.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/db.h"
#include "data/sql.h"
#include "lib/util.h"

static struct {
	sqlite3		*db;
	sqlite3_stmt	*st[STMT__MAX];
	int		 depth;		/* nesting of db_begin_write */
	int		 doomed;	/* an inner level rolled back */
	const char	*file;		/* where the outer level began */
	int		 line;
	int		 readonly;	/* a GET: refuse writes (sql.c) */
	int		 reading;	/* db_read_begin's transaction is open */
	int		 wal_pages;	/* the WAL's size at our last commit */
} D;

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
	D.wal_pages = pages;
	return SQLITE_OK;
}

/*
 * db_open: open path (creating it if create is set), set the pragmas of
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
int
db_open(const char *path, int create)
{
	static const char *const pragmas =
	    "PRAGMA journal_mode = WAL;"
	    "PRAGMA synchronous = FULL;"
	    "PRAGMA foreign_keys = ON;"
	    "PRAGMA journal_size_limit = 16777216;"
	    "PRAGMA trusted_schema = ON;";
	int	 flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	char	*msg = NULL;

	assert(D.db == NULL);
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &D.db, flags, NULL) != SQLITE_OK) {
		fprintf(stderr, "supportal: %s: %s\n", path,
		    D.db ? sqlite3_errmsg(D.db) : "cannot open");
		sqlite3_close(D.db);
		D.db = NULL;
		return -1;
	}
	sqlite3_extended_result_codes(D.db, 1);
	sqlite3_busy_timeout(D.db, 5000);	/* H.36 */
	sqlite3_wal_hook(D.db, wal_hook, NULL);	/* L.51: db_request_end */
	if (sqlite3_exec(D.db, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "supportal: %s: %s\n", path, msg);
		sqlite3_free(msg);
		db_close();
		return -1;
	}
	return 0;
}

/* db_close: finalise every statement and close the connection. */
void
db_close(void)
{
	int	 i;

	for (i = 0; i < STMT__MAX; i++)
		if (D.st[i] != NULL) {
			sqlite3_finalize(D.st[i]);
			D.st[i] = NULL;
		}
	sqlite3_close(D.db);
	memset(&D, 0, sizeof(D));
}

sqlite3 *
db_handle(void)
{
	return D.db;
}

/* db_version: PRAGMA user_version, or -1. */
int
db_version(void)
{
	sqlite3_stmt	*st;
	int		 v = -1;

	if (sqlite3_prepare_v2(D.db, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * db_exec_script: run a whole SQL script (a migration file, read by
 * supportalctl from schema/).  Not for anything with user values.
 */
int
db_exec_script(const char *text)
{
	char	*msg = NULL;

	if (sqlite3_exec(D.db, text, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "supportal: %s\n", msg ? msg : "sql error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* db_set_readonly: while set, statements that write are refused. */
void
db_set_readonly(int on)
{
	D.readonly = on;
}

static void
db_log_error(enum stmt id, int rc)
{
	log_line(NULL, "db error %s: %s (%d)", sql_name[id],
	    sqlite3_errmsg(D.db), rc);
}

/*
 * db_bind: the prepared statement id with the values of p (up to P_END)
 * bound by name, or NULL on error (logged; *rc says which).
 */
static sqlite3_stmt *
db_bind(enum stmt id, const struct db_param *p, int *rc)
{
	sqlite3_stmt	*st;
	uint64_t	 bound = 0;	/* bit i: parameter i has a value */
	int		 i, n;

	assert(id >= 0 && id < STMT__MAX);
	*rc = SQLITE_OK;
	if ((st = D.st[id]) == NULL) {
		*rc = sqlite3_prepare_v3(D.db, sql_text[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &D.st[id], NULL);
		if (*rc != SQLITE_OK) {
			db_log_error(id, *rc);
			return NULL;
		}
		st = D.st[id];
	}
	assert(!sqlite3_stmt_busy(st));
	if (D.readonly && !sqlite3_stmt_readonly(st) &&
	    !sql_get_may_write(id)) {
		log_line(NULL, "db refused %s: a write during a GET",
		    sql_name[id]);
		*rc = SQLITE_READONLY;
		return NULL;
	}
	n = sqlite3_bind_parameter_count(st);
	assert(n < 64);
	for (; p->type != DB_P_END && *rc == SQLITE_OK; p++) {
		i = sqlite3_bind_parameter_index(st, p->name);
		if (i == 0 || (bound & (UINT64_C(1) << i))) {
			log_line(NULL, "db error %s: %s %s", sql_name[id],
			    p->name, i == 0 ? "is not a parameter" :
			    "bound twice");
			*rc = SQLITE_RANGE;
			break;
		}
		bound |= UINT64_C(1) << i;
		switch (p->type) {
		case DB_P_INT:
			*rc = sqlite3_bind_int64(st, i, p->v.i);
			break;
		case DB_P_REF:
			*rc = p->v.i == 0 ? sqlite3_bind_null(st, i) :
			    sqlite3_bind_int64(st, i, p->v.i);
			break;
		case DB_P_TEXT:
			*rc = p->v.s == NULL ? sqlite3_bind_null(st, i) :
			    sqlite3_bind_text(st, i, p->v.s, -1,
			    SQLITE_TRANSIENT);
			break;
		case DB_P_BLOB:
			*rc = sqlite3_bind_blob64(st, i, p->v.b.p, p->v.b.n,
			    SQLITE_TRANSIENT);
			break;
		case DB_P_NULL:
			*rc = sqlite3_bind_null(st, i);
			break;
		default:
			abort();
		}
		if (*rc != SQLITE_OK)
			db_log_error(id, *rc);
	}
	for (i = 1; i <= n && *rc == SQLITE_OK; i++)
		if (!(bound & (UINT64_C(1) << i))) {
			log_line(NULL, "db error %s: %s not bound",
			    sql_name[id], sqlite3_bind_parameter_name(st, i) ?
			    sqlite3_bind_parameter_name(st, i) : "?");
			*rc = SQLITE_RANGE;
		}
	if (*rc != SQLITE_OK) {
		sqlite3_clear_bindings(st);
		return NULL;
	}
	return st;
}

/*
 * db_query_ (db_query in db.h): the prepared statement id with the
 * values of p bound.  Returns the statement, to be stepped with db_row
 * and handed back with db_done, or NULL (logged) on error.
 */
sqlite3_stmt *
db_query_(enum stmt id, const struct db_param *p)
{
	int	 rc;

	return db_bind(id, p, &rc);
}

/*
 * db_int_ (db_int): the first column of the first row of statement id
 * (a count, a maximum, an id), or dflt when there is no row; -1 on
 * error.  The statement's values are never negative.
 */
int64_t
db_int_(enum stmt id, int64_t dflt, const struct db_param *p)
{
	sqlite3_stmt	*st;
	int64_t		 v = -1;
	int		 rc;

	if ((st = db_bind(id, p, &rc)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1)
		v = db_col_int(st, 0);
	else if (rc == 0)
		v = dflt;
	db_done(st);
	return v;
}

/* db_row: step st; 1 for a row, 0 when done, -1 on error (logged). */
int
db_row(sqlite3_stmt *st)
{
	int	 rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	log_line(NULL, "db error in %s: %s (%d)", sqlite3_sql(st),
	    sqlite3_errmsg(D.db), rc);
	return -1;
}

/* db_done: reset st and clear its bindings, ready for the next use. */
void
db_done(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/*
 * db_exec_ (db_exec): run a statement that returns no rows.  Returns
 * SQLITE_OK (0) or the SQLite primary result code (SQLITE_CONSTRAINT for
 * a UNIQUE or CHECK violation, which the caller may expect: it is not
 * logged).
 */
int
db_exec_(enum stmt id, const struct db_param *p)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_bind(id, p, &rc)) == NULL)
		return rc & 0xff;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		rc = SQLITE_OK;
	else if ((rc & 0xff) != SQLITE_CONSTRAINT)
		db_log_error(id, rc);
	db_done(st);
	return rc & 0xff;
}

int
db_changes(void)
{
	return sqlite3_changes(D.db);
}

int64_t
db_last_id(void)
{
	return sqlite3_last_insert_rowid(D.db);
}

int64_t
db_col_int(sqlite3_stmt *st, int col)
{
	return sqlite3_column_int64(st, col);
}

/* db_col_text: column col as text, "" for NULL; valid until the next step. */
const char *
db_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char	*s = sqlite3_column_text(st, col);

	return s ? (const char *)s : "";
}

/* db_col_copy: column col copied into dst of size sz, truncated. */
void
db_col_copy(sqlite3_stmt *st, int col, char *dst, size_t sz)
{
	strlcpy_(dst, db_col_text(st, col), sz);
}

/*
 * db_choices: call fn with (id, name), the first two columns of each row
 * of statement st (NULL: the query failed), then finish it.  0 or -1.
 */
int
db_choices(sqlite3_stmt *st, int (*fn)(void *, int64_t, const char *),
    void *arg)
{
	int	 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		if (fn(arg, db_col_int(st, 0), db_col_text(st, 1)) != 0) {
			rc = -1;
			break;
		}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * db_begin_write_: open a write transaction (BEGIN IMMEDIATE, so that it
 * waits for the write lock rather than failing on upgrade, H.36), or
 * nest inside the one already open.  Returns 0 or -1.
 */
int
db_begin_write_(const char *file, int line)
{
	if (D.depth++ > 0)
		return 0;
	db_read_end();		/* a write starts from the newest snapshot */
	D.doomed = 0;
	D.file = file;
	D.line = line;
	if (db_exec(STMT_BEGIN, P_END) != SQLITE_OK) {
		D.depth = 0;
		return -1;
	}
	return 0;
}

/*
 * db_commit: close one level; the outer level commits, or rolls back
 * when an inner level did.  Returns 0 when the outer commit succeeded
 * (or at an inner level), -1 otherwise (everything rolled back).
 */
int
db_commit(void)
{
	assert(D.depth > 0);
	if (--D.depth > 0)
		return D.doomed ? -1 : 0;
	if (D.doomed) {
		db_exec(STMT_ROLLBACK, P_END);
		return -1;
	}
	if (db_exec(STMT_COMMIT, P_END) != SQLITE_OK) {
		if (!sqlite3_get_autocommit(D.db))
			db_exec(STMT_ROLLBACK, P_END);
		return -1;
	}
	return 0;
}

/*
 * db_end: close one level after the work inside it returned rc: -1
 * rolls back, anything else commits.  Returns rc, or -1 when the
 * commit failed.
 */
int
db_end(int rc)
{
	if (rc < 0) {
		db_rollback();
		return -1;
	}
	return db_commit() == 0 ? rc : -1;
}

/* db_rollback: close one level and doom the whole transaction. */
void
db_rollback(void)
{
	assert(D.depth > 0);
	D.doomed = 1;
	if (--D.depth == 0 && !sqlite3_get_autocommit(D.db))
		db_exec(STMT_ROLLBACK, P_END);
}

/*
 * db_read_begin: one read transaction around the rest of a GET, so that
 * its statements see one snapshot and the file is locked and unlocked
 * once rather than once a statement.
 */
void
db_read_begin(void)
{
	if (D.depth == 0 && !D.reading && sqlite3_get_autocommit(D.db) &&
	    db_exec(STMT_BEGIN_READ, P_END) == SQLITE_OK)
		D.reading = 1;
}

/* db_read_end: end db_read_begin's transaction, if it is open. */
void
db_read_end(void)
{
	if (!D.reading)
		return;
	D.reading = 0;
	if (!sqlite3_get_autocommit(D.db))
		db_exec(STMT_COMMIT, P_END);
}

/*
 * db_checkpoint: the checkpoint the last commit's WAL size calls for, if
 * any (see WAL_PASSIVE).  One that finds another worker's checkpoint
 * running is busy at once and leaves the work to it; one that waited the
 * busy timeout for readers and gave up, or failed otherwise, is logged.
 * Either way the next commit past the mark tries again.
 */
static void
db_checkpoint(void)
{
	int	 mode, rc, log = 0, done = 0;
	int64_t	 t0, waited;

	if (D.wal_pages < WAL_PASSIVE)
		return;
	mode = D.wal_pages >= WAL_TRUNCATE ? SQLITE_CHECKPOINT_TRUNCATE :
	    SQLITE_CHECKPOINT_PASSIVE;
	D.wal_pages = 0;
	t0 = now_usec();
	rc = sqlite3_wal_checkpoint_v2(D.db, NULL, mode, &log, &done);
	waited = (now_usec() - t0) / 1000;
	if (rc != SQLITE_OK && ((rc & 0xff) != SQLITE_BUSY || waited >= 1000))
		log_line(NULL, "wal checkpoint: %s after %d ms (%d of %d pages)",
		    sqlite3_errmsg(D.db), (int)waited, done, log);
}

/*
 * db_request_end: at the end of every request: no transaction may be
 * open and no statement left mid-step.  Returns 0, or -1 after rolling
 * back and resetting what was left (logged with where it began).
 */
int
db_request_end(void)
{
	sqlite3_stmt	*st = NULL;
	int		 bad = 0;

	D.readonly = 0;
	db_read_end();		/* a GET's snapshot, ended wherever it returned */
	if (D.depth != 0 || !sqlite3_get_autocommit(D.db)) {
		log_line(NULL, "db transaction left open (begun at %s:%d)",
		    D.file ? D.file : "?", D.line);
		if (!sqlite3_get_autocommit(D.db))
			sqlite3_exec(D.db, "ROLLBACK", NULL, NULL, NULL);
		D.depth = 0;
		bad = 1;
	}
	while ((st = sqlite3_next_stmt(D.db, st)) != NULL)
		if (sqlite3_stmt_busy(st)) {
			log_line(NULL, "db statement left busy: %s",
			    sqlite3_sql(st));
			sqlite3_reset(st);
			bad = 1;
		}
	db_checkpoint();
	return bad ? -1 : 0;
}
