/*
 * util.c: small helpers with no knowledge of HTTP or the database:
 * buffers, allocation that never returns NULL, randomness, hex, SHA-256,
 * constant-time comparison, UTF-8 validation and the log line.
 */

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "lib/util.h"

/*
 * xmalloc, xcalloc, xrealloc, xstrdup: allocate or abort.  A worker that
 * cannot allocate a few bytes cannot answer anything; multiwatch starts a
 * new one.
 */
void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		abort();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		abort();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		abort();
	return p;
}

char *
xstrdup(const char *s)
{
	size_t	 n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/*
 * strlcpy_: copy s into dst of size sz, always terminated; returns
 * strlen(s) so that truncation can be detected (result >= sz).
 */
size_t
strlcpy_(char *dst, const char *s, size_t sz)
{
	size_t	 n = strlen(s);

	if (sz > 0) {
		size_t	 c = n < sz - 1 ? n : sz - 1;

		memcpy(dst, s, c);
		dst[c] = '\0';
	}
	return n;
}

/* buf_add: append n bytes to b, growing it; b->p stays NUL-terminated. */
void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t	 cap = b->cap ? b->cap : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	 small[256];
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		buf_add(b, small, (size_t)n);
		return;
	}
	buf_add(b, NULL, 0);
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = b->len + (size_t)n + 1;
		b->p = xrealloc(b->p, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* buf_free: release b and leave it empty for reuse. */
void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

/*
 * size_str: n bytes as people read a limit: "100 MiB", "512 KiB", or
 * "1000 B" when neither divides it (the same in our languages).
 */
void
size_str(char *out, size_t sz, int64_t n)
{
	if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
		snprintf(out, sz, "%lld MiB", (long long)(n / (1024 * 1024)));
	else if (n >= 1024 && n % 1024 == 0)
		snprintf(out, sz, "%lld KiB", (long long)(n / 1024));
	else
		snprintf(out, sz, "%lld B", (long long)n);
}

/*
 * int_str: v in decimal, written at the end of buf; returns where it
 * begins.  For the values of a page's rows, where snprintf would cost
 * more than the rest of the value.
 */
const char *
int_str(char buf[24], int64_t v)
{
	uint64_t	 u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	char		*p = buf + 23;

	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return p;
}

/*
 * random_bytes: n bytes from libsodium's generator (getrandom(2) on
 * Linux); sodium_init is idempotent, and a failure aborts rather than
 * go on weak.
 */
void
random_bytes(void *p, size_t n)
{
	if (sodium_init() < 0)
		abort();
	randombytes_buf(p, n);
}

/* hex_encode: write 2n lowercase hex digits and a NUL to dst. */
void
hex_encode(char *dst, const unsigned char *p, size_t n)
{
	static const char	 hx[] = "0123456789abcdef";
	size_t			 i;

	for (i = 0; i < n; i++) {
		dst[2 * i] = hx[p[i] >> 4];
		dst[2 * i + 1] = hx[p[i] & 15];
	}
	dst[2 * n] = '\0';
}

/* random_hex: n random bytes as 2n hex digits into dst (size 2n+1). */
void
random_hex(char *dst, size_t n)
{
	unsigned char	 b[64];

	assert(n <= sizeof(b));
	random_bytes(b, n);
	hex_encode(dst, b, n);
}

/*
 * token_valid: 1 when t has the shape of a token of random_hex(..., 32):
 * 64 lower-case hex digits (a cookie, a mailed link).
 */
int
token_valid(const char *t)
{
	return t != NULL && strlen(t) == 64 &&
	    strspn(t, "0123456789abcdef") == 64;
}

/*
 * ct_equal: 1 if the two strings are equal, comparing in time that
 * depends only on their lengths (tokens are of a fixed length):
 * libsodium's sodium_memcmp.
 */
int
ct_equal(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b);

	return la == lb && la > 0 && sodium_memcmp(a, b, la) == 0;
}

/* now_usec: a monotonic clock in microseconds, for durations. */
int64_t
now_usec(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/*
 * utf8_valid: 1 if the n bytes are well-formed UTF-8 with no NUL and no
 * C0 control other than tab, CR and LF.
 */
int
utf8_valid(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0;

	while (i < n) {
		unsigned char	 c = p[i];
		size_t		 k, need;
		uint32_t	 cp;

		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\r' &&
			    c != '\n') || c == 0x7f)
				return 0;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			cp = c & 0x07;
		} else
			return 0;
		if (i + need >= n)
			return 0;
		for (k = 1; k <= need; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((need == 2 && (cp < 0x800 ||
		    (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return 0;
		i += need + 1;
	}
	return 1;
}

/*
 * path_is_local: 1 if s is a path on this site that is safe to redirect
 * to: it starts with one '/', not "//" or "/\", and holds only printable
 * ASCII (no CR, LF or other controls, nor %0d, %0a, %00) (G.31).
 */
int
path_is_local(const char *s)
{
	const char	*p;

	if (s == NULL || s[0] != '/' || s[1] == '/' || s[1] == '\\')
		return 0;
	if (strlen(s) > 512)
		return 0;
	for (p = s; *p != '\0'; p++) {
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f ||
		    *p == '\\')
			return 0;
		/* nor an encoded CR, LF or NUL, which a proxy might decode */
		if (*p == '%' && p[1] == '0' && strchr("0aAdD", p[2]) != NULL &&
		    p[2] != '\0')
			return 0;
	}
	return 1;
}

/*
 * log_escape: append s to b with CR, LF, other controls, backslash and
 * double quote escaped, so that one log line stays one line (K.47).
 */
void
log_escape(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		unsigned char	 c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f || c == '\\' || c == '"')
			buf_printf(b, "\\x%02x", c);
		else
			buf_add(b, s, 1);
	}
}

/* The id of the request being served, for lines logged without one. */
static char	 cur_rid[17];

/* log_request: set (or with NULL, clear) the current request id. */
void
log_request(const char *rid)
{
	strlcpy_(cur_rid, rid ? rid : "", sizeof(cur_rid));
}

/*
 * log_line: write one line to stderr: UTC time, the request id (the
 * current request's when rid is NULL, "-" outside a request)
 * and the formatted message, in a single write(2) so that lines of
 * several workers never interleave.  The caller escapes untrusted parts
 * with log_escape.
 */
void
log_line(const char *rid, const char *fmt, ...)
{
	struct buf	 b = { 0 };
	char		 ts[32], msg[2048];
	struct tm	 tm;
	time_t		 t = time(NULL);
	va_list		 ap;
	const char	*p;

	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (rid == NULL)
		rid = cur_rid[0] ? cur_rid : "-";
	buf_printf(&b, "%s %s ", ts, rid);
	for (p = msg; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			buf_puts(&b, "\\n");
		else
			buf_add(&b, p, 1);
	buf_add(&b, "\n", 1);
	if (write(STDERR_FILENO, b.p, b.len) < 0) {
		/* nowhere left to complain */
	}
	buf_free(&b);
}

/* parse_id: s as a positive id of 1 to 18 digits, or 0. */
int64_t
parse_id(const char *s)
{
	size_t	 n;

	if (s == NULL || (n = strspn(s, "0123456789")) == 0 || n > 18 ||
	    s[n] != '\0')
		return 0;
	return strtoll(s, NULL, 10);
}

/*
 * tz_use: make tz (an IANA name; UTC when empty) the process's zone for
 * localtime_r and mktime.  The zone is set only when it differs from the
 * last one, as a page shows many times in one zone.  Every change of TZ
 * goes through here, or the remembered name would be wrong.
 */
void
tz_use(const char *tz)
{
	static char	 last[128];

	if (tz == NULL || *tz == '\0')
		tz = "UTC";
	if (strcmp(tz, last) != 0) {
		setenv("TZ", tz, 1);
		tzset();
		strlcpy_(last, tz, sizeof(last));
	}
}

/*
 * time_local: t in the IANA zone tz (UTC when empty) as
 * "YYYY-MM-DD HH:MM ZONE", the zone named by its abbreviation (R12.3).
 * Sets the process's zone (tz_use).
 */
void
time_local(char *out, size_t sz, time_t t, const char *tz)
{
	struct tm	 tm;
	char		 s[24];
	int		 y;

	tz_use(tz);
	if (localtime_r(&t, &tm) == NULL) {	/* beyond an int's years */
		strlcpy_(out, "", sz);
		return;
	}
	y = tm.tm_year + 1900;
	if (y < 1000 || y > 9999 || strlen(tm.tm_zone) > 6) {
		strftime(out, sz, "%Y-%m-%d %H:%M %Z", &tm);
		return;
	}
	/* a list shows fifty of these: the digits by hand, not strftime */
	s[0] = '0' + y / 1000;
	s[1] = '0' + y / 100 % 10;
	s[2] = '0' + y / 10 % 10;
	s[3] = '0' + y % 10;
	s[4] = '-';
	s[5] = '0' + (tm.tm_mon + 1) / 10;
	s[6] = '0' + (tm.tm_mon + 1) % 10;
	s[7] = '-';
	s[8] = '0' + tm.tm_mday / 10;
	s[9] = '0' + tm.tm_mday % 10;
	s[10] = ' ';
	s[11] = '0' + tm.tm_hour / 10;
	s[12] = '0' + tm.tm_hour % 10;
	s[13] = ':';
	s[14] = '0' + tm.tm_min / 10;
	s[15] = '0' + tm.tm_min % 10;
	s[16] = ' ';
	strcpy(s + 17, tm.tm_zone);
	strlcpy_(out, s, sz);
}

/* ------------------------------------------------------------- SHA-256 */

/* SHA-256 is libsodium's (crypto_hash_sha256), streamed for uploads. */
void
sha256_init(struct sha256 *s)
{
	crypto_hash_sha256_init(&s->st);
}

void
sha256_update(struct sha256 *s, const void *data, size_t n)
{
	crypto_hash_sha256_update(&s->st, data, n);
}

void
sha256_final(struct sha256 *s, unsigned char out[32])
{
	crypto_hash_sha256_final(&s->st, out);
}

/* sha256_hex: the SHA-256 of n bytes as 64 hex digits into out. */
void
sha256_hex(const void *p, size_t n, char out[65])
{
	struct sha256	 s;
	unsigned char	 d[32];

	sha256_init(&s);
	sha256_update(&s, p, n);
	sha256_final(&s, d);
	hex_encode(out, d, 32);
}

const char *const languages[LANG_N + 1] = { "en", "pl", NULL };

/* lang_index: the place of l in languages[], or -1. */
int
lang_index(const char *l)
{
	int	 i;

	for (i = 0; l != NULL && i < LANG_N; i++)
		if (strcmp(l, languages[i]) == 0)
			return i;
	return -1;
}

/* lang_valid: 1 if l is a language of the portal. */
int
lang_valid(const char *l)
{
	return lang_index(l) >= 0;
}

/*
 * vals_add: name and value as one line of b, "name<TAB>value<LF>", the
 * value's backslashes, tabs and line breaks escaped (\\, \t, \n) so that
 * any text survives; names are the portal's own (no tab, no break).
 */
void
vals_add(struct buf *b, const char *name, const char *value)
{
	const char	*p;

	buf_puts(b, name);
	buf_puts(b, "\t");
	for (p = value != NULL ? value : ""; *p != '\0'; p++)
		switch (*p) {
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		default:
			buf_add(b, p, 1);
		}
	buf_puts(b, "\n");
}

/*
 * vals_next: the line of vals_add at p into name and value (both
 * emptied first).  Returns where the next line starts, or NULL when
 * there is none (or the line is not one of vals_add's).
 */
const char *
vals_next(const char *p, struct buf *name, struct buf *value)
{
	const char	*tab, *end;

	name->len = value->len = 0;
	if (p == NULL || *p == '\0' || (tab = strchr(p, '\t')) == NULL ||
	    (end = strchr(tab, '\n')) == NULL)
		return NULL;
	buf_add(name, p, (size_t)(tab - p));
	buf_add(value, "", 0);
	for (p = tab + 1; p < end; p++) {
		if (*p == '\\' && p + 1 < end) {
			p++;
			buf_add(value, *p == 't' ? "\t" : *p == 'n' ? "\n" :
			    p, 1);
		} else
			buf_add(value, p, 1);
	}
	return end + 1;
}

/*
 * csv_cell: s as one field of a CSV record (RFC 4180) appended to b:
 * quoted when it holds a comma, a quote, CR or LF, quotes doubled.
 * With guard, a field a spreadsheet would take for a formula (starting
 * with = + - @, a tab or CR) gets a leading ' first (OWASP's CSV
 * injection advice); numbers from the database are given without.
 */
void
csv_cell(struct buf *b, const char *s, int guard)
{
	int	 quote = strpbrk(s, ",\"\r\n") != NULL;

	if (quote)
		buf_add(b, "\"", 1);
	if (guard && *s != '\0' && strchr("=+-@\t\r", *s) != NULL)
		buf_add(b, "'", 1);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			buf_add(b, "\"", 1);
		buf_add(b, s, 1);
	}
	if (quote)
		buf_add(b, "\"", 1);
}

/*
 * json_str: s as a JSON string, quotes included, appended to b: the
 * quote, the backslash and every control character escaped (RFC 8259
 * §7); UTF-8 passes as it is (the database holds it valid).  NULL is
 * "".  Hand-written: the stack has no JSON library, and the account's
 * data (R14.9) and supportalctl's lists (R17.2) need only this.
 */
void
json_str(struct buf *b, const char *s)
{
	buf_add(b, "\"", 1);
	for (; s != NULL && *s != '\0'; s++) {
		unsigned char	 c = (unsigned char)*s;

		switch (c) {
		case '"':
			buf_puts(b, "\\\"");
			break;
		case '\\':
			buf_puts(b, "\\\\");
			break;
		case '\n':
			buf_puts(b, "\\n");
			break;
		case '\r':
			buf_puts(b, "\\r");
			break;
		case '\t':
			buf_puts(b, "\\t");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				buf_printf(b, "\\u%04x", c);
			else
				buf_add(b, s, 1);
		}
	}
	buf_add(b, "\"", 1);
}

/* strp_cmp: qsort's and bsearch's order of two char * (strcmp's). */
int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}
