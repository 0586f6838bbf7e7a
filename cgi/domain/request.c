/*
 * request.c: a submitted request as its contacts and the engineers see
 * it (R7, R8): the list, the page, the thread, the contacts, the status,
 * and the mail each change sends.
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>


#include "domain/request.h"
#include "data/db.h"
#include "domain/account.h"
#include "domain/attach.h"
#include "domain/contract.h"
#include "domain/held.h"
#include "domain/history.h"
#include "domain/notify.h"
#include "domain/outbox.h"
#include "domain/sla.h"
#include "lib/arena.h"
#include "lib/config.h"

/*
 * request_list: one page of the requests whose contacts include q's
 * email, filtered by status, and by a number or words of their titles,
 * descriptions and messages (R15.3: the full-text index, diacritics
 * folded), the latest change first (R7.1, R11.5); *total is the count of
 * all that match.  A search with nothing to look for finds nothing.
 * Returns 0 or -1.
 */
int
request_list(const struct list_query *q,
    int (*fn)(void *, const struct request_row *), void *arg, int *total)
{
	const struct search	*s = q->search;
	struct db_cur		*st;
	struct request_row	 r;
	const char		*query;
	int64_t			 number;
	int			 rc, plain, lo, hi;

	*total = 0;
	if (s != NULL && s->kind != SEARCH_NUMBER && s->kind != SEARCH_WORDS)
		return 0;
	/* nothing searched: the list as it comes, from the index (R7.1) */
	plain = s == NULL;
	number = plain || s->kind != SEARCH_NUMBER ? 0 : s->number;
	query = plain || s->kind != SEARCH_WORDS ? "" : s->query;
	if (!plain && number == 0 && *query == '\0')
		return 0;		/* request #0 */
	lo = strcmp(q->status, "open") == 0;	/* open BETWEEN lo AND hi */
	hi = strcmp(q->status, "closed") != 0;

	st = plain ? db_query(STMT_REQUESTS_COUNT_PLAIN,
	    P_TEXT(":email", q->email), P_INT(":open_min", lo),
	    P_INT(":open_max", hi), P_END) : db_query(STMT_REQUESTS_COUNT,
	    P_TEXT(":email", q->email), P_INT(":open_min", lo),
	    P_INT(":open_max", hi), P_INT(":number", number),
	    P_TEXT(":query", query), P_END);
	if (st == NULL)
		return -1;
	*total = db_row(st) == 1 ? (int)db_col_int(st, 0) : 0;
	db_done(st);
	st = plain ? db_query(STMT_REQUESTS_PAGE_PLAIN,
	    P_TEXT(":email", q->email), P_INT(":open_min", lo),
	    P_INT(":open_max", hi), P_INT(":limit", q->limit),
	    P_INT(":offset", q->offset), P_END) : db_query(STMT_REQUESTS_PAGE,
	    P_TEXT(":email", q->email), P_INT(":open_min", lo),
	    P_INT(":open_max", hi), P_INT(":number", number),
	    P_TEXT(":query", query), P_INT(":limit", q->limit),
	    P_INT(":offset", q->offset), P_END);
	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		r.id = db_col_int(st, LIST_ID);
		r.title = db_col_text(st, LIST_TITLE);
		r.product = db_col_text(st, LIST_PRODUCT);
		r.severity = db_col_text(st, LIST_SEVERITY);
		r.status = db_col_text(st, LIST_STATUS);
		r.updated = db_col_int(st, LIST_UPDATED);
		r.respond_by = db_col_int(st, LIST_RESPOND_BY);
		if (fn(arg, &r) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * columns_to_view: the columns STMT_REQUEST_FOR_CONTACT and _FOR_ENGINEER
 * share (0 to 18) into v.
 */
static void
columns_to_view(struct db_cur *st, struct request_view *v)
{
	v->id = db_col_int(st, REQ_ID);
	v->title = arena_strdup(db_col_text(st, REQ_TITLE));
	v->description = arena_strdup(db_col_text(st, REQ_DESCRIPTION));
	db_col_copy(st, REQ_PRODUCT, v->product, sizeof(v->product));
	db_col_copy(st, REQ_VERSION, v->version, sizeof(v->version));
	db_col_copy(st, REQ_CATEGORY, v->category, sizeof(v->category));
	db_col_copy(st, REQ_PROBLEM, v->problem, sizeof(v->problem));
	db_col_copy(st, REQ_SEVERITY, v->severity, sizeof(v->severity));
	v->allday = (int)db_col_int(st, REQ_ALLDAY);
	db_col_copy(st, REQ_STATUS, v->status, sizeof(v->status));
	db_col_copy(st, REQ_QUEUE, v->queue, sizeof(v->queue));
	db_col_copy(st, REQ_COUNTRY, v->country, sizeof(v->country));
	db_col_copy(st, REQ_TIMEZONE, v->tz, sizeof(v->tz));
	v->respond_by = db_col_int(st, REQ_RESPOND_BY);
	v->created = db_col_int(st, REQ_CREATED);
	v->updated = db_col_int(st, REQ_UPDATED);
	v->status_at = db_col_int(st, REQ_STATUS_AT);
	v->paused_left = db_col_int(st, REQ_PAUSED_LEFT);
	db_col_copy(st, REQ_KIND, v->kind, sizeof(v->kind));
}

/* view_clear: v empty, its texts "". */
static void
view_clear(struct request_view *v)
{
	memset(v, 0, sizeof(*v));
	v->title = v->description = "";
}

/*
 * request_view: request id as the contact with sign-in email sees it,
 * names in lang.  1 when email is one of its contacts, 0 otherwise
 * (whether or not it exists: R7.4), -1 on error.
 */
int
request_view(int64_t id, const char *email, const char *lang,
    struct request_view *v)
{
	struct db_cur	*st;
	int		 rc;

	view_clear(v);
	if ((st = db_query(STMT_REQUEST_FOR_CONTACT, P_INT(":id", id),
	    P_TEXT(":email", email), P_TEXT(":lang", lang), P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1)
		columns_to_view(st, v);
	db_done(st);
	return rc;
}

/*
 * request_view_engineer: request id as engineer sees it, names in lang:
 * 1 when it is in a queue of the engineer's regions (R8.1), 0 otherwise
 * (whether or not it exists), -1 on error.
 */
int
request_view_engineer(int64_t id, int64_t engineer, const char *lang,
    struct request_view *v)
{
	struct db_cur	*st;
	int		 rc;

	view_clear(v);
	if ((st = db_query(STMT_REQUEST_FOR_ENGINEER, P_INT(":id", id),
	    P_INT(":engineer", engineer), P_TEXT(":lang", lang), P_END)) ==
	    NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		columns_to_view(st, v);
		v->owner = db_col_int(st, REQ_OWNER);
		db_col_copy(st, REQ_OWNER_NAME, v->owner_name, sizeof(v->owner_name));
		v->contract = db_col_int(st, REQ_CONTRACT);
	}
	db_done(st);
	return rc;
}

/*
 * clock: the working time of v's queue's region in v's zone, around the
 * clock for a critical 24/7 request (R11.3).  0 or -1.
 */
static int
clock_of(const struct request_view *v, struct sla_cal *c)
{
	char	 region[8];

	snprintf(region, sizeof(region), "%.*s", (int)strcspn(v->queue, "/"),
	    v->queue);
	if (sla_calendar(region, v->tz, c) != 0)
		return -1;
	c->allday = v->allday && strcmp(v->severity, "critical") == 0;
	return 0;
}

/*
 * resume: v waited for its customer and the clock runs again from now:
 * due when the working time left at the pause has passed (R11.3).
 */
static int
resume(const struct request_view *v, int64_t actor, time_t now)
{
	struct sla_cal	 c;
	time_t		 due;

	if (clock_of(v, &c) != 0)
		return -1;
	due = sla_add(&c, now, v->paused_left > 0 ? (long)v->paused_left : 0);
	sla_calendar_free(&c);
	if (db_exec(STMT_REQUEST_RESUME, P_INT(":id", v->id),
	    P_INT(":status_at", (int64_t)now),
	    P_INT(":respond_by", (int64_t)due), P_END) != DB_OK)
		return -1;
	return db_changes() == 1 ? history_add(v->id, actor, HIST_STATUS,
	    "in_progress") : 0;
}

/* request_contacts: fn(email, role, name, added by) for each contact. */
int
request_contacts(int64_t id, int (*fn)(void *, const char *, const char *,
    const char *, const char *), void *arg)
{
	struct db_cur	*st = db_query(STMT_CONTACTS_OF_REQUEST,
	    P_INT(":request_id", id), P_END);
	int		 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		if (fn(arg, db_col_text(st, CONTACT_EMAIL), db_col_text(st, CONTACT_ROLE),
		    db_col_text(st, CONTACT_NAME), db_col_text(st, CONTACT_ADDED_BY)) != 0) {
			rc = -1;
			break;
		}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * request_messages: page (from 0) of the thread of request id, limit
 * messages a page, oldest first or newest first (R15.8); *total is the
 * number of messages.
 */
int
request_messages(int64_t id, int newest, int page, int limit,
    int (*fn)(void *, const struct thread_row *), void *arg, int *total)
{
	struct db_cur		*st;
	struct thread_row	 t;
	int			 rc;

	if ((*total = (int)db_int(STMT_MESSAGES_COUNT, -1,
	    P_INT(":request_id", id), P_END)) < 0)
		return -1;
	if ((st = db_query(newest ? STMT_MESSAGES_OF_REQUEST_NEWEST :
	    STMT_MESSAGES_OF_REQUEST, P_INT(":request_id", id),
	    P_INT(":limit", limit), P_INT(":offset", (int64_t)page * limit),
	    P_END)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		t.id = db_col_int(st, MESSAGE_ID);
		t.author = db_col_text(st, MESSAGE_AUTHOR);
		t.body = db_col_text(st, MESSAGE_BODY);
		t.created = db_col_int(st, MESSAGE_CREATED);
		t.staff = (int)db_col_int(st, MESSAGE_STAFF);
		if (fn(arg, &t) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * notify: mail m about request id to every contact but the one signed
 * in as except (R9.2, R11.4, R15.8), each in their language, else
 * fallback.
 * Caller's transaction.
 */
static int
notify(int64_t id, const char *except, struct outbox_mail *m,
    const char *fallback)
{
	struct db_cur	*st;
	char		 lang[3];
	int		 rc = 0;

	/* every contact, however many (R15.8, M.61): each queued as its
	 * row is read */
	if ((st = db_query(STMT_OTHER_CONTACTS, P_INT(":request_id", id),
	    P_TEXT(":email", except), P_END)) == NULL)
		return -1;
	while (rc == 0 && (rc = db_row(st)) == 1) {
		db_col_copy(st, OTHER_LANG, lang, sizeof(lang));
		m->to = db_col_text(st, OTHER_EMAIL);
		m->lang = lang[0] != '\0' ? lang : fallback;
		rc = outbox_put(m) == 0 ? 0 : -1;
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* request_mail: m with template tpl and what every mail of request id says */
static void
request_mail(struct outbox_mail *m, const char *tpl, int64_t id,
    const char *title, const struct account *who, const char *body)
{
	char	 name[2 * NAME_MAX_ + 2];

	memset(m, 0, sizeof(*m));
	m->tpl = tpl;
	m->request = id;
	snprintf(name, sizeof(name), "%s %s", who->first, who->last);
	outbox_set_int(m, "Request.Id", id);
	outbox_set(m, "Request.Title", title);
	outbox_set(m, "Who", name);
	outbox_set(m, "Body", body);
}

/*
 * request_mail_one: mail tpl about request id (its title) from a to
 * email alone, in its language: "added" and "removed" (R11.4), also at
 * the submit for the colleagues of step 4 (R16.2).
 */
int
request_mail_one(int64_t id, const char *title, const struct account *a,
    const char *tpl, const char *email)
{
	struct outbox_mail	 m;
	int			 rc;

	request_mail(&m, tpl, id, title, a, "");
	m.to = email;
	m.lang = outbox_lang(email, a->lang);
	rc = outbox_put(&m);
	outbox_free(&m);
	return rc;
}

/* notify_req_of: q as the engineers' mails tell of v, by who. */
static void
notify_req_of(struct notify_req *q, const struct request_view *v,
    const char *who)
{
	memset(q, 0, sizeof(*q));
	q->id = v->id;
	q->title = v->title;
	q->queue = v->queue;
	q->severity = v->severity;
	q->respond_by = v->respond_by;
	q->who = who;
}

/*
 * message_add: a message of a on request v, and a mail to each contact
 * but a (R7.2, R9.2), and, from a customer, to the engineer who owns it
 * (R15.1).  A customer's reply to a request waiting for the customer
 * sets the clock running again (R11.3).  *msg is its id.  Returns 0, 1
 * when the description and the messages would hold more than
 * Request.MaxText bytes (R15.9), -1.
 */
static int
message_add(const struct request_view *v, const struct account *a,
    int engineer, const char *body, int64_t *msg)
{
	char			 who[2 * NAME_MAX_ + 2];
	struct outbox_mail	 m;
	struct notify_req	 q;
	time_t			 now = time(NULL);
	int64_t			 bytes;
	int			 rc, customer;

	/* counted inside the transaction: two replies at once cannot pass
	 * the quota together */
	if ((bytes = db_int(STMT_REQUEST_TEXT_BYTES, -1, P_INT(":id", v->id),
	    P_END)) < 0)
		return -1;
	if (bytes + (int64_t)strlen(body) > cfg.max_text)
		return 1;
	snprintf(who, sizeof(who), "%s %s", a->first, a->last);
	if (db_exec(STMT_MESSAGE_INSERT, P_INT(":request_id", v->id),
	    P_INT(":author_id", a->id), P_TEXT(":author", who),
	    P_TEXT(":body", body), P_INT(":created", (int64_t)now), P_END) !=
	    DB_OK)
		return -1;
	*msg = db_last_id();
	if (db_exec(STMT_REQUEST_TOUCH, P_INT(":id", v->id),
	    P_INT(":updated", (int64_t)now), P_END) != DB_OK)
		return -1;
	if (!engineer && strcmp(v->status, "waiting") == 0 &&
	    resume(v, a->id, now) != 0)
		return -1;
	request_mail(&m, "message", v->id, v->title, a, body);
	rc = notify(v->id, a->email, &m, a->lang);
	outbox_free(&m);
	/* R15.1: the customer's reply, a contact's and no engineer's */
	customer = !engineer && strcmp(a->role, "engineer") != 0;
	if (rc == 0 && customer) {
		notify_req_of(&q, v, who);
		rc = notify_reply(&q, body);
	}
	return rc;
}

/*
 * files_fit: 1 when nfiles more files fit request id's quota
 * (Request.MaxFiles, Request.MaxFileBytes: R15.9, M.60), 0 when not,
 * -1.  Counted in the caller's transaction.
 */
static int
files_fit(int64_t id, const struct attach_in *files, int nfiles)
{
	struct db_cur	*st;
	int64_t		 n, bytes;
	int		 i, rc;

	if (nfiles == 0)
		return 1;
	if ((st = db_query(STMT_ATTACH_COUNT_REQUEST, P_INT(":request_id", id),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		n = db_col_int(st, ATTACHED_COUNT) + nfiles;
		bytes = db_col_int(st, ATTACHED_BYTES);
		for (i = 0; i < nfiles; i++)
			bytes += files[i].size;
		rc = n <= cfg.req_max_files && bytes <= cfg.req_max_file_bytes;
	}
	db_done(st);
	return rc;
}

/*
 * request_reply: a's message on request v with its files, and the held
 * copy of it (held, its token, or NULL) dropped, all or nothing (R7.2,
 * R11.8, R11.9).  The caller checked that a may write there: a contact,
 * or an engineer of its queue when engineer; and that every file is of
 * a type accepted.  Returns 0, 1 when the request's text would pass
 * Request.MaxText, 2 when its files would pass Request.MaxFiles or
 * Request.MaxFileBytes (R15.9: nothing stored, the files removed), or
 * -1.
 */
int
request_reply(const struct request_view *v, const struct account *a,
    int engineer, const char *body, struct attach_in *files, int nfiles,
    const char *held)
{
	int64_t	 msg;
	int	 i, rc;

	if (db_begin_write() != 0)
		return -1;
	if ((rc = files_fit(v->id, files, nfiles)) != 1)
		rc = rc == 0 ? 2 : -1;
	else
		rc = message_add(v, a, engineer, body, &msg);
	for (i = 0; i < nfiles && rc == 0; i++)
		rc = request_attach(v->id, msg, a->id, &files[i]);
	if (rc == 0 && held != NULL)
		rc = held_drop(held);
	if ((rc = db_end(rc)) != 0)
		attach_undo(files, nfiles);	/* no file without its row */
	return rc;
}

/*
 * request_set_status: close (reopen 0) or reopen (1) request id for its
 * contact a (R11.6): reopening only a resolved or closed request within
 * 30 days; no incident is taken.  The other contacts are mailed
 * (R11.4), and for a reopening the engineers of its queue (R15.1).
 * Returns 0, 1 when the change is not possible, -1 on error.
 */
static int
request_set_status_tx(int64_t id, const struct account *a, int reopen,
    time_t now)
{
	struct request_view	 v;
	struct outbox_mail	 m;
	struct notify_req	 q;
	char			 who[2 * NAME_MAX_ + 2];
	int			 rc;

	if (request_view(id, a->email, a->lang, &v) != 1)
		return -1;
	if (db_exec(reopen ? STMT_REQUEST_REOPEN : STMT_REQUEST_CLOSE,
	    P_INT(":id", id), P_INT(":now", now), P_END) != DB_OK)
		return -1;
	if (db_changes() != 1)
		return 1;
	if (history_add(id, a->id, HIST_STATUS, reopen ? "in_progress" :
	    "closed") != 0)
		return -1;
	request_mail(&m, "status", id, v.title, a, "");
	outbox_set(&m, "Status", reopen ? "in_progress" : "closed");
	rc = notify(id, a->email, &m, a->lang);
	outbox_free(&m);
	if (rc == 0 && reopen) {		/* back in its queue (R15.1) */
		snprintf(who, sizeof(who), "%s %s", a->first, a->last);
		notify_req_of(&q, &v, who);
		rc = notify_queue(&q, "reopened");
	}
	return rc;
}

int
request_set_status(int64_t id, const struct account *a, int reopen,
    time_t now)
{
	if (db_begin_write() != 0)
		return -1;
	return db_end(request_set_status_tx(id, a, reopen, now));
}

/*
 * request_add_contact: a (a contact, or an engineer of its queue: the
 * caller checked) adds email as a secondary contact of request v
 * (R7.3), who is mailed (R9.2, R11.4) and sees the request once signed
 * in with that email.  Returns 0, 1 when email is a contact already, 2
 * when the request has Request.MaxContacts contacts (R15.8), -1.
 */
static int
request_add_contact_tx(const struct request_view *v, const struct account *a,
    const char *email)
{
	if (db_exec(STMT_REQUEST_CONTACT_ADD_CAPPED,
	    P_INT(":request_id", v->id), P_TEXT(":email", email),
	    P_TEXT(":role", "secondary"), P_INT(":added_by", a->id),
	    P_INT(":created", (int64_t)time(NULL)),
	    P_INT(":cap", cfg.max_contacts), P_END) != DB_OK)
		return -1;
	if (db_changes() != 1)	/* a contact already, or the cap reached */
		return db_int(STMT_REQUEST_CONTACT_IS, -1,
		    P_INT(":request_id", v->id), P_TEXT(":email", email),
		    P_END) == 0 ? 2 : 1;
	if (history_add(v->id, a->id, HIST_CONTACT_ADDED, email) != 0)
		return -1;
	return request_mail_one(v->id, v->title, a, "added", email);
}

int
request_add_contact(const struct request_view *v, const struct account *a,
    const char *email)
{
	if (db_begin_write() != 0)
		return -1;
	return db_end(request_add_contact_tx(v, a, email));
}

/*
 * request_remove_contact: engineer a, owner of request v, removes the
 * secondary contact email (R7.3, R11.11), who is told by mail and sees
 * the request no more.  Returns 0, 1 when email is no secondary contact
 * of v, -1 on error.
 */
static int
request_remove_contact_tx(const struct request_view *v,
    const struct account *a, const char *email)
{
	if (db_exec(STMT_CONTACT_REMOVE, P_INT(":request_id", v->id),
	    P_TEXT(":email", email), P_END) != DB_OK)
		return -1;
	if (db_changes() != 1)
		return 1;
	if (db_exec(STMT_REQUEST_TOUCH, P_INT(":id", v->id),
	    P_INT(":updated", (int64_t)time(NULL)), P_END) != DB_OK ||
	    history_add(v->id, a->id, HIST_CONTACT_REMOVED, email) != 0)
		return -1;
	return request_mail_one(v->id, v->title, a, "removed", email);
}

int
request_remove_contact(const struct request_view *v, const struct account *a,
    const char *email)
{
	if (db_begin_write() != 0)
		return -1;
	return db_end(request_remove_contact_tx(v, a, email));
}

/*
 * request_set_primary: engineer a, owner of request v, makes email its
 * primary contact (R15.6): a secondary contact, or a new address added
 * first; the primary contact until now stays as a secondary one.  Both
 * are told by mail (R11.11).  Returns 0, 1 when email is the primary
 * already, 2 when the request has Request.MaxContacts contacts, -1.
 */
static int
request_set_primary_tx(const struct request_view *v, const struct account *a,
    const char *email)
{
	struct outbox_mail	 m;
	struct db_cur		*st;
	char			 old[EMAIL_MAX + 1] = "";
	int			 rc;

	if ((st = db_query(STMT_CONTACT_PRIMARY_EMAIL,
	    P_INT(":request_id", v->id), P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1)
		db_col_copy(st, 0, old, sizeof(old));
	db_done(st);
	if (rc < 0)
		return -1;
	if (strcmp(old, email) == 0)
		return 1;
	if (db_int(STMT_REQUEST_CONTACT_IS, -1, P_INT(":request_id", v->id),
	    P_TEXT(":email", email), P_END) == 0) {
		if (db_exec(STMT_REQUEST_CONTACT_ADD_CAPPED,
		    P_INT(":request_id", v->id), P_TEXT(":email", email),
		    P_TEXT(":role", "secondary"), P_INT(":added_by", a->id),
		    P_INT(":created", (int64_t)time(NULL)),
		    P_INT(":cap", cfg.max_contacts), P_END) != DB_OK)
			return -1;
		if (db_changes() != 1)
			return 2;
		if (history_add(v->id, a->id, HIST_CONTACT_ADDED, email) != 0)
			return -1;
	}
	if (db_exec(STMT_CONTACT_DEMOTE, P_INT(":request_id", v->id),
	    P_END) != DB_OK ||
	    db_exec(STMT_CONTACT_PROMOTE, P_INT(":request_id", v->id),
	    P_TEXT(":email", email), P_END) != DB_OK || db_changes() != 1)
		return -1;
	if (db_exec(STMT_REQUEST_TOUCH, P_INT(":id", v->id),
	    P_INT(":updated", (int64_t)time(NULL)), P_END) != DB_OK ||
	    history_add(v->id, a->id, HIST_PRIMARY, email) != 0)
		return -1;
	request_mail(&m, "primary", v->id, v->title, a, "");
	outbox_set(&m, "New", email);
	outbox_set(&m, "Old", old);
	m.to = email;
	m.lang = outbox_lang(email, a->lang);
	rc = outbox_put(&m);
	if (rc == 0 && old[0] != '\0') {
		m.to = old;
		m.lang = outbox_lang(old, a->lang);
		rc = outbox_put(&m);
	}
	outbox_free(&m);
	return rc;
}

int
request_set_primary(const struct request_view *v, const struct account *a,
    const char *email)
{
	if (db_begin_write() != 0)
		return -1;
	return db_end(request_set_primary_tx(v, a, email));
}

/*
 * request_primary: the primary contact of request id and how to reach
 * them, for its owner (R15.6).  1, 0 when it has none, -1.
 */
int
request_primary(int64_t id, struct contact_details *c)
{
	struct db_cur	*st;
	int		 rc;

	memset(c, 0, sizeof(*c));
	if ((st = db_query(STMT_PRIMARY_DETAILS, P_INT(":request_id", id),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		db_col_copy(st, PRIMARY_EMAIL, c->email, sizeof(c->email));
		db_col_copy(st, PRIMARY_NAME, c->name, sizeof(c->name));
		db_col_copy(st, PRIMARY_PHONE, c->phone, sizeof(c->phone));
		db_col_copy(st, PRIMARY_METHOD, c->method, sizeof(c->method));
		db_col_copy(st, PRIMARY_COMPANY, c->company,
		    sizeof(c->company));
	}
	db_done(st);
	return rc;
}

/*
 * owner_mail: mail tpl about request v from a to the engineer id, in
 * their language (R15.4).  0 or -1.
 */
static int
owner_mail(const struct request_view *v, const struct account *a,
    const char *tpl, int64_t id)
{
	struct account		 to;
	struct outbox_mail	 m;
	int			 rc;

	if ((rc = account_load(id, &to)) != 1)
		return rc == 0 ? 0 : -1;	/* gone: no one to tell */
	request_mail(&m, tpl, v->id, v->title, a, "");
	m.to = to.email;
	m.lang = to.lang;
	rc = outbox_put(&m);
	outbox_free(&m);
	return rc;
}

/*
 * request_take: engineer a becomes the owner of request v (R8.1) if its
 * owner is still expected (0: nobody), the one a confirmed taking it
 * from (R15.4), who is told by mail.  Of two engineers taking at the
 * same moment, one wins.  Returns 0, 1 when the owner is no longer
 * expected (or is a already), -1.
 */
static int
request_take_tx(const struct request_view *v, const struct account *a,
    int64_t expected, time_t now)
{
	if (db_exec(STMT_REQUEST_TAKE, P_INT(":id", v->id),
	    P_INT(":owner_id", a->id), P_REF(":expected", expected),
	    P_INT(":updated", (int64_t)now), P_END) != DB_OK)
		return -1;
	if (db_changes() != 1)
		return 1;
	if (history_owner(v->id, a->id, a->id) != 0)
		return -1;
	return expected != 0 ? owner_mail(v, a, "taken", expected) : 0;
}

int
request_take(const struct request_view *v, const struct account *a,
    int64_t expected, time_t now)
{
	if (db_begin_write() != 0)
		return -1;
	return db_end(request_take_tx(v, a, expected, now));
}

/*
 * request_release: its owner a gives request v back to its queue, owned
 * by nobody (R15.4).  Returns 0, 1 when a does not own it, -1.
 */
int
request_release(const struct request_view *v, const struct account *a,
    time_t now)
{
	int	 rc;

	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_REQUEST_TAKE, P_INT(":id", v->id),
	    P_NULL(":owner_id"), P_INT(":expected", a->id),
	    P_INT(":updated", (int64_t)now), P_END) != DB_OK)
		rc = -1;
	else if (db_changes() != 1)
		rc = 1;
	else
		rc = history_owner(v->id, a->id, 0);
	return db_end(rc);
}

/*
 * request_hand: its owner a hands request v to the engineer to, who
 * works its region and is told by mail (R15.4).  Returns 0, 1 when a
 * does not own it, 2 when to is no engineer of its region (nor a), -1.
 */
static int
request_hand_tx(const struct request_view *v, const struct account *a,
    int64_t to, time_t now)
{
	if (db_exec(STMT_REQUEST_HAND, P_INT(":id", v->id),
	    P_INT(":owner_id", to), P_INT(":expected", a->id),
	    P_INT(":updated", (int64_t)now), P_END) != DB_OK)
		return -1;
	if (db_changes() != 1)
		return db_int(STMT_REQUEST_OWNED, -1, P_INT(":id", v->id),
		    P_INT(":owner_id", a->id), P_END) == 1 ? 2 : 1;
	if (history_owner(v->id, a->id, to) != 0)
		return -1;
	return owner_mail(v, a, "handed", to);
}

int
request_hand(const struct request_view *v, const struct account *a,
    int64_t to, time_t now)
{
	if (db_begin_write() != 0)
		return -1;
	return db_end(request_hand_tx(v, a, to, now));
}

/*
 * request_engineers: fn(id, name) for each engineer but except who works
 * request id's region: whom it may be handed to (R15.4).  0 or -1.
 */
int
request_engineers(int64_t id, int64_t except,
    int (*fn)(void *, int64_t, const char *), void *arg)
{
	struct db_cur	*st = db_query(STMT_ENGINEERS_OF_REQUEST,
	    P_INT(":id", id), P_INT(":account_id", except), P_END);

	return st == NULL ? -1 : db_choices(st, fn, arg);
}

/* the statuses an engineer sets (R8.1), the one list of them */
const char *const request_statuses[] = { "new", "in_progress", "waiting",
    "resolved", "closed", NULL };

/* status_valid: 1 for a status an engineer may set (R8.1). */
static int
status_valid(const char *s)
{
	size_t	 i;

	for (i = 0; request_statuses[i] != NULL; i++)
		if (strcmp(s, request_statuses[i]) == 0)
			return 1;
	return 0;
}

/*
 * request_engineer_status: engineer a sets request v to status (R8.1):
 * waiting for the customer stops the clock, keeping the working time
 * left; leaving it sets the clock running again (R11.3).  Every contact
 * is mailed when it waits for them, is resolved or closed (R11.4).
 * Returns 0, 1 when status is not one, or is the request's already; -1
 * on error.
 */
static int
request_engineer_status_tx(const struct request_view *v,
    const struct account *a, const char *status, time_t now)
{
	struct sla_cal		 c;
	struct outbox_mail	 m;
	int64_t			 due = v->respond_by, left;
	int			 rc, was_waiting = strcmp(v->status, "waiting") == 0;

	if (!status_valid(status) || strcmp(status, v->status) == 0)
		return 1;
	if (clock_of(v, &c) != 0)
		return -1;
	if (strcmp(status, "waiting") == 0)
		left = sla_between(&c, now, (time_t)v->respond_by);
	else {
		left = -1;
		if (was_waiting)
			due = sla_add(&c, now, v->paused_left > 0 ?
			    (long)v->paused_left : 0);
	}
	sla_calendar_free(&c);
	rc = left < 0 ?
	    db_exec(STMT_REQUEST_SET_STATUS, P_INT(":id", v->id),
	    P_TEXT(":status", status), P_INT(":now", (int64_t)now),
	    P_NULL(":paused_left"), P_INT(":respond_by", due), P_END) :
	    db_exec(STMT_REQUEST_SET_STATUS, P_INT(":id", v->id),
	    P_TEXT(":status", status), P_INT(":now", (int64_t)now),
	    P_INT(":paused_left", left), P_INT(":respond_by", due), P_END);
	if (rc != DB_OK)
		return -1;
	if (db_changes() != 1)
		return 1;
	if (history_add(v->id, a->id, HIST_STATUS, status) != 0)
		return -1;
	/* R11.4: mailed when it becomes the customer's turn, or ends */
	if (strcmp(status, "waiting") != 0 && strcmp(status, "resolved") != 0 &&
	    strcmp(status, "closed") != 0)
		return 0;
	request_mail(&m, "status", v->id, v->title, a, "");
	outbox_set(&m, "Status", status);
	rc = notify(v->id, a->email, &m, a->lang);
	outbox_free(&m);
	return rc;
}

int
request_engineer_status(const struct request_view *v, const struct account *a,
    const char *status, time_t now)
{
	if (db_begin_write() != 0)
		return -1;
	return db_end(request_engineer_status_tx(v, a, status, now));
}

/*
 * request_return: engineer a returns the incident request v took to its
 * plan, with reason (R8.2): once per request whatever is clicked, in
 * the customer's ledger (R11.2).  Returns 0, 1 when it was returned
 * already or took none (an advisory request, R16.5), -1 on error.
 */
int
request_return(const struct request_view *v, const struct account *a,
    const char *reason)
{
	int	 rc;

	if (strcmp(v->kind, "technical") != 0)	/* none taken (R16.5) */
		return 1;
	if (db_begin_write() != 0)
		return -1;
	if ((rc = contract_credit(v->contract, a->id, v->id, reason)) == 0)
		rc = history_add(v->id, a->id, HIST_RETURNED, reason);
	/* a credit refused rolled back already: the whole write ends */
	if (db_end(rc == 0 ? 0 : -1) != 0)
		return rc == 1 ? 1 : -1;
	return 0;
}
