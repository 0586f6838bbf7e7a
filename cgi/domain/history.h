/*
 * history.h: the append-only history of a request (R15.7).
 */
#ifndef DOMAIN_HISTORY_H
#define DOMAIN_HISTORY_H

#include <stdint.h>

enum history_event {
	HIST_SUBMITTED,
	HIST_STATUS,		/* detail: the new status */
	HIST_OWNER,		/* detail: the new owner's name, "" released */
	HIST_CONTACT_ADDED,	/* detail: the email */
	HIST_CONTACT_REMOVED,	/* detail: the email */
	HIST_PRIMARY,		/* detail: the new primary contact's email */
	HIST_DEBITED,
	HIST_RETURNED,		/* detail: the reason */
	HIST_FILE,		/* detail: the file's name */
	HIST_MAIL,		/* detail: "template recipient" */
	HIST_NOTE,
	HIST__MAX
};

struct history_row {
	const char	*event;		/* its name in request_history */
	const char	*detail;
	const char	*actor;		/* "" for the portal itself */
	int64_t		 created;
	int		 staff;		/* the actor is an engineer (R14.10) */
	int		 internal;
};

int	 history_add(int64_t, int64_t, enum history_event, const char *);
int	 history_owner(int64_t, int64_t, int64_t);
int	 history_files(int64_t, int64_t);
int	 history_list(int64_t, int, int,
	    int (*)(void *, const struct history_row *), void *, int *);

#endif /* DOMAIN_HISTORY_H */
