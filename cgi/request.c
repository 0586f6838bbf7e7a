/*
 * request.c: drafts of new support requests (R5.1-R5.6) and the submit
 * that turns one into a request in one transaction (R5.7): the incident
 * debited, the request and its contacts, the ledger row and the mail to
 * the primary contact.  Every draft is read and written with the
 * account that owns it in the WHERE clause (R7.4).
 */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "supportal.h"

/*
 * draft_create: a new draft for account a, its routing and primary
 * contact prefilled from the profile (R5.3, R5.4).  *id is set.
 * Returns 0 or -1.
 */
int
draft_create(const struct account *a, int64_t *id)
{
	char	 name[2 * NAME_MAX_ + 2];

	snprintf(name, sizeof(name), "%s %s", a->first, a->last);
	if (db_exec(STMT_DRAFT_INSERT, "ITTTTTTI", a->id, a->country, a->tz,
	    name, *a->contact_email ? a->contact_email : a->email, a->phone,
	    *a->method ? a->method : "email", (int64_t)time(NULL)) !=
	    SQLITE_OK)
		return -1;
	*id = db_last_id();
	return 0;
}

/*
 * draft_load: draft id of account into d.  1 when found, 0 when there
 * is no such draft of this account (whoever else's it is), -1 on error.
 */
int
draft_load(int64_t id, int64_t account, struct draft *d)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(d, 0, sizeof(*d));
	if ((st = db_query(STMT_DRAFT_BY_ID, "II", id, account)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		d->id = db_col_int(st, 0);
		d->done = (int)db_col_int(st, 1);
		d->product = db_col_int(st, 2);
		d->version = db_col_int(st, 3);
		d->category = db_col_int(st, 4);
		d->problem = db_col_int(st, 5);
		db_col_copy(st, 6, d->title, sizeof(d->title));
		db_col_copy(st, 7, d->description, sizeof(d->description));
		d->contract = db_col_int(st, 8);
		db_col_copy(st, 9, d->severity, sizeof(d->severity));
		d->allday = (int)db_col_int(st, 10);
		db_col_copy(st, 11, d->country, sizeof(d->country));
		db_col_copy(st, 12, d->tz, sizeof(d->tz));
		db_col_copy(st, 13, d->pc_name, sizeof(d->pc_name));
		db_col_copy(st, 14, d->pc_email, sizeof(d->pc_email));
		db_col_copy(st, 15, d->pc_phone, sizeof(d->pc_phone));
		db_col_copy(st, 16, d->pc_method, sizeof(d->pc_method));
		db_col_copy(st, 17, d->secondary, sizeof(d->secondary));
		d->add_me = (int)db_col_int(st, 18);
		d->request = db_col_int(st, 19);
		d->updated = db_col_int(st, 20);
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
	if (db_exec(STMT_DRAFT_UPDATE, "IIinnnnTTnTiTTTTTTTiI", d->id, account,
	    d->done, d->product, d->version, d->category, d->problem, d->title,
	    d->description, d->contract, d->severity, d->allday, d->country,
	    d->tz, d->pc_name, d->pc_email, d->pc_phone, d->pc_method,
	    d->secondary, d->add_me, (int64_t)time(NULL)) != SQLITE_OK)
		return -1;
	return db_changes() == 1 ? 0 : 1;
}

/* The types of file a request may take (R11.9), shown before upload. */
const char *const attach_types[] = { ".txt", ".log", ".csv", ".xml",
    ".json", ".zip", ".7z", ".gz", ".tgz", ".cab", ".evtx", ".etl", ".dmp",
    ".mdmp", ".trc", ".blg", ".png", ".jpg", ".jpeg", ".pdf", ".html",
    ".htm", ".svg", NULL };

/* attach_acceptable: 1 if a file of this name may be attached. */
int
attach_acceptable(const char *name)
{
	size_t	 n = strlen(name), k;
	int	 i;

	if (!utf8_valid(name, n))
		return 0;
	for (i = 0; attach_types[i] != NULL; i++) {
		k = strlen(attach_types[i]);
		if (n > k && strcasecmp(name + n - k, attach_types[i]) == 0)
			return 1;
	}
	return 0;
}

/*
 * attach_name: the client's file name made safe to show (J.41): control
 * characters and the Unicode bidirectional overrides and isolates
 * (which could show "gpj.exe" as "exe.jpg") become U+FFFD.  out must
 * have room for 3 bytes per byte of name.
 */
static void
attach_name(char *out, size_t sz, const char *name)
{
	const unsigned char	*p = (const unsigned char *)name;
	size_t			 o = 0;

	while (*p != '\0' && o + 4 < sz) {
		int	 bidi = p[0] == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa &&
		    p[2] <= 0xae) || (p[1] == 0x81 && p[2] >= 0xa6 &&
		    p[2] <= 0xa9));

		if (*p < 0x20 || *p == 0x7f || bidi) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			p += bidi ? 3 : 1;
		} else
			out[o++] = (char)*p++;
	}
	out[o] = '\0';
}

/* attach_path: where the file stored as name lives (var/attachments/). */
void
attach_path(char *out, size_t sz, const char *name)
{
	snprintf(out, sz, "%s/attachments/%.64s", cfg.var, name);
}

/*
 * draft_discard: delete an unsubmitted draft of account with its
 * attachments; their files are removed after the commit.  Returns 0, 1
 * when there is no such draft, -1 on error.
 */
int
draft_discard(int64_t id, int64_t account)
{
	sqlite3_stmt	*st;
	char		 names[64][40], path[1200];
	int		 n = 0, i, rc;

	if (db_begin_write() != 0)
		return -1;
	if ((st = db_query(STMT_ATTACH_STORED_OF_DRAFT, "I", id)) == NULL) {
		db_rollback();
		return -1;
	}
	while (n < 64 && db_row(st) == 1)
		db_col_copy(st, 0, names[n++], sizeof(names[0]));
	db_done(st);
	if (db_exec(STMT_DRAFT_DELETE, "II", id, account) != SQLITE_OK) {
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

/* draft_list: the newest max unsubmitted drafts of account. */
int
draft_list(int64_t account, int max,
    int (*fn)(void *, const struct draft_row *), void *arg)
{
	sqlite3_stmt		*st;
	struct draft_row	 d;
	int			 rc;

	if ((st = db_query(STMT_DRAFTS_OF_ACCOUNT, "Ii", account, max)) ==
	    NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		d.id = db_col_int(st, 0);
		d.title = db_col_text(st, 1);
		d.product = db_col_text(st, 2);
		d.done = (int)db_col_int(st, 3);
		d.updated = db_col_int(st, 4);
		if (fn(arg, &d) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* like_word: w with LIKE's wildcards escaped by a backslash. */
static void
like_word(char *out, size_t sz, const char *w)
{
	size_t	 o = 0;

	for (; *w != '\0' && o + 2 < sz; w++) {
		if (*w == '%' || *w == '_' || *w == '\\')
			out[o++] = '\\';
		out[o++] = *w;
	}
	out[o] = '\0';
}

/*
 * request_list: one page of the requests whose contacts include q's
 * email, filtered by status, number or title words, newest first (R7.1,
 * R11.5); *total is the count of all that match.  Returns 0 or -1.
 */
int
request_list(const struct list_query *q,
    int (*fn)(void *, const struct request_row *), void *arg, int *total)
{
	sqlite3_stmt		*st;
	struct request_row	 r;
	char			 w[3][256];
	int			 i, rc, plain, lo, hi;

	/* nothing searched: the list as it comes, from the index (R7.1) */
	plain = q->id == 0 && *q->words[0] == '\0';
	lo = strcmp(q->status, "open") == 0;	/* open BETWEEN lo AND hi */
	hi = strcmp(q->status, "closed") != 0;

	for (i = 0; i < 3 && !plain; i++)
		like_word(w[i], sizeof(w[i]), q->words[i]);
	st = plain ? db_query(STMT_REQUESTS_COUNT_PLAIN, "Tii", q->email, lo,
	    hi) : db_query(STMT_REQUESTS_COUNT, "TTITTT", q->email, q->status,
	    q->id, w[0], w[1], w[2]);
	if (st == NULL)
		return -1;
	*total = db_row(st) == 1 ? (int)db_col_int(st, 0) : 0;
	db_done(st);
	st = plain ? db_query(STMT_REQUESTS_PAGE_PLAIN, "Tiiii", q->email, lo,
	    hi, q->limit, q->offset) : db_query(STMT_REQUESTS_PAGE, "TTITTTii",
	    q->email, q->status, q->id, w[0], w[1], w[2], q->limit, q->offset);
	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		r.id = db_col_int(st, 0);
		r.title = db_col_text(st, 1);
		r.product = db_col_text(st, 2);
		r.severity = db_col_text(st, 3);
		r.status = db_col_text(st, 4);
		r.updated = db_col_int(st, 5);
		r.respond_by = db_col_int(st, 6);
		if (fn(arg, &r) != 0) {
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
	int		 found;
};

static int
one_plan(void *arg, const struct plan_row *p)
{
	struct one_plan	*o = arg;

	o->found = 1;
	o->elig = p->elig;
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
	HDF		*h = NULL;
	const char	*lang = mail_lang(d->pc_email, a->lang);
	char		 when[64], num[32], key[64];
	int		 rc = -1;

	if (hdf_init(&h) != STATUS_OK)
		return -1;
	snprintf(num, sizeof(num), "%lld", (long long)id);
	time_local(when, sizeof(when), respond_by, d->tz);
	snprintf(key, sizeof(key), "Severity.%s", d->severity);
	if (hdf_set_value(h, "Mail.Request.Id", num) == STATUS_OK &&
	    hdf_set_value(h, "Mail.Request.Title", d->title) == STATUS_OK &&
	    hdf_set_value(h, "Mail.Request.Product", n->product) ==
	    STATUS_OK &&
	    hdf_set_value(h, "Mail.Request.Version", n->version) ==
	    STATUS_OK &&
	    hdf_set_value(h, "Mail.Request.Severity", i18n_get(lang, key)) ==
	    STATUS_OK &&
	    hdf_set_value(h, "Mail.Request.RespondBy", when) == STATUS_OK &&
	    hdf_set_value(h, "Mail.Request.Description", d->description) ==
	    STATUS_OK &&
	    hdf_set_value(h, "Mail.To.Name", d->pc_name) == STATUS_OK)
		rc = mail_enqueue(d->pc_email, lang, "submitted", h, id);
	hdf_destroy(&h);
	return rc;
}

/*
 * request_submit: step 6 (R5.7).  In one transaction: the draft of a
 * (complete, not yet submitted), its plan still usable (on the account,
 * valid, for this version: D.20), the request with its contacts, one
 * incident debited (never below zero), the ledger row, the draft's
 * attachments moved to the request, the mail to the primary contact,
 * and the draft marked submitted.  Any failure changes nothing.
 * *id is the request's (also for SUBMIT_ALREADY); *why the plan's
 * reason for SUBMIT_PLAN.
 */
enum submit
request_submit(const struct account *a, int64_t draft, time_t now,
    int64_t *id, enum elig *why)
{
	struct draft		 d;
	struct cat_names	 n;
	struct one_plan		 p = { ELIG_AVAILABLE, 0 };
	char			 today[11], queue[64];
	char			 sec[SECONDARY_MAX + 1][EMAIL_MAX + 1];
	time_t			 respond_by;
	int			 nsec, i, rc;
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
	if (d.done < 4 || d.contract == 0 || nsec < 0 ||
	    catalogue_names(d.product, d.version, d.category, d.problem,
	    a->lang, &n) != 1 || !n.version_ok || !n.category_ok ||
	    !n.problem_ok) {
		res = SUBMIT_INCOMPLETE;
		goto fail;
	}
	if (contract_plans(a->id, d.version, d.contract, today, one_plan,
	    &p) != 0)
		goto fail;
	if (!p.found || p.elig != ELIG_AVAILABLE) {
		*why = p.found ? p.elig : ELIG_EXPIRED;
		res = p.found && p.elig == ELIG_NO_INCIDENTS ?
		    SUBMIT_NO_INCIDENTS : SUBMIT_PLAN;
		goto fail;
	}
	if ((respond_by = sla_due(d.severity, d.allday, d.country, d.tz,
	    now)) < 0)
		goto fail;
	snprintf(queue, sizeof(queue), "%s/%s%s", sla_region(d.country),
	    d.severity, d.allday ? "/24x7" : "");
	rc = db_exec(STMT_REQUEST_INSERT, "IIIIIITTITiTTTII", d.id, a->id,
	    d.product, d.version, d.category, d.problem, d.title,
	    d.description, d.contract, d.severity, d.allday, d.country, d.tz,
	    queue, (int64_t)respond_by, (int64_t)now);
	if (rc == SQLITE_CONSTRAINT) {		/* submitted meanwhile */
		res = SUBMIT_ALREADY;
		goto fail;
	}
	if (rc != SQLITE_OK)
		goto fail;
	*id = db_last_id();
	if ((rc = contract_debit(d.contract, a->id, *id, d.title, today)) !=
	    0) {
		res = rc == 1 ? SUBMIT_NO_INCIDENTS : SUBMIT_FAIL;
		*why = ELIG_NO_INCIDENTS;
		goto fail;
	}
	if (db_exec(STMT_REQUEST_CONTACT_ADD, "ITTTTTII", *id, d.pc_email,
	    "primary", d.pc_name, d.pc_phone, d.pc_method, a->id,
	    (int64_t)now) != SQLITE_OK)
		goto fail;
	if (d.add_me && strcmp(d.pc_email, a->email) != 0)
		strlcpy_(sec[nsec++], a->email, EMAIL_MAX + 1);
	for (i = 0; i < nsec; i++)
		if (db_exec(STMT_REQUEST_CONTACT_ADD, "ITTTTTII", *id, sec[i],
		    "secondary", "", "", "email", a->id, (int64_t)now) !=
		    SQLITE_OK)
			goto fail;
	if (db_exec(STMT_ATTACH_TO_REQUEST, "II", d.id, *id) != SQLITE_OK ||
	    submit_mail(a, &d, *id, respond_by, &n) != 0 ||
	    db_exec(STMT_DRAFT_SUBMITTED, "III", d.id, *id, (int64_t)now) !=
	    SQLITE_OK || db_changes() != 1)
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
	sqlite3_stmt	*st;
	int		 rc;

	memset(c, 0, sizeof(*c));
	if ((st = db_query(STMT_REQUEST_CONFIRM, "IIT", draft, a->id,
	    a->email)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		c->id = db_col_int(st, 0);
		db_col_copy(st, 1, c->title, sizeof(c->title));
		c->respond_by = db_col_int(st, 2);
		db_col_copy(st, 3, c->tz, sizeof(c->tz));
		db_col_copy(st, 4, c->queue, sizeof(c->queue));
		db_col_copy(st, 5, c->primary, sizeof(c->primary));
		c->is_contact = (int)db_col_int(st, 6);
	}
	db_done(st);
	return rc;
}

/*
 * keep_file: keep the uploaded file tmp as an attachment of a draft, or
 * of message msg of request: moved under a generated name into
 * var/attachments/ and recorded with its size and SHA-256, in the
 * caller's transaction.  Returns 0 or -1 (the file is then left where
 * it was).
 */
static int
keep_file(int64_t draft, int64_t request, int64_t msg, int64_t account,
    const char *tmp, const char *name, int64_t size, const char *sha)
{
	char	 stored[33], path[1200], shown[256 * 3 + 1];

	random_hex(stored, 16);
	attach_path(path, sizeof(path), stored);
	attach_name(shown, sizeof(shown), name);
	if (db_exec(STMT_ATTACH_INSERT, "nnnITTITI", draft, request, msg,
	    account, shown, stored, size, sha, (int64_t)time(NULL)) !=
	    SQLITE_OK)
		return -1;
	if (rename(tmp, path) != 0) {
		log_line(NULL, "attachment %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* attach_add: keep_file for draft of account (R11.9). */
int
attach_add(int64_t draft, int64_t account, const char *tmp,
    const char *name, int64_t size, const char *sha)
{
	return keep_file(draft, 0, 0, account, tmp, name, size, sha);
}

/*
 * attach_remove: remove attachment id from draft of account, file and
 * row.  0, 1 when there is no such file on such a draft, -1 on error.
 */
int
attach_remove(int64_t id, int64_t draft, int64_t account)
{
	sqlite3_stmt	*st;
	char		 stored[40] = "", path[1200];
	int		 rc;

	if (db_begin_write() != 0)
		return -1;
	if ((st = db_query(STMT_ATTACH_DELETE_OWN, "III", id, draft,
	    account)) == NULL) {
		db_rollback();
		return -1;
	}
	if ((rc = db_row(st)) == 1)
		db_col_copy(st, 0, stored, sizeof(stored));
	db_done(st);
	if (rc != 1) {
		db_rollback();
		return rc == 0 ? 1 : -1;
	}
	if (db_commit() != 0)
		return -1;
	attach_path(path, sizeof(path), stored);
	unlink(path);
	return 0;
}

/*
 * view_columns: the columns STMT_REQUEST_FOR_CONTACT and _FOR_ENGINEER
 * share (0 to 17) into v.
 */
static void
view_columns(sqlite3_stmt *st, struct request_view *v)
{
	v->id = db_col_int(st, 0);
	db_col_copy(st, 1, v->title, sizeof(v->title));
	db_col_copy(st, 2, v->description, sizeof(v->description));
	db_col_copy(st, 3, v->product, sizeof(v->product));
	db_col_copy(st, 4, v->version, sizeof(v->version));
	db_col_copy(st, 5, v->category, sizeof(v->category));
	db_col_copy(st, 6, v->problem, sizeof(v->problem));
	db_col_copy(st, 7, v->severity, sizeof(v->severity));
	v->allday = (int)db_col_int(st, 8);
	db_col_copy(st, 9, v->status, sizeof(v->status));
	db_col_copy(st, 10, v->queue, sizeof(v->queue));
	db_col_copy(st, 11, v->country, sizeof(v->country));
	db_col_copy(st, 12, v->tz, sizeof(v->tz));
	v->respond_by = db_col_int(st, 13);
	v->created = db_col_int(st, 14);
	v->updated = db_col_int(st, 15);
	v->status_at = db_col_int(st, 16);
	v->paused_left = db_col_int(st, 17);
}

/*
 * view_clear: v empty, up to the description's first byte: the 80 KB
 * behind it are not zeroed on every view of a page, only written as far
 * as a description reaches (db_col_copy ends it).
 */
static void
view_clear(struct request_view *v)
{
	memset(v, 0, offsetof(struct request_view, description) + 1);
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
	sqlite3_stmt	*st;
	int		 rc;

	view_clear(v);
	if ((st = db_query(STMT_REQUEST_FOR_CONTACT, "ITT", id, email,
	    lang)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1)
		view_columns(st, v);
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
	sqlite3_stmt	*st;
	int		 rc;

	view_clear(v);
	if ((st = db_query(STMT_REQUEST_FOR_ENGINEER, "IIT", id, engineer,
	    lang)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		view_columns(st, v);
		v->owner = db_col_int(st, 18);
		db_col_copy(st, 19, v->owner_name, sizeof(v->owner_name));
		v->contract = db_col_int(st, 20);
	}
	db_done(st);
	return rc;
}

/*
 * queue_counts: fn(queue, open requests) for each queue of engineer's
 * regions that has any (R8.1).  0 or -1.
 */
int
queue_counts(int64_t engineer, int (*fn)(void *, const char *, int64_t),
    void *arg)
{
	sqlite3_stmt	*st = db_query(STMT_QUEUE_COUNTS, "I", engineer);
	int		 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		if (fn(arg, db_col_text(st, 0), db_col_int(st, 1)) != 0) {
			rc = -1;
			break;
		}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * queue_list: fn for each open request of engineer's regions, of queue
 * (all when empty) and owner (any when 0), soonest due first, those
 * waiting for their customer last (R8.1, R11.3).  0 or -1.
 */
int
queue_list(int64_t engineer, const char *queue, int64_t owner,
    int (*fn)(void *, const struct queue_row *), void *arg)
{
	sqlite3_stmt		*st;
	struct queue_row	 q;
	int			 rc;

	if ((st = db_query(STMT_QUEUE_PAGE, "ITI", engineer, queue,
	    owner)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		q.id = db_col_int(st, 0);
		q.title = db_col_text(st, 1);
		q.product = db_col_text(st, 2);
		q.severity = db_col_text(st, 3);
		q.status = db_col_text(st, 4);
		q.respond_by = db_col_int(st, 5);
		q.queue = db_col_text(st, 6);
		q.owner_name = db_col_text(st, 7);
		q.owner = db_col_int(st, 8);
		if (fn(arg, &q) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
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
resume(const struct request_view *v, time_t now)
{
	struct sla_cal	 c;
	time_t		 due;

	if (clock_of(v, &c) != 0)
		return -1;
	due = sla_add(&c, now, v->paused_left > 0 ? (long)v->paused_left : 0);
	sla_calendar_free(&c);
	return db_exec(STMT_REQUEST_RESUME, "III", v->id, (int64_t)now,
	    (int64_t)due) == SQLITE_OK ? 0 : -1;
}

/* request_contacts: fn(email, role, name, added by) for each contact. */
int
request_contacts(int64_t id, int (*fn)(void *, const char *, const char *,
    const char *, const char *), void *arg)
{
	sqlite3_stmt	*st = db_query(STMT_CONTACTS_OF_REQUEST, "I", id);
	int		 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		if (fn(arg, db_col_text(st, 0), db_col_text(st, 1),
		    db_col_text(st, 2), db_col_text(st, 3)) != 0) {
			rc = -1;
			break;
		}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* request_messages: the thread of request id, oldest first. */
int
request_messages(int64_t id, int (*fn)(void *, const struct thread_row *),
    void *arg)
{
	sqlite3_stmt		*st = db_query(STMT_MESSAGES_OF_REQUEST, "I", id);
	struct thread_row	 t;
	int			 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		t.id = db_col_int(st, 0);
		t.author = db_col_text(st, 1);
		t.body = db_col_text(st, 2);
		t.created = db_col_int(st, 3);
		t.staff = (int)db_col_int(st, 4);
		if (fn(arg, &t) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* files_of: fn(id, name, size, sha256, message) for each row of st. */
static int
files_of(sqlite3_stmt *st, int (*fn)(void *, int64_t, const char *, int64_t,
    const char *, int64_t), void *arg)
{
	int	 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		if (fn(arg, db_col_int(st, 0), db_col_text(st, 1),
		    db_col_int(st, 2), db_col_text(st, 3),
		    db_col_int(st, 4)) != 0) {
			rc = -1;
			break;
		}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* request_files: fn(id, name, size, sha256, message) for each file. */
int
request_files(int64_t id, int (*fn)(void *, int64_t, const char *, int64_t,
    const char *, int64_t), void *arg)
{
	return files_of(db_query(STMT_ATTACH_OF_REQUEST, "I", id), fn, arg);
}

/* draft_files: the same for the files of a draft (message 0). */
int
draft_files(int64_t draft, int (*fn)(void *, int64_t, const char *,
    int64_t, const char *, int64_t), void *arg)
{
	return files_of(db_query(STMT_ATTACH_OF_DRAFT, "I", draft), fn, arg);
}

/* draft_file_totals: how many files a draft has, and their bytes. */
int
draft_file_totals(int64_t draft, int64_t *count, int64_t *bytes)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_query(STMT_ATTACH_COUNT_DRAFT, "I", draft)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		*count = db_col_int(st, 0);
		*bytes = db_col_int(st, 1);
	}
	db_done(st);
	return rc == 1 ? 0 : -1;
}

/*
 * notify: a mail from template tpl about request id to every contact
 * but the one signed in as except (R9.2, R11.4), each in their
 * language; h holds Mail.* and gets Mail.To.  Caller's transaction.
 */
static int
notify(int64_t id, const char *except, const char *tpl, HDF *h,
    const char *fallback)
{
	sqlite3_stmt	*st;
	char		 to[SECONDARY_MAX + 2][EMAIL_MAX + 1], lang[SECONDARY_MAX + 2][3];
	int		 n = 0, i;

	if ((st = db_query(STMT_OTHER_CONTACTS, "IT", id, except)) == NULL)
		return -1;
	while (n < SECONDARY_MAX + 2 && db_row(st) == 1) {
		db_col_copy(st, 0, to[n], sizeof(to[n]));
		db_col_copy(st, 1, lang[n], sizeof(lang[n]));
		n++;
	}
	db_done(st);
	for (i = 0; i < n; i++)
		if (mail_enqueue(to[i], i18n_valid(lang[i]) ? lang[i] : fallback,
		    tpl, h, id) != 0)
			return -1;
	return 0;
}

static HDF *
mail_data(int64_t id, const char *title, const char *who, const char *body)
{
	HDF	*h = NULL;
	char	 num[32];

	snprintf(num, sizeof(num), "%lld", (long long)id);
	if (hdf_init(&h) != STATUS_OK)
		return NULL;
	if (hdf_set_value(h, "Mail.Request.Id", num) != STATUS_OK ||
	    hdf_set_value(h, "Mail.Request.Title", title) != STATUS_OK ||
	    hdf_set_value(h, "Mail.Who", who) != STATUS_OK ||
	    hdf_set_value(h, "Mail.Body", body) != STATUS_OK) {
		hdf_destroy(&h);
		return NULL;
	}
	return h;
}

/*
 * request_message: a message of a on request v (the caller checked that
 * a may write there: a contact, or an engineer of its queue when
 * engineer), and a mail to each contact but a (R7.2, R9.2), in the
 * caller's transaction.  A customer's reply to a request waiting for
 * the customer sets the clock running again (R11.3).  *msg is its id.
 * Returns 0 or -1.
 */
int
request_message(const struct request_view *v, const struct account *a,
    int engineer, const char *body, int64_t *msg)
{
	char			 who[2 * NAME_MAX_ + 2];
	HDF			*h;
	time_t			 now = time(NULL);
	int			 rc;

	snprintf(who, sizeof(who), "%s %s", a->first, a->last);
	if (db_exec(STMT_MESSAGE_INSERT, "IITTI", v->id, a->id, who, body,
	    (int64_t)now) != SQLITE_OK)
		return -1;
	*msg = db_last_id();
	if (db_exec(STMT_REQUEST_TOUCH, "II", v->id, (int64_t)now) !=
	    SQLITE_OK)
		return -1;
	if (!engineer && strcmp(v->status, "waiting") == 0 &&
	    resume(v, now) != 0)
		return -1;
	if ((h = mail_data(v->id, v->title, who, body)) == NULL)
		return -1;
	rc = notify(v->id, a->email, "message", h, a->lang);
	hdf_destroy(&h);
	return rc;
}

/*
 * request_attach: keep_file for message msg of request id, like
 * attach_add for drafts.  Caller's transaction.
 */
int
request_attach(int64_t id, int64_t msg, int64_t account, const char *tmp,
    const char *name, int64_t size, const char *sha)
{
	return keep_file(0, id, msg, account, tmp, name, size, sha);
}

/*
 * request_set_status: close (reopen 0) or reopen (1) request id for its
 * contact a (R11.6): reopening only a resolved or closed request within
 * 30 days; no incident is taken.  The other contacts are mailed
 * (R11.4).  Returns 0, 1 when the change is not possible, -1 on error.
 */
int
request_set_status(int64_t id, const struct account *a, int reopen,
    time_t now)
{
	struct request_view	 v;
	char			 who[2 * NAME_MAX_ + 2], key[32];
	HDF			*h;
	int			 rc;

	if (request_view(id, a->email, a->lang, &v) != 1)
		return -1;
	if (db_exec(reopen ? STMT_REQUEST_REOPEN : STMT_REQUEST_CLOSE, "II",
	    id, (int64_t)now) != SQLITE_OK)
		return -1;
	if (db_changes() != 1)
		return 1;
	snprintf(who, sizeof(who), "%s %s", a->first, a->last);
	if ((h = mail_data(id, v.title, who, "")) == NULL)
		return -1;
	snprintf(key, sizeof(key), "%s", reopen ? "in_progress" : "closed");
	rc = hdf_set_value(h, "Mail.Status", key) == STATUS_OK ?
	    notify(id, a->email, "status", h, a->lang) : -1;
	hdf_destroy(&h);
	return rc;
}

/*
 * attach_for: the client's name, the stored name and the size of
 * attachment id when a may download it: a contact of its request, or
 * the owner of its draft.  1, 0 (no such file for a: R7.4), -1.
 */
int
attach_for(int64_t id, const struct account *a, char *name, size_t nsz,
    char *stored, size_t ssz, int64_t *size)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_query(STMT_ATTACH_FOR_DOWNLOAD, "ITI", id, a->email,
	    a->id)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		db_col_copy(st, 0, name, nsz);
		db_col_copy(st, 1, stored, ssz);
		*size = db_col_int(st, 2);
	}
	db_done(st);
	return rc;
}

/*
 * request_add_contact: a (a contact, or an engineer of its queue: the
 * caller checked) adds email as a secondary contact of request v
 * (R7.3), who is mailed (R9.2, R11.4) and sees the request once signed
 * in with that email.  Caller's transaction.  Returns 0, 1 when email
 * is a contact already or there are too many, -1 on error.
 */
int
request_add_contact(const struct request_view *v, const struct account *a,
    const char *email)
{
	char			 who[2 * NAME_MAX_ + 2];
	HDF			*h;
	int			 rc;

	if (db_exec(STMT_REQUEST_CONTACT_ADD, "ITTTTTII", v->id, email,
	    "secondary", "", "", "email", a->id, (int64_t)time(NULL)) !=
	    SQLITE_OK)
		return -1;
	if (db_changes() != 1)
		return 1;
	snprintf(who, sizeof(who), "%s %s", a->first, a->last);
	if ((h = mail_data(v->id, v->title, who, "")) == NULL)
		return -1;
	rc = mail_enqueue(email, mail_lang(email, a->lang), "added", h, v->id);
	hdf_destroy(&h);
	return rc;
}

/*
 * request_remove_contact: engineer a, owner of request v, removes the
 * secondary contact email (R7.3, R11.11), who is told by mail and sees
 * the request no more.  Caller's transaction.  Returns 0, 1 when email
 * is no secondary contact of v, -1 on error.
 */
int
request_remove_contact(const struct request_view *v, const struct account *a,
    const char *email)
{
	char	 who[2 * NAME_MAX_ + 2];
	HDF	*h;
	int	 rc;

	if (db_exec(STMT_CONTACT_REMOVE, "IT", v->id, email) != SQLITE_OK)
		return -1;
	if (db_changes() != 1)
		return 1;
	if (db_exec(STMT_REQUEST_TOUCH, "II", v->id, (int64_t)time(NULL)) !=
	    SQLITE_OK)
		return -1;
	snprintf(who, sizeof(who), "%s %s", a->first, a->last);
	if ((h = mail_data(v->id, v->title, who, "")) == NULL)
		return -1;
	rc = mail_enqueue(email, mail_lang(email, a->lang), "removed", h,
	    v->id);
	hdf_destroy(&h);
	return rc;
}

/*
 * request_take: engineer becomes the owner of request v (R8.1).  Caller's
 * transaction.  Returns 0, 1 when the engineer owns it already, -1.
 */
int
request_take(const struct request_view *v, int64_t engineer, time_t now)
{
	if (db_exec(STMT_REQUEST_TAKE, "III", v->id, engineer, (int64_t)now) !=
	    SQLITE_OK)
		return -1;
	return db_changes() == 1 ? 0 : 1;
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
 * Caller's transaction.  Returns 0, 1 when status
 * is not one, or is the request's already; -1 on error.
 */
int
request_engineer_status(const struct request_view *v, const struct account *a,
    const char *status, time_t now)
{
	struct sla_cal	 c;
	char		 who[2 * NAME_MAX_ + 2];
	int64_t		 due = v->respond_by, left;
	HDF		*h;
	int		 rc, was_waiting = strcmp(v->status, "waiting") == 0;

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
	    db_exec(STMT_REQUEST_SET_STATUS, "ITINI", v->id, status,
	    (int64_t)now, due) :
	    db_exec(STMT_REQUEST_SET_STATUS, "ITIII", v->id, status,
	    (int64_t)now, left, due);
	if (rc != SQLITE_OK)
		return -1;
	if (db_changes() != 1)
		return 1;
	/* R11.4: mailed when it becomes the customer's turn, or ends */
	if (strcmp(status, "waiting") != 0 && strcmp(status, "resolved") != 0 &&
	    strcmp(status, "closed") != 0)
		return 0;
	snprintf(who, sizeof(who), "%s %s", a->first, a->last);
	if ((h = mail_data(v->id, v->title, who, "")) == NULL)
		return -1;
	rc = hdf_set_value(h, "Mail.Status", status) == STATUS_OK ?
	    notify(v->id, a->email, "status", h, a->lang) : -1;
	hdf_destroy(&h);
	return rc;
}

/*
 * request_return: engineer a returns the incident request v took to its
 * plan, with reason (R8.2): once per request whatever is clicked, in
 * the customer's ledger (R11.2).  Returns 0, 1 when it was returned
 * already, -1 on error.
 */
int
request_return(const struct request_view *v, const struct account *a,
    const char *reason)
{
	return contract_credit(v->contract, a->id, v->id, reason);
}

/*
 * held_put: hold a reply body typed on path by the browser whose held
 * cookie is token and whose expired session was session, of account
 * (R11.8): one reply a session, the last (R14.11); older ones are
 * forgotten.  0 or -1.
 */
int
held_put(const char *token, int64_t session, int64_t account,
    const char *path, const char *body, time_t now)
{
	char	 hash[65];

	sha256_hex(token, strlen(token), hash);
	if (db_exec(STMT_HELD_PRUNE, "I", (int64_t)(now - 86400)) !=
	    SQLITE_OK)
		return -1;
	return db_exec(STMT_HELD_PUT, "TTTIII", hash, path, body,
	    (int64_t)now, session, account) == SQLITE_OK ? 0 : -1;
}

/*
 * held_get: the reply held for token on path, less than a day old, for
 * account alone: another who signs in on that browser gets nothing.
 * 1, 0, -1.
 */
int
held_get(const char *token, const char *path, int64_t account, char *out,
    size_t sz)
{
	sqlite3_stmt	*st;
	char		 hash[65];
	int		 rc;

	sha256_hex(token, strlen(token), hash);
	if ((st = db_query(STMT_HELD_GET, "TTII", hash, path,
	    (int64_t)(time(NULL) - 86400), account)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1)
		db_col_copy(st, 0, out, sz);
	db_done(st);
	return rc;
}

/* held_drop: forget the reply held for token (it has been sent). */
int
held_drop(const char *token)
{
	char	 hash[65];

	sha256_hex(token, strlen(token), hash);
	return db_exec(STMT_HELD_DELETE, "T", hash) == SQLITE_OK ? 0 : -1;
}
