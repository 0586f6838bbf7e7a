/*
 * session.c: sessions kept in SQLite (R1.4, SECURITY.md B).  The cookie
 * holds 32 random bytes in hex; only their SHA-256 is stored, so that
 * neither the database nor its WAL holds a usable cookie.
 */
#include <string.h>

#include "supportal.h"

/*
 * session_create: a new session for account at now from ip.  Writes the
 * cookie value (64 hex digits) into token and fills s.  Old expired
 * sessions of the account are removed on the way.  Returns 0 or -1.
 */
int
session_create(int64_t account, const char *ip, time_t now,
    char token[65], struct session *s)
{
	char	 hash[65];

	memset(s, 0, sizeof(*s));
	random_hex(token, 32);
	sha256_hex(token, 64, hash);
	random_hex(s->csrf, 32);
	if (db_exec(STMT_SESSION_DELETE_EXPIRED, "III", account,
	    (int64_t)(now - cfg.idle_timeout),
	    (int64_t)(now - cfg.abs_timeout)) != SQLITE_OK)
		return -1;
	if (db_exec(STMT_SESSION_INSERT, "TITIT", hash, account, s->csrf,
	    (int64_t)now, ip) != SQLITE_OK)
		return -1;
	s->id = db_last_id();
	s->account_id = account;
	s->created = s->seen = now;
	return 0;
}

/*
 * session_find: the live session whose cookie value is token.  1 and s
 * filled when it exists and is within its idle and absolute limits; an
 * expired one is deleted and 0 returned; 0 for an unknown or malformed
 * token; -1 on a database error.  The idle clock is moved at most once a
 * minute, to spare the disk a write per page.
 */
int
session_find(const char *token, time_t now, struct session *s)
{
	sqlite3_stmt	*st;
	char		 hash[65];
	size_t		 i;
	int		 rc;

	memset(s, 0, sizeof(*s));
	if (strlen(token) != 64)
		return 0;
	for (i = 0; i < 64; i++)
		if (!((token[i] >= '0' && token[i] <= '9') ||
		    (token[i] >= 'a' && token[i] <= 'f')))
			return 0;
	sha256_hex(token, 64, hash);
	if ((st = db_query(STMT_SESSION_BY_HASH, "T", hash)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		s->id = db_col_int(st, 0);
		s->account_id = db_col_int(st, 1);
		db_col_copy(st, 2, s->csrf, sizeof(s->csrf));
		s->created = db_col_int(st, 3);
		s->seen = db_col_int(st, 4);
	}
	db_done(st);
	if (rc != 1)
		return rc;
	if (now - s->seen > cfg.idle_timeout ||
	    now - s->created > cfg.abs_timeout) {
		db_read_end();	/* writes of their own, not an upgrade */
		db_exec(STMT_SESSION_DELETE, "I", s->id);
		memset(s, 0, sizeof(*s));
		return 0;
	}
	if (now - s->seen >= 60) {	/* the idle clock, once a minute */
		db_read_end();
		if (db_exec(STMT_SESSION_TOUCH, "II", s->id, (int64_t)now) !=
		    SQLITE_OK)
			return -1;
	}
	return 1;
}

/* session_end_all: sign-out everywhere (R1.2, B.11).  0 or -1. */
int
session_end_all(int64_t account)
{
	return db_exec(STMT_SESSION_DELETE_ACCOUNT, "I", account) ==
	    SQLITE_OK ? 0 : -1;
}

/* session_end_others: every session of account but keep (B.11). */
int
session_end_others(int64_t account, int64_t keep)
{
	return db_exec(STMT_SESSION_DELETE_OTHERS, "II", account, keep) ==
	    SQLITE_OK ? 0 : -1;
}
