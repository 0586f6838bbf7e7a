/*
 * session.h: who is asking: the session cookie read into the request.
 */
#ifndef WEB_SESSION_H
#define WEB_SESSION_H

#include "web/req.h"

int	 session_load(struct req *);
void	 session_cookie(struct req *, const char *, long);
const char *session_cookie_name(const struct req *);

#endif /* WEB_SESSION_H */
