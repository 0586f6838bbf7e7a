/*
 * payment.h: pay per incident (R6, R11.10): cards, offers, purchases and
 * the test processor behind the provider interface.
 */
#ifndef DOMAIN_PAYMENT_H
#define DOMAIN_PAYMENT_H

#include <stdint.h>
#include <time.h>

#include "domain/account.h"
#include "domain/catalogue.h"
#include "domain/contract.h"

/*
 * Pay per incident (R6, R11.10).  A provider is a table of three
 * functions (R6.5); the built-in one is a test provider with its own
 * ledger in var/testpay.db, standing in for a processor elsewhere.
 */
#define CARD_HOLDER_MAX	100
#define PAY_TOKEN_MAX	64
#define PAY_KEY_LEN	32		/* hex digits of an idempotency key */

enum card_err {				/* what is wrong with a card typed in */
	CARD_OK,
	CARD_NUMBER,			/* not 13-19 digits, or the checksum */
	CARD_BRAND,			/* a brand we do not take */
	CARD_EXPIRY,			/* not MM/YY */
	CARD_EXPIRED,
	CARD_CVC,			/* the code's length for its brand */
	CARD_DECLINED,			/* the provider refused it */
	CARD_FAIL,			/* the provider was not reached */
	CARD_LIMIT			/* too many cards today (M.62) */
};

struct card_in {			/* as typed: wiped after use (I.39) */
	const char	*holder;
	const char	*number;
	const char	*expiry;	/* MM/YY or MM/YYYY */
	const char	*cvc;
};

struct card {				/* what is kept */
	char	 holder[CARD_HOLDER_MAX * 4 + 1];
	char	 brand[16];		/* visa, mastercard, amex */
	char	 last4[5];
	int	 exp_month;
	int	 exp_year;
	char	 token[PAY_TOKEN_MAX + 1];
};

enum charge_result {
	CHARGE_OK,
	CHARGE_DECLINED,
	CHARGE_NOT_FOUND,		/* lookup: no charge under that key */
	CHARGE_FAIL			/* could not ask */
};

struct provider {
	const char	*name;
	/* tokenise: a token for a card (number, cvc checked by it too) */
	enum card_err	(*tokenise)(const char *, int, int, const char *,
			    char[PAY_TOKEN_MAX + 1]);
	/* charge: token, amount, currency under an idempotency key: the
	 * same key never charges twice and returns the first outcome */
	enum charge_result (*charge)(const char *, const char *, int64_t,
			    const char *, char *, size_t, char *, size_t);
	/* lookup: the outcome of the charge made under a key, if any */
	enum charge_result (*lookup)(const char *, char *, size_t, char *,
			    size_t);
};

extern const struct provider *payment_provider;

struct region {				/* R6.2: the offers of a country */
	char	 currency[4];
	int64_t	 one;			/* price of one incident */
	int64_t	 five;			/* of a 5-pack; 0 when not sold */
};

enum offer {
	OFFER_ONE,
	OFFER_FIVE,
	OFFER__MAX
};

enum pstatus {
	PS_NEW,
	PS_CHARGING,
	PS_PAID,
	PS_FAILED,
	PS__MAX
};

struct purchase {
	int64_t	 id;
	char	 key[PAY_KEY_LEN + 1];
	int64_t	 account;
	int64_t	 draft;
	enum offer offer;
	int	 incidents;
	int64_t	 version;
	char	 plan[201];
	int64_t	 amount;
	char	 currency[4];
	char	 token[PAY_TOKEN_MAX + 1];
	char	 brand[16];
	char	 last4[5];
	enum pstatus status;
	char	 charge[PAY_TOKEN_MAX + 1];
	char	 decline[64];
	int64_t	 contract;
	int64_t	 created;
	int64_t	 updated;
};

enum pstart {				/* why a purchase cannot start */
	PST_OK,
	PST_WORK,			/* a work account (R6.1) */
	PST_NO_CARD,			/* save a card first (R6.3) */
	PST_CARD_EXPIRED,		/* the saved card has expired since */
	PST_NOT_SOLD,			/* not in the account's country */
	PST_NO_FIVE,			/* no 5-pack there (R6.2) */
	PST_VERSION,			/* not an on-premises version here */
	PST_LIMIT,			/* too many purchases today (R17.3) */
	PST_FAIL
};

struct reconciled {			/* what supportalctl reconcile did */
	int	 completed;		/* charged: the plan made */
	int	 failed;		/* declined or never charged */
	int	 left;			/* too recent to judge */
};

extern const char *const offer_code[OFFER__MAX];
extern const char *const pstatus_code[PS__MAX];
int	 luhn_ok(const char *);
const char *card_brand(const char *);
unsigned card_check(const struct card_in *, time_t, char[20], int *, int *);
void	 card_wipe(char *);
int	 card_get(int64_t, struct card *);
int	 card_save(int64_t, const char *, const struct card_in *, time_t);
int	 card_remove(int64_t);
int	 region_get(const char *, struct region *);
void	 money_format(char *, size_t, int64_t, const char *, const char *);
int	 ppi_version(int64_t, char *, size_t);
int	 ppi_versions(choice_fn, void *);
enum pstart purchase_start(const struct account *, const char *, int64_t,
	    int64_t, enum offer, const char *, time_t, int64_t *);
int	 purchase_get(int64_t, int64_t, struct purchase *);
int	 purchase_of_draft(int64_t, int64_t, int64_t *);
int	 purchase_unfinished(int64_t, time_t, int64_t *);
int	 purchase_plan(int64_t, char[CONTRACT_ID_LEN + 1],
	    char[CONTRACT_ID_LEN + 1], char[11], char[11]);
int	 purchase_buy(int64_t, int64_t, time_t);
int	 purchase_reconcile(int64_t, time_t, int, struct reconciled *);
void	 payment_close(void);

#endif /* DOMAIN_PAYMENT_H */
