/*
 * throttle.h: counted failures and attempts by key and window (A.6,
 * C.14, M.55-56).
 */
#ifndef DOMAIN_THROTTLE_H
#define DOMAIN_THROTTLE_H

#include <stdint.h>
#include <time.h>

enum throttle_kind {
	THR_SIGNIN_ACCOUNT_IP,	/* 10 failures per 15 minutes (A.6) */
	THR_SIGNIN_ACCOUNT,	/* 100 per hour */
	THR_SIGNIN_IP,		/* 100 per hour */
	THR_ACTIVATE_ACCOUNT,	/* 10 wrong pairs per hour (C.14) */
	THR_ACTIVATE_IP,	/* 30 per hour */
	THR_ACTIVATE_ALL,	/* 500 per hour over everyone: an alert */
	THR_SIGNUP_IP,		/* sign-ups per client (/64) an hour (M.56) */
	THR_SIGNUP_ALL,		/* sign-ups of everyone a minute */
	THR_RESET_EMAIL,	/* 10 reset requests per address an hour (M.55) */
	THR_RESET_IP,		/* 30 per client an hour */
	THR_VERIFY_RESEND,	/* 5 links again per account an hour (R14.1) */
	THR_CARD_ACCOUNT,	/* card saves per account a day (M.62) */
	THR_CARD_CLIENT,	/* ... per client (/64) a day */
	THR_BUY_ACCOUNT,	/* purchases per account a day (R17.3) */
	THR_BUY_CLIENT,		/* ... per client (/64) a day */
	THR__MAX
};

int	 throttle_blocked(enum throttle_kind, const char *, time_t);
int	 throttle_note(enum throttle_kind, const char *, time_t);
int	 throttle_take(const enum throttle_kind *, const char *const *, int,
	    time_t, int64_t *);
int	 throttle_give_back(const int64_t *, int);
int	 throttle_take_some(const enum throttle_kind *, const char *const *,
	    int, unsigned, time_t, int64_t *);
int	 throttle_count(enum throttle_kind, const char *, time_t);
int	 throttle_clear_account(const char *);
void	 throttle_client_key(char *, size_t, const char *);
int	 throttle_count_alone(enum throttle_kind, const char *, time_t);

#endif /* DOMAIN_THROTTLE_H */
