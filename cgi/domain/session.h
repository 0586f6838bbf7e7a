/*
 * session.h: the rows of signed-in sessions (B.8-B.12, R14.7).
 */
#ifndef DOMAIN_SESSION_H
#define DOMAIN_SESSION_H

#include <stdint.h>
#include <time.h>

struct session {
	int64_t	 id;
	int64_t	 account_id;
	char	 csrf[65];
	int64_t	 created;
	int64_t	 seen;
	int	 mfa_pending;	/* password right, code still to come */
};

int	 session_create(int64_t, const char *, const char *, int, time_t,
	    char[65], struct session *);
int	 session_find(const char *, time_t, struct session *);
int	 session_end_all(int64_t);
int	 session_end_others(int64_t, int64_t);
int	 session_rekey(struct session *, time_t, char[65]);
int64_t	 session_existed(const char *, int64_t *);
int	 session_end_one(int64_t, int64_t);

#endif /* DOMAIN_SESSION_H */
