/*
 * harness.h: the worker under a fuzz target (SECURITY.md L.52.1, L.52.5).
 *
 * harness_init opens the configuration, the languages and the database
 * of SUPPORTAL_VAR (tests/fuzz/run makes one with supportalctl demo) and
 * a FastCGI listening socket of its own; harness_stream sends requests
 * to that socket from a thread and serves, with the worker's own
 * serve(), every request libfcgi accepts from them: several per
 * connection when the stream keeps it open, and many per process.
 */
#ifndef FUZZ_HARNESS_H
#define FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "lib/util.h"

/* live sessions of the demo customer (account 1) and engineer (3), for
 * inputs that say @SID@ and @CSRF@, @ESID@ and @ECSRF@ */
extern char	 harness_sid[65], harness_csrf[65];
extern char	 harness_esid[65], harness_ecsrf[65];

int	 harness_init(void);
void	 harness_stream(const uint8_t *, const size_t *, int);

/* FastCGI encoding, for targets that build their streams */
void	 fcgi_record(struct buf *, int, const void *, size_t);
void	 fcgi_param(struct buf *, const char *, size_t, const char *, size_t);

#define FCGI_BEGIN_REQUEST	1
#define FCGI_PARAMS		4
#define FCGI_STDIN		5

#endif
