/*
 * identity.c: who a person is (R14).  Addresses proven by a link mailed
 * to them, password resets, a sign-up that tells nobody whether an
 * address has an account, two-factor codes, a change of name or
 * address, an account's data and its deletion.
 *
 * A link carries 32 random bytes in hex; only their SHA-256 is stored
 * (M.53), and a link is used up by deleting its row, so that two
 * requests racing with one link cannot both pass (db_changes).  Every
 * function that writes opens its own transaction (they nest).  No
 * scrypt runs here: the pages hash before they call (R14.4).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>


#include "domain/identity.h"
#include "data/db.h"
#include "data/sql.h"
#include "domain/account.h"
#include "domain/attach.h"
#include "domain/outbox.h"
#include "domain/session.h"
#include "domain/throttle.h"
#include "domain/totp.h"
#include "lib/config.h"
#include "lib/util.h"

#define VERIFY_TTL	(24 * 3600)	/* R14.1 */
#define RESET_TTL	3600		/* R14.3 */
#define MAIL_GAP	300		/* one mail of a kind per 5 minutes */

/*
 * link_new: a single-use link of purpose for account, naming email,
 * valid ttl seconds; its token (64 hex digits) into token, unless the
 * caller made it already (token not empty).  0 or -1.
 */
static int
link_new(int64_t account, const char *purpose, const char *email, int ttl,
    time_t now, char token[65])
{
	char	 hash[65];

	if (token[0] == '\0')
		random_hex(token, 32);
	sha256_hex(token, 64, hash);
	if (db_exec(STMT_TOKEN_PRUNE, P_INT(":now", (int64_t)now), P_END) !=
	    DB_OK)
		return -1;
	return db_exec(STMT_TOKEN_INSERT, P_INT(":account_id", account),
	    P_TEXT(":purpose", purpose), P_TEXT(":token_hash", hash),
	    P_TEXT(":email", email), P_INT(":created", (int64_t)now),
	    P_INT(":expires", (int64_t)(now + ttl)), P_END) == DB_OK ? 0 :
	    -1;
}

/*
 * link_find: the live link of purpose whose token is t: 1 with its row
 * id, account and address, 0 when there is none (unknown, used, expired
 * or malformed), -1 on error.
 */
static int
link_find(const char *t, const char *purpose, time_t now, int64_t *row,
    int64_t *account, char *email, size_t esz)
{
	struct db_cur	*st;
	char		 hash[65];
	int		 rc;

	if (!token_valid(t))
		return 0;
	sha256_hex(t, 64, hash);
	if ((st = db_query(STMT_TOKEN_FIND, P_TEXT(":token_hash", hash),
	    P_TEXT(":purpose", purpose), P_INT(":now", (int64_t)now), P_END)) ==
	    NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		*row = db_col_int(st, TOKEN_ID);
		*account = db_col_int(st, TOKEN_ACCOUNT);
		db_col_copy(st, TOKEN_EMAIL, email, esz);
	}
	db_done(st);
	return rc;
}

/*
 * link_use: find and use up the link (inside the caller's transaction):
 * 1 when this request took it, 0 when it is not (or no longer) there.
 */
static int
link_use(const char *t, const char *purpose, time_t now, int64_t *account,
    char *email, size_t esz)
{
	int64_t	 row;
	int	 rc;

	if ((rc = link_find(t, purpose, now, &row, account, email, esz)) != 1)
		return rc;
	if (db_exec(STMT_TOKEN_DELETE, P_INT(":id", row), P_END) != DB_OK)
		return -1;
	return db_changes() == 1;
}

/*
 * link_mail: mail tpl to to in lang with the link origin/path?t=token
 * (Mail.Link; without token, origin/path) and the address concerned
 * (Mail.Email), queued in the caller's transaction.  A mail with a token
 * is marked secret: the outbox forgets its text once delivered.  0 or -1.
 */
static int
link_mail(const char *to, const char *lang, const char *tpl,
    const char *path, const char *token, const char *email)
{
	struct outbox_mail	 m = { to, lang, tpl, 0, { 0 } };
	struct buf		 link = { 0 };
	int			 rc;

	buf_printf(&link, "%s%s", cfg.origin, path);
	if (*token != '\0')
		buf_printf(&link, "?t=%s", token);
	outbox_set(&m, "Link", link.p);
	outbox_set(&m, "Email", email);
	outbox_set(&m, "Secret", *token != '\0' ? "1" : "0");
	rc = outbox_put(&m);
	sodium_memzero(m.vals.p, m.vals.len);
	outbox_free(&m);
	buf_free(&link);
	return rc;
}

/*
 * totp_clear: account's second factor and its recovery codes go (the
 * caller's transaction): turned off, reset on an unproven account,
 * deleted.  0 or -1.
 */
static int
totp_clear(int64_t account)
{
	return db_exec(STMT_ACCOUNT_TOTP_OFF, P_INT(":id", account), P_END) ==
	    DB_OK &&
	    db_exec(STMT_RECOVERY_DELETE_ALL, P_INT(":account_id", account),
	    P_END) == DB_OK ?
	    0 : -1;
}

/* recent: 1 when account had a link of purpose made within MAIL_GAP. */
static int
recent(int64_t account, const char *purpose, time_t now)
{
	int64_t	 last = db_int(STMT_TOKEN_LAST, 0,
	    P_INT(":account_id", account), P_TEXT(":purpose", purpose), P_END);

	return last < 0 ? -1 : last > now - MAIL_GAP;
}

/* account_id_of: the id of the account that signs in with email, or 0. */
static int64_t
account_id_of(const char *email)
{
	return db_int(STMT_ACCOUNT_ID_BY_EMAIL, 0, P_TEXT(":email", email),
	    P_END);
}

/*
 * reset_mail: a reset link for account to its address, unless one was
 * mailed in the last five minutes (M.55); tpl says why it is sent.
 */
static int
reset_mail(int64_t account, const char *email, const char *lang,
    const char *tpl, time_t now)
{
	char	 token[65] = "";
	int	 r;

	if ((r = recent(account, "reset", now)) != 0)
		return r < 0 ? -1 : 0;
	if (link_new(account, "reset", email, RESET_TTL, now, token) != 0)
		return -1;
	return link_mail(email, lang, tpl, "/reset", token, email);
}

/*
 * identity_signup: a new, unverified account with the link that proves
 * its address (R14.1); for an address that has an account already,
 * nothing but a mail to its owner with a reset link (R14.2).  The
 * caller answers both alike.  hash is the password's scrypt hash, made
 * before this transaction (R14.4).  0 or -1.
 */
int
identity_signup(const char *email, const char *hash, const char *first,
    const char *last, const char *kind, const char *lang, time_t now)
{
	char		 token[65];
	int64_t		 id = 0;

	if (db_begin_write() != 0)
		return -1;
	switch (account_create(email, hash, first, last, kind, lang, &id)) {
	case ACCT_OK:
		random_hex(token, 32);
		if (link_new(id, "verify", email, VERIFY_TTL, now, token) != 0 ||
		    link_mail(email, lang, "verify", "/verify", token,
		    email) != 0)
			goto fail;
		break;
	case ACCT_EXISTS:
		if ((id = account_id_of(email)) <= 0 ||
		    reset_mail(id, email, outbox_lang(email, lang), "exists",
		    now) != 0)
			goto fail;
		break;
	default:
		goto fail;
	}
	return db_commit();
fail:
	db_rollback();
	return -1;
}

/*
 * identity_link_again: "send the link again" (R14.1): a fresh link for
 * the account's address, or for the address it is moving to, the older
 * ones of that kind void.  0 or -1.
 */
int
identity_link_again(const struct account *a, time_t now)
{
	const char	*purpose = a->pending_email[0] ? "email" : "verify";
	const char	*to = a->pending_email[0] ? a->pending_email : a->email;
	char		 token[65] = "";

	if (a->verified && a->pending_email[0] == '\0')
		return 0;
	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_TOKEN_DELETE_PURPOSE, P_INT(":account_id", a->id),
	    P_TEXT(":purpose", purpose), P_END) != DB_OK ||
	    link_new(a->id, purpose, to, VERIFY_TTL, now, token) != 0 ||
	    link_mail(to, a->lang, a->pending_email[0] ? "email-new" :
	    "verify", "/verify", token, to) != 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/*
 * identity_confirm: follow a link that proves an address: the sign-up's
 * (the account becomes verified) or a new address's (it replaces the
 * old one, which is told: R14.8).  ID_OK with *account, ID_BAD for a
 * link that is unknown, used, expired or no longer matches the
 * account's address, ID_TAKEN when the new address was taken meanwhile.
 */
enum id_result
identity_confirm(const char *t, time_t now, int64_t *account)
{
	struct account	 a;
	char		 email[EMAIL_MAX + 1];
	int64_t		 other;
	int		 rc, change = 0;

	if (db_begin_write() != 0)
		return ID_FAIL;
	if ((rc = link_use(t, "verify", now, account, email,
	    sizeof(email))) == 0 && (rc = link_use(t, "email", now, account,
	    email, sizeof(email))) == 1)
		change = 1;
	if (rc != 1 || account_load(*account, &a) != 1)
		goto bad;
	if (!change) {
		if (strcmp(a.email, email) != 0)
			goto bad;
		if (!a.verified && account_set_verified(a.id) != 0)
			goto fail;
		return db_commit() == 0 ? ID_OK : ID_FAIL;
	}
	if (strcmp(a.pending_email, email) != 0) {
		/* another account took the address first (its pending
		 * cleared ours): say so */
		if ((other = account_id_of(email)) > 0 && other != a.id)
			return db_commit() == 0 ? ID_TAKEN : ID_FAIL;
		goto bad;
	}
	rc = db_exec(STMT_ACCOUNT_SET_EMAIL, P_INT(":id", a.id),
	    P_TEXT(":email", email), P_END);
	if (rc == DB_CONSTRAINT) {	/* taken meanwhile: it stays so */
		if (db_exec(STMT_ACCOUNT_SET_PENDING, P_INT(":id", a.id),
		    P_TEXT(":pending_email", ""), P_END) != DB_OK)
			goto fail;
		return db_commit() == 0 ? ID_TAKEN : ID_FAIL;
	}
	/* the links mailed to the old address die with it, and no other
	 * account waits for this one any more */
	if (rc != DB_OK || db_changes() != 1 ||
	    db_exec(STMT_TOKEN_DELETE_PURPOSE, P_INT(":account_id", a.id),
	    P_TEXT(":purpose", "reset"), P_END) != DB_OK ||
	    db_exec(STMT_TOKEN_DELETE_PURPOSE, P_INT(":account_id", a.id),
	    P_TEXT(":purpose", "verify"), P_END) != DB_OK ||
	    db_exec(STMT_ACCOUNT_PENDING_CLEAR, P_TEXT(":pending_email", email),
	    P_INT(":id", a.id), P_END) != DB_OK ||
	    link_mail(a.email, a.lang, "email-changed", "/", "", email))
		goto fail;
	return db_commit() == 0 ? ID_OK : ID_FAIL;
bad:
	db_rollback();
	return rc < 0 ? ID_FAIL : ID_BAD;
fail:
	db_rollback();
	return ID_FAIL;
}

/*
 * identity_reset_ask: "forgot your password" for email (R14.3): a link
 * to the address when it has an account.  Run after the answer
 * (serve_after), which is the same either way (M.55).  0 or -1.
 */
int
identity_reset_ask(const char *email, const char *lang, time_t now)
{
	struct account	 a;
	int64_t		 id;

	if (db_begin_write() != 0)
		return -1;
	/* a disabled account gets no link: it could not sign in after */
	if ((id = account_id_of(email)) > 0 && account_load(id, &a) == 1 &&
	    a.disabled)
		id = 0;
	if (id < 0 || (id > 0 &&
	    reset_mail(id, email, outbox_lang(email, lang), "reset", now) != 0)) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/* identity_reset_valid: 1 when t is a live reset link, 0, -1. */
int
identity_reset_valid(const char *t, time_t now)
{
	char	 email[EMAIL_MAX + 1];
	int64_t	 row, account;

	return link_find(t, "reset", now, &row, &account, email,
	    sizeof(email));
}

/*
 * identity_reset: complete a reset with the new password's hash (made
 * before: R14.4): every session of the account ends, every other reset
 * link dies, and its sign-in lock-out is lifted (R14.3, R14.5).  A
 * reset that reaches the mailbox also proves the address.  ID_OK with
 * *account, ID_BAD for a dead link.
 */
enum id_result
identity_reset(const char *t, const char *hash, time_t now, int64_t *account)
{
	struct account	 a;
	char		 email[EMAIL_MAX + 1];
	int		 rc;

	if (db_begin_write() != 0)
		return ID_FAIL;
	if ((rc = link_use(t, "reset", now, account, email,
	    sizeof(email))) != 1) {
		db_rollback();
		return rc < 0 ? ID_FAIL : ID_BAD;
	}
	/* an account whose address nobody had proved keeps no second
	 * factor: it was whoever signed up with the address, and the
	 * address's owner is the one resetting (R14.3, R14.5) */
	if (account_load(*account, &a) != 1 || strcmp(a.email, email) != 0) {
		db_rollback();		/* mailed to an address it left */
		return ID_BAD;
	}
	if ((!a.verified && totp_clear(*account) != 0) ||
	    account_set_hash(*account, hash) != 0 ||
	    session_end_all(*account) != 0 ||
	    db_exec(STMT_TOKEN_DELETE_PURPOSE, P_INT(":account_id", *account),
	    P_TEXT(":purpose", "reset"), P_END) != DB_OK ||
	    throttle_clear_account(email) != 0 ||
	    db_exec(STMT_ACCOUNT_VERIFY_IF, P_INT(":id", *account),
	    P_TEXT(":email", email), P_END) != DB_OK) {
		db_rollback();
		return ID_FAIL;
	}
	return db_commit() == 0 ? ID_OK : ID_FAIL;
}

/*
 * identity_signin: a session for account after its password (R1.4), or
 * one waiting for its code when mfa (R14.6); a weaker hash replaced by
 * fresh when it is not empty (made before: R14.4).  The cookie value
 * into token, s filled.  0 or -1.
 */
int
identity_signin(int64_t account, const char *fresh, int mfa, const char *ip,
    const char *agent, time_t now, char token[65], struct session *s)
{
	if (db_begin_write() != 0)
		return -1;
	if ((fresh[0] != '\0' && account_set_hash(account, fresh) != 0) ||
	    session_create(account, ip, agent, mfa, now, token, s) != 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/*
 * identity_signin_done: the right code completes a sign-in: the waiting
 * session gets a new id and signs its account in (B.9, R14.6).  0/-1.
 */
int
identity_signin_done(struct session *s, time_t now, char token[65])
{
	if (db_begin_write() != 0)
		return -1;
	if (session_rekey(s, now, token) != 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/*
 * identity_password: a changed password's hash (made before: R14.4);
 * every other session ends and this one gets a new id (R14.7).  The
 * new cookie value is written into token.  0 or -1.
 */
int
identity_password(int64_t account, const char *hash, struct session *s,
    time_t now, char token[65])
{
	if (db_begin_write() != 0)
		return -1;
	if (account_set_hash(account, hash) != 0 ||
	    session_end_others(account, s->id) != 0 ||
	    session_rekey(s, now, token) != 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/*
 * fold: the letters of s as plain lower-case ASCII into out, for
 * comparing names with the staff mark: ASCII letters folded; fullwidth
 * forms as their ASCII; Cyrillic and Greek letters that look like Latin
 * ones as those; digits that pass for letters (0, 1, 5) likewise;
 * everything else (spaces, marks, zero-width characters) dropped.
 * Hand-written: no library of Debian's stack holds Unicode's confusables
 * table, and the mark has seven letters to guard.
 */
static void
fold(char *out, size_t sz, size_t *n, const char *s)
{
	static const struct {
		unsigned	 cp;
		char		 c;
	} alike[] = {
		{ 0x0430, 'a' }, { 0x0410, 'a' }, { 0x0435, 'e' },
		{ 0x0415, 'e' }, { 0x043e, 'o' }, { 0x041e, 'o' },
		{ 0x0440, 'p' }, { 0x0420, 'p' }, { 0x0441, 'c' },
		{ 0x0421, 'c' }, { 0x0443, 'y' }, { 0x0445, 'x' },
		{ 0x0455, 's' }, { 0x0405, 's' }, { 0x0456, 'i' },
		{ 0x0406, 'i' }, { 0x0458, 'j' }, { 0x0442, 't' },
		{ 0x0422, 't' }, { 0x0433, 'r' }, { 0x051b, 'q' },
		{ 0x0501, 'd' }, { 0x03bf, 'o' }, { 0x039f, 'o' },
		{ 0x03c1, 'p' }, { 0x03a1, 'p' }, { 0x03c4, 't' },
		{ 0x03a4, 't' }, { 0x03c5, 'u' }, { 0x03bd, 'v' },
		{ 0x0585, 'o' }, { 0x057d, 'u' }, { 0x0578, 'n' },
	};
	const unsigned char	*p = (const unsigned char *)s;
	unsigned		 cp;
	size_t			 i, len;

	while (*p != '\0' && *n < sz - 1) {
		if (*p < 0x80) {
			cp = *p;
			len = 1;
		} else if ((*p & 0xe0) == 0xc0 && p[1] != '\0') {
			cp = (unsigned)(*p & 0x1f) << 6 | (p[1] & 0x3f);
			len = 2;
		} else if ((*p & 0xf0) == 0xe0 && p[1] != '\0' &&
		    p[2] != '\0') {
			cp = (unsigned)(*p & 0x0f) << 12 |
			    (unsigned)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			len = 3;
		} else {		/* four bytes, or broken: dropped */
			p++;
			while ((*p & 0xc0) == 0x80)
				p++;
			continue;
		}
		p += len;
		if (cp >= 0xff21 && cp <= 0xff5a)	/* fullwidth A-z */
			cp -= 0xfee0;
		if (cp < 0x80) {
			if (isalpha((int)cp))
				out[(*n)++] = (char)tolower((int)cp);
			else if (cp == '0' || cp == '1' || cp == '5')
				out[(*n)++] = cp == '0' ? 'o' :
				    cp == '1' ? 'l' : 's';
			continue;
		}
		for (i = 0; i < sizeof(alike) / sizeof(alike[0]); i++)
			if (alike[i].cp == cp) {
				out[(*n)++] = alike[i].c;
				break;
			}
	}
	out[*n] = '\0';
}

/*
 * identity_name_ok: 0 when the name a customer chose could pass for the
 * staff mark (R14.10, M.64): its letters, folded, contain "support" or
 * the configured label's.
 */
int
identity_name_ok(const char *first, const char *last)
{
	char		 name[2 * NAME_MAX_ * 4 + 2], mark[64];
	size_t		 n = 0, m = 0;

	fold(name, sizeof(name), &n, first);
	fold(name, sizeof(name), &n, last);
	fold(mark, sizeof(mark), &m, cfg.staff_label);
	return strstr(name, "support") == NULL &&
	    (mark[0] == '\0' || strstr(name, mark) == NULL);
}

/* identity_set_name: the account's names (R14.8).  0 or -1. */
int
identity_set_name(int64_t account, const char *first, const char *last)
{
	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_ACCOUNT_SET_NAME, P_INT(":id", account),
	    P_TEXT(":first_name", first), P_TEXT(":last_name", last), P_END) !=
	    DB_OK || db_changes() != 1) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/*
 * identity_email_change: a new address for the account (R14.8), kept
 * pending until its link is followed.  An address that has an account
 * already gets the "someone tried" mail instead, and the page answers
 * alike (R14.2).  0 or -1.
 */
int
identity_email_change(const struct account *a, const char *email,
    time_t now)
{
	char	 token[65] = "";
	int64_t	 other;

	if (db_begin_write() != 0)
		return -1;
	if ((other = account_id_of(email)) < 0)
		goto fail;
	if (other > 0) {
		if (other != a->id && reset_mail(other, email,
		    outbox_lang(email, a->lang), "exists", now) != 0)
			goto fail;
		return db_commit();
	}
	if (db_exec(STMT_ACCOUNT_SET_PENDING, P_INT(":id", a->id),
	    P_TEXT(":pending_email", email), P_END) != DB_OK ||
	    db_exec(STMT_TOKEN_DELETE_PURPOSE, P_INT(":account_id", a->id),
	    P_TEXT(":purpose", "email"), P_END) != DB_OK ||
	    link_new(a->id, "email", email, VERIFY_TTL, now, token) != 0 ||
	    link_mail(email, a->lang, "email-new", "/verify", token, email))
		goto fail;
	return db_commit();
fail:
	db_rollback();
	return -1;
}

/* --------------------------------------------------------------- TOTP */

/*
 * totp_secret_of: the account's sealed secret opened into b32, and
 * whether it is on and its last step.  1, 0 when it has none, -1.
 */
static int
totp_secret_of(int64_t account, char b32[TOTP_SECRET_B32 + 1], int *on,
    int64_t *step)
{
	struct db_cur		*st;
	const unsigned char	*p;
	size_t			 n;
	int			 rc;

	if ((st = db_query(STMT_ACCOUNT_TOTP_GET, P_INT(":id", account),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		p = db_col_blob(st, TOTP_SEALED, &n);
		*on = (int)db_col_int(st, TOTP_ON);
		*step = db_col_int(st, TOTP_STEP);
		if (p == NULL || n == 0)
			rc = 0;
		else if (totp_open(p, n, b32) != 0)
			rc = -1;
	}
	db_done(st);
	return rc;
}

/*
 * identity_totp_pending: the secret of an enrolment under way, into
 * b32: 1, 0 when there is none (or it is on already), -1.  Reads only.
 */
int
identity_totp_pending(int64_t account, char b32[TOTP_SECRET_B32 + 1])
{
	int64_t	 step;
	int	 on = 0, rc;

	if ((rc = totp_secret_of(account, b32, &on, &step)) == 1 && on) {
		sodium_memzero(b32, TOTP_SECRET_B32 + 1);
		rc = 0;
	}
	return rc;
}

/*
 * identity_totp_begin: a new secret for an account that has no second
 * factor on yet, sealed and stored until a first code confirms it
 * (R14.6); b32 receives it, to be shown.  An enrolment under way keeps
 * its secret, so that a reload shows the same one.  0 or -1.
 */
int
identity_totp_begin(int64_t account, char b32[TOTP_SECRET_B32 + 1])
{
	unsigned char	 sealed[TOTP_SEALED_MAX];
	size_t		 n = sizeof(sealed);
	int64_t		 step;
	int		 on = 0, rc;

	if ((rc = totp_secret_of(account, b32, &on, &step)) < 0)
		return -1;
	if (rc == 1)
		return on ? -1 : 0;
	totp_secret_new(b32);
	if (totp_seal(b32, sealed, &n) != 0 || db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_ACCOUNT_TOTP_SET, P_INT(":id", account),
	    P_BLOB(":totp_sealed", sealed, n), P_END) != DB_OK ||
	    db_changes() != 1) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/*
 * recovery_set: ten new recovery codes for account, the old ones void
 * (caller's transaction); written into codes to be shown once.
 */
static int
recovery_set(int64_t account, char codes[RECOVERY_N][RECOVERY_LEN + 1])
{
	char	 hash[65];
	int	 i;

	if (db_exec(STMT_RECOVERY_DELETE_ALL, P_INT(":account_id", account),
	    P_END) != DB_OK)
		return -1;
	for (i = 0; i < RECOVERY_N; i++) {
		recovery_new(codes[i]);
		if (recovery_hash(codes[i], hash) != 0 ||
		    db_exec(STMT_RECOVERY_ADD, P_INT(":account_id", account),
		    P_TEXT(":code_hash", hash), P_END) != DB_OK)
			return -1;
	}
	return 0;
}

/*
 * identity_totp_confirm: the first code of an enrolment turns the second
 * factor on and makes ten recovery codes (R14.6).  ID_OK, ID_BAD for a
 * wrong code.
 */
enum id_result
identity_totp_confirm(int64_t account, const char *code, time_t now,
    char codes[RECOVERY_N][RECOVERY_LEN + 1])
{
	char	 b32[TOTP_SECRET_B32 + 1];
	int64_t	 step = 0, last;
	int	 on = 0, rc;

	if ((rc = totp_secret_of(account, b32, &on, &last)) != 1 || on) {
		sodium_memzero(b32, sizeof(b32));
		return rc < 0 ? ID_FAIL : ID_BAD;
	}
	rc = totp_check(b32, code, now, last, &step);
	sodium_memzero(b32, sizeof(b32));
	if (rc != 1)
		return rc < 0 ? ID_FAIL : ID_BAD;
	if (db_begin_write() != 0)
		return ID_FAIL;
	if (db_exec(STMT_ACCOUNT_TOTP_ON, P_INT(":id", account),
	    P_INT(":totp_step", step), P_END) != DB_OK ||
	    db_changes() != 1 || recovery_set(account, codes) != 0) {
		db_rollback();
		return ID_FAIL;
	}
	return db_commit() == 0 ? ID_OK : ID_FAIL;
}

/*
 * identity_code: a second factor for account: a TOTP code at a step
 * later than the last one taken (a code works once, M.58), or one of
 * its recovery codes, used up.  1, 0 (wrong or used), -1.
 */
int
identity_code(int64_t account, const char *code, time_t now)
{
	char	 b32[TOTP_SECRET_B32 + 1], hash[65];
	int64_t	 step = 0, last = 0;
	int	 on = 0, rc;

	if ((rc = totp_secret_of(account, b32, &on, &last)) != 1 || !on) {
		sodium_memzero(b32, sizeof(b32));
		return rc < 0 ? -1 : 0;
	}
	rc = totp_check(b32, code, now, last, &step);
	sodium_memzero(b32, sizeof(b32));
	if (rc < 0 || db_begin_write() != 0)
		return -1;
	if (rc == 1)
		rc = db_exec(STMT_ACCOUNT_TOTP_STEP, P_INT(":id", account),
		    P_INT(":totp_step", step), P_END);
	else if (recovery_hash(code, hash) == 0)
		rc = db_exec(STMT_RECOVERY_USE, P_INT(":account_id", account),
		    P_TEXT(":code_hash", hash), P_END);
	else {
		db_rollback();
		return 0;
	}
	if (rc != DB_OK) {
		db_rollback();
		return -1;
	}
	rc = db_changes() == 1;		/* 0: another request took it */
	return db_commit() == 0 ? rc : -1;
}

/* identity_totp_off: the second factor and its recovery codes go. */
int
identity_totp_off(int64_t account)
{
	if (db_begin_write() != 0)
		return -1;
	if (totp_clear(account) != 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/* identity_recovery_again: ten new recovery codes, the old ones void. */
int
identity_recovery_again(int64_t account,
    char codes[RECOVERY_N][RECOVERY_LEN + 1])
{
	if (db_begin_write() != 0)
		return -1;
	if (recovery_set(account, codes) != 0) {
		db_rollback();
		return -1;
	}
	return db_commit();
}

/* identity_recovery_left: how many recovery codes are unused, or -1. */
int
identity_recovery_left(int64_t account)
{
	return (int)db_int(STMT_RECOVERY_COUNT, 0,
	    P_INT(":account_id", account), P_END);
}

/* ------------------------------------------------------------ sessions */

/* identity_sessions: each live session of account to fn (R14.7). */
int
identity_sessions(int64_t account, time_t now,
    int (*fn)(void *, const struct session_row *), void *arg)
{
	struct db_cur		*st;
	struct session_row	 s;
	int			 rc;

	if ((st = db_query(STMT_SESSIONS_OF_ACCOUNT,
	    P_INT(":account_id", account),
	    P_INT(":idle_cut", (int64_t)(now - cfg.idle_timeout)),
	    P_INT(":age_cut", (int64_t)(now - cfg.abs_timeout)), P_END)) ==
	    NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		s.id = db_col_int(st, SESSIONS_ID);
		s.created = db_col_int(st, SESSIONS_CREATED);
		s.seen = db_col_int(st, SESSIONS_SEEN);
		s.ip = db_col_text(st, SESSIONS_IP);
		s.agent = db_col_text(st, SESSIONS_AGENT);
		if (fn(arg, &s) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* identity_session_end: end session id of account.  1, 0 (none), -1. */
int
identity_session_end(int64_t account, int64_t id)
{
	int	 rc;

	if (db_begin_write() != 0)
		return -1;
	if ((rc = session_end_one(account, id)) < 0) {
		db_rollback();
		return -1;
	}
	return db_commit() == 0 ? rc : -1;
}

/* ---------------------------------------------------------- your data */

/*
 * json_rows: the rows of st as a JSON array of objects named by keys
 * (one a column; a key starting with '#' is a number).
 */
static int
json_rows(struct buf *b, struct db_cur *st, const char *const *keys, int n)
{
	int	 rc, i, first = 1;

	buf_add(b, "[", 1);
	while ((rc = db_row(st)) == 1) {
		buf_puts(b, first ? "\n    {" : ",\n    {");
		first = 0;
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_add(b, ", ", 2);
			json_str(b, keys[i] + (keys[i][0] == '#'));
			buf_add(b, ": ", 2);
			if (keys[i][0] == '#')
				buf_printf(b, "%lld",
				    (long long)db_col_int(st, i));
			else
				json_str(b, db_col_text(st, i));
		}
		buf_add(b, "}", 1);
	}
	db_done(st);
	buf_puts(b, first ? "]" : "\n  ]");
	return rc < 0 ? -1 : 0;
}

/*
 * identity_export: the account's data as one JSON document (R14.9): its
 * profile, the contracts it activated, the requests it is a contact of
 * with their threads, its purchases.  0 or -1.
 */
int
identity_export(int64_t account, struct buf *b)
{
	static const char *const acc[] = { "email", "first_name",
	    "last_name", "kind", "role", "#created", "contact_email", "phone",
	    "company", "country", "time_zone", "language", "contact_method",
	    "#two_factor" };
	static const char *const con[] = { "access_id", "contract_id",
	    "programme", "plan", "#incidents_total", "#incidents_left",
	    "start_date", "end_date", "#activated" };
	static const char *const req[] = { "#id", "title", "status",
	    "severity", "#created", "description", "role" };
	static const char *const msg[] = { "#request", "author", "text",
	    "#created" };
	static const char *const pur[] = { "#id", "status", "#amount",
	    "currency", "#created" };
	static const struct {
		const char		*name;
		enum stmt		 stmt;
		const char *const	*keys;
		int			 n;
	} part[] = {
		{ "account", STMT_DATA_ACCOUNT, acc,
		    STMT_DATA_ACCOUNT_NCOLS },
		{ "contracts", STMT_DATA_CONTRACTS, con,
		    STMT_DATA_CONTRACTS_NCOLS },
		{ "requests", STMT_DATA_REQUESTS, req,
		    STMT_DATA_REQUESTS_NCOLS },
		{ "messages", STMT_DATA_MESSAGES, msg,
		    STMT_DATA_MESSAGES_NCOLS },
		{ "purchases", STMT_DATA_PURCHASES, pur,
		    STMT_DATA_PURCHASES_NCOLS },
	};
	/* a key for each column of its statement (sql.def) */
#define KEYS(k, id)	_Static_assert(sizeof(k) / sizeof(k[0]) == id##_NCOLS, #k)
	KEYS(acc, STMT_DATA_ACCOUNT);
	KEYS(con, STMT_DATA_CONTRACTS);
	KEYS(req, STMT_DATA_REQUESTS);
	KEYS(msg, STMT_DATA_MESSAGES);
	KEYS(pur, STMT_DATA_PURCHASES);
#undef KEYS
	struct db_cur	*st;
	size_t		 i;

	buf_puts(b, "{\n  \"format\": \"supportal-account-1\"");
	for (i = 0; i < sizeof(part) / sizeof(part[0]); i++) {
		buf_puts(b, ",\n  ");
		json_str(b, part[i].name);
		buf_puts(b, ": ");
		if ((st = db_query(part[i].stmt,
		    P_INT(":account_id", account), P_END)) == NULL ||
		    json_rows(b, st, part[i].keys, part[i].n) != 0)
			return -1;
	}
	buf_puts(b, "\n}\n");
	return 0;
}

/*
 * identity_erase: delete the account (R14.9), in one transaction.  Its
 * unsent drafts with their files, its sessions, card, links, codes,
 * activations and profile go; its row stays, emptied, for the ledger
 * and the purchases that name it, and its messages stay on their
 * requests under "former user" (an empty author).  The drafts' files
 * are removed once it is committed.  0 or -1.
 */
int
identity_erase(int64_t account)
{
	struct db_cur	*st;
	struct buf	 names = { 0 };	/* stored names, NUL after each */
	char		 path[1200];
	const char	*p;
	int		 rc;

	if (db_begin_write() != 0)
		return -1;
	if ((st = db_query(STMT_ACCOUNT_DRAFT_FILES,
	    P_INT(":account_id", account), P_END)) == NULL)
		goto fail;
	while ((rc = db_row(st)) == 1)
		buf_add(&names, db_col_text(st, 0),
		    strlen(db_col_text(st, 0)) + 1);
	db_done(st);
	if (rc < 0 ||
	    db_exec(STMT_ACCOUNT_ERASE_DRAFTS, P_INT(":account_id", account),
	    P_END) != DB_OK ||
	    db_exec(STMT_ACCOUNT_ERASE_MESSAGES, P_INT(":author_id", account),
	    P_END) != DB_OK ||
	    db_exec(STMT_ACCOUNT_ERASE_ACTIVATIONS,
	    P_INT(":account_id", account), P_END) != DB_OK ||
	    db_exec(STMT_CARD_DELETE, P_INT(":account_id", account), P_END) !=
	    DB_OK ||
	    db_exec(STMT_TOKEN_DELETE_ACCOUNT, P_INT(":account_id", account),
	    P_END) != DB_OK ||
	    totp_clear(account) != 0 || session_end_all(account) != 0 ||
	    db_exec(STMT_ACCOUNT_ERASE, P_INT(":id", account), P_END) !=
	    DB_OK ||
	    db_changes() != 1)
		goto fail;
	if (db_commit() != 0) {
		buf_free(&names);
		return -1;
	}
	for (p = names.p; p != NULL && p < names.p + names.len;
	    p += strlen(p) + 1) {
		attach_path(path, sizeof(path), p);
		unlink(path);
	}
	buf_free(&names);
	return 0;
fail:
	db_rollback();
	buf_free(&names);
	return -1;
}

/*
 * identity_disable: the operator disables (on) or enables account
 * (R17.2), the reason in the audit.  Disabled, its sessions end at once
 * and a sign-in is refused as a wrong password is (the account is not
 * found by its email); its contracts, requests and ledger rows stay.
 * 0, 1 when it was so already (or is not there), -1.
 */
int
identity_disable(int64_t account, int on, const char *reason)
{
	int	 n;

	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_ACCOUNT_SET_DISABLED, P_INT(":id", account),
	    P_INT(":disabled", on), P_END) != DB_OK)
		return db_end(-1);
	if ((n = db_changes()) == 1 && ((on && session_end_all(account) != 0) ||
	    audit_add(on ? "disable" : "enable", account, 0, 1, reason,
	    "") != 0))
		return db_end(-1);
	return db_end(n == 1 ? 0 : 1);
}

/*
 * identity_reset_send: the operator mails account a password-reset link
 * (R17.2), the one "forgot your password" mails (R14.3), without its
 * five-minute gap; the reason in the audit.  0, 1 when the account is
 * not there or disabled (its link would lead nowhere), -1.
 */
int
identity_reset_send(int64_t account, const char *reason, time_t now)
{
	struct account	 a;
	char		 token[65] = "";
	int		 rc;

	if (db_begin_write() != 0)
		return -1;
	if ((rc = account_load(account, &a)) != 1 || a.disabled)
		return db_end(rc < 0 ? -1 : 1);
	if (link_new(account, "reset", a.email, RESET_TTL, now, token) != 0 ||
	    link_mail(a.email, a.lang, "reset", "/reset", token,
	    a.email) != 0 ||
	    audit_add("reset", account, 0, 1, reason, "") != 0)
		return db_end(-1);
	return db_end(0);
}
