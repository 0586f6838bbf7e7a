/*
 * contracts.c: the account's support contracts with their ledgers
 * (R3.6, R11.2) and who activated each (R17.1), activation by Access ID
 * and Contract ID (R3.3-R3.5), and removing a contract from the account
 * (R17.1).
 */
#include <stdio.h>
#include <string.h>

#include "domain/contract.h"
#include "domain/throttle.h"
#include "lib/util.h"
#include "pages/pages.h"
#include "web/form.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"

/* enum activate_field, pages.h: the wizard activates too (R5.2) */
static const struct field activate_fields[AC__MAX] = {
	[AC_ACCESS_ID] = { "access_id", "Contracts.AccessId", F_TEXT, 1, 40,
	    NULL },
	[AC_CONTRACT_ID] = { "contract_id", "Contracts.ContractId", F_TEXT,
	    1, 40, NULL },
};

/* removing a contract: confirm=yes once its page has been seen */
enum { CR_CONFIRM, CR__MAX };

static const struct field remove_fields[CR__MAX] = {
	[CR_CONFIRM] = { "confirm", "Contracts.Remove", F_TEXT, 0, 8, NULL },
};

#define LEDGER_ROWS	10	/* a card shows the newest; ?ledger=ID all */

struct listing {
	struct req	*r;
	int		 n;		/* contracts so far */
	int64_t		 cur;		/* contract of the ledger rows */
	int		 idx;		/* its index in Contracts */
	int		 m;		/* its ledger rows so far */
	int64_t		 whole;		/* the contract whose ledger is whole */
	int64_t		 confirm;	/* the contract to remove */
	int64_t		 hcur;		/* contract of the holders */
	int		 hidx;		/* its index in Contracts */
	int		 hm;		/* its holders so far */
	char		 today[11];
};

/* card_of: the index in Contracts of the card of contract id, or -1. */
static int
card_of(struct listing *l, int64_t id)
{
	char		 v[24];
	const char	*s = int_str(v, id);
	int		 i;

	for (i = 0; i < l->n; i++)
		if (strcmp(hdf_get_valuef(l->r->hdf, "Contracts.%d.Id", i),
		    s) == 0)
			return i;
	return -1;
}

/* contract_state: the one word for a contract's state on its card. */
static const char *
contract_state(const struct contract_row *c, const char *today)
{
	if (strcmp(today, c->start) < 0)
		return "NotStarted";
	if (strcmp(today, c->end) > 0)
		return "Expired";
	if (c->left == 0)
		return "Empty";
	return "Valid";
}

static int
add_contract(void *arg, const struct contract_row *c)
{
	struct listing	*l = arg;
	struct req	*r = l->r;
	char		 key[64], id[CONTRACT_ID_LEN + 2];
	int		 i = l->n++;

	view_setf(r, c->plan, "Contracts.%d.Plan", i);
	view_setf(r, view_label(r, "Programme", programme_code[c->prog]),
	    "Contracts.%d.Programme", i);
	view_setf(r, view_label(r, "Scope", scope_code[c->scope]),
	    "Contracts.%d.Scope", i);
	contract_id_format(id, c->access_id);
	view_setf(r, id, "Contracts.%d.AccessId", i);
	contract_id_format(id, c->contract_id);
	view_setf(r, id, "Contracts.%d.ContractId", i);
	view_setf(r, c->start, "Contracts.%d.Start", i);
	view_setf(r, c->end, "Contracts.%d.End", i);
	snprintf(key, sizeof(key), "%d", c->left);
	view_setf(r, key, "Contracts.%d.Left", i);
	snprintf(key, sizeof(key), "%d", c->total);
	view_setf(r, key, "Contracts.%d.Total", i);
	view_setf(r, c->versions, "Contracts.%d.Versions", i);
	view_setf(r, contract_state(c, l->today), "Contracts.%d.State", i);
	snprintf(key, sizeof(key), "%lld", (long long)c->id);
	view_setf(r, key, "Contracts.%d.Id", i);
	if (c->id == l->confirm) {
		view_set(r, "Page.Confirm", key);
		view_set(r, "Page.ConfirmPlan", c->plan);
	}
	return 0;
}

/*
 * add_holder: one account that activated a contract, under its card
 * (R17.1): the name, the day, and whether it is the account asking.
 * The rows come grouped by contract.
 */
static int
add_holder(void *arg, const struct holder_row *h)
{
	struct listing	*l = arg;
	struct req	*r = l->r;
	HDF		*row;
	char		 v[64];

	if (h->contract != l->hcur) {
		l->hcur = h->contract;
		l->hm = 0;
		l->hidx = card_of(l, h->contract);
	}
	if (l->hidx < 0)
		return 0;
	snprintf(v, sizeof(v), "Contracts.%d.Holders", l->hidx);
	row = view_row(r, v, l->hm++);
	view_put(row, "Name", h->name);
	time_local(v, sizeof(v), (time_t)h->created, r->user.tz);
	v[10] = '\0';			/* the day */
	view_put(row, "When", v);
	if (h->self)
		view_put(row, "You", "1");
	return 0;
}

/*
 * add_entry: one ledger row under its contract's card.  The rows come
 * grouped by contract; each group is matched to its card by id.
 */
static int
add_entry(void *arg, const struct ledger_row *e)
{
	struct listing	*l = arg;
	struct req	*r = l->r;
	HDF		*row;
	char		 v[64];

	if (e->contract != l->cur) {
		l->cur = e->contract;
		l->m = 0;
		l->idx = card_of(l, e->contract);
	}
	if (l->idx < 0)
		return 0;
	if (e->contract != l->whole && l->m == LEDGER_ROWS) {
		/* the row past the newest: the card offers the rest */
		view_setf(r, "1", "Contracts.%d.LedgerMore", l->idx);
		return 0;
	}
	if (e->contract == l->whole)
		view_setf(r, "1", "Contracts.%d.LedgerWhole", l->idx);
	snprintf(v, sizeof(v), "Contracts.%d.Ledger", l->idx);
	row = view_row(r, v, l->m++);
	time_local(v, sizeof(v), (time_t)e->created, r->user.tz);
	view_put(row, "When", v);
	/* an extension changes no count: its cell stays empty */
	snprintf(v, sizeof(v), "%+d", e->delta);
	view_put(row, "Delta", e->delta != 0 ? v : "");
	view_put(row, "Kind", e->kind);
	if (e->request != 0)
		view_put(row, "Request", int_str(v, e->request));
	view_put(row, "Title", e->title);
	view_put(row, "Reason", e->reason);
	view_put(row, "Who", e->who);
	view_put(row, "Email", e->email);
	view_put(row, "Note", e->note);
	return 0;
}

/*
 * contracts_render: the page with the account's contracts, who activated
 * them and their ledgers; confirm (not 0) the contract whose removal the
 * page asks to confirm.
 */
static void
contracts_render(struct req *r, int status, const struct form *fm,
    int64_t confirm)
{
	struct listing	 l;

	memset(&l, 0, sizeof(l));
	l.r = r;
	l.cur = -1;
	l.hcur = -1;
	l.confirm = confirm;
	l.whole = parse_id(req_param(&r->query, "ledger"));
	today_utc(l.today, r->now);
	view_set(r, "Page.Title", view_str(r, "Contracts.Title"));
	view_set(r, "Page.Nav", "contracts");
	if (fm != NULL)
		form_to_hdf(r, fm);
	if (contract_list(r->user.id, add_contract, &l) != 0 ||
	    contract_holders(r->user.id, add_holder, &l) != 0 ||
	    contract_ledger(r->user.id, LEDGER_ROWS + 1, l.whole, add_entry,
	    &l) != 0) {
		reply_error(r, 500);
		return;
	}
	reply_render(r, status, "contracts.cs");
}

/* GET /contracts */
void
page_contracts_get(struct req *r)
{
	if (req_param(&r->query, "activated") != NULL)
		view_set(r, "Page.Activated", "1");
	if (req_param(&r->query, "removed") != NULL)
		view_set(r, "Page.Removed", "1");
	contracts_render(r, 200, NULL, 0);
}

/*
 * activate_alert: count a wrong guess over everyone and log an alert
 * past 500 an hour (C.14); this count never refuses anybody.
 */
static void
activate_alert(struct req *r)
{
	if (throttle_count_alone(THR_ACTIVATE_ALL, "*", r->now) == 1)
		log_line(r->rid, "alert: more than 500 wrong contract IDs "
		    "in the last hour");
}

/*
 * activate_form: read the Access ID and Contract ID of r's form into fm
 * and activate the pair for r's account (R3.3), with the guess counted
 * first, in one transaction with the check of the limits (a refused
 * guess costs no look-up, and simultaneous ones cannot overrun them), a
 * right pair given back.  A wrong pair gets one message whichever half
 * was wrong, and the typed IDs are not shown again, so that the page is
 * the same whatever was typed (C.15).  Returns 0 when activated, 1 when
 * refused (fm says why; r->status is 429 when throttled), -1 on error.
 */
int
activate_form(struct req *r, struct form *fm)
{
	static const enum throttle_kind kinds[2] = { THR_ACTIVATE_ACCOUNT,
	    THR_ACTIVATE_IP };
	char		 acct[32], client[80];
	const char	*keys[2];
	int64_t		 id, ids[2];
	int		 b;
	enum act	 a;

	if (!form_read(r, fm, activate_fields, AC__MAX))
		return 1;
	snprintf(acct, sizeof(acct), "%lld", (long long)r->user.id);
	throttle_client_key(client, sizeof(client), r->ip);	/* a /64 */
	keys[0] = acct;
	keys[1] = client;
	if ((b = throttle_take(kinds, keys, 2, r->now, ids)) < 0)
		return -1;
	if (b) {
		log_line(r->rid, "activate throttled account=%s ip=%s", acct,
		    r->ip);
		r->log_note = "activate-throttled";
		r->status = 429;
		view_set(r, "Page.Throttled", "1");
		return 1;
	}
	a = contract_activate(r->user.id, form_val(fm, AC_ACCESS_ID),
	    form_val(fm, AC_CONTRACT_ID), &id);
	if ((a == ACT_OK || a == ACT_ALREADY) &&	/* not a wrong guess */
	    throttle_give_back(ids, 2) != 0)
		a = ACT_FAIL;
	switch (a) {
	case ACT_OK:
		log_line(r->rid, "activate ok account=%s contract=%lld", acct,
		    (long long)id);
		return 0;
	case ACT_ALREADY:
		form_error(fm, AC_ACCESS_ID, "AlreadyRegistered");
		return 1;
	case ACT_NOT_FOUND:
		activate_alert(r);
		log_line(r->rid, "activate fail account=%s ip=%s", acct,
		    r->ip);
		r->log_note = "activate-fail";
		fm->val[AC_ACCESS_ID] = fm->val[AC_CONTRACT_ID] = NULL;
		form_error(fm, AC_ACCESS_ID, "ContractNotFound");
		return 1;
	default:
		return -1;
	}
}

/* POST /contracts/activate */
void
page_contracts_activate_post(struct req *r)
{
	struct form	 fm;

	switch (activate_form(r, &fm)) {
	case 0:
		reply_redirect(r, "/contracts?activated=1");
		return;
	case 1:
		contracts_render(r, r->status ? r->status : 422,
		    r->status == 429 ? NULL : &fm, 0);
		return;
	default:
		reply_error(r, 500);
	}
}

/*
 * POST /contracts/:id/remove: the account gives the contract up (R17.1)
 * once it has said yes to the page that names it.  Its activation goes;
 * the ledger keeps its rows and the contract stays with the other
 * accounts that activated it.  A contract the account does not hold is
 * 404 at either step, and nothing changes (D.17).
 */
void
page_contracts_remove_post(struct req *r)
{
	struct form	 fm;
	int		 rc;

	form_read(r, &fm, remove_fields, CR__MAX);
	if (strcmp(form_val(&fm, CR_CONFIRM), "yes") != 0) {
		if ((rc = contract_held(r->user.id, r->id)) != 1) {
			reply_error(r, rc == 0 ? 404 : 500);
			return;
		}
		contracts_render(r, 200, NULL, r->id);
		return;
	}
	switch (contract_remove(r->user.id, r->id)) {
	case 0:
		log_line(r->rid, "contract removed account=%lld contract=%lld",
		    (long long)r->user.id, (long long)r->id);
		r->log_note = "contract-removed";
		reply_redirect(r, "/contracts?removed=1");
		return;
	case 1:
		reply_error(r, 404);
		return;
	default:
		reply_error(r, 500);
	}
}
