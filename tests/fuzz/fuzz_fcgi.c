/*
 * fuzz_fcgi: raw FastCGI record streams fed to FCGX_Accept_r and served
 * by the worker (SECURITY.md L.52.5): broken headers, lengths, record
 * types, padding, several requests on a kept-open connection.  Two
 * faults of libfcgi 2.4.2 that need write access to the socket, which
 * only nginx has, are kept out so that the fuzzer looks further: huge
 * lengths (excluded()) and the 48 bytes ProcessManagementRecord loses
 * for a management record of an unknown type (tests/fuzz/fcgi.supp:
 * libfcgi's own allocations are not leak-checked in this target).
 */
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return harness_init();
}

/*
 * excluded: a byte of 0x84 or more, which could begin a 4-byte name or
 * value length of 64 MiB or more.  libfcgi allocates what a length says
 * and aborts when two near 2^31 overflow their int sum (SECURITY.md (b),
 * fixed in 2.4.7); nginx never sends such lengths, only a writer of the
 * socket could.  Where a length falls depends on how libfcgi resumes
 * after a bad record, so every byte is tested.  Content with every byte
 * value is fuzzed through fuzz_request, which frames as nginx does.
 */
static int
excluded(const uint8_t *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (p[i] >= 0x84)
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t len)
{
	if (len == 0 || len > 8192 || excluded(in, len))
		return 0;
	harness_stream(in, &len, 1);
	return 0;
}
