/*
 * requests.c: "Manage support requests": the account's unfinished
 * drafts (resume or discard) and the requests it is a contact of (R7.1),
 * and "+ Create new support request" (R5).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/draft.h"
#include "domain/request.h"
#include "domain/search.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"

#define DRAFTS_SHOWN	20	/* the newest drafts on the list */

struct rows {
	struct req	*r;
	int		 n;
};

static int
add_draft(void *arg, const struct draft_row *d)
{
	struct rows	*l = arg;
	struct req	*r = l->r;
	HDF		*row;
	char		 v[64];

	if (l->n == DRAFTS_SHOWN) {	/* the one more: there are others */
		view_set(r, "Page.MoreDrafts", "1");
		return 0;
	}
	row = view_row(r, "Drafts", l->n++);
	view_put(row, "Title", d->title);
	view_put(row, "Product", d->product);
	view_put(row, "Id", int_str(v, d->id));
	view_put(row, "Done", int_str(v, d->done));
	time_local(v, sizeof(v), (time_t)d->updated, r->user.tz);
	view_put(row, "Updated", v);
	return 0;
}

static int
add_request(void *arg, const struct request_row *q)
{
	struct rows	*l = arg;
	struct req	*r = l->r;
	HDF		*row = view_row(r, "Requests", l->n++);
	char		 v[64];

	view_put(row, "Id", int_str(v, q->id));
	view_put(row, "Title", q->title);
	view_put(row, "Product", q->product);
	/* the labels looked up here, as the queue does, not by the template */
	view_put(row, "Severity", view_label(r, "Severity", q->severity));
	view_put(row, "Status", view_label(r, "Status", q->status));
	time_local(v, sizeof(v), (time_t)q->updated, r->user.tz);
	view_put(row, "Updated", v);
	time_local(v, sizeof(v), (time_t)q->respond_by, r->user.tz);
	view_put(row, "RespondBy", v);
	return 0;
}

#define PAGE_ROWS	25

/*
 * GET /requests: drafts, then the requests the account is a contact of,
 * filtered by status (open, closed, all) and searched by number or by
 * words of their titles, descriptions and messages (R15.3), 25 a page
 * (R7.1, R11.5).
 */
void
page_requests_get(struct req *r)
{
	struct rows		 d = { r, 0 }, q = { r, 0 };
	struct list_query	 lq;
	struct search		 s;
	const char		*status = req_param(&r->query, "status");
	const char		*text = req_param(&r->query, "q");
	const char		*pg = req_param(&r->query, "page");
	int			 page = pg ? atoi(pg) : 1, total = 0;

	memset(&lq, 0, sizeof(lq));
	if (status == NULL || (strcmp(status, "closed") != 0 &&
	    strcmp(status, "all") != 0))
		status = "open";
	lq.email = r->user.email;
	lq.status = status;
	if (text != NULL && text[strspn(text, " \t")] != '\0') {
		if (strlen(text) > SEARCH_TEXT_MAX) {
			reply_error(r, 400);
			return;
		}
		search_parse(&s, text, 0);	/* "#123", "123", or words */
		lq.search = &s;
		view_set(r, "Form.q.Value", text);
	}
	if (page < 1 || page > 100000)
		page = 1;
	lq.limit = PAGE_ROWS;
	lq.offset = (page - 1) * PAGE_ROWS;
	view_set(r, "Page.Title", view_str(r, "Requests.Title"));
	view_set(r, "Page.Nav", "requests");
	view_set(r, "Page.Status", status);
	if (req_param(&r->query, "discarded") != NULL)
		view_set(r, "Page.Discarded", "1");
	/* the newest drafts; one more tells that there are others */
	if (draft_list(r->user.id, DRAFTS_SHOWN + 1, add_draft, &d) != 0 ||
	    request_list(&lq, add_request, &q, &total) != 0) {
		reply_error(r, 500);
		return;
	}
	view_set_int(r, "Page.Total", total);
	view_set_int(r, "Page.Page", page);
	view_set_int(r, "Page.Pages", (total + PAGE_ROWS - 1) / PAGE_ROWS);
	if (page > 1)
		view_set_int(r, "Page.Prev", page - 1);
	if (page * PAGE_ROWS < total)
		view_set_int(r, "Page.Next", page + 1);
	reply_render(r, 200, "requests.cs");
}

/* POST /requests/new: a new draft, prefilled from the profile (R5). */
void
page_requests_new_post(struct req *r)
{
	char	 to[64];
	int64_t	 id;

	switch (draft_create(&r->user, &id)) {
	case 0:
		break;
	case 1:		/* Draft.MaxOpen reached (R15.9, M.60) */
		r->log_note = "drafts-full";
		view_set(r, "Error.Requests", "1");	/* a link to them */
		view_set(r, "Page.Title", view_str(r, "Requests.DraftsFull"));
		view_set(r, "Error.Title", view_str(r, "Requests.DraftsFull"));
		view_set(r, "Error.Text", view_str(r,
		    "Requests.DraftsFullText"));
		view_set_int(r, "Error.Status", 409);
		reply_render(r, 409, "error.cs");
		return;
	default:
		reply_error(r, 500);
		return;
	}
	snprintf(to, sizeof(to), "/drafts/%lld", (long long)id);
	reply_redirect(r, to);
}
