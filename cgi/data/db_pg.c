/*
 * db_pg.c: the PostgreSQL engine of db.c (Database.Engine = postgresql,
 * R18): one libpq connection a process (Database.Conninfo), each
 * statement prepared on it once, the first time it is used, under the
 * name "s<id>", with PostgreSQL's text of it where sql_pg.def has one.
 *
 * The :names of a statement become $1, $2 ... as it is prepared (one
 * name, one number); every value goes as text of type unknown, so that
 * the server gives each parameter the type its place in the statement
 * asks for (a BLOB goes as binary bytea).  A statement runs when its
 * values are bound, and its rows are read from the result as db_row
 * steps through them.  The few whose best plan depends on their values
 * (sql_plan_each) are not prepared but sent with them each time, so
 * that the server plans them with the values in view.
 *
 * A write transaction is BEGIN and then a transaction-level advisory
 * lock that every writer takes (WRITERS_LOCK): writers run one at a
 * time, as on SQLite, and each sees all the last one wrote, whatever
 * host it runs on.  Readers never wait for it.
 *
 * When the server restarts, the connection breaks: the request that
 * finds it broken fails (and is answered 503), and the next request
 * connects again (db_ready); statements are prepared again as used.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "data/engine.h"
#include "data/sql.h"
#include "lib/config.h"
#include "lib/util.h"

#define MAXPARAM	64
#define WRITERS_LOCK	"SELECT pg_advisory_xact_lock(8379311)"

struct db_cur {
	PGresult	*res;
	int		 row;		/* -1 before the first db_row */
	int		 nrows;
	unsigned char	*blob;		/* db_col_blob's bytes */
};

static struct {
	PGconn		*conn;
	char		 where[300];
	int		 changes;
	int64_t		 last_id;
	int		 gone;		/* the server said it is going away */
	struct pgst {
		int		 prepared;
		int		 writes;	/* not a SELECT: refused in a GET */
		int		 nparam;
		char		*name[MAXPARAM];/* ":name" of $i+1 */
		char		*text;		/* sql_plan_each's: its $n text */
		struct db_cur	 cur;
		int		 busy;
	}		 st[STMT__MAX];
} P;

static void pg_close(void);

/* notices (a NOTICE from the server) are not the log's business */
static void
pg_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/*
 * pg_session: what every connection is set to: times in UTC as SQLite
 * has them; a lock (the writers' one or a row's) waited for at most 5 s,
 * as SQLite's busy timeout (H.36).
 */
static int
pg_session(void)
{
	PGresult	*r;
	int		 ok;

	PQsetNoticeProcessor(P.conn, pg_notice, NULL);
	r = PQexec(P.conn, "SET TIME ZONE 'UTC'; SET lock_timeout = '5s';"
	    " SET client_min_messages = warning");
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	return ok ? 0 : -1;
}

static void
pg_forget_prepared(void)
{
	int	 i;

	for (i = 0; i < STMT__MAX; i++)
		P.st[i].prepared = 0;
}

static int
pg_open(int create)
{
	(void)create;		/* the database is the operator's to make */
	assert(P.conn == NULL);
	if (cfg.db_conninfo[0] == '\0') {
		fprintf(stderr, "supportal: Database.Engine is postgresql "
		    "but Database.Conninfo is empty\n");
		return -1;
	}
	P.conn = PQconnectdb(cfg.db_conninfo);
	if (PQstatus(P.conn) != CONNECTION_OK) {
		fprintf(stderr, "supportal: postgresql: %s",
		    PQerrorMessage(P.conn));
		pg_close();
		return -1;
	}
	snprintf(P.where, sizeof(P.where), "postgresql database %s on %s",
	    PQdb(P.conn), PQhost(P.conn) ? PQhost(P.conn) : "?");
	if (pg_session() != 0) {
		fprintf(stderr, "supportal: postgresql: %s",
		    PQerrorMessage(P.conn));
		pg_close();
		return -1;
	}
	return 0;
}

static void
pg_close(void)
{
	int	 i, j;

	for (i = 0; i < STMT__MAX; i++) {
		PQclear(P.st[i].cur.res);
		PQfreemem(P.st[i].cur.blob);
		for (j = 0; j < P.st[i].nparam; j++)
			free(P.st[i].name[j]);
		free(P.st[i].text);
	}
	PQfinish(P.conn);
	memset(&P, 0, sizeof(P));
}

static const char *
pg_where(void)
{
	return P.where;
}

static int
pg_lost(void)
{
	return P.gone || PQstatus(P.conn) != CONNECTION_OK;
}

/* pg_ready: connected, or connected again now; -1 when the server is
 * not there (yet) */
static int
pg_ready(void)
{
	if (!pg_lost())
		return 0;
	PQreset(P.conn);
	P.gone = 0;
	pg_forget_prepared();
	if (pg_lost() || pg_session() != 0) {
		log_line(NULL, "postgresql: %s", PQerrorMessage(P.conn));
		P.gone = 1;	/* not set up: made again next time */
		return -1;
	}
	log_line(NULL, "postgresql: connected again");
	return 0;
}

/* pg_version: schema_meta's version; 0 for a database with no tables */
static int
pg_version(void)
{
	PGresult	*r;
	int		 v = -1;

	r = PQexec(P.conn, "SELECT to_regclass('schema_meta') IS NULL");
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
	    strcmp(PQgetvalue(r, 0, 0), "t") == 0)
		v = 0;
	PQclear(r);
	if (v == 0)
		return 0;
	r = PQexec(P.conn, "SELECT max(version) FROM schema_meta");
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
	    !PQgetisnull(r, 0, 0))
		v = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

static int
pg_script(const char *text)
{
	PGresult	*r = PQexec(P.conn, text);
	int		 ok;

	ok = PQresultStatus(r) == PGRES_COMMAND_OK ||
	    PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		fprintf(stderr, "supportal: %s", PQerrorMessage(P.conn));
	PQclear(r);
	return ok ? 0 : -1;
}

/*
 * pg_error: the message of error r: the server's, or libpq's own where
 * it made no result (a NULL r) or left the message on the connection.
 */
static const char *
pg_error(const PGresult *r)
{
	const char	*m = PQresultErrorMessage(r);

	return m[0] != '\0' ? m : PQerrorMessage(P.conn);
}

/*
 * pg_gone: after an error r, whether the connection is to be made
 * again: a connection error (08...) or the server shutting down or
 * starting (57P..), even where libpq has not yet seen it close; and an
 * error with no SQLSTATE at all, which the server did not send: libpq's
 * own, as "server closed the connection unexpectedly" when a read fails
 * in a way that leaves PQstatus saying CONNECTION_OK (seen while the
 * server is stopped with -m immediate, R18.2).
 */
static void
pg_gone(const PGresult *r)
{
	const char	*state = PQresultErrorField(r, PG_DIAG_SQLSTATE);

	if (state == NULL && !P.gone && PQstatus(P.conn) == CONNECTION_OK)
		log_line(NULL, "postgresql: connection lost: %s", pg_error(r));
	if (state == NULL || strncmp(state, "08", 2) == 0 ||
	    strncmp(state, "57P", 3) == 0)
		P.gone = 1;
}

/* pg_simple: a statement of the engine's own, no values, no rows */
static int
pg_simple(const char *sql)
{
	PGresult	*r = PQexec(P.conn, sql);
	int		 ok;

	ok = PQresultStatus(r) == PGRES_COMMAND_OK ||
	    PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok) {
		log_line(NULL, "db error (%s): %s", sql, pg_error(r));
		pg_gone(r);
	}
	PQclear(r);
	return ok ? 0 : -1;
}

/*
 * pg_writes: whether a statement may write: anything but a SELECT, or a
 * WITH whose parts only read.  Read off the text, which is ours.
 */
static int
pg_writes(const char *s)
{
	while (*s == ' ' || *s == '(')
		s++;
	if (strncasecmp(s, "SELECT", 6) == 0 ||
	    strncasecmp(s, "VALUES", 6) == 0)
		return 0;
	if (strncasecmp(s, "WITH", 4) == 0)
		return strstr(s, "INSERT ") != NULL ||
		    strstr(s, "UPDATE ") != NULL ||
		    strstr(s, "DELETE ") != NULL;
	return 1;
}

/*
 * pg_translate: text with its :names as $1.. into out, the names into
 * st (each once, in the order of first use).  '...' literals and "..."
 * names are copied as they are, and so is a :: cast.  0 or -1.
 */
static int
pg_translate(const char *s, struct buf *out, struct pgst *st)
{
	const char	*e;
	int		 i;

	while (*s != '\0') {
		if (*s == '\'' || *s == '"') {
			e = strchr(s + 1, *s);
			e = e != NULL ? e + 1 : s + strlen(s);
			buf_add(out, s, (size_t)(e - s));
			s = e;
		} else if (s[0] == ':' && s[1] == ':') {
			buf_puts(out, "::");
			s += 2;
		} else if (s[0] == ':' && (s[1] == '_' ||
		    (s[1] >= 'a' && s[1] <= 'z') ||
		    (s[1] >= 'A' && s[1] <= 'Z'))) {
			for (e = s + 1; *e == '_' || (*e >= 'a' && *e <= 'z') ||
			    (*e >= 'A' && *e <= 'Z') || (*e >= '0' && *e <= '9');
			    e++)
				;
			for (i = 0; i < st->nparam; i++)
				if (strlen(st->name[i]) == (size_t)(e - s) &&
				    strncmp(st->name[i], s, (size_t)(e - s)) == 0)
					break;
			if (i == st->nparam) {
				if (i == MAXPARAM)
					return -1;
				st->name[i] = xmalloc((size_t)(e - s) + 1);
				memcpy(st->name[i], s, (size_t)(e - s));
				st->name[i][e - s] = '\0';
				st->nparam++;
			}
			buf_printf(out, "$%d", i + 1);
			s = e;
		} else
			buf_add(out, s++, 1);
	}
	return 0;
}

/* pg_prepare: statement id prepared on this connection; 0 or -1 */
static int
pg_prepare(enum stmt id)
{
	struct pgst	*st = &P.st[id];
	const char	*text = sql_text_pg[id] ? sql_text_pg[id] : sql_text[id];
	struct buf	 b = { 0 };
	char		 name[16];
	PGresult	*r;
	int		 i, ok;

	for (i = 0; i < st->nparam; i++)
		free(st->name[i]);
	st->nparam = 0;
	if (pg_translate(text, &b, st) != 0) {
		log_line(NULL, "db error %s: too many parameters",
		    sql_name[id]);
		buf_free(&b);
		return -1;
	}
	st->writes = pg_writes(text);
	free(st->text);
	st->text = NULL;
	if (sql_plan_each(id)) {	/* sent with its values each time */
		st->text = b.p != NULL ? b.p : xstrdup("");
		st->prepared = 1;
		return 0;
	}
	snprintf(name, sizeof(name), "s%d", (int)id);
	r = PQprepare(P.conn, name, b.p ? b.p : "", 0, NULL);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok) {
		log_line(NULL, "db error preparing %s: %s", sql_name[id],
		    pg_error(r));
		pg_gone(r);
	}
	PQclear(r);
	buf_free(&b);
	st->prepared = ok;
	return ok ? 0 : -1;
}

/*
 * pg_run: execute the prepared statement with the values; the result
 * kept as the cursor's.  In a transaction, a statement whose violation
 * the caller expects runs in a savepoint, so that the violation leaves
 * the transaction going, as on SQLite.  DB_OK, DB_CONSTRAINT or DB_ERROR
 * (logged unless a constraint).
 */
static int
pg_run(enum stmt id, const char *const *val, const int *len,
    const int *fmt)
{
	struct pgst	*st = &P.st[id];
	char		 name[16];
	const char	*state, *status;
	int		 savepoint, rc;
	PGresult	*r;

	savepoint = sql_may_conflict(id) &&
	    PQtransactionStatus(P.conn) == PQTRANS_INTRANS;
	if (savepoint && pg_simple("SAVEPOINT conflict") != 0)
		return DB_ERROR;
	snprintf(name, sizeof(name), "s%d", (int)id);
	r = st->text != NULL ?
	    PQexecParams(P.conn, st->text, st->nparam, NULL, val, len, fmt, 0) :
	    PQexecPrepared(P.conn, name, st->nparam, val, len, fmt, 0);
	switch (PQresultStatus(r)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		status = PQcmdStatus(r);
		P.changes = atoi(PQcmdTuples(r));
		if (strncmp(status, "INSERT", 6) == 0 && PQntuples(r) > 0 &&
		    PQnfields(r) > 0)
			P.last_id = strtoll(PQgetvalue(r, PQntuples(r) - 1, 0),
			    NULL, 10);
		st->cur.res = r;
		st->cur.row = -1;
		st->cur.nrows = PQntuples(r);
		if (savepoint)
			pg_simple("RELEASE SAVEPOINT conflict");
		return DB_OK;
	default:
		state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		rc = state != NULL && strncmp(state, "23", 2) == 0 ?
		    DB_CONSTRAINT : DB_ERROR;
		pg_gone(r);
		if (rc == DB_ERROR)
			log_line(NULL, "db error %s: %s", sql_name[id],
			    pg_error(r));
		PQclear(r);
		if (savepoint)
			pg_simple("ROLLBACK TO SAVEPOINT conflict");
		return rc;
	}
}

/*
 * pg_bind: statement id (prepared now if it was not) run with the
 * values of p, each bound by its :name once and all of them bound.
 */
static struct db_cur *
pg_bind(enum stmt id, const struct db_param *p, int refuse_writes, int *rc)
{
	struct pgst	*st = &P.st[id];
	const char	*val[MAXPARAM];
	int		 len[MAXPARAM], fmt[MAXPARAM], i;
	char		 num[MAXPARAM][24];
	uint64_t	 bound = 0;

	*rc = DB_ERROR;
	assert(!st->busy);
	if (!st->prepared && pg_prepare(id) != 0)
		return NULL;
	if (refuse_writes && st->writes) {
		log_line(NULL, "db refused %s: a write during a GET",
		    sql_name[id]);
		return NULL;
	}
	for (; p->type != DB_P_END; p++) {
		for (i = 0; i < st->nparam; i++)
			if (strcmp(st->name[i], p->name) == 0)
				break;
		if (i == st->nparam || (bound & (UINT64_C(1) << i))) {
			log_line(NULL, "db error %s: %s %s", sql_name[id],
			    p->name, i == st->nparam ? "is not a parameter" :
			    "bound twice");
			return NULL;
		}
		bound |= UINT64_C(1) << i;
		len[i] = 0;
		fmt[i] = 0;
		switch (p->type) {
		case DB_P_INT:
		case DB_P_REF:
			snprintf(num[i], sizeof(num[i]), "%lld",
			    (long long)p->v.i);
			val[i] = p->type == DB_P_REF && p->v.i == 0 ? NULL :
			    num[i];
			break;
		case DB_P_TEXT:
			val[i] = p->v.s;
			break;
		case DB_P_BLOB:
			val[i] = p->v.b.p;
			len[i] = (int)p->v.b.n;
			fmt[i] = 1;
			break;
		case DB_P_NULL:
			val[i] = NULL;
			break;
		default:
			abort();
		}
	}
	for (i = 0; i < st->nparam; i++)
		if (!(bound & (UINT64_C(1) << i))) {
			log_line(NULL, "db error %s: %s not bound",
			    sql_name[id], st->name[i]);
			return NULL;
		}
	if ((*rc = pg_run(id, val, len, fmt)) != DB_OK)
		return NULL;
	st->busy = 1;
	return &st->cur;
}

static int
pg_step(struct db_cur *c)
{
	if (c->row + 1 >= c->nrows)
		return 0;
	c->row++;
	return 1;
}

static int
pg_exec(enum stmt id, struct db_cur *c)
{
	(void)id;
	(void)c;
	return DB_OK;		/* it ran as it was bound */
}

static void
pg_reset(struct db_cur *c)
{
	struct pgst	*st = (struct pgst *)(void *)((char *)c -
	    offsetof(struct pgst, cur));

	PQclear(c->res);
	PQfreemem(c->blob);
	c->res = NULL;
	c->blob = NULL;
	c->row = -1;
	c->nrows = 0;
	st->busy = 0;
}

static int
pg_col_null(struct db_cur *c, int col)
{
	return PQgetisnull(c->res, c->row, col);
}

/* a boolean reads as 1 or 0, a number as itself */
static int64_t
pg_col_int(struct db_cur *c, int col)
{
	const char	*v = PQgetvalue(c->res, c->row, col);

	if (v[0] == 't' && v[1] == '\0')
		return 1;
	return strtoll(v, NULL, 10);
}

static const char *
pg_col_text(struct db_cur *c, int col)
{
	if (PQgetisnull(c->res, c->row, col))
		return NULL;
	return PQgetvalue(c->res, c->row, col);
}

static const void *
pg_col_blob(struct db_cur *c, int col, size_t *n)
{
	*n = 0;
	PQfreemem(c->blob);
	c->blob = NULL;
	if (PQgetisnull(c->res, c->row, col))
		return NULL;
	c->blob = PQunescapeBytea((const unsigned char *)PQgetvalue(c->res,
	    c->row, col), n);
	return c->blob;
}

static int
pg_changes(void)
{
	return P.changes;
}

static int64_t
pg_last_id(void)
{
	return P.last_id;
}

static int
pg_in_tx(void)
{
	PGTransactionStatusType	 s = PQtransactionStatus(P.conn);

	return s == PQTRANS_INTRANS || s == PQTRANS_INERROR ||
	    s == PQTRANS_ACTIVE;
}

static int
pg_lock_writers(void)
{
	return pg_simple(WRITERS_LOCK);
}

static void
pg_abandon(void)
{
	if (pg_in_tx())
		pg_simple("ROLLBACK");
}

/*
 * pg_request_end: no cursor left unfinished; a connection that broke
 * during the request is made again now, so that the next request finds
 * it working (or db_ready tries again then).
 */
static int
pg_request_end(void)
{
	int	 i, bad = 0;

	for (i = 0; i < STMT__MAX; i++)
		if (P.st[i].busy) {
			log_line(NULL, "db statement left busy: %s",
			    sql_name[i]);
			pg_reset(&P.st[i].cur);
			bad = 1;
		}
	if (pg_lost())
		(void)pg_ready();
	return bad ? -1 : 0;
}

const struct db_engine db_pg_engine = {
	"postgresql", pg_open, pg_close, pg_where, pg_ready, pg_lost,
	pg_version, pg_script, pg_bind, pg_step, pg_exec, pg_reset,
	pg_col_null, pg_col_int, pg_col_text, pg_col_blob, pg_changes,
	pg_last_id, pg_in_tx, pg_lock_writers, pg_abandon, pg_request_end
};
