/*
 * auth.c: sign-up, sign-in, sign-out everywhere and the password
 * change (R1, SECURITY.md A and B).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "domain/account.h"
#include "domain/identity.h"
#include "domain/password.h"
#include "domain/session.h"
#include "domain/throttle.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "web/form.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/session.h"
#include "web/view.h"

static const char *const kinds[] = { "personal", "work", NULL };

enum { SI_EMAIL, SI_PASSWORD, SI__MAX };

static const struct field signin_fields[SI__MAX] = {
	[SI_EMAIL] = { "email", "Signin.Email", F_TEXT, 1, EMAIL_MAX, NULL },
	[SI_PASSWORD] = { "password", "Signin.Password", F_PASSWORD, 1, 0,
	    NULL },
};

enum { SU_EMAIL, SU_PASSWORD, SU_FIRST, SU_LAST, SU_KIND, SU__MAX };

static const struct field signup_fields[SU__MAX] = {
	[SU_EMAIL] = { "email", "Signup.Email", F_EMAIL, 1, EMAIL_MAX, NULL },
	[SU_PASSWORD] = { "password", "Signup.Password", F_PASSWORD, 1, 0,
	    NULL },
	[SU_FIRST] = { "first", "Signup.First", F_TEXT, 1, NAME_MAX_, NULL },
	[SU_LAST] = { "last", "Signup.Last", F_TEXT, 1, NAME_MAX_, NULL },
	[SU_KIND] = { "kind", "Signup.Kind", F_CHOICE, 1, 0, kinds },
};

enum { PW_CURRENT, PW_NEW, PW__MAX };

static const struct field password_fields[PW__MAX] = {
	[PW_CURRENT] = { "current", "Password.Current", F_PASSWORD, 1, 0,
	    NULL },
	[PW_NEW] = { "password", "Password.New", F_PASSWORD, 1, 0, NULL },
};

/*
 * password_too_long: A.3: a password over PASSWORD_MAX bytes is refused
 * with 400 before any hash is computed.
 */
int
password_too_long(struct req *r, const char *name)
{
	const char	*pw = req_param(&r->form, name);

	if (pw != NULL && strlen(pw) > PASSWORD_MAX) {
		reply_error(r, 400);
		return 1;
	}
	return 0;
}

/*
 * new_password_check: the rules for a new password, field i of fm (A.3,
 * A.4): at least PASSWORD_MIN characters and not one of the common ones.
 */
void
new_password_check(struct form *fm, size_t i, const char *email)
{
	const char	*pw = form_val(fm, i);
	size_t		 chars = 0;
	const char	*p;

	if (*pw == '\0')
		return;
	for (p = pw; *p != '\0'; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			chars++;
	if (chars < PASSWORD_MIN)
		form_error(fm, i, "PasswordShort");
	else if (password_common(pw) || strcasecmp(pw, email) == 0)
		form_error(fm, i, "PasswordCommon");
}

/*
 * next_query: "?next=" and the local path next, percent-encoded but for
 * the characters a path needs, appended to to.
 */
static void
next_query(struct buf *to, const char *next)
{
	const char	*p;

	buf_puts(to, "?next=");
	for (p = next; *p != '\0'; p++)
		if (isalnum((unsigned char)*p) || strchr("/-_.", *p))
			buf_add(to, p, 1);
		else
			buf_printf(to, "%%%02X", (unsigned char)*p);
}

static void	 code_redirect(struct req *, const char *);

static void
signin_render(struct req *r, int status, const struct form *fm)
{
	static const char *const notes[] = { "verified", "reset", "deleted",
	    NULL };
	size_t		 i;

	for (i = 0; notes[i] != NULL; i++)
		if (req_param(&r->query, notes[i]) != NULL)
			view_set(r, "Page.Note", notes[i]);
	view_set(r, "Page.Title", view_str(r, "Signin.Title"));
	if (fm != NULL)
		form_to_hdf(r, fm);
	reply_render(r, status, "signin.cs");
}

/* GET /signin */
void
page_auth_signin_get(struct req *r)
{
	const char	*next = req_param(&r->query, "next");

	if (r->signed_in) {
		reply_redirect(r, "/");
		return;
	}
	if (next != NULL && path_is_local(next))
		view_set(r, "Form.next.Value", next);
	signin_render(r, 200, NULL);
}

/*
 * signin_take: count this attempt against the email, the address and
 * the pair before the password is checked (A.6); 0, 1 when one of them
 * is at its limit, -1 on error.  ids receives the rows to give back if
 * the password is right.  The account's own limit stops only clients
 * that have failed on it: failures from elsewhere never lock the owner
 * out of a client that has not (R14.5, M.57), and a client that has
 * failed meets both limits.
 */
int
signin_take(struct req *r, const char *email, int64_t *ids, int n)
{
	static const enum throttle_kind kinds[3] = { THR_SIGNIN_ACCOUNT_IP,
	    THR_SIGNIN_ACCOUNT, THR_SIGNIN_IP };
	char		 pair[EMAIL_MAX + 80], client[80];
	const char	*keys[3];
	int		 failed;

	/* a client is its address, an IPv6 one its /64 (R14.4) */
	throttle_client_key(client, sizeof(client), r->ip);
	snprintf(pair, sizeof(pair), "%s|%s", email, client);
	keys[0] = pair;
	keys[1] = email;
	keys[2] = client;
	if ((failed = throttle_count(THR_SIGNIN_ACCOUNT_IP, pair, r->now)) < 0)
		return -1;
	return throttle_take_some(kinds, keys, n, failed ? ~0u : ~2u, r->now,
	    ids);
}

/*
 * POST /signin: the attempt is counted first (a refused one costs no
 * scrypt run, and simultaneous ones cannot overrun the limit), then the
 * password is checked, against a dummy hash for an unknown email so
 * that both cost the same (A.5).  Unknown email and wrong password get
 * the same page.
 */
void
page_auth_signin_post(struct req *r)
{
	struct form	 fm;
	struct account	 a;
	char		 email[EMAIL_MAX + 1], hash[PASSWORD_HASH_LEN + 1];
	char		 fresh[PASSWORD_HASH_LEN], token[65];
	const char	*pw, *next;
	int64_t		 ids[3];
	int		 found, ok, b;

	if (password_too_long(r, "password"))
		return;
	next = req_param(&r->form, "next");	/* kept for another try */
	if (next != NULL && path_is_local(next))
		view_set(r, "Form.next.Value", next);
	if (!form_read(r, &fm, signin_fields, SI__MAX)) {
		signin_render(r, 422, &fm);
		return;
	}
	email_normalise(email, sizeof(email), form_val(&fm, SI_EMAIL));
	pw = form_val(&fm, SI_PASSWORD);
	if ((b = signin_take(r, email, ids, 3)) < 0) {
		reply_error(r, 500);
		return;
	}
	if (b) {
		log_line(r->rid, "signin throttled ip=%s", r->ip);
		r->log_note = "signin-throttled";
		view_set(r, "Page.Throttled", "1");
		form_to_hdf(r, &fm);
		signin_render(r, 429, NULL);
		return;
	}
	if ((found = account_by_email(email, &a, hash, sizeof(hash))) < 0) {
		reply_error(r, 500);
		return;
	}
	if (found)
		ok = password_check(hash, pw);
	else {
		password_dummy_check(pw);
		ok = 0;
	}
	if (!ok) {			/* the attempt stays counted */
		log_line(r->rid, "signin fail account=%lld ip=%s",
		    (long long)(found ? a.id : 0), r->ip);
		r->log_note = "signin-fail";
		view_set(r, "Page.BadCredentials", "1");
		view_set(r, "Errors.0.Field", "email");
		view_set(r, "Errors.0.Msg", view_str(r, "Err.Credentials"));
		form_to_hdf(r, &fm);
		signin_render(r, 422, NULL);
		return;
	}
	/* a weaker hash is upgraded, hashed before the write (R14.4) */
	fresh[0] = '\0';
	if (password_needs_rehash(hash) &&
	    password_hash(fresh, sizeof(fresh), pw) != 0) {
		reply_error(r, 500);
		return;
	}
	if (throttle_give_back(ids, 3) != 0 ||
	    identity_signin(a.id, fresh, a.totp_on, r->ip,
	    req_env(r, "HTTP_USER_AGENT"), r->now, token, &r->sess) != 0) {
		reply_error(r, 500);
		return;
	}
	session_cookie(r, token, -1);
	/* the profile's language in the cookie too, which nginx's own
	 * pages read (a 413 over its limit: R16.6) */
	if (a.profile_done && lang_valid(a.lang))
		reply_cookie(r, "lang", a.lang, 365L * 86400);
	log_line(r->rid, "signin %s account=%lld ip=%s", a.totp_on ?
	    "password-ok" : "ok", (long long)a.id, r->ip);
	r->log_note = a.totp_on ? "signin-password-ok" : "signin-ok";
	if (a.totp_on) {		/* the code comes next (R14.6) */
		code_redirect(r, next);
		return;
	}
	/* where to go next: a local path, else the start page (G.31) */
	reply_redirect(r, next != NULL && path_is_local(next) ? next : "/");
}

/* code_redirect: to the code page, keeping where to go after it. */
static void
code_redirect(struct req *r, const char *next)
{
	struct buf	 to = { 0 };

	buf_puts(&to, "/signin/code");
	if (next != NULL && path_is_local(next))
		next_query(&to, next);
	reply_redirect(r, to.p);
	buf_free(&to);
}

static void
signup_render(struct req *r, int status, struct form *fm)
{
	view_set(r, "Page.Title", view_str(r, "Signup.Title"));
	if (fm != NULL)
		form_to_hdf(r, fm);
	reply_render(r, status, "signup.cs");
}

/* GET /signup */
void
page_auth_signup_get(struct req *r)
{
	if (r->signed_in) {
		reply_redirect(r, "/");
		return;
	}
	signup_render(r, 200, NULL);
}

/*
 * POST /signup: a new account, not signed in: the same answer whether
 * the address was free or not, a mail to it either way (R14.1, R14.2).
 * Counted per client (its /64 for IPv6) and over everyone (R14.4); the
 * password is hashed before the write transaction.
 */
void
page_auth_signup_post(struct req *r)
{
	static const enum throttle_kind limits[2] = { THR_SIGNUP_IP,
	    THR_SIGNUP_ALL };
	struct form	 fm;
	char		 email[EMAIL_MAX + 1], client[80];
	char		 hash[PASSWORD_HASH_LEN];
	const char	*keys[2] = { client, "*" };
	int64_t		 ids[2];
	int		 valid, b;

	if (password_too_long(r, "password"))
		return;
	valid = form_read(r, &fm, signup_fields, SU__MAX);
	email_normalise(email, sizeof(email), form_val(&fm, SU_EMAIL));
	new_password_check(&fm, SU_PASSWORD, email);
	if (!identity_name_ok(form_val(&fm, SU_FIRST), form_val(&fm, SU_LAST)))
		form_error(&fm, SU_LAST, "NameStaff");
	if (!valid || fm.nerr > 0) {
		signup_render(r, 422, &fm);
		return;
	}
	throttle_client_key(client, sizeof(client), r->ip);
	if ((b = throttle_take(limits, keys, 2, r->now, ids)) != 0) {
		if (b < 0) {
			reply_error(r, 500);
			return;
		}
		log_line(r->rid, "signup throttled ip=%s", r->ip);
		r->log_note = "signup-throttled";
		view_set(r, "Page.Throttled", "1");
		form_to_hdf(r, &fm);
		signup_render(r, 429, NULL);
		return;
	}
	if (password_hash(hash, sizeof(hash), form_val(&fm, SU_PASSWORD)) !=
	    0 || identity_signup(email, hash, form_val(&fm, SU_FIRST),
	    form_val(&fm, SU_LAST), form_val(&fm, SU_KIND), r->lang,
	    r->now) != 0) {
		reply_error(r, 500);
		return;
	}
	log_line(r->rid, "signup ip=%s", r->ip);
	r->log_note = "signup";
	reply_redirect(r, "/signup/sent");
}

/* GET /signup/sent: "check your mail" (R14.1, R14.2). */
void
page_auth_signup_sent_get(struct req *r)
{
	view_set(r, "Page.Title", view_str(r, "Signup.SentTitle"));
	reply_render(r, 200, "sent.cs");
}

/* POST /signout: end every session of the account (R1.2, B.11). */
void
page_auth_signout_post(struct req *r)
{
	const char	*next = req_param(&r->form, "next");

	if (session_end_all(r->user.id) != 0) {
		reply_error(r, 500);
		return;
	}
	log_line(r->rid, "signout account=%lld", (long long)r->user.id);
	session_cookie(r, "", 0);
	if (next != NULL && path_is_local(next)) {
		struct buf	 to = { 0 };

		/* back to the page after signing in again (R6.1) */
		buf_puts(&to, "/signin");
		next_query(&to, next);
		reply_redirect(r, to.p);
		buf_free(&to);
		return;
	}
	reply_redirect(r, "/signin");
}

static void
password_render(struct req *r, int status, struct form *fm)
{
	view_set(r, "Page.Title", view_str(r, "Password.Title"));
	view_set(r, "Page.Nav", "password");
	if (fm != NULL)
		form_to_hdf(r, fm);
	reply_render(r, status, "password.cs");
}

/* GET /password */
void
page_auth_password_get(struct req *r)
{
	if (req_param(&r->query, "done") != NULL)
		view_set(r, "Page.Done", "1");
	password_render(r, 200, NULL);
}

/*
 * POST /password: change the password; every other session of the
 * account ends (B.11).  A wrong current password counts as a failed
 * sign-in (A.6).
 */
void
page_auth_password_post(struct req *r)
{
	struct form	 fm;
	struct account	 a;
	char		 hash[PASSWORD_HASH_LEN + 1], fresh[PASSWORD_HASH_LEN];
	char		 token[65];
	int64_t		 ids[2];
	int		 valid, b;

	if (password_too_long(r, "password") ||
	    password_too_long(r, "current"))
		return;
	valid = form_read(r, &fm, password_fields, PW__MAX);
	new_password_check(&fm, PW_NEW, r->user.email);
	if (!valid || fm.nerr > 0) {
		password_render(r, 422, &fm);
		return;
	}
	if ((b = signin_take(r, r->user.email, ids, 2)) != 0) {
		if (b < 0) {
			reply_error(r, 500);
			return;
		}
		view_set(r, "Page.Throttled", "1");
		password_render(r, 429, NULL);
		return;
	}
	if (account_by_email(r->user.email, &a, hash, sizeof(hash)) != 1) {
		reply_error(r, 500);
		return;
	}
	if (!password_check(hash, form_val(&fm, PW_CURRENT))) {
		log_line(r->rid, "password change fail account=%lld ip=%s",
		    (long long)a.id, r->ip);
		form_error(&fm, PW_CURRENT, "CurrentPassword");
		password_render(r, 422, &fm);
		return;
	}
	if (throttle_give_back(ids, 2) != 0 ||
	    password_hash(fresh, sizeof(fresh), form_val(&fm, PW_NEW)) ||
	    identity_password(a.id, fresh, &r->sess, r->now, token) != 0) {
		reply_error(r, 500);
		return;
	}
	/* this session goes on under a new id; the others end (R14.7) */
	session_cookie(r, token, -1);
	log_line(r->rid, "password changed account=%lld", (long long)a.id);
	reply_redirect(r, "/password?done=1");
}
