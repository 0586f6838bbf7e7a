/*
 * identity.h: who a person is (R14): identity.c.  Used by the pages of
 * sign-up, sign-in and the account, and by supportalctl.
 */
#ifndef IDENTITY_H
#define IDENTITY_H

#include "domain/account.h"
#include "domain/session.h"
#include "domain/totp.h"
#include "lib/util.h"

#define RECOVERY_N	10	/* recovery codes a set (R14.6) */

enum id_result {
	ID_OK = 0,
	ID_BAD,		/* a link or code that is unknown, used or expired */
	ID_TAKEN,	/* the address has an account meanwhile */
	ID_FAIL		/* the database */
};

struct session_row {
	int64_t		 id;
	int64_t		 created;
	int64_t		 seen;
	const char	*ip;
	const char	*agent;
};

int	 identity_signup(const char *, const char *, const char *,
	    const char *, const char *, const char *, time_t);
int	 identity_link_again(const struct account *, time_t);
enum id_result identity_confirm(const char *, time_t, int64_t *);
int	 identity_reset_ask(const char *, const char *, time_t);
int	 identity_reset_valid(const char *, time_t);
enum id_result identity_reset(const char *, const char *, time_t, int64_t *);
int	 identity_signin(int64_t, const char *, int, const char *,
	    const char *, time_t, char[65], struct session *);
int	 identity_signin_done(struct session *, time_t, char[65]);
int	 identity_password(int64_t, const char *, struct session *, time_t,
	    char[65]);
int	 identity_name_ok(const char *, const char *);
int	 identity_set_name(int64_t, const char *, const char *);
int	 identity_email_change(const struct account *, const char *, time_t);
int	 identity_totp_pending(int64_t, char[TOTP_SECRET_B32 + 1]);
int	 identity_totp_begin(int64_t, char[TOTP_SECRET_B32 + 1]);
enum id_result identity_totp_confirm(int64_t, const char *, time_t,
	    char[RECOVERY_N][RECOVERY_LEN + 1]);
int	 identity_code(int64_t, const char *, time_t);
int	 identity_totp_off(int64_t);
int	 identity_recovery_again(int64_t, char[RECOVERY_N][RECOVERY_LEN + 1]);
int	 identity_recovery_left(int64_t);
int	 identity_sessions(int64_t, time_t,
	    int (*)(void *, const struct session_row *), void *);
int	 identity_session_end(int64_t, int64_t);
int	 identity_export(int64_t, struct buf *);
int	 identity_erase(int64_t);
int	 identity_disable(int64_t, int, const char *);
int	 identity_reset_send(int64_t, const char *, time_t);

#endif /* IDENTITY_H */
