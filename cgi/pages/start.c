/*
 * start.c: the start page, /healthz (R13.5) and the language switch
 * of every page (R12.1).
 */
#include <string.h>

#include "domain/account.h"
#include "domain/catalogue.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"

struct portals {
	struct req	*r;
	int		 n;		/* portals so far */
	int		 m;		/* products of the current one */
	char		 cur[32];
};

/* add_product: a product under its portal; a new portal starts a group. */
static int
add_product(void *arg, const struct start_row *row)
{
	struct portals	*p = arg;
	struct req	*r = p->r;

	if (p->n == 0 || strcmp(p->cur, row->portal) != 0) {
		strlcpy_(p->cur, row->portal, sizeof(p->cur));
		p->n++;
		p->m = 0;
		view_setf(r, row->portal, "Portals.%d.Code", p->n - 1);
		view_setf(r, row->portal_name, "Portals.%d.Name", p->n - 1);
		view_setf(r, row->url, "Portals.%d.Url", p->n - 1);
	}
	view_setf(r, row->product, "Portals.%d.Products.%d.Name", p->n - 1,
	    p->m);
	view_setf(r, row->kind, "Portals.%d.Products.%d.Kind", p->n - 1,
	    p->m++);
	return 0;
}

/*
 * GET /: the start page: where each kind of product is supported (R4.1),
 * on-premises and hybrid products here, cloud products in their own
 * portals, linked.
 */
void
page_start_get(struct req *r)
{
	struct portals	 p;

	memset(&p, 0, sizeof(p));
	p.r = r;
	view_set(r, "Page.Title", view_str(r, "Start.Title"));
	view_set(r, "Page.Nav", "start");
	if (catalogue_start(add_product, &p) != 0) {
		reply_error(r, 500);
		return;
	}
	reply_render(r, 200, "start.cs");
}

/* GET /healthz: 200 when this worker can read the database (R13.5). */
void
page_healthz_get(struct req *r)
{
	if (accounts_readable())
		reply_text(r, 200, "text/plain; charset=utf-8", "ok\n");
	else
		reply_text(r, 503, "text/plain; charset=utf-8",
		    "database unavailable\n");
}

/*
 * POST /lang: switch the language.  Stored in the profile once it is
 * complete (R12.1), and in a cookie for the pages before that.
 */
void
page_lang_post(struct req *r)
{
	const char	*lang = req_param(&r->form, "lang");
	const char	*next = req_param(&r->form, "next");

	if (lang == NULL || !lang_valid(lang)) {
		reply_error(r, 400);
		return;
	}
	if (r->signed_in && r->user.profile_done) {
		if (account_set_lang(r->user.id, lang) != 0) {
			reply_error(r, 500);
			return;
		}
	}
	reply_cookie(r, "lang", strcmp(lang, "pl") == 0 ? "pl" : "en",
	    365L * 86400);
	reply_redirect(r, next != NULL && path_is_local(next) ? next : "/");
}
