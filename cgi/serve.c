/*
 * serve.c: one request of the worker, from reading it to its log line.
 * main.c calls it in its FCGX_Accept_r loop; the fuzz targets of
 * tests/fuzz/ call it with FastCGI streams of their own (SECURITY.md L.52).
 */
#include <string.h>
#include <time.h>

#include <fcgiapp.h>

#include "http.h"

/*
 * serve: one request, from reading it to the log line.  Each request
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

	req_read(&r);
	if (session_load(&r) != 0)
		reply_error(&r, 500);
	else
		route_dispatch(&r);
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
