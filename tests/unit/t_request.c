/*
 * t_request: routing and response-by times (R5.3, R11.3), secondary
 * contacts (R5.5), the outbox and its delivery (R9.1), a request as its
 * contacts see it (R7.4).
 */
#include <sys/stat.h>

#include <dirent.h>

#include "unit.h"
#include "data/db.h"
#include "domain/account.h"
#include "domain/attach.h"
#include "domain/draft.h"
#include "domain/outbox.h"
#include "domain/request.h"
#include "domain/sla.h"
#include "lib/arena.h"
#include "lib/config.h"
#include "lib/util.h"
#include "mail/mail.h"
#include "text/i18n.h"

/* the epoch seconds of a local time in zone tz */
static time_t
local(const char *tz, int y, int mo, int d, int h, int mi)
{
	struct tm	 tm = { 0 };

	tz_use(tz);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* the calendar of zone tz, 9 to 17, with the given sorted holidays */
static struct sla_cal
cal(const char *tz, const char **holidays, size_t n)
{
	struct sla_cal	 c = { tz, 0, 9, 17, holidays, n };

	return c;
}

/* R11.3: business hours Monday to Friday, 9:00 to 17:00 local. */
TEST(respond_by)
{
	const char	*w = "Europe/Warsaw", *ny = "America/New_York";
	struct sla_cal	 cw = cal(w, NULL, 0), cny = cal(ny, NULL, 0);
	/* 2026-11-23 is a Monday */
	time_t		 mon10 = local(w, 2026, 11, 23, 10, 0);

	CHECK(sla_respond_by("critical", 1, &cw, mon10) == mon10 + 3600);
	CHECK(sla_respond_by("critical", 0, &cw, mon10) == mon10 + 3600);
	CHECK(sla_respond_by("important", 0, &cw, mon10) ==
	    local(w, 2026, 11, 23, 14, 0));
	/* 8 hours from 10:00: 7 today, 1 tomorrow */
	CHECK(sla_respond_by("moderate", 0, &cw, mon10) ==
	    local(w, 2026, 11, 24, 10, 0));
	/* Friday 16:30 + 1 hour: Monday 9:30 (a weekend) */
	CHECK(sla_respond_by("critical", 0, &cw,
	    local(w, 2026, 11, 27, 16, 30)) == local(w, 2026, 11, 30, 9, 30));
	/* ... but 24/7 runs through the weekend */
	CHECK(sla_respond_by("critical", 1, &cw,
	    local(w, 2026, 11, 27, 16, 30)) == local(w, 2026, 11, 27, 17, 30));
	/* ... and 24/7 is for critical requests only */
	CHECK(sla_respond_by("important", 1, &cw,
	    local(w, 2026, 11, 27, 16, 30)) == local(w, 2026, 11, 30, 12, 30));
	/* Saturday: from Monday 9:00 */
	CHECK(sla_respond_by("important", 0, &cw,
	    local(w, 2026, 11, 28, 12, 0)) == local(w, 2026, 11, 30, 13, 0));
	/* before opening: from 9:00 the same day, in the request's zone */
	CHECK(sla_respond_by("critical", 0, &cny,
	    local(ny, 2026, 11, 24, 7, 0)) == local(ny, 2026, 11, 24, 10, 0));
	CHECK(strcmp(sla_region("PL"), "EMEA") == 0);
	CHECK(strcmp(sla_region("US"), "AMER") == 0);
	CHECK(strcmp(sla_region("JP"), "APAC") == 0);
	CHECK(strcmp(sla_region("ZZ"), "EMEA") == 0);
}

/* R11.3: holidays of the region and its own hours. */
TEST(respond_by_holidays)
{
	const char	*w = "Europe/Warsaw";
	const char	*xmas[] = { "2026-12-24", "2026-12-25", "2026-12-28" };
	struct sla_cal	 c = cal(w, xmas, 3), early = cal(w, NULL, 0);

	/* Wednesday 23 Dec 16:00 + 4 h: 1 h that day, then Thursday and
	 * Friday are holidays, the weekend, Monday 28 too: Tuesday 12:00 */
	CHECK(sla_respond_by("important", 0, &c,
	    local(w, 2026, 12, 23, 16, 0)) == local(w, 2026, 12, 29, 12, 0));
	/* submitted on a holiday: counted from the next working morning */
	CHECK(sla_respond_by("critical", 0, &c,
	    local(w, 2026, 12, 25, 11, 0)) == local(w, 2026, 12, 29, 10, 0));
	/* 24/7 knows no holidays */
	CHECK(sla_respond_by("critical", 1, &c,
	    local(w, 2026, 12, 25, 11, 0)) == local(w, 2026, 12, 25, 12, 0));
	/* a region working 7 to 15 */
	early.open = 7;
	early.close = 15;
	CHECK(sla_respond_by("important", 0, &early,
	    local(w, 2026, 11, 23, 13, 0)) == local(w, 2026, 11, 24, 9, 0));
}

/*
 * R11.3: the clock stops while waiting for the customer: the working
 * time left is kept (sla_between) and counted again from the reply
 * (sla_add).
 */
TEST(respond_by_pause)
{
	const char	*w = "Europe/Warsaw";
	struct sla_cal	 c = cal(w, NULL, 0), all = c;
	time_t		 due, left;

	/* due Tuesday 10:00; waiting from Monday 15:00: 3 working hours
	 * left (2 on Monday, 1 on Tuesday) */
	due = local(w, 2026, 11, 24, 10, 0);
	left = sla_between(&c, local(w, 2026, 11, 23, 15, 0), due);
	CHECK(left == 3 * 3600);
	/* the customer answers on Thursday 16:30: due Friday 11:30 */
	CHECK(sla_add(&c, local(w, 2026, 11, 26, 16, 30), left) ==
	    local(w, 2026, 11, 27, 11, 30));
	/* the weekend counts nothing, 24/7 everything */
	CHECK(sla_between(&c, local(w, 2026, 11, 28, 0, 0),
	    local(w, 2026, 11, 30, 9, 0)) == 0);
	all.allday = 1;
	CHECK(sla_between(&all, local(w, 2026, 11, 28, 0, 0),
	    local(w, 2026, 11, 30, 9, 0)) == 57 * 3600);
	/* overdue when it started waiting: nothing left */
	CHECK(sla_between(&c, due + 60, due) == 0);
}

/* R5.5: secondary contacts by email. */
TEST(secondary)
{
	char	 s[4][EMAIL_MAX + 1];

	CHECK(secondary_parse("", s, 4) == 0);
	CHECK(secondary_parse(" a@example.com,\nB@Example.com; a@example.com ",
	    s, 4) == 2);
	CHECK(strcmp(s[0], "a@example.com") == 0 &&
	    strcmp(s[1], "b@example.com") == 0);
	CHECK(secondary_parse("a@example.com, nope", s, 4) == -1);
	CHECK(secondary_parse("a@x.io b@x.io c@x.io d@x.io e@x.io", s, 4) ==
	    -1);
}

/*
 * R9.1: a mail queued as data (domain/outbox.c), rendered at the edge
 * (mail/mail.c: by mail_deliver here, for what nothing rendered before)
 * and delivered once; its values, any text, come through whole.
 */
TEST(outbox)
{
	struct outbox_mail	 m = { "ola@example.com", "pl", "submitted", 0,
	    { 0 } };
	sqlite3_stmt		*st = NULL;
	int			 sent, failed, n = 0;
	char			 dir[700];
	DIR			*d;
	struct dirent		*e;

	outbox_set(&m, "Request.Id", "42");
	outbox_set(&m, "Request.Title", "Zażółć <b>&");
	outbox_set(&m, "Request.Description", "a\tb\\n\nline two\\");
	outbox_set(&m, "Request.Severity", "critical");
	outbox_set(&m, "To.Name", "Ola");
	CHECK(db_begin_write() == 0);
	CHECK(outbox_put(&m) == 0);
	CHECK(db_commit() == 0);
	outbox_free(&m);
	CHECK(outbox_queued() == 1 && outbox_queued() == 0);
	CHECK(mail_deliver(time(NULL), &sent, &failed) == 0);
	CHECK(sent == 1 && failed == 0);
	CHECK(mail_deliver(time(NULL), &sent, &failed) == 0 && sent == 0);
	snprintf(dir, sizeof(dir), "%s/spool/mail", cfg.var);
	CHECK((d = opendir(dir)) != NULL);
	while (d != NULL && (e = readdir(d)) != NULL)
		if (strstr(e->d_name, ".eml") != NULL) {
			char	 path[1000], text[4096];
			FILE	*f;
			size_t	 len;

			n++;
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			f = fopen(path, "r");
			len = f ? fread(text, 1, sizeof(text) - 1, f) : 0;
			text[len] = '\0';
			if (f)
				fclose(f);
			CHECK(strstr(text, "To: ola@example.com\n") != NULL);
			/* a UTF-8 subject is encoded (RFC 2047) */
			CHECK(strstr(text, "Subject: =?UTF-8?B?") != NULL);
			/* plain text: no HTML escaping */
			CHECK(strstr(text, "Zażółć <b>&") != NULL);
			CHECK(strstr(text, "Dzień dobry") != NULL);
			/* the severity's code named in the mail's language */
			CHECK(strstr(text, "Krytyczna") != NULL);
			CHECK(strstr(text, "a\tb\\n\nline two\\") != NULL);
		}
	if (d)
		closedir(d);
	CHECK(n == 1);
	/* a failing sendmail is retried later, not lost */
	strlcpy_(cfg.sendmail, "/bin/false", sizeof(cfg.sendmail));
	m.to = "x@example.com";
	m.lang = "en";
	CHECK(db_begin_write() == 0);
	CHECK(outbox_put(&m) == 0);
	CHECK(db_commit() == 0);
	outbox_free(&m);
	CHECK(mail_deliver(time(NULL), &sent, &failed) == 0 && failed == 1);
	CHECK(mail_deliver(time(NULL), &sent, &failed) == 0 && failed == 0);
	cfg.sendmail[0] = '\0';
	CHECK(mail_deliver(time(NULL) + 3600, &sent, &failed) == 0 &&
	    sent == 1);
	/* M.61: a confirmation queued after 150 mails of a thread goes in
	 * the first hundred sent */
	CHECK(db_begin_write() == 0);
	for (n = 0; n < 150; n++) {
		struct outbox_mail	 b = { "many@example.com", "en", "status",
		    0, { 0 } };

		outbox_set(&b, "Request.Id", "7");
		outbox_set(&b, "Status", "waiting");
		CHECK(outbox_put(&b) == 0);
		outbox_free(&b);
	}
	m.to = "first@example.com";
	CHECK(outbox_put(&m) == 0);
	CHECK(db_commit() == 0);
	outbox_free(&m);
	CHECK(mail_deliver(time(NULL), &sent, &failed) == 0 && sent == 100);
	CHECK(sqlite3_prepare_v2(db_handle(), "SELECT count(*) FROM outbox"
	    " WHERE recipient = 'first@example.com' AND sent IS NOT NULL", -1,
	    &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int(st, 0) == 1);
	sqlite3_finalize(st);
	CHECK(mail_deliver(time(NULL), &sent, &failed) == 0 && sent == 51);
}

/*
 * R15.9, M.60: a step whose second file cannot be kept keeps neither:
 * the first one's move is undone with the transaction, so that no file
 * stays on disk without its row.
 */
TEST(files_undone)
{
	static const char	 sha[] = "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855";
	struct account		 a;
	struct draft		 d;
	struct attach_in	 f[2];
	char			 tmp[700], path[1200];
	int64_t			 id = 0, did = 0, count = -1, bytes = -1;
	int			 kept[2];
	FILE			*fp;

	CHECK(account_create("files@example.com", "long-password-9", "F",
	    "F", "personal", "en", &id) == ACCT_OK);
	CHECK(account_load(id, &a) == 1);
	CHECK(draft_create(&a, &did) == 0);
	CHECK(draft_load(did, id, &d) == 1);
	snprintf(tmp, sizeof(tmp), "%s/tmp/undo.1", cfg.var);
	CHECK((fp = fopen(tmp, "w")) != NULL);
	if (fp != NULL)
		fclose(fp);
	memset(f, 0, sizeof(f));
	f[0].tmp = tmp;
	f[0].name = "one.log";
	f[0].sha256 = sha;
	f[1].tmp = "/nonexistent/undo.2";
	f[1].name = "two.log";
	f[1].sha256 = sha;
	CHECK(draft_update(id, &d, f, 2, kept, 0) == -1);
	CHECK(kept[0] && f[0].stored[0] != '\0');
	attach_path(path, sizeof(path), f[0].stored);
	CHECK(access(path, F_OK) != 0);		/* moved, then removed */
	CHECK(draft_file_totals(did, &count, &bytes) == 0 && count == 0);
	arena_reset();
}

/*
 * R7.4: a request seen by its contact, and by no one else; a view used
 * again holds the new request's description alone (its texts are copies
 * in the request's arena, freed by arena_reset).
 */
TEST(view)
{
	struct request_view	*v = xcalloc(1, sizeof(*v));

	CHECK(sqlite3_exec(db_handle(), "PRAGMA foreign_keys = OFF;"
	    "INSERT INTO products (id, code, name, kind, portal_id, sort)"
	    " VALUES (900, 'p900', 'Product', 'onprem', 1, 1);"
	    "INSERT INTO versions (id, product_id, code, name, released,"
	    " mainstream_end, extended_end, sort) VALUES (900, 900, '1', 'One',"
	    " '2024-01-01', '', '', 1);"
	    "INSERT INTO requests (id, draft_id, product_id, version_id, title,"
	    " description, contract_id, severity, allday, country, timezone,"
	    " queue, respond_by, created, updated) VALUES"
	    " (901, 901, 900, 900, 'Long', printf('%.*c', 20000, 'x'), 1,"
	    " 'moderate', 0, 'PL', 'UTC', 'EMEA/moderate', 5, 6, 7),"
	    " (902, 902, 900, 900, 'Short', 'short', 1, 'critical', 1, 'PL',"
	    " 'UTC', 'EMEA/critical', 5, 6, 7);"
	    "INSERT INTO request_contacts (request_id, email, role, created)"
	    " VALUES (901, 'ola@example.com', 'primary', 0),"
	    " (902, 'ola@example.com', 'primary', 0);"
	    "INSERT INTO accounts (email, pwhash, first_name, last_name, kind,"
	    " created, verified) VALUES ('ola@example.com', '!', 'Ola', 'N',"
	    " 'work', 0, 0);"
	    "PRAGMA foreign_keys = ON;", NULL, NULL, NULL) == SQLITE_OK);
	/* M.53: an address nobody proved reaches nothing */
	CHECK(request_view(901, "ola@example.com", "en", v) == 0);
	CHECK(sqlite3_exec(db_handle(), "UPDATE accounts SET verified = 1"
	    " WHERE email = 'ola@example.com'", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(request_view(901, "ola@example.com", "en", v) == 1);
	CHECK(strlen(v->description) == 20000 && strcmp(v->title, "Long") == 0);
	CHECK(request_view(902, "ola@example.com", "en", v) == 1);
	CHECK(strcmp(v->description, "short") == 0 && v->allday == 1 &&
	    strcmp(v->severity, "critical") == 0 && v->paused_left == -1);
	/* a stranger, and a request that is not there: nothing of either */
	CHECK(request_view(901, "eve@example.com", "en", v) == 0);
	CHECK(v->id == 0 && v->title[0] == '\0' && v->description[0] == '\0');
	CHECK(request_view(903, "ola@example.com", "en", v) == 0);
	CHECK(v->id == 0 && v->owner_name[0] == '\0');
	CHECK(sqlite3_exec(db_handle(), "DELETE FROM request_contacts WHERE"
	    " request_id IN (901, 902); DELETE FROM requests WHERE id IN"
	    " (901, 902); DELETE FROM versions WHERE id = 900;"
	    " DELETE FROM products WHERE id = 900;", NULL, NULL, NULL) ==
	    SQLITE_OK);
	free(v);
	arena_reset();
}

int
main(void)
{
	unit_db();
	if (i18n_load() != 0)
		abort();
	RUN(respond_by);
	RUN(respond_by_holidays);
	RUN(respond_by_pause);
	RUN(secondary);
	RUN(outbox);
	RUN(files_undone);
	RUN(view);
	i18n_free();
	unit_db_done();
	DONE();
}
