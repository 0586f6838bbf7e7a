/*
 * outbox.c: queueing a mail (R9.1) in the transaction of the change that
 * causes it, as data: the template's name, the recipient, a language and
 * the values the template reads under Mail.  mail/mail.c renders queued
 * rows after the transaction (the worker before it answers, supportalctl
 * after each command and before sending), so no template work holds the
 * write lock and the domain needs no templates (R14.4).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domain/outbox.h"
#include "data/db.h"
#include "domain/history.h"
#include "lib/util.h"

static int	 queued;	/* mails queued since outbox_queued() */

/* outbox_set: Mail.<name> = value for m's template. */
void
outbox_set(struct outbox_mail *m, const char *name, const char *value)
{
	vals_add(&m->vals, name, value);
}

void
outbox_set_int(struct outbox_mail *m, const char *name, int64_t v)
{
	char	 s[24];

	vals_add(&m->vals, name, int_str(s, v));
}

/*
 * outbox_put: queue m in the caller's transaction (the same values may
 * go to several recipients: m is kept, freed by outbox_free).  0 or -1.
 */
int
outbox_put(struct outbox_mail *m)
{
	int	 rc;

	rc = db_exec(STMT_OUTBOX_INSERT, P_TEXT(":recipient", m->to),
	    P_REF(":request_id", m->request),
	    P_INT(":now", (int64_t)time(NULL)), P_TEXT(":tpl", m->tpl),
	    P_TEXT(":lang", m->lang != NULL ? m->lang : ""),
	    P_TEXT(":vars", m->vals.p != NULL ? m->vals.p : ""), P_END) ==
	    DB_OK ? 0 : -1;
	if (rc == 0)
		queued++;
	if (rc == 0 && m->request != 0) {	/* R15.7: mails sent */
		char	 what[320];

		snprintf(what, sizeof(what), "%s %s", m->tpl, m->to);
		rc = history_add(m->request, 0, HIST_MAIL, what);
	}
	return rc;
}

void
outbox_free(struct outbox_mail *m)
{
	buf_free(&m->vals);
}

/*
 * outbox_lang: the language of the account that signs in with email, if
 * it has one, else fallback.
 */
const char *
outbox_lang(const char *email, const char *fallback)
{
	struct db_cur	*st = db_query(STMT_ACCOUNT_LANG_BY_EMAIL,
	    P_TEXT(":email", email), P_END);
	const char	*l = fallback;

	if (st != NULL && db_row(st) == 1)
		l = strcmp(db_col_text(st, 0), "pl") == 0 ? "pl" : "en";
	db_done(st);
	return l;
}

/*
 * outbox_queued: how many mails were queued since the last call (the
 * worker renders only after a request that queued one).
 */
int
outbox_queued(void)
{
	int	 n = queued;

	queued = 0;
	return n;
}
