/*
 * history.c: the history of a request (R15.7): one row for each event
 * (submitted, a status, an owner, a contact added, removed or made
 * primary, an incident debited or returned, a file, a mail, a note),
 * written by the domain function that makes the change, in its
 * transaction; contacts see the customer-safe part, engineers all.
 */
#include <stddef.h>
#include <time.h>

#include "domain/history.h"
#include "data/db.h"

static const struct {
	const char	*name;
	int		 internal;	/* engineers only */
} events[HIST__MAX] = {
	[HIST_SUBMITTED] = { "submitted", 0 },
	[HIST_STATUS] = { "status", 0 },
	[HIST_OWNER] = { "owner", 1 },
	[HIST_CONTACT_ADDED] = { "contact_added", 0 },
	[HIST_CONTACT_REMOVED] = { "contact_removed", 0 },
	[HIST_PRIMARY] = { "primary", 0 },
	[HIST_DEBITED] = { "debited", 0 },
	[HIST_RETURNED] = { "returned", 0 },
	[HIST_FILE] = { "file", 0 },
	[HIST_MAIL] = { "mail", 1 },
	[HIST_NOTE] = { "note", 1 },
};

/*
 * history_add: event ev of request by account actor (0: the portal
 * itself), with detail, in the caller's transaction.  0 or -1.
 */
int
history_add(int64_t request, int64_t actor, enum history_event ev,
    const char *detail)
{
	return db_exec(STMT_HISTORY_ADD, P_INT(":request_id", request),
	    P_REF(":actor_id", actor), P_TEXT(":event", events[ev].name),
	    P_TEXT(":detail", detail != NULL ? detail : ""),
	    P_INT(":internal", events[ev].internal),
	    P_INT(":now", (int64_t)time(NULL)), P_END) == DB_OK ? 0 : -1;
}

/*
 * history_owner: request's owner set to owner (0: released to its queue)
 * by actor, the owner's name kept.  0 or -1.
 */
int
history_owner(int64_t request, int64_t actor, int64_t owner)
{
	return db_exec(STMT_HISTORY_OWNER, P_INT(":request_id", request),
	    P_REF(":actor_id", actor), P_REF(":owner_id", owner),
	    P_INT(":now", (int64_t)time(NULL)), P_END) == DB_OK ? 0 : -1;
}

/*
 * history_files: a file event by actor for each file request took from
 * its draft at the submit, in one statement.  0 or -1.
 */
int
history_files(int64_t request, int64_t actor)
{
	return db_exec(STMT_HISTORY_FILES, P_INT(":request_id", request),
	    P_REF(":actor_id", actor), P_INT(":now", (int64_t)time(NULL)),
	    P_END) == DB_OK ? 0 : -1;
}

/*
 * history_list: fn for the newest limit events of request (all of them
 * when limit is 0), the internal ones too when engineer; *total the
 * number there are.  0 or -1.
 */
int
history_list(int64_t request, int engineer, int limit,
    int (*fn)(void *, const struct history_row *), void *arg, int *total)
{
	struct db_cur		*st;
	struct history_row	 h;
	int			 rc;

	if ((*total = db_int(STMT_HISTORY_COUNT, -1,
	    P_INT(":request_id", request), P_INT(":internal", engineer),
	    P_END)) < 0)
		return -1;
	if ((st = db_query(STMT_HISTORY_OF_REQUEST,
	    P_INT(":request_id", request), P_INT(":internal", engineer),
	    P_INT(":limit", limit > 0 ? limit : -1), P_END)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		h.event = db_col_text(st, HROW_EVENT);
		h.detail = db_col_text(st, HROW_DETAIL);
		h.actor = db_col_text(st, HROW_ACTOR);
		h.created = db_col_int(st, HROW_CREATED);
		h.staff = (int)db_col_int(st, HROW_STAFF);
		h.internal = (int)db_col_int(st, HROW_INTERNAL);
		if (fn(arg, &h) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}
