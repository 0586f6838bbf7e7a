/*
 * fuzz_request: the request adapter (SECURITY.md L.52.1, L.52.3).  The
 * input is up to four HTTP-like requests separated by a line "~~~":
 *
 *	POST /requests/new?x=1
 *	Content-Type: application/x-www-form-urlencoded
 *	Cookie: sid=@SID@
 *
 *	csrf=@CSRF@&title=...
 *
 * Each becomes the FastCGI request nginx would send (its headers as
 * HTTP_* parameters, CONTENT_LENGTH the body's unless given), all on one
 * kept-open connection, and the worker serves them in turn: so every
 * request follows others in the same process, as ClearSilver's
 * multipart bugs need (G.28, G.29).  @SID@ and @CSRF@ become the demo
 * customer's live session and form token, @ESID@ and @ECSRF@ the demo
 * engineer's, so that the signed-in pages and their forms are reached.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"

#include "harness.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return harness_init();
}

/* subst: in into out with the session placeholders replaced */
static void
subst(struct buf *out, const char *in, size_t n)
{
	static const struct { const char *k; const char *v; } ph[] = {
		{ "@SID@", harness_sid }, { "@CSRF@", harness_csrf },
		{ "@ESID@", harness_esid }, { "@ECSRF@", harness_ecsrf },
	};
	size_t	 i, j, l;

	for (i = 0; i < n; i++) {
		for (j = 0; j < sizeof(ph) / sizeof(ph[0]); j++) {
			l = strlen(ph[j].k);
			if (n - i >= l && memcmp(in + i, ph[j].k, l) == 0)
				break;
		}
		if (j < sizeof(ph) / sizeof(ph[0])) {
			buf_puts(out, ph[j].v);
			i += strlen(ph[j].k) - 1;
		} else
			buf_add(out, in + i, 1);
	}
}

/* header_param: "Content-Type" -> CONTENT_TYPE, others HTTP_X_Y */
static void
header_param(char *dst, size_t sz, const char *name, size_t n)
{
	size_t	 i, o = 0;

	if (!(n == 12 && strncasecmp(name, "content-type", 12) == 0) &&
	    !(n == 14 && strncasecmp(name, "content-length", 14) == 0))
		o = (size_t)snprintf(dst, sz, "HTTP_");
	for (i = 0; i < n && o + 1 < sz; i++)
		dst[o++] = name[i] == '-' ? '_' :
		    (char)toupper((unsigned char)name[i]);
	dst[o] = '\0';
}

/* one request of text [p, p+n) appended to the stream s */
static void
encode(struct buf *s, const char *p, size_t n)
{
	static const unsigned char begin[8] = { 0, 1, 1, 0, 0, 0, 0, 0 };
	struct buf	 params = { 0 };
	const char	*end = p + n, *eol, *sp, *q, *colon, *body;
	char		 name[128], len[32];
	int		 have_len = 0;

	/* the request line */
	eol = memchr(p, '\n', n);
	if (eol == NULL)
		eol = end;
	body = eol < end ? eol + 1 : end;
	sp = memchr(p, ' ', (size_t)(eol - p));
	if (sp == NULL)
		sp = eol;
	fcgi_param(&params, "REQUEST_METHOD", 14, p, (size_t)(sp - p));
	if (sp < eol)
		sp++;
	fcgi_param(&params, "REQUEST_URI", 11, sp, (size_t)(eol - sp));
	q = memchr(sp, '?', (size_t)(eol - sp));
	fcgi_param(&params, "DOCUMENT_URI", 12, sp,
	    (size_t)((q ? q : eol) - sp));
	if (q != NULL)
		fcgi_param(&params, "QUERY_STRING", 12, q + 1,
		    (size_t)(eol - q - 1));
	fcgi_param(&params, "REMOTE_ADDR", 11, "127.0.0.1", 9);
	fcgi_param(&params, "SERVER_PROTOCOL", 15, "HTTP/1.1", 8);

	/* headers up to an empty line */
	while (body < end && *body != '\n') {
		eol = memchr(body, '\n', (size_t)(end - body));
		if (eol == NULL)
			eol = end;
		colon = memchr(body, ':', (size_t)(eol - body));
		if (colon != NULL) {
			header_param(name, sizeof(name), body,
			    (size_t)(colon - body));
			if (strcmp(name, "CONTENT_LENGTH") == 0)
				have_len = 1;
			for (colon++; colon < eol && *colon == ' '; colon++)
				;
			fcgi_param(&params, name, strlen(name), colon,
			    (size_t)(eol - colon));
		}
		body = eol < end ? eol + 1 : end;
	}
	if (body < end)
		body++;
	if (!have_len) {
		snprintf(len, sizeof(len), "%zu", (size_t)(end - body));
		fcgi_param(&params, "CONTENT_LENGTH", 14, len, strlen(len));
	}

	buf_add(s, "\1\1\0\1\0\10\0\0", 8);	/* BEGIN_REQUEST header */
	buf_add(s, begin, sizeof(begin));	/* responder, keep conn */
	if (params.len > 0)
		fcgi_record(s, FCGI_PARAMS, params.p, params.len);
	fcgi_record(s, FCGI_PARAMS, "", 0);
	if (end > body)
		fcgi_record(s, FCGI_STDIN, body, (size_t)(end - body));
	fcgi_record(s, FCGI_STDIN, "", 0);
	buf_free(&params);
}

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t len)
{
	struct buf	 text = { 0 }, stream = { 0 };
	const char	*p, *end, *sep;
	size_t		 lens[4], before;
	int		 k;

	subst(&text, (const char *)in, len);
	p = text.p ? text.p : "";
	end = p + text.len;
	for (k = 0; k < 4 && p < end; k++) {
		sep = memmem(p, (size_t)(end - p), "\n~~~\n", 5);
		before = stream.len;
		encode(&stream, p, (size_t)((sep ? sep : end) - p));
		lens[k] = stream.len - before;
		p = sep ? sep + 5 : end;
	}
	if (k > 0)
		harness_stream((const uint8_t *)stream.p, lens, k);
	buf_free(&stream);
	buf_free(&text);
	return 0;
}
