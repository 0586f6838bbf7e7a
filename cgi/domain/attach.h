/*
 * attach.h: the files of drafts and requests (R5.5, R11.9).
 */
#ifndef DOMAIN_ATTACH_H
#define DOMAIN_ATTACH_H

#include <stddef.h>
#include <stdint.h>

/* what one draft may hold (R5.5); its bytes: Upload.MaxBytes (R11.9) */
#define FILES_PER_DRAFT	20

/* a file to keep: where its upload waits and what it is */
struct attach_in {
	const char	*tmp;
	const char	*name;
	int64_t		 size;
	const char	*sha256;
	char		 stored[33];	/* its name in var/attachments once kept */
};

#include "domain/account.h"

extern const char *const attach_types[];
int	 attach_acceptable(const char *);
void	 attach_path(char *, size_t, const char *);
int	 attach_add(int64_t, int64_t, struct attach_in *);
void	 attach_undo(const struct attach_in *, int);
int	 attach_orphans(void (*)(void *, const char *), void *);
int	 attach_remove(int64_t, int64_t, int64_t);
int	 request_attach(int64_t, int64_t, int64_t, struct attach_in *);
int	 attach_for(int64_t, const struct account *, char *, size_t, char *,
	    size_t, int64_t *);
int	 request_files(int64_t, int (*)(void *, int64_t, const char *, int64_t,
	    const char *, int64_t), void *);
int	 draft_files(int64_t, int (*)(void *, int64_t, const char *, int64_t,
	    const char *, int64_t), void *);
int	 draft_file_totals(int64_t, int64_t *, int64_t *);

#endif /* DOMAIN_ATTACH_H */
