/*
 * sql.c: every SQL text the portal runs, one reviewable list indexed by
 * enum stmt (supportal.h).  Values are always bound (?N), never
 * formatted in.  db.c prepares each text once per connection.
 */
#include "supportal.h"

#define S(id, text)	[id] = text

const char *const sql_text[STMT__MAX] = {
	S(STMT_BEGIN, "BEGIN IMMEDIATE"),
	S(STMT_COMMIT, "COMMIT"),
	S(STMT_ROLLBACK, "ROLLBACK"),

	/* accounts (R1, R2) */
	S(STMT_ACCOUNT_BY_EMAIL,
	    "SELECT id, pwhash FROM accounts WHERE email = ?1"),
	S(STMT_ACCOUNT_BY_ID,
	    "SELECT id, email, first_name, last_name, kind, role,"
	    " profile_done, contact_email, phone, company, country,"
	    " timezone, lang, contact_method FROM accounts WHERE id = ?1"),
	S(STMT_ACCOUNT_INSERT,
	    "INSERT INTO accounts (email, pwhash, first_name, last_name,"
	    " kind, lang, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
	S(STMT_ACCOUNT_SET_HASH,
	    "UPDATE accounts SET pwhash = ?2 WHERE id = ?1"),
	S(STMT_ACCOUNT_SET_PROFILE,
	    "UPDATE accounts SET contact_email = ?2, phone = ?3,"
	    " company = ?4, country = ?5, timezone = ?6, lang = ?7,"
	    " contact_method = ?8, profile_done = 1 WHERE id = ?1"),
	S(STMT_ACCOUNT_SET_LANG,
	    "UPDATE accounts SET lang = ?2 WHERE id = ?1"),
	S(STMT_ACCOUNT_SET_ROLE,
	    "UPDATE accounts SET role = ?2 WHERE id = ?1"),

	/* sessions (R1.4) */
	S(STMT_SESSION_INSERT,
	    "INSERT INTO sessions (token_hash, account_id, csrf, created,"
	    " seen, ip) VALUES (?1, ?2, ?3, ?4, ?4, ?5)"),
	S(STMT_SESSION_BY_HASH,
	    "SELECT id, account_id, csrf, created, seen FROM sessions"
	    " WHERE token_hash = ?1"),
	S(STMT_SESSION_TOUCH,
	    "UPDATE sessions SET seen = ?2 WHERE id = ?1"),
	S(STMT_SESSION_DELETE,
	    "DELETE FROM sessions WHERE id = ?1"),
	S(STMT_SESSION_DELETE_ACCOUNT,
	    "DELETE FROM sessions WHERE account_id = ?1"),
	S(STMT_SESSION_DELETE_OTHERS,
	    "DELETE FROM sessions WHERE account_id = ?1 AND id <> ?2"),
	S(STMT_SESSION_DELETE_EXPIRED,
	    "DELETE FROM sessions WHERE account_id = ?1"
	    " AND (seen < ?2 OR created < ?3)"),

	/* throttle (A.6) */
	S(STMT_THROTTLE_COUNT,
	    "SELECT count(*) FROM throttle"
	    " WHERE kind = ?1 AND key = ?2 AND at > ?3"),
	S(STMT_THROTTLE_ADD,
	    "INSERT INTO throttle (kind, key, at) VALUES (?1, ?2, ?3)"),
	S(STMT_THROTTLE_PRUNE,
	    "DELETE FROM throttle WHERE kind = ?1 AND key = ?2 AND at < ?3"),

	/* /healthz (R13.5) */
	S(STMT_HEALTH, "SELECT count(*) FROM accounts WHERE id = 0"),
};

#define N(id)	[id] = #id

const char *const sql_name[STMT__MAX] = {
	N(STMT_BEGIN), N(STMT_COMMIT), N(STMT_ROLLBACK),
	N(STMT_ACCOUNT_BY_EMAIL), N(STMT_ACCOUNT_BY_ID),
	N(STMT_ACCOUNT_INSERT), N(STMT_ACCOUNT_SET_HASH),
	N(STMT_ACCOUNT_SET_PROFILE), N(STMT_ACCOUNT_SET_LANG),
	N(STMT_ACCOUNT_SET_ROLE),
	N(STMT_SESSION_INSERT), N(STMT_SESSION_BY_HASH),
	N(STMT_SESSION_TOUCH), N(STMT_SESSION_DELETE),
	N(STMT_SESSION_DELETE_ACCOUNT), N(STMT_SESSION_DELETE_OTHERS),
	N(STMT_SESSION_DELETE_EXPIRED),
	N(STMT_THROTTLE_COUNT), N(STMT_THROTTLE_ADD), N(STMT_THROTTLE_PRUNE),
	N(STMT_HEALTH),
};

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
	case STMT_COMMIT:
	case STMT_ROLLBACK:
	case STMT_SESSION_TOUCH:
	case STMT_SESSION_DELETE:
		return 1;
	default:
		return 0;
	}
}
