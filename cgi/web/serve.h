/*
 * serve.h: one request from its head to its answer, in order.
 */
#ifndef WEB_SERVE_H
#define WEB_SERVE_H

void	 serve(struct FCGX_Request *);
void	 serve_after(void);
void	 serve_after_reset(const char *, const char *);

#endif /* WEB_SERVE_H */
