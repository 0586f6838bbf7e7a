/*
 * queue.c: an engineer's queues (R8.1): the open requests of the
 * support regions they work, counted by queue (region, severity, 24/7);
 * their requests in views, every state, a page at a time, by when a
 * response is due, soonest first, or by the last update, the open ones
 * waiting for their customer, whose clock stands still, last (R11.3,
 * R15.2); a search of them all (R15.3); and what an engineer does on a
 * request's page: take it, set its status, return its incident, remove
 * a contact (R8.1, R8.2, R11.11).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/account.h"
#include "domain/note.h"
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
	time_local(v, sizeof(v), (time_t)q->updated, r->user.tz);
	view_put(row, "Updated", v);
	/* the clock of an open request; none once it waits, or is done */
	if (strcmp(q->status, "new") == 0 ||
	    strcmp(q->status, "in_progress") == 0) {
		time_local(v, sizeof(v), (time_t)q->respond_by, r->user.tz);
		view_put(row, "RespondBy", v);
		view_put(row, "Late", q->respond_by < r->now ? "1" : "");
	} else if (strcmp(q->status, "waiting") == 0)
		view_put(row, "Paused", "1");
	return 0;
}

#define QUEUE_ROWS	50		/* requests a page (R15.2) */
#define COUNT_CAP	1000		/* a view's count, "1000+" past it */
#define PAGE_LAST	1000000000	/* the last page number accepted */

/*
 * choice: the index of v among the n names, dflt when v is NULL, -1
 * when it is none of them.
 */
static int
choice(const char *v, const char *const *names, int n, int dflt)
{
	int	 i;

	if (v == NULL)
		return dflt;
	for (i = 0; i < n; i++)
		if (strcmp(v, names[i]) == 0)
			return i;
	return -1;
}

/* page_number: ?page= (1 when absent), or 0 unless 1 to PAGE_LAST. */
static int64_t
page_number(const char *v)
{
	int64_t	 n = 0;

	if (v == NULL)
		return 1;
	if (*v == '\0' || strspn(v, "0123456789") != strlen(v) ||
	    strlen(v) > 10)
		return 0;
	n = strtoll(v, NULL, 10);
	return n >= 1 && n <= PAGE_LAST ? n : 0;
}

/*
 * views_to_view: Views.N: each view's name, label, count (up to
 * COUNT_CAP, then "1000+") and whether it is the one shown (R15.2).
 * 0 or -1.
 */
static int
views_to_view(struct req *r, const char *queue, int current)
{
	HDF	*row;
	char	 v[32];
	int64_t	 n;
	int	 i;

	for (i = 0; i < QV__MAX; i++) {
		if ((n = queue_view_count(r->user.id, i, queue, COUNT_CAP +
		    1)) < 0)
			return -1;
		row = view_row(r, "Views", i);
		view_put(row, "Name", queue_views[i]);
		view_put(row, "Label", view_label(r, "Queue.View",
		    queue_views[i]));
		if (n > COUNT_CAP)
			snprintf(v, sizeof(v), "%d+", COUNT_CAP);
		view_put(row, "Count", n > COUNT_CAP ? v : int_str(v, n));
		view_put(row, "Current", i == current ? "1" : "");
	}
	return 0;
}

/*
 * GET /queue[?view=V][&sort=due|updated][&page=N][&queue=Q][&q=TEXT]:
 * the requests of the engineer's regions: a view (R15.2: all the open
 * ones, those of one state, the engineer's own, nobody's), of every
 * queue or one, by response-by or last update, QUEUE_ROWS a page; or
 * what q finds among them in every state (R15.3).  A view, a sort or a
 * page that is not one is answered 400 with the page and the reason; a
 * page past the end is empty.  ?mine=1 is the address of before views.
 */
void
page_queue_get(struct req *r)
{
	struct view_list	 c = { r, "Queues", 0 }, i = { r, "Items", 0 };
	struct queue_query	 q;
	struct search		 s;
	const char		*queue = req_param(&r->query, "queue");
	const char		*text = req_param(&r->query, "q");
	const char		*vs = req_param(&r->query, "view");
	const char		*bad = NULL;
	int			 view, sort, more;
	int64_t			 page;

	if (queue == NULL || strlen(queue) > 40)
		queue = "";
	if (vs == NULL && req_param(&r->query, "mine") != NULL)
		vs = "mine";
	view = choice(vs, queue_views, QV__MAX, QV_ALL);
	sort = choice(req_param(&r->query, "sort"), queue_sorts, QS__MAX,
	    QS_DUE);
	page = page_number(req_param(&r->query, "page"));
	if (text != NULL && strlen(text) > SEARCH_TEXT_MAX)
		bad = "Queue.BadSearch";
	else if (page == 0)
		bad = "Queue.BadPage";
	else if (sort < 0)
		bad = "Queue.BadSort";
	else if (view < 0)
		bad = "Queue.BadView";
	if (text != NULL && text[strspn(text, " \t")] == '\0')
		text = NULL;		/* an empty box: the view */
	view_set(r, "Page.Title", view_str(r, "Queue.Title"));
	view_set(r, "Page.Nav", "queue");
	view_set(r, "Page.Queue", queue);
	view_set(r, "Page.View", queue_views[view >= 0 ? view : QV_ALL]);
	view_set(r, "Page.Sort", queue_sorts[sort >= 0 ? sort : QS_DUE]);
	if (queue_counts(r->user.id, add_count, &c) != 0 ||
	    views_to_view(r, queue, text == NULL ? view : -1) != 0) {
		reply_error(r, 500);
		return;
	}
	if (bad != NULL) {
		view_set(r, "Page.Error", view_str(r, bad));
		reply_render(r, 400, "queue.cs");
		return;
	}
	if (text != NULL) {
		view_set(r, "Form.q.Value", text);
		view_set(r, "Page.Search", "1");
		if (search_parse(&s, text, 1) == SEARCH_NONE)
			view_set(r, "Page.NoWords", "1");
		more = queue_search(r->user.id, &s, (page - 1) * QUEUE_ROWS,
		    QUEUE_ROWS, add_item, &i);
	} else {
		memset(&q, 0, sizeof(q));
		q.engineer = r->user.id;
		q.view = view;
		q.sort = sort;
		q.queue = queue;
		q.offset = (page - 1) * QUEUE_ROWS;
		q.limit = QUEUE_ROWS;
		more = queue_view(&q, add_item, &i);
	}
	if (more < 0) {
		reply_error(r, 500);
		return;
	}
	view_set_int(r, "Page.Page", page);
	if (page > 1)
		view_set_int(r, "Page.Prev", page - 1);
	if (more)
		view_set_int(r, "Page.Next", page + 1);
	if (i.n == 0 && page > 1)
		view_set(r, "Page.PastEnd", "1");
	reply_render(r, 200, "queue.cs");
}

/* ------------------------------------------ acting on a request (R8) */

enum { TK_OWNER, TK_CONFIRM, TK__MAX };

static const struct field take_fields[TK__MAX] = {
	[TK_OWNER] = { "owner", "Queue.Owner", F_TEXT, 0, 20, NULL },
	[TK_CONFIRM] = { "confirm", "Queue.Take", F_TEXT, 0, 8, NULL },
};

/* id_of: the account id s names, or -1 when it names none */
static int64_t
id_of(const char *s)
{
	char		*end;
	long long	 v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 && v < INT64_MAX ? (int64_t)v : -1;
}

/*
 * owner_lost: the request changed hands while r's engineer looked at it:
 * its page as it is now, saying who owns it (R15.4), 409.
 */
static void
owner_lost(struct req *r)
{
	struct request_view	 v;

	if (!request_load(r, &v))
		return;
	view_set(r, "Page.OwnerLost", "1");
	request_render(r, 409, &v, NULL);
}

/*
 * POST /queue/:id/take: the engineer owns the request (R8.1); taking it
 * from another engineer asks to confirm first, and they are told by
 * mail (R15.4).  The owner the page showed (owner=, 0 for nobody) must
 * still be the owner: of two engineers taking at once, one wins.
 */
void
page_queue_take_post(struct req *r)
{
	struct request_view	 v;
	struct form		 fm;
	char			 to[64];
	int64_t			 expected;
	int			 rc;

	if (!request_load(r, &v))
		return;
	if (!form_read(r, &fm, take_fields, TK__MAX)) {
		request_render(r, 422, &v, &fm);
		return;
	}
	expected = *form_val(&fm, TK_OWNER) == '\0' ? v.owner :
	    strcmp(form_val(&fm, TK_OWNER), "0") == 0 ? 0 :
	    id_of(form_val(&fm, TK_OWNER));
	if (expected < 0) {
		form_error(&fm, TK_OWNER, "Invalid");
		request_render(r, 422, &v, &fm);
		return;
	}
	if (v.owner == r->user.id) {		/* taken already: nothing to do */
		request_url(r, to, sizeof(to), v.id, "?taken=1");
		reply_redirect(r, to);
		return;
	}
	if (expected != v.owner) {
		view_set(r, "Page.OwnerLost", "1");
		request_render(r, 409, &v, NULL);
		return;
	}
	if (v.owner != 0 && strcmp(form_val(&fm, TK_CONFIRM), "yes") != 0) {
		view_set_int(r, "Page.TakeFrom", v.owner);
		request_render(r, 200, &v, NULL);
		return;
	}
	if ((rc = request_take(&v, &r->user, expected, r->now)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc == 1) {
		owner_lost(r);
		return;
	}
	request_url(r, to, sizeof(to), v.id, "?taken=1");
	reply_redirect(r, to);
}

/* POST /queue/:id/release: the owner gives it back to its queue (R15.4) */
void
page_queue_release_post(struct req *r)
{
	struct request_view	 v;
	char			 to[64];
	int			 rc;

	if (!request_load(r, &v))
		return;
	if ((rc = request_release(&v, &r->user, r->now)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc == 1) {
		owner_lost(r);
		return;
	}
	request_url(r, to, sizeof(to), v.id, "?released=1");
	reply_redirect(r, to);
}

enum { HD_TO, HD__MAX };

static const struct field hand_fields[HD__MAX] = {
	[HD_TO] = { "to", "Queue.HandTo", F_TEXT, 1, 20, NULL },
};

/*
 * POST /queue/:id/hand: the owner hands the request to another engineer
 * of its region (R15.4), who is told by mail; anyone else named (a
 * customer, an engineer of another region, no one) is refused, 422.
 */
void
page_queue_hand_post(struct req *r)
{
	struct request_view	 v;
	struct form		 fm;
	char			 to[64];
	int64_t			 id;
	int			 rc;

	if (!request_load(r, &v))
		return;
	if (!form_read(r, &fm, hand_fields, HD__MAX)) {
		request_render(r, 422, &v, &fm);
		return;
	}
	if (v.owner != r->user.id) {
		owner_lost(r);
		return;
	}
	if ((id = id_of(form_val(&fm, HD_TO))) < 0)
		rc = 2;
	else if ((rc = request_hand(&v, &r->user, id, r->now)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc == 1) {
		owner_lost(r);
		return;
	}
	if (rc == 2) {
		form_error(&fm, HD_TO, "NotEngineer");
		request_render(r, 422, &v, &fm);
		return;
	}
	request_url(r, to, sizeof(to), v.id, "?handed=1");
	reply_redirect(r, to);
}

enum { NT_NOTE, NT__MAX };

static const struct field note_fields[NT__MAX] = {
	[NT_NOTE] = { "note", "Queue.Note", F_PARA, 1, NOTE_MAX, NULL },
};

/*
 * POST /queue/:id/notes: an internal note by an engineer of the
 * request's queue (R15.5), which no customer ever sees.
 */
void
page_queue_note_post(struct req *r)
{
	struct request_view	 v;
	struct form		 fm;
	char			 to[64];

	if (!request_load(r, &v))
		return;
	if (!form_read(r, &fm, note_fields, NT__MAX)) {
		request_render(r, 422, &v, &fm);
		return;
	}
	if (note_add(v.id, r->user.id, form_val(&fm, NT_NOTE)) != 0) {
		reply_error(r, 500);
		return;
	}
	request_url(r, to, sizeof(to), v.id, "?noted=1#notes");
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

enum { PR_EMAIL, PR_CONFIRM, PR__MAX };

static const struct field primary_fields[PR__MAX] = {
	[PR_EMAIL] = { "primary", "Queue.NewPrimary", F_EMAIL, 1, EMAIL_MAX,
	    NULL },
	[PR_CONFIRM] = { "confirm", "Queue.PrimaryYes", F_TEXT, 0, 8, NULL },
};

/*
 * POST /queue/:id/contacts/primary: the owning engineer makes a
 * secondary contact, or a new address, the primary contact (R15.6)
 * after saying yes to a page that names both (R11.11); the primary
 * contact until now stays a secondary one, and both are told by mail.
 */
void
page_queue_primary_post(struct req *r)
{
	struct request_view	 v;
	struct contact_details	 c;
	struct form		 fm;
	char			 email[EMAIL_MAX + 1], to[64];
	int			 rc;

	if (!request_load(r, &v))
		return;
	if (!form_read(r, &fm, primary_fields, PR__MAX)) {
		request_render(r, 422, &v, &fm);
		return;
	}
	if (v.owner != r->user.id) {
		form_error(&fm, PR_EMAIL, "OwnFirstPrimary");
		request_render(r, 409, &v, &fm);
		return;
	}
	email_normalise(email, sizeof(email), form_val(&fm, PR_EMAIL));
	if (strcmp(form_val(&fm, PR_CONFIRM), "yes") != 0) {
		if (request_primary(v.id, &c) < 0) {
			reply_error(r, 500);
			return;
		}
		if (strcmp(c.email, email) == 0) {
			form_error(&fm, PR_EMAIL, "AlreadyPrimary");
			request_render(r, 422, &v, &fm);
			return;
		}
		view_set(r, "Page.PrimaryNew", email);
		view_set(r, "Page.PrimaryOld", c.email);
		request_render(r, 200, &v, NULL);
		return;
	}
	if ((rc = request_set_primary(&v, &r->user, email)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc > 0) {
		form_error(&fm, PR_EMAIL, rc == 1 ? "AlreadyPrimary" :
		    "TooManyContacts");
		request_render(r, 422, &v, &fm);
		return;
	}
	request_url(r, to, sizeof(to), v.id, "?primary=1#sharing");
	reply_redirect(r, to);
}
