/*
 * throttle.c: counters of failed attempts kept in SQLite, so that they
 * hold across every worker (R1.6, SECURITY.md A.6).  An attempt that is
 * refused by the throttle is not counted and costs no scrypt run.
 */
#include "supportal.h"

static const struct {
	int	 limit;		/* failures allowed in the window */
	int	 window;	/* seconds */
} rule[THR__MAX] = {
	[THR_SIGNIN_ACCOUNT_IP] = { 10, 15 * 60 },
	[THR_SIGNIN_ACCOUNT] = { 100, 3600 },
	[THR_SIGNIN_IP] = { 100, 3600 },
	[THR_ACTIVATE_ACCOUNT] = { 10, 3600 },	/* C.14 */
	[THR_ACTIVATE_IP] = { 30, 3600 },
	[THR_ACTIVATE_ALL] = { 500, 3600 },
};

/*
 * throttle_blocked: 1 if key has reached the limit of kind within its
 * window ending at now, 0 if not, -1 on a database error.
 */
int
throttle_blocked(enum throttle_kind kind, const char *key, time_t now)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	st = db_query(STMT_THROTTLE_COUNT, "iTI", (int)kind, key,
	    (int64_t)(now - rule[kind].window));
	if (st == NULL)
		return -1;
	if (db_row(st) == 1)
		n = (int)db_col_int(st, 0);
	db_done(st);
	if (n < 0)
		return -1;
	return n >= rule[kind].limit;
}

/*
 * throttle_note: count one failure of key at now, and forget the ones of
 * that key older than the window.  Runs inside the caller's transaction
 * if there is one.  Returns 0 or -1.
 */
int
throttle_note(enum throttle_kind kind, const char *key, time_t now)
{
	if (db_exec(STMT_THROTTLE_ADD, "iTI", (int)kind, key,
	    (int64_t)now) != SQLITE_OK)
		return -1;
	if (db_exec(STMT_THROTTLE_PRUNE, "iTI", (int)kind, key,
	    (int64_t)(now - rule[kind].window)) != SQLITE_OK)
		return -1;
	return 0;
}
