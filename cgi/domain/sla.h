/*
 * sla.h: response promises counted in a region's working time (R11.3).
 */
#ifndef DOMAIN_SLA_H
#define DOMAIN_SLA_H

#include <stddef.h>
#include <time.h>

const char *sla_region(const char *);
/* a region's working time in one zone (R11.3) */
struct sla_cal {
	const char	 *tz;
	int		  allday;	/* around the clock */
	int		  open, close;	/* hours, e.g. 9 and 17 */
	const char	**holidays;	/* sorted YYYY-MM-DD */
	size_t		  nholidays;
};
long	 sla_budget(const char *);
time_t	 sla_add(const struct sla_cal *, time_t, long);
long	 sla_between(const struct sla_cal *, time_t, time_t);
time_t	 sla_respond_by(const char *, int, const struct sla_cal *, time_t);
int	 sla_calendar(const char *, const char *, struct sla_cal *);
void	 sla_calendar_free(struct sla_cal *);
time_t	 sla_due(const char *, int, const char *, const char *, time_t);

#endif /* DOMAIN_SLA_H */
