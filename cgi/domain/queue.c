/*
 * queue.c: the engineer's queues (R8.1): how many requests each holds
 * and the requests of one, oldest promise first.
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "domain/queue.h"
#include "data/db.h"

/*
 * queue_counts: fn(queue, open requests) for each queue of engineer's
 * regions that has any (R8.1).  0 or -1.
 */
int
queue_counts(int64_t engineer, int (*fn)(void *, const char *, int64_t),
    void *arg)
{
	sqlite3_stmt	*st = db_query(STMT_QUEUE_COUNTS,
	    P_INT(":account_id", engineer), P_END);
	int		 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		if (fn(arg, db_col_text(st, QUEUES_QUEUE),
		    db_col_int(st, QUEUES_COUNT)) != 0) {
			rc = -1;
			break;
		}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * queue_list: fn for each open request of engineer's regions, of queue
 * (all when empty) and owner (any when 0), soonest due first, those
 * waiting for their customer last (R8.1, R11.3).  0 or -1.
 */
int
queue_list(int64_t engineer, const char *queue, int64_t owner,
    int (*fn)(void *, const struct queue_row *), void *arg)
{
	sqlite3_stmt		*st;
	struct queue_row	 q;
	int			 rc;

	if ((st = db_query(STMT_QUEUE_PAGE, P_INT(":account_id", engineer),
	    P_TEXT(":queue", queue), P_INT(":owner_id", owner), P_END)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		q.id = db_col_int(st, QUEUE_ID);
		q.title = db_col_text(st, QUEUE_TITLE);
		q.product = db_col_text(st, QUEUE_PRODUCT);
		q.severity = db_col_text(st, QUEUE_SEVERITY);
		q.status = db_col_text(st, QUEUE_STATUS);
		q.respond_by = db_col_int(st, QUEUE_RESPOND_BY);
		q.queue = db_col_text(st, QUEUE_QUEUE);
		q.owner_name = db_col_text(st, QUEUE_OWNER_NAME);
		q.owner = db_col_int(st, QUEUE_OWNER);
		if (fn(arg, &q) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}
