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
	sqlite3_stmt	*st = db_query(STMT_QUEUE_COUNTS, "I", engineer);
	int		 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		if (fn(arg, db_col_text(st, 0), db_col_int(st, 1)) != 0) {
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

	if ((st = db_query(STMT_QUEUE_PAGE, "ITI", engineer, queue,
	    owner)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		q.id = db_col_int(st, 0);
		q.title = db_col_text(st, 1);
		q.product = db_col_text(st, 2);
		q.severity = db_col_text(st, 3);
		q.status = db_col_text(st, 4);
		q.respond_by = db_col_int(st, 5);
		q.queue = db_col_text(st, 6);
		q.owner_name = db_col_text(st, 7);
		q.owner = db_col_int(st, 8);
		if (fn(arg, &q) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}
