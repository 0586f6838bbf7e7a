/*
 * db.c: the one database connection of a process, whichever engine
 * Database.Engine names (db_sqlite.c, db_pg.c, behind engine.h): the
 * statements of sql.c prepared lazily once, values bound by name and
 * type (struct db_param, made by db.h's P_ macros), and nested write
 * transactions that remember where they were opened (after Fossil's
 * db_begin_write).  A write transaction holds the one writer's lock of
 * the database from its BEGIN: SQLite's BEGIN IMMEDIATE, or on
 * PostgreSQL a transaction-level advisory lock that every writer takes,
 * so that on both engines writers run one after another and each sees
 * the last one's work.
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
#include "data/engine.h"
#include "data/sql.h"
#include "lib/config.h"
#include "lib/util.h"

static struct {
	const struct db_engine *e;
	int		 depth;		/* nesting of db_begin_write */
	int		 doomed;	/* an inner level rolled back */
	const char	*file;		/* where the outer level began */
	int		 line;
	int		 readonly;	/* a GET: refuse writes (sql.c) */
	int		 reading;	/* db_read_begin's transaction is open */
} D;

/*
 * db_open: open the database of the configuration, SQLite's file (made
 * if create is set) or PostgreSQL's (Database.Conninfo).  0, or -1 with
 * a message on stderr.
 */
int
db_open(int create)
{
	const struct db_engine *e = cfg.db_pg ? &db_pg_engine :
	    &db_sqlite_engine;

	assert(D.e == NULL);
	if (e->open(create) != 0)
		return -1;
	D.e = e;
	return 0;
}

/* db_close: finalise every statement and close the connection. */
void
db_close(void)
{
	if (D.e != NULL)
		D.e->close();
	memset(&D, 0, sizeof(D));
}

int
db_is_open(void)
{
	return D.e != NULL;
}

int
db_is_pg(void)
{
	return D.e == &db_pg_engine;
}

/* db_where: the database, for messages (never a password). */
const char *
db_where(void)
{
	return D.e != NULL ? D.e->where() : "(closed)";
}

/* db_sqlite: SQLite's connection (sqlite3 *) for its backup, or NULL. */
void *
db_sqlite(void)
{
	return D.e == &db_sqlite_engine ? db_sqlite_handle() : NULL;
}

/*
 * db_ready: at the start of a request, whether the database can be
 * asked: PostgreSQL's connection is made again after the server
 * restarted (statements are prepared again as they are used).  0, or -1
 * when it cannot be reached: the request gets 503.
 */
int
db_ready(void)
{
	return D.e->ready();
}

/* db_lost: whether the connection broke during this request. */
int
db_lost(void)
{
	return D.e != NULL && D.e->lost();
}

/* db_version: the schema's version (the last migration run), or -1. */
int
db_version(void)
{
	return D.e->version();
}

/*
 * db_exec_script: run a whole SQL script (a migration file, read by
 * supportalctl from schema/).  Not for anything with user values.
 */
int
db_exec_script(const char *text)
{
	return D.e->script(text);
}

/* db_set_readonly: while set, statements that write are refused. */
void
db_set_readonly(int on)
{
	D.readonly = on;
}

int
db_in_transaction(void)
{
	return D.e->in_tx();
}

static struct db_cur *
db_bind(enum stmt id, const struct db_param *p, int *rc)
{
	assert(id >= 0 && id < STMT__MAX);
	return D.e->bind(id, p, D.readonly && !sql_get_may_write(id), rc);
}

/*
 * db_query_ (db_query in db.h): the prepared statement id with the
 * values of p bound.  Returns the cursor, to be stepped with db_row
 * and handed back with db_done, or NULL (logged) on error.
 */
struct db_cur *
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
	struct db_cur	*st;
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
db_row(struct db_cur *st)
{
	return D.e->step(st);
}

/* db_done: reset st and clear its bindings, ready for the next use. */
void
db_done(struct db_cur *st)
{
	if (st != NULL)
		D.e->reset(st);
}

/*
 * db_exec_ (db_exec): run a statement that returns no rows.  Returns
 * DB_OK, DB_CONSTRAINT for a UNIQUE, CHECK or FOREIGN KEY violation,
 * which the caller may expect (it is not logged), or DB_ERROR.
 */
int
db_exec_(enum stmt id, const struct db_param *p)
{
	struct db_cur	*st;
	int		 rc;

	if ((st = db_bind(id, p, &rc)) == NULL)
		return rc;
	rc = D.e->exec(id, st);
	db_done(st);
	return rc;
}

int
db_changes(void)
{
	return D.e->changes();
}

int64_t
db_last_id(void)
{
	return D.e->last_id();
}

int64_t
db_col_int(struct db_cur *st, int col)
{
	return D.e->col_int(st, col);
}

/* db_col_text: column col as text, "" for NULL; valid until the next step. */
const char *
db_col_text(struct db_cur *st, int col)
{
	const char	*s = D.e->col_text(st, col);

	return s ? s : "";
}

int
db_col_null(struct db_cur *st, int col)
{
	return D.e->col_null(st, col);
}

/* db_col_blob: column col's bytes (*n of them), NULL for NULL; valid
 * until the next step. */
const void *
db_col_blob(struct db_cur *st, int col, size_t *n)
{
	return D.e->col_blob(st, col, n);
}

/* db_col_copy: column col copied into dst of size sz, truncated. */
void
db_col_copy(struct db_cur *st, int col, char *dst, size_t sz)
{
	strlcpy_(dst, db_col_text(st, col), sz);
}

/*
 * db_choices: call fn with (id, name), the first two columns of each row
 * of statement st (NULL: the query failed), then finish it.  0 or -1.
 */
int
db_choices(struct db_cur *st, int (*fn)(void *, int64_t, const char *),
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
 * db_begin_write_: open a write transaction, holding the writer's lock
 * from its start (SQLite: BEGIN IMMEDIATE, so that it waits for the lock
 * rather than failing on upgrade, H.36; PostgreSQL: BEGIN and the
 * advisory lock), or nest inside the one already open.  0 or -1.
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
	if (db_exec(STMT_BEGIN, P_END) != DB_OK) {
		D.depth = 0;
		return -1;
	}
	if (D.e->lock_writers() != 0) {
		D.e->abandon();
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
	if (db_exec(STMT_COMMIT, P_END) != DB_OK) {
		if (D.e->in_tx())
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
	if (--D.depth == 0 && D.e->in_tx())
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
	if (D.depth == 0 && !D.reading && !D.e->in_tx() &&
	    db_exec(STMT_BEGIN_READ, P_END) == DB_OK)
		D.reading = 1;
}

/* db_read_end: end db_read_begin's transaction, if it is open. */
void
db_read_end(void)
{
	if (!D.reading)
		return;
	D.reading = 0;
	if (D.e->in_tx())
		db_exec(STMT_COMMIT, P_END);
}

/*
 * db_request_end: at the end of every request: no transaction may be
 * open and no statement left mid-step.  Returns 0, or -1 after rolling
 * back and resetting what was left (logged with where it began).
 */
int
db_request_end(void)
{
	int	 bad = 0;

	D.readonly = 0;
	db_read_end();		/* a GET's snapshot, ended wherever it returned */
	if (D.depth != 0 || D.e->in_tx()) {
		log_line(NULL, "db transaction left open (begun at %s:%d)",
		    D.file ? D.file : "?", D.line);
		D.e->abandon();
		D.depth = 0;
		bad = 1;
	}
	if (D.e->request_end() != 0)
		bad = 1;
	return bad ? -1 : 0;
}
