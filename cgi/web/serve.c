/*
 * serve.c: one request of the worker, from reading it to its log line.
 * main.c calls it in its FCGX_Accept_r loop; the fuzz targets of
 * tests/fuzz/ call it with FastCGI streams of their own (SECURITY.md L.52).
 */
#include <string.h>
#include <time.h>

#include <fcgiapp.h>

#include "web/serve.h"
#include "data/db.h"
#include "domain/account.h"
#include "domain/identity.h"
#include "lib/util.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/route.h"
#include "web/session.h"

/*
 * The work a request leaves for after its answer (serve_after): so far
 * one kind, the reset link of "forgot your password" (M.55): whether an
 * address has an account decides whether a mail is written, and that
 * must not show in the answer's timing.  Cleared once done.
 */
static struct {
	int	 reset;
	char	 email[EMAIL_MAX + 1];
	char	 lang[3];
} after;

/* serve_after_reset: a reset link for email, once r is answered. */
void
serve_after_reset(const char *email, const char *lang)
{
	after.reset = 1;
	strlcpy_(after.email, email, sizeof(after.email));
	strlcpy_(after.lang, lang, sizeof(after.lang));
}

/*
 * serve_after: the work left by the request just answered (main.c calls
 * it once FCGX_Finish_r has handed the answer over), then nothing left.
 */
void
serve_after(void)
{
	if (after.reset &&
	    identity_reset_ask(after.email, after.lang, time(NULL)) != 0)
		log_line(NULL, "reset link for a forgotten password failed");
	if (db_request_end() != 0)
		log_line(NULL, "work after a request left the database busy");
	memset(&after, 0, sizeof(after));
}

/*
 * serve: one request, from reading it to the log line: the head, the
 * route, the body as the route's flags say, who asks, the route's
 * checks and its handler (route_dispatch), the answer.  Each request
 * starts from a zeroed struct req and ends with everything it allocated
 * freed and no transaction open.  fr is NULL for a CGI request.
 */
void
serve(FCGX_Request *fr)
{
	struct req	 r;
	struct buf	 line = { 0 };

	memset(&r, 0, sizeof(r));
	r.fcgx = fr;
	r.t0 = now_usec();
	r.now = time(NULL);
	r.lang = "en";
	random_hex(r.rid, 8);
	log_request(r.rid);

	/* the head, its route, then the body as the route takes it */
	if (req_read_head(&r) == 0 && !r.bad) {
		route_find(&r);
		req_read_body(&r, r.route != NULL &&
		    (r.route->flags & RF_UPLOAD));
	}
	/* a database that cannot be reached now (PostgreSQL restarting,
	 * R18) is 503, the request that found it gone too: try again */
	if (db_ready() != 0)
		reply_error(&r, 503);
	else if (session_load(&r) != 0)
		reply_error(&r, 500);
	else
		route_dispatch(&r);
	if (r.status == 500 && db_lost())
		reply_error(&r, 503);
	if (r.status == 503)
		reply_header(&r, "Retry-After", "5");
	reply_send(&r);
	if (db_request_end() != 0)
		log_line(r.rid, "request left the database busy");

	buf_puts(&line, "req ");
	log_escape(&line, req_env(&r, "REQUEST_METHOD"));
	buf_puts(&line, " ");
	log_escape(&line, r.path);
	buf_printf(&line, " %d %lldus account=%lld ip=", r.status,
	    (long long)(now_usec() - r.t0), (long long)r.user.id);
	log_escape(&line, r.ip);
	if (r.log_note != NULL)
		buf_printf(&line, " %s", r.log_note);
	log_line(r.rid, "%s", line.p);
	buf_free(&line);
	req_free(&r);
	log_request(NULL);
}
