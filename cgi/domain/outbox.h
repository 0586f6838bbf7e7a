/*
 * outbox.h: a mail queued as data (R9.1): a template's name, its
 * recipient, a language and values.  The domain never renders a mail;
 * mail/ does, at the edge, after the transaction that queued it.
 */
#ifndef DOMAIN_OUTBOX_H
#define DOMAIN_OUTBOX_H

#include <stdint.h>

#include "lib/util.h"

struct outbox_mail {
	const char	*to;
	const char	*lang;		/* mail/ falls back to English */
	const char	*tpl;		/* templates/mail/<tpl>.cs */
	int64_t		 request;	/* 0 when none */
	struct buf	 vals;		/* the template's Mail.* values */
};

void	 outbox_set(struct outbox_mail *, const char *, const char *);
void	 outbox_set_int(struct outbox_mail *, const char *, int64_t);
int	 outbox_put(struct outbox_mail *);
void	 outbox_free(struct outbox_mail *);
const char *outbox_lang(const char *, const char *);
int	 outbox_queued(void);

#endif /* DOMAIN_OUTBOX_H */
