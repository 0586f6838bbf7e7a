/*
 * session.c: sessions kept in SQLite (R1.4, SECURITY.md B).  The cookie
 * holds 32 random bytes in hex; only their SHA-256 is stored, so that
 * neither the database nor its WAL holds a usable cookie.
 */
#include <string.h>

#include "domain/session.h"
#include "data/db.h"
#include "lib/config.h"
#include "lib/util.h"

/*
 * session_create: a new session for account at now from ip with browser
 * agent (the sessions page names it: R14.7).  mfa: the password was
 * right and the code is still to come (R14.6); such a session signs
 * nobody in.  Writes the cookie value (64 hex digits) into token and
 * fills s.  The account's sessions that ended or expired more than a
 * day ago are removed on the way (a day: R14.11 holds a reply for an
 * expired one).  Returns 0 or -1.
 */
int
session_create(int64_t account, const char *ip, const char *agent, int mfa,
    time_t now, char token[65], struct session *s)
{
	char	 hash[65], brief[200];

	memset(s, 0, sizeof(*s));
	random_hex(token, 32);
	sha256_hex(token, 64, hash);
	random_hex(s->csrf, 32);
	strlcpy_(brief, agent != NULL ? agent : "", sizeof(brief));
	if (db_exec(STMT_SESSION_DELETE_EXPIRED, P_INT(":account_id", account),
	    P_INT(":idle_cut", (int64_t)(now - cfg.idle_timeout - 86400)),
	    P_INT(":age_cut", (int64_t)(now - cfg.abs_timeout - 86400)),
	    P_END) != DB_OK)
		return -1;
	if (db_exec(STMT_SESSION_INSERT, P_TEXT(":token_hash", hash),
	    P_INT(":account_id", account), P_TEXT(":csrf", s->csrf),
	    P_INT(":now", (int64_t)now), P_TEXT(":ip", ip),
	    P_TEXT(":agent", brief), P_INT(":mfa_pending", mfa), P_END) !=
	    DB_OK)
		return -1;
	s->id = db_last_id();
	s->account_id = account;
	s->created = s->seen = now;
	s->mfa_pending = mfa;
	return 0;
}

/*
 * session_rekey: give session s a new cookie value and form token (a
 * password change keeps the session that made it under a new id:
 * R14.7; a code that completes a sign-in likewise: B.9).  0 or -1.
 */
int
session_rekey(struct session *s, time_t now, char token[65])
{
	char	 hash[65];

	random_hex(token, 32);
	sha256_hex(token, 64, hash);
	random_hex(s->csrf, 32);
	if (db_exec(STMT_SESSION_REKEY, P_INT(":id", s->id),
	    P_TEXT(":token_hash", hash), P_TEXT(":csrf", s->csrf),
	    P_INT(":now", (int64_t)now), P_END) != DB_OK || db_changes() !=
	    1)
		return -1;
	s->mfa_pending = 0;
	s->created = s->seen = now;
	return 0;
}

/*
 * session_find: the live session whose cookie value is token.  1 and s
 * filled when it exists, has not ended and is within its idle and
 * absolute limits; an expired one is marked ended (kept a day, R14.11)
 * and 0 returned; 0 for an unknown or malformed token; -1 on a
 * database error.  The idle clock is moved at most once a minute, to
 * spare the disk a write per page.  A session waiting for its code
 * (mfa_pending) lives five minutes.
 */
int
session_find(const char *token, time_t now, struct session *s)
{
	struct db_cur	*st;
	char		 hash[65];
	int		 rc;
	int64_t		 ended = 0;

	memset(s, 0, sizeof(*s));
	if (!token_valid(token))
		return 0;
	sha256_hex(token, 64, hash);
	if ((st = db_query(STMT_SESSION_BY_HASH, P_TEXT(":token_hash", hash),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		s->id = db_col_int(st, SESSION_ID);
		s->account_id = db_col_int(st, SESSION_ACCOUNT);
		db_col_copy(st, SESSION_CSRF, s->csrf, sizeof(s->csrf));
		s->created = db_col_int(st, SESSION_CREATED);
		s->seen = db_col_int(st, SESSION_SEEN);
		ended = db_col_int(st, SESSION_ENDED);
		s->mfa_pending = (int)db_col_int(st, SESSION_MFA_PENDING);
	}
	db_done(st);
	if (rc != 1)
		return rc;
	if (ended != 0) {
		memset(s, 0, sizeof(*s));
		return 0;
	}
	if (now - s->seen > cfg.idle_timeout ||
	    now - s->created > cfg.abs_timeout ||
	    (s->mfa_pending && now - s->created > 300)) {
		db_read_end();	/* writes of their own, not an upgrade */
		db_exec(STMT_SESSION_END, P_INT(":id", s->id),
		    P_INT(":ended", (int64_t)now), P_END);
		memset(s, 0, sizeof(*s));
		return 0;
	}
	if (now - s->seen >= 60) {	/* the idle clock, once a minute */
		db_read_end();
		if (db_exec(STMT_SESSION_TOUCH, P_INT(":id", s->id),
		    P_INT(":seen", (int64_t)now), P_END) != DB_OK)
			return -1;
	}
	return 1;
}

/*
 * session_existed: the id of the session, live or expired, whose cookie
 * value is token, and its account in *account; or 0: only a browser
 * that was signed in may have a reply held for it (R14.11); -1 on a
 * database error.
 */
int64_t
session_existed(const char *token, int64_t *account)
{
	struct db_cur	*st;
	char		 hash[65];
	int64_t		 id = 0;

	if (!token_valid(token))
		return 0;
	sha256_hex(token, 64, hash);
	if ((st = db_query(STMT_SESSION_EXISTED, P_TEXT(":token_hash", hash),
	    P_END)) == NULL)
		return -1;
	if (db_row(st) == 1) {
		id = db_col_int(st, EXISTED_ID);
		*account = db_col_int(st, EXISTED_ACCOUNT);
	}
	db_done(st);
	return id;
}

/* session_end_one: end session id of account (R14.7).  1, 0, -1. */
int
session_end_one(int64_t account, int64_t id)
{
	if (db_exec(STMT_SESSION_DELETE_OWN, P_INT(":id", id),
	    P_INT(":account_id", account), P_END) != DB_OK)
		return -1;
	return db_changes() == 1;
}

/* session_end_all: sign-out everywhere (R1.2, B.11).  0 or -1. */
int
session_end_all(int64_t account)
{
	return db_exec(STMT_SESSION_DELETE_ACCOUNT,
	    P_INT(":account_id", account), P_END) == DB_OK ? 0 : -1;
}

/* session_end_others: every session of account but keep (B.11). */
int
session_end_others(int64_t account, int64_t keep)
{
	return db_exec(STMT_SESSION_DELETE_OTHERS,
	    P_INT(":account_id", account), P_INT(":id", keep), P_END) ==
	    DB_OK ? 0 : -1;
}
