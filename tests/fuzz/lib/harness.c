/*
 * harness.c: the worker under a fuzz target; see harness.h.
 */
#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "data/db.h"
#include "domain/outbox.h"
#include "domain/session.h"
#include "domain/totp.h"
#include "lib/arena.h"
#include "lib/config.h"
#include "lib/util.h"
#include "mail/mail.h"
#include "text/i18n.h"
#include "web/serve.h"
#include "harness.h"

char			 harness_sid[65], harness_csrf[65];
char			 harness_esid[65], harness_ecsrf[65];

static FCGX_Request	 fr;
static struct sockaddr_un sa;

/*
 * The web server's half, in a thread: it sends the requests one at a
 * time and reads each reply up to its END_REQUEST record before sending
 * the next, as nginx does on a kept connection (libfcgi drops what it
 * read ahead of the request it served).  Then it closes its side and
 * reads to the end.
 */
struct client {
	int		 fd;
	const uint8_t	*p;
	const size_t	*lens;
	int		 n;
	size_t		 sent;		/* of the first, by the caller */
};

static int
send_all(int fd, const uint8_t *p, size_t n)
{
	ssize_t	 k;

	while (n > 0) {
		if ((k = send(fd, p, n, MSG_NOSIGNAL)) <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* until_end: read replies up to an END_REQUEST record; -1 at EOF */
static int
until_end(int fd)
{
	unsigned char	 h[8], sink[4096];
	size_t		 skip;
	ssize_t		 k;

	for (;;) {
		if (recv(fd, h, sizeof(h), MSG_WAITALL) != sizeof(h))
			return -1;
		skip = ((size_t)h[4] << 8 | h[5]) + h[6];
		while (skip > 0) {
			k = read(fd, sink, skip < sizeof(sink) ?
			    skip : sizeof(sink));
			if (k <= 0)
				return -1;
			skip -= (size_t)k;
		}
		if (h[1] == 3)		/* FCGI_END_REQUEST */
			return 0;
	}
}

static void *
client_run(void *arg)
{
	struct client	*c = arg;
	const uint8_t	*p = c->p;
	char		 sink[65536];
	int		 i;

	for (i = 0; i < c->n; p += c->lens[i++]) {
		if (send_all(c->fd, p + (i == 0 ? c->sent : 0),
		    c->lens[i] - (i == 0 ? c->sent : 0)) != 0)
			break;
		if (i + 1 < c->n && until_end(c->fd) != 0)
			break;
	}
	shutdown(c->fd, SHUT_WR);
	while (read(c->fd, sink, sizeof(sink)) > 0)
		;
	return NULL;
}

int
harness_init(void)
{
	struct session	 s;
	int		 lfd;

	if (getenv("SUPPORTAL_SCRYPT") == NULL)
		setenv("SUPPORTAL_SCRYPT", "1,8,1", 1);
	if (config_load() != 0 || i18n_load() != 0 ||
	    totp_init(cfg.key_file) != 0 || db_open(0) != 0) {
		fprintf(stderr, "harness: no portal at SUPPORTAL_VAR\n");
		exit(1);
	}
	/* supportalctl demo: the customer is account 1, the engineer 3 */
	if (session_create(1, "127.0.0.1", "fuzz", 0, time(NULL), harness_sid,
	    &s) != 0)
		exit(1);
	memcpy(harness_csrf, s.csrf, sizeof(harness_csrf));
	if (session_create(3, "127.0.0.1", "fuzz", 0, time(NULL), harness_esid,
	    &s) != 0)
		exit(1);
	memcpy(harness_ecsrf, s.csrf, sizeof(harness_ecsrf));

	if (FCGX_Init() != 0)
		exit(1);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/run/fuzz.%ld.sock",
	    cfg.var, (long)getpid());
	unlink(sa.sun_path);
	if ((lfd = FCGX_OpenSocket(sa.sun_path, 8)) < 0)
		exit(1);
	/* an accept with nothing waiting returns at once, so that a stream
	 * libfcgi refuses ends FCGX_Accept_r instead of blocking it */
	fcntl(lfd, F_SETFL, fcntl(lfd, F_GETFL) | O_NONBLOCK);
	if (FCGX_InitRequest(&fr, lfd, 0) != 0)
		exit(1);
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

/*
 * harness_stream: n requests, lens[i] bytes each, one after the other in
 * p, sent on one connection and served.  As much of the first as the
 * socket takes is sent before the worker reads, so that a stream of one
 * request is read the same way every time.
 */
void
harness_stream(const uint8_t *p, const size_t *lens, int n)
{
	struct client	 c = { -1, p, lens, n, 0 };
	pthread_t	 th;
	ssize_t		 k;
	int		 served = 0;

	if ((c.fd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0)
		abort();
	if (connect(c.fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
		abort();
	while (c.sent < lens[0] && (k = send(c.fd, p + c.sent,
	    lens[0] - c.sent, MSG_NOSIGNAL | MSG_DONTWAIT)) > 0)
		c.sent += (size_t)k;
	if (pthread_create(&th, NULL, client_run, &c) != 0)
		abort();
	/* every request of the stream; a worker serves them one by one */
	while (served < 16 && FCGX_Accept_r(&fr) >= 0) {
		serve(&fr);
		if (outbox_queued() > 0)	/* as main.c does */
			mail_render_pending();
		serve_after();
		arena_reset();
		served++;
	}
	/* a stream that asked to keep its connection gets it closed here,
	 * as nginx would when it is done with it */
	FCGX_Finish_r(&fr);
	if (fr.ipcFd >= 0)
		FCGX_Free(&fr, 1);
	pthread_join(th, NULL);
	close(c.fd);
}

void
fcgi_record(struct buf *b, int type, const void *p, size_t n)
{
	unsigned char	 h[8];
	size_t		 k;

	do {
		k = n > 65535 ? 65535 : n;
		h[0] = 1;			/* version */
		h[1] = (unsigned char)type;
		h[2] = 0;
		h[3] = 1;			/* request id 1 */
		h[4] = (unsigned char)(k >> 8);
		h[5] = (unsigned char)k;
		h[6] = 0;			/* padding */
		h[7] = 0;
		buf_add(b, h, sizeof(h));
		buf_add(b, p, k);
		p = (const char *)p + k;
		n -= k;
	} while (n > 0);
}

static void
fcgi_len(struct buf *b, size_t n)
{
	unsigned char	 l[4];

	if (n < 128) {
		l[0] = (unsigned char)n;
		buf_add(b, l, 1);
		return;
	}
	l[0] = (unsigned char)(0x80 | (n >> 24));
	l[1] = (unsigned char)(n >> 16);
	l[2] = (unsigned char)(n >> 8);
	l[3] = (unsigned char)n;
	buf_add(b, l, 4);
}

/* fcgi_param: one name-value pair of a PARAMS record's content */
void
fcgi_param(struct buf *b, const char *name, size_t nn, const char *value,
    size_t vn)
{
	fcgi_len(b, nn);
	fcgi_len(b, vn);
	buf_add(b, name, nn);
	buf_add(b, value, vn);
}
