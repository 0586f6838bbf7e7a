/*
 * contract.h: contracts, their eligibility, activation, the ledger of
 * incidents and the reminders (R3, R11.1, R11.7); who holds a contract,
 * and the operator's changes to it (R17.1, R17.2).
 */
#ifndef DOMAIN_CONTRACT_H
#define DOMAIN_CONTRACT_H

#include <stdint.h>
#include <time.h>

enum programme {
	PROG_PARTNER_PACK,	/* partner support pack */
	PROG_PARTNER_CORE,	/* partner core benefits */
	PROG_PARTNER_CLOUD,	/* partner cloud support */
	PROG_VS,		/* Visual Studio subscription benefits */
	PROG_SA,		/* Software Assurance */
	PROG_CLOUD_PLAN,	/* Azure / Dynamics support plan */
	PROG_PPI,		/* pay per incident */
	PROG__MAX
};

enum scope {
	SCOPE_ONPREM,
	SCOPE_CLOUD,
	SCOPE_BOTH,
	SCOPE__MAX
};

enum pkind {
	PK_ONPREM,
	PK_CLOUD,
	PK_HYBRID,
	PK__MAX
};

/* R3.7: why a plan cannot be used for a product version. */
enum elig {
	ELIG_AVAILABLE,
	ELIG_NOT_STARTED,	/* its start date is still to come */
	ELIG_EXPIRED,
	ELIG_NO_INCIDENTS,
	ELIG_CLOUD_ONLY,	/* a cloud plan, an on-premises product */
	ELIG_ONPREM_ONLY,	/* an on-premises plan, a cloud product */
	ELIG_VERSION,		/* the version is not one it covers */
	ELIG_NOT_MAINSTREAM,	/* Visual Studio: out of mainstream support */
	ELIG_NOT_LATEST,	/* core benefits: not the latest version */
	ELIG__MAX
};

/* R11.1: what would make it available. */
enum fix {
	FIX_NONE,
	FIX_ADD_PLAN,		/* add a contract, or pay per incident */
	FIX_OTHER_VERSION,	/* a version this plan covers */
	FIX_LATEST_VERSION,	/* the latest version of the product */
	FIX_CLOUD_PORTAL,	/* cloud products: their own portal */
	FIX__MAX
};

struct elig_in {
	enum programme	 prog;
	enum scope	 scope;
	const char	*start;		/* YYYY-MM-DD, first valid day */
	const char	*end;		/* YYYY-MM-DD, last valid day */
	int		 left;		/* incidents left */
	int		 listed;	/* the contract lists its versions */
	int		 covered;	/* ... and this version is one */
	enum pkind	 kind;		/* of the product */
	const char	*mainstream_end;/* of the version; "" = none */
	int		 latest;	/* the version is the latest */
	const char	*today;		/* YYYY-MM-DD */
};

#define CONTRACT_ID_LEN	10		/* each ID; about 49 bits */

struct contract_new {
	enum programme	 prog;
	const char	*plan;
	int		 incidents;
	const char	*start;		/* YYYY-MM-DD */
	enum scope	 scope;
	const char	*const *versions;	/* "product/version", NULL-ended */
	const char	*fixed_aid;	/* the demo's known IDs, else NULL */
	const char	*fixed_cid;
};

struct contract_row {			/* one contract of an account */
	int64_t		 id;
	const char	*access_id;
	const char	*contract_id;
	enum programme	 prog;
	const char	*plan;
	int		 total;
	int		 left;
	const char	*start;
	const char	*end;
	enum scope	 scope;
	const char	*versions;	/* names, comma separated; "" = all */
};

struct ledger_row {
	int64_t		 contract;
	int64_t		 created;
	int		 delta;
	const char	*kind;		/* issued, debit, return, purchase */
	int64_t		 request;	/* 0 when none */
	const char	*title;
	const char	*reason;
	const char	*who;		/* name of the login, "" when none */
	const char	*email;
	const char	*note;		/* extend: the new end date */
};

struct holder_row {			/* an account that activated one */
	int64_t		 contract;
	const char	*name;
	int64_t		 created;
	int		 self;		/* the account that asks */
};

enum act {
	ACT_OK,
	ACT_NOT_FOUND,
	ACT_ALREADY,
	ACT_FAIL
};

extern const char *const programme_code[PROG__MAX];
extern const char *const scope_code[SCOPE__MAX];
int	 programme_parse(const char *);
int	 scope_parse(const char *);
int	 pkind_parse(const char *);
enum scope programme_scope(enum programme);
int	 programme_scope_ok(enum programme, enum scope);
void	 contract_id_new(char[CONTRACT_ID_LEN + 1]);
int	 contract_id_normalise(char[CONTRACT_ID_LEN + 1], const char *);
void	 contract_id_format(char[CONTRACT_ID_LEN + 2], const char *);
void	 today_utc(char[11], time_t);
enum elig contract_eligibility(const struct elig_in *);
enum fix elig_fix(enum elig);
extern const char *const elig_code[ELIG__MAX];
extern const char *const fix_code[FIX__MAX];
int	 contract_issue(const struct contract_new *, char *, size_t,
	    char[CONTRACT_ID_LEN + 1], char[CONTRACT_ID_LEN + 1], int64_t *);
enum act contract_activate(int64_t, const char *, const char *, int64_t *);
int	 contract_list(int64_t, int (*)(void *, const struct contract_row *),
	    void *);
int	 contract_ledger(int64_t, int, int64_t,
	    int (*)(void *, const struct ledger_row *), void *);
int	 contract_debit(int64_t, int64_t, int64_t, const char *, const char *);
int	 contract_credit(int64_t, int64_t, int64_t, const char *);
int	 contract_balances_ok(void);
int	 contract_holders(int64_t,
	    int (*)(void *, const struct holder_row *), void *);
int	 contract_held(int64_t, int64_t);
int	 contract_remove(int64_t, int64_t);
int	 contract_revoke(int64_t, int64_t, const char *);
int	 contract_rekey(int64_t, const char *, char[CONTRACT_ID_LEN + 1],
	    char[CONTRACT_ID_LEN + 1]);
int	 contract_extend(int64_t, const char *, const char *, char *,
	    size_t);
int	 contract_topup(int64_t, int, const char *, char *, size_t);
int	 contract_remind(time_t, int *);

struct plan_row {			/* a plan and its eligibility */
	int64_t		 id;
	enum programme	 prog;
	const char	*plan;
	const char	*end;
	int		 left;
	enum elig	 elig;
	enum fix	 fix;
};

int	 contract_plans(int64_t, int64_t, int64_t, const char *,
	    int (*)(void *, const struct plan_row *), void *);

#endif /* DOMAIN_CONTRACT_H */
