/*
 * mail.h: mails queued as data (domain/outbox.c) rendered in their
 * language, and delivered.
 */
#ifndef MAIL_MAIL_H
#define MAIL_MAIL_H

#include <time.h>

int	 mail_render_pending(void);
int	 mail_deliver(time_t, int *, int *);

#endif /* MAIL_MAIL_H */
