/*
 * card.c: the saved card (R6.3), shown and typed on two pages, the
 * offers (ppi.c) and the profile (profile.c), each with a
 * route of its own for the form; what they share is here, and nothing
 * here reaches back into either.
 */
#include <stdio.h>
#include <string.h>

#include "domain/payment.h"
#include "domain/throttle.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "web/form.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"

/* enum card_field, pages.h: the callers show fm again */
static const struct field card_fields[CF__MAX] = {
	[CF_HOLDER] = { "holder", "Card.Holder", F_TEXT, 1, CARD_HOLDER_MAX,
	    NULL },
	[CF_NUMBER] = { "number", "Card.Number", F_TEXT, 1, 40, NULL },
	[CF_EXPIRY] = { "expiry", "Card.Expiry", F_TEXT, 1, 9, NULL },
	[CF_CVC] = { "cvc", "Card.Cvc", F_TEXT, 1, 4, NULL },
};

/*
 * card_view: the saved card of r's account as Card.* (what is kept:
 * brand, last four, expiry, holder).  0 or -1.
 */
int
card_view(struct req *r)
{
	struct card	 c;
	char		 v[64];
	int		 rc;

	if ((rc = card_get(r->user.id, &c)) < 0)
		return -1;
	if (rc == 0)
		return 0;
	view_set(r, "Card.Brand", c.brand);
	snprintf(v, sizeof(v), "Brand.%s", c.brand);
	view_set(r, "Card.BrandName", view_str(r, v));
	view_set(r, "Card.Last4", c.last4);
	snprintf(v, sizeof(v), "%02d/%d", c.exp_month, c.exp_year);
	view_set(r, "Card.Expires", v);
	view_set(r, "Card.Name", c.holder);
	return 0;
}

/*
 * card_form: read and save the card of r's POST (R6.3) into fm.
 * Returns 0 when saved, 1 when refused (fm says why; r->status is 429
 * when the day's limit of cards refused it, M.62), -1 on error.  The
 * number and the code are dropped from fm, so that a page shown again
 * never holds them (I.39).
 */
int
card_form(struct req *r, struct form *fm)
{
	struct card_in	 c;
	char		 client[80];
	int		 rc;

	form_read(r, fm, card_fields, CF__MAX);
	if (fm->nerr == 0) {
		c.holder = form_val(fm, CF_HOLDER);
		c.number = form_val(fm, CF_NUMBER);
		c.expiry = form_val(fm, CF_EXPIRY);
		c.cvc = form_val(fm, CF_CVC);
		throttle_client_key(client, sizeof(client), r->ip);
		if ((rc = card_save(r->user.id, client, &c, r->now)) < 0) {
			fm->val[CF_NUMBER] = fm->val[CF_CVC] = NULL;
			return -1;
		}
		if (rc & 1 << CARD_NUMBER)
			form_error(fm, CF_NUMBER, "CardNumber");
		if (rc & 1 << CARD_BRAND)
			form_error(fm, CF_NUMBER, "CardBrand");
		if (rc & 1 << CARD_DECLINED)
			form_error(fm, CF_NUMBER, "CardDeclined");
		if (rc & 1 << CARD_EXPIRY)
			form_error(fm, CF_EXPIRY, "CardExpiry");
		if (rc & 1 << CARD_EXPIRED)
			form_error(fm, CF_EXPIRY, "CardExpired");
		if (rc & 1 << CARD_CVC)
			form_error(fm, CF_CVC, "CardCvc");
		if (rc & 1 << CARD_LIMIT) {
			form_error(fm, CF_NUMBER, "CardLimit");
			log_line(r->rid, "card throttled account=%lld ip=%s",
			    (long long)r->user.id, r->ip);
			r->log_note = "card-throttled";
			r->status = 429;
		}
	}
	fm->val[CF_NUMBER] = fm->val[CF_CVC] = NULL;
	if (fm->nerr > 0) {
		log_line(r->rid, "card refused account=%lld",
		    (long long)r->user.id);
		return 1;
	}
	log_line(r->rid, "card saved account=%lld", (long long)r->user.id);
	return 0;
}

/* POST /card/remove: forget the saved card (R6.3). */
void
page_card_remove_post(struct req *r)
{
	if (card_remove(r->user.id) < 0) {
		reply_error(r, 500);
		return;
	}
	log_line(r->rid, "card removed account=%lld", (long long)r->user.id);
	reply_redirect(r, "/profile?card=removed");
}
