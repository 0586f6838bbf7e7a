/*
 * attach.c: the files of a draft or a request (R5.5, R11.9): which
 * names are accepted, where a kept file lives under var/attachments/,
 * and the rows that name them, always with the owner or a contact in
 * the WHERE clause (R7.4).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "domain/attach.h"
#include "data/db.h"
#include "domain/history.h"
#include "domain/account.h"
#include "lib/config.h"
#include "lib/util.h"

/* The types of file a request may take (R11.9), shown before upload. */
const char *const attach_types[] = { ".txt", ".log", ".csv", ".xml",
    ".json", ".zip", ".7z", ".gz", ".tgz", ".cab", ".evtx", ".etl", ".dmp",
    ".mdmp", ".trc", ".blg", ".png", ".jpg", ".jpeg", ".pdf", ".html",
    ".htm", ".svg", NULL };

/* attach_acceptable: 1 if a file of this name may be attached. */
int
attach_acceptable(const char *name)
{
	size_t	 n = strlen(name), k;
	int	 i;

	if (!utf8_valid(name, n))
		return 0;
	for (i = 0; attach_types[i] != NULL; i++) {
		k = strlen(attach_types[i]);
		if (n > k && strcasecmp(name + n - k, attach_types[i]) == 0)
			return 1;
	}
	return 0;
}

/*
 * attach_name: the client's file name made safe to show (J.41): control
 * characters and the Unicode bidirectional overrides and isolates
 * (which could show "gpj.exe" as "exe.jpg") become U+FFFD.  out must
 * have room for 3 bytes per byte of name.
 */
static void
attach_name(char *out, size_t sz, const char *name)
{
	const unsigned char	*p = (const unsigned char *)name;
	size_t			 o = 0;

	while (*p != '\0' && o + 4 < sz) {
		int	 bidi = p[0] == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa &&
		    p[2] <= 0xae) || (p[1] == 0x81 && p[2] >= 0xa6 &&
		    p[2] <= 0xa9));

		if (*p < 0x20 || *p == 0x7f || bidi) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
			p += bidi ? 3 : 1;
		} else
			out[o++] = (char)*p++;
	}
	out[o] = '\0';
}

/* attach_path: where the file stored as name lives (Attachments, by
 * default var/attachments/). */
void
attach_path(char *out, size_t sz, const char *name)
{
	snprintf(out, sz, "%s/%.64s", cfg.attachments, name);
}

/*
 * move_file: the upload from (under var/tmp/) to its place to.  When
 * the attachments are a folder of another file system, shared by several
 * hosts (R18.3), rename cannot cross: the bytes are copied to to.part,
 * synced and renamed into place, so that no host ever sees a partial
 * file under its name.  0 or -1 (errno set; from stays).
 */
static int
move_file(const char *from, const char *to)
{
	char	 part[1300], b[65536];
	ssize_t	 n = 0;
	int	 in, out, e;

	if (rename(from, to) == 0)
		return 0;
	if (errno != EXDEV)
		return -1;
	snprintf(part, sizeof(part), "%s.part", to);
	if ((in = open(from, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if ((out = open(part, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) < 0) {
		e = errno;
		close(in);
		errno = e;
		return -1;
	}
	while ((n = read(in, b, sizeof(b))) > 0)
		if (write(out, b, (size_t)n) != n) {
			n = -1;
			break;
		}
	e = errno;
	close(in);
	if (n < 0 || fsync(out) != 0 || close(out) != 0 ||
	    rename(part, to) != 0) {
		e = n < 0 ? e : errno;
		unlink(part);
		errno = e;
		return -1;
	}
	unlink(from);
	return 0;
}

/*
 * keep_file: keep the uploaded file tmp as an attachment of a draft, or
 * of message msg of request: moved under a generated name into
 * var/attachments/ and recorded with its size and SHA-256, in the
 * caller's transaction; stored is its new name (attach_undo removes it
 * if that transaction is rolled back).  Returns 0 or -1 (the file is
 * then left where it was).
 */
static int
keep_file(int64_t draft, int64_t request, int64_t msg, int64_t account,
    const char *tmp, const char *name, int64_t size, const char *sha,
    char stored[33])
{
	char	 path[1200], shown[256 * 3 + 1];

	random_hex(stored, 16);
	attach_path(path, sizeof(path), stored);
	attach_name(shown, sizeof(shown), name);
	if (db_exec(STMT_ATTACH_INSERT, P_REF(":draft_id", draft),
	    P_REF(":request_id", request), P_REF(":message_id", msg),
	    P_INT(":account_id", account), P_TEXT(":name", shown),
	    P_TEXT(":stored", stored), P_INT(":size", size),
	    P_TEXT(":sha256", sha), P_INT(":created", (int64_t)time(NULL)),
	    P_END) != DB_OK)
		return -1;
	if (move_file(tmp, path) != 0) {
		log_line(NULL, "attachment %s: %s", path, strerror(errno));
		stored[0] = '\0';
		return -1;
	}
	return 0;
}

/*
 * attach_orphans: fn(path) for each file in var/attachments/ that no
 * attachment row names (R15.9): what a crash between a move and its
 * commit could leave.  The folder's names, sorted, are walked beside
 * the rows' in one query, not a query a file.  How many (none when the
 * folder is not there yet), or -1.
 */
int
attach_orphans(void (*fn)(void *, const char *), void *arg)
{
	char		 dir[700], path[1200], **name = NULL;
	DIR		*d;
	struct dirent	*e;
	struct db_cur	*st;
	size_t		 n = 0, i = 0;
	int		 rc, found = 0, c;

	strlcpy_(dir, cfg.attachments, sizeof(dir));
	if ((d = opendir(dir)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.') {
			name = xrealloc(name, (n + 1) * sizeof(*name));
			name[n++] = xstrdup(e->d_name);
		}
	closedir(d);
	if (n > 0)
		qsort(name, n, sizeof(*name), strp_cmp);
	if ((st = db_query(STMT_ATTACH_STORED_ALL, P_END)) == NULL)
		found = -1;
	while (found >= 0 && i < n && (rc = db_row(st)) != 0) {
		if (rc < 0) {
			found = -1;
			break;
		}
		/* the files before this row's name have none */
		while (i < n && (c = strcmp(name[i], db_col_text(st, 0))) <= 0) {
			if (c < 0) {
				snprintf(path, sizeof(path), "%s/%s", dir,
				    name[i]);
				fn(arg, path);
				found++;
			}
			i++;
		}
	}
	db_done(st);
	for (; found >= 0 && i < n; i++) {	/* after the last row */
		snprintf(path, sizeof(path), "%s/%s", dir, name[i]);
		fn(arg, path);
		found++;
	}
	while (n > 0)
		free(name[--n]);
	free(name);
	return found;
}

/*
 * attach_undo: the files of n kept in a transaction that was then rolled
 * back, removed: no file stays on disk without its row (R15.9, M.60).
 */
void
attach_undo(const struct attach_in *f, int n)
{
	char	 path[1200];
	int	 i;

	for (i = 0; i < n; i++)
		if (f[i].stored[0] != '\0') {
			attach_path(path, sizeof(path), f[i].stored);
			unlink(path);
		}
}

/*
 * attach_add: keep_file for draft of account (R11.9).  Caller's
 * transaction (draft_update's).
 */
int
attach_add(int64_t draft, int64_t account, struct attach_in *f)
{
	return keep_file(draft, 0, 0, account, f->tmp, f->name, f->size,
	    f->sha256, f->stored);
}

/*
 * attach_remove: remove attachment id from draft of account, file and
 * row.  0, 1 when there is no such file on such a draft, -1 on error.
 */
int
attach_remove(int64_t id, int64_t draft, int64_t account)
{
	struct db_cur	*st;
	char		 stored[40] = "", path[1200];
	int		 rc;

	if (db_begin_write() != 0)
		return -1;
	if ((st = db_query(STMT_ATTACH_DELETE_OWN, P_INT(":id", id),
	    P_INT(":draft_id", draft), P_INT(":account_id", account), P_END)) ==
	    NULL) {
		db_rollback();
		return -1;
	}
	if ((rc = db_row(st)) == 1)
		db_col_copy(st, 0, stored, sizeof(stored));
	db_done(st);
	if (rc != 1) {
		db_rollback();
		return rc == 0 ? 1 : -1;
	}
	if (db_commit() != 0)
		return -1;
	attach_path(path, sizeof(path), stored);
	unlink(path);
	return 0;
}

/* files_of: fn(id, name, size, sha256, message) for each row of st. */
static int
files_of(struct db_cur *st, int (*fn)(void *, int64_t, const char *, int64_t,
    const char *, int64_t), void *arg)
{
	int	 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1)
		if (fn(arg, db_col_int(st, ATTACH_ID), db_col_text(st, ATTACH_NAME),
		    db_col_int(st, ATTACH_SIZE), db_col_text(st, ATTACH_SHA256),
		    db_col_int(st, ATTACH_MESSAGE)) != 0) {
			rc = -1;
			break;
		}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* request_files: fn(id, name, size, sha256, message) for each file. */
int
request_files(int64_t id, int (*fn)(void *, int64_t, const char *, int64_t,
    const char *, int64_t), void *arg)
{
	return files_of(db_query(STMT_ATTACH_OF_REQUEST,
	    P_INT(":request_id", id), P_END), fn, arg);
}

/* draft_files: the same for the files of a draft (message 0). */
int
draft_files(int64_t draft, int (*fn)(void *, int64_t, const char *,
    int64_t, const char *, int64_t), void *arg)
{
	return files_of(db_query(STMT_ATTACH_OF_DRAFT,
	    P_INT(":draft_id", draft), P_END), fn, arg);
}

/* draft_file_totals: how many files a draft has, and their bytes. */
int
draft_file_totals(int64_t draft, int64_t *count, int64_t *bytes)
{
	struct db_cur	*st;
	int		 rc;

	if ((st = db_query(STMT_ATTACH_COUNT_DRAFT, P_INT(":draft_id", draft),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		*count = db_col_int(st, ATTACHED_COUNT);
		*bytes = db_col_int(st, ATTACHED_BYTES);
	}
	db_done(st);
	return rc == 1 ? 0 : -1;
}

/*
 * request_attach: keep_file for message msg of request id, like
 * attach_add for drafts.  Caller's transaction (request_reply's).
 */
int
request_attach(int64_t id, int64_t msg, int64_t account,
    struct attach_in *f)
{
	if (keep_file(0, id, msg, account, f->tmp, f->name, f->size,
	    f->sha256, f->stored) != 0)
		return -1;
	return history_add(id, account, HIST_FILE, f->name);	/* R15.7 */
}

/*
 * attach_for: the client's name, the stored name and the size of
 * attachment id when a may download it: a contact of its request, or
 * the owner of its draft.  1, 0 (no such file for a: R7.4), -1.
 */
int
attach_for(int64_t id, const struct account *a, char *name, size_t nsz,
    char *stored, size_t ssz, int64_t *size)
{
	struct db_cur	*st;
	int		 rc;

	if ((st = db_query(STMT_ATTACH_FOR_DOWNLOAD, P_INT(":id", id),
	    P_TEXT(":email", a->email), P_INT(":account_id", a->id), P_END)) ==
	    NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		db_col_copy(st, FILE_NAME, name, nsz);
		db_col_copy(st, FILE_STORED, stored, ssz);
		*size = db_col_int(st, FILE_SIZE);
	}
	db_done(st);
	return rc;
}
