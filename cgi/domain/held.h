/*
 * held.h: replies held across an expired session (R11.8).
 */
#ifndef DOMAIN_HELD_H
#define DOMAIN_HELD_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

int	 held_put(const char *, int64_t, int64_t, const char *, const char *,
	    time_t);
int	 held_get(const char *, const char *, int64_t, const char **);
int	 held_drop(const char *);

#endif /* DOMAIN_HELD_H */
