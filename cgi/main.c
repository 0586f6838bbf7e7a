/*
 * main.c: the worker.  Under FastCGI (spawn-fcgi + multiwatch) it is one
 * long-lived, single-threaded process answering requests one at a time
 * in an FCGX_Accept_r loop; started any other way it answers the single
 * CGI request of its environment and standard input, so that a test can
 * run one request without a server.
 *
 * Each request starts from a zeroed struct req and ends with everything
 * it allocated freed, no transaction open and one log line (R13.4).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "data/db.h"
#include "data/schema.h"
#include "domain/outbox.h"
#include "domain/password.h"
#include "domain/payment.h"
#include "domain/totp.h"
#include "lib/arena.h"
#include "lib/config.h"
#include "lib/util.h"
#include "mail/mail.h"
#include "text/i18n.h"
#include "text/tpl.h"
#include "web/route.h"
#include "web/serve.h"

static int
usage(void)
{
	fprintf(stderr, "usage: supportal.fcgi [--routes]\n"
	    "  Started under FastCGI it serves requests; otherwise it\n"
	    "  answers the one CGI request of its environment.\n");
	return 2;
}

/*
 * tmp_sweep: remove upload files of var/tmp/ older than an hour: those of
 * a worker killed in the middle of an upload (SECURITY.md J.43).  A
 * worker running now writes its files in less than that.
 */
static void
tmp_sweep(void)
{
	char		 dir[700], path[1200];
	DIR		*d;
	struct dirent	*e;
	struct stat	 sb;
	time_t		 old = time(NULL) - 3600;

	snprintf(dir, sizeof(dir), "%s/tmp", cfg.var);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "up.", 3) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    sb.st_mtime < old && unlink(path) == 0)
			log_line(NULL, "removed a stale upload %s", e->d_name);
	}
	closedir(d);
}

/*
 * render_mail: the mails the request queued as data, rendered now that
 * its transaction is over and before its answer is complete, so that
 * what a user is told was sent is in the outbox, subject and body.
 */
static void
render_mail(void)
{
	if (outbox_queued() > 0 && mail_render_pending() < 0)
		log_line(NULL, "mail: cannot render the queued mails");
}

int
main(int argc, char *argv[])
{
	FCGX_Request	 fr;
	int		 v;

	umask(077);	/* files it creates are the portal's alone (M.63) */
	if (argc == 2 && strcmp(argv[1], "--routes") == 0) {
		route_print();
		return 0;
	}
	if (argc != 1)
		return usage();
	if (config_load() != 0 || i18n_load() != 0)
		return 1;
	/* the key that seals the second factors' secrets (R14.6) */
	if (totp_init(cfg.key_file) != 0)
		return 1;
	if (db_open(0) != 0)
		return 1;
	if ((v = db_version()) != schema_version()) {
		fprintf(stderr, "supportal: database %s is at version %d, "
		    "this worker needs %d: run supportalctl migrate\n",
		    db_where(), v, schema_version());
		db_close();
		return 1;
	}
	(void)password_common("");	/* load the list before the first user */
	tmp_sweep();

	/* SIGINT is for the supervisor (make run, multiwatch): a worker
	 * stops on SIGTERM or SIGUSR1 after its request (L.49) */
	signal(SIGINT, SIG_IGN);
	if (FCGX_IsCGI()) {
		serve(NULL);
		render_mail();
		fflush(stdout);
		serve_after();
		render_mail();
	} else {
		if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0)
			return 1;
		log_line(NULL, "worker %ld ready", (long)getpid());
		while (FCGX_Accept_r(&fr) >= 0) {
			serve(&fr);
			render_mail();
			FCGX_Finish_r(&fr);
			serve_after();	/* the answer is gone: M.55 */
			render_mail();
			arena_reset();	/* nothing of it outlives it */
		}
		FCGX_Free(&fr, 1);
		log_line(NULL, "worker %ld stopping", (long)getpid());
	}
	payment_close();
	db_close();
	tpl_free();
	i18n_free();
	return 0;
}
