/*
 * multipart.c: a streaming multipart/form-data parser (RFC 7578, RFC
 * 2046), written for the project because ClearSilver's keeps static
 * state across requests: it crashes on a body without a boundary after
 * an earlier upload, and loses every field when two uploads with
 * boundaries of different lengths follow each other (SECURITY.md G.28,
 * G.29).  All state lives in struct mp; nothing is allocated.  Data is
 * handed on as soon as it cannot be part of a delimiter.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "domain/multipart.h"

enum {
	S_PREAMBLE,	/* before the first delimiter: ignored */
	S_AFTER,	/* just after a delimiter: "--" or CRLF */
	S_HEADERS,	/* the headers of a part */
	S_DATA,		/* the body of a part */
	S_DONE,		/* after the closing delimiter: ignored */
	S_ERROR
};

static int
fail(struct mp *m, const char *why)
{
	m->state = S_ERROR;
	m->error = why;
	return -1;
}

static int
bchar(int c)
{
	return isalnum(c) || strchr("'()+_,-./:=? ", c) != NULL;
}

/*
 * mp_init: the boundary of a Content-Type value, and the callbacks.
 * Returns 0, or -1 when there is no valid boundary.
 */
int
mp_init(struct mp *m, const char *ct, const struct mp_cb *cb)
{
	const char	*p = ct;
	size_t		 n = 0;

	memset(m, 0, sizeof(*m));
	m->cb = *cb;
	m->error = "no boundary";
	m->state = S_ERROR;
	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return -1;
	for (p = ct + 19; (p = strchr(p, ';')) != NULL; ) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "boundary=", 9) == 0)
			break;
	}
	if (p == NULL)
		return -1;
	p += 9;
	memcpy(m->delim, "\r\n--", 4);
	if (*p == '"') {
		for (p++; *p != '\0' && *p != '"'; p++) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			if (n == MP_BOUNDARY_MAX || !bchar((unsigned char)*p))
				return -1;
			m->delim[4 + n++] = *p;
		}
		if (*p != '"')
			return -1;
	} else
		for (; *p != '\0' && *p != ';' && *p != ' ' && *p != '\t';
		    p++) {
			if (n == MP_BOUNDARY_MAX || !bchar((unsigned char)*p))
				return -1;
			m->delim[4 + n++] = *p;
		}
	if (n == 0 || m->delim[4 + n - 1] == ' ')
		return -1;
	m->dlen = 4 + n;
	/* a delimiter at the very start has no CRLF before it: lend one */
	memcpy(m->buf, "\r\n", 2);
	m->n = 2;
	m->state = S_PREAMBLE;
	m->error = NULL;
	return 0;
}

/* param: copy the value of a header parameter (quoted or a token). */
static const char *
param(const char *p, char *out, size_t sz, int *trunc)
{
	size_t	 n = 0;

	*trunc = 0;
	if (*p == '"') {
		for (p++; *p != '\0' && *p != '"'; p++) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			if (n + 1 < sz)
				out[n++] = *p;
			else
				*trunc = 1;
		}
		if (*p == '"')
			p++;
	} else
		for (; *p != '\0' && *p != ';' && *p != ' ' && *p != '\t';
		    p++) {
			if (n + 1 < sz)
				out[n++] = *p;
			else
				*trunc = 1;
		}
	out[n] = '\0';
	return p;
}

/* utf8_cut: shorten s so that it does not end inside a character. */
static void
utf8_cut(char *s)
{
	size_t	 n = strlen(s), k = n;

	while (k > 0 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	if (k > 0 && ((unsigned char)s[k - 1] & 0x80)) {
		unsigned char	 c = (unsigned char)s[k - 1];
		size_t		 need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 :
		    c >= 0xc0 ? 2 : 1;

		if (n - (k - 1) < need)
			s[k - 1] = '\0';
	}
}

static int
hexv(int c)
{
	if (isdigit(c))
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* disposition: parse the value of Content-Disposition into m->part. */
static int
disposition(struct mp *m, const char *v)
{
	char	 tmp[1024];
	int	 trunc, ext = 0;
	size_t	 i;

	while (*v == ' ' || *v == '\t')
		v++;
	if (strncasecmp(v, "form-data", 9) != 0)
		return fail(m, "not form-data");
	v += 9;
	while ((v = strchr(v, ';')) != NULL) {
		v++;
		while (*v == ' ' || *v == '\t')
			v++;
		if (strncasecmp(v, "name=", 5) == 0) {
			v = param(v + 5, tmp, sizeof(tmp), &trunc);
			if (trunc || strlen(tmp) == 0 || strlen(tmp) > 64 ||
			    strspn(tmp, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") !=
			    strlen(tmp))
				return fail(m, "bad field name");
			memcpy(m->part.name, tmp, strlen(tmp) + 1);
		} else if (strncasecmp(v, "filename*=", 10) == 0) {
			/* RFC 5987: UTF-8''percent-encoded */
			v = param(v + 10, tmp, sizeof(tmp), &trunc);
			m->part.is_file = 1;
			if (strncasecmp(tmp, "UTF-8''", 7) == 0) {
				size_t	 o = 0;

				for (i = 7; tmp[i] != '\0' &&
				    o + 1 < sizeof(m->part.filename); i++)
					if (tmp[i] == '%' &&
					    hexv((unsigned char)tmp[i + 1]) >= 0 &&
					    hexv((unsigned char)tmp[i + 2]) >= 0) {
						int	 c = hexv((unsigned char)
						    tmp[i + 1]) << 4 |
						    hexv((unsigned char)
						    tmp[i + 2]);

						/* a NUL would cut the name */
						m->part.filename[o++] =
						    c == 0 ? '_' : (char)c;
						i += 2;
					} else
						m->part.filename[o++] = tmp[i];
				m->part.filename[o] = '\0';
				utf8_cut(m->part.filename);
				ext = 1;
			}
		} else if (strncasecmp(v, "filename=", 9) == 0) {
			v = param(v + 9, tmp, sizeof(tmp), &trunc);
			m->part.is_file = 1;
			if (!ext) {
				size_t	 k = strlen(tmp);

				if (k >= sizeof(m->part.filename))
					k = sizeof(m->part.filename) - 1;
				memcpy(m->part.filename, tmp, k);
				m->part.filename[k] = '\0';
				utf8_cut(m->part.filename);
			}
		}
	}
	if (m->part.name[0] == '\0')
		return fail(m, "a part without a name");
	return 0;
}

/* headers: parse n bytes of a part's headers (without the blank line). */
static int
headers(struct mp *m, char *h, size_t n)
{
	char	*line = h, *end = h + n;
	int	 disp = 0;

	memset(&m->part, 0, sizeof(m->part));
	while (line < end) {
		char	*nl = memchr(line, '\n', (size_t)(end - line));
		char	*colon;

		if (nl == NULL)
			nl = end;
		*nl = '\0';
		if (nl > line && nl[-1] == '\r')
			nl[-1] = '\0';
		if (memchr(line, '\0', (size_t)(nl - line)) != NULL &&
		    strlen(line) + 1 < (size_t)(nl - line))
			return fail(m, "NUL in a header");
		if ((colon = strchr(line, ':')) == NULL)
			return fail(m, "a header without a colon");
		*colon = '\0';
		if (strcasecmp(line, "Content-Disposition") == 0) {
			if (disposition(m, colon + 1) != 0)
				return -1;
			disp = 1;
		} else if (strcasecmp(line, "Content-Type") == 0) {
			const char	*v = colon + 1;

			while (*v == ' ' || *v == '\t')
				v++;
			strncpy(m->part.ctype, v, sizeof(m->part.ctype) - 1);
		}
		line = nl + 1;
	}
	if (!disp)
		return fail(m, "a part without Content-Disposition");
	return 0;
}

static void
consume(struct mp *m, size_t k)
{
	memmove(m->buf, m->buf + k, m->n - k);
	m->n -= k;
}

static char *
find(const char *hay, size_t n, const char *needle, size_t k)
{
	size_t	 i;

	if (n < k)
		return NULL;
	for (i = 0; i + k <= n; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, k) == 0)
			return (char *)hay + i;
	return NULL;
}

/* run: parse what the buffer holds; 0 or -1. */
static int
run(struct mp *m)
{
	for (;;) {
		char	*p;
		size_t	 k;

		switch (m->state) {
		case S_PREAMBLE:
		case S_DATA:
			p = find(m->buf, m->n, m->delim, m->dlen);
			k = p != NULL ? (size_t)(p - m->buf) :
			    m->n >= m->dlen ? m->n - (m->dlen - 1) : 0;
			if (m->state == S_DATA && k > 0 &&
			    m->cb.data(m->cb.arg, m->buf, k) != 0)
				return fail(m, "stopped by the reader");
			if (p == NULL) {
				consume(m, k);
				return 0;
			}
			if (m->state == S_DATA && m->cb.end(m->cb.arg) != 0)
				return fail(m, "stopped by the reader");
			consume(m, k + m->dlen);
			m->state = S_AFTER;
			break;
		case S_AFTER:
			k = 0;
			while (k < m->n && (m->buf[k] == ' ' ||
			    m->buf[k] == '\t'))
				k++;
			if (m->n >= 2 && m->buf[0] == '-' && m->buf[1] == '-') {
				m->state = S_DONE;
				break;
			}
			if (k == m->n || (m->buf[k] == '\r' && k + 1 == m->n) ||
			    (m->n == 1 && m->buf[0] == '-'))
				return 0;		/* need more */
			if (m->buf[k] == '\r' && m->buf[k + 1] == '\n')
				k += 2;
			else if (m->buf[k] == '\n')
				k += 1;
			else
				return fail(m, "junk after a delimiter");
			consume(m, k);
			m->state = S_HEADERS;
			break;
		case S_HEADERS:
			if (m->n >= 2 && m->buf[0] == '\r' && m->buf[1] == '\n')
				return fail(m, "a part without headers");
			if (m->n >= 1 && m->buf[0] == '\n')
				return fail(m, "a part without headers");
			p = find(m->buf, m->n, "\r\n\r\n", 4);
			k = 4;
			if (p == NULL) {
				p = find(m->buf, m->n, "\n\n", 2);
				k = 2;
			}
			if (p == NULL) {
				if (m->n > MP_HEADER_MAX)
					return fail(m, "headers too long");
				return 0;
			}
			if ((size_t)(p - m->buf) > MP_HEADER_MAX)
				return fail(m, "headers too long");
			if (headers(m, m->buf, (size_t)(p - m->buf)) != 0)
				return -1;
			consume(m, (size_t)(p - m->buf) + k);
			if (m->cb.begin(m->cb.arg, &m->part) != 0)
				return fail(m, "stopped by the reader");
			m->state = S_DATA;
			break;
		case S_DONE:
			m->n = 0;
			return 0;
		default:
			return -1;
		}
	}
}

/* mp_feed: n more bytes of the body, in any chunking.  0 or -1. */
int
mp_feed(struct mp *m, const char *p, size_t n)
{
	if (m->state == S_ERROR)
		return -1;
	while (n > 0) {
		size_t	 room = sizeof(m->buf) - m->n;
		size_t	 take = n < room ? n : room;

		if (take == 0)
			return fail(m, "headers too long");
		memcpy(m->buf + m->n, p, take);
		m->n += take;
		p += take;
		n -= take;
		if (run(m) != 0)
			return -1;
	}
	return 0;
}

/* mp_finish: 0 when the closing delimiter was seen, else -1. */
int
mp_finish(struct mp *m)
{
	if (m->state == S_DONE)
		return 0;
	if (m->state != S_ERROR)
		fail(m, "the body ended early");
	return -1;
}

const char *
mp_error(const struct mp *m)
{
	return m->error != NULL ? m->error : "ok";
}
