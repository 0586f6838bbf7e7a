/*
 * queue.h: the engineer's queues (R8.1), their views and search (R15.2,
 * R15.3).
 */
#ifndef DOMAIN_QUEUE_H
#define DOMAIN_QUEUE_H

#include <stdint.h>

#include "domain/search.h"

#define QUEUE_PAGE_MAX	100		/* rows of a page, at most */
#define SEARCH_WINDOW	1000		/* matches ranked, of each index */

struct queue_row {			/* a request in an engineer's queue */
	int64_t		 id, respond_by, owner, updated;
	const char	*title, *product, *severity, *status, *queue;
	const char	*owner_name;
};

/* R15.2: the views, as named in the address (?view=) */
enum queue_view {
	QV_ALL,				/* every open request */
	QV_NEW,
	QV_IN_PROGRESS,
	QV_WAITING,
	QV_RESOLVED,
	QV_CLOSED,
	QV_MINE,			/* open, owned by the engineer */
	QV_UNOWNED,			/* open, owned by nobody */
	QV__MAX
};
enum queue_sort {
	QS_DUE,				/* response-by, soonest first */
	QS_UPDATED,			/* last update, newest first */
	QS__MAX
};
extern const char *const queue_views[QV__MAX];
extern const char *const queue_sorts[QS__MAX];

struct queue_query {			/* a page of a view */
	int64_t		 engineer;
	enum queue_view	 view;
	enum queue_sort	 sort;
	const char	*queue;		/* one queue, or "" for all */
	int64_t		 offset;
	int		 limit;		/* 1 to QUEUE_PAGE_MAX */
};

int	 queue_counts(int64_t, int (*)(void *, const char *, int64_t), void *);
int64_t	 queue_view_count(int64_t, enum queue_view, const char *, int64_t);
int	 queue_view(const struct queue_query *,
	    int (*)(void *, const struct queue_row *), void *);
int	 queue_search(int64_t, const struct search *, int64_t, int,
	    int (*)(void *, const struct queue_row *), void *);

#endif /* DOMAIN_QUEUE_H */
