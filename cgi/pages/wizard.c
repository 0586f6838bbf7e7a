/*
 * wizard.c: the new support request, six steps laid out vertically
 * on one page (R5): 1 the problem, 2 the plan, severity and routing,
 * 3 the primary contact, 4 sharing, 5 verify, 6 submit.  The draft
 * lives on the server; every Next saves the step's fields only, so a
 * reload, the back button, a new sign-in or a second tab loses nothing.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/account.h"
#include "domain/attach.h"
#include "domain/catalogue.h"
#include "domain/contract.h"
#include "domain/draft.h"
#include "domain/sla.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "text/i18n.h"
#include "web/form.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"

static const char *const severities[] = { "critical", "important",
    "moderate", NULL };

/* step 1: the problem */
enum { S1_PRODUCT, S1_VERSION, S1_CATEGORY, S1_PROBLEM, S1_TITLE,
    S1_DESCRIPTION, S1_FILES, S1__MAX };

static const struct field step1_fields[S1__MAX] = {
	[S1_PRODUCT] = { "product", "Wizard.Product", F_TEXT, 1, 20, NULL },
	[S1_VERSION] = { "version", "Wizard.Version", F_TEXT, 1, 20, NULL },
	[S1_CATEGORY] = { "category", "Wizard.Category", F_TEXT, 1, 20,
	    NULL },
	[S1_PROBLEM] = { "problem", "Wizard.Problem", F_TEXT, 1, 20, NULL },
	[S1_TITLE] = { "title", "Wizard.TitleField", F_TEXT, 1, TITLE_MAX,
	    NULL },
	[S1_DESCRIPTION] = { "description", "Wizard.Description", F_PARA, 1,
	    DESC_MAX, NULL },
	/* errors only: the files come as uploads */
	[S1_FILES] = { "files", "Wizard.Files", F_TEXT, 0, 0, NULL },
};

/* step 2: the kind (partners, R16.5), the plan, severity and routing */
enum { S2_KIND, S2_PLAN, S2_SEVERITY, S2_ALLDAY, S2_COUNTRY, S2_TZ,
    S2__MAX };

static const struct field step2_fields[S2__MAX] = {
	[S2_KIND] = { "kind", "Wizard.Kind", F_CHOICE, 0, 0, draft_kinds },
	[S2_PLAN] = { "plan", "Wizard.Plan", F_TEXT, 1, 20, NULL },
	[S2_SEVERITY] = { "severity", "Wizard.Severity", F_CHOICE, 1, 0,
	    severities },
	[S2_ALLDAY] = { "allday", "Wizard.AllDay", F_TEXT, 0, 1, NULL },
	[S2_COUNTRY] = { "country", "Profile.Country", F_COUNTRY, 1, 0,
	    NULL },
	[S2_TZ] = { "tz", "Profile.TimeZone", F_TZ, 1, 0, NULL },
};

/* step 3: the primary contact */
enum { S3_NAME, S3_EMAIL, S3_PHONE, S3_METHOD, S3__MAX };

static const struct field step3_fields[S3__MAX] = {
	[S3_NAME] = { "pc_name", "Wizard.ContactName", F_TEXT, 1,
	    2 * NAME_MAX_ + 1, NULL },
	[S3_EMAIL] = { "pc_email", "Wizard.ContactEmail", F_EMAIL, 1,
	    EMAIL_MAX, NULL },
	[S3_PHONE] = { "pc_phone", "Profile.Phone", F_PHONE, 0, 32, NULL },
	[S3_METHOD] = { "pc_method", "Profile.Method", F_CHOICE, 1, 0,
	    contact_methods },
};

/* step 4: sharing */
enum { S4_SECONDARY, S4_ADD_ME, S4__MAX };

static const struct field step4_fields[S4__MAX] = {
	[S4_SECONDARY] = { "secondary", "Wizard.Secondary", F_PARA, 0, 4000,
	    NULL },
	[S4_ADD_ME] = { "add_me", "Wizard.AddMe", F_TEXT, 0, 1, NULL },
};


static void
set_id(struct req *r, const char *name, int64_t v)
{
	char	 s[32];

	if (v == 0)
		return;
	snprintf(s, sizeof(s), "%lld", (long long)v);
	view_set(r, name, s);
}

static int
add_plan(void *arg, const struct plan_row *p)
{
	struct view_list	*l = arg;
	struct req	*r = l->r;
	char		 v[64];
	int		 i = l->n++;

	snprintf(v, sizeof(v), "%lld", (long long)p->id);
	view_setf(r, v, "Plans.%d.Id", i);
	view_setf(r, p->plan, "Plans.%d.Plan", i);
	snprintf(v, sizeof(v), "Programme.%s", programme_code[p->prog]);
	view_setf(r, view_str(r, v), "Plans.%d.Programme", i);
	view_setf(r, p->end, "Plans.%d.End", i);
	snprintf(v, sizeof(v), "%d", p->left);
	view_setf(r, v, "Plans.%d.Left", i);
	view_setf(r, p->elig == ELIG_AVAILABLE ? "1" : "0",
	    "Plans.%d.Available", i);
	snprintf(v, sizeof(v), "Elig.%s", elig_code[p->elig]);
	view_setf(r, view_str(r, v), "Plans.%d.Reason", i);
	snprintf(v, sizeof(v), "Fix.%s", fix_code[p->fix]);
	view_setf(r, view_str(r, v), "Plans.%d.Fix", i);
	if (p->elig == ELIG_AVAILABLE)
		view_set(r, "Page.HasAvailable", "1");
	else
		view_set(r, "Page.HasUnavailable", "1");
	/* a current partner plan carries advisory requests (R16.5) */
	if (draft_advisory(p->prog, p->elig)) {
		view_setf(r, "1", "Plans.%d.Advisory", i);
		view_set(r, "Page.Partner", "1");
	}
	if (p->elig == ELIG_AVAILABLE || draft_advisory(p->prog, p->elig)) {
		view_setf(r, "1", "Plans.%d.Choosable", i);
		view_set(r, "Page.HasChoosable", "1");
	}
	return 0;
}

static int
add_kb(void *arg, const struct kb_row *k)
{
	struct view_list	*l = arg;
	char		 v[32];

	snprintf(v, sizeof(v), "%lld", (long long)k->id);
	view_setf(l->r, v, "Kb.%d.Id", l->n);
	view_setf(l->r, k->title, "Kb.%d.Title", l->n);
	view_setf(l->r, k->snippet, "Kb.%d.Snippet", l->n++);
	return 0;
}

/* file_row: one attachment of the draft, with its size and SHA-256. */
static int
file_row(void *arg, int64_t id, const char *name, int64_t size,
    const char *sha, int64_t msg)
{
	struct view_list	*l = arg;
	HDF			*row = view_row(l->r, l->tree, l->n++);
	char			 v[24];

	(void)msg;
	view_put(row, "Id", int_str(v, id));
	view_put(row, "Name", name);
	view_put(row, "Size", int_str(v, size));
	view_put(row, "Sha", sha);
	return 0;
}

/* files: the draft's attachments with their size and SHA-256. */
static int
files(struct req *r, int64_t draft)
{
	struct view_list	 l = { r, "Files", 0 };

	return draft_files(draft, file_row, &l);
}

/*
 * wizard_render: the whole page for draft d with step open, the values
 * of fm (when a step was refused) or of the draft.
 */
static void
wizard_render(struct req *r, int status, const struct draft *d, int open,
    const struct form *fm)
{
	struct cat_names	 n;
	struct view_list		 l;
	char			 today[11], text[TITLE_MAX * 4 + 1024];
	char			 sec[SECONDARY_MAX][EMAIL_MAX + 1];
	int			 i, ns, advisory;
	const char		*cname;

	today_utc(today, r->now);
	set_id(r, "Draft.Id", d->id);
	view_set_int(r, "Draft.Done", d->done);
	view_set_int(r, "Page.Step", open);
	view_set(r, "Page.Title", view_str(r, "Wizard.Title"));
	view_set(r, "Page.Nav", "requests");

	/* the draft's values, then those just typed over them */
	set_id(r, "Form.product.Value", d->product);
	set_id(r, "Form.version.Value", d->version);
	set_id(r, "Form.category.Value", d->category);
	set_id(r, "Form.problem.Value", d->problem);
	view_set(r, "Form.title.Value", d->title);
	view_set(r, "Form.description.Value", d->description);
	set_id(r, "Form.plan.Value", d->contract);
	view_set(r, "Form.kind.Value", *d->kind ? d->kind : "technical");
	view_set(r, "Form.severity.Value", d->severity);
	view_set(r, "Form.allday.Value", d->allday ? "1" : "");
	view_set(r, "Form.country.Value", d->country);
	view_set(r, "Form.tz.Value", d->tz);
	view_set(r, "Form.pc_name.Value", d->pc_name);
	view_set(r, "Form.pc_email.Value", d->pc_email);
	view_set(r, "Form.pc_phone.Value", d->pc_phone);
	view_set(r, "Form.pc_method.Value", d->pc_method);
	view_set(r, "Form.secondary.Value", d->secondary);
	view_set(r, "Form.add_me.Value", d->add_me ? "1" : "");
	if (fm != NULL)
		form_to_hdf(r, fm);
	if (strcmp(d->pc_email, r->user.email) != 0)
		view_set(r, "Page.ShowAddMe", "1");

	/* step 1: the catalogue, narrowed by what is chosen */
	l = (struct view_list){ r, "Products", 0 };
	if (catalogue_products(view_add_choice, &l) != 0)
		goto fail;
	if (catalogue_names(d->product, d->version, d->category, d->problem,
	    r->lang, &n) < 0)
		goto fail;
	view_set(r, "Sum.Product", n.product);
	view_set(r, "Sum.Version", n.version);
	view_set(r, "Sum.Category", n.category);
	view_set(r, "Sum.Problem", n.problem);
	l = (struct view_list){ r, "Versions", 0 };
	if (d->product && catalogue_versions(d->product, view_add_choice, &l) != 0)
		goto fail;
	l = (struct view_list){ r, "Categories", 0 };
	if (d->product && catalogue_categories(d->product, r->lang, view_add_choice,
	    &l) != 0)
		goto fail;
	l = (struct view_list){ r, "Problems", 0 };
	if (d->category && n.category_ok && catalogue_problems(d->category,
	    r->lang, view_add_choice, &l) != 0)
		goto fail;
	if (files(r, d->id) != 0)
		goto fail;
	view_upload(r);		/* the limit and types (R16.6) */

	/* self-help from the title and the description (R5.1) */
	snprintf(text, sizeof(text), "%s %.200s", d->title, d->description);
	l = (struct view_list){ r, "Kb", 0 };
	if (catalogue_kb_search(text, r->lang, d->product, add_kb, &l) != 0)
		goto fail;

	/* the plans for this version (R11.1, R5.2) */
	l = (struct view_list){ r, "Plans", 0 };
	if (d->version && n.version_ok && contract_plans(r->user.id,
	    d->version, 0, today, add_plan, &l) != 0)
		goto fail;
	view_set(r, "Page.Personal", strcmp(r->user.kind, "personal") == 0 ?
	    "1" : "");

	/* step 2's routing, step 5's summary; an advisory request goes to
	 * its region's advisory queue (R16.5) */
	advisory = *d->kind && strcmp(d->kind, "technical") != 0;
	if (advisory)
		view_set(r, "Sum.Kind", view_label(r, "ReqKind", d->kind));
	if (*d->severity) {
		view_set(r, "Sum.Severity", view_label(r, "Severity", d->severity));
		if (advisory)
			snprintf(text, sizeof(text), "%s/advisory",
			    sla_region(d->country));
		else
			snprintf(text, sizeof(text), "%s/%s%s",
			    sla_region(d->country), d->severity,
			    d->allday ? "/24x7" : "");
		view_set(r, "Sum.Queue", text);
	}
	if (*d->country && (cname = i18n_country(r->lang, d->country)) != NULL)
		view_set(r, "Sum.Country", cname);
	ns = secondary_parse(d->secondary, sec, SECONDARY_MAX);
	for (i = 0; i < ns; i++)
		view_setf(r, sec[i], "Sum.Secondary.%d", i);
	reply_render(r, status, "wizard.cs");
	return;
fail:
	reply_error(r, 500);
}

/* open_step: the step to show: asked for (Edit) if reachable, else next. */
static int
open_step(const struct draft *d, const char *asked)
{
	int	 s = asked != NULL ? atoi(asked) : 0;
	int	 next = d->done + 1 > 5 ? 5 : d->done + 1;

	return s >= 1 && s <= next ? s : next;
}

/*
 * load: r's draft of the path, or a 404 answered (R7.4: a stranger's
 * draft and a missing one look the same).  A submitted draft goes to
 * its confirmation.  Returns 1 when d is loaded and usable.
 */
static int
load(struct req *r, struct draft *d, int submitted_ok)
{
	char	 to[64];
	int	 rc = draft_load(r->id, r->user.id, d);

	if (rc < 0) {
		reply_error(r, 500);
		return 0;
	}
	if (rc == 0) {
		reply_error(r, 404);
		return 0;
	}
	if (d->request != 0 && !submitted_ok) {
		snprintf(to, sizeof(to), "/drafts/%lld/done", (long long)d->id);
		reply_redirect(r, to);
		return 0;
	}
	return 1;
}

/* GET /drafts/:id */
void
page_wizard_get(struct req *r)
{
	struct draft	 d;

	if (!load(r, &d, 0))
		return;
	if (req_param(&r->query, "saved") != NULL)
		view_set(r, "Page.Saved", "1");
	if (req_param(&r->query, "activated") != NULL)
		view_set(r, "Page.Activated", "1");
	wizard_render(r, 200, &d, open_step(&d, req_param(&r->query, "step")),
	    NULL);
}

static void
to_draft(struct req *r, const struct draft *d, const char *query)
{
	char	 to[128];

	snprintf(to, sizeof(to), "/drafts/%lld%s", (long long)d->id, query);
	reply_redirect(r, to);
}

/*
 * step1: the problem.  Whatever was typed is kept, valid or not ("Show
 * versions" and file uploads save without checking), but only ids that
 * belong to the catalogue and to each other are stored.  Changing the
 * product or the version keeps the title, description and files
 * (R11.1) and asks for the plan again.
 */
static int
step1(struct req *r, struct draft *d, struct form *fm, int next)
{
	struct cat_names	 n;
	int64_t			 p = parse_id(form_val(fm, S1_PRODUCT));
	int64_t			 v = parse_id(form_val(fm, S1_VERSION));
	int64_t			 c = parse_id(form_val(fm, S1_CATEGORY));
	int64_t			 x = parse_id(form_val(fm, S1_PROBLEM));

	/* each id must belong to the one before it: a version of another
	 * product (the product was just changed, or the id forged) is
	 * dropped */
	if (catalogue_names(p, v, c, x, r->lang, &n) != 1 ||
	    strcmp(n.portal, "here") != 0)
		p = v = c = x = 0;
	if (!n.version_ok)
		v = 0;
	if (!n.category_ok)
		c = x = 0;
	if (!n.problem_ok)
		x = 0;
	if (p != d->product || v != d->version) {
		d->done = 0;
		d->contract = 0;
	}
	d->product = p;
	d->version = v;
	d->category = c;
	d->problem = x;
	d->title = form_val(fm, S1_TITLE);	/* the request's own */
	d->description = form_val(fm, S1_DESCRIPTION);
	if (next) {
		if (parse_id(form_val(fm, S1_PRODUCT)) != p || p == 0)
			form_error(fm, S1_PRODUCT, "Choice");
		if (parse_id(form_val(fm, S1_VERSION)) != v || v == 0)
			form_error(fm, S1_VERSION, "Choice");
		if (parse_id(form_val(fm, S1_CATEGORY)) != c || c == 0)
			form_error(fm, S1_CATEGORY, "Choice");
		if (parse_id(form_val(fm, S1_PROBLEM)) != x || x == 0)
			form_error(fm, S1_PROBLEM, "Choice");
	}
	return 0;
}

struct check_plan {
	int64_t	 id;
	int	 advisory;		/* the request is advisory (R16.5) */
	int	 ok;			/* plan id can carry it */
	int	 partner;		/* a current partner plan is there */
};

static int
check_plan(void *arg, const struct plan_row *p)
{
	struct check_plan	*c = arg;
	int			 adv = draft_advisory(p->prog, p->elig);

	if (adv)
		c->partner = 1;
	if (p->id == c->id && (c->advisory ? adv : p->elig == ELIG_AVAILABLE))
		c->ok = 1;
	return 0;
}

/*
 * step2: the kind, the plan (one of the account's, available: D.20),
 * severity and routing.  24/7 goes with critical only (R5.3, R16.1):
 * whatever is posted, the draft never keeps it with another severity.
 * An advisory request (programme, pre-sales, billing: R16.5) needs a
 * current partner plan, draws no incident and keeps business hours.
 */
static int
step2(struct req *r, struct draft *d, struct form *fm)
{
	struct check_plan	 c = { parse_id(form_val(fm, S2_PLAN)), 0, 0,
	    0 };
	const char		*kind = form_val(fm, S2_KIND);
	char			 today[11];

	if (fm->err[S2_KIND] != NULL || *kind == '\0')
		kind = "technical";
	c.advisory = strcmp(kind, "technical") != 0;
	today_utc(today, r->now);
	if (contract_plans(r->user.id, d->version, 0, today, check_plan,
	    &c) != 0)
		return -1;
	/* advisory only with a current partner contract, however forged */
	if (c.advisory && !c.partner) {
		form_error(fm, S2_KIND, "AdvisoryPartner");
		kind = "technical";
		c.advisory = c.ok = 0;
	}
	if (!c.ok)
		form_error(fm, S2_PLAN, c.advisory ? "AdvisoryPlan" :
		    "PlanChoice");
	if (*form_val(fm, S2_ALLDAY) &&
	    strcmp(form_val(fm, S2_SEVERITY), "critical") != 0)
		form_error(fm, S2_ALLDAY, "AllDayCritical");
	else if (*form_val(fm, S2_ALLDAY) && c.advisory)
		form_error(fm, S2_ALLDAY, "AllDayAdvisory");
	strlcpy_(d->kind, kind, sizeof(d->kind));
	d->contract = c.ok ? c.id : 0;
	strlcpy_(d->severity, fm->err[S2_SEVERITY] != NULL ? "" :
	    form_val(fm, S2_SEVERITY), sizeof(d->severity));
	d->allday = *form_val(fm, S2_ALLDAY) != '\0' &&
	    strcmp(d->severity, "critical") == 0 && !c.advisory;
	if (fm->err[S2_COUNTRY] == NULL)
		strlcpy_(d->country, form_val(fm, S2_COUNTRY),
		    sizeof(d->country));
	if (fm->err[S2_TZ] == NULL)
		strlcpy_(d->tz, form_val(fm, S2_TZ), sizeof(d->tz));
	return 0;
}

/* step3: the primary contact (R5.4). */
static void
step3(struct draft *d, struct form *fm)
{
	char	 email[EMAIL_MAX + 1];

	if (strcmp(form_val(fm, S3_METHOD), "phone") == 0 &&
	    *form_val(fm, S3_PHONE) == '\0')
		form_error(fm, S3_PHONE, "PhoneNeeded");
	email_normalise(email, sizeof(email), form_val(fm, S3_EMAIL));
	strlcpy_(d->pc_name, form_val(fm, S3_NAME), sizeof(d->pc_name));
	if (fm->err[S3_EMAIL] == NULL)
		strlcpy_(d->pc_email, email, sizeof(d->pc_email));
	if (fm->err[S3_PHONE] == NULL)
		strlcpy_(d->pc_phone, form_val(fm, S3_PHONE),
		    sizeof(d->pc_phone));
	if (fm->err[S3_METHOD] == NULL)
		strlcpy_(d->pc_method, form_val(fm, S3_METHOD),
		    sizeof(d->pc_method));
}

/* step4: secondary contacts (R5.5, R11.11). */
static void
step4(struct req *r, struct draft *d, struct form *fm)
{
	char	 sec[SECONDARY_MAX][EMAIL_MAX + 1];

	if (secondary_parse(form_val(fm, S4_SECONDARY), sec,
	    SECONDARY_MAX) < 0)
		form_error(fm, S4_SECONDARY, "Secondary");
	strlcpy_(d->secondary, form_val(fm, S4_SECONDARY),
	    sizeof(d->secondary));
	d->add_me = *form_val(fm, S4_ADD_ME) != '\0' ||
	    strcmp(d->pc_email, r->user.email) == 0;
}

/*
 * POST /drafts/:id/step: save one step.  Fields "step" (1-4) and
 * "action": "next" validates and moves on; in step 1, "refresh" (show
 * the versions, categories and problems of what is chosen) and
 * "upload", in step 2 "refresh" (the page comes back with 24/7 once
 * critical is chosen, R16.1), save without validating.  A refused step
 * is shown again with its errors and what was typed (422); what was
 * valid is kept.
 */
void
page_wizard_step_post(struct req *r)
{
	struct draft	 d;
	struct form	 fm;
	const char	*action = req_param(&r->form, "action");
	int		 step = atoi(req_param(&r->form, "step") ?
	    req_param(&r->form, "step") : "0");
	int		 next = action != NULL && strcmp(action, "next") == 0;
	int		 rc = 0, nf = 0, i;
	struct attach_in files[UPLOADS_MAX];
	struct upload	*ups[UPLOADS_MAX];
	int		 kept[UPLOADS_MAX];

	if (!load(r, &d, 0))
		return;
	if (step < 1 || step > 4 || step > d.done + 1) {
		to_draft(r, &d, "");
		return;
	}
	switch (step) {
	case 1:
		form_read(r, &fm, step1_fields, S1__MAX);
		if (!next) {		/* no "Fill in" for a refresh */
			memset(fm.err, 0, sizeof(fm.err));
			fm.nerr = 0;
		}
		rc = step1(r, &d, &fm, next);
		nf = form_files(r, &fm, S1_FILES, files, ups, UPLOADS_MAX);
		break;
	case 2:
		form_read(r, &fm, step2_fields, S2__MAX);
		rc = step2(r, &d, &fm);
		if (!next) {		/* "Update": 24/7 follows (R16.1) */
			memset(fm.err, 0, sizeof(fm.err));
			fm.nerr = 0;
		}
		break;
	case 3:
		form_read(r, &fm, step3_fields, S3__MAX);
		step3(&d, &fm);
		break;
	default:
		form_read(r, &fm, step4_fields, S4__MAX);
		step4(r, &d, &fm);
		break;
	}
	/* the fields and the files within the draft's limits, at once; the
	 * step is done when nothing was wrong (R5.5, R11.9, J.40) */
	if (rc != 0 || draft_update(r->user.id, &d, files, nf, kept,
	    next && fm.nerr == 0 ? step : 0) != 0) {
		reply_error(r, 500);
		return;
	}
	for (i = 0; i < nf; i++)
		if (kept[i] == 1)
			ups[i]->tmp[0] = '\0';
		else	/* the draft's limits, or the account's (R15.9) */
			form_error(&fm, S1_FILES, kept[i] < 0 ? "DraftQuota" :
			    "FileQuota");
	if (fm.nerr > 0) {
		wizard_render(r, 422, &d, step, &fm);
		return;
	}
	if (!next) {
		to_draft(r, &d, step == 2 ? "?step=2&saved=1#step-2" :
		    "?step=1&saved=1#step-1");
		return;
	}
	to_draft(r, &d, "");
}

/* POST /drafts/:id/remove-file: field "file", an attachment of it. */
void
page_wizard_remove_file_post(struct req *r)
{
	struct draft	 d;

	if (!load(r, &d, 0))
		return;
	switch (attach_remove(parse_id(req_param(&r->form, "file")), d.id,
	    r->user.id)) {
	case 0:
		to_draft(r, &d, "?step=1#files");
		return;
	case 1:
		reply_error(r, 404);
		return;
	default:
		reply_error(r, 500);
	}
}

/* POST /drafts/:id/activate: add a contract without leaving (R5.2). */
void
page_wizard_activate_post(struct req *r)
{
	struct draft	 d;
	struct form	 fm;

	if (!load(r, &d, 0))
		return;
	switch (activate_form(r, &fm)) {
	case 0:
		to_draft(r, &d, "?step=2&activated=1#step-2");
		return;
	case 1:
		view_set(r, "Page.ActivateOpen", "1");
		wizard_render(r, r->status ? r->status : 422, &d, 2, &fm);
		return;
	default:
		reply_error(r, 500);
	}
}

/* POST /drafts/:id/discard */
void
page_wizard_discard_post(struct req *r)
{
	switch (draft_discard(r->id, r->user.id)) {
	case 0:
		reply_redirect(r, "/requests?discarded=1");
		return;
	case 1:
		reply_error(r, 404);
		return;
	default:
		reply_error(r, 500);
	}
}

/*
 * POST /drafts/:id/submit (step 6): one transaction (R5.7).  A second
 * submit of the same draft, however it comes, lands on the same
 * confirmation; a plan that cannot be used any more (or was never the
 * account's: D.20) sends the user back to step 2 with the reason, the
 * draft intact and nothing debited.
 */
void
page_wizard_submit_post(struct req *r)
{
	struct draft	 d;
	int64_t		 id;
	enum elig	 why;
	enum submit	 rc;

	if (!load(r, &d, 1))
		return;
	switch ((rc = request_submit(&r->user, d.id, r->now, &id, &why))) {
	case SUBMIT_OK:
		log_line(r->rid, "submit draft=%lld request=%lld account=%lld",
		    (long long)d.id, (long long)id, (long long)r->user.id);
		r->log_note = "submit";
		/* FALLTHROUGH */
	case SUBMIT_ALREADY:
		to_draft(r, &d, "/done");
		return;
	case SUBMIT_INCOMPLETE:
		to_draft(r, &d, "");
		return;
	case SUBMIT_PLAN:
	case SUBMIT_NO_INCIDENTS:
	case SUBMIT_ADVISORY:
		view_set(r, "Page.SubmitRefused", rc == SUBMIT_ADVISORY ?
		    view_str(r, "Err.AdvisoryPartner") :
		    view_label(r, "Elig", elig_code[why]));
		if (load(r, &d, 0))
			wizard_render(r, 409, &d, 2, NULL);
		return;
	default:
		reply_error(r, 500);
	}
}

/* GET /drafts/:id/done: the confirmation (R5.7, R5.8, R11.3). */
void
page_wizard_done_get(struct req *r)
{
	struct confirm	 c;
	char		 when[64], id[32];

	switch (request_confirmation(r->id, &r->user, &c)) {
	case 1:
		break;
	case 0:
		reply_error(r, 404);
		return;
	default:
		reply_error(r, 500);
		return;
	}
	snprintf(id, sizeof(id), "%lld", (long long)c.id);
	view_set(r, "Done.Id", id);
	view_set(r, "Done.Title", c.title);
	time_local(when, sizeof(when), (time_t)c.respond_by,
	    *r->user.tz ? r->user.tz : c.tz);
	view_set(r, "Done.RespondBy", when);
	view_set(r, "Done.Queue", c.queue);
	view_set(r, "Done.Primary", c.primary);
	view_set(r, "Done.IsContact", c.is_contact ? "1" : "");
	if (*c.kind && strcmp(c.kind, "technical") != 0)	/* R16.5 */
		view_set(r, "Done.Kind", view_label(r, "ReqKind", c.kind));
	view_set(r, "Page.Title", view_str(r, "Done.Title"));
	view_set(r, "Page.Nav", "requests");
	reply_render(r, 200, "done.cs");
}

/* kb_view: an article into the page. */
static int
kb_view(void *arg, const char *title, const char *body, const char *product)
{
	struct req	*r = arg;

	view_set(r, "Kb.Title", title);
	view_set(r, "Kb.Body", body);
	view_set(r, "Kb.Product", product);
	view_set(r, "Page.Title", title);
	return 0;
}

/* GET /kb/:id: a self-help article. */
void
page_kb_get(struct req *r)
{
	int	 rc = catalogue_article(r->id, kb_view, r);

	if (rc != 1) {
		reply_error(r, rc == 0 ? 404 : 500);
		return;
	}
	reply_render(r, 200, "kb.cs");
}
