/*
 * account.c: login accounts and their one-time profile (R1, R2).
 * No HTTP here: the pages validate their forms and call these.
 */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "domain/account.h"
#include "data/db.h"
#include "lib/util.h"

/* how a person prefers to be contacted (R2.3, R5.3) */
const char *const contact_methods[] = { "email", "phone", NULL };

/*
 * email_normalise: copy s into dst (size sz) in lower case with the
 * surrounding blanks removed: the form in which emails are stored and
 * looked up.
 */
void
email_normalise(char *dst, size_t sz, const char *s)
{
	size_t	 n;

	while (*s == ' ' || *s == '\t')
		s++;
	strlcpy_(dst, s, sz);
	n = strlen(dst);
	while (n > 0 && (dst[n - 1] == ' ' || dst[n - 1] == '\t'))
		dst[--n] = '\0';
	for (; *dst != '\0'; dst++)
		*dst = (char)tolower((unsigned char)*dst);
}

/*
 * email_valid: a pragmatic check of an address: one '@', a local part
 * and a domain of printable ASCII without blanks or quotes, a dot in
 * the domain, not at either end; 254 bytes at most.
 */
int
email_valid(const char *s)
{
	const char	*at = strchr(s, '@'), *p, *dot;

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
	    strlen(s) > EMAIL_MAX || at - s > 64)
		return 0;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f ||
		    strchr("\"(),:;<>[\\]", *p) != NULL)
			return 0;
	dot = strrchr(at, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0' &&
	    strstr(at, "..") == NULL;
}

/* account_load: read account id into a.  1 if found, 0 if not, -1 error. */
int
account_load(int64_t id, struct account *a)
{
	struct db_cur	*st;
	int		 rc;

	memset(a, 0, sizeof(*a));
	if ((st = db_query(STMT_ACCOUNT_BY_ID, P_INT(":id", id), P_END)) ==
	    NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		a->id = db_col_int(st, ACCOUNT_ID);
		db_col_copy(st, ACCOUNT_EMAIL, a->email, sizeof(a->email));
		db_col_copy(st, ACCOUNT_FIRST_NAME, a->first, sizeof(a->first));
		db_col_copy(st, ACCOUNT_LAST_NAME, a->last, sizeof(a->last));
		db_col_copy(st, ACCOUNT_KIND, a->kind, sizeof(a->kind));
		db_col_copy(st, ACCOUNT_ROLE, a->role, sizeof(a->role));
		a->profile_done = (int)db_col_int(st, ACCOUNT_PROFILE_DONE);
		db_col_copy(st, ACCOUNT_CONTACT_EMAIL, a->contact_email,
		    sizeof(a->contact_email));
		db_col_copy(st, ACCOUNT_PHONE, a->phone, sizeof(a->phone));
		db_col_copy(st, ACCOUNT_COMPANY, a->company, sizeof(a->company));
		db_col_copy(st, ACCOUNT_COUNTRY, a->country, sizeof(a->country));
		db_col_copy(st, ACCOUNT_TIMEZONE, a->tz, sizeof(a->tz));
		db_col_copy(st, ACCOUNT_LANG, a->lang, sizeof(a->lang));
		db_col_copy(st, ACCOUNT_CONTACT_METHOD, a->method, sizeof(a->method));
		a->verified = (int)db_col_int(st, ACCOUNT_VERIFIED);
		db_col_copy(st, ACCOUNT_PENDING_EMAIL, a->pending_email,
		    sizeof(a->pending_email));
		a->totp_on = (int)db_col_int(st, ACCOUNT_TOTP_ON);
		a->disabled = (int)db_col_int(st, ACCOUNT_DISABLED);
	}
	db_done(st);
	return rc;
}

/*
 * account_by_email: look up a normalised email.  On a hit, fill a and
 * copy the password hash into hash (size hsz).  1 if found, 0 if not,
 * -1 on error.
 */
int
account_by_email(const char *email, struct account *a, char *hash,
    size_t hsz)
{
	struct db_cur	*st;
	int64_t		 id = 0;
	int		 rc;

	if ((st = db_query(STMT_ACCOUNT_BY_EMAIL, P_TEXT(":email", email),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		id = db_col_int(st, SIGNIN_ID);
		db_col_copy(st, SIGNIN_PWHASH, hash, hsz);
	}
	db_done(st);
	if (rc != 1)
		return rc;
	return account_load(id, a);
}

/*
 * account_create: a new account (R1.2) with an already validated,
 * normalised email, the scrypt hash of its password (computed by the
 * caller before its write transaction: R14.4), names, kind and the
 * language it signed up in.  Sets *id.  ACCT_EXISTS when the email is
 * taken.
 */
enum acct_err
account_create(const char *email, const char *hash, const char *first,
    const char *last, const char *kind, const char *lang, int64_t *id)
{
	int	 rc;

	rc = db_exec(STMT_ACCOUNT_INSERT, P_TEXT(":email", email),
	    P_TEXT(":pwhash", hash), P_TEXT(":first_name", first),
	    P_TEXT(":last_name", last), P_TEXT(":kind", kind),
	    P_TEXT(":lang", lang), P_INT(":created", (int64_t)time(NULL)),
	    P_END);
	if (rc == DB_CONSTRAINT)
		return ACCT_EXISTS;
	if (rc != DB_OK)
		return ACCT_FAIL;
	*id = db_last_id();
	return ACCT_OK;
}

/* account_set_hash: replace the password hash.  0 or -1. */
int
account_set_hash(int64_t id, const char *hash)
{
	return db_exec(STMT_ACCOUNT_SET_HASH, P_INT(":id", id),
	    P_TEXT(":pwhash", hash), P_END) == DB_OK &&
	    db_changes() == 1 ? 0 : -1;
}

/*
 * account_set_profile: store a validated profile and mark it complete
 * (R2.3).  Names are not part of it: they come from the account (R2.2).
 */
int
account_set_profile(int64_t id, const struct profile *p)
{
	return db_exec(STMT_ACCOUNT_SET_PROFILE, P_INT(":id", id),
	    P_TEXT(":contact_email", p->contact_email),
	    P_TEXT(":phone", p->phone), P_TEXT(":company", p->company),
	    P_TEXT(":country", p->country), P_TEXT(":timezone", p->tz),
	    P_TEXT(":lang", p->lang), P_TEXT(":contact_method", p->method),
	    P_END) == DB_OK && db_changes() == 1 ? 0 : -1;
}

int
account_set_lang(int64_t id, const char *lang)
{
	return db_exec(STMT_ACCOUNT_SET_LANG, P_INT(":id", id),
	    P_TEXT(":lang", lang), P_END) == DB_OK ?
	    0 : -1;
}

int
account_set_role(int64_t id, const char *role)
{
	return db_exec(STMT_ACCOUNT_SET_ROLE, P_INT(":id", id),
	    P_TEXT(":role", role), P_END) == DB_OK &&
	    db_changes() == 1 ? 0 : -1;
}

/* accounts_readable: 1 when the accounts can be read (R13.5). */
int
accounts_readable(void)
{
	return db_int(STMT_HEALTH, -1, P_END) >= 0;
}

/* account_set_verified: the account's address is proven (R14.1).  0/-1. */
int
account_set_verified(int64_t id)
{
	return db_exec(STMT_ACCOUNT_SET_VERIFIED, P_INT(":id", id), P_END) ==
	    DB_OK &&
	    db_changes() == 1 ? 0 : -1;
}

/* account_find: the id of the account of a normalised email, 0, -1. */
int64_t
account_find(const char *email)
{
	return db_int(STMT_ACCOUNT_ID_BY_EMAIL, 0, P_TEXT(":email", email),
	    P_END);
}

/*
 * audit_add: one row of the audit of access (R17.2): action on account
 * and on contract (0: neither), by the operator (op) or by the account
 * itself, with the reason and what changed (detail).  In the caller's
 * transaction.  0 or -1.
 */
int
audit_add(const char *action, int64_t account, int64_t contract, int op,
    const char *reason, const char *detail)
{
	return db_exec(STMT_AUDIT_ADD, P_TEXT(":action", action),
	    P_REF(":account_id", account), P_REF(":contract_id", contract),
	    P_INT(":by_operator", op), P_TEXT(":reason", reason),
	    P_TEXT(":detail", detail), P_INT(":created", (int64_t)time(NULL)),
	    P_END) == DB_OK ? 0 : -1;
}
