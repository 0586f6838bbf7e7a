/*
 * route.c: the dispatcher that enforces the route table's flags before
 * any handler runs (after cgit's cmds[]; the table is pages/routes.c).
 * Every POST is checked for its form token and origin here, in one
 * place: no route can forget it (R1.5, SECURITY.md E.21).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/route.h"
#include "data/db.h"
#include "domain/draft.h"
#include "domain/held.h"
#include "domain/session.h"
#include "lib/config.h"
#include "lib/util.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/session.h"
#include "web/view.h"


/*
 * match: 1 if path matches the route's pattern; for RF_ID the last
 * segment must be 1 to 18 digits, stored in *id.
 */
static int
match(const struct route *rt, const char *path, int64_t *id)
{
	const char	*colon;
	size_t		 pre, n;

	if (!(rt->flags & RF_ID))
		return strcmp(rt->path, path) == 0;
	colon = strstr(rt->path, ":id");
	pre = (size_t)(colon - rt->path);
	if (strncmp(rt->path, path, pre) != 0)
		return 0;
	path += pre;
	n = strspn(path, "0123456789");
	if (n == 0 || n > 18 || strcmp(path + n, colon + 3) != 0 ||
	    (path[0] == '0'))
		return 0;
	*id = strtoll(path, NULL, 10);
	return 1;
}

/*
 * origin_ok: the same-origin checks of a POST beside the token: Fetch
 * Metadata, then Origin, then Referer, each only when the browser sent
 * it (E.21).
 */
static int
origin_ok(struct req *r)
{
	const char	*sfs = req_env(r, "HTTP_SEC_FETCH_SITE");
	const char	*origin = req_env(r, "HTTP_ORIGIN");
	const char	*ref = req_env(r, "HTTP_REFERER");
	size_t		 n = strlen(cfg.origin);

	if (sfs != NULL && *sfs != '\0' && strcmp(sfs, "same-origin") != 0 &&
	    strcmp(sfs, "none") != 0)
		return 0;
	if (origin != NULL && *origin != '\0')
		return strcmp(origin, cfg.origin) == 0;
	if (ref != NULL && *ref != '\0')
		return strncmp(ref, cfg.origin, n) == 0 && ref[n] == '/';
	return 1;
}

/* csrf_ok: the POST body's token equals the session's (or pre-session). */
static int
csrf_ok(struct req *r)
{
	const char	*tok = req_param(&r->form, "csrf");
	const char	*want = r->signed_in ? r->sess.csrf : r->pre;

	return tok != NULL && want[0] != '\0' && ct_equal(tok, want) &&
	    origin_ok(r);
}

/*
 * hold_reply: a reply posted by a browser whose session has expired is
 * held until it signs in again (R11.8): the text under a random cookie,
 * and the way back to the page it was typed on.  Only for a browser
 * whose session cookie names a session that existed (R14.11): a forged
 * or stale cookie writes nothing.  One reply a session, at most
 * DESC_MAX characters.  Returns 1 when r was answered.
 */
static int
hold_reply(struct req *r)
{
	const char	*body = req_param(&r->form, "body");
	const char	*sid = req_cookie_name(r, session_cookie_name(r));
	char		 token[65], page[256], next[300];
	char		*slash;
	int64_t		 session, account = 0;

	if (body == NULL || *body == '\0' || strlen(body) > DESC_MAX * 4 ||
	    sid == NULL || (session = session_existed(sid, &account)) <= 0)
		return 0;
	random_hex(token, 32);
	strlcpy_(page, r->path, sizeof(page));
	if ((slash = strrchr(page, '/')) != NULL)
		*slash = '\0';		/* /requests/N/messages -> /requests/N */
	if (db_begin_write() != 0)
		return 0;
	if (held_put(token, session, account, page, body, r->now) != 0) {
		db_rollback();
		return 0;
	}
	if (db_commit() != 0)
		return 0;
	reply_cookie(r, "held", token, 86400);
	snprintf(next, sizeof(next), "/signin?next=%s", page);
	reply_redirect(r, next);
	return 1;
}

/*
 * route_find: the route of r's method and path into r->route (its :id
 * into r->id), or NULL with r->path_found set when the path has a route
 * of another method only.
 */
void
route_find(struct req *r)
{
	size_t	 i;

	for (i = 0; i < nroutes; i++) {
		int64_t	 id = 0;

		if (!match(&routes[i], r->path, &id))
			continue;
		r->path_found = 1;
		if (routes[i].method == r->method) {
			r->route = &routes[i];
			r->id = id;
			return;
		}
	}
}

/*
 * route_dispatch: run the handler of r's route (route_find) once every
 * flag holds; otherwise answer 404, 405, 303 (to sign in or the
 * profile), 400 or 403 without running it.
 */
void
route_dispatch(struct req *r)
{
	const struct route	*rt = r->route;

	if (r->bad) {
		/* files over the limit: the page says the limit (R16.6) */
		if (r->bad == 413 && rt != NULL && (rt->flags & RF_UPLOAD))
			view_upload(r);
		reply_error(r, r->bad);
		return;
	}
	if (rt == NULL) {
		if (!r->path_found) {
			reply_error(r, 404);
			return;
		}
		reply_error(r, 405);
		reply_header(r, "Allow", r->method == M_POST ? "GET, HEAD" :
		    "POST");
		return;
	}
	if ((rt->flags & RF_LOGIN) && !r->signed_in) {
		char	 next[300];

		if (r->method == M_POST && (rt->flags & RF_HOLD) &&
		    hold_reply(r))
			return;
		snprintf(next, sizeof(next), "/signin?next=%s",
		    r->method == M_GET ? r->path : "/");
		reply_redirect(r, next);
		return;
	}
	if ((rt->flags & RF_ENGINEER) &&
	    strcmp(r->user.role, "engineer") != 0) {
		r->log_note = "denied";		/* K.47 */
		reply_error(r, 404);
		return;
	}
	/* an address nobody proved reaches no request, draft or file: a
	 * page asks what a stranger's asks (M.53); a form says why */
	if ((rt->flags & RF_VERIFIED) && !r->user.verified) {
		r->log_note = "unverified";
		if (r->method == M_GET)
			reply_error(r, 404);
		else {
			view_set(r, "Page.Title", view_str(r,
			    "Verify.NeededTitle"));
			reply_render(r, 403, "verify-needed.cs");
		}
		return;
	}
	if (r->method == M_POST) {
		if (r->form.dup || r->query.dup) {
			reply_error(r, 400);
			return;
		}
		if (!csrf_ok(r)) {
			/* K.47: the request's line says it, with the account,
			 * the address and the path escaped */
			r->log_note = "csrf-fail";
			reply_error(r, 403);
			return;
		}
	} else if (r->query.dup) {
		reply_error(r, 400);
		return;
	}
	if ((rt->flags & RF_PROFILE) && !r->user.profile_done) {
		reply_redirect(r, "/profile");
		return;
	}
	/* Auth.RequireTOTP: an engineer enrols before anything else */
	if ((rt->flags & RF_ENGINEER) && cfg.totp_engineers &&
	    !r->user.totp_on) {
		reply_redirect(r, "/account/totp");
		return;
	}
	db_set_readonly(r->method == M_GET);
	if (r->method == M_GET)
		db_read_begin();
	rt->fn(r);
	db_read_end();
	db_set_readonly(0);
}

/* route_print: the table, one route a line, for the tests (E.21). */
void
route_print(void)
{
	size_t	 i;

	for (i = 0; i < nroutes; i++)
		printf("%s %s %s%s%s%s%s%s\n", routes[i].method == M_POST ? "POST" :
		    "GET", routes[i].path,
		    routes[i].flags & RF_LOGIN ? "login" : "-",
		    routes[i].flags & RF_PROFILE ? ",profile" : "",
		    routes[i].flags & RF_ENGINEER ? ",engineer" : "",
		    routes[i].flags & RF_UPLOAD ? ",upload" : "",
		    routes[i].flags & RF_HOLD ? ",hold" : "",
		    routes[i].flags & RF_VERIFIED ? ",verified" : "");
}
