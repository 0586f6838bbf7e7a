/*
 * notify.c: the engineers' mails (R15.1), queued through the outbox in
 * the transaction of the change, each in its engineer's language: a
 * request submitted into, or reopened in, a queue of their regions; the
 * customer's reply on a request they own; a request they own passing
 * its response-by time (supportalctl overdue, every hour, each once per
 * request and response-by).  An engineer is mailed once however many of
 * their regions match, never about a region they do not work, and not
 * about what they turned off on their account page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/notify.h"
#include "data/db.h"
#include "domain/account.h"
#include "domain/outbox.h"
#include "lib/util.h"

#define OVERDUE_BATCH	200	/* requests told a transaction */

/*
 * eng_mail: m made anew for request q to an engineer in zone tz: its
 * number, title, queue, severity, the customer's name and its
 * response-by in the engineer's zone.
 */
static void
eng_mail(struct outbox_mail *m, const struct notify_req *q, const char *tz)
{
	char	 when[64];

	buf_free(&m->vals);
	outbox_set_int(m, "Request.Id", q->id);
	outbox_set(m, "Request.Title", q->title);
	outbox_set(m, "Request.Queue", q->queue);
	if (q->severity != NULL)
		outbox_set(m, "Request.Severity", q->severity);
	time_local(when, sizeof(when), (time_t)q->respond_by, tz);
	outbox_set(m, "Request.RespondBy", when);
	if (q->who != NULL)
		outbox_set(m, "Who", q->who);
}

/*
 * each: m (template tpl) to every engineer statement st yields (email,
 * language, zone), read row by row: one statement, however many
 * engineers.  Caller's transaction.  0 or -1.
 */
static int
each(struct db_cur *st, const struct notify_req *q, const char *tpl,
    const char *event, const char *body)
{
	struct outbox_mail	 m;
	char			 lang[3];
	int			 rc = 0;

	if (st == NULL)
		return -1;
	memset(&m, 0, sizeof(m));
	m.tpl = tpl;
	m.request = q->id;
	while (rc == 0 && (rc = db_row(st)) == 1) {
		db_col_copy(st, NOTIFY_LANG, lang, sizeof(lang));
		eng_mail(&m, q, db_col_text(st, NOTIFY_TZ));
		if (event != NULL)
			outbox_set(&m, "Event", event);
		if (body != NULL)
			outbox_set(&m, "Body", body);
		m.to = db_col_text(st, NOTIFY_EMAIL);
		m.lang = strcmp(lang, "pl") == 0 ? "pl" : "en";
		rc = outbox_put(&m) == 0 ? 0 : -1;
	}
	db_done(st);
	outbox_free(&m);
	return rc < 0 ? -1 : 0;
}

/*
 * notify_queue: request q entered its queue, event "new" (submitted) or
 * "reopened" (by its customer): a mail to each engineer of its region
 * who wants it (R15.1).  Caller's transaction.  0 or -1.
 */
int
notify_queue(const struct notify_req *q, const char *event)
{
	return each(db_query(STMT_NOTIFY_QUEUE, P_TEXT(":queue", q->queue),
	    P_TEXT(":event", event), P_END), q, "eng-queue", event, NULL);
}

/*
 * notify_reply: the customer replied body on request q: a mail to its
 * owner, if it has one who works its region and wants it (R15.1).
 * Caller's transaction.  0 or -1.
 */
int
notify_reply(const struct notify_req *q, const char *body)
{
	return each(db_query(STMT_NOTIFY_OWNER, P_INT(":id", q->id), P_END),
	    q, "eng-reply", NULL, body);
}

/*
 * notify_overdue: the owned requests whose clock runs (not waiting for
 * the customer, not resolved or closed) and whose response-by has
 * passed by now, each recorded once per request and response-by and, if
 * the owner still works its region and wants it, mailed to the owner
 * (R15.1); a batch a transaction, so that a run stopped halfway tells
 * again only what it did not record.  *sent counts the mails.  0 or -1.
 */
int
notify_overdue(time_t now, int *sent)
{
	struct due {
		int64_t	 id, respond_by;
		char	 title[201], queue[64], email[EMAIL_MAX + 1];
		char	 lang[3], tz[64];
		int	 tell;
	}			*d;
	struct outbox_mail	 m;
	struct notify_req	 q;
	struct db_cur		*st;
	size_t			 n, i;
	int			 rc = 0;

	*sent = 0;
	d = xcalloc(OVERDUE_BATCH, sizeof(*d));
	memset(&m, 0, sizeof(m));
	m.tpl = "eng-overdue";
	do {
		if (db_begin_write() != 0) {
			rc = -1;
			break;
		}
		n = 0;
		if ((st = db_query(STMT_OVERDUE_DUE, P_INT(":now", (int64_t)now),
		    P_INT(":limit", OVERDUE_BATCH), P_END)) == NULL)
			rc = -1;
		while (rc == 0 && n < OVERDUE_BATCH && db_row(st) == 1) {
			d[n].id = db_col_int(st, OVERDUE_ID);
			db_col_copy(st, OVERDUE_TITLE, d[n].title,
			    sizeof(d[n].title));
			d[n].respond_by = db_col_int(st, OVERDUE_RESPOND_BY);
			db_col_copy(st, OVERDUE_QUEUE, d[n].queue,
			    sizeof(d[n].queue));
			db_col_copy(st, OVERDUE_EMAIL, d[n].email,
			    sizeof(d[n].email));
			db_col_copy(st, OVERDUE_LANG, d[n].lang,
			    sizeof(d[n].lang));
			db_col_copy(st, OVERDUE_TZ, d[n].tz, sizeof(d[n].tz));
			d[n].tell = (int)db_col_int(st, OVERDUE_TELL);
			n++;
		}
		db_done(st);
		for (i = 0; i < n && rc == 0; i++) {
			if (db_exec(STMT_OVERDUE_SENT,
			    P_INT(":request_id", d[i].id),
			    P_INT(":respond_by", d[i].respond_by),
			    P_INT(":sent", (int64_t)now), P_END) != DB_OK) {
				rc = -1;
				break;
			}
			if (!d[i].tell)
				continue;
			memset(&q, 0, sizeof(q));
			q.id = d[i].id;
			q.title = d[i].title;
			q.queue = d[i].queue;
			q.respond_by = d[i].respond_by;
			eng_mail(&m, &q, d[i].tz);
			m.request = q.id;
			m.to = d[i].email;
			m.lang = strcmp(d[i].lang, "pl") == 0 ? "pl" : "en";
			if (outbox_put(&m) != 0)
				rc = -1;
			else
				(*sent)++;
		}
		if (db_end(rc) != 0)
			rc = -1;
	} while (rc == 0 && n == OVERDUE_BATCH);
	outbox_free(&m);
	free(d);
	return rc;
}

/* notify_prefs_get: engineer account's choices (R15.1), all on by
 * default.  0, or -1 on error. */
int
notify_prefs_get(int64_t account, struct notify_prefs *p)
{
	struct db_cur	*st;
	int		 rc;

	p->new_request = p->reopened = p->reply = p->overdue = 1;
	if ((st = db_query(STMT_NOTIFY_PREFS, P_INT(":account_id", account),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		p->new_request = (int)db_col_int(st, PREFS_NEW);
		p->reopened = (int)db_col_int(st, PREFS_REOPENED);
		p->reply = (int)db_col_int(st, PREFS_REPLY);
		p->overdue = (int)db_col_int(st, PREFS_OVERDUE);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* notify_prefs_set: engineer account's choices saved (R15.1).  0/-1. */
int
notify_prefs_set(int64_t account, const struct notify_prefs *p)
{
	if (db_begin_write() != 0)
		return -1;
	return db_end(db_exec(STMT_NOTIFY_PREFS_SET,
	    P_INT(":account_id", account),
	    P_INT(":new_request", p->new_request != 0),
	    P_INT(":reopened", p->reopened != 0),
	    P_INT(":reply", p->reply != 0),
	    P_INT(":overdue", p->overdue != 0), P_END) == DB_OK ? 0 : -1);
}
