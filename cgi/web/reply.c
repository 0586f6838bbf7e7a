/*
 * reply.c: the one reply of a request.  Headers are collected, the body
 * is rendered whole into memory, and only then is anything written, so
 * that a failure at any point still becomes a clean error page with the
 * right status (never half a page).  Every response carries the security
 * headers of SECURITY.md K.45.  We write our own Set-Cookie and Location
 * headers: cgi_cookie_set lacks HttpOnly and SameSite, and cgi_redirect
 * trusts the Host header.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <ClearSilver/cgi/cgi.h>

#include "web/reply.h"
#include "lib/util.h"
#include "text/i18n.h"
#include "text/tpl.h"
#include "web/req.h"
#include "web/view.h"

static const struct {
	int		 code;
	const char	*text;
} statuses[] = {
	{ 200, "OK" },
	{ 303, "See Other" },
	{ 400, "Bad Request" },
	{ 403, "Forbidden" },
	{ 404, "Not Found" },
	{ 405, "Method Not Allowed" },
	{ 409, "Conflict" },
	{ 413, "Content Too Large" },
	{ 414, "URI Too Long" },
	{ 415, "Unsupported Media Type" },
	{ 422, "Unprocessable Content" },
	{ 429, "Too Many Requests" },
	{ 500, "Internal Server Error" },
	{ 503, "Service Unavailable" },
	{ 507, "Insufficient Storage" },
};

const char *
status_text(int code)
{
	size_t	 i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (statuses[i].code == code)
			return statuses[i].text;
	return "Error";
}

static int
header_safe(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s == 0x7f)
			return 0;
	return 1;
}

/*
 * reply_header: add "name: value".  A value with CR, LF or another
 * control character is dropped and logged: no header is ever split
 * (G.31).
 */
void
reply_header(struct req *r, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value)) {
		log_line(r->rid, "header %s dropped: control character", name);
		return;
	}
	buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

/*
 * reply_cookie: set cookie name to value for the whole site, HttpOnly
 * and SameSite=Lax, Secure over https (B.8).  max_age < 0 makes it a
 * browser-session cookie; 0 deletes it.
 */
void
reply_cookie(struct req *r, const char *name, const char *value,
    long max_age)
{
	char	 v[512];

	if (max_age >= 0)
		snprintf(v, sizeof(v), "%s=%s; Path=/; HttpOnly; "
		    "SameSite=Lax; Max-Age=%ld%s", name, value, max_age,
		    r->https ? "; Secure" : "");
	else
		snprintf(v, sizeof(v), "%s=%s; Path=/; HttpOnly; "
		    "SameSite=Lax%s", name, value, r->https ? "; Secure" : "");
	reply_header(r, "Set-Cookie", v);
}

/* reply_redirect: 303 See Other to a local path ("/" if it is not). */
void
reply_redirect(struct req *r, const char *path)
{
	r->status = 303;
	reply_header(r, "Location", path_is_local(path) ? path : "/");
	r->body.len = 0;
	r->replied = 1;
}

/* reply_text: a plain-text reply (healthz, and the last resort). */
void
reply_text(struct req *r, int status, const char *ctype, const char *text)
{
	r->status = status;
	r->body.len = 0;
	buf_puts(&r->body, text);
	reply_header(r, "Content-Type", ctype);
	r->replied = 1;
}

/* render: template tpl with r's HDF into r->body.  0 or -1 (logged). */
static int
render(struct req *r, const char *tpl)
{
	if (view_begin(r) != 0)
		return -1;
	r->body.len = 0;
	if (tpl_render(tpl, 0, r->hdf, r->lang, &r->body) != 0) {
		r->body.len = 0;
		return -1;
	}
	return 0;
}

/*
 * reply_render: render template tpl as the reply with the given status;
 * a rendering failure becomes the 500 page.
 */
void
reply_render(struct req *r, int status, const char *tpl)
{
	if (render(r, tpl) != 0) {
		reply_error(r, 500);
		return;
	}
	r->status = status;
	reply_header(r, "Content-Type", "text/html; charset=utf-8");
	r->replied = 1;
}

/*
 * reply_error: the error page for status, in the user's language, with
 * only the request id as detail (K.46).  Headers set so far (cookies, a
 * Location) are dropped.
 */
void
reply_error(struct req *r, int status)
{
	char	 key[64];

	r->headers.len = 0;
	if (r->headers.p != NULL)
		r->headers.p[0] = '\0';
	view_set_int(r, "Error.Status", status);
	snprintf(key, sizeof(key), "Error.S%d", status);
	view_set(r, "Error.Title", i18n_get(r->lang, key));
	snprintf(key, sizeof(key), "Error.S%dText", status);
	view_set(r, "Error.Text", i18n_get(r->lang, key));
	view_set(r, "Page.Title", i18n_get(r->lang, "Error.Title"));
	if (render(r, "error.cs") != 0) {
		reply_text(r, status, "text/plain; charset=utf-8",
		    "An error occurred.\n");
		return;
	}
	r->status = status;
	reply_header(r, "Content-Type", "text/html; charset=utf-8");
	r->replied = 1;
}

/*
 * reply_file: the file at path as a download named name (RFC 6266:
 * an ASCII fallback and filename*=UTF-8''), never rendered by the
 * browser: octet-stream, nosniff, a sandboxing CSP (J.42).  The file is
 * streamed by reply_send, not read into memory.
 */
void
reply_file(struct req *r, const char *path, const char *name, int64_t size)
{
	static const char	 hx[] = "0123456789ABCDEF";
	struct buf		 cd = { 0 };
	const unsigned char	*p;

	buf_puts(&cd, "attachment; filename=\"");
	for (p = (const unsigned char *)name; *p != '\0'; p++)
		buf_add(&cd, *p >= 0x20 && *p < 0x7f && *p != '"' &&
		    *p != '\\' && *p != '%' ? (const char *)p : "_", 1);
	buf_puts(&cd, "\"; filename*=UTF-8''");
	for (p = (const unsigned char *)name; *p != '\0'; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
			buf_add(&cd, p, 1);
		else
			buf_printf(&cd, "%%%c%c", hx[*p >> 4], hx[*p & 15]);
	r->status = 200;
	reply_header(r, "Content-Type", "application/octet-stream");
	reply_header(r, "Content-Disposition", cd.p);
	buf_free(&cd);
	strlcpy_(r->file, path, sizeof(r->file));
	r->file_size = size;
	r->replied = 1;
}

static void
out(struct req *r, const char *p, size_t n)
{
	if (n == 0)
		return;
	if (r->fcgx != NULL)
		FCGX_PutStr(p, (int)n, r->fcgx->out);
	else
		fwrite(p, 1, n, stdout);
}

/*
 * reply_send: write the status, the security headers, the collected
 * headers and the body (not for HEAD).
 */
void
reply_send(struct req *r)
{
	struct buf	 h = { 0 };
	int		 fd = -1;

	if (!r->replied)
		reply_error(r, 500);
	buf_printf(&h, "Status: %d %s\r\n", r->status, status_text(r->status));
	if (r->file[0] != '\0' && (fd = open(r->file, O_RDONLY)) < 0) {
		log_line(r->rid, "download %s: %s", r->file, strerror(errno));
		r->file[0] = '\0';
		reply_error(r, 404);
		h.len = 0;
		buf_printf(&h, "Status: 404 %s\r\n", status_text(404));
	}
	if (fd >= 0 || r->download)	/* never rendered (J.42) */
		buf_puts(&h, "Content-Security-Policy: sandbox;"
		    " default-src 'none'\r\n");
	else	/* scripts only as files of static/ (R16.1), never inline */
		buf_puts(&h, "Content-Security-Policy: default-src 'none';"
		    " script-src 'self'; style-src 'self'; img-src 'self';"
		    " form-action 'self'; frame-ancestors 'none';"
		    " base-uri 'none'; object-src 'none'\r\n");
	buf_puts(&h,
	    "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "Cross-Origin-Opener-Policy: same-origin\r\n"
	    "Cache-Control: no-store\r\n");
	if (r->https)
		buf_puts(&h, "Strict-Transport-Security: max-age=63072000;"
		    " includeSubDomains\r\n");
	if (fd >= 0)
		buf_printf(&h, "Content-Length: %lld\r\n",
		    (long long)r->file_size);
	else if (r->status == 303 || r->body.len == 0)
		buf_puts(&h, "Content-Length: 0\r\n");
	else
		buf_printf(&h, "Content-Length: %zu\r\n", r->body.len);
	if (r->headers.len > 0)
		buf_add(&h, r->headers.p, r->headers.len);
	buf_puts(&h, "\r\n");
	out(r, h.p, h.len);
	if (fd >= 0) {
		char	 chunk[65536];
		ssize_t	 n;

		while (!r->head && (n = read(fd, chunk, sizeof(chunk))) > 0)
			out(r, chunk, (size_t)n);
		close(fd);
	} else if (!r->head && r->status != 303)
		out(r, r->body.p, r->body.len);
	buf_free(&h);
}
