/*
 * sla.c: routing and the first-response-by time of a request (R5.3,
 * R11.3).  The support region comes from the country; the time from the
 * severity and whether the request is 24/7 or worked in business hours:
 * Monday to Friday, in the request's time zone, the hours and holidays
 * of its support region (catalogue data: sla_calendar).  The functions
 * take the moment to count from, so that tests can set the clock.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/sla.h"
#include "data/db.h"
#include "domain/contract.h"
#include "lib/util.h"

/* The countries of the Americas and of Asia-Pacific; the rest is EMEA. */
static const char *const americas = "AG AI AR AW BB BL BM BO BQ BR BS BZ CA"
    " CL CO CR CU CW DM DO EC FK GD GF GL GP GT GY HN HT JM KN KY LC MF MQ"
    " MS MX NI PA PE PM PR PY SR SV SX TC TT UM US UY VC VE VG VI";
static const char *const apac = "AS AU BD BN BT CC CK CN CX FJ FM GU HK ID"
    " IN IO JP KH KI KP KR LA LK MH MM MN MO MP MV MY NC NF NP NR NU NZ PF"
    " PG PH PK PN PW SB SG TH TK TL TO TV TW VN VU WF WS";

/* sla_region: "AMER", "APAC" or "EMEA" for an ISO 3166 country code. */
const char *
sla_region(const char *country)
{
	if (strlen(country) == 2 && strstr(americas, country) != NULL)
		return "AMER";
	if (strlen(country) == 2 && strstr(apac, country) != NULL)
		return "APAC";
	return "EMEA";
}

/* sla_budget: the first-response time of a severity, in seconds. */
long
sla_budget(const char *severity)
{
	if (strcmp(severity, "critical") == 0)
		return 3600;
	if (strcmp(severity, "important") == 0)
		return 4 * 3600;
	return 8 * 3600;
}

/* at: tm's day (plus day_offset) at hour:00 in the current zone. */
static time_t
at(struct tm tm, int day_offset, int hour)
{
	tm.tm_mday += day_offset;
	tm.tm_hour = hour;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* closed: 1 if tm's day is a weekend day or a holiday of c. */
static int
closed(const struct sla_cal *c, const struct tm *tm)
{
	char		 day[32];
	const char	*key = day;

	if (tm->tm_wday == 0 || tm->tm_wday == 6)
		return 1;
	if (c->nholidays == 0)
		return 0;
	snprintf(day, sizeof(day), "%04d-%02d-%02d", tm->tm_year + 1900,
	    tm->tm_mon + 1, tm->tm_mday);
	return bsearch(&key, c->holidays, c->nholidays, sizeof(*c->holidays),
	    strp_cmp) != NULL;
}

/*
 * next_open: the working period of c that contains t or comes next:
 * its start (t itself when open) in *from and its end in *to.
 */
static void
next_open(const struct sla_cal *c, time_t t, time_t *from, time_t *to)
{
	struct tm	 tm;

	for (;;) {
		localtime_r(&t, &tm);
		if (closed(c, &tm) || tm.tm_hour >= c->close) {
			t = at(tm, 1, c->open);		/* the next morning */
			continue;
		}
		if (tm.tm_hour < c->open) {
			t = at(tm, 0, c->open);
			continue;
		}
		*from = t;
		*to = at(tm, 0, c->close);
		return;
	}
}

/*
 * sla_add: the moment secs of c's working time after from: around the
 * clock when c->allday, else only Monday to Friday from c->open to
 * c->close o'clock in c->tz, holidays (c->holidays, sorted YYYY-MM-DD
 * days of that zone) excepted.
 */
time_t
sla_add(const struct sla_cal *c, time_t from, long secs)
{
	time_t	 t = from, start, end;

	if (c->allday)
		return from + secs;
	tz_use(c->tz);
	for (;;) {
		next_open(c, t, &start, &end);
		if (end - start >= secs)
			return start + secs;
		secs -= (long)(end - start);
		t = end;
	}
}

/* sla_between: the seconds of c's working time from from to to. */
long
sla_between(const struct sla_cal *c, time_t from, time_t to)
{
	time_t	 t = from, start, end;
	long	 n = 0;

	if (to <= from)
		return 0;
	if (c->allday)
		return (long)(to - from);
	tz_use(c->tz);
	while (t < to) {
		next_open(c, t, &start, &end);
		if (start >= to)
			break;
		n += (long)((end < to ? end : to) - start);
		t = end;
	}
	return n;
}

/*
 * sla_respond_by: when the first response is due for a request of
 * severity submitted at now (R11.3): critical 1 hour, important 4
 * hours, moderate 8 hours; around the clock for critical 24/7 requests,
 * else in the working time of c (whose allday is ignored).
 */
time_t
sla_respond_by(const char *severity, int allday, const struct sla_cal *c,
    time_t now)
{
	struct sla_cal	 k = *c;

	k.allday = allday && strcmp(severity, "critical") == 0;
	return sla_add(&k, now, sla_budget(severity));
}

/*
 * sla_calendar: the working time of support region (AMER, APAC, EMEA)
 * in zone tz: its hours (9 to 17 unless the catalogue says otherwise)
 * and its holidays from a week ago on.  Free with sla_calendar_free.
 * Returns 0 or -1.
 */
int
sla_calendar(const char *region, const char *tz, struct sla_cal *c)
{
	struct db_cur	*st;
	char		 since[11];
	size_t		 cap = 0;
	int		 rc;

	memset(c, 0, sizeof(*c));
	c->tz = tz;
	c->open = 9;
	c->close = 17;
	if ((st = db_query(STMT_REGION_HOURS, P_TEXT(":region", region),
	    P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		c->open = (int)db_col_int(st, HOURS_OPEN);
		c->close = (int)db_col_int(st, HOURS_CLOSE);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	today_utc(since, time(NULL) - 7 * 86400);
	if ((st = db_query(STMT_REGION_HOLIDAYS, P_TEXT(":region", region),
	    P_TEXT(":from", since), P_END)) == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		if (c->nholidays == cap) {
			cap = cap ? cap * 2 : 16;
			c->holidays = xrealloc(c->holidays,
			    cap * sizeof(*c->holidays));
		}
		c->holidays[c->nholidays++] = xstrdup(db_col_text(st, 0));
	}
	db_done(st);
	if (rc < 0) {
		sla_calendar_free(c);
		return -1;
	}
	return 0;
}

void
sla_calendar_free(struct sla_cal *c)
{
	size_t	 i;

	for (i = 0; i < c->nholidays; i++)
		free((char *)c->holidays[i]);
	free(c->holidays);
	c->holidays = NULL;
	c->nholidays = 0;
}

/*
 * sla_due: when the first response to a request of severity (24/7 when
 * allday) from country, in zone tz, submitted at now, is due: in the
 * working time of the country's support region.  -1 on error.
 */
time_t
sla_due(const char *severity, int allday, const char *country,
    const char *tz, time_t now)
{
	struct sla_cal	 c;
	time_t		 t;

	if (sla_calendar(sla_region(country), tz, &c) != 0)
		return -1;
	t = sla_respond_by(severity, allday, &c, now);
	sla_calendar_free(&c);
	return t;
}
