/*
 * queue.h: the engineer's queues (R8.1).
 */
#ifndef DOMAIN_QUEUE_H
#define DOMAIN_QUEUE_H

#include <stdint.h>

struct queue_row {			/* a request in an engineer's queue */
	int64_t		 id, respond_by, owner;
	const char	*title, *product, *severity, *status, *queue;
	const char	*owner_name;
};
int	 queue_counts(int64_t, int (*)(void *, const char *, int64_t), void *);
int	 queue_list(int64_t, const char *, int64_t,
	    int (*)(void *, const struct queue_row *), void *);

#endif /* DOMAIN_QUEUE_H */
