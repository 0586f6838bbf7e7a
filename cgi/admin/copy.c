/*
 * copy.c: supportalctl copy-from-sqlite FILE (R18, issue #22): every row
 * of a SQLite portal's database copied into the empty PostgreSQL
 * database of the configuration, for a vendor moving up from one
 * machine.
 *
 * What is copied: the tables both schemas have (at one version they
 * have the same tables, with the same columns in the same order:
 * schema/pg/019_init.sql), in the columns PostgreSQL does not generate;
 * not requests.region and .stage (VIRTUAL in SQLite, so not stored
 * there; STORED in PostgreSQL), nor the tsvector "search" of requests,
 * messages and articles, which PostgreSQL computes as each row goes in.
 * An identity column that SQLite's table has not gets the row's rowid,
 * which SQLite's statements name where PostgreSQL's name the column
 * (throttle.id).
 * Left out: SQLite's own sqlite_* tables, its FTS5 tables and their
 * shadow tables (the search columns stand for them), its views, and
 * PostgreSQL's schema_meta, which init wrote.  Any other table or
 * column that one side has and the other lacks is refused: at one
 * version the schemas agree, and a copy that left a table or a column
 * behind would lose data without a word.
 *
 * How: FILE is opened read-only and read in one transaction (one
 * snapshot of every table, even were a worker still writing to it);
 * PostgreSQL gets the whole copy in one transaction, so that an error
 * anywhere leaves nothing half-copied.  Tables go parents first (a
 * topological order of the foreign keys of both schemas); each is one
 * SELECT ordered by rowid (by its primary key WITHOUT ROWID) streamed
 * into one COPY ... FROM STDIN in text format, not an INSERT a row.
 * Ids are copied as they are (the identities are BY DEFAULT).  Every
 * table is then counted on both sides: any difference rolls the whole
 * copy back.  Last before the COMMIT, each identity's sequence is set
 * past the largest id.
 *
 * A table's foreign key to itself (none today) needs no order of its
 * rows: a NOT DEFERRABLE foreign key is checked at the end of the
 * statement, here the COPY of the whole table.
 *
 * libpq is used directly, on a connection of its own (Database.Conninfo):
 * data/db.c's connection runs prepared statements of sql.def, not a
 * COPY of tables it is told at run time.
 */
#include <sys/stat.h>

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "admin/copy.h"
#include "data/schema.h"
#include "lib/config.h"
#include "lib/util.h"

#define FLUSH_AT	(1 << 20)	/* bytes sent to COPY at a time */

struct col {
	char		*name;
	int		 rowid;		/* FILE's implicit rowid */
	int		 bytea;		/* sent as \\x hex */
};

struct trig {
	char		*name;
	char		 mode;		/* pg_trigger.tgenabled: O, A, R */
};

struct table {
	char		*name;
	char		*q;		/* "name", quoted (both engines) */
	int		 wr;		/* WITHOUT ROWID in FILE */
	int		 rowid_used;	/* a column of PostgreSQL's is it */
	struct col	*col;		/* copied, in PostgreSQL's order */
	size_t		 ncol;
	struct buf	 order;		/* ORDER BY of FILE's SELECT */
	char		*identity;	/* PostgreSQL's identity column */
	size_t		*parent;	/* tables its foreign keys name */
	size_t		 nparent;
	struct trig	*trig;		/* its INSERT triggers, enabled */
	size_t		 ntrig;
	int		 placed;
	int64_t		 rows;		/* copied */
};

static struct {
	const char	*file;
	sqlite3		*sq;
	PGconn		*pg;
	int		 in_tx;		/* BEGIN sent to PostgreSQL */
	struct table	*t;		/* in the order of the copy */
	size_t		 n;
} C;

/* the messages of the copy: on stderr, prefixed; -1 */
static int
fail(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int
fail(const char *fmt, ...)
{
	va_list	 ap;
	char	*m = NULL;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(&m, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	while (n > 0 && m[n - 1] == '\n')	/* libpq's messages end so */
		m[--n] = '\0';
	fprintf(stderr, "supportalctl: copy-from-sqlite: %s\n", m);
	free(m);
	return -1;
}

/* qident: name as a quoted identifier, which both engines read alike */
static void
qident(struct buf *b, const char *name)
{
	buf_puts(b, "\"");
	for (; *name != '\0'; name++) {
		if (*name == '"')
			buf_puts(b, "\"");	/* doubled */
		buf_add(b, name, 1);
	}
	buf_puts(b, "\"");
}

static char *
qdup(const char *name)
{
	struct buf	 b = { 0 };

	qident(&b, name);
	return b.p;
}

/* sq_fail: the last SQLite error, about what; -1 */
static int
sq_fail(const char *what)
{
	return fail("%s: %s: %s", C.file, what, sqlite3_errmsg(C.sq));
}

/*
 * pg_run: sql with its text parameters (n of them) on PostgreSQL; its
 * result when the status is COMMAND_OK or TUPLES_OK, else NULL with the
 * server's message said.
 */
static PGresult *
pg_run(const char *sql, int n, const char *const *params)
{
	PGresult	*r = PQexecParams(C.pg, sql, n, NULL, params, NULL,
			    NULL, 0);
	ExecStatusType	 s = PQresultStatus(r);

	if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK)
		return r;
	fail("postgresql: %s", PQresultErrorMessage(r));
	PQclear(r);
	return NULL;
}

static int
pg_cmd(const char *sql)
{
	PGresult	*r = pg_run(sql, 0, NULL);

	PQclear(r);
	return r != NULL ? 0 : -1;
}

/* pg_int: the first value of the first row of sql with one parameter
 * (or none, p NULL); -1 on error (said), dflt when NULL or no row */
static int64_t
pg_int(const char *sql, const char *p, int64_t dflt)
{
	PGresult	*r = pg_run(sql, p != NULL, &p);
	int64_t		 v = dflt;

	if (r == NULL)
		return -1;
	if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
		v = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return v;
}

static int
pg_connect(void)
{
	if (cfg.db_conninfo[0] == '\0')
		return fail("Database.Conninfo is empty: set it (or "
		    "SUPPORTAL_DB_CONNINFO) to the PostgreSQL database to copy "
		    "into");
	C.pg = PQconnectdb(cfg.db_conninfo);
	if (PQstatus(C.pg) != CONNECTION_OK)
		return fail("postgresql: %s", PQerrorMessage(C.pg));
	/* FILE's text is UTF-8; no role's statement_timeout cuts a copy
	 * short, and a table in use is waited for 10 s, not for ever */
	if (PQsetClientEncoding(C.pg, "UTF8") != 0)
		return fail("postgresql: %s", PQerrorMessage(C.pg));
	if (pg_cmd("SET client_min_messages = warning") != 0 ||
	    pg_cmd("SET statement_timeout = 0") != 0 ||
	    pg_cmd("SET lock_timeout = '10s'") != 0)
		return -1;
	return 0;
}

/*
 * versions: FILE and the PostgreSQL database at the version of
 * schema/pg/, the one init makes.  0, or -1 with what to do said.
 */
static int
versions(void)
{
	sqlite3_stmt	*st;
	int		 want = schema_version(), sv = -1;
	int64_t		 pv;

	if (want < 0)
		return fail("no migrations in %s", schema_dir());
	if ((pv = pg_int("SELECT CASE WHEN to_regclass('schema_meta') IS NULL "
	    "THEN 0 ELSE 1 END", NULL, 0)) < 0)
		return -1;
	if (pv == 0)
		return fail("the PostgreSQL database %s has no supportal "
		    "schema: run supportalctl init with this configuration "
		    "first", PQdb(C.pg));
	if ((pv = pg_int("SELECT max(version) FROM schema_meta", NULL,
	    0)) < 0)
		return -1;
	if (pv != want)
		return fail("the PostgreSQL database %s is at schema version "
		    "%" PRId64 ", this supportalctl's is %d: run supportalctl "
		    "migrate first", PQdb(C.pg), pv, want);
	if (sqlite3_prepare_v2(C.sq, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return sq_fail("PRAGMA user_version");
	if (sqlite3_step(st) == SQLITE_ROW)
		sv = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (sv < 0)
		return sq_fail("PRAGMA user_version");
	if (sv > pv)
		return fail("%s is at schema version %d, newer than this "
		    "supportal's %" PRId64 ": copy it with the supportalctl "
		    "of its own version", C.file, sv, pv);
	if (sv != pv)
		return fail("%s is at schema version %d, the PostgreSQL "
		    "database at %" PRId64 ": take it to %" PRId64 " first "
		    "(supportalctl migrate with its own configuration)",
		    C.file, sv, pv, pv);
	return 0;
}

static struct table *
table_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < C.n; i++)
		if (strcmp(C.t[i].name, name) == 0)
			return &C.t[i];
	return NULL;
}

/*
 * tables: the tables of FILE to copy (C.t, by name), each matched with
 * PostgreSQL's of the same name.  0, or -1 when the two differ.
 */
static int
tables(void)
{
	sqlite3_stmt	*st;
	PGresult	*r;
	size_t		 k;
	int		 rc, bad = 0, i, found;

	/* PRAGMA table_list's type: table, view, virtual, shadow */
	if (sqlite3_prepare_v2(C.sq, "SELECT name, wr FROM pragma_table_list "
	    "WHERE schema = 'main' AND type = 'table' AND name NOT LIKE "
	    "'sqlite!_%' ESCAPE '!' ORDER BY name", -1, &st, NULL) !=
	    SQLITE_OK)
		return sq_fail("the list of tables");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct table	*t;

		C.t = xrealloc(C.t, (C.n + 1) * sizeof(*C.t));
		t = &C.t[C.n++];
		memset(t, 0, sizeof(*t));
		t->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		t->q = qdup(t->name);
		t->wr = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sq_fail("the list of tables");

	/* the ordinary tables of PostgreSQL's schema (the first of the
	 * search path, where init made them) */
	if ((r = pg_run("SELECT c.relname FROM pg_class c JOIN pg_namespace s "
	    "ON s.oid = c.relnamespace WHERE s.nspname = current_schema() "
	    "AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_meta' "
	    "ORDER BY 1", 0, NULL)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(r); i++)
		if (table_find(PQgetvalue(r, i, 0)) == NULL) {
			fail("table %s is in the PostgreSQL database, not in "
			    "%s: not the same schema", PQgetvalue(r, i, 0),
			    C.file);
			bad++;
		}
	for (k = 0; k < C.n; k++) {
		found = 0;
		for (i = 0; i < PQntuples(r) && !found; i++)
			found = strcmp(PQgetvalue(r, i, 0), C.t[k].name) == 0;
		if (!found) {
			fail("table %s of %s is not in the PostgreSQL "
			    "database: not the same schema", C.t[k].name,
			    C.file);
			bad++;
		}
	}
	PQclear(r);
	if (C.n == 0)
		return fail("%s has no tables", C.file);
	return bad ? -1 : 0;
}

/*
 * columns: t's columns to copy, PostgreSQL's that it does not generate,
 * in its order; each must be a stored column of FILE's table and the
 * other way round.  Also t's identity column, the order of FILE's
 * SELECT and t's triggers on INSERT.  0 or -1.
 */
static int
columns(struct table *t)
{
	sqlite3_stmt	*st;
	PGresult	*r;
	const char	*p[1] = { t->q };
	struct {
		char	*name;
		int	 used;
	}		*sc = NULL;
	size_t		 nsc = 0, k;
	int		 rc, i, bad = 0, rowid;

	/* hidden: 0 a column stored as given, 2 and 3 generated */
	if (sqlite3_prepare_v2(C.sq, "SELECT name, hidden, pk FROM "
	    "pragma_table_xinfo(?1) ORDER BY pk, cid", -1, &st, NULL) !=
	    SQLITE_OK)
		return sq_fail(t->name);
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char	*name;

		name = (const char *)sqlite3_column_text(st, 0);
		if (sqlite3_column_int(st, 1) != 0)
			continue;
		sc = xrealloc(sc, (nsc + 1) * sizeof(*sc));
		sc[nsc].name = xstrdup(name);
		sc[nsc++].used = 0;
		if (t->wr && sqlite3_column_int(st, 2) > 0) {
			if (t->order.len > 0)
				buf_puts(&t->order, ", ");
			qident(&t->order, name);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		bad = sq_fail(t->name);
		goto out;
	}
	if (!t->wr)
		buf_puts(&t->order, "rowid");

	if ((r = pg_run("SELECT a.attname, a.attgenerated <> '', "
	    "a.atttypid = 'bytea'::regtype, a.attidentity <> '' "
	    "FROM pg_attribute a WHERE a.attrelid = $1::regclass AND "
	    "a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", 1,
	    p)) == NULL) {
		bad = -1;
		goto out;
	}
	for (i = 0; i < PQntuples(r); i++) {
		const char	*name = PQgetvalue(r, i, 0);

		if (strcmp(PQgetvalue(r, i, 1), "t") == 0)
			continue;	/* generated: PostgreSQL's to write */
		for (k = 0; k < nsc; k++)
			if (strcmp(sc[k].name, name) == 0)
				break;
		/* an identity SQLite has not: its implicit rowid, which
		 * PostgreSQL names (throttle.id) */
		rowid = k == nsc && !t->wr && !t->rowid_used &&
		    strcmp(PQgetvalue(r, i, 3), "t") == 0;
		if (k == nsc && !rowid) {
			fail("column %s.%s is in the PostgreSQL database, "
			    "not in %s: not the same schema", t->name, name,
			    C.file);
			bad = -1;
			continue;
		}
		if (rowid)
			t->rowid_used = 1;
		else
			sc[k].used = 1;
		t->col = xrealloc(t->col, (t->ncol + 1) * sizeof(*t->col));
		t->col[t->ncol].name = xstrdup(name);
		t->col[t->ncol].rowid = rowid;
		t->col[t->ncol++].bytea = strcmp(PQgetvalue(r, i, 2), "t") == 0;
		if (strcmp(PQgetvalue(r, i, 3), "t") == 0 &&
		    t->identity == NULL)
			t->identity = xstrdup(name);
	}
	PQclear(r);
	for (k = 0; k < nsc; k++)
		if (!sc[k].used) {
			fail("column %s.%s of %s is not one the PostgreSQL "
			    "database stores as given: not the same schema",
			    t->name, sc[k].name, C.file);
			bad = -1;
		}

	/* the user's triggers that an INSERT fires (tgtype bit 2),
	 * enabled: not the foreign keys' (tgisinternal) */
	if ((r = pg_run("SELECT tgname, tgenabled FROM pg_trigger WHERE "
	    "tgrelid = $1::regclass AND NOT tgisinternal AND "
	    "tgenabled <> 'D' AND (tgtype & 4) <> 0 ORDER BY 1", 1,
	    p)) == NULL) {
		bad = -1;
		goto out;
	}
	for (i = 0; i < PQntuples(r); i++) {
		t->trig = xrealloc(t->trig, (t->ntrig + 1) * sizeof(*t->trig));
		t->trig[t->ntrig].name = xstrdup(PQgetvalue(r, i, 0));
		t->trig[t->ntrig++].mode = PQgetvalue(r, i, 1)[0];
	}
	PQclear(r);
out:
	for (k = 0; k < nsc; k++)
		free(sc[k].name);
	free(sc);
	return bad;
}

static void
parent_add(struct table *t, const char *name)
{
	struct table	*p = table_find(name);
	size_t		 i, k;

	if (p == NULL || p == t)
		return;		/* itself: see the top of the file */
	k = (size_t)(p - C.t);
	for (i = 0; i < t->nparent; i++)
		if (t->parent[i] == k)
			return;
	t->parent = xrealloc(t->parent, (t->nparent + 1) * sizeof(*t->parent));
	t->parent[t->nparent++] = k;
}

/* parents: the tables t's foreign keys name, in FILE and in
 * PostgreSQL (both: the copy must satisfy PostgreSQL's) */
static int
parents(struct table *t)
{
	sqlite3_stmt	*st;
	PGresult	*r;
	const char	*p[1] = { t->q };
	int		 rc, i;

	if (sqlite3_prepare_v2(C.sq, "SELECT \"table\" FROM "
	    "pragma_foreign_key_list(?1)", -1, &st, NULL) != SQLITE_OK)
		return sq_fail(t->name);
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		parent_add(t, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sq_fail(t->name);
	if ((r = pg_run("SELECT c.relname FROM pg_constraint k JOIN pg_class c "
	    "ON c.oid = k.confrelid WHERE k.conrelid = $1::regclass AND "
	    "k.contype = 'f'", 1, p)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(r); i++)
		parent_add(t, PQgetvalue(r, i, 0));
	PQclear(r);
	return 0;
}

/*
 * order: C.t sorted parents first (Kahn's, the first by name of those
 * whose parents are placed, each time).  -1 when the foreign keys go
 * round in a circle, which no order satisfies (none do today; their
 * constraints are not DEFERRABLE).
 */
static int
order(void)
{
	struct table	*sorted = xcalloc(C.n, sizeof(*sorted));
	size_t		*map = xcalloc(C.n, sizeof(*map));
	size_t		 n, i, j;

	for (n = 0; n < C.n; n++) {
		for (i = 0; i < C.n; i++) {
			if (C.t[i].placed)
				continue;
			for (j = 0; j < C.t[i].nparent; j++)
				if (!C.t[C.t[i].parent[j]].placed)
					break;
			if (j == C.t[i].nparent)
				break;
		}
		if (i == C.n) {
			fprintf(stderr, "supportalctl: copy-from-sqlite: the "
			    "foreign keys of these tables go round in a "
			    "circle:");
			for (i = 0; i < C.n; i++)
				if (!C.t[i].placed)
					fprintf(stderr, " %s", C.t[i].name);
			fputc('\n', stderr);
			free(sorted);
			free(map);
			return -1;
		}
		C.t[i].placed = 1;
		map[i] = n;
		sorted[n] = C.t[i];
	}
	/* the parents' indexes, into the new order */
	for (i = 0; i < C.n; i++)
		for (j = 0; j < sorted[i].nparent; j++)
			sorted[i].parent[j] = map[sorted[i].parent[j]];
	free(C.t);
	free(map);
	C.t = sorted;
	return 0;
}

/*
 * empty: lock every table against writers (a second copy at the same
 * time waits here, then finds this one's rows) and see that none has a
 * row.
 *
 * Refused, not emptied: init writes no row but schema_meta's, which is
 * not copied (the files of schema/pg/ insert nothing else, and SQLite's
 * 010, 013, 014 and 015 only rows made from rows already there), so the
 * database init has just made is empty, exactly; one with rows is
 * someone's portal, or a copy made already, and deleting them is not
 * this command's business.  Were a migration ever to seed a table, its
 * twin in schema/ would seed FILE with the same rows, which the copy
 * brings: they would have to be deleted here, in this transaction,
 * before the copy.
 */
static int
empty(void)
{
	struct buf	 b = { 0 }, full = { 0 };
	size_t		 i;
	int64_t		 has;
	int		 rc = 0;

	buf_puts(&b, "LOCK TABLE ");
	for (i = 0; i < C.n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", C.t[i].q);
	buf_puts(&b, " IN EXCLUSIVE MODE");
	if (pg_cmd(b.p) != 0) {
		buf_free(&b);
		return -1;
	}
	for (i = 0; i < C.n && rc == 0; i++) {
		b.len = 0;
		buf_printf(&b, "SELECT count(*) FROM (SELECT 1 FROM %s "
		    "LIMIT 1) x", C.t[i].q);
		if ((has = pg_int(b.p, NULL, 0)) < 0)
			rc = -1;
		else if (has > 0)
			buf_printf(&full, "%s%s", full.len ? ", " : "",
			    C.t[i].name);
	}
	if (rc == 0 && full.len > 0)
		rc = fail("the PostgreSQL database %s is not empty: %s %s "
		    "rows already.  The copy goes only into a database that "
		    "supportalctl init has just made (createdb, then init "
		    "with this configuration)", PQdb(C.pg),
		    full.p, strchr(full.p, ',') ? "have" : "has");
	buf_free(&b);
	buf_free(&full);
	return rc;
}

/*
 * triggers: t's INSERT triggers disabled (on 0) or as they were (1).
 * The copy writes the rows as FILE has them: request_contacts_list_new,
 * which sets a contact row's updated and open from its request, would
 * only write again what SQLite's trigger wrote (when FILE is sound), and
 * a trigger that added rows elsewhere would make the counts differ.  So
 * they are off for the table's COPY, on again before the COMMIT (ALTER
 * TABLE is transactional; the role that ran init owns the tables).  The
 * foreign keys' triggers are internal, never touched: every row is
 * checked.
 */
static int
triggers(struct table *t, int on)
{
	struct buf	 b = { 0 };
	const char	*how;
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < t->ntrig && rc == 0; i++) {
		how = !on ? "DISABLE" : t->trig[i].mode == 'A' ?
		    "ENABLE ALWAYS" : t->trig[i].mode == 'R' ?
		    "ENABLE REPLICA" : "ENABLE";
		b.len = 0;
		buf_printf(&b, "ALTER TABLE %s %s TRIGGER ", t->q, how);
		qident(&b, t->trig[i].name);
		rc = pg_cmd(b.p);
	}
	buf_free(&b);
	return rc;
}

/* the bytes of a COPY, sent when FLUSH_AT of them are together */
struct out {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

static char *
out_room(struct out *o, size_t n)
{
	if (o->len + n > o->cap) {
		o->cap = (o->len + n) * 2;
		o->p = xrealloc(o->p, o->cap);
	}
	return o->p + o->len;
}

static void
out_str(struct out *o, const char *s, size_t n)
{
	memcpy(out_room(o, n), s, n);
	o->len += n;
}

/* text: backslash, tab, newline and carriage return escaped (COPY's
 * text format); every other byte as it is */
static void
out_text(struct out *o, const unsigned char *s, size_t n)
{
	char	*d = out_room(o, 2 * n), *d0 = d;
	size_t	 i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '\\': *d++ = '\\'; *d++ = '\\'; break;
		case '\t': *d++ = '\\'; *d++ = 't'; break;
		case '\n': *d++ = '\\'; *d++ = 'n'; break;
		case '\r': *d++ = '\\'; *d++ = 'r'; break;
		default: *d++ = (char)s[i]; break;
		}
	o->len += (size_t)(d - d0);
}

/* bytea: \x and hex, its backslash escaped: \\x... */
static void
out_hex(struct out *o, const unsigned char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char	*d = out_room(o, 2 * n + 3);
	size_t	 i;

	*d++ = '\\';
	*d++ = '\\';
	*d++ = 'x';
	for (i = 0; i < n; i++) {
		*d++ = hex[s[i] >> 4];
		*d++ = hex[s[i] & 15];
	}
	o->len += 2 * n + 3;
}

static void
out_value(struct out *o, sqlite3_stmt *st, int i, int bytea)
{
	char		 num[40];
	const void	*v;
	int		 n;

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		out_str(o, "\\N", 2);
		return;
	case SQLITE_INTEGER:
		if (!bytea) {
			n = snprintf(num, sizeof(num), "%lld",
			    (long long)sqlite3_column_int64(st, i));
			out_str(o, num, (size_t)n);
			return;
		}
		break;
	case SQLITE_FLOAT:
		if (!bytea) {
			n = snprintf(num, sizeof(num), "%.17g",
			    sqlite3_column_double(st, i));
			out_str(o, num, (size_t)n);
			return;
		}
		break;
	}
	/* text, a blob, or a number into a bytea column: its bytes */
	if (bytea) {
		v = sqlite3_column_blob(st, i);
		out_hex(o, v, (size_t)sqlite3_column_bytes(st, i));
	} else {
		v = sqlite3_column_text(st, i);
		out_text(o, v, (size_t)sqlite3_column_bytes(st, i));
	}
}

/* copy_table: t's rows from FILE into PostgreSQL, one COPY; 0 or -1 */
static int
copy_table(struct table *t)
{
	struct buf	 sel = { 0 }, cp = { 0 };
	struct out	 o = { 0 };
	sqlite3_stmt	*st = NULL;
	PGresult	*r;
	const char	*abort_msg = NULL;
	size_t		 i;
	int		 rc = -1, s, ok;
	int64_t		 n = 0;

	buf_puts(&sel, "SELECT ");
	buf_printf(&cp, "COPY %s (", t->q);
	for (i = 0; i < t->ncol; i++) {
		if (i > 0) {
			buf_puts(&sel, ", ");
			buf_puts(&cp, ", ");
		}
		if (t->col[i].rowid)
			buf_puts(&sel, "rowid");
		else
			qident(&sel, t->col[i].name);
		qident(&cp, t->col[i].name);
	}
	buf_printf(&sel, " FROM %s ORDER BY %s", t->q, t->order.p);
	buf_puts(&cp, ") FROM STDIN (FORMAT text)");
	if (sqlite3_prepare_v2(C.sq, sel.p, -1, &st, NULL) != SQLITE_OK) {
		sq_fail(t->name);
		goto out;
	}
	r = PQexec(C.pg, cp.p);
	ok = PQresultStatus(r) == PGRES_COPY_IN;
	if (!ok)
		fail("postgresql: %s: %s", t->name, PQresultErrorMessage(r));
	PQclear(r);
	if (!ok)
		goto out;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < t->ncol; i++) {
			if (i > 0)
				out_str(&o, "\t", 1);
			out_value(&o, st, (int)i, t->col[i].bytea);
		}
		out_str(&o, "\n", 1);
		n++;
		if (o.len >= FLUSH_AT) {
			if (PQputCopyData(C.pg, o.p, (int)o.len) != 1)
				break;
			o.len = 0;
		}
	}
	if (s == SQLITE_DONE && o.len > 0 &&
	    PQputCopyData(C.pg, o.p, (int)o.len) != 1)
		s = SQLITE_ROW;
	if (s == SQLITE_ROW) {		/* PQputCopyData failed */
		fail("postgresql: %s: %s", t->name, PQerrorMessage(C.pg));
		abort_msg = "copy-from-sqlite: sending the rows failed";
	} else if (s != SQLITE_DONE) {
		sq_fail(t->name);
		abort_msg = "copy-from-sqlite: reading the SQLite file failed";
	}
	if (PQputCopyEnd(C.pg, abort_msg) != 1)
		fail("postgresql: %s: %s", t->name, PQerrorMessage(C.pg));
	/* the COPY's result, then NULL */
	ok = 1;
	while ((r = PQgetResult(C.pg)) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			if (abort_msg == NULL)
				fail("postgresql: %s: %s", t->name,
				    PQresultErrorMessage(r));
			ok = 0;
		} else if (strtoll(PQcmdTuples(r), NULL, 10) != n) {
			fail("%s: %" PRId64 " rows read, PostgreSQL took %s",
			    t->name, n, PQcmdTuples(r));
			ok = 0;
		}
		PQclear(r);
	}
	if (ok && s == SQLITE_DONE && abort_msg == NULL) {
		t->rows = n;
		rc = 0;
	}
out:
	sqlite3_finalize(st);
	buf_free(&sel);
	buf_free(&cp);
	free(o.p);
	return rc;
}

/* identity: t's identity sequence set past its largest id, so that the
 * next row the portal adds gets a new one */
static int
identity(struct table *t)
{
	struct buf	 b = { 0 };
	const char	*p[2] = { t->q, t->identity };
	PGresult	*r;

	if (t->identity == NULL)
		return 0;
	buf_puts(&b, "SELECT setval(pg_get_serial_sequence($1, $2), "
	    "coalesce(max(");
	qident(&b, t->identity);
	buf_printf(&b, "), 0) + 1, false) FROM %s", t->q);
	r = pg_run(b.p, 2, p);
	buf_free(&b);
	PQclear(r);
	return r != NULL ? 0 : -1;
}

/*
 * recount: every table counted again on both sides, in the two
 * transactions, against the rows copied; each difference said.  0 when
 * all agree.
 */
static int
recount(void)
{
	struct buf	 b = { 0 };
	sqlite3_stmt	*st;
	size_t		 i;
	int64_t		 sn, pn;
	int		 bad = 0;

	for (i = 0; i < C.n; i++) {
		struct table	*t = &C.t[i];

		b.len = 0;
		buf_printf(&b, "SELECT count(*) FROM %s", t->q);
		sn = -1;
		if (sqlite3_prepare_v2(C.sq, b.p, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			sn = sqlite3_column_int64(st, 0);
		else
			sq_fail(t->name);
		sqlite3_finalize(st);
		pn = pg_int(b.p, NULL, -1);
		if (sn < 0 || pn < 0 || sn != pn || pn != t->rows) {
			fail("%s: %" PRId64 " rows in %s, %" PRId64 " in "
			    "PostgreSQL, %" PRId64 " copied", t->name, sn,
			    C.file, pn, t->rows);
			bad++;
		}
	}
	buf_free(&b);
	return bad;
}

static void
cleanup(void)
{
	size_t	 i, j;

	if (C.in_tx && C.pg != NULL &&
	    PQstatus(C.pg) == CONNECTION_OK)
		PQclear(PQexec(C.pg, "ROLLBACK"));
	for (i = 0; i < C.n; i++) {
		struct table	*t = &C.t[i];

		free(t->name);
		free(t->q);
		for (j = 0; j < t->ncol; j++)
			free(t->col[j].name);
		free(t->col);
		buf_free(&t->order);
		free(t->identity);
		free(t->parent);
		for (j = 0; j < t->ntrig; j++)
			free(t->trig[j].name);
		free(t->trig);
	}
	free(C.t);
	if (C.sq != NULL) {
		sqlite3_exec(C.sq, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(C.sq);
	}
	PQfinish(C.pg);
	memset(&C, 0, sizeof(C));
}

/*
 * copy-from-sqlite FILE: see the top of the file.  Exits 0 when every
 * row is copied and committed; 1, with nothing written, otherwise.
 */
int
cmd_copy_sqlite(int argc, char **argv)
{
	struct stat	 sb;
	size_t		 i;
	int64_t		 total = 0;
	int		 rc = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: supportalctl copy-from-sqlite FILE\n");
		return 2;
	}
	C.file = argv[1];
	if (!cfg.db_pg) {
		fail("it copies into PostgreSQL: run it with the new "
		    "portal's configuration, Database.Engine = postgresql and "
		    "Database.Conninfo (or SUPPORTAL_DB_ENGINE=postgresql and "
		    "SUPPORTAL_DB_CONNINFO)");
		return 1;
	}
	if (stat(C.file, &sb) != 0) {
		fail("%s: %s", C.file, strerror(errno));
		return 1;
	}
	if (!S_ISREG(sb.st_mode)) {
		fail("%s: not a file", C.file);
		return 1;
	}
	if (sqlite3_open_v2(C.file, &C.sq, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		sq_fail("cannot open");
		goto out;
	}
	sqlite3_busy_timeout(C.sq, 5000);
	if (pg_connect() != 0 || versions() != 0)
		goto out;
	/* one snapshot of FILE, one transaction on PostgreSQL */
	if (sqlite3_exec(C.sq, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		sq_fail("BEGIN");
		goto out;
	}
	if (pg_cmd("BEGIN") != 0)
		goto out;
	C.in_tx = 1;
	if (tables() != 0)
		goto out;
	for (i = 0; i < C.n; i++)
		if (columns(&C.t[i]) != 0 || parents(&C.t[i]) != 0)
			goto out;
	if (order() != 0 || empty() != 0)
		goto out;
	printf("copying %s into the PostgreSQL database %s\n", C.file,
	    PQdb(C.pg));
	for (i = 0; i < C.n; i++) {
		struct table	*t = &C.t[i];

		if (triggers(t, 0) != 0 || copy_table(t) != 0 ||
		    triggers(t, 1) != 0)
			goto out;
		printf("%s: %" PRId64 " rows\n", t->name, t->rows);
		fflush(stdout);
		total += t->rows;
	}
	printf("copied %" PRId64 " rows of %zu tables\n", total, C.n);
	if (recount() != 0)
		goto out;
	printf("counted again: every table has the same rows on both sides\n");
	/* last: a sequence's setval() stays when the transaction rolls
	 * back (harmless, but not nothing) */
	for (i = 0; i < C.n; i++)
		if (identity(&C.t[i]) != 0)
			goto out;
	if (pg_cmd("COMMIT") != 0)
		goto out;
	C.in_tx = 0;
	printf("committed.  The files are not in the database: copy the "
	    "old portal's attachments\ninto %s/ (Attachments) and its key "
	    "file to %s (Auth.KeyFile),\nif they are not there already; "
	    "supportalctl check compares the attachments.\n",
	    cfg.attachments, cfg.key_file);
	rc = 0;
out:
	if (rc != 0 && C.in_tx)
		fprintf(stderr, "supportalctl: copy-from-sqlite: rolled back, "
		    "nothing was copied\n");
	cleanup();
	return rc;
}
