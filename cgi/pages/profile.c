/*
 * profile.c: the one-time profile (R2).  Until it is complete every
 * page with the PROFILE flag sends the user here (R2.1).  First and last
 * name come from the login account and are shown read-only; a crafted
 * POST cannot change them, as they are not fields of this form (R2.2).
 */
#include <string.h>

#include "domain/account.h"
#include "pages/pages.h"
#include "web/form.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"

enum { PF_EMAIL, PF_PHONE, PF_COMPANY, PF_COUNTRY, PF_TZ, PF_LANG,
    PF_METHOD, PF__MAX };

static const struct field profile_fields[PF__MAX] = {
	[PF_EMAIL] = { "contact_email", "Profile.ContactEmail", F_EMAIL, 1,
	    EMAIL_MAX, NULL },
	[PF_PHONE] = { "phone", "Profile.Phone", F_PHONE, 0, 32, NULL },
	[PF_COMPANY] = { "company", "Profile.Company", F_TEXT, 0, NAME_MAX_,
	    NULL },
	[PF_COUNTRY] = { "country", "Profile.Country", F_COUNTRY, 1, 0, NULL },
	[PF_TZ] = { "tz", "Profile.TimeZone", F_TZ, 1, 0, NULL },
	[PF_LANG] = { "lang", "Profile.Language", F_CHOICE, 1, 0, languages },
	[PF_METHOD] = { "method", "Profile.Method", F_CHOICE, 1, 0,
	    contact_methods },
};

/* profile_render: the form with the lists it chooses from. */
static void
profile_render(struct req *r, int status, const struct form *fm)
{
	view_set(r, "Page.Title", view_str(r, "Profile.Title"));
	view_set(r, "Page.Nav", "profile");
	form_to_hdf(r, fm);
	reply_render(r, status, "profile.cs");
}

/* GET /profile: the form, filled from the account or with defaults. */
static void	 profile_show(struct req *, int, const struct form *);

void
page_profile_get(struct req *r)
{
	profile_show(r, 200, NULL);
}

/*
 * profile_show: the profile page from the account's values, with the
 * saved card (R6.3) and, when card is set, the card form's errors.
 */
static void
profile_show(struct req *r, int status, const struct form *card)
{
	struct form	 fm;
	const struct account *a = &r->user;
	const char	*c = req_param(&r->query, "card");

	form_init(&fm, profile_fields, PF__MAX);
	fm.val[PF_EMAIL] = *a->contact_email ? a->contact_email : a->email;
	fm.val[PF_PHONE] = a->phone;
	fm.val[PF_COMPANY] = a->company;
	fm.val[PF_COUNTRY] = a->country;
	fm.val[PF_TZ] = *a->tz ? a->tz : "UTC";
	fm.val[PF_LANG] = a->profile_done ? a->lang : r->lang;
	fm.val[PF_METHOD] = *a->method ? a->method : "email";
	if (req_param(&r->query, "saved") != NULL)
		view_set(r, "Page.Saved", "1");
	if (!a->profile_done)
		view_set(r, "Page.FirstTime", "1");
	if (a->profile_done && strcmp(a->kind, "personal") == 0) {
		view_set(r, "Page.CardSection", "1");
		if (c != NULL && (strcmp(c, "saved") == 0 ||
		    strcmp(c, "removed") == 0))
			view_set(r, "Page.Card", c);
		if (card_view(r) != 0) {
			reply_error(r, 500);
			return;
		}
		if (card != NULL)
			form_to_hdf(r, card);
	}
	profile_render(r, status, &fm);
}

/*
 * POST /profile/card: save the card typed on the profile page (R6.3);
 * back to it, or it again with the errors.
 */
void
page_profile_card_post(struct req *r)
{
	struct form	 fm;

	if (strcmp(r->user.kind, "personal") != 0) {
		reply_error(r, 409);		/* R6.1: nothing to save */
		return;
	}
	switch (card_form(r, &fm)) {
	case 0:
		reply_redirect(r, "/profile?card=saved");
		return;
	case 1:
		profile_show(r, r->status ? r->status : 422, &fm);
		return;
	default:
		reply_error(r, 500);
	}
}

/* POST /profile: validate each field, store, go on to the start page. */
void
page_profile_post(struct req *r)
{
	struct form	 fm;
	struct profile	 p;
	int		 first = !r->user.profile_done;

	form_read(r, &fm, profile_fields, PF__MAX);
	if (strcmp(form_val(&fm, PF_METHOD), "phone") == 0 &&
	    *form_val(&fm, PF_PHONE) == '\0')
		form_error(&fm, PF_PHONE, "PhoneNeeded");
	if (fm.nerr > 0) {
		if (first)
			view_set(r, "Page.FirstTime", "1");
		profile_render(r, 422, &fm);
		return;
	}
	p.contact_email = form_val(&fm, PF_EMAIL);
	p.phone = form_val(&fm, PF_PHONE);
	p.company = form_val(&fm, PF_COMPANY);
	p.country = form_val(&fm, PF_COUNTRY);
	p.tz = form_val(&fm, PF_TZ);
	p.lang = form_val(&fm, PF_LANG);
	p.method = form_val(&fm, PF_METHOD);
	if (account_set_profile(r->user.id, &p) != 0) {
		reply_error(r, 500);
		return;
	}
	reply_cookie(r, "lang", p.lang, 365L * 86400);
	reply_redirect(r, first ? "/" : "/profile?saved=1");
}
