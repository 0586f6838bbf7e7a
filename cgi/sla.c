/*
 * sla.c: routing and the first-response-by time of a request (R5.3,
 * R11.3).  The support region comes from the country; the time from the
 * severity and whether the request is 24/7 or worked in business hours
 * (Monday to Friday, 9:00 to 17:00 in the request's time zone).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "supportal.h"

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

/* at: today's (or tm's day's) hh:00 in the current zone. */
static time_t
at(struct tm tm, int day_offset, int hour)
{
	tm.tm_mday += day_offset;
	tm.tm_hour = hour;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/*
 * sla_respond_by: when the first response is due for a request of
 * severity submitted at now: critical 1 hour, important 4 hours,
 * moderate 8 hours; around the clock for critical 24/7 requests, else
 * counted in the business hours of tz.
 */
time_t
sla_respond_by(const char *severity, int allday, const char *tz, time_t now)
{
	time_t		 t = now, end;
	long		 left;
	struct tm	 tm;

	if (strcmp(severity, "critical") == 0)
		left = 3600;
	else if (strcmp(severity, "important") == 0)
		left = 4 * 3600;
	else
		left = 8 * 3600;
	if (allday && strcmp(severity, "critical") == 0)
		return now + left;
	tz_use(tz);
	while (left > 0) {
		localtime_r(&t, &tm);
		if (tm.tm_wday == 0 || tm.tm_wday == 6 || tm.tm_hour >= 17) {
			t = at(tm, 1, 9);	/* the next morning */
			continue;
		}
		if (tm.tm_hour < 9) {
			t = at(tm, 0, 9);
			continue;
		}
		end = at(tm, 0, 17);
		if (end - t >= left)
			return t + left;
		left -= (long)(end - t);
		t = end;
	}
	return t;
}
