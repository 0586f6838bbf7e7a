/*
 * draft.c: drafts of new support requests (R5.1-R5.6) and the submit
 * that turns one into a request in one transaction (R5.7): the incident
 * debited, the request and its contacts, the ledger row, the mail to
 * the primary contact and the "added" mail to each colleague (R16.2).
 * Every draft is read and written with the account that owns it in the
 * WHERE clause (R7.4).
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>


#include "domain/draft.h"
#include "data/db.h"
#include "domain/account.h"
#include "domain/attach.h"
#include "domain/catalogue.h"
#include "domain/contract.h"
#include "domain/history.h"
#include "domain/notify.h"
#include "domain/outbox.h"
#include "domain/request.h"
#include "domain/sla.h"
#include "lib/arena.h"
#include "lib/config.h"
#include "lib/util.h"

/*
 * The kinds of request: a technical problem, or one of the partners'
 * advisory topics, which draw no incident (R16.5).
 */
const char *const draft_kinds[] = { "technical", "programme", "presales",
    "billing", NULL };

/*
 * draft_advisory: whether a plan of programme prog and eligibility elig
 * can carry an advisory request (R16.5): a partner programme's, current
 * today, whatever its balance and the product (none is drawn).
 */
int
draft_advisory(enum programme prog, enum elig elig)
{
	return (prog == PROG_PARTNER_PACK || prog == PROG_PARTNER_CORE ||
	    prog == PROG_PARTNER_CLOUD) && elig != ELIG_NOT_STARTED &&
	    elig != ELIG_EXPIRED;
}

/*
 * draft_create: a new draft for account a, its routing and primary
 * contact prefilled from the profile (R5.3, R5.4), unless a has
 * Draft.MaxOpen open drafts already (R15.9, M.60: counted by the insert
 * itself, so that openings at once cannot pass it).  *id is set.
 * Returns 0, 1 at the cap, or -1.
 */
int
draft_create(const struct account *a, int64_t *id)
{
	char	 name[2 * NAME_MAX_ + 2];
	int	 rc;

	snprintf(name, sizeof(name), "%s %s", a->first, a->last);
	if (db_begin_write() != 0)	/* counted and written under one lock */
		return -1;
	if (db_exec(STMT_DRAFT_INSERT, P_INT(":account_id", a->id),
	    P_TEXT(":country", a->country), P_TEXT(":timezone", a->tz),
	    P_TEXT(":pc_name", name),
	    P_TEXT(":pc_email",
	    *a->contact_email ? a->contact_email : a->email),
	    P_TEXT(":pc_phone", a->phone),
	    P_TEXT(":pc_method", *a->method ? a->method : "email"),
	    P_INT(":now", (int64_t)time(NULL)),
	    P_INT(":cap", cfg.draft_max_open), P_END) != DB_OK)
		rc = -1;
	else if (db_changes() != 1)
		rc = 1;
	else {
		*id = db_last_id();
		rc = 0;
	}
	return db_end(rc);
}

/*
 * draft_load: draft id of account into d.  1 when found, 0 when there
 * is no such draft of this account (whoever else's it is), -1 on error.
 */
int
draft_load(int64_t id, int64_t account, struct draft *d)
{
	struct db_cur	*st;
	int		 rc;

	memset(d, 0, sizeof(*d));
	d->title = d->description = "";
	if ((st = db_query(STMT_DRAFT_BY_ID, P_INT(":id", id),
	    P_INT(":account_id", account), P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		d->id = db_col_int(st, DRAFT_ID);
		d->done = (int)db_col_int(st, DRAFT_DONE);
		d->product = db_col_int(st, DRAFT_PRODUCT);
		d->version = db_col_int(st, DRAFT_VERSION);
		d->category = db_col_int(st, DRAFT_CATEGORY);
		d->problem = db_col_int(st, DRAFT_PROBLEM);
		d->title = arena_strdup(db_col_text(st, DRAFT_TITLE));
		d->description = arena_strdup(db_col_text(st,
		    DRAFT_DESCRIPTION));
		d->contract = db_col_int(st, DRAFT_CONTRACT);
		db_col_copy(st, DRAFT_SEVERITY, d->severity, sizeof(d->severity));
		d->allday = (int)db_col_int(st, DRAFT_ALLDAY);
		db_col_copy(st, DRAFT_COUNTRY, d->country, sizeof(d->country));
		db_col_copy(st, DRAFT_TIMEZONE, d->tz, sizeof(d->tz));
		db_col_copy(st, DRAFT_PC_NAME, d->pc_name, sizeof(d->pc_name));
		db_col_copy(st, DRAFT_PC_EMAIL, d->pc_email, sizeof(d->pc_email));
		db_col_copy(st, DRAFT_PC_PHONE, d->pc_phone, sizeof(d->pc_phone));
		db_col_copy(st, DRAFT_PC_METHOD, d->pc_method, sizeof(d->pc_method));
		db_col_copy(st, DRAFT_SECONDARY, d->secondary, sizeof(d->secondary));
		d->add_me = (int)db_col_int(st, DRAFT_ADD_ME);
		d->request = db_col_int(st, DRAFT_REQUEST);
		d->updated = db_col_int(st, DRAFT_UPDATED);
		db_col_copy(st, DRAFT_KIND, d->kind, sizeof(d->kind));
	}
	db_done(st);
	return rc;
}

/*
 * draft_save: write d back (an unsubmitted draft of account only).
 * Returns 0, 1 when there is no such unsubmitted draft, -1 on error.
 */
int
draft_save(int64_t account, const struct draft *d)
{
	if (db_exec(STMT_DRAFT_UPDATE, P_INT(":id", d->id),
	    P_INT(":account_id", account), P_INT(":done", d->done),
	    P_REF(":product_id", d->product), P_REF(":version_id", d->version),
	    P_REF(":category_id", d->category),
	    P_REF(":problem_id", d->problem), P_TEXT(":title", d->title),
	    P_TEXT(":description", d->description),
	    P_REF(":contract_id", d->contract),
	    P_TEXT(":severity", d->severity), P_INT(":allday", d->allday),
	    P_TEXT(":country", d->country), P_TEXT(":timezone", d->tz),
	    P_TEXT(":pc_name", d->pc_name), P_TEXT(":pc_email", d->pc_email),
	    P_TEXT(":pc_phone", d->pc_phone),
	    P_TEXT(":pc_method", d->pc_method),
	    P_TEXT(":secondary", d->secondary), P_INT(":add_me", d->add_me),
	    P_INT(":updated", (int64_t)time(NULL)),
	    P_TEXT(":kind", *d->kind ? d->kind : "technical"), P_END) !=
	    DB_OK)
		return -1;
	return db_changes() == 1 ? 0 : 1;
}

/*
 * draft_update: draft d of account saved with the files of its step, in
 * one transaction (R5.5, R11.9): each file is kept while the draft stays
 * within FILES_PER_DRAFT files and the configured upload size together
 * (cfg.max_upload), and the account's open drafts within Draft.MaxBytes
 * together (R15.9, M.60), counted inside the transaction so that two
 * uploads at once cannot pass them; kept[i] says whether files[i] was:
 * 1, or 0 for the draft's limits, -1 for the account's (if not kept, it
 * is left where it waits).  done is the step d finishes when every file
 * was kept (0: none).  The caller checked each file's type.
 * Returns 0 or -1.
 */
int
draft_update(int64_t account, struct draft *d, struct attach_in *files,
    int nfiles, int *kept, int done)
{
	int64_t	 count, bytes, all;
	int	 i, rc;

	if (db_begin_write() != 0)
		return -1;
	rc = draft_file_totals(d->id, &count, &bytes);
	all = rc == 0 ? db_int(STMT_ATTACH_BYTES_OPEN_DRAFTS, -1,
	    P_INT(":account_id", account), P_END) : 0;
	if (all < 0)
		rc = -1;
	for (i = 0; i < nfiles && rc == 0; i++) {
		kept[i] = count + 1 <= FILES_PER_DRAFT &&
		    bytes + files[i].size <= (int64_t)cfg.max_upload;
		if (kept[i] && all + files[i].size > cfg.draft_max_bytes)
			kept[i] = -1;
		if (kept[i] != 1)
			continue;
		rc = attach_add(d->id, account, &files[i]);
		count++;
		bytes += files[i].size;
		all += files[i].size;
	}
	for (i = 0; i < nfiles; i++)
		if (kept[i] != 1)
			done = 0;
	if (done > d->done)
		d->done = done;
	if (rc == 0)
		rc = draft_save(account, d);
	if ((rc = db_end(rc)) < 0)
		attach_undo(files, nfiles);	/* no file without its row */
	return rc;
}

/*
 * draft_discard: delete an unsubmitted draft of account with its
 * attachments; their files are removed after the commit.  Returns 0, 1
 * when there is no such draft, -1 on error.
 */
int
draft_discard(int64_t id, int64_t account)
{
	struct db_cur	*st;
	char		 names[64][40], path[1200];
	int		 n = 0, i, rc;

	if (db_begin_write() != 0)
		return -1;
	if ((st = db_query(STMT_ATTACH_STORED_OF_DRAFT, P_INT(":draft_id", id),
	    P_END)) == NULL) {
		db_rollback();
		return -1;
	}
	while (n < 64 && db_row(st) == 1)
		db_col_copy(st, 0, names[n++], sizeof(names[0]));
	db_done(st);
	if (db_exec(STMT_DRAFT_DELETE, P_INT(":id", id),
	    P_INT(":account_id", account), P_END) != DB_OK) {
		db_rollback();
		return -1;
	}
	rc = db_changes() == 1 ? 0 : 1;
	if (rc != 0) {
		db_rollback();
		return rc;
	}
	if (db_commit() != 0)
		return -1;
	for (i = 0; i < n; i++) {
		attach_path(path, sizeof(path), names[i]);
		unlink(path);
	}
	return 0;
}

#define EXPIRE_BATCH	100	/* drafts expired a transaction */

/*
 * draft_expire: the open drafts untouched since before are deleted with
 * their files (R15.9), EXPIRE_BATCH a transaction, each batch's files
 * in one query and its drafts in one statement; *n counts them.  The
 * files are removed inside the transaction that deletes their rows,
 * before the commit: a run stopped between the two leaves a row without
 * its file, which the next run deletes with its draft, and never a file
 * without its row (supportalctl check).  0 or -1.
 */
int
draft_expire(time_t before, int *n)
{
	struct db_cur	*st;
	char		 path[1200];
	int		 k, rc;

	*n = 0;
	do {
		if (db_begin_write() != 0)
			return -1;
		rc = 0;
		k = 0;
		if ((st = db_query(STMT_ATTACH_STORED_EXPIRED,
		    P_INT(":before", (int64_t)before),
		    P_INT(":limit", EXPIRE_BATCH), P_END)) == NULL)
			rc = -1;
		while (rc == 0 && db_row(st) == 1) {
			attach_path(path, sizeof(path), db_col_text(st, 0));
			if (unlink(path) != 0 && errno != ENOENT)
				rc = -1;
		}
		db_done(st);
		if (rc == 0 && db_exec(STMT_DRAFTS_EXPIRE,
		    P_INT(":before", (int64_t)before),
		    P_INT(":limit", EXPIRE_BATCH), P_END) != DB_OK)
			rc = -1;
		else if (rc == 0) {
			k = db_changes();
			*n += k;
		}
		if (db_end(rc) != 0)
			return -1;
	} while (k == EXPIRE_BATCH);
	return 0;
}

/* draft_list: the newest max unsubmitted drafts of account. */
int
draft_list(int64_t account, int max,
    int (*fn)(void *, const struct draft_row *), void *arg)
{
	struct db_cur		*st;
	struct draft_row	 d;
	int			 rc;

	if ((st = db_query(STMT_DRAFTS_OF_ACCOUNT,
	    P_INT(":account_id", account), P_INT(":limit", max), P_END)) ==
	    NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		d.id = db_col_int(st, DRAFTS_ID);
		d.title = db_col_text(st, DRAFTS_TITLE);
		d.product = db_col_text(st, DRAFTS_PRODUCT);
		d.done = (int)db_col_int(st, DRAFTS_DONE);
		d.updated = db_col_int(st, DRAFTS_UPDATED);
		if (fn(arg, &d) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * secondary_parse: the emails of text (separated by blanks, commas,
 * semicolons or new lines), normalised, without repeats, into out (at
 * most max).  Returns how many, or -1 when one is not an email address
 * or there are more than max.
 */
int
secondary_parse(const char *text, char out[][EMAIL_MAX + 1], int max)
{
	char	 one[EMAIL_MAX + 2];
	int	 n = 0, i;

	while (*text != '\0') {
		size_t	 len;

		text += strspn(text, " \t\r\n,;");
		len = strcspn(text, " \t\r\n,;");
		if (len == 0)
			break;
		if (len > EMAIL_MAX)
			return -1;
		memcpy(one, text, len);
		one[len] = '\0';
		text += len;
		email_normalise(one, sizeof(one), one);
		if (!email_valid(one))
			return -1;
		for (i = 0; i < n; i++)
			if (strcmp(out[i], one) == 0)
				break;
		if (i < n)
			continue;
		if (n == max)
			return -1;
		strlcpy_(out[n++], one, EMAIL_MAX + 1);
	}
	return n;
}

struct one_plan {
	enum elig	 elig;
	enum programme	 prog;
	int		 found;
};

static int
one_plan(void *arg, const struct plan_row *p)
{
	struct one_plan	*o = arg;

	o->found = 1;
	o->elig = p->elig;
	o->prog = p->prog;
	return 0;
}

/*
 * submit_mail: the mail of R5.7 to the primary contact only, in their
 * language, inside the submit's transaction.
 */
static int
submit_mail(const struct account *a, const struct draft *d, int64_t id,
    time_t respond_by, const struct cat_names *n)
{
	struct outbox_mail	 m = { d->pc_email, NULL, "submitted", id,
	    { 0 } };
	char			 when[64];
	int			 rc;

	m.lang = outbox_lang(d->pc_email, a->lang);
	time_local(when, sizeof(when), respond_by, d->tz);
	outbox_set_int(&m, "Request.Id", id);
	outbox_set(&m, "Request.Title", d->title);
	outbox_set(&m, "Request.Product", n->product);
	outbox_set(&m, "Request.Version", n->version);
	outbox_set(&m, "Request.Severity", d->severity);
	outbox_set(&m, "Request.RespondBy", when);
	outbox_set(&m, "Request.Description", d->description);
	outbox_set(&m, "To.Name", d->pc_name);
	rc = outbox_put(&m);
	outbox_free(&m);
	return rc;
}

/*
 * request_submit: step 6 (R5.7).  In one transaction: the draft of a
 * (complete, not yet submitted), its plan still usable (on the account,
 * valid, for this version: D.20), the request with its contacts, one
 * incident debited (never below zero), the ledger row (neither for an
 * advisory request, whose plan must be a current partner's: R16.5), the
 * draft's attachments moved to the request, the mail to the primary
 * contact and to each colleague of step 4 (R16.2), the mail to each
 * engineer of its queue (R15.1), and the draft marked submitted.  Any
 * failure changes nothing.
 * *id is the request's (also for SUBMIT_ALREADY); *why the plan's
 * reason for SUBMIT_PLAN.
 */
enum submit
request_submit(const struct account *a, int64_t draft, time_t now,
    int64_t *id, enum elig *why)
{
	struct draft		 d;
	struct cat_names	 n;
	struct one_plan		 p = { ELIG_AVAILABLE, PROG_SA, 0 };
	struct notify_req	 q;
	char			 today[11], queue[64];
	char			 who[2 * NAME_MAX_ + 2];
	char			 sec[SECONDARY_MAX + 1][EMAIL_MAX + 1];
	time_t			 respond_by;
	int			 nsec, ntyped, advisory, i, rc;
	enum submit		 res = SUBMIT_FAIL;

	*id = 0;
	*why = ELIG_AVAILABLE;
	today_utc(today, now);
	if (db_begin_write() != 0)
		return SUBMIT_FAIL;
	if ((rc = draft_load(draft, a->id, &d)) != 1) {
		res = rc == 0 ? SUBMIT_INCOMPLETE : SUBMIT_FAIL;
		goto fail;
	}
	if (d.request != 0) {
		*id = d.request;
		res = SUBMIT_ALREADY;
		goto fail;
	}
	nsec = secondary_parse(d.secondary, sec, SECONDARY_MAX);
	advisory = strcmp(d.kind, "technical") != 0;
	if (d.done < 4 || d.contract == 0 || nsec < 0 ||
	    *d.severity == '\0' || catalogue_names(d.product, d.version,
	    d.category, d.problem, a->lang, &n) != 1 || !n.version_ok ||
	    !n.category_ok || !n.problem_ok) {
		res = SUBMIT_INCOMPLETE;
		goto fail;
	}
	if (contract_plans(a->id, d.version, d.contract, today, one_plan,
	    &p) != 0)
		goto fail;
	if (advisory && (!p.found || !draft_advisory(p.prog, p.elig))) {
		res = SUBMIT_ADVISORY;
		goto fail;
	}
	if (advisory)
		d.allday = 0;	/* the advisory queue keeps business hours */
	else if (!p.found || p.elig != ELIG_AVAILABLE) {
		*why = p.found ? p.elig : ELIG_EXPIRED;
		res = p.found && p.elig == ELIG_NO_INCIDENTS ?
		    SUBMIT_NO_INCIDENTS : SUBMIT_PLAN;
		goto fail;
	}
	if ((respond_by = sla_due(d.severity, d.allday, d.country, d.tz,
	    now)) < 0)
		goto fail;
	if (advisory)
		snprintf(queue, sizeof(queue), "%s/advisory",
		    sla_region(d.country));
	else
		snprintf(queue, sizeof(queue), "%s/%s%s",
		    sla_region(d.country), d.severity, d.allday ? "/24x7" : "");
	rc = db_exec(STMT_REQUEST_INSERT, P_INT(":draft_id", d.id),
	    P_INT(":submitter_id", a->id), P_INT(":product_id", d.product),
	    P_INT(":version_id", d.version), P_INT(":category_id", d.category),
	    P_INT(":problem_id", d.problem), P_TEXT(":title", d.title),
	    P_TEXT(":description", d.description),
	    P_INT(":contract_id", d.contract), P_TEXT(":severity", d.severity),
	    P_INT(":allday", d.allday), P_TEXT(":country", d.country),
	    P_TEXT(":timezone", d.tz), P_TEXT(":queue", queue),
	    P_INT(":respond_by", (int64_t)respond_by),
	    P_INT(":now", (int64_t)now), P_TEXT(":kind", d.kind), P_END);
	if (rc == DB_CONSTRAINT) {		/* submitted meanwhile */
		res = SUBMIT_ALREADY;
		goto fail;
	}
	if (rc != DB_OK)
		goto fail;
	*id = db_last_id();
	if (history_add(*id, a->id, HIST_SUBMITTED, "") != 0)	/* R15.7 */
		goto fail;
	if (!advisory && (rc = contract_debit(d.contract, a->id, *id,
	    d.title, today)) != 0) {
		res = rc == 1 ? SUBMIT_NO_INCIDENTS : SUBMIT_FAIL;
		*why = ELIG_NO_INCIDENTS;
		goto fail;
	}
	if (!advisory && history_add(*id, a->id, HIST_DEBITED, "") != 0)
		goto fail;
	if (db_exec(STMT_REQUEST_CONTACT_ADD, P_INT(":request_id", *id),
	    P_TEXT(":email", d.pc_email), P_TEXT(":role", "primary"),
	    P_TEXT(":name", d.pc_name), P_TEXT(":phone", d.pc_phone),
	    P_TEXT(":method", d.pc_method), P_INT(":added_by", a->id),
	    P_INT(":created", (int64_t)now), P_END) != DB_OK ||
	    history_add(*id, a->id, HIST_CONTACT_ADDED, d.pc_email) != 0)
		goto fail;
	/* the colleagues typed in step 4 are told as those added later are
	 * (R16.2); the submitter, added to keep access, is not */
	ntyped = nsec;
	if (d.add_me && strcmp(d.pc_email, a->email) != 0)
		strlcpy_(sec[nsec++], a->email, EMAIL_MAX + 1);
	for (i = 0; i < nsec; i++) {
		if (db_exec(STMT_REQUEST_CONTACT_ADD, P_INT(":request_id", *id),
		    P_TEXT(":email", sec[i]), P_TEXT(":role", "secondary"),
		    P_TEXT(":name", ""), P_TEXT(":phone", ""),
		    P_TEXT(":method", "email"), P_INT(":added_by", a->id),
		    P_INT(":created", (int64_t)now), P_END) != DB_OK)
			goto fail;
		if (db_changes() != 1)	/* named twice */
			continue;
		if (history_add(*id, a->id, HIST_CONTACT_ADDED, sec[i]) != 0)
			goto fail;
		if (i < ntyped &&
		    strcmp(sec[i], a->email) != 0 &&
		    request_mail_one(*id, d.title, a, "added", sec[i]) != 0)
			goto fail;
	}
	/* R15.1: told to the engineers of its region */
	snprintf(who, sizeof(who), "%s %s", a->first, a->last);
	memset(&q, 0, sizeof(q));
	q.id = *id;
	q.title = d.title;
	q.queue = queue;
	q.severity = d.severity;
	q.respond_by = respond_by;
	q.who = who;
	if (db_exec(STMT_ATTACH_TO_REQUEST, P_INT(":draft_id", d.id),
	    P_INT(":request_id", *id), P_END) != DB_OK ||
	    history_files(*id, a->id) != 0 ||
	    submit_mail(a, &d, *id, respond_by, &n) != 0 ||
	    notify_queue(&q, "new") != 0 ||
	    db_exec(STMT_DRAFT_SUBMITTED, P_INT(":id", d.id),
	    P_INT(":request_id", *id), P_INT(":updated", (int64_t)now),
	    P_END) != DB_OK || db_changes() != 1)
		goto fail;
	if (db_commit() != 0)
		return SUBMIT_FAIL;
	return SUBMIT_OK;
fail:
	if (res != SUBMIT_ALREADY)
		*id = 0;
	db_rollback();
	return res;
}

/*
 * request_confirmation: the request made from draft of a, for the
 * confirmation page.  1 when the draft is a's and submitted, 0 if not,
 * -1 on error.
 */
int
request_confirmation(int64_t draft, const struct account *a,
    struct confirm *c)
{
	struct db_cur	*st;
	int		 rc;

	memset(c, 0, sizeof(*c));
	c->title = "";
	if ((st = db_query(STMT_REQUEST_CONFIRM, P_INT(":id", draft),
	    P_INT(":account_id", a->id), P_TEXT(":email", a->email), P_END)) ==
	    NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		c->id = db_col_int(st, CONFIRM_ID);
		c->title = arena_strdup(db_col_text(st, CONFIRM_TITLE));
		c->respond_by = db_col_int(st, CONFIRM_RESPOND_BY);
		db_col_copy(st, CONFIRM_TIMEZONE, c->tz, sizeof(c->tz));
		db_col_copy(st, CONFIRM_QUEUE, c->queue, sizeof(c->queue));
		db_col_copy(st, CONFIRM_PRIMARY, c->primary, sizeof(c->primary));
		c->is_contact = (int)db_col_int(st, CONFIRM_IS_CONTACT);
		db_col_copy(st, CONFIRM_KIND, c->kind, sizeof(c->kind));
	}
	db_done(st);
	return rc;
}
