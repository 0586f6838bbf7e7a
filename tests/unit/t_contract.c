/*
 * t_contract: contract IDs (C.13), issuing and validity (R3.1, R3.2),
 * eligibility (R3.7, R11.1), activation and sharing (R3.3-R3.5), the
 * ledger (R11.2) and the debit guard (H.35).
 */
#include "unit.h"
#include "data/db.h"
#include "domain/account.h"
#include "domain/contract.h"
#include "lib/util.h"

static const char *const today = "2026-06-15";

/* R3.7 by hand: the cases the SPEC names, one row each. */
TEST(eligibility_rows)
{
	static const struct {
		enum programme	 prog;
		enum scope	 scope;
		const char	*start, *end;
		int		 left, listed, covered;
		enum pkind	 kind;
		const char	*ms_end;
		int		 latest;
		enum elig	 want;
		enum fix	 fix;
	} row[] = {
		/* valid SA, on-premises product: available */
		{ PROG_SA, SCOPE_ONPREM, "2026-01-01", "2026-12-31", 5, 0, 0,
		  PK_ONPREM, "2028-01-01", 1, ELIG_AVAILABLE, FIX_NONE },
		/* expired the day before */
		{ PROG_SA, SCOPE_ONPREM, "2025-06-15", "2026-06-14", 5, 0, 0,
		  PK_ONPREM, "2028-01-01", 1, ELIG_EXPIRED, FIX_ADD_PLAN },
		/* the last day is still valid */
		{ PROG_SA, SCOPE_ONPREM, "2025-06-16", "2026-06-15", 5, 0, 0,
		  PK_ONPREM, "2028-01-01", 1, ELIG_AVAILABLE, FIX_NONE },
		/* starts tomorrow */
		{ PROG_SA, SCOPE_ONPREM, "2026-06-16", "2027-06-15", 5, 0, 0,
		  PK_ONPREM, "2028-01-01", 1, ELIG_NOT_STARTED, FIX_ADD_PLAN },
		/* no incidents left */
		{ PROG_PARTNER_PACK, SCOPE_ONPREM, "2026-01-01", "2027-01-30", 0,
		  0, 0, PK_ONPREM, "2028-01-01", 1, ELIG_NO_INCIDENTS,
		  FIX_ADD_PLAN },
		/* expired wins over empty */
		{ PROG_SA, SCOPE_ONPREM, "2025-01-01", "2025-12-31", 0, 0, 0,
		  PK_ONPREM, "2028-01-01", 1, ELIG_EXPIRED, FIX_ADD_PLAN },
		/* a cloud plan for an on-premises product */
		{ PROG_PARTNER_CLOUD, SCOPE_CLOUD, "2026-01-01", "2027-01-30", 5,
		  0, 0, PK_ONPREM, "2028-01-01", 1, ELIG_CLOUD_ONLY,
		  FIX_ADD_PLAN },
		/* an on-premises plan for a cloud product */
		{ PROG_SA, SCOPE_ONPREM, "2026-01-01", "2026-12-31", 5, 0, 0,
		  PK_CLOUD, "", 1, ELIG_ONPREM_ONLY, FIX_CLOUD_PORTAL },
		/* hybrid products take both */
		{ PROG_SA, SCOPE_ONPREM, "2026-01-01", "2026-12-31", 5, 0, 0,
		  PK_HYBRID, "", 1, ELIG_AVAILABLE, FIX_NONE },
		{ PROG_CLOUD_PLAN, SCOPE_CLOUD, "2026-01-01", "2026-12-31", 5, 0,
		  0, PK_HYBRID, "", 1, ELIG_AVAILABLE, FIX_NONE },
		/* a version not covered (PPI bought for another version) */
		{ PROG_PPI, SCOPE_ONPREM, "2026-01-01", "2026-12-31", 1, 1, 0,
		  PK_ONPREM, "2028-01-01", 1, ELIG_VERSION, FIX_OTHER_VERSION },
		{ PROG_PPI, SCOPE_ONPREM, "2026-01-01", "2026-12-31", 1, 1, 1,
		  PK_ONPREM, "2025-01-01", 0, ELIG_AVAILABLE, FIX_NONE },
		/* Visual Studio: out of mainstream the day after it ends */
		{ PROG_VS, SCOPE_ONPREM, "2026-01-01", "2026-12-31", 2, 0, 0,
		  PK_ONPREM, "2026-06-14", 0, ELIG_NOT_MAINSTREAM,
		  FIX_OTHER_VERSION },
		{ PROG_VS, SCOPE_ONPREM, "2026-01-01", "2026-12-31", 2, 0, 0,
		  PK_ONPREM, "2026-06-15", 0, ELIG_AVAILABLE, FIX_NONE },
		/* a modern lifecycle (no end) is mainstream */
		{ PROG_VS, SCOPE_ONPREM, "2026-01-01", "2026-12-31", 2, 0, 0,
		  PK_ONPREM, "", 1, ELIG_AVAILABLE, FIX_NONE },
		/* core benefits: only the latest version */
		{ PROG_PARTNER_CORE, SCOPE_ONPREM, "2026-01-01", "2027-01-30",
		  10, 0, 0, PK_ONPREM, "2028-01-01", 0, ELIG_NOT_LATEST,
		  FIX_LATEST_VERSION },
		{ PROG_PARTNER_CORE, SCOPE_ONPREM, "2026-01-01", "2027-01-30",
		  10, 0, 0, PK_ONPREM, "2028-01-01", 1, ELIG_AVAILABLE,
		  FIX_NONE },
		/* core benefits: no cloud products */
		{ PROG_PARTNER_CORE, SCOPE_ONPREM, "2026-01-01", "2027-01-30",
		  10, 0, 0, PK_CLOUD, "", 1, ELIG_ONPREM_ONLY,
		  FIX_CLOUD_PORTAL },
		/* SA is not bound to mainstream or latest */
		{ PROG_SA, SCOPE_ONPREM, "2026-01-01", "2026-12-31", 5, 0, 0,
		  PK_ONPREM, "2019-01-01", 0, ELIG_AVAILABLE, FIX_NONE },
	};
	size_t	 i;

	for (i = 0; i < sizeof(row) / sizeof(row[0]); i++) {
		struct elig_in	 e = { row[i].prog, row[i].scope, row[i].start,
		    row[i].end, row[i].left, row[i].listed, row[i].covered,
		    row[i].kind, row[i].ms_end, row[i].latest, today };
		enum elig	 got = contract_eligibility(&e);

		if (got != row[i].want || elig_fix(got) != row[i].fix)
			printf("  row %zu: got %s/%s want %s/%s\n", i,
			    elig_code[got], fix_code[elig_fix(got)],
			    elig_code[row[i].want], fix_code[row[i].fix]);
		CHECK(got == row[i].want);
		CHECK(elig_fix(got) == row[i].fix);
	}
}

/*
 * The whole matrix: every programme x allowed scope x product kind x
 * lifecycle phase x latest x version list x day x balance, against the
 * rules as R3.2 and R3.7 state them.
 */
enum phase { MAINSTREAM, EXTENDED, OUT, MODERN, PHASE__MAX };

static enum elig
spec(enum programme p, enum scope s, enum pkind k, enum phase ph,
    int latest, int listed, int covered, int day, int left)
{
	int	 covers_kind;

	if (day < 0)
		return ELIG_NOT_STARTED;
	if (day > 0)
		return ELIG_EXPIRED;
	if (left == 0)
		return ELIG_NO_INCIDENTS;
	covers_kind = s == SCOPE_BOTH || k == PK_HYBRID ||
	    (s == SCOPE_ONPREM && k == PK_ONPREM) ||
	    (s == SCOPE_CLOUD && k == PK_CLOUD);
	if (!covers_kind)
		return k == PK_ONPREM ? ELIG_CLOUD_ONLY : ELIG_ONPREM_ONLY;
	if (listed && !covered)
		return ELIG_VERSION;
	if (p == PROG_VS && (ph == EXTENDED || ph == OUT))
		return ELIG_NOT_MAINSTREAM;
	if (p == PROG_PARTNER_CORE && !latest)
		return ELIG_NOT_LATEST;
	return ELIG_AVAILABLE;
}

TEST(eligibility_matrix)
{
	static const char *const ms[PHASE__MAX] = { "2027-01-01",
	    "2026-06-14", "2020-01-01", "" };
	/* the day before the start, the start, the end, the day after */
	static const struct { const char *start, *end; int where; } days[] = {
		{ "2026-06-16", "2027-06-15", -1 },
		{ "2026-06-15", "2027-06-14", 0 },
		{ "2025-06-16", "2026-06-15", 0 },
		{ "2025-06-15", "2026-06-14", 1 },
	};
	int	 p, s, k, ph, latest, v, d, left, n = 0, bad = 0;

	for (p = 0; p < PROG__MAX; p++)
	for (s = 0; s < SCOPE__MAX; s++) {
		if (!programme_scope_ok(p, s))
			continue;
		for (k = 0; k < PK__MAX; k++)
		for (ph = 0; ph < PHASE__MAX; ph++)
		for (latest = 0; latest < 2; latest++)
		for (v = 0; v < 3; v++)		/* none listed, covered, not */
		for (d = 0; d < 4; d++)
		for (left = 0; left < 2; left++) {
			struct elig_in	 e = { p, s, days[d].start,
			    days[d].end, left, v > 0, v == 1, k, ms[ph],
			    latest, today };
			enum elig	 want = spec(p, s, k, ph, latest,
			    v > 0, v == 1, days[d].where, left);

			n++;
			if (contract_eligibility(&e) != want && bad++ < 5)
				printf("  prog %d scope %d kind %d phase %d "
				    "latest %d v %d day %d left %d: %s, want"
				    " %s\n", p, s, k, ph, latest, v, d, left,
				    elig_code[contract_eligibility(&e)],
				    elig_code[want]);
		}
	}
	printf("  %d combinations\n", n);
	CHECK(bad == 0);
	CHECK(n > 3000);
}

/* C.13: 100,000 pairs, no collision; only the 30 symbols. */
TEST(ids)
{
	enum { N = 100000 };
	char	(*ids)[2 * CONTRACT_ID_LEN + 1] = xcalloc(N,
	    2 * CONTRACT_ID_LEN + 1);
	char	 a[CONTRACT_ID_LEN + 1], f[CONTRACT_ID_LEN + 2];
	int	 i, dup = 0, badsym = 0;

	for (i = 0; i < N; i++) {
		contract_id_new(ids[i]);
		contract_id_new(ids[i] + CONTRACT_ID_LEN);
		if (strspn(ids[i], "23456789ABCDEFGHJKMNPQRSTVWXYZ") !=
		    2 * CONTRACT_ID_LEN)
			badsym++;
	}
	qsort(ids, N, sizeof(ids[0]),
	    (int (*)(const void *, const void *))strcmp);
	for (i = 1; i < N; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0)
			dup++;
	free(ids);
	CHECK(dup == 0);
	CHECK(badsym == 0);
	/* typed IDs: case, spaces and dashes do not matter */
	CHECK(contract_id_normalise(a, " demq7-share ") &&
	    strcmp(a, "DEMQ7SHARE") == 0);
	CHECK(contract_id_normalise(a, "DEMQ7 SHARE"));
	CHECK(!contract_id_normalise(a, "DEMQ7SHAR"));
	CHECK(!contract_id_normalise(a, "DEMQ7SHAREX"));
	CHECK(!contract_id_normalise(a, "DEMO7SHARE"));	/* O */
	CHECK(!contract_id_normalise(a, "DEMQ7SHAR'"));
	CHECK(!contract_id_normalise(a, ""));
	contract_id_format(f, "DEMQ7SHARE");
	CHECK(strcmp(f, "DEMQ7-SHARE") == 0);
}

static int64_t
account(const char *email)
{
	int64_t	 id = 0;

	CHECK(account_create(email, "long-password-9", "T", "T", "work", "en",
	    &id) == ACCT_OK);
	return id;
}

static int
rows(void *arg, const struct contract_row *c)
{
	(void)c;
	(*(int *)arg)++;
	return 0;
}

struct seen {
	int	 debits;
	char	 who[200];
};

static int
ledger_rows(void *arg, const struct ledger_row *l)
{
	struct seen	*s = arg;

	if (strcmp(l->kind, "debit") == 0) {
		s->debits++;
		snprintf(s->who, sizeof(s->who), "%s", l->email);
	}
	return 0;
}

/* R3.2: a year, plus 30 days for partners; R3.3-R3.5; R11.2; H.35. */
TEST(issue_activate_share_debit)
{
	struct contract_new	 c = { PROG_PARTNER_PACK, "Gold", 2,
	    "2025-03-10", SCOPE_ONPREM, NULL, NULL, NULL };
	char			 aid[11], cid[11], err[200], lower[24];
	int64_t			 id, got, a, b;
	int			 n = 0;
	struct seen		 s = { 0, "" };
	struct db_cur		*st;

	CHECK(contract_issue(&c, err, sizeof(err), aid, cid, &id) == 0);
	st = db_query(STMT_CONTRACT_BY_PAIR, P_TEXT(":access_id", aid),
	    P_TEXT(":contract_id", cid), P_END);
	CHECK(st != NULL && db_row(st) == 1 && db_col_int(st, 0) == id);
	db_done(st);
	{
		sqlite3_stmt	*q;

		CHECK(sqlite3_prepare_v2(db_handle(), "SELECT end_date FROM"
		    " contracts WHERE id = ?1", -1, &q, NULL) == SQLITE_OK);
		sqlite3_bind_int64(q, 1, id);
		CHECK(sqlite3_step(q) == SQLITE_ROW);
		/* 2025-03-10 + 1 year - 1 day + 30 days of grace */
		CHECK(strcmp((const char *)sqlite3_column_text(q, 0),
		    "2026-04-08") == 0);
		sqlite3_finalize(q);
	}
	c.prog = PROG_SA;
	CHECK(contract_issue(&c, err, sizeof(err), aid, cid, &id) == 0);
	st = db_query(STMT_CONTRACT_BY_PAIR, P_TEXT(":access_id", aid),
	    P_TEXT(":contract_id", cid), P_END);
	CHECK(st != NULL && db_row(st) == 1);
	db_done(st);
	c.scope = SCOPE_CLOUD;			/* SA is not a cloud plan */
	CHECK(contract_issue(&c, err, sizeof(err), aid, cid, &got) == 1);
	c.scope = SCOPE_ONPREM;
	c.start = "2025-13-40";
	CHECK(contract_issue(&c, err, sizeof(err), aid, cid, &got) == 1);
	c.start = "2025-03-10";

	a = account("share-a@example.com");
	b = account("share-b@example.com");
	snprintf(lower, sizeof(lower), "%c%c%c%c%c-%s", aid[0] | 0x20,
	    aid[1] | 0x20, aid[2] | 0x20, aid[3] | 0x20, aid[4] | 0x20,
	    aid + 5);
	CHECK(contract_activate(a, lower, cid, &got) == ACT_OK && got == id);
	CHECK(contract_activate(a, aid, cid, &got) == ACT_ALREADY);
	CHECK(contract_activate(a, "23456-78923", cid, &got) ==
	    ACT_NOT_FOUND);
	CHECK(contract_activate(a, aid, "nonsense", &got) == ACT_NOT_FOUND);
	CHECK(contract_activate(b, aid, cid, &got) == ACT_OK);	/* R3.4 */
	CHECK(contract_list(b, rows, &n) == 0 && n == 1);

	/* one balance of 2, drawn by both; never below zero */
	CHECK(contract_debit(id, a, 101, "first", "2025-06-01") == 0);
	CHECK(contract_debit(id, a, 101, "again", "2025-06-01") == 1);
	CHECK(contract_debit(id, b, 102, "second", "2025-06-01") == 0);
	CHECK(contract_debit(id, b, 103, "third", "2025-06-01") == 1);
	CHECK(contract_debit(id, b, 104, "late", "2026-03-10") == 1);
	CHECK(contract_ledger(a, 100, 0, ledger_rows, &s) == 0 && s.debits == 2);
	CHECK(strcmp(s.who, "share-a@example.com") == 0);  /* newest first */
	CHECK(contract_balances_ok() == 1);
	/* a return, once per request (R8.2) */
	CHECK(contract_credit(id, 0, 102, "product defect") == 0);
	CHECK(contract_credit(id, 0, 102, "again") == 1);
	CHECK(contract_balances_ok() == 1);
	/* H.35: the schema refuses a negative balance */
	CHECK(sqlite3_exec(db_handle(), "UPDATE contracts SET incidents_left"
	    " = -1", NULL, NULL, NULL) != SQLITE_OK);
}

int
main(void)
{
	unit_db();
	RUN(eligibility_rows);
	RUN(eligibility_matrix);
	RUN(ids);
	RUN(issue_activate_share_debit);
	unit_db_done();
	DONE();
}
