/*
 * route.h: finding a request's route and enforcing its flags.  The
 * table itself is the pages' (pages/routes.c).
 */
#ifndef WEB_ROUTE_H
#define WEB_ROUTE_H

#include <stddef.h>

#include "web/req.h"

enum rflag {
	RF_LOGIN	= 1 << 0,	/* signed in (R1.1) */
	RF_PROFILE	= 1 << 1,	/* profile complete, else /profile (R2.1) */
	RF_ENGINEER	= 1 << 2,	/* engineer accounts only (R8.1) */
	RF_ID		= 1 << 3,	/* the path has a numeric :id */
	RF_UPLOAD	= 1 << 4,	/* takes multipart bodies (R11.9) */
	RF_HOLD		= 1 << 5,	/* its "body" outlives a session (R11.8) */
	RF_VERIFIED	= 1 << 6,	/* a proven address only (R14.1) */
};

typedef void	 (*handler)(struct req *);

struct route {
	enum method	 method;	/* every POST checks CSRF (R1.5) */
	const char	*path;		/* "/x/:id" when RF_ID */
	handler		 fn;
	unsigned	 flags;
};

extern const struct route routes[];
extern const size_t nroutes;

void	 route_find(struct req *);
void	 route_dispatch(struct req *);
void	 route_print(void);

#endif /* WEB_ROUTE_H */
