/* t_req: the urlencoded and cookie parsers of req.c (G.30, B.12). */
#include "unit.h"
#include "lib/util.h"
#include "web/req.h"

static int
parse(const char *s, struct params *ps)
{
	memset(ps, 0, sizeof(*ps));
	return req_parse_urlencoded(s, strlen(s), ps, 200);
}

TEST(urlencoded_basic)
{
	struct params	 ps;

	CHECK(parse("a=1&b=x+y&c=%C5%BC%C3%B3%C5%82w&d=&e", &ps) == 0);
	CHECK(ps.n == 5 && !ps.dup);
	CHECK(strcmp(req_param(&ps, "b"), "x y") == 0);
	CHECK(strcmp(req_param(&ps, "c"), "żółw") == 0);
	CHECK(strcmp(req_param(&ps, "d"), "") == 0);
	CHECK(strcmp(req_param(&ps, "e"), "") == 0);
	CHECK(req_param(&ps, "z") == NULL);
	req_params_free(&ps);
	CHECK(parse("&&a=1&&", &ps) == 0 && ps.n == 1);
	req_params_free(&ps);
}

/* G.30: each hostile form is refused with 400 or flagged. */
TEST(urlencoded_hostile)
{
	struct params	 ps;
	struct buf	 b = { 0 };
	int		 i;

	CHECK(parse("id=1&id=2", &ps) == 0 && ps.dup);
	CHECK(req_param(&ps, "id") == NULL);
	req_params_free(&ps);
	CHECK(parse("x.0=evil&x=1", &ps) == 400);
	req_params_free(&ps);
	CHECK(parse("a=%00", &ps) == 400);
	req_params_free(&ps);
	CHECK(parse("a=b%00c", &ps) == 400);
	req_params_free(&ps);
	CHECK(parse("a=%zz", &ps) == 400);
	req_params_free(&ps);
	CHECK(parse("a=%4", &ps) == 400);
	req_params_free(&ps);
	CHECK(parse("a=%c3", &ps) == 400);		/* bad UTF-8 */
	req_params_free(&ps);
	CHECK(parse("a=%01", &ps) == 400);		/* control */
	req_params_free(&ps);
	CHECK(parse("%3Cscript%3E=1", &ps) == 400);	/* odd name */
	req_params_free(&ps);
	for (i = 0; i < 10000; i++)
		buf_printf(&b, "p%d=1&", i);
	CHECK(parse(b.p, &ps) == 400);			/* 10,000 fields */
	req_params_free(&ps);
	buf_free(&b);
}

TEST(cookies)
{
	struct params	 ps;

	memset(&ps, 0, sizeof(ps));
	req_parse_cookies("sid=abc; pre=def;lang=pl ;  junk; =x", &ps);
	CHECK(strcmp(req_param(&ps, "sid"), "abc") == 0);
	CHECK(strcmp(req_param(&ps, "pre"), "def") == 0);
	CHECK(strcmp(req_param(&ps, "lang"), "pl") == 0);
	CHECK(!ps.dup);
	req_params_free(&ps);
	req_parse_cookies("sid=a; sid=b", &ps);		/* B.12 */
	CHECK(ps.dup && req_param(&ps, "sid") == NULL);
	req_params_free(&ps);
}

int
main(void)
{
	RUN(urlencoded_basic);
	RUN(urlencoded_hostile);
	RUN(cookies);
	DONE();
}
