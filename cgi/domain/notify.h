/*
 * notify.h: the engineers' mails (R15.1): a request entering a queue of
 * their regions, the customer's reply on a request they own, and the
 * response-by of one they own passing; each engineer's choices of them.
 */
#ifndef DOMAIN_NOTIFY_H
#define DOMAIN_NOTIFY_H

#include <stdint.h>
#include <time.h>

struct notify_prefs {			/* 1: mailed, 0: not */
	int	 new_request;		/* submitted into a queue */
	int	 reopened;		/* reopened by its customer */
	int	 reply;			/* the customer replied (owned) */
	int	 overdue;		/* response-by passed (owned) */
};

struct notify_req {			/* what each of the mails says */
	int64_t		 id;
	const char	*title;
	const char	*queue;		/* REGION/severity[/24x7] */
	const char	*severity;
	int64_t		 respond_by;
	const char	*who;		/* the customer's name */
};

int	 notify_queue(const struct notify_req *, const char *);
int	 notify_reply(const struct notify_req *, const char *);
int	 notify_overdue(time_t, int *);
int	 notify_prefs_get(int64_t, struct notify_prefs *);
int	 notify_prefs_set(int64_t, const struct notify_prefs *);

#endif /* DOMAIN_NOTIFY_H */
