/*
 * fuzz_form: libFuzzer target for the urlencoded and cookie parsers of
 * req.c (SECURITY.md L.52.1, L.52.3).  Every pair that comes out has a
 * valid name and a NUL-free UTF-8 value; a repeated name is flagged.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "web/req.h"

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t len)
{
	struct params	 ps;
	char		*s = malloc(len + 1);
	size_t		 i;

	memcpy(s, in, len);
	s[len] = '\0';
	memset(&ps, 0, sizeof(ps));
	if (req_parse_urlencoded(s, len, &ps, 200) == 0)
		for (i = 0; i < ps.n; i++) {
			assert(strlen(ps.v[i].name) >= 1 &&
			    strlen(ps.v[i].name) <= 64);
			assert(utf8_valid(ps.v[i].value,
			    strlen(ps.v[i].value)));
		}
	assert(ps.n <= 200);
	req_params_free(&ps);
	req_parse_cookies(s, &ps);
	assert(ps.n <= 50);
	for (i = 0; i < ps.n; i++)
		assert(req_param(&ps, ps.v[i].name) != NULL || ps.dup);
	req_params_free(&ps);
	free(s);
	return 0;
}
