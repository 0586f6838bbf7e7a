/*
 * req.c: reading one request: its environment (FastCGI parameters, or
 * the process environment when run as plain CGI), the query string, the
 * cookies and an urlencoded body, each checked against a cap before
 * anything is allocated for it (SECURITY.md G.28, G.30).
 *
 * We parse urlencoded input ourselves rather than through ClearSilver's
 * cgi_parse: the query string and the body stay apart (E.22), a name
 * never becomes an HDF path (G.30: "x.0=evil"), a repeated name is
 * detected, and NUL or malformed UTF-8 is refused instead of truncated.
 * Multipart bodies are refused until a route takes uploads.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "web/req.h"
#include "domain/multipart.h"
#include "lib/config.h"
#include "lib/util.h"

#define QUERY_MAX	8192	/* bytes of QUERY_STRING */
#define COOKIE_MAX	8192	/* bytes of the Cookie header */
#define COOKIES_MAX	50
#define NAME_MAX_LEN	64

/* req_env: the request's parameter name, or NULL. */
const char *
req_env(struct req *r, const char *name)
{
	if (r->fcgx != NULL)
		return FCGX_GetParam(name, r->fcgx->envp);
	return getenv(name);
}

/* read_body: exactly n bytes into p; 0, or -1 when the client stopped. */
static int
read_body(struct req *r, char *p, size_t n)
{
	size_t	 got = 0;

	while (got < n) {
		int	 k;

		if (r->fcgx != NULL)
			k = FCGX_GetStr(p + got, (int)(n - got), r->fcgx->in);
		else
			k = (int)fread(p + got, 1, n - got, stdin);
		if (k <= 0)
			return -1;
		got += (size_t)k;
	}
	return 0;
}

static void
params_add(struct params *ps, char *name, char *value)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0)
			ps->dup = 1;
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		ps->v = xrealloc(ps->v, ps->cap * sizeof(*ps->v));
	}
	ps->v[ps->n].name = name;
	ps->v[ps->n].value = value;
	ps->n++;
}

/* req_params_free: free every pair of ps and empty it. */
void
req_params_free(struct params *ps)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++) {
		free(ps->v[i].name);
		/* a form may have held a card number (I.39) */
		explicit_bzero(ps->v[i].value, strlen(ps->v[i].value));
		free(ps->v[i].value);
	}
	free(ps->v);
	memset(ps, 0, sizeof(*ps));
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * url_decode: decode n bytes of s ('+' and %XX) into a new string.
 * NULL for a bad escape, a NUL byte, or text that is not UTF-8 without
 * control characters.
 */
static char *
url_decode(const char *s, size_t n)
{
	char	*out = xmalloc(n + 1);
	size_t	 i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '+')
			out[o++] = ' ';
		else if (s[i] == '%') {
			int	 h, l;

			if (i + 2 >= n) {
				explicit_bzero(out, n + 1);
				free(out);
				return NULL;
			}
			h = hexval((unsigned char)s[i + 1]);
			l = hexval((unsigned char)s[i + 2]);
			if (h < 0 || l < 0 || (h == 0 && l == 0)) {
				explicit_bzero(out, n + 1);
				free(out);
				return NULL;
			}
			out[o++] = (char)(h << 4 | l);
			i += 2;
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	if (!utf8_valid(out, o)) {
		explicit_bzero(out, n + 1);
		free(out);
		return NULL;
	}
	return out;
}

static int
name_ok(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++, n++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return 0;
	return n > 0 && n <= NAME_MAX_LEN;
}

/*
 * req_parse_urlencoded: split n bytes of s into out.  Returns 0, or 400
 * for a malformed pair, a name outside [A-Za-z0-9_-]{1,64}, a NUL or
 * bad UTF-8, or more than max pairs.  A repeated name sets out->dup.
 */
int
req_parse_urlencoded(const char *s, size_t n, struct params *out, int max)
{
	const char	*end = s + n;

	while (s < end) {
		const char	*amp = memchr(s, '&', (size_t)(end - s));
		const char	*eq;
		char		*name, *value;

		if (amp == NULL)
			amp = end;
		if (amp == s) {
			s++;
			continue;
		}
		if ((int)out->n >= max)
			return 400;
		eq = memchr(s, '=', (size_t)(amp - s));
		name = url_decode(s, (size_t)((eq ? eq : amp) - s));
		value = eq ? url_decode(eq + 1, (size_t)(amp - eq - 1)) :
		    xstrdup("");
		if (name == NULL || value == NULL || !name_ok(name)) {
			free(name);
			if (value != NULL)
				explicit_bzero(value, strlen(value));
			free(value);
			return 400;
		}
		params_add(out, name, value);
		s = amp;
	}
	return 0;
}

/*
 * req_parse_cookies: the pairs of a Cookie header into out.  Malformed
 * pieces are skipped; values are kept as sent (ours are hex).
 */
void
req_parse_cookies(const char *h, struct params *out)
{
	while (h != NULL && *h != '\0' && out->n < COOKIES_MAX) {
		const char	*semi, *eq, *a, *b;

		while (*h == ' ' || *h == ';')
			h++;
		if (*h == '\0')
			break;
		semi = h + strcspn(h, ";");
		eq = memchr(h, '=', (size_t)(semi - h));
		if (eq != NULL && eq > h) {
			const char	*c = semi;
			char		*name, *value;

			a = eq;
			while (a > h && a[-1] == ' ')
				a--;
			b = eq + 1;
			while (b < semi && *b == ' ')
				b++;
			while (c > b && c[-1] == ' ')
				c--;
			name = strndup(h, (size_t)(a - h));
			value = strndup(b, (size_t)(c - b));
			if (name == NULL || value == NULL)
				abort();
			params_add(out, name, value);
		}
		h = semi;
	}
}

/* req_param: the value of name in ps, or NULL (also when repeated). */
const char *
req_param(const struct params *ps, const char *name)
{
	const char	*v = NULL;
	size_t		 i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0) {
			if (v != NULL)
				return NULL;
			v = ps->v[i].value;
		}
	return v;
}

/* ctype_is: 1 if the Content-Type ct names the media type mt. */
static int
ctype_is(const char *ct, const char *mt)
{
	size_t	 n = strlen(mt);

	return strncasecmp(ct, mt, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* The state of one multipart body while it streams in. */
struct mpread {
	struct req	*r;
	struct upload	*cur;		/* the file being written, or NULL */
	int		 fd;
	struct sha256	 sha;
	struct buf	 text;		/* the value of a text field */
	char		 name[65];
	size_t		 textbytes;	/* of all text fields */
	long long	 filebytes;	/* of all files (R11.9) */
	int		 status;	/* why a callback aborted */
};

static int
mp_begin(void *arg, const struct mp_part *p)
{
	struct mpread	*m = arg;
	struct req	*r = m->r;

	strlcpy_(m->name, p->name, sizeof(m->name));
	m->text.len = 0;
	if (!p->is_file)
		return 0;
	if (r->nup == UPLOADS_MAX) {
		m->status = 413;
		return -1;
	}
	m->cur = &r->up[r->nup++];
	memset(m->cur, 0, sizeof(*m->cur));
	strlcpy_(m->cur->field, p->name, sizeof(m->cur->field));
	strlcpy_(m->cur->name, p->filename, sizeof(m->cur->name));
	snprintf(m->cur->tmp, sizeof(m->cur->tmp), "%s/tmp/up.XXXXXX",
	    cfg.var);
	if ((m->fd = mkstemp(m->cur->tmp)) < 0) {
		log_line(r->rid, "upload: %s: %s", m->cur->tmp,
		    strerror(errno));
		m->cur->tmp[0] = '\0';
		m->status = 500;
		return -1;
	}
	sha256_init(&m->sha);
	return 0;
}

static int
mp_data(void *arg, const char *p, size_t n)
{
	struct mpread	*m = arg;

	if (m->cur == NULL) {
		if ((m->textbytes += n) > (size_t)cfg.max_form) {
			m->status = 413;
			return -1;
		}
		buf_add(&m->text, p, n);
		return 0;
	}
	/* the files of one upload within the configured limit (R16.6) */
	if ((m->filebytes += (long long)n) > cfg.max_upload) {
		m->status = 413;
		return -1;
	}
	sha256_update(&m->sha, p, n);
	m->cur->size += (int64_t)n;
	while (n > 0) {
		ssize_t	 w = write(m->fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {		/* J.44: the disk is full */
			log_line(m->r->rid, "upload: write: %s",
			    strerror(errno));
			m->status = 507;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
mp_end(void *arg)
{
	struct mpread	*m = arg;
	unsigned char	 d[32];

	if (m->cur == NULL) {
		buf_add(&m->text, "", 0);
		if (!utf8_valid(m->text.p, m->text.len) ||
		    (int)m->r->form.n >= cfg.max_params) {
			m->status = 400;
			return -1;
		}
		params_add(&m->r->form, xstrdup(m->name), xstrdup(m->text.p));
		return 0;
	}
	sha256_final(&m->sha, d);
	hex_encode(m->cur->sha256, d, 32);
	if (close(m->fd) != 0) {
		m->fd = -1;
		m->status = 507;
		return -1;
	}
	m->fd = -1;
	if (m->cur->size == 0 && m->cur->name[0] == '\0') {
		unlink(m->cur->tmp);	/* a file input left empty */
		m->r->nup--;
	}
	m->cur = NULL;
	return 0;
}

/*
 * read_multipart: stream a multipart body of len bytes through our own
 * parser (SECURITY.md G.29): fields into r->form, files into var/tmp/.
 * A body refused halfway is still read to its end, and dropped: nginx
 * sends it whole, and would answer 502 instead of our page if we closed
 * the connection first.  Returns 0 or the status to answer with.
 */
static int
read_multipart(struct req *r, const char *ct, long long len)
{
	struct mpread	 m;
	struct mp	 mp;
	struct mp_cb	 cb = { NULL, mp_begin, mp_data, mp_end };
	char		 chunk[65536];
	long long	 left = len;
	int		 status = 0;

	memset(&m, 0, sizeof(m));
	m.r = r;
	m.fd = -1;
	cb.arg = &m;
	if (mp_init(&mp, ct, &cb) != 0)
		return 400;
	while (left > 0) {
		size_t	 want = left < (long long)sizeof(chunk) ?
		    (size_t)left : sizeof(chunk);

		if (read_body(r, chunk, want) != 0) {
			if (status == 0)
				status = 400;
			break;
		}
		if (status == 0 && mp_feed(&mp, chunk, want) != 0)
			status = m.status ? m.status : 400;
		left -= (long long)want;
	}
	if (status == 0 && mp_finish(&mp) != 0)
		status = 400;
	if (status != 0 && m.status == 0)
		log_line(r->rid, "multipart refused: %s", mp_error(&mp));
	if (m.fd >= 0) {
		close(m.fd);
		if (m.cur != NULL) {
			unlink(m.cur->tmp);
			m.cur->tmp[0] = '\0';
		}
	}
	buf_free(&m.text);
	return status;
}

/*
 * req_read_head: fill r from the request's head: method, path, client,
 * cookies, query.  Returns 0; r->bad holds the status to answer with
 * instead of dispatching (400, 414) when the input is refused.
 */
int
req_read_head(struct req *r)
{
	const char	*m, *p, *q;

	m = req_env(r, "REQUEST_METHOD");
	if (m != NULL && strcmp(m, "GET") == 0)
		r->method = M_GET;
	else if (m != NULL && strcmp(m, "HEAD") == 0) {
		r->method = M_GET;
		r->head = 1;
	} else if (m != NULL && strcmp(m, "POST") == 0)
		r->method = M_POST;
	else
		r->method = M_OTHER;

	if ((p = req_env(r, "DOCUMENT_URI")) == NULL || *p == '\0')
		p = req_env(r, "PATH_INFO");
	if (p == NULL || *p == '\0')
		p = "/";
	if (strlcpy_(r->path, p, sizeof(r->path)) >= sizeof(r->path)) {
		strlcpy_(r->path, "/", sizeof(r->path));
		r->bad = 414;
		return 0;
	}
	if ((p = req_env(r, "REMOTE_ADDR")) != NULL)
		strlcpy_(r->ip, p, sizeof(r->ip));
	p = req_env(r, "HTTPS");
	r->https = p != NULL && strcasecmp(p, "on") == 0;

	if ((p = req_env(r, "HTTP_COOKIE")) != NULL && strlen(p) <= COOKIE_MAX)
		req_parse_cookies(p, &r->cookies);

	if ((q = req_env(r, "QUERY_STRING")) != NULL && *q != '\0') {
		if (strlen(q) > QUERY_MAX) {
			r->bad = 414;
			return 0;
		}
		if ((r->bad = req_parse_urlencoded(q, strlen(q), &r->query,
		    cfg.max_params)) != 0)
			return 0;
	}
	return 0;
}

/*
 * req_read_body: a POST's body into r's form (and files, when its route
 * takes uploads: serve.c says).  Returns 0; r->bad holds the status to
 * answer with (400, 413, 415) when the input is refused.
 */
int
req_read_body(struct req *r, int uploads)
{
	const char	*ct, *cl;
	char		*end, *body;
	long long	 len;

	if (r->method != M_POST)
		return 0;
	/* G.28: the length is checked before anything is allocated */
	cl = req_env(r, "CONTENT_LENGTH");
	if (cl == NULL || *cl == '\0') {
		r->bad = 400;
		return 0;
	}
	errno = 0;
	len = strtoll(cl, &end, 10);
	if (errno != 0 || *end != '\0' || len < 0 || !isdigit((unsigned char)
	    *cl)) {
		r->bad = 400;
		return 0;
	}
	ct = req_env(r, "CONTENT_TYPE");
	if (len > 0 && ct != NULL && ctype_is(ct, "multipart/form-data")) {
		if (strstr(ct, "boundary=") == NULL)
			r->bad = 400;
		else if (!uploads)
			r->bad = 415;
		else if (len > config_body_limit())
			r->bad = 413;	/* nginx's limit too (J.40) */
		else
			r->bad = read_multipart(r, ct, len);
		return 0;
	}
	if (len > 0 && (ct == NULL ||
	    !ctype_is(ct, "application/x-www-form-urlencoded"))) {
		r->bad = 415;
		return 0;
	}
	if (len > cfg.max_form) {
		r->bad = 413;
		return 0;
	}
	body = xmalloc((size_t)len + 1);
	if (read_body(r, body, (size_t)len) != 0)
		r->bad = 400;
	else
		r->bad = req_parse_urlencoded(body, (size_t)len, &r->form,
		    cfg.max_params);
	explicit_bzero(body, (size_t)len + 1);	/* I.39: card fields */
	free(body);
	return 0;
}

/*
 * req_cookie_name: the value of cookie name, or NULL when absent or sent
 * twice (ClearSilver would keep the last; we trust neither, B.12).
 */
const char *
req_cookie_name(const struct req *r, const char *name)
{
	return req_param(&r->cookies, name);
}

/* req_free: release what req_read and the reply allocated. */
void
req_free(struct req *r)
{
	int	 i;

	req_params_free(&r->query);
	req_params_free(&r->form);
	req_params_free(&r->cookies);
	for (i = 0; i < r->nup; i++)		/* files no handler kept */
		if (r->up[i].tmp[0] != '\0')
			unlink(r->up[i].tmp);
	buf_free(&r->headers);
	buf_free(&r->body);
	if (r->hdf != NULL)
		hdf_destroy(&r->hdf);
}
