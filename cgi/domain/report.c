/*
 * report.c: the operator's lists and exports (R17.2): accounts,
 * contracts, activations, requests, ledgers and the audit of access,
 * each one statement of sql.def whose columns are named here.  A row
 * comes as text, one string a column; supportalctl prints it as plain
 * text, JSON or CSV.  Reads only.
 */
#include <string.h>

#include "domain/report.h"
#include "data/db.h"
#include "lib/util.h"

const char *const report_code[REPORT__MAX] = {
	[REPORT_ACCOUNTS] = "accounts",
	[REPORT_CONTRACTS] = "contracts",
	[REPORT_ACTIVATIONS] = "activations",
	[REPORT_REQUESTS] = "requests",
	[REPORT_LEDGER] = "ledger",
	[REPORT_AUDIT] = "audit",
};

static const struct report_col accounts_cols[STMT_REPORT_ACCOUNTS_NCOLS] = {
	[RA_ID] = { "id", 1 },
	[RA_EMAIL] = { "email", 0 },
	[RA_FIRST] = { "first_name", 0 },
	[RA_LAST] = { "last_name", 0 },
	[RA_KIND] = { "kind", 0 },
	[RA_ROLE] = { "role", 0 },
	[RA_VERIFIED] = { "verified", 1 },
	[RA_DISABLED] = { "disabled", 1 },
	[RA_CREATED] = { "created", 0 },
	[RA_CONTRACTS] = { "contracts", 1 },
};

static const struct report_col contracts_cols[STMT_REPORT_CONTRACTS_NCOLS] = {
	[RC_ID] = { "id", 1 },
	[RC_ACCESS_ID] = { "access_id", 0 },
	[RC_CONTRACT_ID] = { "contract_id", 0 },
	[RC_PROGRAMME] = { "programme", 0 },
	[RC_PLAN] = { "plan", 0 },
	[RC_TOTAL] = { "incidents_total", 1 },
	[RC_LEFT] = { "incidents_left", 1 },
	[RC_START] = { "start_date", 0 },
	[RC_END] = { "end_date", 0 },
	[RC_SCOPE] = { "scope", 0 },
	[RC_ACCOUNTS] = { "accounts", 1 },
};

static const struct report_col
    activations_cols[STMT_REPORT_ACTIVATIONS_NCOLS] = {
	[RX_CONTRACT] = { "contract", 1 },
	[RX_PLAN] = { "plan", 0 },
	[RX_ACCOUNT] = { "account", 1 },
	[RX_EMAIL] = { "email", 0 },
	[RX_NAME] = { "name", 0 },
	[RX_CREATED] = { "activated", 0 },
};

static const struct report_col requests_cols[STMT_REPORT_REQUESTS_NCOLS] = {
	[RR_ID] = { "id", 1 },
	[RR_CREATED] = { "created", 0 },
	[RR_UPDATED] = { "updated", 0 },
	[RR_STATUS] = { "status", 0 },
	[RR_SEVERITY] = { "severity", 0 },
	[RR_ALLDAY] = { "allday", 1 },
	[RR_QUEUE] = { "queue", 0 },
	[RR_PRODUCT] = { "product", 0 },
	[RR_VERSION] = { "version", 0 },
	[RR_TITLE] = { "title", 0 },
	[RR_SUBMITTER] = { "submitter", 0 },
	[RR_PRIMARY] = { "primary_contact", 0 },
	[RR_CONTRACT] = { "contract", 1 },
	[RR_PLAN] = { "plan", 0 },
	[RR_COUNTRY] = { "country", 0 },
};

static const struct report_col ledger_cols[STMT_REPORT_LEDGER_NCOLS] = {
	[RL_ID] = { "id", 1 },
	[RL_CONTRACT] = { "contract", 1 },
	[RL_PLAN] = { "plan", 0 },
	[RL_CREATED] = { "created", 0 },
	[RL_KIND] = { "kind", 0 },
	[RL_DELTA] = { "delta", 1 },
	[RL_ACCOUNT] = { "account", 0 },
	[RL_REQUEST] = { "request", 1 },
	[RL_TITLE] = { "request_title", 0 },
	[RL_REASON] = { "reason", 0 },
	[RL_NOTE] = { "note", 0 },
};

static const struct report_col audit_cols[STMT_REPORT_AUDIT_NCOLS] = {
	[RU_ID] = { "id", 1 },
	[RU_CREATED] = { "created", 0 },
	[RU_ACTION] = { "action", 0 },
	[RU_BY] = { "by", 0 },
	[RU_ACCOUNT] = { "account", 1 },
	[RU_EMAIL] = { "email", 0 },
	[RU_CONTRACT] = { "contract", 1 },
	[RU_REASON] = { "reason", 0 },
	[RU_DETAIL] = { "detail", 0 },
};

static const struct {
	enum stmt			 st;
	const struct report_col		*cols;
	int				 n;
} reports[REPORT__MAX] = {
	[REPORT_ACCOUNTS] = { STMT_REPORT_ACCOUNTS, accounts_cols,
	    STMT_REPORT_ACCOUNTS_NCOLS },
	[REPORT_CONTRACTS] = { STMT_REPORT_CONTRACTS, contracts_cols,
	    STMT_REPORT_CONTRACTS_NCOLS },
	[REPORT_ACTIVATIONS] = { STMT_REPORT_ACTIVATIONS, activations_cols,
	    STMT_REPORT_ACTIVATIONS_NCOLS },
	[REPORT_REQUESTS] = { STMT_REPORT_REQUESTS, requests_cols,
	    STMT_REPORT_REQUESTS_NCOLS },
	[REPORT_LEDGER] = { STMT_REPORT_LEDGER, ledger_cols,
	    STMT_REPORT_LEDGER_NCOLS },
	[REPORT_AUDIT] = { STMT_REPORT_AUDIT, audit_cols,
	    STMT_REPORT_AUDIT_NCOLS },
};

/* report_parse: the report named s, or -1. */
int
report_parse(const char *s)
{
	int	 i;

	for (i = 0; i < REPORT__MAX; i++)
		if (strcmp(s, report_code[i]) == 0)
			return i;
	return -1;
}

/* report_cols: the columns of report w, their count in *n. */
const struct report_col *
report_cols(enum report w, int *n)
{
	*n = reports[w].n;
	return reports[w].cols;
}

/*
 * report_run: call fn for every row of report w, its columns as strings
 * ("" for none), valid during the call only.  contract and account (0:
 * all) narrow the activations, contract the ledger; the other reports
 * take neither.  0, or -1 on a database error or when fn returns
 * non-zero.
 */
int
report_run(enum report w, int64_t contract, int64_t account,
    int (*fn)(void *, const char *const *), void *arg)
{
	struct db_cur	*st;
	const char	*v[16];
	int		 rc, i;

	switch (w) {
	case REPORT_ACTIVATIONS:
		st = db_query(reports[w].st, P_INT(":contract_id", contract),
		    P_INT(":account_id", account), P_END);
		break;
	case REPORT_LEDGER:
		st = db_query(reports[w].st, P_INT(":contract_id", contract),
		    P_END);
		break;
	default:
		st = db_query(reports[w].st, P_END);
	}
	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		for (i = 0; i < reports[w].n && i < 16; i++)
			v[i] = db_col_text(st, i);
		if (fn(arg, v) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}
