/*
 * queue.c: an engineer's queues (R8.1): the open requests of the
 * support regions they work, counted by queue (region, severity, 24/7)
 * and listed by when a response is due, soonest first; those waiting
 * for their customer, whose clock stands still, last (R11.3); and what
 * an engineer does on a request's page: take it, set its status, return
 * its incident, remove a contact (R8.1, R8.2, R11.11).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/account.h"
#include "domain/queue.h"
#include "domain/request.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "web/form.h"
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

/* ------------------------------------------ acting on a request (R8) */

/* POST /queue/:id/take: the engineer owns the request (R8.1). */
void
page_queue_take_post(struct req *r)
{
	struct request_view	 v;
	char			 to[64];

	if (!request_load(r, &v))
		return;
	if (request_take(&v, r->user.id, r->now) < 0) {
		reply_error(r, 500);
		return;
	}
	request_url(r, to, sizeof(to), v.id, "?taken=1");
	reply_redirect(r, to);
}

enum { SS_STATUS, SS__MAX };

static const struct field status_fields[SS__MAX] = {
	[SS_STATUS] = { "status", "Requests.Status", F_CHOICE, 1, 16,
	    request_statuses },
};

/*
 * POST /queue/:id/status: a new status (R8.1); waiting for the customer
 * stops the clock (R11.3); every contact is mailed (R11.4).
 */
void
page_queue_status_post(struct req *r)
{
	struct request_view	 v;
	struct form		 fm;
	char			 to[64];
	int			 rc;

	if (!request_load(r, &v))
		return;
	if (!form_read(r, &fm, status_fields, SS__MAX)) {
		request_render(r, 422, &v, &fm);
		return;
	}
	if ((rc = request_engineer_status(&v, &r->user,
	    form_val(&fm, SS_STATUS), r->now)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc == 1) {
		form_error(&fm, SS_STATUS, "SameStatus");
		request_render(r, 422, &v, &fm);
		return;
	}
	request_url(r, to, sizeof(to), v.id, "?status=1");
	reply_redirect(r, to);
}

enum { RT_REASON, RT__MAX };

static const struct field return_fields[RT__MAX] = {
	[RT_REASON] = { "reason", "Queue.Reason", F_TEXT, 1, 200, NULL },
};

/*
 * POST /queue/:id/return: the incident back to its plan, with a reason
 * (R8.2): one credit per request whatever is clicked (H.38).
 */
void
page_queue_return_post(struct req *r)
{
	struct request_view	 v;
	struct form		 fm;
	char			 to[64];
	int			 rc;

	if (!request_load(r, &v))
		return;
	if (!form_read(r, &fm, return_fields, RT__MAX)) {
		request_render(r, 422, &v, &fm);
		return;
	}
	if ((rc = request_return(&v, &r->user, form_val(&fm, RT_REASON))) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc == 1) {
		form_error(&fm, RT_REASON, "Returned");
		request_render(r, 409, &v, &fm);
		return;
	}
	log_line(r->rid, "return request=%lld account=%lld", (long long)v.id,
	    (long long)r->user.id);
	request_url(r, to, sizeof(to), v.id, "?returned=1");
	reply_redirect(r, to);
}

enum { RM_EMAIL, RM_CONFIRM, RM__MAX };

static const struct field remove_fields[RM__MAX] = {
	[RM_EMAIL] = { "email", "Request.Contact", F_EMAIL, 1, EMAIL_MAX,
	    NULL },
	[RM_CONFIRM] = { "confirm", "Queue.Remove", F_TEXT, 0, 8, NULL },
};

/*
 * POST /queue/:id/contacts/remove: the owning engineer removes a
 * secondary contact (R7.3) after saying yes to a page that names them
 * (R11.11); they are told by mail and see the request no more.
 */
void
page_queue_remove_post(struct req *r)
{
	struct request_view	 v;
	struct form		 fm;
	char			 email[EMAIL_MAX + 1], to[64];
	int			 rc;

	if (!request_load(r, &v))
		return;
	if (!form_read(r, &fm, remove_fields, RM__MAX)) {
		request_render(r, 422, &v, &fm);
		return;
	}
	if (v.owner != r->user.id) {
		form_error(&fm, RM_EMAIL, "OwnFirst");
		request_render(r, 409, &v, &fm);
		return;
	}
	email_normalise(email, sizeof(email), form_val(&fm, RM_EMAIL));
	if (strcmp(form_val(&fm, RM_CONFIRM), "yes") != 0) {
		view_set(r, "Page.Confirm", email);
		request_render(r, 200, &v, NULL);
		return;
	}
	if ((rc = request_remove_contact(&v, &r->user, email)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc == 1) {
		form_error(&fm, RM_EMAIL, "NotSecondary");
		request_render(r, 422, &v, &fm);
		return;
	}
	request_url(r, to, sizeof(to), v.id, "?removed=1#sharing");
	reply_redirect(r, to);
}
