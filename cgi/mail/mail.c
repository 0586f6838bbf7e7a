/*
 * mail.c: the outbox (R9.1).  A mail is rendered from templates/mail/
 * in its recipient's language when the change that causes it happens,
 * and stored in the outbox in that same transaction; supportalctl
 * send-mail delivers it later, to var/spool/mail/ (one .eml each) or
 * through a sendmail-compatible program, retrying with backoff.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mail/mail.h"
#include "data/db.h"
#include "lib/config.h"
#include "lib/util.h"
#include "text/i18n.h"
#include "text/tpl.h"

#define MAIL_ATTEMPTS	10	/* then it waits for an operator */

/*
 * mail_lang: the language of the account that signs in with email, if
 * it has one, else fallback (a language code of ours).
 */
const char *
mail_lang(const char *email, const char *fallback)
{
	sqlite3_stmt	*st = db_query(STMT_ACCOUNT_LANG_BY_EMAIL,
	    P_TEXT(":email", email), P_END);
	const char	*l = fallback;

	if (st != NULL && db_row(st) == 1)
		l = strcmp(db_col_text(st, 0), "pl") == 0 ? "pl" : "en";
	db_done(st);
	return i18n_valid(l) ? l : "en";
}

/* one_line: s with every control character made a space, in place. */
static void
one_line(char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
}

/*
 * mail_render: render templates/mail/<tpl>.cs for to in lang with the
 * Mail.* tree of data into m, to be queued by mail_queue: a caller may
 * render before its write transaction, so that no template work holds
 * the lock (R14.4).  The template sets Mail.Subject itself.  The text
 * is plain (text/plain), so no HTML escaping applies.  Mail.Secret set
 * in data marks a mail that carries a single-use link: its body is
 * emptied once delivered.  Returns 0 or -1; m is freed by mail_free.
 */
int
mail_render(struct mail *m, const char *to, const char *lang,
    const char *tpl, HDF *data, int64_t request)
{
	HDF		*h = NULL;
	NEOERR		*err;
	char		 file[128];
	int		 rc = -1;

	memset(m, 0, sizeof(*m));
	strlcpy_(m->to, to, sizeof(m->to));
	m->request = request;
	snprintf(file, sizeof(file), "mail/%s.cs", tpl);
	if ((err = hdf_init(&h)) == STATUS_OK &&
	    (hdf_get_obj(data, "Mail") == NULL ||
	    (err = hdf_copy(h, "Mail", hdf_get_obj(data, "Mail"))) ==
	    STATUS_OK))
		err = hdf_set_value(h, "Mail.Origin", cfg.origin);
	if (err != STATUS_OK) {
		nerr_ignore(&err);
		goto done;
	}
	if (tpl_render(file, 1, h, lang, &m->body) != 0)
		goto done;
	strlcpy_(m->subject, hdf_get_value(h, "Mail.Subject", tpl),
	    sizeof(m->subject));
	one_line(m->subject);
	m->secret = hdf_get_int_value(h, "Mail.Secret", 0) != 0;
	rc = 0;
done:
	hdf_destroy(&h);
	return rc;
}

/* mail_queue: store a rendered mail in the outbox (caller's transaction). */
int
mail_queue(const struct mail *m)
{
	return db_exec(STMT_OUTBOX_INSERT, P_TEXT(":recipient", m->to),
	    P_TEXT(":subject", m->subject),
	    P_TEXT(":body", m->body.p ? m->body.p : ""),
	    P_REF(":request_id", m->request),
	    P_INT(":now", (int64_t)time(NULL)), P_INT(":secret", m->secret),
	    P_END) == SQLITE_OK ? 0 : -1;
}

void
mail_free(struct mail *m)
{
	buf_free(&m->body);
}

/*
 * mail_enqueue: mail_render and mail_queue at once, inside the caller's
 * transaction.  Returns 0 or -1.
 */
int
mail_enqueue(const char *to, const char *lang, const char *tpl, HDF *data,
    int64_t request)
{
	struct mail	 m;
	int		 rc;

	rc = mail_render(&m, to, lang, tpl, data, request) == 0 &&
	    mail_queue(&m) == 0 ? 0 : -1;
	mail_free(&m);
	return rc;
}

/* b64: the base64 of n bytes into out (4 * ceil(n / 3) + 1 bytes). */
static void
b64(char *out, const unsigned char *p, size_t n)
{
	static const char	 a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn"
	    "opqrstuvwxyz0123456789+/";
	size_t			 i, o = 0;

	for (i = 0; i + 2 < n; i += 3) {
		out[o++] = a[p[i] >> 2];
		out[o++] = a[(p[i] & 3) << 4 | p[i + 1] >> 4];
		out[o++] = a[(p[i + 1] & 15) << 2 | p[i + 2] >> 6];
		out[o++] = a[p[i + 2] & 63];
	}
	if (i < n) {
		out[o++] = a[p[i] >> 2];
		if (i + 1 < n) {
			out[o++] = a[(p[i] & 3) << 4 | p[i + 1] >> 4];
			out[o++] = a[(p[i + 1] & 15) << 2];
		} else {
			out[o++] = a[(p[i] & 3) << 4];
			out[o++] = '=';
		}
		out[o++] = '=';
	}
	out[o] = '\0';
}

/* message: the whole RFC 5322 message of one outbox row into m. */
static void
message(struct buf *m, int64_t id, const char *to, const char *subject,
    const char *body, time_t created)
{
	char		 date[64], enc[1024], rnd[17];
	struct tm	 tm;
	const char	*p;
	int		 ascii = 1;

	gmtime_r(&created, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	for (p = subject; *p != '\0'; p++)
		if ((unsigned char)*p >= 0x80)
			ascii = 0;
	random_hex(rnd, 8);
	buf_printf(m, "From: %s\nTo: %s\nDate: %s\n"
	    "Message-ID: <%lld.%s@supportal>\nMIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=utf-8\n"
	    "Content-Transfer-Encoding: 8bit\n", cfg.mail_from, to, date,
	    (long long)id, rnd);
	if (ascii)
		buf_printf(m, "Subject: %s\n", subject);
	else {
		/* RFC 2047, split so that no encoded word passes 75 bytes */
		size_t	 n = strlen(subject), i = 0;

		buf_puts(m, "Subject:");
		while (i < n) {
			size_t	 take = n - i < 45 ? n - i : 45;

			while (i + take < n && ((unsigned char)subject[i +
			    take] & 0xc0) == 0x80)
				take--;		/* whole characters only */
			b64(enc, (const unsigned char *)subject + i, take);
			buf_printf(m, " =?UTF-8?B?%s?=\n", enc);
			i += take;
		}
	}
	buf_printf(m, "\n%s", body);
	if (m->len > 0 && m->p[m->len - 1] != '\n')
		buf_puts(m, "\n");
}

/* deliver: one message, to the spool or the sendmail program.  0/-1. */
static int
deliver(int64_t id, const struct buf *m, char *err, size_t esz)
{
	char	 tmp[800], final[800];
	FILE	*f;
	int	 fd;

	if (cfg.sendmail[0] != '\0') {
		if ((f = popen(cfg.sendmail, "w")) == NULL) {
			snprintf(err, esz, "%s: %s", cfg.sendmail,
			    strerror(errno));
			return -1;
		}
		fwrite(m->p, 1, m->len, f);
		if (pclose(f) != 0) {
			snprintf(err, esz, "%s failed", cfg.sendmail);
			return -1;
		}
		return 0;
	}
	snprintf(tmp, sizeof(tmp), "%s/spool/mail/.%lld.tmp", cfg.var,
	    (long long)id);
	snprintf(final, sizeof(final), "%s/spool/mail/%lld.eml", cfg.var,
	    (long long)id);
	/* the portal's own file, never through a link left in the spool
	 * (M.63): a stale one from a crash goes first */
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
	f = fd < 0 ? NULL : fdopen(fd, "w");
	if (f == NULL && fd >= 0)
		close(fd);
	if (f == NULL || fwrite(m->p, 1, m->len, f) != m->len ||
	    fflush(f) != 0 ||
	    fsync(fileno(f)) != 0) {
		snprintf(err, esz, "%s: %s", tmp, strerror(errno));
		if (f != NULL)
			fclose(f);
		unlink(tmp);
		return -1;
	}
	fclose(f);
	if (rename(tmp, final) != 0) {
		snprintf(err, esz, "%s: %s", final, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/*
 * mail_deliver: send what is due at now.  A failure is retried after
 * 2^attempts minutes (at most a day); after MAIL_ATTEMPTS it waits for
 * an operator.  Counts in *sent and *failed.  Returns 0 or -1.
 */
int
mail_deliver(time_t now, int *sent, int *failed)
{
	struct {
		int64_t	 id;
		char	*to, *subject, *body;
		int	 attempts;
		int64_t	 created;
	}		 row[100];
	sqlite3_stmt	*st;
	int		 n = 0, i, rc;

	*sent = *failed = 0;
	if ((st = db_query(STMT_OUTBOX_PENDING, P_INT(":now", (int64_t)now),
	    P_END)) == NULL)
		return -1;
	while (n < 100 && (rc = db_row(st)) == 1) {
		row[n].id = db_col_int(st, OUTBOX_ID);
		row[n].to = xstrdup(db_col_text(st, OUTBOX_RECIPIENT));
		row[n].subject = xstrdup(db_col_text(st, OUTBOX_SUBJECT));
		row[n].body = xstrdup(db_col_text(st, OUTBOX_BODY));
		row[n].attempts = (int)db_col_int(st, OUTBOX_ATTEMPTS);
		row[n].created = db_col_int(st, OUTBOX_CREATED);
		n++;
	}
	db_done(st);
	for (i = 0; i < n; i++) {
		struct buf	 m = { 0 };
		char		 err[1024] = "";
		long		 wait;

		message(&m, row[i].id, row[i].to, row[i].subject,
		    row[i].body, (time_t)row[i].created);
		if (deliver(row[i].id, &m, err, sizeof(err)) == 0) {
			db_exec(STMT_OUTBOX_SENT, P_INT(":id", row[i].id),
			    P_INT(":sent", (int64_t)now), P_END);
			(*sent)++;
		} else {
			wait = row[i].attempts + 1 >= MAIL_ATTEMPTS ?
			    365L * 86400 : 60L << (row[i].attempts < 10 ?
			    row[i].attempts : 10);
			if (wait > 86400 && row[i].attempts + 1 <
			    MAIL_ATTEMPTS)
				wait = 86400;
			db_exec(STMT_OUTBOX_RETRY, P_INT(":id", row[i].id),
			    P_INT(":next_try", (int64_t)(now + wait)),
			    P_TEXT(":last_error", err), P_END);
			(*failed)++;
		}
		buf_free(&m);
		free(row[i].to);
		free(row[i].subject);
		free(row[i].body);
	}
	return 0;
}
