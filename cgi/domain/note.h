/*
 * note.h: a request's internal notes (R15.5), for its engineers only.
 */
#ifndef DOMAIN_NOTE_H
#define DOMAIN_NOTE_H

#include <stdint.h>

#define NOTE_MAX	4000	/* characters of a note (schema/019) */

struct note_row {
	const char	*author;	/* "" for a former user */
	const char	*body;
	int64_t		 created;
};

int	 note_add(int64_t, int64_t, const char *);
int	 note_list(int64_t, int (*)(void *, const struct note_row *), void *);

#endif /* DOMAIN_NOTE_H */
