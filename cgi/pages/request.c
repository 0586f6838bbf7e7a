/*
 * request.c: one support request as its contacts see it (R7.2):
 * status, details, the response-by time, the thread with its files
 * (size and SHA-256), the Sharing tab; new messages with files, close
 * and reopen (R11.6), and downloads (J.42).  Anyone who is not a contact
 * gets the same 404 as for a request that does not exist (R7.4).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/account.h"
#include "domain/attach.h"
#include "domain/draft.h"
#include "domain/held.h"
#include "domain/history.h"
#include "domain/note.h"
#include "domain/request.h"
#include "lib/config.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "web/form.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"

struct fill {
	struct req	*r;
	int		 n;
};

static int
add_contact(void *arg, const char *email, const char *role, const char *name,
    const char *by)
{
	struct fill	*f = arg;
	HDF		*row = view_row(f->r, "Contacts", f->n++);

	view_put(row, "Email", email);
	view_put(row, "Role", role);
	view_put(row, "Name", name);
	view_put(row, "AddedBy", by);
	return 0;
}

static int
add_message(void *arg, const struct thread_row *t)
{
	struct fill	*f = arg;
	HDF		*row = view_row(f->r, "Thread", f->n++);
	char		 v[64];

	view_put(row, "Id", int_str(v, t->id));
	view_put(row, "Author", t->author);
	if (t->staff)
		view_put(row, "Staff", "1");
	view_put(row, "Body", t->body);
	time_local(v, sizeof(v), (time_t)t->created, f->r->user.tz);
	view_put(row, "When", v);
	return 0;
}

static int
add_file(void *arg, int64_t id, const char *name, int64_t size,
    const char *sha, int64_t msg)
{
	struct fill	*f = arg;
	HDF		*row = view_row(f->r, "Files", f->n++);
	char		 v[32];

	view_put(row, "Id", int_str(v, id));
	view_put(row, "Name", name);
	view_put(row, "Size", int_str(v, size));
	view_put(row, "Sha", sha);
	view_put(row, "Message", int_str(v, msg));
	return 0;
}

/*
 * engineer: 1 when r came through the engineers' paths (/queue/N...,
 * RF_ENGINEER): the same page and forms, seen from the vendor's side.
 */
static int
engineer(const struct req *r)
{
	return strncmp(r->path, "/queue/", 7) == 0;
}

/* request_url: the request's page for r, /requests/N or /queue/N, then tail. */
void
request_url(const struct req *r, char *out, size_t sz, int64_t id,
    const char *tail)
{
	snprintf(out, sz, "%s/%lld%s", engineer(r) ? "/queue" : "/requests",
	    (long long)id, tail);
}

/*
 * status_name: a status as r's side says it: waiting is "waiting for
 * you" to the customer, "waiting for the customer" to the engineer.
 */
static const char *
status_name(struct req *r, const char *status)
{
	return view_label(r, engineer(r) && strcmp(status, "waiting") == 0 ?
	    "Queue.Status" : "Status", status);
}

/* add_event: a row of the history (R15.7) */
static int
add_event(void *arg, const struct history_row *h)
{
	struct fill	*f = arg;
	HDF		*row = view_row(f->r, "History", f->n++);
	char		 v[64], *c;
	size_t		 sp;

	view_put(row, "Event", h->event);
	view_put(row, "Actor", h->actor);
	if (h->staff)
		view_put(row, "Staff", "1");
	if (h->internal)
		view_put(row, "Internal", "1");
	if (strcmp(h->event, "status") == 0)
		view_put(row, "Detail", status_name(f->r, h->detail));
	else if (strcmp(h->event, "mail") == 0) {
		/* "template recipient" */
		sp = strcspn(h->detail, " ");
		view_put(row, "Detail", h->detail[sp] != '\0' ?
		    h->detail + sp + 1 : "");
		/* the template's name as an HDF key: eng-queue, eng_queue */
		snprintf(v, sizeof(v), "%.*s", (int)sp, h->detail);
		for (c = v; *c != '\0'; c++)
			if (*c == '-')
				*c = '_';
		view_put(row, "Mail", v);
	} else
		view_put(row, "Detail", h->detail);
	time_local(v, sizeof(v), (time_t)h->created, f->r->user.tz);
	view_put(row, "When", v);
	return 0;
}

/* add_note: an internal note (R15.5), on the engineers' page only */
static int
add_note(void *arg, const struct note_row *n)
{
	struct fill	*f = arg;
	HDF		*row = view_row(f->r, "Notes", f->n++);
	char		 v[64];

	view_put(row, "Author", n->author);
	view_put(row, "Body", n->body);
	time_local(v, sizeof(v), (time_t)n->created, f->r->user.tz);
	view_put(row, "When", v);
	return 0;
}

/* add_engineer: an engineer the request may be handed to (R15.4) */
static int
add_engineer(void *arg, int64_t id, const char *name)
{
	struct fill	*f = arg;
	HDF		*row = view_row(f->r, "Engineers", f->n++);
	char		 v[32];

	view_put(row, "Id", int_str(v, id));
	view_put(row, "Name", name);
	return 0;
}

/*
 * engineer_side: what the engineers' page adds: the internal notes, and
 * for the owner whom to hand the request to and how to reach its
 * primary contact (R15.4, R15.5, R15.6).  0 or -1.
 */
static int
engineer_side(struct req *r, const struct request_view *v)
{
	struct fill		 n = { r, 0 }, e = { r, 0 };
	struct contact_details	 c;
	int			 rc;

	if (note_list(v->id, add_note, &n) != 0)
		return -1;
	if (v->owner != r->user.id)
		return 0;
	if (request_engineers(v->id, r->user.id, add_engineer, &e) != 0 ||
	    (rc = request_primary(v->id, &c)) < 0)
		return -1;
	view_set(r, "Item.Timezone", v->tz);
	if (rc == 1) {
		view_set(r, "Item.Contact.Email", c.email);
		view_set(r, "Item.Contact.Name", c.name);
		view_set(r, "Item.Contact.Phone", c.phone);
		view_set(r, "Item.Contact.Method", view_label(r, "Queue.Method",
		    c.method));
		view_set(r, "Item.Contact.Company", c.company);
	}
	return 0;
}

#define THREAD_PAGE	50	/* messages a page of a long thread (R15.8) */
#define HISTORY_SHOWN	50	/* events shown until all are asked for */

/*
 * thread_page: the page of v's thread r asks for (?order=newest,
 * ?tpage=N from 1), with its pager.  0 or -1.
 */
static int
thread_page(struct req *r, const struct request_view *v)
{
	struct fill	 m = { r, 0 };
	const char	*o = req_param(&r->query, "order");
	const char	*pg = req_param(&r->query, "tpage");
	int		 newest = o != NULL && strcmp(o, "newest") == 0;
	int		 page = pg != NULL ? atoi(pg) : 1, total, pages;

	if (page < 1 || page > 1000000)
		page = 1;
	if (request_messages(v->id, newest, page - 1, THREAD_PAGE,
	    add_message, &m, &total) != 0)
		return -1;
	pages = (total + THREAD_PAGE - 1) / THREAD_PAGE;
	view_set(r, "ThreadNav.Order", newest ? "newest" : "oldest");
	view_set_int(r, "ThreadNav.Total", total);
	if (pages > 1) {
		view_set_int(r, "ThreadNav.Page", page);
		view_set_int(r, "ThreadNav.Pages", pages);
		if (page > 1)
			view_set_int(r, "ThreadNav.Prev", page - 1);
		if (page < pages)
			view_set_int(r, "ThreadNav.Next", page + 1);
	}
	return 0;
}

/* history: v's history for r's side, the newest first (R15.7). */
static int
history(struct req *r, const struct request_view *v)
{
	struct fill	 h = { r, 0 };
	int		 all = req_param(&r->query, "history") != NULL, total;

	if (history_list(v->id, engineer(r), all ? 0 : HISTORY_SHOWN,
	    add_event, &h, &total) != 0)
		return -1;
	view_set_int(r, "Page.HistoryTotal", total);
	if (!all && total > HISTORY_SHOWN)
		view_set(r, "Page.HistoryMore", "1");
	return 0;
}

/* request_render: the page of v, with a reply being typed kept. */
void
request_render(struct req *r, int status, const struct request_view *v,
    const struct form *fm)
{
	struct fill	 c = { r, 0 }, f = { r, 0 };
	char		 t[64];
	int		 i;

	request_url(r, t, sizeof(t), v->id, "");
	view_set(r, "Page.Base", t);
	view_set(r, "Page.StaffLabel", cfg.staff_label);	/* R14.10 */
	view_upload(r);		/* the reply form's limit and types (R16.6) */
	if (engineer(r)) {
		view_set(r, "Page.Engineer", "1");
		view_set(r, "Item.Owner", v->owner_name);
		view_set(r, "Item.Mine", v->owner == r->user.id ? "1" : "");
		view_set_int(r, "Item.OwnerId", v->owner);
		view_set(r, "Item.Waiting", v->paused_left >= 0 ? "1" : "");
		for (i = 0; request_statuses[i] != NULL; i++) {
			HDF	*row = view_row(r, "Statuses", i);

			view_put(row, "Code", request_statuses[i]);
			view_put(row, "Name", status_name(r,
			    request_statuses[i]));
		}
	}

	view_set_int(r, "Item.Id", v->id);
	view_set(r, "Item.Title", v->title);
	view_set(r, "Item.Description", v->description);
	view_set(r, "Item.Product", v->version[0] ? v->version : v->product);
	view_set(r, "Item.Category", v->category);
	view_set(r, "Item.Problem", v->problem);
	view_set(r, "Item.Severity", view_label(r, "Severity", v->severity));
	view_set(r, "Item.Status", status_name(r, v->status));
	view_set(r, "Item.StatusCode", v->status);
	view_set(r, "Item.AllDay", v->allday ? "1" : "");
	view_set(r, "Item.Queue", v->queue);
	if (*v->kind && strcmp(v->kind, "technical") != 0)	/* R16.5 */
		view_set(r, "Item.Kind", view_label(r, "ReqKind", v->kind));
	time_local(t, sizeof(t), (time_t)v->respond_by, r->user.tz);
	view_set(r, "Item.RespondBy", t);
	time_local(t, sizeof(t), (time_t)v->created, r->user.tz);
	view_set(r, "Item.Created", t);
	if ((strcmp(v->status, "resolved") == 0 ||
	    strcmp(v->status, "closed") == 0) &&
	    r->now - v->status_at <= 30 * 86400)
		view_set(r, "Item.Reopenable", "1");
	view_set(r, "Page.Title", v->title);
	view_set(r, "Page.Nav", engineer(r) ? "queue" : "requests");
	if (fm != NULL)
		form_to_hdf(r, fm);
	if (request_contacts(v->id, add_contact, &c) != 0 ||
	    thread_page(r, v) != 0 || history(r, v) != 0 ||
	    (engineer(r) && engineer_side(r, v) != 0) ||
	    request_files(v->id, add_file, &f) != 0) {
		reply_error(r, 500);
		return;
	}
	reply_render(r, status, "request.cs");
}

/* request_load: the request of the path for r's account, or a 404. */
int
request_load(struct req *r, struct request_view *v)
{
	int	 rc = engineer(r) ?
	    request_view_engineer(r->id, r->user.id, r->lang, v) :
	    request_view(r->id, r->user.email, r->lang, v);

	if (rc != 1)
		reply_error(r, rc == 0 ? 404 : 500);
	return rc == 1;
}

enum { MS_BODY, MS_FILES, MS__MAX };

static const struct field message_fields[MS__MAX] = {
	[MS_BODY] = { "body", "Request.Message", F_PARA, 1, DESC_MAX, NULL },
	/* errors only: the files come as uploads */
	[MS_FILES] = { "files", "Wizard.Files", F_TEXT, 0, 0, NULL },
};

/* GET /requests/:id */
void
page_request_get(struct req *r)
{
	struct request_view	 v;
	struct form		 fm;
	const char		*held = req_cookie_name(r, "held"), *text;

	if (!request_load(r, &v))
		return;
	if (req_param(&r->query, "sent") != NULL)
		view_set(r, "Page.Sent", "1");
	if (req_param(&r->query, "added") != NULL)
		view_set(r, "Page.Added", "1");
	if (req_param(&r->query, "taken") != NULL)
		view_set(r, "Page.Taken", "1");
	if (req_param(&r->query, "status") != NULL)
		view_set(r, "Page.StatusSet", "1");
	if (req_param(&r->query, "returned") != NULL)
		view_set(r, "Page.Returned", "1");
	if (req_param(&r->query, "removed") != NULL)
		view_set(r, "Page.Removed", "1");
	if (req_param(&r->query, "released") != NULL)
		view_set(r, "Page.Released", "1");
	if (req_param(&r->query, "handed") != NULL)
		view_set(r, "Page.Handed", "1");
	if (req_param(&r->query, "noted") != NULL)
		view_set(r, "Page.Noted", "1");
	if (req_param(&r->query, "primary") != NULL)
		view_set(r, "Page.PrimarySet", "1");
	/* R11.8: the reply typed before the session expired */
	form_init(&fm, message_fields, MS__MAX);
	if (held != NULL && held_get(held, r->path, r->user.id,
	    &text) == 1) {
		fm.val[MS_BODY] = text;
		view_set(r, "Page.Held", "1");
	}
	request_render(r, 200, &v, &fm);
}

/*
 * POST /requests/:id/messages: a message of a contact, with files
 * (multipart, like step 1), mailed to the other contacts (R7.2, R9.2).
 */
void
page_request_message_post(struct req *r)
{
	struct request_view	 v;
	struct form		 fm;
	struct attach_in	 files[UPLOADS_MAX];
	struct upload		*ups[UPLOADS_MAX];
	char			 to[64];
	int			 i, n;

	if (!request_load(r, &v))
		return;
	if (!form_read(r, &fm, message_fields, MS__MAX)) {
		request_render(r, 422, &v, &fm);
		return;
	}
	n = form_files(r, &fm, MS_FILES, files, ups, UPLOADS_MAX);
	if (fm.nerr > 0) {	/* nothing is half-sent: all or nothing */
		request_render(r, 422, &v, &fm);
		return;
	}
	/* R11.8: a reply held over a sign-in is sent now */
	switch (request_reply(&v, &r->user, engineer(r),
	    form_val(&fm, MS_BODY), files, n, req_cookie_name(r, "held"))) {
	case 0:
		break;
	case 1:		/* Request.MaxText: nothing stored (R15.9) */
		r->log_note = "request-full";
		form_error(&fm, MS_BODY, "RequestFull");
		request_render(r, 413, &v, &fm);
		return;
	case 2:		/* Request.MaxFiles, .MaxFileBytes (R15.9, M.60) */
		r->log_note = "request-files-full";
		form_error(&fm, MS_FILES, "RequestFiles");
		request_render(r, 413, &v, &fm);
		return;
	default:
		reply_error(r, 500);
		return;
	}
	for (i = 0; i < n; i++)
		ups[i]->tmp[0] = '\0';		/* kept */
	if (req_cookie_name(r, "held") != NULL)
		reply_cookie(r, "held", "", 0);
	request_url(r, to, sizeof(to), v.id, "?sent=1#thread");
	reply_redirect(r, to);
}

enum { CT_EMAIL, CT__MAX };

static const struct field contact_fields[CT__MAX] = {
	[CT_EMAIL] = { "email", "Request.NewContact", F_EMAIL, 1, EMAIL_MAX,
	    NULL },
};

/*
 * POST /requests/:id/contacts: a contact adds a secondary contact by
 * email (R7.3), who gets a mail and sees the request once signed in
 * with that address.
 */
void
page_request_contact_post(struct req *r)
{
	struct request_view	 v;
	struct form		 fm;
	char			 email[EMAIL_MAX + 1], to[80];
	int			 rc;

	if (!request_load(r, &v))
		return;
	if (!form_read(r, &fm, contact_fields, CT__MAX)) {
		request_render(r, 422, &v, &fm);
		return;
	}
	if (engineer(r) && v.owner != r->user.id) {	/* R15.6 */
		form_error(&fm, CT_EMAIL, "OwnFirstAdd");
		request_render(r, 409, &v, &fm);
		return;
	}
	email_normalise(email, sizeof(email), form_val(&fm, CT_EMAIL));
	if ((rc = request_add_contact(&v, &r->user, email)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc > 0) {		/* R15.8: at most Request.MaxContacts */
		form_error(&fm, CT_EMAIL, rc == 1 ? "AlreadyContact" :
		    "TooManyContacts");
		request_render(r, 422, &v, &fm);
		return;
	}
	request_url(r, to, sizeof(to), v.id, "?added=1#sharing");
	reply_redirect(r, to);
}

static void
set_status(struct req *r, int reopen)
{
	struct request_view	 v;
	char			 to[64];
	int			 rc;

	if (!request_load(r, &v))
		return;
	if ((rc = request_set_status(v.id, &r->user, reopen, r->now)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc == 1) {
		reply_error(r, 409);
		return;
	}
	snprintf(to, sizeof(to), "/requests/%lld", (long long)v.id);
	reply_redirect(r, to);
}

/* POST /requests/:id/close (R11.6) */
void
page_request_close_post(struct req *r)
{
	set_status(r, 0);
}

/* POST /requests/:id/reopen: within 30 days, no incident taken (R11.6) */
void
page_request_reopen_post(struct req *r)
{
	set_status(r, 1);
}

/*
 * GET /attachments/:id: the file, always as a download under its own
 * name (RFC 6266), never rendered: nosniff and a sandboxing CSP (J.42).
 */
void
page_attachment_get(struct req *r)
{
	char	 name[256 * 4], stored[40], path[1200];
	int64_t	 size;
	int	 rc = attach_for(r->id, &r->user, name, sizeof(name), stored,
	    sizeof(stored), &size);

	if (rc != 1) {
		reply_error(r, rc == 0 ? 404 : 500);
		return;
	}
	attach_path(path, sizeof(path), stored);
	reply_file(r, path, name, size);
}
