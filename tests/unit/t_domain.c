/*
 * t_domain: the statements, transactions, passwords, accounts, sessions
 * and the throttle against a real SQLite file.
 */
#include <sys/stat.h>

#include "unit.h"
#include "data/db.h"
#include "data/sql.h"
#include "domain/account.h"
#include "domain/password.h"
#include "domain/session.h"
#include "domain/throttle.h"
#include "lib/config.h"
#include "lib/util.h"
#include "text/i18n.h"
#include "web/req.h"
#include "web/view.h"

/* Every statement of sql.c has a text and a name, and prepares. */
TEST(sql_table_complete)
{
	int		 i;
	sqlite3_stmt	*st;

	for (i = 0; i < STMT__MAX; i++) {
		CHECK(sql_text[i] != NULL && sql_name[i] != NULL);
		if (sql_text[i] == NULL)
			continue;
		CHECK(sqlite3_prepare_v2(db_handle(), sql_text[i], -1, &st,
		    NULL) == SQLITE_OK);
		sqlite3_finalize(st);
	}
}

/*
 * Each statement's columns are those its enum in sql.def names (SQL():
 * at most one), and each of its parameters has a :name, so that the
 * text and its enum cannot drift apart unnoticed.
 */
TEST(sql_columns_and_names)
{
	int		 i, j, cols;
	const char	*name;
	sqlite3_stmt	*st;

	for (i = 0; i < STMT__MAX; i++) {
		if (sqlite3_prepare_v2(db_handle(), sql_text[i], -1, &st,
		    NULL) != SQLITE_OK)
			continue;	/* sql_table_complete says so */
		cols = sqlite3_column_count(st);
		if (sql_ncols[i] == 0 ? cols > 1 : cols != sql_ncols[i]) {
			fprintf(stderr, "# %s: %d columns, its enum %d\n",
			    sql_name[i], cols, sql_ncols[i]);
			CHECK(!"columns as the enum says");
		}
		for (j = 1; j <= sqlite3_bind_parameter_count(st); j++) {
			name = sqlite3_bind_parameter_name(st, j);
			if (name == NULL || name[0] != ':') {
				fprintf(stderr, "# %s: parameter %d is %s\n",
				    sql_name[i], j, name ? name : "?");
				CHECK(!"every parameter named");
			}
		}
		sqlite3_finalize(st);
	}
}

/*
 * Binding by name: a name the statement lacks, or a parameter left
 * out, fails the call rather than binding NULL.
 */
TEST(binds_by_name)
{
	struct db_cur	*st;

	CHECK(db_int(STMT_ACTIVATIONS_COUNT, 7,
	    P_INT(":account_id", 1), P_END) == 0);
	CHECK(db_query(STMT_ACCOUNT_BY_ID, P_INT(":nope", 1), P_END) ==
	    NULL);
	CHECK(db_query(STMT_ACCOUNT_BY_ID, P_END) == NULL);
	CHECK(db_query(STMT_ACCOUNT_BY_ID, P_INT(":id", 1), P_INT(":id", 2),
	    P_END) == NULL);
	CHECK(db_int(STMT_THROTTLE_COUNT, 0, P_TEXT(":kind", "x"),
	    P_TEXT(":key", "y"), P_END) == -1);
	CHECK(db_exec(STMT_SESSION_TOUCH, P_INT(":id", 1), P_END) !=
	    SQLITE_OK);
	/* and the statement is usable again afterwards */
	CHECK((st = db_query(STMT_ACCOUNT_BY_ID, P_INT(":id", 1),
	    P_END)) != NULL);
	db_done(st);
	CHECK(db_request_end() == 0);
}

/* Nested write transactions: an inner rollback dooms the outer one. */
TEST(transactions_nest)
{
	int64_t	 id = 0;

	CHECK(db_begin_write() == 0);
	CHECK(db_begin_write() == 0);
	CHECK(account_create("nest@example.com", "long-password-1", "N",
	    "N", "personal", "en", &id) == ACCT_OK);
	db_rollback();
	CHECK(db_commit() != 0);
	CHECK(db_request_end() == 0);
	{
		struct account	 a;
		char		 h[200];

		CHECK(account_by_email("nest@example.com", &a, h,
		    sizeof(h)) == 0);
	}
}

/* A GET may not write, except session bookkeeping (db.c, sql.c). */
TEST(readonly_get)
{
	db_set_readonly(1);
	CHECK(db_exec(STMT_ACCOUNT_SET_LANG, P_INT(":id", (int64_t)1),
	    P_TEXT(":lang", "pl"), P_END) != 0);
	CHECK(db_exec(STMT_SESSION_TOUCH, P_INT(":id", (int64_t)0),
	    P_INT(":seen", (int64_t)0), P_END) == 0);
	db_set_readonly(0);
	CHECK(db_request_end() == 0);
}

/* A.1: the default cost meets ASVS 5.0 appendix C; A.2: checks repeat. */
TEST(password_hashes)
{
	char	 h[SCRYPT_MCF_LEN];
	int	 logn = cfg.scrypt_logn, r = cfg.scrypt_r, p = cfg.scrypt_p;

	cfg.scrypt_logn = 15; cfg.scrypt_r = 8; cfg.scrypt_p = 3;
	CHECK(password_hash(h, sizeof(h), "correct horse battery") == 0);
	CHECK(strncmp(h, "$s1$0f0803$", 11) == 0);
	CHECK(password_check(h, "correct horse battery"));
	CHECK(password_check(h, "correct horse battery"));	/* A.2 */
	CHECK(!password_check(h, "correct horse batterz"));
	CHECK(!password_needs_rehash(h));
	cfg.scrypt_logn = 10; cfg.scrypt_r = 8; cfg.scrypt_p = 1;
	CHECK(password_hash(h, sizeof(h), "x") == 0);
	cfg.scrypt_logn = 15; cfg.scrypt_p = 3;
	CHECK(password_needs_rehash(h));
	CHECK(!password_check("garbage", "x"));
	cfg.scrypt_logn = logn; cfg.scrypt_r = r; cfg.scrypt_p = p;
}

/* A.4: common passwords, case-insensitively. */
TEST(common_passwords)
{
	CHECK(password_common("password"));
	CHECK(password_common("PassWord1"));
	CHECK(password_common("12345678"));
	CHECK(!password_common("correct horse battery staple"));
}

TEST(accounts)
{
	struct account	 a;
	char		 h[200], e[EMAIL_MAX + 1];
	int64_t		 id = 0, id2 = 0;
	struct profile	 p = { "c@example.com", "+48 1 2345", "Co", "PL",
	    "Europe/Warsaw", "pl", "phone" };

	email_normalise(e, sizeof(e), "  Mixed.Case@Example.COM ");
	CHECK(strcmp(e, "mixed.case@example.com") == 0);
	CHECK(account_create(e, "long-password-2", "Ann", "Lee", "work",
	    "en", &id) == ACCT_OK);
	CHECK(account_create(e, "long-password-3", "Ann", "Lee", "work",
	    "en", &id2) == ACCT_EXISTS);
	CHECK(account_by_email(e, &a, h, sizeof(h)) == 1);
	CHECK(a.id == id && strcmp(a.kind, "work") == 0 && !a.profile_done);
	CHECK(account_set_profile(id, &p) == 0);
	CHECK(account_load(id, &a) == 1 && a.profile_done &&
	    strcmp(a.tz, "Europe/Warsaw") == 0 && strcmp(a.lang, "pl") == 0);
	/* the schema refuses what the code would never write */
	CHECK(db_exec(STMT_ACCOUNT_SET_LANG, P_INT(":id", id),
	    P_TEXT(":lang", "de"), P_END) != 0);
}

/* B.7, B.10: tokens are distinct, only their hash is stored, expiry. */
TEST(sessions)
{
	struct session	 s, f;
	char		 tok[65], tok2[65];
	int64_t		 id = 0, held = 0;
	time_t		 now = time(NULL);
	sqlite3_stmt	*st;
	int		 found = 0;

	CHECK(account_create("sess@example.com", "long-password-4", "S", "S",
	    "personal", "en", &id) == ACCT_OK);
	CHECK(session_create(id, "127.0.0.1", "curl/7", 0, now, tok, &s) == 0);
	CHECK(session_create(id, "127.0.0.1", NULL, 0, now, tok2, &f) == 0);
	CHECK(strcmp(tok, tok2) != 0 && strcmp(s.csrf, f.csrf) != 0);
	CHECK(session_find(tok, now, &f) == 1 && f.account_id == id);
	/* the cookie value is nowhere in the table */
	CHECK(sqlite3_prepare_v2(db_handle(), "SELECT token_hash, csrf FROM"
	    " sessions", -1, &st, NULL) == SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(st, 0), tok) == 0)
			found = 1;
	sqlite3_finalize(st);
	CHECK(!found);
	CHECK(session_find(tok, now + 29 * 60, &f) == 1);	/* idle 29 */
	CHECK(session_find(tok, now + 29 * 60 + 31 * 60, &f) == 0);
	CHECK(session_find(tok, now + 29 * 60, &f) == 0);	/* gone */
	/* R14.11: an expired session is known to have existed, a forged
	 * token is not */
	CHECK(session_existed(tok, &held) == s.id && held == id);
	CHECK(session_existed("0123456789abcdef0123456789abcdef"
	    "0123456789abcdef0123456789abcdef", &held) == 0);
	CHECK(session_find("zz", now, &f) == 0);
	/* a GET reads its session in its read transaction; moving the idle
	 * clock ends it and writes on its own, leaving none open */
	CHECK(session_find(tok2, now, &f) == 1);
	db_read_begin();
	CHECK(session_find(tok2, now + 5 * 60, &f) == 1);
	CHECK(sqlite3_get_autocommit(db_handle()));
	db_read_begin();
	CHECK(session_find(tok2, now + 5 * 60 + 10, &f) == 1 &&
	    f.seen == now + 5 * 60);
	CHECK(!sqlite3_get_autocommit(db_handle()));	/* no write: still in it */
	db_read_end();
	CHECK(db_request_end() == 0);
	CHECK(session_end_all(id) == 0);
	CHECK(session_find(tok2, now, &f) == 0);
}

/* A.6: ten failures per pair and window, then blocked. */
TEST(throttle_counts)
{
	time_t	 now = time(NULL);
	int	 i;

	for (i = 0; i < 9; i++)
		CHECK(throttle_note(THR_SIGNIN_ACCOUNT_IP, "k|1", now) == 0);
	CHECK(throttle_blocked(THR_SIGNIN_ACCOUNT_IP, "k|1", now) == 0);
	CHECK(throttle_note(THR_SIGNIN_ACCOUNT_IP, "k|1", now) == 0);
	CHECK(throttle_blocked(THR_SIGNIN_ACCOUNT_IP, "k|1", now) == 1);
	CHECK(throttle_blocked(THR_SIGNIN_ACCOUNT_IP, "k|2", now) == 0);
	CHECK(throttle_blocked(THR_SIGNIN_ACCOUNT_IP, "k|1",
	    now + 15 * 60 + 1) == 0);
}

/* The database file is not readable by other users. */
TEST(db_file_mode)
{
	struct stat	 sb;

	CHECK(stat(cfg.db, &sb) == 0);
	CHECK((sb.st_mode & 07) == 0);
}

/* R2.3: countries of ISO 3166-1 and the system's zones. */
TEST(countries_and_zones)
{
	CHECK(country_valid("PL") && country_valid("US") && country_valid("AX"));
	CHECK(!country_valid("XX") && !country_valid("pl") &&
	    !country_valid("") && !country_valid("POL"));
	CHECK(tz_valid("Europe/Warsaw") && tz_valid("UTC") &&
	    tz_valid("America/Los_Angeles"));
	CHECK(!tz_valid("Mars/Olympus") && !tz_valid("") &&
	    !tz_valid("../../etc/passwd"));
	CHECK(strcmp(i18n_get("pl", "Nav.SignOut"), "Wyloguj") == 0);
	CHECK(strcmp(i18n_get("xx", "Nav.SignOut"), "Sign out") == 0);
	CHECK(strcmp(i18n_pick("pl-PL,pl;q=0.9,en;q=0.8"), "pl") == 0);
	CHECK(strcmp(i18n_pick("de, en;q=0.3, pl;q=0.2"), "en") == 0);
	CHECK(strcmp(i18n_pick("pl;q=0, en"), "en") == 0);
	CHECK(strcmp(i18n_pick(NULL), "en") == 0);
	CHECK(strcmp(i18n_pick("plx,pl-x"), "pl") == 0);
}

/* R12.1: a stored code's label in the request's language; a code
 * without one shows as itself */
TEST(labels)
{
	struct req	 r;
	const char	*odd = "no_such_code";

	memset(&r, 0, sizeof(r));
	r.lang = "pl";
	CHECK(strcmp(view_label(&r, "Severity", "moderate"), "Umiarkowana") == 0);
	CHECK(strcmp(view_label(&r, "Queue.Status", "waiting"),
	    "Czeka na klienta") == 0);
	r.lang = "en";
	CHECK(strcmp(view_label(&r, "Status", "waiting"), "Waiting for you") == 0);
	CHECK(view_label(&r, "Status", odd) == odd);
}

/* B.7: 10,000 session tokens, all distinct. */
TEST(tokens_distinct)
{
	char	(*t)[65] = xcalloc(10000, 65);
	int	 i, dup = 0;

	for (i = 0; i < 10000; i++)
		random_hex(t[i], 32);
	qsort(t, 10000, 65, (int (*)(const void *, const void *))strcmp);
	for (i = 1; i < 10000; i++)
		if (strcmp(t[i - 1], t[i]) == 0)
			dup++;
	CHECK(dup == 0);
	free(t);
}

int
main(void)
{
	unit_db();
	if (i18n_load() != 0)
		abort();
	RUN(countries_and_zones);
	RUN(labels);
	RUN(tokens_distinct);
	RUN(sql_table_complete);
	RUN(sql_columns_and_names);
	RUN(binds_by_name);
	RUN(transactions_nest);
	RUN(readonly_get);
	RUN(password_hashes);
	RUN(common_passwords);
	RUN(accounts);
	RUN(sessions);
	RUN(throttle_counts);
	RUN(db_file_mode);
	i18n_free();
	unit_db_done();
	DONE();
}
