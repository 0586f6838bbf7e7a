/*
 * t_request: routing and response-by times (R5.3, R11.3), secondary
 * contacts (R5.5), the outbox and its delivery (R9.1).
 */
#include <sys/stat.h>

#include <dirent.h>

#include "unit.h"

/* the epoch seconds of a local time in zone tz */
static time_t
local(const char *tz, int y, int mo, int d, int h, int mi)
{
	struct tm	 tm = { 0 };

	setenv("TZ", tz, 1);
	tzset();
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* R11.3: business hours Monday to Friday, 9:00 to 17:00 local. */
TEST(respond_by)
{
	const char	*w = "Europe/Warsaw";
	/* 2026-11-23 is a Monday */
	time_t		 mon10 = local(w, 2026, 11, 23, 10, 0);

	CHECK(sla_respond_by("critical", 1, w, mon10) == mon10 + 3600);
	CHECK(sla_respond_by("critical", 0, w, mon10) == mon10 + 3600);
	CHECK(sla_respond_by("important", 0, w, mon10) ==
	    local(w, 2026, 11, 23, 14, 0));
	/* 8 hours from 10:00: 7 today, 1 tomorrow */
	CHECK(sla_respond_by("moderate", 0, w, mon10) ==
	    local(w, 2026, 11, 24, 10, 0));
	/* Friday 16:30 + 1 hour: Monday 9:30 */
	CHECK(sla_respond_by("critical", 0, w,
	    local(w, 2026, 11, 27, 16, 30)) == local(w, 2026, 11, 30, 9, 30));
	/* ... but 24/7 runs through the weekend */
	CHECK(sla_respond_by("critical", 1, w,
	    local(w, 2026, 11, 27, 16, 30)) == local(w, 2026, 11, 27, 17, 30));
	/* Saturday: from Monday 9:00 */
	CHECK(sla_respond_by("important", 0, w,
	    local(w, 2026, 11, 28, 12, 0)) == local(w, 2026, 11, 30, 13, 0));
	/* before opening: from 9:00 the same day */
	CHECK(sla_respond_by("critical", 0, "America/New_York",
	    local("America/New_York", 2026, 11, 24, 7, 0)) ==
	    local("America/New_York", 2026, 11, 24, 10, 0));
	CHECK(strcmp(sla_region("PL"), "EMEA") == 0);
	CHECK(strcmp(sla_region("US"), "AMER") == 0);
	CHECK(strcmp(sla_region("JP"), "APAC") == 0);
	CHECK(strcmp(sla_region("ZZ"), "EMEA") == 0);
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

/* R9.1: a mail rendered into the outbox and delivered once. */
TEST(outbox)
{
	HDF		*h;
	int		 sent, failed, n = 0;
	char		 dir[700];
	DIR		*d;
	struct dirent	*e;

	CHECK(hdf_init(&h) == STATUS_OK);
	hdf_set_value(h, "Mail.Request.Id", "42");
	hdf_set_value(h, "Mail.Request.Title", "Zażółć <b>&");
	hdf_set_value(h, "Mail.To.Name", "Ola");
	CHECK(db_begin_write() == 0);
	CHECK(mail_enqueue("ola@example.com", "pl", "submitted", h, 0) == 0);
	CHECK(db_commit() == 0);
	hdf_destroy(&h);
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
		}
	if (d)
		closedir(d);
	CHECK(n == 1);
	/* a failing sendmail is retried later, not lost */
	strlcpy_(cfg.sendmail, "/bin/false", sizeof(cfg.sendmail));
	h = NULL;
	CHECK(hdf_init(&h) == STATUS_OK);
	CHECK(db_begin_write() == 0);
	CHECK(mail_enqueue("x@example.com", "en", "submitted", h, 0) == 0);
	CHECK(db_commit() == 0);
	hdf_destroy(&h);
	CHECK(mail_deliver(time(NULL), &sent, &failed) == 0 && failed == 1);
	CHECK(mail_deliver(time(NULL), &sent, &failed) == 0 && failed == 0);
	cfg.sendmail[0] = '\0';
	CHECK(mail_deliver(time(NULL) + 3600, &sent, &failed) == 0 &&
	    sent == 1);
}

int
main(void)
{
	unit_db();
	if (i18n_load() != 0)
		abort();
	RUN(respond_by);
	RUN(secondary);
	RUN(outbox);
	i18n_free();
	unit_db_done();
	DONE();
}
