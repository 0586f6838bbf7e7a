/*
 * t_multipart: the streaming multipart parser (G.28, G.29, J.41): the
 * same parts whatever the chunking, boundaries of different lengths one
 * after the other, and what it refuses.
 */
#include "unit.h"
#include "domain/multipart.h"

struct got {
	char	 log[8192];
	size_t	 n;
	int	 stop_at;	/* abort in begin of this part (1-based), 0 no */
	int	 parts;
};

static void
say(struct got *g, const char *s, size_t n)
{
	if (g->n + n < sizeof(g->log)) {
		memcpy(g->log + g->n, s, n);
		g->n += n;
		g->log[g->n] = '\0';
	}
}

static int
begin(void *arg, const struct mp_part *p)
{
	struct got	*g = arg;

	if (++g->parts == g->stop_at)
		return -1;
	say(g, "[", 1);
	say(g, p->name, strlen(p->name));
	say(g, "|", 1);
	say(g, p->filename, strlen(p->filename));
	say(g, p->is_file ? "|f]" : "|t]", 3);
	return 0;
}

static int
data(void *arg, const char *p, size_t n)
{
	say(arg, p, n);
	return 0;
}

static int
end(void *arg)
{
	say(arg, "{end}", 5);
	return 0;
}

/* parse: body with boundary b fed in chunks of k (0: all at once). */
static int
parse(const char *ct, const char *body, size_t len, size_t k, struct got *g,
    int *fin)
{
	struct mp	 m;
	struct mp_cb	 cb = { g, begin, data, end };
	size_t		 off = 0;
	int		 stop = g->stop_at;

	memset(g, 0, sizeof(*g));
	g->stop_at = stop;
	if (mp_init(&m, ct, &cb) != 0)
		return -2;
	while (off < len) {
		size_t	 n = k == 0 || k > len - off ? len - off : k;

		if (mp_feed(&m, body + off, n) != 0)
			return -1;
		off += n;
	}
	*fin = mp_finish(&m);
	return 0;
}

static const char	 body1[] =
    "preamble\r\n"
    "--AaB03x\r\n"
    "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
    "tok\r\n"
    "--AaB03x\r\n"
    "Content-Disposition: form-data; name=\"files\"; filename=\"a\\\"b.log\"\r\n"
    "Content-Type: text/plain\r\n\r\n"
    "line\r\n--AaB0\r\n--AaB03 no\0 nul\r\n"
    "--AaB03x--\r\nepilogue";

TEST(chunking)
{
	struct got	 whole, part;
	int		 fin, k;

	whole.stop_at = 0;
	CHECK(parse("multipart/form-data; boundary=AaB03x", body1,
	    sizeof(body1) - 1, 0, &whole, &fin) == 0 && fin == 0);
	CHECK(strcmp(whole.log, "[csrf||t]tok{end}[files|a\"b.log|f]line\r\n"
	    "--AaB0\r\n--AaB03 no") == 0);
	CHECK(whole.n == strlen(whole.log) + 1 + strlen(" nul{end}"));
	for (k = 1; k <= 64; k++) {
		part.stop_at = 0;
		CHECK(parse("multipart/form-data; boundary=AaB03x", body1,
		    sizeof(body1) - 1, (size_t)k, &part, &fin) == 0 &&
		    fin == 0);
		CHECK(part.n == whole.n && memcmp(part.log, whole.log,
		    whole.n) == 0);
	}
}

/* G.29: a 30- then a 37-character boundary, the struct reused. */
TEST(boundaries)
{
	const char	*b[2] = { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    "----WebKitFormBoundaryZZZZZZZZZZZZZZZ" };
	char		 ct[200], body[600];
	struct got	 g;
	int		 i, fin, n;

	for (i = 0; i < 2; i++) {
		snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%s",
		    b[i]);
		n = snprintf(body, sizeof(body), "--%s\r\nContent-Disposition:"
		    " form-data; name=\"title\"\r\n\r\nDisk full\r\n--%s--\r\n",
		    b[i], b[i]);
		g.stop_at = 0;
		CHECK(parse(ct, body, (size_t)n, 7, &g, &fin) == 0 &&
		    fin == 0);
		CHECK(strcmp(g.log, "[title||t]Disk full{end}") == 0);
	}
	g.stop_at = 0;
	n = snprintf(body, sizeof(body), "--a b\r\nContent-Disposition: "
	    "form-data; name=x\r\n\r\nv\r\n--a b--");
	CHECK(parse("multipart/form-data; boundary=\"a b\"", body, (size_t)n,
	    0, &g, &fin) == 0 && fin == 0);
	CHECK(strcmp(g.log, "[x||t]v{end}") == 0);
}

#define S(text)	(t = (text))

TEST(refused)
{
	const char	*t;
	struct got	 g;
	char		 big[10000], b71[80];
	int		 fin;

	g.stop_at = 0;
	CHECK(parse("multipart/form-data", "", 0, 0, &g, &fin) == -2);
	CHECK(parse("multipart/form-data; charset=x", "", 0, 0, &g, &fin) ==
	    -2);
	memset(b71, 'b', 71);
	b71[71] = '\0';
	snprintf(big, sizeof(big), "multipart/form-data; boundary=%s", b71);
	CHECK(parse(big, "", 0, 0, &g, &fin) == -2);
	/* a truncated body: no end for the last part */
	S("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ntrunc");
	CHECK(parse("multipart/form-data; boundary=x", t, strlen(t), 3,
	    &g, &fin) == 0 && fin == -1);
	CHECK(strstr(g.log, "{end}") == NULL);
	/* a bad name, no headers, headers too long */
	S("--x\r\nContent-Disposition: form-data; name=\"x.0\"\r\n\r\nv\r\n"
	    "--x--");
	CHECK(parse("multipart/form-data; boundary=x", t, strlen(t), 0, &g,
	    &fin) == -1);
	S("--x\r\n\r\nv\r\n--x--");
	CHECK(parse("multipart/form-data; boundary=x", t, strlen(t), 0, &g,
	    &fin) == -1);
	memset(big, 'h', sizeof(big));
	memcpy(big, "--x\r\nX-A: ", 10);
	CHECK(parse("multipart/form-data; boundary=x", big, sizeof(big), 100,
	    &g, &fin) == -1);
	/* a reader that stops */
	g.stop_at = 2;
	CHECK(parse("multipart/form-data; boundary=AaB03x", body1,
	    sizeof(body1) - 1, 0, &g, &fin) == -1);
}

/* J.41: names as sent, bounded, RFC 5987 decoded. */
TEST(filenames)
{
	struct got	 g;
	char		 body[1200], name[400];
	int		 fin, n;

	g.stop_at = 0;
	n = snprintf(body, sizeof(body), "--x\r\nContent-Disposition: "
	    "form-data; name=\"f\"; filename=\"../../etc/passwd\"; "
	    "filename*=UTF-8''%%C5%%BC%%00.txt\r\n\r\nv\r\n--x--");
	CHECK(parse("multipart/form-data; boundary=x", body, (size_t)n, 0,
	    &g, &fin) == 0 && fin == 0);
	CHECK(strcmp(g.log, "[f|\xc5\xbc_.txt|f]v{end}") == 0);
	memset(name, 'z', 300);
	name[300] = '\0';
	n = snprintf(body, sizeof(body), "--x\r\nContent-Disposition: "
	    "form-data; name=\"f\"; filename=\"%s\"\r\n\r\nv\r\n--x--", name);
	CHECK(parse("multipart/form-data; boundary=x", body, (size_t)n, 0,
	    &g, &fin) == 0 && fin == 0);
	CHECK(strstr(g.log, "|f]") - g.log == 3 + 255);
}

int
main(void)
{
	RUN(chunking);
	RUN(boundaries);
	RUN(refused);
	RUN(filenames);
	DONE();
}
