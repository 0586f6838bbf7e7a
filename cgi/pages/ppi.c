/*
 * ppi.c: pay per incident (R6, R11.10): the offers, the saved card
 * (R6.3, changed or removed on the profile page), the purchase with its
 * charge notice and Buy, and the receipt.  Reached from step 2 of a new
 * request ("Need to buy or add more support plans?") and from the
 * contracts page; a purchase for a draft goes back to it with the plan
 * chosen (R6.4).
 *
 * The card number and security code are read from the POST body only,
 * handed to payment.c, and never put in the HDF, a log line or the page
 * shown again after an error; req.c wipes the body and every form value
 * when the request ends (SECURITY.md I.39).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/contract.h"
#include "domain/draft.h"
#include "domain/payment.h"
#include "domain/throttle.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "text/i18n.h"
#include "web/form.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"


static const char *const offers[] = { "one", "five", NULL };

enum { PPI_OFFER, PPI_VERSION, PPI_DRAFT, PPI__MAX };

static const struct field start_fields[PPI__MAX] = {
	[PPI_OFFER] = { "offer", "Ppi.Offer", F_CHOICE, 1, 0, offers },
	[PPI_VERSION] = { "version", "Wizard.Version", F_TEXT, 0, 20, NULL },
	[PPI_DRAFT] = { "draft", NULL, F_TEXT, 0, 20, NULL },
};

/* Buy pressed this long ago and not settled: ask the provider again. */
#define RECONCILE_AGE	120

/* country_name: the name of country code c in r's language. */
static const char *
country_name(struct req *r, const char *c)
{
	const char	*name = i18n_country(r->lang, c);

	return name != NULL ? name : c;
}


/* reconcile: settle this account's purchases a crash left (R11.10). */
static void
reconcile(struct req *r)
{
	struct reconciled	 x;

	if (purchase_reconcile(r->user.id, r->now, RECONCILE_AGE, &x) != 0)
		log_line(r->rid, "reconcile failed account=%lld",
		    (long long)r->user.id);
	else if (x.completed || x.failed)
		log_line(r->rid, "reconciled account=%lld completed=%d "
		    "failed=%d", (long long)r->user.id, x.completed, x.failed);
}

/*
 * ppi_render: the offers page for draft (0: none; its version is the one
 * bought for) with the card form's or the offer form's errors.
 */
static void
ppi_render(struct req *r, int status, int64_t draft, const struct form *fm)
{
	struct draft	 d;
	struct region	 g;
	struct view_list l = { r, "Versions", 0 };
	char		 v[128], back[64];
	int64_t		 paid = 0, open = 0;
	int		 rc;

	view_set(r, "Page.Title", view_str(r, "Ppi.Title"));
	view_set(r, "Page.Nav", "contracts");
	if (draft != 0) {
		if ((rc = draft_load(draft, r->user.id, &d)) < 0)
			goto fail;
		if (rc == 0 || d.request != 0)
			draft = 0;	/* another account's, or submitted */
	}
	snprintf(back, sizeof(back), "/ppi");
	if (draft != 0) {
		snprintf(back, sizeof(back), "/ppi?draft=%lld",
		    (long long)draft);
		view_set_int(r, "Ppi.Draft", draft);
		if (d.version != 0 && ppi_version(d.version, v,
		    sizeof(v)) == 1) {
			view_set_int(r, "Ppi.Version", d.version);
			view_set(r, "Ppi.VersionName", v);
		}
		if (purchase_of_draft(draft, r->user.id, &paid) < 0)
			goto fail;
		if (paid != 0)
			view_set_int(r, "Ppi.Paid", paid);
	}
	view_set(r, "Ppi.Back", back);
	if (purchase_unfinished(r->user.id, r->now, &open) < 0)
		goto fail;
	if (open != 0)		/* R11.10: to be finished, never bought again */
		view_set_int(r, "Ppi.Unfinished", open);
	if (strcmp(r->user.kind, "personal") != 0) {
		view_set(r, "Ppi.Work", "1");		/* R6.1 */
		reply_render(r, status, "ppi.cs");
		return;
	}
	if (fm != NULL)
		form_to_hdf(r, fm);
	view_set(r, "Ppi.Country", country_name(r, r->user.country));
	if ((rc = region_get(r->user.country, &g)) < 0)
		goto fail;
	if (rc == 0) {
		view_set(r, "Ppi.NotSold", "1");
		reply_render(r, status, "ppi.cs");
		return;
	}
	money_format(v, sizeof(v), g.one, g.currency, r->lang);
	view_set(r, "Ppi.One", v);
	if (g.five != 0) {
		money_format(v, sizeof(v), g.five, g.currency, r->lang);
		view_set(r, "Ppi.Five", v);
	}
	if (!hdf_get_value(r->hdf, "Ppi.Version", NULL) &&
	    ppi_versions(view_add_choice, &l) != 0)
		goto fail;
	if (card_view(r) != 0)
		goto fail;
	reply_render(r, status, "ppi.cs");
	return;
fail:
	reply_error(r, 500);
}

/* GET /ppi: the offers (R6.1, R6.2), from a draft or the contracts. */
void
page_ppi_get(struct req *r)
{
	if (req_param(&r->query, "saved") != NULL)
		view_set(r, "Page.CardSaved", "1");
	ppi_render(r, 200, parse_id(req_param(&r->query, "draft")), NULL);
}




/*
 * POST /ppi/card: save the card typed on the offers page (R6.3); back
 * to the offers (of draft, when the form names one), or the offers
 * again with the errors.
 */
void
page_ppi_card_post(struct req *r)
{
	struct form	 fm;
	int64_t		 draft = parse_id(req_param(&r->form, "draft"));
	char		 to[64];

	if (strcmp(r->user.kind, "personal") != 0) {
		ppi_render(r, 409, 0, NULL);	/* R6.1: nothing to save */
		return;
	}
	switch (card_form(r, &fm)) {
	case 0:
		if (draft > 0)
			snprintf(to, sizeof(to), "/ppi?draft=%lld&saved=1",
			    (long long)draft);
		else
			snprintf(to, sizeof(to), "/ppi?saved=1");
		reply_redirect(r, to);
		return;
	case 1:
		ppi_render(r, r->status ? r->status : 422, draft, &fm);
		return;
	default:
		reply_error(r, 500);
	}
}

/*
 * POST /ppi/start: the purchase of the offer chosen, committed with its
 * idempotency key before anything is charged (R11.10, H.37); then its
 * page with the charge notice and Buy.
 */
void
page_ppi_start_post(struct req *r)
{
	struct form	 fm;
	struct draft	 d;
	int64_t		 draft, version, id;
	enum offer	 o;
	char		 to[64], client[80];
	int		 rc;

	form_read(r, &fm, start_fields, PPI__MAX);
	draft = parse_id(form_val(&fm, PPI_DRAFT));
	version = parse_id(form_val(&fm, PPI_VERSION));
	if (draft != 0) {		/* the draft's version, if it has one */
		if ((rc = draft_load(draft, r->user.id, &d)) < 0) {
			reply_error(r, 500);
			return;
		}
		if (rc == 0 || d.request != 0)
			draft = 0;
		else if (d.version != 0 && ppi_version(d.version, NULL, 0) == 1)
			version = d.version;
	}
	if (version == 0)
		form_error(&fm, PPI_VERSION, "Choice");
	if (fm.nerr > 0) {
		ppi_render(r, 422, draft, &fm);
		return;
	}
	reconcile(r);
	o = strcmp(form_val(&fm, PPI_OFFER), "five") == 0 ? OFFER_FIVE :
	    OFFER_ONE;
	throttle_client_key(client, sizeof(client), r->ip);
	switch (purchase_start(&r->user, client, draft, version, o, view_str(r,
	    o == OFFER_FIVE ? "Ppi.PlanFive" : "Ppi.PlanOne"), r->now, &id)) {
	case PST_OK:
		log_line(r->rid, "purchase %lld started account=%lld offer=%s",
		    (long long)id, (long long)r->user.id, offer_code[o]);
		snprintf(to, sizeof(to), "/ppi/%lld", (long long)id);
		reply_redirect(r, to);
		return;
	case PST_WORK:
		ppi_render(r, 409, draft, NULL);
		return;
	case PST_NO_CARD:
		form_error(&fm, PPI_OFFER, "CardFirst");
		break;
	case PST_CARD_EXPIRED:
		form_error(&fm, PPI_OFFER, "CardExpired");
		break;
	case PST_NOT_SOLD:
		form_error(&fm, PPI_OFFER, "NotSold");
		break;
	case PST_NO_FIVE:
		form_error(&fm, PPI_OFFER, "NoFivePack");
		break;
	case PST_VERSION:
		form_error(&fm, PPI_VERSION, "Choice");
		break;
	case PST_LIMIT:
		log_line(r->rid, "purchase throttled account=%lld ip=%s",
		    (long long)r->user.id, r->ip);
		r->log_note = "purchase-throttled";
		form_error(&fm, PPI_OFFER, "PurchaseLimit");
		ppi_render(r, 429, draft, &fm);
		return;
	default:
		reply_error(r, 500);
		return;
	}
	ppi_render(r, 422, draft, &fm);
}

/*
 * purchase_render: the page of purchase p: before Buy, the charge
 * notice (R6.4); after, the receipt naming the account it belongs to
 * (R11.10), or why it failed.
 */
static void
purchase_render(struct req *r, int status, const struct purchase *p)
{
	char	 v[256], aid[CONTRACT_ID_LEN + 1], cid[CONTRACT_ID_LEN + 1];
	char	 id[CONTRACT_ID_LEN + 2], start[11], end[11];

	view_set(r, "Page.Title", view_str(r, p->status == PS_PAID ?
	    "Receipt.Title" : "Purchase.Title"));
	view_set(r, "Page.Nav", "contracts");
	view_set_int(r, "Purchase.Id", p->id);
	view_set(r, "Purchase.Status", pstatus_code[p->status]);
	view_set(r, "Purchase.Plan", p->plan);
	view_set_int(r, "Purchase.Incidents", p->incidents);
	if (ppi_version(p->version, v, sizeof(v)) == 1)
		view_set(r, "Purchase.Version", v);
	money_format(v, sizeof(v), p->amount, p->currency, r->lang);
	view_set(r, "Purchase.Amount", v);
	snprintf(v, sizeof(v), "Brand.%s", p->brand);
	view_set(r, "Purchase.Card", view_str(r, v));
	view_set(r, "Purchase.Last4", p->last4);
	if (p->draft != 0)
		view_set_int(r, "Purchase.Draft", p->draft);
	view_set(r, "Purchase.Decline", p->decline);
	time_local(v, sizeof(v), (time_t)p->updated, r->user.tz);
	view_set(r, "Purchase.When", v);
	if (p->status == PS_PAID) {
		view_set(r, "Purchase.Charge", p->charge);
		view_set(r, "Purchase.Buyer", r->user.email);
		snprintf(v, sizeof(v), "%s %s", r->user.first, r->user.last);
		view_set(r, "Purchase.BuyerName", v);
		if (purchase_plan(p->contract, aid, cid, start, end) != 1) {
			reply_error(r, 500);
			return;
		}
		contract_id_format(id, aid);
		view_set(r, "Purchase.AccessId", id);
		contract_id_format(id, cid);
		view_set(r, "Purchase.ContractId", id);
		view_set(r, "Purchase.Start", start);
		view_set(r, "Purchase.End", end);
	}
	reply_render(r, status, "purchase.cs");
}

/* GET /ppi/:id: the purchase, or its receipt; 404 for another's. */
void
page_ppi_purchase_get(struct req *r)
{
	struct purchase	 p;

	switch (purchase_get(r->id, r->user.id, &p)) {
	case 1:
		purchase_render(r, 200, &p);
		return;
	case 0:
		reply_error(r, 404);
		return;
	default:
		reply_error(r, 500);
	}
}

/*
 * POST /ppi/:id/buy: charge and make the plan (R6.4).  Any number of
 * these for one purchase, at once or one after another, charge once and
 * land on the same receipt (R11.10).
 */
void
page_ppi_buy_post(struct req *r)
{
	struct purchase	 p;
	char		 to[64];
	int		 rc;

	if (strcmp(r->user.kind, "personal") != 0) {
		reply_error(r, 404);
		return;
	}
	reconcile(r);
	rc = purchase_buy(r->id, r->user.id, r->now);
	if (rc == -2) {
		reply_error(r, 404);
		return;
	}
	if (rc < 0 || purchase_get(r->id, r->user.id, &p) != 1) {
		reply_error(r, 500);
		return;
	}
	log_line(r->rid, "purchase %lld %s account=%lld", (long long)p.id,
	    pstatus_code[p.status], (long long)r->user.id);
	r->log_note = "purchase";
	snprintf(to, sizeof(to), "/ppi/%lld", (long long)p.id);
	reply_redirect(r, to);
}
