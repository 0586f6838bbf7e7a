/*
 * account.c: the pages of identity (R14): following a mailed link,
 * "send it again", forgotten passwords, the code after the password,
 * and the account page (name, address, sessions, two-factor sign-in,
 * one's data, deleting the account).  The work is identity.c's; no
 * scrypt runs inside a write transaction (R14.4).
 */
#include <stdio.h>
#include <string.h>

#include "domain/account.h"
#include "domain/identity.h"
#include "domain/notify.h"
#include "domain/password.h"
#include "domain/throttle.h"
#include "domain/totp.h"
#include "lib/config.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "web/form.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/session.h"
#include "web/view.h"

#define CODE_MAX	40	/* a code or a recovery code, typed */

enum { FG_EMAIL, FG__MAX };

static const struct field forgot_fields[FG__MAX] = {
	[FG_EMAIL] = { "email", "Forgot.Email", F_EMAIL, 1, EMAIL_MAX, NULL },
};

enum { RS_TOKEN, RS_PASSWORD, RS__MAX };

static const struct field reset_fields[RS__MAX] = {
	[RS_TOKEN] = { "t", "Reset.Title", F_TEXT, 1, 64, NULL },
	[RS_PASSWORD] = { "password", "Reset.Password", F_PASSWORD, 1, 0,
	    NULL },
};

enum { CD_CODE, CD__MAX };

static const struct field code_fields[CD__MAX] = {
	[CD_CODE] = { "code", "Code.Code", F_TEXT, 1, CODE_MAX, NULL },
};

enum { NM_FIRST, NM_LAST, NM__MAX };

static const struct field name_fields[NM__MAX] = {
	[NM_FIRST] = { "first", "Signup.First", F_TEXT, 1, NAME_MAX_, NULL },
	[NM_LAST] = { "last", "Signup.Last", F_TEXT, 1, NAME_MAX_, NULL },
};

enum { EM_EMAIL, EM__MAX };

static const struct field email_fields[EM__MAX] = {
	[EM_EMAIL] = { "email", "Account.NewEmail", F_EMAIL, 1, EMAIL_MAX,
	    NULL },
};

/* an engineer's mails (R15.1): each box ticked ("1") or not sent */
enum { NT_NEW, NT_REOPENED, NT_REPLY, NT_OVERDUE, NT__MAX };

static const char *const ticked[] = { "1", NULL };

static const struct field notify_fields[NT__MAX] = {
	[NT_NEW] = { "notify_new", "Account.NotifyNew", F_CHOICE, 0, 0,
	    ticked },
	[NT_REOPENED] = { "notify_reopened", "Account.NotifyReopened",
	    F_CHOICE, 0, 0, ticked },
	[NT_REPLY] = { "notify_reply", "Account.NotifyReply", F_CHOICE, 0, 0,
	    ticked },
	[NT_OVERDUE] = { "notify_overdue", "Account.NotifyOverdue", F_CHOICE,
	    0, 0, ticked },
};

/* turning the second factor off, deleting the account: both proofs */
enum { PR_PASSWORD, PR_CODE, PR__MAX };

static const struct field proof_fields[PR__MAX] = {
	[PR_PASSWORD] = { "password", "Password.Current", F_PASSWORD, 1, 0,
	    NULL },
	[PR_CODE] = { "code", "Code.Code", F_TEXT, 0, CODE_MAX, NULL },
};

/* link_token: the t= of a link, when it has a token's shape, else "". */
static const char *
link_token(const struct params *p)
{
	const char	*t = req_param(p, "t");

	return token_valid(t) ? t : "";
}

/* dead_link: the page of a link that is unknown, used or expired. */
static void
dead_link(struct req *r)
{
	view_set(r, "Page.Title", view_str(r, "Link.DeadTitle"));
	reply_render(r, 404, "link-dead.cs");
}

/*
 * GET /verify?t=: the page a mailed link opens; the address is proven
 * by its button (a POST), so that a mail scanner that fetches links
 * proves nothing (R14.1, R14.8).
 */
void
page_verify_get(struct req *r)
{
	const char	*t = link_token(&r->query);

	if (*t == '\0') {
		dead_link(r);
		return;
	}
	view_set(r, "Page.Title", view_str(r, "Verify.Title"));
	view_set(r, "Form.t.Value", t);
	reply_render(r, 200, "verify.cs");
}

/* POST /verify: the link followed (R14.1, R14.8, M.53). */
void
page_verify_post(struct req *r)
{
	int64_t	 account = 0;

	switch (identity_confirm(link_token(&r->form), r->now, &account)) {
	case ID_OK:
		log_line(r->rid, "address verified account=%lld",
		    (long long)account);
		r->log_note = "verified";
		reply_redirect(r, r->signed_in && r->user.id == account ?
		    "/account?verified=1" : "/signin?verified=1");
		return;
	case ID_TAKEN:
		view_set(r, "Page.Taken", "1");
		/* FALLTHROUGH */
	case ID_BAD:
		dead_link(r);
		return;
	default:
		reply_error(r, 500);
	}
}

/* POST /verify/again: a fresh link, five an hour (R14.1). */
void
page_verify_again_post(struct req *r)
{
	static const enum throttle_kind kind[1] = { THR_VERIFY_RESEND };
	char		 key[24];
	const char	*keys[1] = { int_str(key, r->user.id) };
	int64_t		 id;
	int		 b;

	if ((b = throttle_take(kind, keys, 1, r->now, &id)) < 0 ||
	    (b == 0 && identity_link_again(&r->user, r->now) != 0)) {
		reply_error(r, 500);
		return;
	}
	reply_redirect(r, b ? "/account?again=wait" : "/account?again=sent");
}

/* GET /forgot */
void
page_forgot_get(struct req *r)
{
	if (req_param(&r->query, "sent") != NULL)
		view_set(r, "Page.Sent", "1");
	view_set(r, "Page.Title", view_str(r, "Forgot.Title"));
	reply_render(r, 200, "forgot.cs");
}

/*
 * POST /forgot: a reset link for an address that has an account, and
 * the same answer, as quick, for one that has none (R14.3, M.55): ten
 * an hour per address, thirty per client.
 */
void
page_forgot_post(struct req *r)
{
	static const enum throttle_kind kinds[2] = { THR_RESET_EMAIL,
	    THR_RESET_IP };
	struct form	 fm;
	char		 email[EMAIL_MAX + 1], client[80];
	const char	*keys[2] = { email, client };
	int64_t		 ids[2];
	int		 b;

	if (!form_read(r, &fm, forgot_fields, FG__MAX)) {
		form_to_hdf(r, &fm);
		view_set(r, "Page.Title", view_str(r, "Forgot.Title"));
		reply_render(r, 422, "forgot.cs");
		return;
	}
	email_normalise(email, sizeof(email), form_val(&fm, FG_EMAIL));
	throttle_client_key(client, sizeof(client), r->ip);
	if ((b = throttle_take(kinds, keys, 2, r->now, ids)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (b) {
		r->log_note = "reset-throttled";
		view_set(r, "Page.Throttled", "1");
		view_set(r, "Page.Title", view_str(r, "Forgot.Title"));
		reply_render(r, 429, "forgot.cs");
		return;
	}
	/* the link, if any, is made after the answer: the answer is the
	 * same, and as quick, whether the address has an account (M.55) */
	serve_after_reset(email, r->lang);
	reply_redirect(r, "/forgot?sent=1");
}

static void
reset_render(struct req *r, int status, const char *t, struct form *fm)
{
	if (fm != NULL)
		form_to_hdf(r, fm);
	view_set(r, "Form.t.Value", t);
	view_set(r, "Page.Title", view_str(r, "Reset.Title"));
	reply_render(r, status, "reset.cs");
}

/* GET /reset?t=: the new password's form, for a live link (R14.3). */
void
page_reset_get(struct req *r)
{
	const char	*t = link_token(&r->query);
	int		 rc;

	if ((rc = identity_reset_valid(t, r->now)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (rc == 0) {
		dead_link(r);
		return;
	}
	reset_render(r, 200, t, NULL);
}

/*
 * POST /reset: the new password; every session ends, the lock-out is
 * lifted, and the person signs in again, with a code if enrolled: a
 * reset never passes the second factor (R14.3, R14.6).
 */
void
page_reset_post(struct req *r)
{
	struct form	 fm;
	char		 hash[PASSWORD_HASH_LEN];
	int64_t		 account = 0;
	int		 valid, rc;

	if (password_too_long(r, "password"))
		return;
	valid = form_read(r, &fm, reset_fields, RS__MAX);
	new_password_check(&fm, RS_PASSWORD, "");
	if (!valid || fm.nerr > 0) {
		reset_render(r, 422, link_token(&r->form), &fm);
		return;
	}
	if ((rc = identity_reset_valid(link_token(&r->form), r->now)) <= 0) {
		if (rc < 0)
			reply_error(r, 500);
		else
			dead_link(r);
		return;
	}
	if (password_hash(hash, sizeof(hash), form_val(&fm, RS_PASSWORD)) !=
	    0) {
		reply_error(r, 500);
		return;
	}
	switch (identity_reset(link_token(&r->form), hash, r->now, &account)) {
	case ID_OK:
		break;
	case ID_BAD:
		dead_link(r);
		return;
	default:
		reply_error(r, 500);
		return;
	}
	log_line(r->rid, "password reset account=%lld ip=%s",
	    (long long)account, r->ip);
	r->log_note = "reset";
	session_cookie(r, "", 0);
	reply_redirect(r, "/signin?reset=1");
}

/*
 * code_ok: the code typed in field code of form fm for account a,
 * counted (M.58): 1 right (its count given back), 0 wrong or throttled
 * (the form says which), -1 on error.
 */
static int
code_ok(struct req *r, const struct account *a, struct form *fm,
    size_t code)
{
	int64_t	 ids[3];
	int	 b, ok;

	/* counted as sign-ins are: the owner's client that has not failed
	 * is never stopped by another's wrong codes (M.58, R14.5) */
	if ((b = signin_take(r, a->email, ids, 3)) != 0) {
		if (b > 0) {
			form_error(fm, code, "CodeThrottled");
			r->log_note = "code-throttled";
		}
		return b > 0 ? 0 : -1;
	}
	if ((ok = identity_code(a->id, form_val(fm, code), r->now)) < 0)
		return -1;
	if (!ok) {
		form_error(fm, code, "CodeWrong");
		r->log_note = "code-fail";
		log_line(r->rid, "code fail account=%lld ip=%s",
		    (long long)a->id, r->ip);
		return 0;
	}
	return throttle_give_back(ids, 3) == 0 ? 1 : -1;
}

static void
code_render(struct req *r, int status, struct form *fm)
{
	const char	*next = req_param(r->method == M_GET ? &r->query :
	    &r->form, "next");

	if (next != NULL && path_is_local(next))
		view_set(r, "Form.next.Value", next);
	if (fm != NULL)
		form_to_hdf(r, fm);
	view_set(r, "Page.Title", view_str(r, "Code.Title"));
	reply_render(r, status, "code.cs");
}

/* GET /signin/code: the code after the password (R14.6). */
void
page_code_get(struct req *r)
{
	if (!r->sess.mfa_pending) {
		reply_redirect(r, r->signed_in ? "/" : "/signin");
		return;
	}
	code_render(r, 200, NULL);
}

/*
 * POST /signin/code: a right code completes the sign-in: the waiting
 * session gets a new id and signs its account in (B.9).
 */
void
page_code_post(struct req *r)
{
	struct form	 fm;
	const char	*next = req_param(&r->form, "next");
	char		 token[65];
	int		 ok;

	if (!r->sess.mfa_pending) {
		reply_redirect(r, "/signin");
		return;
	}
	if (!form_read(r, &fm, code_fields, CD__MAX)) {
		code_render(r, 422, &fm);
		return;
	}
	if ((ok = code_ok(r, &r->user, &fm, CD_CODE)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (!ok) {
		code_render(r, fm.err[0] != NULL &&
		    strcmp(fm.err[0], "CodeThrottled") == 0 ? 429 : 422, &fm);
		return;
	}
	if (identity_signin_done(&r->sess, r->now, token) != 0) {
		reply_error(r, 500);
		return;
	}
	session_cookie(r, token, -1);
	log_line(r->rid, "signin ok account=%lld ip=%s",
	    (long long)r->user.id, r->ip);
	r->log_note = "signin-ok";
	reply_redirect(r, next != NULL && path_is_local(next) ? next : "/");
}

/* ------------------------------------------------------ the account page */

/*
 * agent_brief: a browser's User-Agent as a person names it ("Firefox 128
 * on Windows"), for the sessions page (R14.7); the raw string when no
 * known name is in it.  Only the tokens browsers have sent for years.
 */
static void
agent_brief(char *out, size_t sz, const char *ua)
{
	static const struct {
		const char	*token;		/* followed by the version */
		const char	*name;
	} browsers[] = {
		{ "Edg/", "Edge" }, { "OPR/", "Opera" },
		{ "Firefox/", "Firefox" }, { "HeadlessChrome/", "Chrome" },
		{ "Chrome/", "Chrome" }, { "Version/", "Safari" },
		{ "curl/", "curl" },
	};
	static const struct {
		const char	*token;
		const char	*name;
	} systems[] = {
		{ "Windows", "Windows" }, { "Android", "Android" },
		{ "iPhone", "iOS" }, { "iPad", "iPadOS" },
		{ "Mac OS X", "macOS" }, { "CrOS", "ChromeOS" },
		{ "Linux", "Linux" },
	};
	const char	*b = NULL, *v = "", *os = NULL, *p;
	size_t		 i, vn = 0;

	for (i = 0; b == NULL && i < sizeof(browsers) / sizeof(browsers[0]);
	    i++)
		if ((p = strstr(ua, browsers[i].token)) != NULL) {
			b = browsers[i].name;
			v = p + strlen(browsers[i].token);
			vn = strspn(v, "0123456789");
		}
	for (i = 0; os == NULL && i < sizeof(systems) / sizeof(systems[0]);
	    i++)
		if (strstr(ua, systems[i].token) != NULL)
			os = systems[i].name;
	if (b == NULL) {
		strlcpy_(out, ua, sz);
		return;
	}
	snprintf(out, sz, "%s%s%.*s%s%s", b, vn ? " " : "", (int)vn, v,
	    os ? " · " : "", os ? os : "");
}

struct sessions_view {
	struct req	*r;
	int		 n;
};

static int
session_view(void *arg, const struct session_row *s)
{
	struct sessions_view	*sv = arg;
	struct req		*r = sv->r;
	HDF			*h = view_row(r, "Sessions", sv->n++);
	char			 when[64], num[24], agent[200];

	view_put(h, "Id", int_str(num, s->id));
	time_local(when, sizeof(when), (time_t)s->created, r->user.tz);
	view_put(h, "Started", when);
	time_local(when, sizeof(when), (time_t)s->seen, r->user.tz);
	view_put(h, "Seen", when);
	view_put(h, "Ip", s->ip);
	agent_brief(agent, sizeof(agent), s->agent);
	view_put(h, "Agent", agent);
	if (s->id == r->sess.id)
		view_put(h, "This", "1");
	return 0;
}

/* account_render: the account page, with the forms' values and errors. */
static void
account_render(struct req *r, int status, struct form *fm)
{
	static const char *const notes[] = { "verified", "again", "name",
	    "email", "ended", "totp", "off", "deleted", "notify", NULL };
	struct sessions_view	 sv = { r, 0 };
	struct notify_prefs	 np;
	const char		*v;
	char			 note[40];
	size_t			 i;
	int			 left;

	for (i = 0; notes[i] != NULL; i++)
		if ((v = req_param(&r->query, notes[i])) != NULL &&
		    strlen(v) < 16) {
			/* "email", or "again-sent" for again=sent */
			snprintf(note, sizeof(note), "%s%s%s", notes[i],
			    strcmp(v, "1") != 0 ? "-" : "",
			    strcmp(v, "1") != 0 ? v : "");
			view_set(r, "Page.Note", note);
		}
	if (fm != NULL)
		form_to_hdf(r, fm);
	if (r->user.pending_email[0] != '\0')
		view_set(r, "Account.Pending", r->user.pending_email);
	if (identity_sessions(r->user.id, r->now, session_view, &sv) != 0 ||
	    (left = identity_recovery_left(r->user.id)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (r->user.totp_on) {
		view_set(r, "Account.Totp", "1");
		view_set_int(r, "Account.RecoveryLeft", left);
	}
	/* an engineer's mails (R15.1): the choices saved, unless those
	 * sent are shown again with their errors */
	if (strcmp(r->user.role, "engineer") == 0) {
		view_set(r, "Account.Engineer", "1");
		if (fm == NULL || fm->f != notify_fields) {
			if (notify_prefs_get(r->user.id, &np) != 0) {
				reply_error(r, 500);
				return;
			}
			view_set(r, "Form.notify_new.Value",
			    np.new_request ? "1" : "");
			view_set(r, "Form.notify_reopened.Value",
			    np.reopened ? "1" : "");
			view_set(r, "Form.notify_reply.Value",
			    np.reply ? "1" : "");
			view_set(r, "Form.notify_overdue.Value",
			    np.overdue ? "1" : "");
		}
	}
	/* the names saved, unless the names typed are shown again */
	if (fm == NULL || fm->f != name_fields ||
	    *form_val(fm, NM_FIRST) == '\0') {
		view_set(r, "Form.first.Value", r->user.first);
		view_set(r, "Form.last.Value", r->user.last);
	}
	view_set(r, "Page.Title", view_str(r, "Account.Title"));
	view_set(r, "Page.Nav", "account");
	reply_render(r, status, "account.cs");
}

/* GET /account */
void
page_account_get(struct req *r)
{
	account_render(r, 200, NULL);
}

/*
 * POST /account/notify: which mails the engineer gets (R15.1): a box
 * ticked is "1", one not ticked is not sent; any other value is refused
 * (422) and nothing changes.  Engineers only (the route's flag).
 */
void
page_account_notify_post(struct req *r)
{
	struct form		 fm;
	struct notify_prefs	 np;

	if (!form_read(r, &fm, notify_fields, NT__MAX)) {
		account_render(r, 422, &fm);
		return;
	}
	np.new_request = *form_val(&fm, NT_NEW) != '\0';
	np.reopened = *form_val(&fm, NT_REOPENED) != '\0';
	np.reply = *form_val(&fm, NT_REPLY) != '\0';
	np.overdue = *form_val(&fm, NT_OVERDUE) != '\0';
	if (notify_prefs_set(r->user.id, &np) != 0) {
		reply_error(r, 500);
		return;
	}
	reply_redirect(r, "/account?notify=1#notify-title");
}

/* POST /account/name: names that could not pass for staff (R14.8, R14.10) */
void
page_account_name_post(struct req *r)
{
	struct form	 fm;
	int		 valid;

	valid = form_read(r, &fm, name_fields, NM__MAX);
	if (valid && !identity_name_ok(form_val(&fm, NM_FIRST),
	    form_val(&fm, NM_LAST)))
		form_error(&fm, NM_LAST, "NameStaff");
	if (!valid || fm.nerr > 0) {
		account_render(r, 422, &fm);
		return;
	}
	if (identity_set_name(r->user.id, form_val(&fm, NM_FIRST),
	    form_val(&fm, NM_LAST)) != 0) {
		reply_error(r, 500);
		return;
	}
	reply_redirect(r, "/account?name=1");
}

/*
 * POST /account/email: a new address waits for its link (R14.8); the
 * page answers alike whether the address was free (R14.2).
 */
void
page_account_email_post(struct req *r)
{
	struct form	 fm;
	char		 email[EMAIL_MAX + 1];

	if (!form_read(r, &fm, email_fields, EM__MAX)) {
		account_render(r, 422, &fm);
		return;
	}
	email_normalise(email, sizeof(email), form_val(&fm, EM_EMAIL));
	if (strcmp(email, r->user.email) == 0) {
		reply_redirect(r, "/account");
		return;
	}
	if (identity_email_change(&r->user, email, r->now) != 0) {
		reply_error(r, 500);
		return;
	}
	reply_redirect(r, "/account?email=1");
}

/* POST /account/sessions/end: end one of one's sessions (R14.7). */
void
page_account_session_post(struct req *r)
{
	int64_t	 id = parse_id(req_param(&r->form, "session"));
	int	 rc;

	if (id <= 0 || (rc = identity_session_end(r->user.id, id)) == 0) {
		reply_error(r, 404);
		return;
	}
	if (rc < 0) {
		reply_error(r, 500);
		return;
	}
	if (id == r->sess.id) {		/* this one: signed out here */
		session_cookie(r, "", 0);
		reply_redirect(r, "/signin");
		return;
	}
	reply_redirect(r, "/account?ended=1");
}

/*
 * totp_render: the enrolment page: the QR code and the secret as text
 * of the enrolment under way, or its start button when none is.
 */
static void
totp_render(struct req *r, int status, struct form *fm)
{
	char		 b32[TOTP_SECRET_B32 + 1], uri[512], grouped[48];
	struct buf	 path = { 0 };
	int		 size = 0, i, n = 0, rc;

	if (cfg.totp_engineers && strcmp(r->user.role, "engineer") == 0)
		view_set(r, "Totp.Required", "1");
	view_set(r, "Page.Title", view_str(r, "Totp.Title"));
	view_set(r, "Page.Nav", "account");
	if ((rc = identity_totp_pending(r->user.id, b32)) == 0) {
		view_set(r, "Totp.Start", "1");
		reply_render(r, status, "totp.cs");
		return;
	}
	if (rc < 0 ||
	    totp_uri(uri, sizeof(uri), "supportal", r->user.email, b32) != 0 ||
	    qr_svg(uri, &path, &size) != 0) {
		sodium_memzero(b32, sizeof(b32));
		buf_free(&path);
		reply_error(r, 500);
		return;
	}
	for (i = 0; b32[i] != '\0'; i++) {	/* in fours, to be typed */
		if (i > 0 && i % 4 == 0)
			grouped[n++] = ' ';
		grouped[n++] = b32[i];
	}
	grouped[n] = '\0';
	view_set(r, "Totp.Secret", grouped);
	view_set(r, "Totp.Path", path.p);
	view_set_int(r, "Totp.Size", size);
	sodium_memzero(b32, sizeof(b32));
	sodium_memzero(grouped, sizeof(grouped));
	buf_free(&path);
	if (fm != NULL)
		form_to_hdf(r, fm);
	reply_render(r, status, "totp.cs");
}

/* codes_render: the recovery codes, shown this once (R14.6). */
static void
codes_render(struct req *r, char codes[RECOVERY_N][RECOVERY_LEN + 1])
{
	int	 i;

	for (i = 0; i < RECOVERY_N; i++) {
		view_put(view_row(r, "Codes", i), "Code", codes[i]);
		sodium_memzero(codes[i], RECOVERY_LEN + 1);
	}
	view_set(r, "Page.Title", view_str(r, "Totp.CodesTitle"));
	view_set(r, "Page.Nav", "account");
	reply_render(r, 200, "codes.cs");
}

/*
 * unproven: 1 when r's account has no proven address: it enrols no
 * second factor (the address's owner could not get in again: R14.6).
 */
static int
unproven(struct req *r)
{
	if (r->user.verified)
		return 0;
	view_set(r, "Page.Title", view_str(r, "Verify.NeededTitle"));
	reply_render(r, 403, "verify-needed.cs");
	return 1;
}

/* GET /account/totp: enrol, or the account page when enrolled. */
void
page_account_totp_get(struct req *r)
{
	if (unproven(r))
		return;
	if (r->user.totp_on) {
		reply_redirect(r, "/account");
		return;
	}
	totp_render(r, 200, NULL);
}

/* POST /account/totp/start: a secret for the enrolment (R14.6). */
void
page_account_totp_start_post(struct req *r)
{
	char	 b32[TOTP_SECRET_B32 + 1];
	int	 rc;

	if (unproven(r))
		return;
	if (!r->user.totp_on) {
		rc = identity_totp_begin(r->user.id, b32);
		sodium_memzero(b32, sizeof(b32));
		if (rc != 0) {
			reply_error(r, 500);
			return;
		}
	}
	reply_redirect(r, "/account/totp");
}

/* POST /account/totp: the first code turns it on (R14.6). */
void
page_account_totp_post(struct req *r)
{
	struct form	 fm;
	char		 codes[RECOVERY_N][RECOVERY_LEN + 1];

	if (unproven(r))
		return;
	if (r->user.totp_on) {
		reply_redirect(r, "/account");
		return;
	}
	if (!form_read(r, &fm, code_fields, CD__MAX)) {
		totp_render(r, 422, &fm);
		return;
	}
	switch (identity_totp_confirm(r->user.id, form_val(&fm, CD_CODE),
	    r->now, codes)) {
	case ID_OK:
		break;
	case ID_BAD:
		form_error(&fm, CD_CODE, "CodeWrong");
		totp_render(r, 422, &fm);
		return;
	default:
		reply_error(r, 500);
		return;
	}
	log_line(r->rid, "totp on account=%lld", (long long)r->user.id);
	codes_render(r, codes);
}

/*
 * proof_ok: the password and, when enrolled, a code of form fm, each
 * counted like a sign-in (A.6, M.58): 1, 0 (the form says why), -1.
 */
static int
proof_ok(struct req *r, struct form *fm)
{
	struct account	 a;
	char		 hash[PASSWORD_HASH_LEN + 1];
	int64_t		 ids[2];
	int		 b;

	if ((b = signin_take(r, r->user.email, ids, 2)) != 0) {
		if (b > 0)
			form_error(fm, PR_PASSWORD, "CodeThrottled");
		return b > 0 ? 0 : -1;
	}
	if (account_by_email(r->user.email, &a, hash, sizeof(hash)) != 1)
		return -1;
	if (!password_check(hash, form_val(fm, PR_PASSWORD))) {
		form_error(fm, PR_PASSWORD, "CurrentPassword");
		return 0;
	}
	if (throttle_give_back(ids, 2) != 0)
		return -1;
	if (!r->user.totp_on)
		return 1;
	return code_ok(r, &r->user, fm, PR_CODE);
}

/* POST /account/totp/off: the password and a code (R14.6). */
void
page_account_totp_off_post(struct req *r)
{
	struct form	 fm;
	int		 ok;

	if (password_too_long(r, "password"))
		return;
	if (!r->user.totp_on) {
		reply_redirect(r, "/account");
		return;
	}
	if (!form_read(r, &fm, proof_fields, PR__MAX) ||
	    (ok = proof_ok(r, &fm)) == 0) {
		account_render(r, 422, &fm);
		return;
	}
	if (ok < 0 || identity_totp_off(r->user.id) != 0) {
		reply_error(r, 500);
		return;
	}
	log_line(r->rid, "totp off account=%lld", (long long)r->user.id);
	reply_redirect(r, "/account?off=1");
}

/* POST /account/recovery: ten new recovery codes, the old void. */
void
page_account_recovery_post(struct req *r)
{
	char	 codes[RECOVERY_N][RECOVERY_LEN + 1];

	if (!r->user.totp_on) {
		reply_redirect(r, "/account");
		return;
	}
	if (identity_recovery_again(r->user.id, codes) != 0) {
		reply_error(r, 500);
		return;
	}
	codes_render(r, codes);
}

/* GET /account/data: one's data as one JSON file (R14.9). */
void
page_account_data_get(struct req *r)
{
	struct buf	 json = { 0 };

	if (identity_export(r->user.id, &json) != 0) {
		buf_free(&json);
		reply_error(r, 500);
		return;
	}
	reply_text(r, 200, "application/json; charset=utf-8", json.p);
	r->download = 1;
	reply_header(r, "Content-Disposition",
	    "attachment; filename=\"supportal-account.json\"");
	buf_free(&json);
}

/*
 * POST /account/delete: the password and, if enrolled, a code; then the
 * account goes, signed out everywhere (R14.9).
 */
void
page_account_delete_post(struct req *r)
{
	struct form	 fm;
	int		 ok;

	if (password_too_long(r, "password"))
		return;
	if (!form_read(r, &fm, proof_fields, PR__MAX) ||
	    (ok = proof_ok(r, &fm)) == 0) {
		view_set(r, "Page.DeleteOpen", "1");
		account_render(r, 422, &fm);
		return;
	}
	if (ok < 0 || identity_erase(r->user.id) != 0) {
		reply_error(r, 500);
		return;
	}
	log_line(r->rid, "account deleted account=%lld",
	    (long long)r->user.id);
	r->log_note = "deleted";
	session_cookie(r, "", 0);
	reply_redirect(r, "/signin?deleted=1");
}
