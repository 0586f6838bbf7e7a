/*
 * fuzz_multipart: libFuzzer target for the multipart parser (SECURITY.md
 * L.52.2).  The first line of the input is the Content-Type, the rest
 * the body, fed in chunks whose sizes come from the body's own bytes.
 * Invariants: parts begin and end in turn, names are valid, and no more
 * data comes out than went in.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "domain/multipart.h"

struct state {
	int	 open;
	size_t	 bytes;
};

static int
begin(void *arg, const struct mp_part *p)
{
	struct state	*s = arg;
	size_t		 n = strlen(p->name);

	assert(!s->open);
	assert(n >= 1 && n <= 64);
	assert(strspn(p->name, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == n);
	assert(strlen(p->filename) < sizeof(p->filename));
	s->open = 1;
	return 0;
}

static int
data(void *arg, const char *buf, size_t n)
{
	struct state	*s = arg;

	assert(s->open);
	(void)buf;
	s->bytes += n;
	return 0;
}

static int
end(void *arg)
{
	struct state	*s = arg;

	assert(s->open);
	s->open = 0;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t len)
{
	struct mp	 m;
	struct state	 s = { 0, 0 };
	struct mp_cb	 cb = { &s, begin, data, end };
	char		 ct[512];
	const uint8_t	*nl = memchr(in, '\n', len < 511 ? len : 511);
	const char	*body;
	size_t		 blen, off = 0;

	if (nl == NULL)
		return 0;
	memcpy(ct, in, (size_t)(nl - in));
	ct[nl - in] = '\0';
	body = (const char *)nl + 1;
	blen = len - (size_t)(nl - in) - 1;
	if (mp_init(&m, ct, &cb) != 0)
		return 0;
	while (off < blen) {
		size_t	 k = 1 + (unsigned char)body[off] % 97;

		if (k > blen - off)
			k = blen - off;
		if (mp_feed(&m, body + off, k) != 0)
			break;
		off += k;
	}
	(void)mp_finish(&m);
	assert(s.bytes <= blen);
	return 0;
}
