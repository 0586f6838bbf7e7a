/*
 * t_payment: pay per incident (R6, R11.10): card checks (Luhn, brand,
 * expiry, code length), money in minor units, offers by region, the
 * purchase committed before its charge, one charge per key, and
 * reconciliation after a crash between charge and commit (H.37).
 */
#include "unit.h"
#include "data/db.h"
#include "domain/account.h"
#include "domain/catalogue.h"
#include "domain/contract.h"
#include "domain/payment.h"

#define IP	"192.0.2.1"	/* the buyers' client (R17.3) */

TEST(luhn_and_brand)
{
	CHECK(luhn_ok("4242424242424242"));
	CHECK(luhn_ok("378282246310005"));
	CHECK(luhn_ok("4000000000009995"));
	CHECK(!luhn_ok("4242424242424241"));
	CHECK(!luhn_ok(""));
	CHECK(!luhn_ok("42a2"));
	CHECK(strcmp(card_brand("4242424242424242"), "visa") == 0);
	CHECK(strcmp(card_brand("5555555555554444"), "mastercard") == 0);
	CHECK(strcmp(card_brand("2221000000000009"), "mastercard") == 0);
	CHECK(strcmp(card_brand("378282246310005"), "amex") == 0);
	CHECK(card_brand("6011111111111117") == NULL);	/* not taken */
}

/* check: the error bits of a card typed so, on 2026-11-25. */
static unsigned
check(const char *number, const char *expiry, const char *cvc)
{
	struct card_in	 c = { "A", number, expiry, cvc };
	char		 d[20];
	int		 m, y;
	unsigned	 e = card_check(&c, 1795600000, d, &m, &y);

	explicit_bzero(d, sizeof(d));
	return e;
}

TEST(card_checks)
{
	CHECK(check("4242424242424242", "12/30", "123") == 0);
	CHECK(check("4242 4242 4242 4242", "12 / 2030", "123") == 0);
	CHECK(check("4242-4242-4242-4242", "11/26", "123") == 0);
	CHECK(check("4242424242424241", "12/30", "123") ==
	    1u << CARD_NUMBER);
	CHECK(check("4242 4242", "12/30", "123") == 1u << CARD_NUMBER);
	CHECK(check("4242x4242424242424", "12/30", "123") ==
	    1u << CARD_NUMBER);
	CHECK(check("6011111111111117", "12/30", "123") == 1u << CARD_BRAND);
	CHECK(check("4242424242424242", "10/26", "123") ==
	    1u << CARD_EXPIRED);		/* last month */
	CHECK(check("4242424242424242", "13/26", "123") ==
	    1u << CARD_EXPIRY);
	CHECK(check("4242424242424242", "1226", "123") == 1u << CARD_EXPIRY);
	CHECK(check("4242424242424242", "12/99", "123") ==
	    1u << CARD_EXPIRY);		/* too far */
	CHECK(check("4242424242424242", "12/30", "12") == 1u << CARD_CVC);
	CHECK(check("4242424242424242", "12/30", "1234") == 1u << CARD_CVC);
	CHECK(check("378282246310005", "12/30", "123") == 1u << CARD_CVC);
	CHECK(check("378282246310005", "12/30", "1234") == 0);
	CHECK(check("1", "x", "") == (1u << CARD_NUMBER | 1u << CARD_EXPIRY |
	    1u << CARD_CVC));
}

TEST(money)
{
	char	 s[64];

	money_format(s, sizeof(s), 199900, "PLN", "en");
	CHECK(strcmp(s, "PLN 1,999.00") == 0);
	money_format(s, sizeof(s), 199905, "PLN", "pl");
	CHECK(strcmp(s, "1 999,05 PLN") == 0);
	money_format(s, sizeof(s), 74800, "JPY", "en");
	CHECK(strcmp(s, "JPY 74,800") == 0);
	money_format(s, sizeof(s), 99, "USD", "en");
	CHECK(strcmp(s, "USD 0.99") == 0);
	money_format(s, sizeof(s), 123456789, "EUR", "pl");
	CHECK(strcmp(s, "1 234 567,89 EUR") == 0);
}

static int64_t	 version;

/* buyer: an account of kind in country, its profile complete. */
static void
buyer(const char *email, const char *kind, const char *country,
    struct account *a)
{
	struct profile	 p = { email, "", "", country, "UTC", "en", "email" };
	int64_t		 id = 0;

	CHECK(account_create(email, "long-password-9", "T", "T", kind, "en",
	    &id) == ACCT_OK);
	CHECK(account_set_profile(id, &p) == 0);
	CHECK(account_load(id, a) == 1);
}

static int
count(const char *sql)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	if (sqlite3_prepare_v2(db_handle(), sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

TEST(regions_and_purchases)
{
	static const char cat[] =
	    "portal here | this portal |\n"
	    "product sql-server | SQL Server | onprem | here\n"
	    "version 2022 | SQL Server 2022 | 2022-11-16 | 2028-01-11 |"
	    " 2033-01-11 | latest\n"
	    "region PL | PLN | 199900 | 799900\n"
	    "region BR | BRL | 279900 | -\n";
	static const char bad[] = "region pl | PLN | 1 | -\n";
	struct card_in	 good = { "Ann", "4242 4242 4242 4242", "12/40",
	    "737" };
	struct card_in	 declined = { "Ann", "4000000000000002", "12/40",
	    "737" };
	struct account	 ann, bob, carl;
	struct region	 g;
	struct purchase	 p;
	char		 err[200];
	int64_t		 id, id2;
	FILE		*f;

	f = fmemopen((void *)cat, sizeof(cat) - 1, "r");
	CHECK(catalogue_import(f, "cat", err, sizeof(err)) == 0);
	fclose(f);
	f = fmemopen((void *)bad, sizeof(bad) - 1, "r");
	CHECK(catalogue_import(f, "bad", err, sizeof(err)) == -1);
	fclose(f);
	version = count("SELECT id FROM versions WHERE code = '2022'");
	CHECK(region_get("PL", &g) == 1 && g.one == 199900 &&
	    g.five == 799900 && strcmp(g.currency, "PLN") == 0);
	CHECK(region_get("BR", &g) == 1 && g.five == 0);
	CHECK(region_get("DE", &g) == 0);

	buyer("ann@example.com", "personal", "PL", &ann);
	buyer("bob@example.com", "work", "PL", &bob);
	buyer("carl@example.com", "personal", "BR", &carl);

	/* R6.1, R6.3: a work account; no card yet */
	CHECK(purchase_start(&bob, IP, 0, version, OFFER_ONE, "P", 1, &id) ==
	    PST_WORK);
	CHECK(purchase_start(&ann, IP, 0, version, OFFER_ONE, "P", 1, &id) ==
	    PST_NO_CARD);
	CHECK(card_save(ann.id, IP, &declined, 1795600000) ==
	    1 << CARD_DECLINED);
	CHECK(card_save(ann.id, IP, &good, 1795600000) == 0);
	CHECK(count("SELECT count(*) FROM cards WHERE last4 = '4242'"
	    " AND brand = 'visa' AND token LIKE 'tok_%'") == 1);
	CHECK(card_save(carl.id, IP, &good, 1795600000) == 0);

	/* a saved card that has expired since (2041) */
	CHECK(purchase_start(&ann, IP, 0, version, OFFER_ONE, "P", 2250000000,
	    &id) == PST_CARD_EXPIRED);

	/* R6.2: no 5-pack in Brazil; not an on-premises version */
	CHECK(purchase_start(&carl, IP, 0, version, OFFER_FIVE, "P", 1, &id) ==
	    PST_NO_FIVE);
	CHECK(purchase_start(&ann, IP, 0, 999999, OFFER_ONE, "P", 1, &id) ==
	    PST_VERSION);

	/* R6.4, R11.10: committed before the charge; Buy twice, one
	 * charge, one plan of 5 */
	CHECK(purchase_start(&ann, IP, 0, version, OFFER_FIVE, "Five", 1,
	    &id) == PST_OK);
	CHECK(purchase_get(id, ann.id, &p) == 1 && p.status == PS_NEW &&
	    p.amount == 799900 && strlen(p.key) == PAY_KEY_LEN);
	CHECK(purchase_get(id, carl.id, &p) == 0);	/* not Carl's */
	CHECK(purchase_buy(id, carl.id, 2) == -2);
	CHECK(purchase_buy(id, ann.id, 2) == PS_PAID);
	CHECK(purchase_buy(id, ann.id, 3) == PS_PAID);
	CHECK(purchase_get(id, ann.id, &p) == 1 && p.contract != 0);
	CHECK(count("SELECT count(*) FROM contracts WHERE programme = 'ppi'"
	    " AND incidents_total = 5 AND scope = 'onprem'") == 1);
	CHECK(count("SELECT count(*) FROM incident_ledger WHERE kind ="
	    " 'purchase'") == 1);

	/* H.37: charged, then killed before the commit: the provider has
	 * the charge, the purchase is "charging"; reconciliation makes the
	 * plan, once */
	CHECK(purchase_start(&ann, IP, 0, version, OFFER_ONE, "One", 10,
	    &id2) == PST_OK);
	CHECK(purchase_get(id2, ann.id, &p) == 1);
	{
		char	 ch[PAY_TOKEN_MAX + 1], why[64];
		struct reconciled x;

		CHECK(payment_provider->charge(p.key, p.token, p.amount,
		    p.currency, ch, sizeof(ch), why, sizeof(why)) ==
		    CHARGE_OK);
		CHECK(sqlite3_exec(db_handle(), "UPDATE purchases SET status ="
		    " 'charging' WHERE status = 'new'", NULL, NULL, NULL) ==
		    SQLITE_OK);
		CHECK(purchase_reconcile(0, 20, 0, &x) == 0 &&
		    x.completed == 1 && x.failed == 0);
		CHECK(purchase_reconcile(0, 21, 0, &x) == 0 &&
		    x.completed == 0);
		CHECK(payment_provider->lookup(p.key, ch, sizeof(ch), why,
		    sizeof(why)) == CHARGE_OK);
	}
	CHECK(purchase_get(id2, ann.id, &p) == 1 && p.status == PS_PAID);
	CHECK(purchase_buy(id2, ann.id, 30) == PS_PAID);
	CHECK(count("SELECT count(*) FROM contracts WHERE programme ="
	    " 'ppi'") == 2);
	CHECK(contract_balances_ok() == 1);
	CHECK(card_remove(ann.id) == 1 && card_remove(ann.id) == 0);
}

int
main(void)
{
	RUN(luhn_and_brand);
	RUN(card_checks);
	RUN(money);
	unit_db();
	RUN(regions_and_purchases);
	payment_close();
	unit_db_done();
	DONE();
}
