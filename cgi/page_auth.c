/*
 * page_auth.c: sign-up, sign-in, sign-out everywhere and the password
 * change (R1, SECURITY.md A and B).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "pages.h"

static const char *const kinds[] = { "personal", "work", NULL };

static const struct field signin_fields[] = {
	{ "email", "Signin.Email", F_TEXT, 1, EMAIL_MAX, NULL },
	{ "password", "Signin.Password", F_PASSWORD, 1, 0, NULL },
};

static const struct field signup_fields[] = {
	{ "email", "Signup.Email", F_EMAIL, 1, EMAIL_MAX, NULL },
	{ "password", "Signup.Password", F_PASSWORD, 1, 0, NULL },
	{ "first", "Signup.First", F_TEXT, 1, NAME_MAX_, NULL },
	{ "last", "Signup.Last", F_TEXT, 1, NAME_MAX_, NULL },
	{ "kind", "Signup.Kind", F_CHOICE, 1, 0, kinds },
};

static const struct field password_fields[] = {
	{ "current", "Password.Current", F_PASSWORD, 1, 0, NULL },
	{ "password", "Password.New", F_PASSWORD, 1, 0, NULL },
};

#define NF(a)	(sizeof(a) / sizeof(a[0]))

/*
 * password_too_long: A.3: a password over PASSWORD_MAX bytes is refused
 * with 400 before any hash is computed.
 */
static int
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
 * new_password_check: the rules for a new password (A.3, A.4): at least
 * PASSWORD_MIN characters and not one of the common ones.
 */
static void
new_password_check(struct form *fm, const char *name, const char *email)
{
	const char	*pw = form_get(fm, name);
	size_t		 chars = 0;
	const char	*p;

	if (*pw == '\0')
		return;
	for (p = pw; *p != '\0'; p++)
		if (((unsigned char)*p & 0xc0) != 0x80)
			chars++;
	if (chars < PASSWORD_MIN)
		form_error(fm, name, "PasswordShort");
	else if (password_common(pw) || strcasecmp(pw, email) == 0)
		form_error(fm, name, "PasswordCommon");
}

/* begin_session: a new session for account; cookie set.  0 or -1. */
static int
begin_session(struct req *r, int64_t account)
{
	char	 token[65];

	if (session_create(account, r->ip, r->now, token, &r->sess) != 0)
		return -1;
	session_cookie(r, token, -1);
	return 0;
}

static void
signin_render(struct req *r, int status, const struct form *fm)
{
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
 * the password is right.
 */
static int
signin_take(struct req *r, const char *email, int64_t *ids, int n)
{
	static const enum throttle_kind kinds[3] = { THR_SIGNIN_ACCOUNT_IP,
	    THR_SIGNIN_ACCOUNT, THR_SIGNIN_IP };
	char		 pair[EMAIL_MAX + 80];
	const char	*keys[3];

	snprintf(pair, sizeof(pair), "%s|%s", email, r->ip);
	keys[0] = pair;
	keys[1] = email;
	keys[2] = r->ip;
	return throttle_take(kinds, keys, n, r->now, ids);
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
	char		 email[EMAIL_MAX + 1], hash[SCRYPT_MCF_LEN + 1];
	const char	*pw, *next;
	int64_t		 ids[3];
	int		 found, ok, b;

	if (password_too_long(r, "password"))
		return;
	next = req_param(&r->form, "next");	/* kept for another try */
	if (next != NULL && path_is_local(next))
		view_set(r, "Form.next.Value", next);
	if (!form_read(r, &fm, signin_fields, NF(signin_fields))) {
		signin_render(r, 422, &fm);
		return;
	}
	email_normalise(email, sizeof(email), form_get(&fm, "email"));
	pw = form_get(&fm, "password");
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
	if (throttle_give_back(ids, 3) != 0 || db_begin_write() != 0) {
		reply_error(r, 500);
		return;
	}
	if (password_needs_rehash(hash)) {
		char	 fresh[SCRYPT_MCF_LEN];

		if (password_hash(fresh, sizeof(fresh), pw) != 0 ||
		    account_set_hash(a.id, fresh) != 0) {
			reply_abort(r);
			return;
		}
	}
	if (begin_session(r, a.id) != 0) {
		reply_abort(r);
		return;
	}
	if (reply_commit(r) != 0)
		return;
	log_line(r->rid, "signin ok account=%lld ip=%s", (long long)a.id,
	    r->ip);
	r->log_note = "signin-ok";
	/* where to go next: a local path, else the start page (G.31) */
	reply_redirect(r, next != NULL && path_is_local(next) ? next : "/");
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
 * POST /signup: a new account (R1.2), signed in at once and sent to the
 * one-time profile (R2.1).
 */
void
page_auth_signup_post(struct req *r)
{
	struct form	 fm;
	char		 email[EMAIL_MAX + 1];
	int64_t		 id = 0;
	int		 valid;

	if (password_too_long(r, "password"))
		return;
	valid = form_read(r, &fm, signup_fields, NF(signup_fields));
	email_normalise(email, sizeof(email), form_get(&fm, "email"));
	new_password_check(&fm, "password", email);
	if (!valid || fm.nerr > 0) {
		signup_render(r, 422, &fm);
		return;
	}
	if (reply_begin(r) != 0)
		return;
	switch (account_create(email, form_get(&fm, "password"),
	    form_get(&fm, "first"), form_get(&fm, "last"),
	    form_get(&fm, "kind"), r->lang, &id)) {
	case ACCT_OK:
		break;
	case ACCT_EXISTS:
		db_rollback();
		form_error(&fm, "email", "EmailTaken");
		signup_render(r, 422, &fm);
		return;
	default:
		reply_abort(r);
		return;
	}
	if (begin_session(r, id) != 0) {
		reply_abort(r);
		return;
	}
	if (reply_commit(r) != 0)
		return;
	log_line(r->rid, "signup account=%lld ip=%s", (long long)id, r->ip);
	r->log_note = "signup";
	reply_redirect(r, "/profile");
}

/* POST /signout: end every session of the account (R1.2, B.11). */
void
page_auth_signout_post(struct req *r)
{
	const char	*next = req_param(&r->form, "next");

	if (reply_begin(r) != 0)
		return;
	if (session_end_all(r->user.id) != 0) {
		reply_abort(r);
		return;
	}
	if (reply_commit(r) != 0)
		return;
	log_line(r->rid, "signout account=%lld", (long long)r->user.id);
	session_cookie(r, "", 0);
	if (next != NULL && path_is_local(next)) {
		struct buf	 to = { 0 };
		const char	*p;

		/* back to the page after signing in again (R6.1) */
		buf_puts(&to, "/signin?next=");
		for (p = next; *p != '\0'; p++)
			if (isalnum((unsigned char)*p) || strchr("/-_.", *p))
				buf_add(&to, p, 1);
			else
				buf_printf(&to, "%%%02X", (unsigned char)*p);
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
	char		 hash[SCRYPT_MCF_LEN + 1], fresh[SCRYPT_MCF_LEN];
	int64_t		 ids[2];
	int		 valid, b;

	if (password_too_long(r, "password") ||
	    password_too_long(r, "current"))
		return;
	valid = form_read(r, &fm, password_fields, NF(password_fields));
	new_password_check(&fm, "password", r->user.email);
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
	if (!password_check(hash, form_get(&fm, "current"))) {
		log_line(r->rid, "password change fail account=%lld ip=%s",
		    (long long)a.id, r->ip);
		form_error(&fm, "current", "CurrentPassword");
		password_render(r, 422, &fm);
		return;
	}
	if (throttle_give_back(ids, 2) != 0 ||
	    password_hash(fresh, sizeof(fresh), form_get(&fm, "password"))) {
		reply_error(r, 500);
		return;
	}
	if (reply_begin(r) != 0)
		return;
	if (account_set_hash(a.id, fresh) != 0 ||
	    session_end_others(a.id, r->sess.id) != 0) {
		reply_abort(r);
		return;
	}
	if (reply_commit(r) != 0)
		return;
	log_line(r->rid, "password changed account=%lld", (long long)a.id);
	reply_redirect(r, "/password?done=1");
}
