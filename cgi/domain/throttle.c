/*
 * throttle.c: counters of failed attempts kept in SQLite, so that they
 * hold across every worker (R1.6, SECURITY.md A.6).  An attempt that is
 * refused by the throttle is not counted and costs no scrypt run.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "domain/throttle.h"
#include "data/db.h"
#include "lib/config.h"
#include "lib/util.h"

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
	[THR_SIGNUP_IP] = { 0, 3600 },		/* cfg.signup_ip_hour */
	[THR_SIGNUP_ALL] = { 0, 60 },		/* cfg.signup_minute */
	[THR_RESET_EMAIL] = { 10, 3600 },	/* M.55 */
	[THR_RESET_IP] = { 30, 3600 },
	[THR_VERIFY_RESEND] = { 5, 3600 },
	[THR_CARD_ACCOUNT] = { 0, 86400 },	/* cfg.pay_day (M.62) */
	[THR_CARD_CLIENT] = { 0, 86400 },
	[THR_BUY_ACCOUNT] = { 0, 86400 },
	[THR_BUY_CLIENT] = { 0, 86400 },
};

/*
 * limit: a kind's limit, from the configuration for the sign-ups and
 * for card saves and purchases.
 */
static int
limit(enum throttle_kind kind)
{
	if (kind == THR_SIGNUP_IP)
		return cfg.signup_ip_hour;
	if (kind == THR_SIGNUP_ALL)
		return cfg.signup_minute;
	if (kind >= THR_CARD_ACCOUNT && kind <= THR_BUY_CLIENT)
		return cfg.pay_day;
	return rule[kind].limit;
}

/*
 * throttle_blocked: 1 if key has reached the limit of kind within its
 * window ending at now, 0 if not, -1 on a database error.
 */
int
throttle_blocked(enum throttle_kind kind, const char *key, time_t now)
{
	int	 n = throttle_count(kind, key, now);

	return n < 0 ? -1 : n >= limit(kind);
}

/* throttle_count: attempts of kind for key within its window, or -1. */
int
throttle_count(enum throttle_kind kind, const char *key, time_t now)
{
	return (int)db_int(STMT_THROTTLE_COUNT, 0, P_INT(":kind", (int)kind),
	    P_TEXT(":key", key),
	    P_INT(":since", (int64_t)(now - rule[kind].window)), P_END);
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
	return throttle_take_some(kind, key, n, ~0u, now, ids);
}

/*
 * throttle_take_some: throttle_take, where only the kinds whose bit is
 * set in check can refuse the attempt; it is counted against all n.
 */
int
throttle_take_some(const enum throttle_kind *kind, const char *const *key,
    int n, unsigned check, time_t now, int64_t *ids)
{
	int	 i, b;

	if (db_begin_write() != 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((check & (1u << i)) &&
		    (b = throttle_blocked(kind[i], key[i], now)) != 0) {
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
		if (db_exec(STMT_THROTTLE_DELETE, P_INT(":rowid", ids[i]),
		    P_END) != DB_OK) {
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
	if (db_exec(STMT_THROTTLE_ADD, P_INT(":kind", (int)kind),
	    P_TEXT(":key", key), P_INT(":at", (int64_t)now), P_END) !=
	    DB_OK)
		return -1;
	/* a DELETE leaves db_last_id() as the INSERT set it */
	if (db_exec(STMT_THROTTLE_PRUNE, P_INT(":kind", (int)kind),
	    P_TEXT(":key", key),
	    P_INT(":before", (int64_t)(now - rule[kind].window)), P_END) !=
	    DB_OK)
		return -1;
	return 0;
}

/*
 * throttle_clear_account: forget the sign-in failures (wrong passwords
 * and wrong codes alike) counted against the account that signs in with
 * email, from every client: a completed password reset lifts its
 * lock-out (R14.3).  Caller's transaction.  0 or -1.
 */
int
throttle_clear_account(const char *email)
{
	return db_exec(STMT_THROTTLE_CLEAR_ACCOUNT, P_TEXT(":email", email),
	    P_INT(":kind_pair", (int)THR_SIGNIN_ACCOUNT_IP),
	    P_INT(":kind", (int)THR_SIGNIN_ACCOUNT), P_END) == DB_OK ?
	    0 : -1;
}

/*
 * throttle_client_key: the key a client address is counted under: an
 * IPv6 address by its /64, which one subscriber usually holds whole
 * (R14.4); anything else as it is.
 */
void
throttle_client_key(char *out, size_t sz, const char *ip)
{
	struct in6_addr	 a6;
	char		 net[INET6_ADDRSTRLEN];

	if (strchr(ip, ':') != NULL && inet_pton(AF_INET6, ip, &a6) == 1) {
		memset(a6.s6_addr + 8, 0, 8);
		if (inet_ntop(AF_INET6, &a6, net, sizeof(net)) != NULL) {
			snprintf(out, sz, "%s/64", net);
			return;
		}
	}
	strlcpy_(out, ip, sz);
}

/*
 * throttle_count_alone: count one attempt of kind for key in a write of
 * its own (an alert's count, which never refuses anybody), then tell
 * whether key is at its limit: 1, 0, -1.
 */
int
throttle_count_alone(enum throttle_kind kind, const char *key, time_t now)
{
	if (db_begin_write() != 0)
		return -1;
	if (throttle_note(kind, key, now) != 0) {
		db_rollback();
		return -1;
	}
	if (db_commit() != 0)
		return -1;
	return throttle_blocked(kind, key, now);
}
