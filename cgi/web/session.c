/*
 * session.c: who is asking.  The session cookie read into the request,
 * the session and its account loaded, and the language chosen; the rows
 * themselves are domain/session.c's.
 */
#include <string.h>

#include "web/session.h"
#include "data/db.h"
#include "domain/account.h"
#include "domain/session.h"
#include "lib/util.h"
#include "text/i18n.h"
#include "web/reply.h"
#include "web/req.h"
/* session_cookie_name: "__Host-sid" over https (B.8), else "sid". */
const char *
session_cookie_name(const struct req *r)
{
	return r->https ? "__Host-sid" : "sid";
}

/* session_cookie: set (or with max_age 0, delete) the session cookie. */
void
session_cookie(struct req *r, const char *value, long max_age)
{
	reply_cookie(r, session_cookie_name(r), value, max_age);
}

/*
 * session_load: who is asking.  A missing, unknown, expired, repeated or
 * malformed cookie all mean signed out (B.12).  Also reads the
 * pre-session token and chooses the language (R12.1).  Returns 0, or -1
 * on a database error.
 */
int
session_load(struct req *r)
{
	const char	*tok, *pre, *lc;
	int		 rc;

	tok = req_cookie_name(r, session_cookie_name(r));
	if (tok != NULL) {
		/* a GET reads its session, its account and its page in one
		 * snapshot (route_dispatch goes on in this transaction) */
		if (r->method == M_GET)
			db_read_begin();
		if ((rc = session_find(tok, r->now, &r->sess)) < 0)
			return -1;
		if (rc == 1) {
			if ((rc = account_load(r->sess.account_id,
			    &r->user)) < 0)
				return -1;
			/* a session waiting for its code signs nobody in;
			 * only the code page reads it (R14.6); nor does one
			 * of an account disabled since (R17.2) */
			r->signed_in = rc == 1 && !r->sess.mfa_pending &&
			    !r->user.disabled;
		}
	}
	pre = req_cookie_name(r, r->https ? "__Host-pre" : "pre");
	if (token_valid(pre))
		strlcpy_(r->pre, pre, sizeof(r->pre));
	if (r->signed_in && r->user.profile_done && lang_valid(r->user.lang))
		r->lang = r->user.lang;
	else if ((lc = req_cookie_name(r, "lang")) != NULL && lang_valid(lc))
		r->lang = strcmp(lc, "pl") == 0 ? "pl" : "en";
	else
		r->lang = i18n_pick(req_env(r, "HTTP_ACCEPT_LANGUAGE"));
	return 0;
}
