/*
 * search.h: what a search box holds, read as a number, an address or
 * words for SQLite's full-text index (R15.3).
 */
#ifndef DOMAIN_SEARCH_H
#define DOMAIN_SEARCH_H

#include <stdint.h>

#include "domain/account.h"

#define SEARCH_TEXT_MAX		200	/* bytes of a search, at most */
#define SEARCH_WORDS_MAX	16	/* words of it looked for */

enum search_kind {
	SEARCH_NONE,			/* nothing to look for in it */
	SEARCH_NUMBER,			/* "#123" or "123" */
	SEARCH_EMAIL,			/* a contact's address (engineers) */
	SEARCH_WORDS			/* words of titles, texts, messages */
};

struct search {
	enum search_kind kind;
	int64_t		 number;	/* SEARCH_NUMBER */
	char		 email[EMAIL_MAX + 1];	/* SEARCH_EMAIL, lower case */
	/* SEARCH_WORDS: an FTS5 query, each word a string ("a""b") */
	char		 query[2 * SEARCH_TEXT_MAX + 3 * SEARCH_WORDS_MAX + 1];
	int		 words;
};

enum search_kind search_parse(struct search *, const char *, int);
int	 search_rebuild(void);

#endif /* DOMAIN_SEARCH_H */
