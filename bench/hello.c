/*
 * hello: the floor of the stack for make bench: a libfcgi responder that
 * answers every request with a page of BENCH_BYTES bytes (the size of
 * the portal's list page), through the same nginx, with as many workers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcgiapp.h>

int
main(void)
{
	FCGX_Request	 r;
	const char	*b = getenv("BENCH_BYTES");
	size_t		 n = b ? strtoul(b, NULL, 10) : 16384;
	char		*page = malloc(n + 1);

	if (page == NULL || FCGX_Init() != 0 || FCGX_InitRequest(&r, 0, 0))
		return 1;
	memset(page, 'x', n);
	memcpy(page, "<!DOCTYPE html>", n > 15 ? 15 : n);
	while (FCGX_Accept_r(&r) >= 0) {
		/* libfcgi's printf knows no %zu: it stopped there, the
		 * header unended, and nginx answered 502 (too big header) */
		FCGX_FPrintF(r.out, "Status: 200 OK\r\nContent-Type: text/html;"
		    " charset=utf-8\r\nContent-Length: %lu\r\n\r\n",
		    (unsigned long)n);
		FCGX_PutStr(page, (int)n, r.out);
		FCGX_Finish_r(&r);
	}
	free(page);
	return 0;
}
