/*
 * sql.c: the tables of every SQL statement the portal runs, made from
 * the one list in sql.def, and which of them a GET may run; the test
 * payment processor's own statements.
 */
#include "data/sql.h"

/* sql.def's list as the statements' texts, names and column counts */
#define SQL_ROW(id, text, ...)		SQL(id, text)
#define SQL_LIKE(id, text, like)	SQL(id, text)
#define SQL_MORE(id, text, like, ...)	SQL(id, text)

#define SQL(id, text)	[id] = text,
const char *const sql_text[STMT__MAX] = {
#include "data/sql.def"
};
#undef SQL

#define SQL(id, text)	[id] = #id,
const char *const sql_name[STMT__MAX] = {
#include "data/sql.def"
};
#undef SQL
#undef SQL_ROW
#undef SQL_LIKE
#undef SQL_MORE

/* PostgreSQL's texts of the statements it needs in its own words */
#define PG(id, text)	[id] = text,
const char *const sql_text_pg[STMT__MAX] = {
#include "data/sql_pg.def"
};
#undef PG

#define SQL(id, text)
#define SQL_ROW(id, text, ...)		[id] = id##_NCOLS,
#define SQL_LIKE(id, text, like)	[id] = id##_NCOLS,
#define SQL_MORE(id, text, like, ...)	[id] = id##_NCOLS,
const int sql_ncols[STMT__MAX] = {
#include "data/sql.def"
};
#undef SQL
#undef SQL_ROW
#undef SQL_LIKE
#undef SQL_MORE

/*
 * sql_get_may_write: the writes a GET may make.  Only session bookkeeping
 * (the idle clock, and removing a session found expired); everything
 * else that writes needs a POST with its token (db.c refuses it).
 */
int
sql_get_may_write(enum stmt s)
{
	switch (s) {
	case STMT_BEGIN:
	case STMT_BEGIN_READ:
	case STMT_COMMIT:
	case STMT_ROLLBACK:
	case STMT_SESSION_TOUCH:
	case STMT_SESSION_DELETE:
	case STMT_SESSION_END:
		return 1;
	default:
		return 0;
	}
}

/*
 * sql_may_conflict: the statements whose UNIQUE or CHECK violation the
 * caller expects and goes on from inside its transaction (a new random
 * key taken already, an address taken meanwhile, a draft submitted
 * twice, a balance at 0).  SQLite fails the statement alone; PostgreSQL
 * fails the whole transaction unless the statement ran in a savepoint,
 * which db_pg.c makes for these.
 */
int
sql_may_conflict(enum stmt s)
{
	switch (s) {
	case STMT_REQUEST_INSERT:
	case STMT_CONTRACT_INSERT:
	case STMT_CONTRACT_REKEY:
	case STMT_LEDGER_ADD:
	case STMT_ACCOUNT_INSERT:
	case STMT_ACCOUNT_SET_EMAIL:
		return 1;
	default:
		return 0;
	}
}

/*
 * sql_plan_each: the statements whose best plan depends on their values,
 * which PostgreSQL plans anew with them each time they run (an unnamed
 * statement, db_pg.c) rather than once for any values: the engineer's
 * search, whose words may be in one request in eight or in none
 * (schema/pg/020).  SQLite plans FTS5's MATCH the same for any words.
 */
int
sql_plan_each(enum stmt s)
{
	return s == STMT_SEARCH_WORDS;
}

/*
 * The built-in test payment processor's own database, var/testpay.db
 * (payment.c): it stands for a processor elsewhere, so it is a file of
 * its own, never joined with the portal's.  Tokens keep the brand, the
 * last four digits, the expiry and how the test card behaves, never its
 * number; charges are one per idempotency key (R6.5, R11.10).  Its
 * statements run on that connection, not through db.c: payment.c's
 * tp_stmt binds their values, as text, in order (?1, ?2, ...).
 */
const char *const tp_schema =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "CREATE TABLE IF NOT EXISTS tokens ("
    " token TEXT PRIMARY KEY, brand TEXT NOT NULL, last4 TEXT NOT NULL,"
    " exp_month INTEGER NOT NULL, exp_year INTEGER NOT NULL,"
    " behaviour TEXT NOT NULL, created INTEGER NOT NULL) STRICT;"
    "CREATE TABLE IF NOT EXISTS charges ("
    " pay_key TEXT PRIMARY KEY, charge_id TEXT NOT NULL UNIQUE,"
    " token TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0),"
    " currency TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('succeeded', 'declined')),"
    " decline TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1,"
    " created INTEGER NOT NULL) STRICT;";

#define S(id, text)	[id] = text
const char *const tp_sql_text[TP__MAX] = {
	S(TP_BEGIN, "BEGIN IMMEDIATE"),
	S(TP_COMMIT, "COMMIT"),
	S(TP_ROLLBACK, "ROLLBACK"),
	S(TP_TOKEN_INSERT,
	    "INSERT INTO tokens (token, brand, last4, exp_month, exp_year,"
	    " behaviour, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
	S(TP_TOKEN_GET, "SELECT behaviour FROM tokens WHERE token = ?1"),
	S(TP_CHARGE_GET,
	    "SELECT charge_id, status, decline FROM charges"
	    " WHERE pay_key = ?1"),
	S(TP_CHARGE_INSERT,
	    "INSERT INTO charges (pay_key, charge_id, token, amount, currency,"
	    " status, decline, created)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
	S(TP_CHARGE_AGAIN,
	    "UPDATE charges SET attempts = attempts + 1 WHERE pay_key = ?1"),
};
#undef S
