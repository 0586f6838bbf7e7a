/*
 * contract.c: support contracts (R3): their IDs, issuing, activation and
 * sharing, the incident ledger (R11.2) and the eligibility of a plan for
 * a product version (R3.7, R11.1).  No HTTP here.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>


#include "domain/contract.h"
#include "data/db.h"
#include "domain/account.h"
#include "domain/outbox.h"
#include "lib/util.h"

const char *const programme_code[PROG__MAX] = {
	[PROG_PARTNER_PACK] = "partner_pack",
	[PROG_PARTNER_CORE] = "partner_core",
	[PROG_PARTNER_CLOUD] = "partner_cloud",
	[PROG_VS] = "vs",
	[PROG_SA] = "sa",
	[PROG_CLOUD_PLAN] = "cloud_plan",
	[PROG_PPI] = "ppi",
};

const char *const scope_code[SCOPE__MAX] = {
	[SCOPE_ONPREM] = "onprem",
	[SCOPE_CLOUD] = "cloud",
	[SCOPE_BOTH] = "both",
};

static const char *const pkind_code[PK__MAX] = {
	[PK_ONPREM] = "onprem",
	[PK_CLOUD] = "cloud",
	[PK_HYBRID] = "hybrid",
};

const char *const elig_code[ELIG__MAX] = {
	[ELIG_AVAILABLE] = "Available",
	[ELIG_NOT_STARTED] = "NotStarted",
	[ELIG_EXPIRED] = "Expired",
	[ELIG_NO_INCIDENTS] = "NoIncidents",
	[ELIG_CLOUD_ONLY] = "CloudOnly",
	[ELIG_ONPREM_ONLY] = "OnPremOnly",
	[ELIG_VERSION] = "Version",
	[ELIG_NOT_MAINSTREAM] = "NotMainstream",
	[ELIG_NOT_LATEST] = "NotLatest",
};

const char *const fix_code[FIX__MAX] = {
	[FIX_NONE] = "None",
	[FIX_ADD_PLAN] = "AddPlan",
	[FIX_OTHER_VERSION] = "OtherVersion",
	[FIX_LATEST_VERSION] = "LatestVersion",
	[FIX_CLOUD_PORTAL] = "CloudPortal",
};

/*
 * The programmes of R3.2: the days of grace after a year, and the scopes
 * a contract of the programme may have (the first is its default).
 */
static const struct {
	int		 grace;
	unsigned	 scopes;	/* bit per enum scope */
	enum scope	 dflt;
} prog_rule[PROG__MAX] = {
	[PROG_PARTNER_PACK] = { 30, 1u << SCOPE_ONPREM, SCOPE_ONPREM },
	[PROG_PARTNER_CORE] = { 30, 1u << SCOPE_ONPREM, SCOPE_ONPREM },
	[PROG_PARTNER_CLOUD] = { 30, 1u << SCOPE_CLOUD, SCOPE_CLOUD },
	[PROG_VS] = { 0, 1u << SCOPE_ONPREM | 1u << SCOPE_BOTH, SCOPE_ONPREM },
	[PROG_SA] = { 0, 1u << SCOPE_ONPREM | 1u << SCOPE_BOTH, SCOPE_ONPREM },
	[PROG_CLOUD_PLAN] = { 0, 1u << SCOPE_CLOUD, SCOPE_CLOUD },
	[PROG_PPI] = { 0, 1u << SCOPE_ONPREM, SCOPE_ONPREM },
};

static int
code_index(const char *const *codes, int n, const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(codes[i], s) == 0)
			return i;
	return -1;
}

/* programme_parse, scope_parse, pkind_parse: the enum of a code, or -1. */
int
programme_parse(const char *s)
{
	return code_index(programme_code, PROG__MAX, s);
}

int
scope_parse(const char *s)
{
	return code_index(scope_code, SCOPE__MAX, s);
}

int
pkind_parse(const char *s)
{
	return code_index(pkind_code, PK__MAX, s);
}

enum scope
programme_scope(enum programme p)
{
	return prog_rule[p].dflt;
}

/* programme_scope_ok: 1 if a contract of programme p may have scope s. */
int
programme_scope_ok(enum programme p, enum scope s)
{
	return (prog_rule[p].scopes & (1u << s)) != 0;
}

/*
 * The symbols of an ID: digits and capitals without 0, 1, I, L, O and U,
 * which are read or heard as one another.  30 symbols, so each is
 * log2(30) = 4.9 bits and the pair of two ten-symbol IDs about 98 bits
 * (SECURITY.md C.13 asks for 64).
 */
static const char	 idsym[] = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
#define NSYM	30

/* contract_id_new: a random ID from getrandom(2), without bias. */
void
contract_id_new(char out[CONTRACT_ID_LEN + 1])
{
	unsigned char	 b[64];
	size_t		 i, n = 0;

	while (n < CONTRACT_ID_LEN) {
		random_bytes(b, sizeof(b));
		for (i = 0; i < sizeof(b) && n < CONTRACT_ID_LEN; i++)
			if (b[i] < 240)		/* 240 = 8 * 30 */
				out[n++] = idsym[b[i] % NSYM];
	}
	out[n] = '\0';
}

/*
 * contract_id_normalise: what a person typed, without spaces and dashes,
 * in capitals.  1 and the ID in out when it has CONTRACT_ID_LEN symbols
 * of the alphabet, else 0.
 */
int
contract_id_normalise(char out[CONTRACT_ID_LEN + 1], const char *in)
{
	size_t	 n = 0;

	for (; *in != '\0'; in++) {
		int	 c = toupper((unsigned char)*in);

		if (c == ' ' || c == '-' || c == '\t')
			continue;
		if (n == CONTRACT_ID_LEN || strchr(idsym, c) == NULL || c == 0)
			return 0;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return n == CONTRACT_ID_LEN;
}

/* contract_id_format: "ABCDE-FGHJK", the way the portal shows an ID. */
void
contract_id_format(char out[CONTRACT_ID_LEN + 2], const char *id)
{
	snprintf(out, CONTRACT_ID_LEN + 2, "%.5s-%.5s", id, id + 5);
}

/* today_utc: the date of t in UTC as YYYY-MM-DD. */
void
today_utc(char out[11], time_t t)
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/*
 * contract_eligibility: whether a plan can be used for a product version
 * today (R3.7), as one reason.  A pure function: the caller looks up
 * the facts.  The first reason that applies, in this order: the dates,
 * the balance, the kind of product, the versions listed, then the rule
 * of the programme.
 */
enum elig
contract_eligibility(const struct elig_in *e)
{
	if (strcmp(e->today, e->start) < 0)
		return ELIG_NOT_STARTED;
	if (strcmp(e->today, e->end) > 0)
		return ELIG_EXPIRED;
	if (e->left <= 0)
		return ELIG_NO_INCIDENTS;
	if (e->kind == PK_ONPREM && e->scope == SCOPE_CLOUD)
		return ELIG_CLOUD_ONLY;
	if (e->kind == PK_CLOUD && e->scope == SCOPE_ONPREM)
		return ELIG_ONPREM_ONLY;
	if (e->listed && !e->covered)
		return ELIG_VERSION;
	/* an empty mainstream end: a modern lifecycle, always supported */
	if (e->prog == PROG_VS && e->mainstream_end[0] != '\0' &&
	    strcmp(e->today, e->mainstream_end) > 0)
		return ELIG_NOT_MAINSTREAM;
	if (e->prog == PROG_PARTNER_CORE && !e->latest)
		return ELIG_NOT_LATEST;
	return ELIG_AVAILABLE;
}

/* elig_fix: what would make a plan that is unavailable for r usable. */
enum fix
elig_fix(enum elig r)
{
	switch (r) {
	case ELIG_AVAILABLE:
		return FIX_NONE;
	case ELIG_ONPREM_ONLY:
		return FIX_CLOUD_PORTAL;
	case ELIG_VERSION:
	case ELIG_NOT_MAINSTREAM:
		return FIX_OTHER_VERSION;
	case ELIG_NOT_LATEST:
		return FIX_LATEST_VERSION;
	default:
		return FIX_ADD_PLAN;
	}
}

/*
 * contract_issue: a new contract (R3.1) with fresh IDs, its versions and
 * its first ledger row.  On success returns 0 with the IDs in aid and
 * cid and the row id in *id; on a bad value returns 1 with a message in
 * err; -1 on a database error.
 */
int
contract_issue(const struct contract_new *c, char *err, size_t esz,
    char aid[CONTRACT_ID_LEN + 1], char cid[CONTRACT_ID_LEN + 1],
    int64_t *id)
{
	struct db_cur		*st;
	char			 end[11] = "", grace[8];
	const char *const	*v;
	int			 tries, rc = -1;

	if (c->incidents <= 0 || c->incidents > 1000) {
		snprintf(err, esz, "incidents must be 1 to 1000");
		return 1;
	}
	if (!programme_scope_ok(c->prog, c->scope)) {
		snprintf(err, esz, "scope %s is not possible for %s",
		    scope_code[c->scope], programme_code[c->prog]);
		return 1;
	}
	snprintf(grace, sizeof(grace), "+%d", prog_rule[c->prog].grace);
	if ((st = db_query(STMT_DATE_END, P_TEXT(":start", c->start),
	    P_TEXT(":grace_days", grace), P_END)) == NULL)
		return -1;
	if (db_row(st) == 1)
		db_col_copy(st, 0, end, sizeof(end));
	db_done(st);
	if (strlen(c->start) != 10 || end[0] == '\0') {
		snprintf(err, esz, "start must be a date YYYY-MM-DD");
		return 1;
	}
	if (db_begin_write() != 0)
		return -1;
	for (tries = 0; tries < 5; tries++) {
		if (c->fixed_aid != NULL) {	/* the demo's known pairs */
			strlcpy_(aid, c->fixed_aid, CONTRACT_ID_LEN + 1);
			strlcpy_(cid, c->fixed_cid, CONTRACT_ID_LEN + 1);
		} else {
			contract_id_new(aid);
			contract_id_new(cid);
		}
		rc = db_exec(STMT_CONTRACT_INSERT, P_TEXT(":access_id", aid),
		    P_TEXT(":contract_id", cid),
		    P_TEXT(":programme", programme_code[c->prog]),
		    P_TEXT(":plan", c->plan), P_INT(":incidents", c->incidents),
		    P_TEXT(":start_date", c->start), P_TEXT(":end_date", end),
		    P_TEXT(":scope", scope_code[c->scope]),
		    P_INT(":created", (int64_t)time(NULL)), P_END);
		if (rc != DB_CONSTRAINT || c->fixed_aid != NULL)
			break;			/* else a collision: draw again */
	}
	if (rc != DB_OK)
		goto fail;
	*id = db_last_id();
	for (v = c->versions; v != NULL && *v != NULL; v++) {
		char	 prod[64];
		const char *slash = strchr(*v, '/');

		if (slash == NULL || (size_t)(slash - *v) >= sizeof(prod)) {
			snprintf(err, esz, "version %s: use product/version",
			    *v);
			rc = 1;
			goto fail;
		}
		memcpy(prod, *v, (size_t)(slash - *v));
		prod[slash - *v] = '\0';
		if (db_exec(STMT_CONTRACT_VERSION_ADD,
		    P_INT(":contract_id", *id), P_TEXT(":product", prod),
		    P_TEXT(":version", slash + 1), P_END) != DB_OK ||
		    db_changes() != 1) {
			snprintf(err, esz, "no version %s in the catalogue", *v);
			rc = 1;
			goto fail;
		}
	}
	if (db_exec(STMT_LEDGER_ADD, P_INT(":contract_id", *id),
	    P_INT(":delta", c->incidents), P_TEXT(":kind", "issued"),
	    P_NULL(":account_id"), P_NULL(":request_id"),
	    P_TEXT(":request_title", ""), P_TEXT(":reason", ""),
	    P_INT(":created", (int64_t)time(NULL)), P_END) != DB_OK)
		goto fail;
	return db_commit() == 0 ? 0 : -1;
fail:
	db_rollback();
	return rc == 1 ? 1 : -1;
}

/*
 * contract_activate: associate the contract with IDs aid and cid (as
 * typed) with an account (R3.3).  ACT_NOT_FOUND for any wrong pair,
 * without saying which half (R3.5); ACT_ALREADY when it is on the
 * account; ACT_OK with *id set.  Sharing (R3.4) needs nothing more: any
 * number of accounts may activate one contract.
 */
enum act
contract_activate(int64_t account, const char *aid, const char *cid,
    int64_t *id)
{
	char		 a[CONTRACT_ID_LEN + 1], c[CONTRACT_ID_LEN + 1];
	struct db_cur	*st;
	int		 rc;

	*id = 0;
	if (!contract_id_normalise(a, aid) || !contract_id_normalise(c, cid))
		return ACT_NOT_FOUND;
	if ((st = db_query(STMT_CONTRACT_BY_PAIR, P_TEXT(":access_id", a),
	    P_TEXT(":contract_id", c), P_END)) == NULL)
		return ACT_FAIL;
	if ((rc = db_row(st)) == 1)
		*id = db_col_int(st, 0);
	db_done(st);
	if (rc < 0)
		return ACT_FAIL;
	if (rc == 0)
		return ACT_NOT_FOUND;
	if (db_begin_write() != 0)
		return ACT_FAIL;
	if (db_exec(STMT_ACTIVATION_INSERT, P_INT(":account_id", account),
	    P_INT(":contract_id", *id), P_INT(":created", (int64_t)time(NULL)),
	    P_END) != DB_OK) {
		db_rollback();
		return ACT_FAIL;
	}
	rc = db_changes();
	if (db_commit() != 0)
		return ACT_FAIL;
	return rc == 1 ? ACT_OK : ACT_ALREADY;
}

/*
 * contract_list: call fn for each contract activated on account, newest
 * end date first.  Strings are valid during the call only.  Returns 0,
 * or -1 on a database error or when fn returns non-zero.
 */
int
contract_list(int64_t account, int (*fn)(void *, const struct contract_row *),
    void *arg)
{
	struct db_cur		*st;
	struct contract_row	 c;
	int			 rc;

	if ((st = db_query(STMT_CONTRACTS_OF_ACCOUNT,
	    P_INT(":account_id", account), P_END)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		int	 p = programme_parse(db_col_text(st, CONTRACT_PROGRAMME));
		int	 s = scope_parse(db_col_text(st, CONTRACT_SCOPE));

		c.id = db_col_int(st, CONTRACT_ID);
		c.access_id = db_col_text(st, CONTRACT_ACCESS_ID);
		c.contract_id = db_col_text(st, CONTRACT_CONTRACT_ID);
		c.prog = p < 0 ? PROG_SA : (enum programme)p;
		c.plan = db_col_text(st, CONTRACT_PLAN);
		c.total = (int)db_col_int(st, CONTRACT_TOTAL);
		c.left = (int)db_col_int(st, CONTRACT_LEFT);
		c.start = db_col_text(st, CONTRACT_START);
		c.end = db_col_text(st, CONTRACT_END);
		c.scope = s < 0 ? SCOPE_ONPREM : (enum scope)s;
		c.versions = db_col_text(st, CONTRACT_VERSIONS);
		if (fn(arg, &c) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * contract_ledger: call fn for the newest per rows of each contract of
 * account, and for every row of contract whole (0: none), grouped by
 * contract, newest first (R11.2): one query for the page, and one more
 * for the contract shown whole.  Asking for per + 1 tells the caller
 * whether a contract has more.  Returns 0 or -1.
 */
int
contract_ledger(int64_t account, int per, int64_t whole,
    int (*fn)(void *, const struct ledger_row *), void *arg)
{
	struct db_cur		*st;
	struct ledger_row	 l;
	int			 rc = 0, pass;

	for (pass = 0; pass < 2 && rc == 0; pass++) {
		if (pass == 0)
			st = db_query(STMT_LEDGER_OF_ACCOUNT,
			    P_INT(":account_id", account), P_INT(":limit", per),
			    P_INT(":except_contract", whole), P_END);
		else if (whole != 0)
			st = db_query(STMT_LEDGER_OF_CONTRACT,
			    P_INT(":account_id", account),
			    P_INT(":contract_id", whole), P_END);
		else
			break;
		if (st == NULL)
			return -1;
		while ((rc = db_row(st)) == 1) {
			l.contract = db_col_int(st, LEDGER_CONTRACT);
			l.created = db_col_int(st, LEDGER_CREATED);
			l.delta = (int)db_col_int(st, LEDGER_DELTA);
			l.kind = db_col_text(st, LEDGER_KIND);
			l.request = db_col_int(st, LEDGER_REQUEST);
			l.title = db_col_text(st, LEDGER_TITLE);
			l.reason = db_col_text(st, LEDGER_REASON);
			l.who = db_col_text(st, LEDGER_WHO);
			l.email = db_col_text(st, LEDGER_EMAIL);
			l.note = db_col_text(st, LEDGER_NOTE);
			if (fn(arg, &l) != 0) {
				rc = -1;
				break;
			}
		}
		db_done(st);
	}
	return rc < 0 ? -1 : 0;
}

/*
 * contract_debit: take one incident from contract for request (R5.7):
 * never below zero, never outside the contract's dates, and the ledger
 * row in the same transaction (the caller's, when it has one).  Returns
 * 0, 1 when no incident could be taken, -1 on error.
 */
int
contract_debit(int64_t contract, int64_t account, int64_t request,
    const char *title, const char *today)
{
	int	 rc;

	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_CONTRACT_DEBIT, P_INT(":id", contract),
	    P_TEXT(":today", today), P_END) != DB_OK) {
		db_rollback();
		return -1;
	}
	if (db_changes() != 1) {
		db_rollback();
		return 1;
	}
	rc = db_exec(STMT_LEDGER_ADD, P_INT(":contract_id", contract),
	    P_INT(":delta", -1), P_TEXT(":kind", "debit"),
	    P_REF(":account_id", account), P_REF(":request_id", request),
	    P_TEXT(":request_title", title), P_TEXT(":reason", ""),
	    P_INT(":created", (int64_t)time(NULL)), P_END);
	if (rc != DB_OK) {
		db_rollback();
		return rc == DB_CONSTRAINT ? 1 : -1;
	}
	return db_commit() == 0 ? 0 : -1;
}

/*
 * contract_credit: return one incident for request with a reason (R8.2):
 * at most once per request (a UNIQUE index on the ledger), never above
 * the total.  Returns 0, 1 when it was already returned, -1 on error.
 */
int
contract_credit(int64_t contract, int64_t account, int64_t request,
    const char *reason)
{
	int	 rc;

	if (db_begin_write() != 0)
		return -1;
	rc = db_exec(STMT_LEDGER_ADD, P_INT(":contract_id", contract),
	    P_INT(":delta", 1), P_TEXT(":kind", "return"),
	    P_REF(":account_id", account), P_REF(":request_id", request),
	    P_TEXT(":request_title", ""), P_TEXT(":reason", reason),
	    P_INT(":created", (int64_t)time(NULL)), P_END);
	if (rc != DB_OK) {
		db_rollback();
		return rc == DB_CONSTRAINT ? 1 : -1;
	}
	if (db_exec(STMT_CONTRACT_CREDIT, P_INT(":id", contract), P_END) !=
	    DB_OK ||
	    db_changes() != 1) {
		db_rollback();
		return 1;
	}
	return db_commit() == 0 ? 0 : -1;
}

/* contract_balances_ok: 1 if every balance equals its ledger, 0, -1. */
int
contract_balances_ok(void)
{
	struct db_cur	*st = db_query(STMT_BALANCE_MISMATCH, P_END);
	int		 n = -1;

	if (st == NULL)
		return -1;
	if (db_row(st) == 1)
		n = (int)db_col_int(st, 0);
	db_done(st);
	return n < 0 ? -1 : n == 0;
}

/*
 * contract_holders: call fn for every account that activated a contract
 * of account, the account itself too (self), grouped by contract, the
 * first to activate first (R17.1).  Strings are valid during the call
 * only.  0, or -1 on a database error or when fn returns non-zero.
 */
int
contract_holders(int64_t account, int (*fn)(void *, const struct holder_row *),
    void *arg)
{
	struct db_cur		*st;
	struct holder_row	 h;
	int			 rc;

	if ((st = db_query(STMT_HOLDERS_OF_ACCOUNT,
	    P_INT(":account_id", account), P_END)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		h.contract = db_col_int(st, HOLDER_CONTRACT);
		h.name = db_col_text(st, HOLDER_NAME);
		h.created = db_col_int(st, HOLDER_CREATED);
		h.self = (int)db_col_int(st, HOLDER_SELF);
		if (fn(arg, &h) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* contract_held: 1 when account activated contract, 0 when not, -1. */
int
contract_held(int64_t account, int64_t contract)
{
	return (int)db_int(STMT_ACTIVATION_HELD, -1,
	    P_INT(":account_id", account), P_INT(":contract_id", contract),
	    P_END);
}

/*
 * activation_end: account's activation of contract goes, with an audit
 * row saying who ended it (the account itself, or the operator) and
 * why.  The ledger keeps every row, and the contract stays with the
 * other accounts.  0, 1 when account does not hold contract, -1.
 */
static int
activation_end(int64_t account, int64_t contract, int op, const char *reason)
{
	int	 n;

	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_ACTIVATION_DELETE, P_INT(":account_id", account),
	    P_INT(":contract_id", contract), P_END) != DB_OK)
		return db_end(-1);
	if ((n = db_changes()) == 1 && audit_add(op ? "revoke" : "remove",
	    account, contract, op, reason, "") != 0)
		return db_end(-1);
	return db_end(n == 1 ? 0 : 1);
}

/* contract_remove: account removes contract from itself (R17.1). */
int
contract_remove(int64_t account, int64_t contract)
{
	return activation_end(account, contract, 0, "");
}

/* contract_revoke: the operator ends account's activation (R17.2). */
int
contract_revoke(int64_t account, int64_t contract, const char *reason)
{
	return activation_end(account, contract, 1, reason);
}

/*
 * contract_rekey: new Access ID and Contract ID for contract, e.g. after
 * the old pair leaked (R17.2): the old pair then finds nothing (R3.5);
 * the activations and the ledger stay as they are.  The old pair is
 * kept in the audit row with the operator's reason.  0 with the new IDs
 * in aid and cid, 1 when there is no such contract, -1 on error.
 */
int
contract_rekey(int64_t contract, const char *reason,
    char aid[CONTRACT_ID_LEN + 1], char cid[CONTRACT_ID_LEN + 1])
{
	struct db_cur	*st;
	char		 detail[80] = "";
	int		 rc, tries;

	if (db_begin_write() != 0)
		return -1;
	if ((st = db_query(STMT_CONTRACT_KEYS, P_INT(":id", contract),
	    P_END)) == NULL)
		return db_end(-1);
	if ((rc = db_row(st)) == 1)
		snprintf(detail, sizeof(detail), "old Access ID %.5s-%.5s, "
		    "Contract ID %.5s-%.5s", db_col_text(st, KEYS_ACCESS_ID),
		    db_col_text(st, KEYS_ACCESS_ID) + 5,
		    db_col_text(st, KEYS_CONTRACT_ID),
		    db_col_text(st, KEYS_CONTRACT_ID) + 5);
	db_done(st);
	if (rc != 1)
		return db_end(rc < 0 ? -1 : 1);
	for (tries = 0; tries < 5; tries++) {
		contract_id_new(aid);
		contract_id_new(cid);
		rc = db_exec(STMT_CONTRACT_REKEY, P_INT(":id", contract),
		    P_TEXT(":access_id", aid), P_TEXT(":contract_id", cid),
		    P_END);
		if (rc != DB_CONSTRAINT)
			break;		/* else a collision: draw again */
	}
	if (rc != DB_OK || audit_add("rekey", 0, contract, 1, reason,
	    detail) != 0)
		return db_end(-1);
	return db_end(0);
}

/* contract_exists: 1 when contract is there, 0 when not, -1. */
static int
contract_exists(int64_t contract, char end[11])
{
	struct db_cur	*st;
	int		 rc;

	if ((st = db_query(STMT_CONTRACT_KEYS, P_INT(":id", contract),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1)
		db_col_copy(st, KEYS_END, end, 11);
	db_done(st);
	return rc;
}

/*
 * contract_extend: the operator moves the end date of contract later, to
 * end (YYYY-MM-DD), with a ledger row of no incidents saying so and
 * why (R17.2); the reminders of its end are due again.  0, 1 with the
 * reason in err (no such contract, not a date, not later), -1.
 */
int
contract_extend(int64_t contract, const char *end, const char *reason,
    char *err, size_t esz)
{
	char	 old[11] = "";
	int	 rc;

	if (db_int(STMT_DATE_VALID, 0, P_TEXT(":day", end), P_END) != 1) {
		snprintf(err, esz, "the end date must be a date YYYY-MM-DD");
		return 1;
	}
	if (db_begin_write() != 0)
		return -1;
	if ((rc = contract_exists(contract, old)) != 1) {
		snprintf(err, esz, "there is no contract %lld",
		    (long long)contract);
		return db_end(rc < 0 ? -1 : 1);
	}
	if (db_exec(STMT_CONTRACT_EXTEND, P_INT(":id", contract),
	    P_TEXT(":end_date", end), P_END) != DB_OK)
		return db_end(-1);
	if (db_changes() != 1) {
		snprintf(err, esz, "the contract ends on %s already: the new "
		    "end date must be later", old);
		return db_end(1);
	}
	if (db_exec(STMT_LEDGER_OPERATOR, P_INT(":contract_id", contract),
	    P_INT(":delta", 0), P_TEXT(":kind", "extend"),
	    P_TEXT(":reason", reason), P_TEXT(":note", end),
	    P_INT(":created", (int64_t)time(NULL)), P_END) != DB_OK ||
	    db_exec(STMT_REMINDERS_FORGET, P_INT(":contract_id", contract),
	    P_TEXT(":kind_a", "expiry30"), P_TEXT(":kind_b", "expiry7"),
	    P_END) != DB_OK)
		return db_end(-1);
	return db_end(0);
}

/*
 * contract_topup: the operator adds n incidents (1 to 1000) to contract,
 * its total and its balance, with a ledger row saying why (R17.2); the
 * reminder of the last incident is due again.  0, 1 with the reason in
 * err, -1.
 */
int
contract_topup(int64_t contract, int n, const char *reason, char *err,
    size_t esz)
{
	char	 end[11];
	int	 rc;

	if (n <= 0 || n > 1000) {
		snprintf(err, esz, "incidents must be 1 to 1000");
		return 1;
	}
	if (db_begin_write() != 0)
		return -1;
	if ((rc = contract_exists(contract, end)) != 1) {
		snprintf(err, esz, "there is no contract %lld",
		    (long long)contract);
		return db_end(rc < 0 ? -1 : 1);
	}
	if (db_exec(STMT_CONTRACT_TOPUP, P_INT(":id", contract),
	    P_INT(":n", n), P_END) != DB_OK || db_changes() != 1 ||
	    db_exec(STMT_LEDGER_OPERATOR, P_INT(":contract_id", contract),
	    P_INT(":delta", n), P_TEXT(":kind", "topup"),
	    P_TEXT(":reason", reason), P_TEXT(":note", ""),
	    P_INT(":created", (int64_t)time(NULL)), P_END) != DB_OK ||
	    db_exec(STMT_REMINDERS_FORGET, P_INT(":contract_id", contract),
	    P_TEXT(":kind_a", "last"), P_TEXT(":kind_b", "last"),
	    P_END) != DB_OK)
		return db_end(-1);
	return db_end(0);
}

/*
 * contract_plans: every plan of account (or only contract, when not 0)
 * with its eligibility for version today (R3.7, R11.1), as fn rows.
 * Returns 0 or -1.
 */
int
contract_plans(int64_t account, int64_t version, int64_t contract,
    const char *today, int (*fn)(void *, const struct plan_row *), void *arg)
{
	struct db_cur	*st;
	struct plan_row	 p;
	struct elig_in	 e;
	int		 rc, v;

	if ((st = db_query(STMT_PLANS_FOR, P_INT(":account_id", account),
	    P_INT(":version_id", version), P_INT(":contract_id", contract),
	    P_END)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		memset(&e, 0, sizeof(e));
		p.id = db_col_int(st, ELIG_ID);
		v = programme_parse(db_col_text(st, ELIG_PROGRAMME));
		p.prog = e.prog = v < 0 ? PROG_SA : (enum programme)v;
		p.plan = db_col_text(st, ELIG_PLAN);
		v = scope_parse(db_col_text(st, ELIG_SCOPE));
		e.scope = v < 0 ? SCOPE_ONPREM : (enum scope)v;
		e.start = db_col_text(st, ELIG_START);
		p.end = e.end = db_col_text(st, ELIG_END);
		p.left = e.left = (int)db_col_int(st, ELIG_LEFT);
		e.listed = (int)db_col_int(st, ELIG_LISTED);
		e.covered = (int)db_col_int(st, ELIG_COVERED);
		v = pkind_parse(db_col_text(st, ELIG_PRODUCT_KIND));
		e.kind = v < 0 ? PK_ONPREM : (enum pkind)v;
		e.mainstream_end = db_col_text(st, ELIG_MAINSTREAM_END);
		e.latest = (int)db_col_int(st, ELIG_LATEST);
		e.today = today;
		p.elig = contract_eligibility(&e);
		p.fix = elig_fix(p.elig);
		if (fn(arg, &p) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * contract_remind: the reminders due on the day of now, each once per
 * contract and account that activated it (R11.7): 30 and 7 days before
 * the end, and when the last incident has been used.  Each is recorded
 * and queued in one transaction, so that a run stopped halfway sends
 * again only what it did not record.  *sent counts them.  0 or -1.
 */
int
contract_remind(time_t now, int *sent)
{
	static const char *const kinds[] = { "expiry30", "expiry7", "last" };
	struct due {
		int64_t	 contract, account;
		char	 plan[201], end[11], email[EMAIL_MAX + 1];
		char	 name[2 * NAME_MAX_ + 2], lang[3];
	}		*d = NULL;
	struct db_cur	*st;
	char		 today[11];
	size_t		 k, n, cap, i;
	int		 rc = 0;

	*sent = 0;
	today_utc(today, now);
	for (k = 0; k < 3 && rc == 0; k++) {
		n = cap = 0;
		if ((st = db_query(STMT_REMIND_DUE, P_TEXT(":kind", kinds[k]),
		    P_TEXT(":today", today), P_END)) == NULL)
			return -1;
		while (db_row(st) == 1) {
			if (n == cap) {
				cap = cap ? cap * 2 : 32;
				d = xrealloc(d, cap * sizeof(*d));
			}
			d[n].contract = db_col_int(st, REMIND_CONTRACT);
			db_col_copy(st, REMIND_PLAN, d[n].plan, sizeof(d[n].plan));
			db_col_copy(st, REMIND_END, d[n].end, sizeof(d[n].end));
			d[n].account = db_col_int(st, REMIND_ACCOUNT);
			db_col_copy(st, REMIND_EMAIL, d[n].email, sizeof(d[n].email));
			db_col_copy(st, REMIND_NAME, d[n].name, sizeof(d[n].name));
			db_col_copy(st, REMIND_LANG, d[n].lang, sizeof(d[n].lang));
			n++;
		}
		db_done(st);
		for (i = 0; i < n && rc == 0; i++) {
			struct outbox_mail	 m = { d[i].email, d[i].lang,
			    k < 2 ? "expiry" : "last", 0, { 0 } };

			if (db_begin_write() != 0) {
				rc = -1;
				break;
			}
			outbox_set(&m, "To.Name", d[i].name);
			outbox_set(&m, "Contract.Plan", d[i].plan);
			outbox_set(&m, "Contract.End", d[i].end);
			outbox_set(&m, "Kind", kinds[k]);
			if (db_exec(STMT_REMINDER_SENT,
			    P_INT(":contract_id", d[i].contract),
			    P_TEXT(":kind", kinds[k]),
			    P_INT(":account_id", d[i].account),
			    P_INT(":sent", (int64_t)now), P_END) != DB_OK ||
			    outbox_put(&m) != 0) {
				db_rollback();
				rc = -1;
			} else if (db_commit() != 0)
				rc = -1;
			else
				(*sent)++;
			outbox_free(&m);
		}
	}
	free(d);
	return rc;
}
