/*
 * reply.h: the answer: headers, cookies, a page, a redirect, a file.
 */
#ifndef WEB_REPLY_H
#define WEB_REPLY_H

#include <stdint.h>

#include "web/req.h"

void	 reply_header(struct req *, const char *, const char *);
void	 reply_cookie(struct req *, const char *, const char *, long);
void	 reply_redirect(struct req *, const char *);
void	 reply_render(struct req *, int, const char *);
void	 reply_error(struct req *, int);
void	 reply_text(struct req *, int, const char *, const char *);
void	 reply_send(struct req *);
void	 reply_file(struct req *, const char *, const char *, int64_t);
const char *status_text(int);

#endif /* WEB_REPLY_H */
