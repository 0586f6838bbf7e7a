/*
 * account.h: an account, its profile and its language (R1, R2).
 */
#ifndef DOMAIN_ACCOUNT_H
#define DOMAIN_ACCOUNT_H

#include <stdint.h>

#define EMAIL_MAX	254
#define NAME_MAX_	100
#define PASSWORD_MIN	8
#define PASSWORD_MAX	4096

struct account {
	int64_t	 id;
	char	 email[EMAIL_MAX + 1];
	char	 first[NAME_MAX_ + 1];
	char	 last[NAME_MAX_ + 1];
	char	 kind[16];		/* personal | work */
	char	 role[16];		/* customer | engineer */
	int	 profile_done;
	char	 contact_email[EMAIL_MAX + 1];
	char	 phone[33];
	char	 company[NAME_MAX_ + 1];
	char	 country[3];		/* ISO 3166-1 alpha-2 */
	char	 tz[64];		/* IANA */
	char	 lang[3];		/* en | pl */
	char	 method[8];		/* email | phone */
	int	 verified;		/* the address is proven (R14.1) */
	char	 pending_email[EMAIL_MAX + 1];	/* waiting for its link */
	int	 totp_on;		/* two-factor sign-in (R14.6) */
	int	 disabled;		/* by the operator (R17.2) */
};

struct profile {
	const char	*contact_email;
	const char	*phone;
	const char	*company;
	const char	*country;
	const char	*tz;
	const char	*lang;
	const char	*method;
};

enum acct_err {
	ACCT_OK = 0,
	ACCT_EXISTS,
	ACCT_FAIL
};

void	 email_normalise(char *, size_t, const char *);
int	 email_valid(const char *);
int	 account_load(int64_t, struct account *);
int	 account_by_email(const char *, struct account *, char *, size_t);
enum acct_err account_create(const char *, const char *, const char *,
	    const char *, const char *, const char *, int64_t *);
int	 account_set_hash(int64_t, const char *);
int	 account_set_profile(int64_t, const struct profile *);
int	 account_set_lang(int64_t, const char *);
int	 account_set_role(int64_t, const char *);
int	 account_set_verified(int64_t);
int64_t	 account_find(const char *);
int	 audit_add(const char *, int64_t, int64_t, int, const char *,
	    const char *);
extern const char *const contact_methods[];
int	 accounts_readable(void);

#endif /* DOMAIN_ACCOUNT_H */
