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
 * throttle_take: in one write transaction, when none of the n (kind,
 * key) pairs is at its limit, count an attempt against each before it
 * is made, so that workers answering at the same moment cannot all pass
 * the same last free place.  Returns 0 with the rows' ids in ids, 1 when
 * a pair is at its limit (nothing counted), -1 on a database error.  An
 * attempt that succeeds is given back with throttle_give_back.
 */
int
throttle_take(const enum throttle_kind *kind, const char *const *key, int n,
    time_t now, int64_t *ids)
{
	int	 i, b;

	if (db_begin_write() != 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((b = throttle_blocked(kind[i], key[i], now)) != 0) {
			db_rollback();
			return b;
		}
	for (i = 0; i < n; i++) {
		if (throttle_note(kind[i], key[i], now) != 0) {
			db_rollback();
			return -1;
		}
		ids[i] = db_last_id();
	}
	return db_commit() == 0 ? 0 : -1;
}

/* throttle_give_back: forget the n attempts counted by throttle_take. */
int
throttle_give_back(const int64_t *ids, int n)
{
	int	 i;

	if (db_begin_write() != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (db_exec(STMT_THROTTLE_DELETE, "I", ids[i]) != SQLITE_OK) {
			db_rollback();
			return -1;
		}
	return db_commit();
}

/*
 * throttle_note: count one failure of key at now, and forget the ones of
 * that key older than the window.  Runs inside the caller's transaction
 * if there is one; db_last_id() is the new row's afterwards.  Returns 0
 * or -1.
 */
int
throttle_note(enum throttle_kind kind, const char *key, time_t now)
{
	int64_t	 id;

	if (db_exec(STMT_THROTTLE_ADD, "iTI", (int)kind, key,
	    (int64_t)now) != SQLITE_OK)
		return -1;
	id = db_last_id();
	if (db_exec(STMT_THROTTLE_PRUNE, "iTI", (int)kind, key,
	    (int64_t)(now - rule[kind].window)) != SQLITE_OK)
		return -1;
	sqlite3_set_last_insert_rowid(db_handle(), id);
	return 0;
}
