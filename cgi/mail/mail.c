/*
 * mail.c: the edge of the outbox (R9.1).  The domain queues a mail as
 * data in the transaction of the change that causes it (domain/outbox.c);
 * here it is rendered from templates/mail/ in its recipient's language,
 * after that transaction, and supportalctl send-mail delivers it later,
 * to var/spool/mail/ (one .eml each) or through a sendmail-compatible
 * program, retrying with backoff.
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
#include "text/tpl.h"

#define MAIL_ATTEMPTS	10	/* then it waits for an operator */
#define MAIL_LEASE	600	/* seconds a send-mail holds the mails it
				   took (STMT_OUTBOX_CLAIM) */

/* one_line: s with every control character made a space, in place. */
static void
one_line(char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
}

/*
 * render: templates/mail/<tpl>.cs for to in lang (English when it is not
 * one of ours) with the values vals as Mail.*, into subject and body.
 * The template sets Mail.Subject itself; the text is plain (text/plain),
 * so no HTML escaping applies.  Mail.Secret set, by the values or the
 * template, marks a mail that carries a single-use link: its body is
 * emptied once delivered.  Returns 0 or -1.
 */
static int
render(const char *to, const char *tpl, const char *lang, const char *vals,
    char *subject, size_t ssz, struct buf *body, int *secret)
{
	HDF		*h = NULL;
	NEOERR		*err;
	struct buf	 name = { 0 }, value = { 0 }, key = { 0 };
	char		 file[128];
	const char	*p = vals;
	int		 rc = -1;

	if (strlen(tpl) > 64 || strspn(tpl, "abcdefghijklmnopqrstuvwxyz-") !=
	    strlen(tpl))
		return -1;
	snprintf(file, sizeof(file), "mail/%s.cs", tpl);
	if ((err = hdf_init(&h)) == STATUS_OK)
		err = hdf_set_value(h, "Mail.Origin", cfg.origin);
	if (err == STATUS_OK)
		err = hdf_set_value(h, "Mail.To.Email", to);
	while (err == STATUS_OK && (p = vals_next(p, &name, &value)) != NULL) {
		key.len = 0;
		buf_printf(&key, "Mail.%s", name.p);
		err = hdf_set_value(h, key.p, value.p);
	}
	if (err != STATUS_OK) {
		nerr_ignore(&err);
		goto done;
	}
	if (tpl_render(file, 1, h, lang_valid(lang) ? lang : languages[0],
	    body) != 0)
		goto done;
	strlcpy_(subject, hdf_get_value(h, "Mail.Subject", tpl), ssz);
	one_line(subject);
	*secret = hdf_get_int_value(h, "Mail.Secret", 0) != 0;
	rc = 0;
done:
	buf_free(&name);
	buf_free(&value);
	buf_free(&key);
	hdf_destroy(&h);
	return rc;
}

/*
 * mail_render_pending: render every mail queued as data (domain/outbox.c)
 * and keep its subject and body in its row, the values (which may hold a
 * single-use link) dropped.  Called after the transaction that queued
 * them: by the worker before it answers, by supportalctl after a command
 * and before sending.  A mail that cannot be rendered stays queued and
 * is logged.  Returns how many were rendered, or -1.
 */
int
mail_render_pending(void)
{
	struct row {
		int64_t	 id;
		char	*to, *tpl, *lang, *vals;
	}		 row[100];
	struct db_cur	*st;
	int		 n, i, rc, done = 0, more = 1;

	while (more) {
		if ((st = db_query(STMT_OUTBOX_UNRENDERED, P_END)) == NULL)
			return -1;
		for (n = 0; n < 100 && (rc = db_row(st)) == 1; n++) {
			row[n].id = db_col_int(st, QUEUED_ID);
			row[n].to = xstrdup(db_col_text(st, QUEUED_RECIPIENT));
			row[n].tpl = xstrdup(db_col_text(st, QUEUED_TPL));
			row[n].lang = xstrdup(db_col_text(st, QUEUED_LANG));
			row[n].vals = xstrdup(db_col_text(st, QUEUED_VARS));
		}
		db_done(st);
		more = n == 100;
		for (i = 0; i < n; i++) {
			struct buf	 body = { 0 };
			char		 subject[512];
			int		 secret = 0;

			if (render(row[i].to, row[i].tpl, row[i].lang,
			    row[i].vals, subject, sizeof(subject), &body,
			    &secret) != 0) {
				log_line(NULL, "mail %lld: cannot render %s",
				    (long long)row[i].id, row[i].tpl);
				more = 0;	/* not again in this call */
			} else if (db_exec(STMT_OUTBOX_RENDERED,
			    P_INT(":id", row[i].id), P_TEXT(":subject", subject),
			    P_TEXT(":body", body.p != NULL ? body.p : ""),
			    P_INT(":secret", secret), P_END) == DB_OK)
				done++;
			else
				more = 0;
			buf_free(&body);
			free(row[i].to);
			free(row[i].tpl);
			free(row[i].lang);
			sodium_memzero(row[i].vals, strlen(row[i].vals));
			free(row[i].vals);
		}
	}
	return done;
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
 * mail_deliver: send what is due at now, each mail by the one send-mail
 * that took it (STMT_OUTBOX_CLAIM).  A failure is retried after
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
	struct db_cur	*st;
	int		 n = 0, i, rc;

	*sent = *failed = 0;
	/* what a crash left unrendered goes with the rest */
	if (mail_render_pending() < 0)
		return -1;
	if ((st = db_query(STMT_OUTBOX_CLAIM, P_INT(":now", (int64_t)now),
	    P_INT(":lease", (int64_t)now + MAIL_LEASE), P_END)) == NULL)
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
