/*
 * page_requests.c: "Manage support requests": the account's unfinished
 * drafts (resume or discard) and the requests it is a contact of (R7.1),
 * and "+ Create new support request" (R5).
 */
#include <stdio.h>
#include <string.h>

#include "pages.h"

struct rows {
	struct req	*r;
	int		 n;
};

static int
add_draft(void *arg, const struct draft_row *d)
{
	struct rows	*l = arg;
	struct req	*r = l->r;
	char		 v[64];

	view_setf(r, d->title, "Drafts.%d.Title", l->n);
	view_setf(r, d->product, "Drafts.%d.Product", l->n);
	snprintf(v, sizeof(v), "%lld", (long long)d->id);
	view_setf(r, v, "Drafts.%d.Id", l->n);
	snprintf(v, sizeof(v), "%d", d->done);
	view_setf(r, v, "Drafts.%d.Done", l->n);
	time_local(v, sizeof(v), (time_t)d->updated, r->user.tz);
	view_setf(r, v, "Drafts.%d.Updated", l->n);
	l->n++;
	return 0;
}

static int
add_request(void *arg, const struct request_row *q)
{
	struct rows	*l = arg;
	struct req	*r = l->r;
	char		 v[64];

	snprintf(v, sizeof(v), "%lld", (long long)q->id);
	view_setf(r, v, "Requests.%d.Id", l->n);
	view_setf(r, q->title, "Requests.%d.Title", l->n);
	view_setf(r, q->product, "Requests.%d.Product", l->n);
	view_setf(r, q->severity, "Requests.%d.Severity", l->n);
	view_setf(r, q->status, "Requests.%d.Status", l->n);
	time_local(v, sizeof(v), (time_t)q->updated, r->user.tz);
	view_setf(r, v, "Requests.%d.Updated", l->n);
	time_local(v, sizeof(v), (time_t)q->respond_by, r->user.tz);
	view_setf(r, v, "Requests.%d.RespondBy", l->n);
	l->n++;
	return 0;
}

/* GET /requests */
void
page_requests_get(struct req *r)
{
	struct rows	 d = { r, 0 }, q = { r, 0 };

	view_set(r, "Page.Title", view_str(r, "Requests.Title"));
	view_set(r, "Page.Nav", "requests");
	if (req_param(&r->query, "discarded") != NULL)
		view_set(r, "Page.Discarded", "1");
	if (draft_list(r->user.id, add_draft, &d) != 0 ||
	    request_list(r->user.email, add_request, &q) != 0) {
		reply_error(r, 500);
		return;
	}
	reply_render(r, 200, "requests.cs");
}

/* POST /requests/new: a new draft, prefilled from the profile (R5). */
void
page_requests_new_post(struct req *r)
{
	char	 to[64];
	int64_t	 id;

	if (reply_begin(r) != 0)
		return;
	if (draft_create(&r->user, &id) != 0) {
		reply_abort(r);
		return;
	}
	if (reply_commit(r) != 0)
		return;
	snprintf(to, sizeof(to), "/drafts/%lld", (long long)id);
	reply_redirect(r, to);
}
