/*
 * request.h: a request as its contacts and engineers see it (R7, R8).
 */
#ifndef DOMAIN_REQUEST_H
#define DOMAIN_REQUEST_H

#include <stdint.h>
#include <time.h>

#include "domain/account.h"
#include "domain/attach.h"
#include "domain/search.h"

struct request_row {
	int64_t		 id;
	const char	*title;
	const char	*product;
	const char	*severity;
	const char	*status;
	int64_t		 updated;
	int64_t		 respond_by;
};

struct list_query {			/* R11.5: filters of the list */
	const char	*email;		/* the contact's sign-in email */
	const char	*status;	/* open, closed or all */
	const struct search *search;	/* a number or words (R15.3), or NULL */
	int		 limit;
	int		 offset;
};

int	 request_list(const struct list_query *,
	    int (*)(void *, const struct request_row *), void *, int *);

struct request_view {			/* a request seen by one contact */
	int64_t	 id;
	const char *title;		/* the request's arena */
	char	 product[101], version[101], category[201], problem[201];
	char	 severity[16], status[16], queue[64], country[3], tz[64];
	int	 allday;
	int64_t	 respond_by, created, updated, status_at;
	int64_t	 paused_left;		/* -1 unless waiting (R11.3) */
	char	 kind[16];		/* technical, or advisory (R16.5) */
	/* seen by an engineer (R8) */
	int64_t	 owner, contract;
	char	 owner_name[2 * NAME_MAX_ + 2];
	const char *description;	/* the request's arena */
};

struct thread_row {			/* a message, or a file (body NULL) */
	int64_t		 id;
	const char	*author;
	const char	*body;
	int64_t		 created;
	int		 staff;		/* by an engineer (R14.10) */
};

int	 request_view(int64_t, const char *, const char *,
	    struct request_view *);
int	 request_view_engineer(int64_t, int64_t, const char *,
	    struct request_view *);
int	 request_take(const struct request_view *, const struct account *,
	    int64_t, time_t);
int	 request_release(const struct request_view *, const struct account *,
	    time_t);
int	 request_hand(const struct request_view *, const struct account *,
	    int64_t, time_t);
int	 request_engineers(int64_t, int64_t,
	    int (*)(void *, int64_t, const char *), void *);
int	 request_engineer_status(const struct request_view *,
	    const struct account *, const char *, time_t);
int	 request_return(const struct request_view *, const struct account *,
	    const char *);
int	 request_remove_contact(const struct request_view *,
	    const struct account *, const char *);
struct contact_details {		/* the primary contact (R15.6) */
	char	 email[EMAIL_MAX + 1];
	char	 name[2 * NAME_MAX_ + 2];
	char	 phone[64];
	char	 method[8];		/* email | phone */
	char	 company[NAME_MAX_ + 1];
};

int	 request_set_primary(const struct request_view *,
	    const struct account *, const char *);
int	 request_primary(int64_t, struct contact_details *);
int	 request_contacts(int64_t, int (*)(void *, const char *, const char *,
	    const char *, const char *), void *);
int	 request_messages(int64_t, int, int, int,
	    int (*)(void *, const struct thread_row *), void *, int *);
int	 request_reply(const struct request_view *, const struct account *, int,
	    const char *, struct attach_in *, int, const char *);
int	 request_set_status(int64_t, const struct account *, int, time_t);
int	 request_add_contact(const struct request_view *,
	    const struct account *, const char *);
int	 request_mail_one(int64_t, const char *, const struct account *,
	    const char *, const char *);
extern const char *const request_statuses[];

#endif /* DOMAIN_REQUEST_H */
