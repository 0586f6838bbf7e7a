/*
 * note.c: internal notes (R15.5): what the engineers of a request's
 * queue write for each other about it.  Only the engineers' page lists
 * them: no mail, no customer's page and no export of R14.9 reads
 * request_notes.  Each note writes its history row (internal) in the
 * same transaction.
 */
#include <stddef.h>
#include <time.h>

#include "domain/note.h"
#include "data/db.h"
#include "domain/history.h"

/*
 * note_add: engineer's note body on request (the caller checked that the
 * engineer works its queue and that body is 1 to NOTE_MAX characters),
 * kept as written.  0 or -1.
 */
int
note_add(int64_t request, int64_t engineer, const char *body)
{
	int	 rc;

	if (db_begin_write() != 0)
		return -1;
	rc = db_exec(STMT_NOTE_INSERT, P_INT(":request_id", request),
	    P_INT(":author_id", engineer), P_TEXT(":body", body),
	    P_INT(":now", (int64_t)time(NULL)), P_END) == DB_OK ? 0 : -1;
	if (rc == 0)
		rc = history_add(request, engineer, HIST_NOTE, "");
	return db_end(rc);
}

/* note_list: fn for each note of request, the newest first.  0 or -1. */
int
note_list(int64_t request, int (*fn)(void *, const struct note_row *),
    void *arg)
{
	struct db_cur	*st;
	struct note_row	 n;
	int		 rc;

	if ((st = db_query(STMT_NOTES_OF_REQUEST,
	    P_INT(":request_id", request), P_END)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		n.author = db_col_text(st, NOTE_AUTHOR);
		n.body = db_col_text(st, NOTE_BODY);
		n.created = db_col_int(st, NOTE_CREATED);
		if (fn(arg, &n) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}
