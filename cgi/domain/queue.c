/*
 * queue.c: the engineer's queues (R8.1): how many requests each holds;
 * the views of the requests of the engineer's regions, in every state,
 * a page at a time (R15.2); and the search of them (R15.3).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "domain/queue.h"
#include "data/db.h"

const char *const queue_views[QV__MAX] = {
	[QV_ALL] = "all", [QV_NEW] = "new", [QV_IN_PROGRESS] = "in_progress",
	[QV_WAITING] = "waiting", [QV_RESOLVED] = "resolved",
	[QV_CLOSED] = "closed", [QV_MINE] = "mine", [QV_UNOWNED] = "unowned",
};
const char *const queue_sorts[QS__MAX] = {
	[QS_DUE] = "due", [QS_UPDATED] = "updated",
};

/*
 * A view is one or two runs of requests, each read in order from one
 * range of an index (016: region, stage, then the key of the order):
 * the open views list the active requests first, then those waiting for
 * their customer, whose clock stands still (R11.3).  status, mine and
 * unowned narrow a run to one status, the engineer's own or nobody's.
 */
struct run {
	const char	*stage;		/* NULL: no run */
	const char	*status;	/* "" for any */
	int		 mine, unowned;
};

static const struct run runs[QV__MAX][2] = {
	[QV_ALL] = { { "active", "", 0, 0 }, { "waiting", "", 0, 0 } },
	[QV_NEW] = { { "active", "new", 0, 0 } },
	[QV_IN_PROGRESS] = { { "active", "in_progress", 0, 0 } },
	[QV_WAITING] = { { "waiting", "", 0, 0 } },
	[QV_RESOLVED] = { { "resolved", "", 0, 0 } },
	[QV_CLOSED] = { { "closed", "", 0, 0 } },
	[QV_MINE] = { { "active", "", 1, 0 }, { "waiting", "", 1, 0 } },
	[QV_UNOWNED] = { { "active", "", 0, 1 }, { "waiting", "", 0, 1 } },
};

/*
 * queue_counts: fn(queue, open requests) for each queue of engineer's
 * regions that has any (R8.1).  0 or -1.
 */
int
queue_counts(int64_t engineer, int (*fn)(void *, const char *, int64_t),
    void *arg)
{
	struct db_cur	*st = db_query(STMT_QUEUE_COUNTS,
	    P_INT(":account_id", engineer), P_END);
	int		 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		if (fn(arg, db_col_text(st, QUEUES_QUEUE),
		    db_col_int(st, QUEUES_COUNT)) != 0) {
			rc = -1;
			break;
		}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* run_count: the requests of run u, counted up to cap; -1 on error. */
static int64_t
run_count(int64_t engineer, const struct run *u, const char *queue,
    int64_t cap)
{
	return db_int(STMT_VIEW_COUNT, -1, P_INT(":account_id", engineer),
	    P_TEXT(":stage", u->stage), P_TEXT(":status", u->status),
	    P_INT(":owner_id", u->mine ? engineer : 0),
	    P_INT(":unowned", u->unowned), P_TEXT(":queue", queue),
	    P_INT(":cap", cap), P_END);
}

/*
 * queue_view_count: the requests of view v of engineer's regions (and
 * of queue, unless ""), counted up to cap, so that a count costs no
 * more than reading cap entries of the index whatever the total: cap
 * means cap or more.  -1 on error.
 */
int64_t
queue_view_count(int64_t engineer, enum queue_view v, const char *queue,
    int64_t cap)
{
	int64_t	 n = 0, k;
	int	 i;

	assert(v >= 0 && v < QV__MAX);
	for (i = 0; i < 2 && runs[v][i].stage != NULL && n < cap; i++) {
		if ((k = run_count(engineer, &runs[v][i], queue, cap - n)) < 0)
			return -1;
		n += k;
	}
	return n;
}

/*
 * rows: fn for each of the n requests of ids, in that order, read in
 * one statement (the ids a JSON array).  0 or -1.
 */
static int
rows(const int64_t *ids, int n, int (*fn)(void *, const struct queue_row *),
    void *arg)
{
	struct db_cur		*st;
	struct queue_row	 q;
	char			 list[(QUEUE_PAGE_MAX + 1) * 21 + 3];
	size_t			 o = 0;
	int			 i, rc;

	if (n == 0)
		return 0;
	list[o++] = '[';
	for (i = 0; i < n; i++)
		o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%lld",
		    i > 0 ? "," : "", (long long)ids[i]);
	snprintf(list + o, sizeof(list) - o, "]");
	if ((st = db_query(STMT_QUEUE_ROWS, P_TEXT(":ids", list),
	    P_END)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		q.id = db_col_int(st, QUEUE_ID);
		q.title = db_col_text(st, QUEUE_TITLE);
		q.product = db_col_text(st, QUEUE_PRODUCT);
		q.severity = db_col_text(st, QUEUE_SEVERITY);
		q.status = db_col_text(st, QUEUE_STATUS);
		q.respond_by = db_col_int(st, QUEUE_RESPOND_BY);
		q.queue = db_col_text(st, QUEUE_QUEUE);
		q.owner_name = db_col_text(st, QUEUE_OWNER_NAME);
		q.owner = db_col_int(st, QUEUE_OWNER);
		q.updated = db_col_int(st, QUEUE_UPDATED);
		if (fn(arg, &q) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * ids_read: column col of the rows of statement st (NULL: it failed),
 * request ids, appended to ids[*n] up to max of them; the statement is
 * finished.  0 or -1.
 */
static int
ids_read(struct db_cur *st, int col, int64_t *ids, int *n, int max)
{
	int	 rc = 0;

	if (st == NULL)
		return -1;
	while (*n < max && (rc = db_row(st)) == 1)
		ids[(*n)++] = db_col_int(st, col);
	db_done(st);
	return *n < max && rc < 0 ? -1 : 0;
}

/*
 * queue_view: fn for each request of the page q of a view (R15.2), in
 * its order.  Each run is read from its index from the page's offset
 * on; a run before the page's is only counted, up to where the page
 * starts.  The rows are read by their ids once the page is known, so
 * that an offset skips index entries, never requests.  Returns 1 when
 * more requests follow the page, 0 when none do, -1 on error.
 */
int
queue_view(const struct queue_query *q,
    int (*fn)(void *, const struct queue_row *), void *arg)
{
	const struct run	*u;
	int64_t			 ids[QUEUE_PAGE_MAX + 1], off = q->offset, k;
	int			 i, n = 0, want;

	assert(q->view >= 0 && q->view < QV__MAX);
	assert(q->sort >= 0 && q->sort < QS__MAX);
	assert(q->limit > 0 && q->limit <= QUEUE_PAGE_MAX && off >= 0);
	want = q->limit + 1;		/* one more: is there a next page? */
	for (i = 0; i < 2 && runs[q->view][i].stage != NULL && n < want;
	    i++) {
		u = &runs[q->view][i];
		if (i == 0 && runs[q->view][1].stage != NULL && off > 0) {
			if ((k = run_count(q->engineer, u, q->queue,
			    off + want)) < 0)
				return -1;
			if (k <= off) {
				off -= k;
				continue;
			}
		}
		if (ids_read(db_query(q->sort == QS_DUE ? STMT_VIEW_DUE :
		    STMT_VIEW_UPDATED, P_INT(":account_id", q->engineer),
		    P_TEXT(":stage", u->stage), P_TEXT(":status", u->status),
		    P_INT(":owner_id", u->mine ? q->engineer : 0),
		    P_INT(":unowned", u->unowned), P_TEXT(":queue", q->queue),
		    P_INT(":limit", want - n), P_INT(":offset", off), P_END),
		    VIEW_ID, ids, &n, want) != 0)
			return -1;
		off = 0;
	}
	if (rows(ids, n < want ? n : q->limit, fn, arg) != 0)
		return -1;
	return n == want;
}

/*
 * queue_search: fn for each request of engineer's regions, in any state,
 * that s finds (R15.3), limit of them from offset: the request of a
 * number, the requests of a contact's address (the latest change
 * first), or those whose title, description or messages hold every
 * word, best first (bm25 over the newest SEARCH_WINDOW matches of each
 * index: sql.def).  Returns 1 when more follow, 0 when none do, -1 on
 * error.
 */
int
queue_search(int64_t engineer, const struct search *s, int64_t offset,
    int limit, int (*fn)(void *, const struct queue_row *), void *arg)
{
	struct db_cur	*st = NULL;
	int64_t		 ids[QUEUE_PAGE_MAX + 1];
	int		 n = 0, want = limit + 1;

	assert(limit > 0 && limit <= QUEUE_PAGE_MAX && offset >= 0);
	switch (s->kind) {
	case SEARCH_NUMBER:
		if (offset > 0)
			return 0;
		st = db_query(STMT_SEARCH_NUMBER, P_INT(":account_id",
		    engineer), P_INT(":id", s->number), P_END);
		if (ids_read(st, 0, ids, &n, want) != 0)
			return -1;
		break;
	case SEARCH_EMAIL:
		st = db_query(STMT_SEARCH_EMAIL, P_INT(":account_id",
		    engineer), P_TEXT(":email", s->email),
		    P_INT(":limit", want), P_INT(":offset", offset), P_END);
		if (ids_read(st, FOUND_ID, ids, &n, want) != 0)
			return -1;
		break;
	case SEARCH_WORDS:
		st = db_query(STMT_SEARCH_WORDS, P_INT(":account_id",
		    engineer), P_TEXT(":query", s->query),
		    P_INT(":window", SEARCH_WINDOW), P_INT(":limit", want),
		    P_INT(":offset", offset), P_END);
		if (ids_read(st, FOUND_ID, ids, &n, want) != 0)
			return -1;
		break;
	default:
		return 0;
	}
	if (rows(ids, n < want ? n : limit, fn, arg) != 0)
		return -1;
	return n == want;
}
