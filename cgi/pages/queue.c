/*
 * queue.c: an engineer's queues (R8.1): the open requests of the
 * support regions they work, counted by queue (region, severity, 24/7)
 * and listed by when a response is due, soonest first; those waiting
 * for their customer, whose clock stands still, last (R11.3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/queue.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"

static int
add_count(void *arg, const char *queue, int64_t n)
{
	struct view_list	*l = arg;
	HDF			*row = view_row(l->r, "Queues", l->n++);
	char			 v[32];

	view_put(row, "Name", queue);
	view_put(row, "Count", int_str(v, n));
	return 0;
}

static int
add_item(void *arg, const struct queue_row *q)
{
	struct view_list	*l = arg;
	struct req		*r = l->r;
	HDF			*row = view_row(r, "Items", l->n++);
	char			 v[64];

	view_put(row, "Id", int_str(v, q->id));
	view_put(row, "Title", q->title);
	view_put(row, "Product", q->product);
	view_put(row, "Severity", view_label(r, "Severity", q->severity));
	view_put(row, "Status", view_label(r, strcmp(q->status, "waiting") ==
	    0 ? "Queue.Status" : "Status", q->status));
	view_put(row, "StatusCode", q->status);
	view_put(row, "Queue", q->queue);
	view_put(row, "Owner", q->owner_name);
	view_put(row, "Mine", q->owner == r->user.id ? "1" : "");
	if (strcmp(q->status, "waiting") != 0) {
		time_local(v, sizeof(v), (time_t)q->respond_by, r->user.tz);
		view_put(row, "RespondBy", v);
		view_put(row, "Late", q->respond_by < r->now ? "1" : "");
	}
	return 0;
}

/* GET /queue[?queue=REGION/severity[/24x7]][&mine=1] */
void
page_queue_get(struct req *r)
{
	struct view_list	 c = { r, "Queues", 0 }, i = { r, "Items", 0 };
	const char		*queue = req_param(&r->query, "queue");
	int			 mine = req_param(&r->query, "mine") != NULL;

	if (queue == NULL || strlen(queue) > 40)
		queue = "";
	view_set(r, "Page.Title", view_str(r, "Queue.Title"));
	view_set(r, "Page.Nav", "queue");
	view_set(r, "Page.Queue", queue);
	view_set(r, "Page.Mine", mine ? "1" : "");
	if (queue_counts(r->user.id, add_count, &c) != 0 ||
	    queue_list(r->user.id, queue, mine ? r->user.id : 0, add_item,
	    &i) != 0) {
		reply_error(r, 500);
		return;
	}
	reply_render(r, 200, "queue.cs");
}
