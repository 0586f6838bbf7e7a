/*
 * mail.h: mails rendered from templates into the outbox and delivered.
 */
#ifndef MAIL_MAIL_H
#define MAIL_MAIL_H

#include <stdint.h>
#include <time.h>

#include <ClearSilver.h>

#include "domain/account.h"
#include "lib/util.h"

/* a mail rendered, not yet in the outbox */
struct mail {
	char		 to[EMAIL_MAX + 1];
	char		 subject[512];
	struct buf	 body;
	int		 secret;
	int64_t		 request;
};

int	 mail_render(struct mail *, const char *, const char *, const char *,
	    HDF *, int64_t);
int	 mail_queue(const struct mail *);
void	 mail_free(struct mail *);
int	 mail_enqueue(const char *, const char *, const char *, HDF *,
	    int64_t);
const char *mail_lang(const char *, const char *);
int	 mail_deliver(time_t, int *, int *);

#endif /* MAIL_MAIL_H */
