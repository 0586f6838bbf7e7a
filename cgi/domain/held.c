/*
 * held.c: a reply typed by a browser whose session expired, held under
 * its session token until the same account signs in again (R11.8).
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "domain/held.h"
#include "data/db.h"
#include "lib/arena.h"
#include "lib/util.h"

/*
 * held_put: hold a reply body typed on path by the browser whose held
 * cookie is token and whose expired session was session, of account
 * (R11.8): one reply a session, the last (R14.11); older ones are
 * forgotten.  0 or -1.
 */
int
held_put(const char *token, int64_t session, int64_t account,
    const char *path, const char *body, time_t now)
{
	char	 hash[65];

	sha256_hex(token, strlen(token), hash);
	if (db_exec(STMT_HELD_PRUNE, P_INT(":before", (int64_t)(now - 86400)),
	    P_END) != DB_OK)
		return -1;
	return db_exec(STMT_HELD_PUT, P_TEXT(":token_hash", hash),
	    P_TEXT(":path", path), P_TEXT(":body", body),
	    P_INT(":created", (int64_t)now), P_INT(":session_id", session),
	    P_INT(":account_id", account), P_END) == DB_OK ? 0 : -1;
}

/*
 * held_get: the reply held for token on path, less than a day old, for
 * account alone: another who signs in on that browser gets nothing;
 * *out is in the request's arena.  1, 0, -1.
 */
int
held_get(const char *token, const char *path, int64_t account,
    const char **out)
{
	struct db_cur	*st;
	char		 hash[65];
	int		 rc;

	sha256_hex(token, strlen(token), hash);
	if ((st = db_query(STMT_HELD_GET, P_TEXT(":token_hash", hash),
	    P_TEXT(":path", path),
	    P_INT(":since", (int64_t)(time(NULL) - 86400)),
	    P_INT(":account_id", account), P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1)
		*out = arena_strdup(db_col_text(st, 0));
	db_done(st);
	return rc;
}

/* held_drop: forget the reply held for token (it has been sent). */
int
held_drop(const char *token)
{
	char	 hash[65];

	sha256_hex(token, strlen(token), hash);
	return db_exec(STMT_HELD_DELETE, P_TEXT(":token_hash", hash), P_END) ==
	    DB_OK ? 0 : -1;
}
