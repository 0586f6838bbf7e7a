/*
 * payment.c: pay per incident (R6, R11.10).  No HTTP here.
 *
 * - Cards (R6.3): the number is checked (length, Luhn, brand), the
 *   expiry must be in the future and the security code as long as its
 *   brand wants; the provider turns the card into a token, and only the
 *   brand, the last four digits, the expiry and that token are stored.
 *   The number and the code live in the request's memory only, which
 *   the caller wipes (SECURITY.md I.39); nothing here logs them.
 * - The provider interface (R6.5): tokenise, charge under an idempotency
 *   key, look a charge up by that key.  The built-in provider is a test
 *   processor keeping its own ledger in var/testpay.db, apart from the
 *   portal's database, so that reconciliation asks a real other party.
 * - Purchases (R6.4, R11.10): the purchase, with its idempotency key, is
 *   committed before the charge (H.37).  Buy sets it "charging", charges
 *   under its key, then in one transaction makes the plan (a contract of
 *   the pay-per-incident programme: 1 or 5 incidents, a year, the
 *   on-premises version chosen), activates it on the account, marks the
 *   purchase paid and selects the plan in the draft.  A reload, a double
 *   click, the back button or a crash in between can only charge again
 *   under the same key, which the provider answers with the first
 *   charge; reconciliation (purchase_reconcile) finishes what a crash
 *   left "charging".
 */
#include <ctype.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>	/* the test processor's own file, var/testpay.db */

#include "domain/payment.h"
#include "data/db.h"
#include "data/sql.h"
#include "domain/account.h"
#include "domain/catalogue.h"
#include "domain/contract.h"
#include "domain/outbox.h"
#include "domain/throttle.h"
#include "lib/config.h"
#include "lib/util.h"

const char *const offer_code[OFFER__MAX] = {
	[OFFER_ONE] = "one",
	[OFFER_FIVE] = "five",
};

const char *const pstatus_code[PS__MAX] = {
	[PS_NEW] = "new",
	[PS_CHARGING] = "charging",
	[PS_PAID] = "paid",
	[PS_FAILED] = "failed",
};

/* card_wipe: overwrite a string that held card data (I.39). */
void
card_wipe(char *s)
{
	if (s != NULL)
		explicit_bzero(s, strlen(s));
}

/* luhn_ok: 1 if the digits of s pass the Luhn checksum. */
int
luhn_ok(const char *s)
{
	size_t	 n = strlen(s), i;
	int	 sum = 0, dbl = 0;

	if (n == 0)
		return 0;
	for (i = n; i-- > 0; ) {
		int	 d = s[i] - '0';

		if (d < 0 || d > 9)
			return 0;
		if (dbl && (d *= 2) > 9)
			d -= 9;
		sum += d;
		dbl = !dbl;
	}
	return sum % 10 == 0;
}

/*
 * card_brand: "visa", "mastercard" or "amex" for the digits of a card
 * number (prefix and length), or NULL for a brand not taken.
 */
const char *
card_brand(const char *d)
{
	size_t	 n = strlen(d);
	int	 p2 = n >= 2 ? (d[0] - '0') * 10 + d[1] - '0' : 0;
	int	 p4 = n >= 4 ? atoi((char[5]){ d[0], d[1], d[2], d[3], 0 }) : 0;

	if (d[0] == '4' && (n == 13 || n == 16 || n == 19))
		return "visa";
	if (n == 16 && ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)))
		return "mastercard";
	if (n == 15 && (p2 == 34 || p2 == 37))
		return "amex";
	return NULL;
}

/*
 * card_digits: the digits of a number typed with blanks or dashes into
 * out (size 20), or 0 when anything else is in it or it is not 13 to 19
 * digits long.
 */
static int
card_digits(const char *s, char out[20])
{
	size_t	 n = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-')
			continue;
		if (!isdigit((unsigned char)*s) || n == 19) {
			explicit_bzero(out, 20);
			return 0;
		}
		out[n++] = *s;
	}
	out[n] = '\0';
	return n >= 13;
}

/* expiry_parse: MM/YY or MM/YYYY (blanks allowed around the slash). */
static int
expiry_parse(const char *s, int *month, int *year)
{
	char	 mm[3] = "", yy[5] = "";
	size_t	 i = 0, n;

	while (isdigit((unsigned char)s[i]) && i < 2) {
		mm[i] = s[i];
		i++;
	}
	if (i == 0)
		return 0;
	s += i;
	while (*s == ' ')
		s++;
	if (*s++ != '/')
		return 0;
	while (*s == ' ')
		s++;
	n = strspn(s, "0123456789");
	if ((n != 2 && n != 4) || s[n] != '\0')
		return 0;
	memcpy(yy, s, n);
	*month = atoi(mm);
	*year = atoi(yy) + (n == 2 ? 2000 : 0);
	return *month >= 1 && *month <= 12;
}

/*
 * card_check: the errors of a card as typed, one bit per enum card_err
 * (1 << CARD_NUMBER, ...), 0 when it is acceptable; then digits (size
 * 20, wiped by the caller) holds the number and *month, *year the
 * expiry.  A card is valid to the end of its month.
 */
unsigned
card_check(const struct card_in *c, time_t now, char digits[20], int *month,
    int *year)
{
	const char	*brand = NULL;
	struct tm	 tm;
	unsigned	 err = 0;
	size_t		 cl = strlen(c->cvc);

	gmtime_r(&now, &tm);
	if (!card_digits(c->number, digits) || !luhn_ok(digits))
		err |= 1u << CARD_NUMBER;
	else if ((brand = card_brand(digits)) == NULL)
		err |= 1u << CARD_BRAND;
	if (!expiry_parse(c->expiry, month, year))
		err |= 1u << CARD_EXPIRY;
	else if (*year * 12 + *month < (tm.tm_year + 1900) * 12 +
	    tm.tm_mon + 1)
		err |= 1u << CARD_EXPIRED;
	else if (*year > tm.tm_year + 1900 + 20)
		err |= 1u << CARD_EXPIRY;
	if (strspn(c->cvc, "0123456789") != cl || (brand == NULL ?
	    cl != 3 && cl != 4 : cl != (strcmp(brand, "amex") == 0 ? 4u : 3u)))
		err |= 1u << CARD_CVC;
	return err;
}

/* ------------------------------------------------ the test provider */

/*
 * The test processor's own database, var/testpay.db: tokens (brand,
 * last four, expiry and how the card behaves; never the number) and
 * charges, one per idempotency key.  Its statements are in sql.c with
 * the portal's, on a connection of their own.
 */
static struct {
	sqlite3		*db;
	sqlite3_stmt	*st[TP__MAX];
} T;

/* tp_open: the test processor's database, opened once.  0 or -1. */
static int
tp_open(void)
{
	char	 path[700];
	char	*msg = NULL;

	if (T.db != NULL)
		return 0;
	strlcpy_(path, cfg.testpay, sizeof(path));
	if (sqlite3_open_v2(path, &T.db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		log_line(NULL, "testpay: %s: cannot open", path);
		sqlite3_close(T.db);
		T.db = NULL;
		return -1;
	}
	sqlite3_busy_timeout(T.db, 5000);
	if (sqlite3_exec(T.db, tp_schema, NULL, NULL, &msg) != SQLITE_OK) {
		log_line(NULL, "testpay: %s", msg ? msg : "schema");
		sqlite3_free(msg);
		payment_close();
		return -1;
	}
	return 0;
}

/* payment_close: close the test processor's database, if open. */
void
payment_close(void)
{
	int	 i;

	for (i = 0; i < TP__MAX; i++)
		if (T.st[i] != NULL)
			sqlite3_finalize(T.st[i]);
	sqlite3_close(T.db);
	memset(&T, 0, sizeof(T));
}

/*
 * tp_stmt: statement id of the test processor, reset, with its text
 * arguments bound in order (NULL-terminated), or NULL.
 */
static sqlite3_stmt *
tp_stmt(enum tp_stmt id, ...)
{
	va_list		 ap;
	const char	*s;
	int		 i = 1;

	if (tp_open() != 0)
		return NULL;
	if (T.st[id] == NULL && sqlite3_prepare_v3(T.db, tp_sql_text[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &T.st[id], NULL) != SQLITE_OK) {
		log_line(NULL, "testpay: %s", sqlite3_errmsg(T.db));
		return NULL;
	}
	sqlite3_reset(T.st[id]);
	sqlite3_clear_bindings(T.st[id]);
	va_start(ap, id);
	while ((s = va_arg(ap, const char *)) != NULL)
		sqlite3_bind_text(T.st[id], i++, s, -1, SQLITE_TRANSIENT);
	va_end(ap);
	return T.st[id];
}

/* tp_run: step a statement without rows; SQLITE_OK or the error. */
static int
tp_run(sqlite3_stmt *st)
{
	int	 rc;

	if (st == NULL)
		return SQLITE_ERROR;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/*
 * The test cards (README.md): any number passing the checks is taken,
 * except these two.
 */
#define TP_DECLINE_SAVE		"4000000000000002"	/* refused at once */
#define TP_DECLINE_CHARGE	"4000000000009995"	/* no funds */

/*
 * tp_tokenise: a token for a card that passes the checks, kept with its
 * brand, last four digits, expiry and behaviour (never the number);
 * CARD_DECLINED for the test card refused at once.
 */
static enum card_err
tp_tokenise(const char *digits, int month, int year, const char *cvc,
    char token[PAY_TOKEN_MAX + 1])
{
	char		 hex[49], m[8], y[8], now[24];
	const char	*brand = card_brand(digits);
	const char	*behaviour = "ok";

	(void)cvc;			/* checked by length only */
	if (brand == NULL || !luhn_ok(digits) ||
	    strcmp(digits, TP_DECLINE_SAVE) == 0)
		return CARD_DECLINED;
	if (strcmp(digits, TP_DECLINE_CHARGE) == 0)
		behaviour = "insufficient_funds";
	random_hex(hex, 24);
	snprintf(token, PAY_TOKEN_MAX + 1, "tok_%s", hex);
	snprintf(m, sizeof(m), "%d", month);
	snprintf(y, sizeof(y), "%d", year);
	snprintf(now, sizeof(now), "%lld", (long long)time(NULL));
	if (tp_run(tp_stmt(TP_TOKEN_INSERT, token, brand,
	    digits + strlen(digits) - 4, m, y, behaviour, now, NULL)) !=
	    SQLITE_OK)
		return CARD_FAIL;
	return CARD_OK;
}

/* tp_found: the outcome of the charge row st is on. */
static enum charge_result
tp_found(sqlite3_stmt *st, char *charge, size_t csz, char *why, size_t wsz)
{
	const char	*status = (const char *)sqlite3_column_text(st, 1);

	strlcpy_(charge, (const char *)sqlite3_column_text(st, 0), csz);
	strlcpy_(why, (const char *)sqlite3_column_text(st, 2), wsz);
	return status != NULL && strcmp(status, "succeeded") == 0 ?
	    CHARGE_OK : CHARGE_DECLINED;
}

/* tp_lookup: the outcome of the charge made under key, if any. */
static enum charge_result
tp_lookup(const char *key, char *charge, size_t csz, char *why, size_t wsz)
{
	sqlite3_stmt		*st = tp_stmt(TP_CHARGE_GET, key, NULL);
	enum charge_result	 res;
	int			 rc;

	if (st == NULL)
		return CHARGE_FAIL;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		res = tp_found(st, charge, csz, why, wsz);
	else
		res = rc == SQLITE_DONE ? CHARGE_NOT_FOUND : CHARGE_FAIL;
	sqlite3_reset(st);
	return res;
}

/*
 * tp_charge: one charge per key, in one transaction of the processor's
 * database: a second call with the same key (a reload, a double click,
 * a retry after a crash) counts the attempt and returns the first
 * outcome.
 */
static enum charge_result
tp_charge(const char *key, const char *token, int64_t amount,
    const char *currency, char *charge, size_t csz, char *why, size_t wsz)
{
	sqlite3_stmt		*st;
	enum charge_result	 res = CHARGE_FAIL;
	char			 hex[33], id[40], amt[24], now[24];
	const char		*behaviour = NULL, *status;
	int			 rc;

	if (tp_run(tp_stmt(TP_BEGIN, NULL)) != SQLITE_OK)
		return CHARGE_FAIL;
	if ((st = tp_stmt(TP_CHARGE_GET, key, NULL)) == NULL)
		goto out;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		res = tp_found(st, charge, csz, why, wsz);
		sqlite3_reset(st);
		if (tp_run(tp_stmt(TP_CHARGE_AGAIN, key, NULL)) != SQLITE_OK)
			res = CHARGE_FAIL;
		goto out;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE || (st = tp_stmt(TP_TOKEN_GET, token,
	    NULL)) == NULL)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW)
		behaviour = strcmp((const char *)sqlite3_column_text(st, 0),
		    "ok") == 0 ? "ok" : "insufficient_funds";
	sqlite3_reset(st);
	status = behaviour != NULL && strcmp(behaviour, "ok") == 0 ?
	    "succeeded" : "declined";
	random_hex(hex, 16);
	snprintf(id, sizeof(id), "ch_%s", hex);
	snprintf(amt, sizeof(amt), "%lld", (long long)amount);
	snprintf(now, sizeof(now), "%lld", (long long)time(NULL));
	if (tp_run(tp_stmt(TP_CHARGE_INSERT, key, id, token, amt, currency,
	    status, behaviour == NULL ? "unknown_card" :
	    strcmp(behaviour, "ok") == 0 ? "" : behaviour, now, NULL)) !=
	    SQLITE_OK)
		goto out;
	strlcpy_(charge, id, csz);
	strlcpy_(why, behaviour == NULL ? "unknown_card" :
	    strcmp(behaviour, "ok") == 0 ? "" : behaviour, wsz);
	res = strcmp(status, "succeeded") == 0 ? CHARGE_OK : CHARGE_DECLINED;
out:
	if (res == CHARGE_FAIL)
		tp_run(tp_stmt(TP_ROLLBACK, NULL));
	else if (tp_run(tp_stmt(TP_COMMIT, NULL)) != SQLITE_OK) {
		tp_run(tp_stmt(TP_ROLLBACK, NULL));
		res = CHARGE_FAIL;
	}
	return res;
}

static const struct provider test_provider = {
	"test", tp_tokenise, tp_charge, tp_lookup
};

/* The provider in use; a real processor's table would replace it. */
const struct provider *payment_provider = &test_provider;

/* ------------------------------------------------------------ cards */

/*
 * pay_take: count one attempt of account from client (a throttle key:
 * an IPv6 address by its /64) against the day's limits of kinds[0] (per
 * account) and kinds[1] (per client), Payment.PerDay each (R17.3,
 * SECURITY.md M.62).  Attempts are never given back: what is limited
 * is the number of questions put to the provider, answered yes or no.
 * 0, 1 when a limit is reached (nothing counted), -1.
 */
static int
pay_take(const enum throttle_kind kinds[2], int64_t account,
    const char *client, time_t now)
{
	char		 acct[24];
	const char	*keys[2];
	int64_t		 ids[2];

	keys[0] = int_str(acct, account);
	keys[1] = client;
	return throttle_take(kinds, keys, 2, now, ids);
}

/* card_get: the card saved on account into c.  1, 0 when none, -1. */
int
card_get(int64_t account, struct card *c)
{
	struct db_cur	*st = db_query(STMT_CARD_GET,
	    P_INT(":account_id", account), P_END);
	int		 rc;

	memset(c, 0, sizeof(*c));
	if (st == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		db_col_copy(st, SAVED_HOLDER, c->holder, sizeof(c->holder));
		db_col_copy(st, SAVED_BRAND, c->brand, sizeof(c->brand));
		db_col_copy(st, SAVED_LAST4, c->last4, sizeof(c->last4));
		c->exp_month = (int)db_col_int(st, SAVED_EXP_MONTH);
		c->exp_year = (int)db_col_int(st, SAVED_EXP_YEAR);
		db_col_copy(st, SAVED_TOKEN, c->token, sizeof(c->token));
	}
	db_done(st);
	return rc;
}

/*
 * card_save: check the card c as typed, have the provider tokenise it
 * and keep what may be kept on account, replacing the card saved
 * before.  A card that passes the checks is counted against the day's
 * limits of account and of client (pay_take) before the provider is
 * asked, so that the form cannot test cards one after another (M.62).
 * Returns 0, or the error bits of card_check (plus 1 << CARD_DECLINED
 * when the provider refused it, 1 << CARD_LIMIT when a limit refused
 * it unasked), or -1 on error.  The number's digits are wiped here;
 * c's strings are the caller's.
 */
int
card_save(int64_t account, const char *client, const struct card_in *c,
    time_t now)
{
	static const enum throttle_kind kinds[2] = { THR_CARD_ACCOUNT,
	    THR_CARD_CLIENT };
	char		 digits[20], token[PAY_TOKEN_MAX + 1], last4[5];
	const char	*brand;
	int		 month = 0, year = 0, rc = -1;
	unsigned	 err;
	enum card_err	 e;

	if ((err = card_check(c, now, digits, &month, &year)) != 0) {
		explicit_bzero(digits, sizeof(digits));
		return (int)err;
	}
	if ((rc = pay_take(kinds, account, client, now)) != 0) {
		explicit_bzero(digits, sizeof(digits));
		return rc < 0 ? -1 : 1 << CARD_LIMIT;
	}
	rc = -1;
	brand = card_brand(digits);
	strlcpy_(last4, digits + strlen(digits) - 4, sizeof(last4));
	e = payment_provider->tokenise(digits, month, year, c->cvc, token);
	explicit_bzero(digits, sizeof(digits));
	if (e == CARD_DECLINED)
		return 1 << CARD_DECLINED;
	if (e != CARD_OK)
		return -1;
	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_CARD_PUT, P_INT(":account_id", account),
	    P_TEXT(":holder", c->holder), P_TEXT(":brand", brand),
	    P_TEXT(":last4", last4), P_INT(":exp_month", month),
	    P_INT(":exp_year", year), P_TEXT(":token", token),
	    P_INT(":created", (int64_t)now), P_END) != DB_OK) {
		db_rollback();
		return -1;
	}
	if (db_commit() == 0)
		rc = 0;
	return rc;
}

/* card_remove: forget the card of account.  1 when there was one. */
int
card_remove(int64_t account)
{
	int	 n;

	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_CARD_DELETE, P_INT(":account_id", account), P_END) !=
	    DB_OK) {
		db_rollback();
		return -1;
	}
	n = db_changes();
	return db_commit() == 0 ? n > 0 : -1;
}

/* ----------------------------------------------------- offers, money */

/*
 * region_get: the offers of country (R6.2), from its own row or the
 * row '*' for every other country.  1, 0 when not sold there, -1.
 */
int
region_get(const char *country, struct region *g)
{
	struct db_cur	*st = db_query(STMT_REGION_FOR,
	    P_TEXT(":country", country), P_END);
	int		 rc;

	memset(g, 0, sizeof(*g));
	if (st == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		db_col_copy(st, PRICE_CURRENCY, g->currency, sizeof(g->currency));
		g->one = db_col_int(st, PRICE_ONE);
		g->five = db_col_int(st, PRICE_FIVE);
	}
	db_done(st);
	return rc;
}

/* currency_exponent: digits after the point of an ISO 4217 currency. */
static int
currency_exponent(const char *c)
{
	static const char *const zero[] = { "JPY", "KRW", "ISK", "CLP",
	    "VND", NULL };
	int	 i;

	for (i = 0; zero[i] != NULL; i++)
		if (strcmp(c, zero[i]) == 0)
			return 0;
	return 2;
}

/*
 * money_format: amount in minor units of currency as people of lang
 * write it: "PLN 1,999.00" in English, "1 999,00 PLN" in Polish.
 */
void
money_format(char *out, size_t sz, int64_t amount, const char *currency,
    const char *lang)
{
	int		 e = currency_exponent(currency), pl = strcmp(lang,
	    "pl") == 0;
	int64_t		 div = e == 0 ? 1 : 100, units = amount / div;
	char		 digits[32], grouped[48];
	size_t		 n, i, o = 0;

	snprintf(digits, sizeof(digits), "%lld", (long long)units);
	n = strlen(digits);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = pl ? ' ' : ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	if (e == 0)
		snprintf(out, sz, pl ? "%s %s" : "%2$s %1$s", grouped,
		    currency);
	else if (pl)
		snprintf(out, sz, "%s,%02lld %s", grouped,
		    (long long)(amount % div), currency);
	else
		snprintf(out, sz, "%s %s.%02lld", currency, grouped,
		    (long long)(amount % div));
}

/*
 * ppi_version: 1 if version is an on-premises or hybrid version of this
 * portal (what pay per incident may cover), with its name in name.
 */
int
ppi_version(int64_t version, char *name, size_t sz)
{
	struct db_cur	*st;
	int		 rc;

	if ((st = db_query(STMT_PPI_VERSION, P_INT(":id", version),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1 && name != NULL)
		db_col_copy(st, PPI_VERSION_NAME, name, sz);
	db_done(st);
	return rc;
}

/* ppi_versions: fn for each version pay per incident may cover. */
int
ppi_versions(choice_fn fn, void *arg)
{
	return db_choices(db_query(STMT_PPI_VERSIONS, P_END), fn, arg);
}

/* -------------------------------------------------------- purchases */

/*
 * purchase_start: a new purchase of offer for version, by account a
 * (from client, a throttle key) for its draft (0: none), with the saved
 * card and the prices of a's country, committed with a fresh
 * idempotency key before anything is charged (H.37).  The purchase
 * keeps that price, currency and country: a change of the profile's
 * country afterwards changes nothing of it (R17.3).  Purchases are
 * counted against the day's limits of the account and of the client
 * (R17.3), each one a charge at most.  plan names the plan to be made.
 * Returns PST_OK with *id, or why not.
 */
enum pstart
purchase_start(const struct account *a, const char *client, int64_t draft,
    int64_t version, enum offer offer, const char *plan, time_t now,
    int64_t *id)
{
	static const enum throttle_kind kinds[2] = { THR_BUY_ACCOUNT,
	    THR_BUY_CLIENT };
	struct card	 c;
	struct region	 g;
	struct tm	 tm;
	char		 key[PAY_KEY_LEN + 1];
	int		 rc;

	*id = 0;
	if (strcmp(a->kind, "personal") != 0)
		return PST_WORK;			/* R6.1 */
	if ((rc = card_get(a->id, &c)) != 1)
		return rc < 0 ? PST_FAIL : PST_NO_CARD;
	gmtime_r(&now, &tm);
	if (c.exp_year * 12 + c.exp_month < (tm.tm_year + 1900) * 12 +
	    tm.tm_mon + 1)
		return PST_CARD_EXPIRED;
	if ((rc = region_get(a->country, &g)) != 1)
		return rc < 0 ? PST_FAIL : PST_NOT_SOLD;
	if (offer == OFFER_FIVE && g.five == 0)
		return PST_NO_FIVE;			/* R6.2 */
	if ((rc = ppi_version(version, NULL, 0)) != 1)
		return rc < 0 ? PST_FAIL : PST_VERSION;
	if ((rc = pay_take(kinds, a->id, client, now)) != 0)
		return rc < 0 ? PST_FAIL : PST_LIMIT;
	random_hex(key, PAY_KEY_LEN / 2);
	if (db_begin_write() != 0)
		return PST_FAIL;
	if (db_exec(STMT_PURCHASE_INSERT, P_TEXT(":pay_key", key),
	    P_INT(":account_id", a->id), P_REF(":draft_id", draft),
	    P_TEXT(":offer", offer_code[offer]),
	    P_INT(":incidents", offer == OFFER_FIVE ? 5 : 1),
	    P_INT(":version_id", version), P_TEXT(":plan", plan),
	    P_INT(":amount", offer == OFFER_FIVE ? g.five : g.one),
	    P_TEXT(":currency", g.currency), P_TEXT(":country", a->country),
	    P_TEXT(":card_token", c.token), P_TEXT(":card_brand", c.brand),
	    P_TEXT(":card_last4", c.last4), P_INT(":now", (int64_t)now),
	    P_END) != DB_OK) {
		db_rollback();
		return PST_FAIL;
	}
	*id = db_last_id();
	return db_commit() == 0 ? PST_OK : PST_FAIL;
}

/* pstatus_parse: the status named s (failed when unknown). */
static int
pstatus_parse(const char *s)
{
	int	 i;

	for (i = 0; i < PS__MAX; i++)
		if (strcmp(s, pstatus_code[i]) == 0)
			return i;
	return PS_FAILED;
}

/*
 * purchase_get: purchase id of account (0: of anyone) into p.  1, 0
 * when there is none (or it is another account's), -1 on error.
 */
int
purchase_get(int64_t id, int64_t account, struct purchase *p)
{
	struct db_cur	*st = db_query(STMT_PURCHASE_GET, P_INT(":id", id),
	    P_INT(":account_id", account), P_END);
	int		 rc;

	memset(p, 0, sizeof(*p));
	if (st == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		p->id = db_col_int(st, PURCHASE_ID);
		db_col_copy(st, PURCHASE_PAY_KEY, p->key, sizeof(p->key));
		p->account = db_col_int(st, PURCHASE_ACCOUNT);
		p->draft = db_col_int(st, PURCHASE_DRAFT);
		p->offer = strcmp(db_col_text(st, PURCHASE_OFFER), "five") == 0 ?
		    OFFER_FIVE : OFFER_ONE;
		p->incidents = (int)db_col_int(st, PURCHASE_INCIDENTS);
		p->version = db_col_int(st, PURCHASE_VERSION);
		db_col_copy(st, PURCHASE_PLAN, p->plan, sizeof(p->plan));
		p->amount = db_col_int(st, PURCHASE_AMOUNT);
		db_col_copy(st, PURCHASE_CURRENCY, p->currency, sizeof(p->currency));
		db_col_copy(st, PURCHASE_CARD_TOKEN, p->token, sizeof(p->token));
		db_col_copy(st, PURCHASE_CARD_BRAND, p->brand, sizeof(p->brand));
		db_col_copy(st, PURCHASE_CARD_LAST4, p->last4, sizeof(p->last4));
		p->status = pstatus_parse(db_col_text(st, PURCHASE_STATUS));
		db_col_copy(st, PURCHASE_CHARGE, p->charge, sizeof(p->charge));
		db_col_copy(st, PURCHASE_DECLINE, p->decline, sizeof(p->decline));
		p->contract = db_col_int(st, PURCHASE_CONTRACT);
		p->created = db_col_int(st, PURCHASE_CREATED);
		p->updated = db_col_int(st, PURCHASE_UPDATED);
	}
	db_done(st);
	return rc;
}

/* purchase_of_draft: the latest paid purchase for draft of account. */
int
purchase_of_draft(int64_t draft, int64_t account, int64_t *id)
{
	struct db_cur	*st = db_query(STMT_PURCHASE_OF_DRAFT,
	    P_INT(":draft_id", draft), P_INT(":account_id", account), P_END);
	int		 rc;

	*id = 0;
	if (st == NULL)
		return -1;
	if ((rc = db_row(st)) == 1)
		*id = db_col_int(st, 0);
	db_done(st);
	return rc;
}

/*
 * purchase_unfinished: the latest purchase of account whose Buy was
 * pressed but not settled (a crash, a lost provider), in *id.  1, 0
 * when there is none, -1 on error.
 */
int
purchase_unfinished(int64_t account, time_t now, int64_t *id)
{
	struct db_cur	*st = db_query(STMT_PURCHASES_OPEN,
	    P_INT(":account_id", account), P_INT(":until", (int64_t)now),
	    P_END);
	int		 rc;

	*id = 0;
	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		*id = db_col_int(st, 0);
	db_done(st);
	return rc < 0 ? -1 : *id != 0;
}

/*
 * purchase_plan: the IDs and dates of the plan contract bought (the
 * receipt).  1, 0 when there is none, -1 on error.
 */
int
purchase_plan(int64_t contract, char aid[CONTRACT_ID_LEN + 1],
    char cid[CONTRACT_ID_LEN + 1], char start[11], char end[11])
{
	struct db_cur	*st = db_query(STMT_PURCHASE_PLAN,
	    P_INT(":id", contract), P_END);
	int		 rc;

	if (st == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		db_col_copy(st, BOUGHT_ACCESS_ID, aid, CONTRACT_ID_LEN + 1);
		db_col_copy(st, BOUGHT_CONTRACT_ID, cid, CONTRACT_ID_LEN + 1);
		db_col_copy(st, BOUGHT_START, start, 11);
		db_col_copy(st, BOUGHT_END, end, 11);
	}
	db_done(st);
	return rc;
}

/*
 * fault: a test setting (Testing.Faults = 1 in the configuration) lets
 * SUPPORTAL_FAULT=point kill the process there, as a power cut or
 * kill -9 would (SECURITY.md H.37).  Off in every real configuration.
 */
static void
fault(const char *point)
{
	const char	*f;

	if (cfg.test_faults && (f = getenv("SUPPORTAL_FAULT")) != NULL &&
	    strcmp(f, point) == 0)
		raise(SIGKILL);
}

/*
 * receipt_mail: the receipt of purchase p, paid by charge for contract
 * (aid, cid), to the account it belongs to, in its language, in the
 * outbox of the caller's transaction (R6.4, R11.10).  Only the card's
 * brand and last four digits are in it (I.39).  0 or -1.
 */
static int
receipt_mail(const struct purchase *p, const char *charge, const char *aid,
    const char *cid)
{
	struct account		 a;
	struct outbox_mail	 m = { NULL, NULL, "receipt", 0, { 0 } };
	char			 v[256];
	int			 rc;

	if (account_load(p->account, &a) != 1)
		return -1;
	m.to = a.email;
	m.lang = a.lang;
	snprintf(v, sizeof(v), "%s %s", a.first, a.last);
	outbox_set(&m, "To.Name", v);
	outbox_set_int(&m, "Purchase.Id", p->id);
	outbox_set(&m, "Purchase.Plan", p->plan);
	outbox_set(&m, "Purchase.Charge", charge);
	outbox_set(&m, "Purchase.AccessId", aid);
	outbox_set(&m, "Purchase.ContractId", cid);
	money_format(v, sizeof(v), p->amount, p->currency, a.lang);
	outbox_set(&m, "Purchase.Amount", v);
	outbox_set(&m, "Purchase.Brand", p->brand);
	outbox_set(&m, "Purchase.Last4", p->last4);
	rc = outbox_put(&m);
	outbox_free(&m);
	return rc;
}

/*
 * make_plan: in the caller's transaction, the plan a paid purchase
 * becomes (R3.2, R6.4): a pay-per-incident contract of p->incidents,
 * from today for a year, on-premises, covering the version chosen,
 * activated on the buyer's account, its ledger saying "purchase" and
 * the buyer; selected in the draft it was bought for.  0 or -1.
 */
static int
make_plan(const struct purchase *p, const char *charge, time_t now)
{
	struct db_cur		*st;
	struct contract_new	 c;
	char			 ver[200] = "", today[11], err[200];
	char			 aid[CONTRACT_ID_LEN + 1];
	char			 cid[CONTRACT_ID_LEN + 1];
	const char		*vers[2] = { ver, NULL };
	int64_t			 k, act;

	if ((st = db_query(STMT_PPI_VERSION, P_INT(":id", p->version),
	    P_END)) == NULL)
		return -1;
	if (db_row(st) == 1)
		snprintf(ver, sizeof(ver), "%s/%s", db_col_text(st, PPI_PRODUCT_CODE),
		    db_col_text(st, PPI_VERSION_CODE));
	db_done(st);
	if (ver[0] == '\0')
		return -1;
	today_utc(today, now);
	memset(&c, 0, sizeof(c));
	c.prog = PROG_PPI;
	c.plan = p->plan;
	c.incidents = p->incidents;
	c.start = today;
	c.scope = SCOPE_ONPREM;
	c.versions = vers;
	if (contract_issue(&c, err, sizeof(err), aid, cid, &k) != 0) {
		log_line(NULL, "purchase %lld: plan: %s", (long long)p->id,
		    err);
		return -1;
	}
	if (contract_activate(p->account, aid, cid, &act) != ACT_OK ||
	    db_exec(STMT_PURCHASE_LEDGER, P_INT(":contract_id", k),
	    P_INT(":account_id", p->account), P_END) != DB_OK ||
	    db_exec(STMT_PURCHASE_PAID, P_INT(":id", p->id),
	    P_TEXT(":charge_id", charge), P_INT(":contract_id", k),
	    P_INT(":updated", (int64_t)now), P_END) != DB_OK ||
	    db_changes() != 1)
		return -1;
	if (p->draft != 0 && db_exec(STMT_DRAFT_SET_PLAN,
	    P_INT(":id", p->draft), P_INT(":account_id", p->account),
	    P_INT(":contract_id", k), P_INT(":updated", (int64_t)now), P_END) !=
	    DB_OK)
		return -1;
	return receipt_mail(p, charge, aid, cid);
}

/*
 * settle: record the outcome res of purchase id's charge, in one
 * transaction: charged, the plan is made (unless another request or
 * reconciliation made it first); declined, the purchase fails.
 * Returns the purchase's status afterwards, or -1.
 */
static int
settle(int64_t id, enum charge_result res, const char *charge,
    const char *why, time_t now)
{
	struct purchase	 p;

	if (db_begin_write() != 0)
		return -1;
	if (purchase_get(id, 0, &p) != 1)
		goto fail;
	if (p.status == PS_PAID) {
		db_commit();
		return PS_PAID;
	}
	if (res == CHARGE_OK) {
		if (make_plan(&p, charge, now) != 0)
			goto fail;
		p.status = PS_PAID;
	} else if (res == CHARGE_DECLINED || res == CHARGE_NOT_FOUND) {
		if (db_exec(STMT_PURCHASE_FAILED, P_INT(":id", id),
		    P_TEXT(":decline", why), P_INT(":updated", (int64_t)now),
		    P_END) != DB_OK)
			goto fail;
		if (p.status == PS_CHARGING)
			p.status = PS_FAILED;
	}
	return db_commit() == 0 ? (int)p.status : -1;
fail:
	db_rollback();
	return -1;
}

/*
 * purchase_buy: Buy (R6.4).  The purchase is set "charging" and
 * committed, charged under its key, then settled.  A purchase paid or
 * failed already is not charged again: its status is returned (the
 * same receipt for a reload or a double click, R11.10).  Returns the
 * status (PS_CHARGING when the provider could not be reached: nothing
 * is lost, Buy or reconciliation tries again), -2 when it is not
 * account's, -1 on error.
 */
int
purchase_buy(int64_t id, int64_t account, time_t now)
{
	struct purchase		 p;
	enum charge_result	 res;
	char			 charge[PAY_TOKEN_MAX + 1] = "", why[64] = "";
	int			 rc;

	if ((rc = purchase_get(id, account, &p)) != 1)
		return rc == 0 ? -2 : -1;
	if (p.status == PS_PAID || p.status == PS_FAILED)
		return (int)p.status;
	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_PURCHASE_CHARGING, P_INT(":id", id),
	    P_INT(":updated", (int64_t)now), P_END) != DB_OK) {
		db_rollback();
		return -1;
	}
	rc = db_changes();
	if (db_commit() != 0)
		return -1;
	if (rc != 1)		/* settled meanwhile */
		return purchase_get(id, account, &p) == 1 ? (int)p.status : -1;
	fault("before-charge");
	res = payment_provider->charge(p.key, p.token, p.amount, p.currency,
	    charge, sizeof(charge), why, sizeof(why));
	fault("after-charge");
	if (res == CHARGE_FAIL)
		return PS_CHARGING;
	return settle(id, res, charge, why, now);
}

/*
 * purchase_reconcile: finish the purchases left "charging" (of account,
 * or of everyone when 0) by a crash or a lost provider, asking the
 * provider by each one's key: charged, the plan is made; declined, the
 * purchase fails; not charged at all, it fails too, but only once Buy
 * was pressed at least min_age seconds ago (a request may still be on
 * its way; and should its charge go through after all, settle makes the
 * plan then).  Counts what it did in *out.  0, or -1 on error.
 */
int
purchase_reconcile(int64_t account, time_t now, int min_age,
    struct reconciled *out)
{
	struct db_cur	*st;
	int64_t		 ids[256];
	int		 n = 0, i, rc;

	memset(out, 0, sizeof(*out));
	if ((st = db_query(STMT_PURCHASES_OPEN, P_INT(":account_id", account),
	    P_INT(":until", (int64_t)now), P_END)) == NULL)
		return -1;
	while (n < 256 && (rc = db_row(st)) == 1)
		ids[n++] = db_col_int(st, 0);
	db_done(st);
	for (i = 0; i < n; i++) {
		struct purchase		 p;
		enum charge_result	 res;
		char			 charge[PAY_TOKEN_MAX + 1] = "";
		char			 why[64] = "";

		if (purchase_get(ids[i], 0, &p) != 1)
			return -1;
		res = payment_provider->lookup(p.key, charge, sizeof(charge),
		    why, sizeof(why));
		if (res == CHARGE_FAIL || (res == CHARGE_NOT_FOUND &&
		    p.updated > now - min_age)) {
			out->left++;
			continue;
		}
		if (res == CHARGE_NOT_FOUND)
			strlcpy_(why, "not_charged", sizeof(why));
		if ((rc = settle(p.id, res, charge, why, now)) < 0)
			return -1;
		if (rc == PS_PAID)
			out->completed++;
		else
			out->failed++;
		log_line(NULL, "reconcile purchase=%lld %s", (long long)p.id,
		    pstatus_code[rc]);
	}
	return 0;
}
