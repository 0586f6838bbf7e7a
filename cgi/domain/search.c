/*
 * search.c: a search box read (R15.3), and the full-text index made
 * again.  A number ("#123", "123") is a request's; for an engineer, an
 * address is a contact's; anything else is words, each made an FTS5
 * string, so that nothing typed is FTS5's syntax: quotes, "*", "-",
 * ":", "NEAR(", "AND" or "OR" are a word, or part of one, or nothing,
 * never an operator and never an error.
 */
#include <ctype.h>
#include <string.h>

#include "domain/search.h"
#include "data/db.h"

#define BLANKS	" \t\r\n\f\v"

/*
 * fold: at s, ł or Ł (UTF-8 C5 82, C5 81): *c is l or L, and 2 the bytes
 * read; otherwise 0.  By hand because SQLite cannot: U+0141 and U+0142
 * have no Unicode decomposition, so unicode61's remove_diacritics keeps
 * them; 016 folds the indexed text by the same two replacements.
 */
static size_t
fold(const char *s, char *c)
{
	if ((unsigned char)s[0] != 0xc5)
		return 0;
	if ((unsigned char)s[1] == 0x82)
		*c = 'l';
	else if ((unsigned char)s[1] == 0x81)
		*c = 'L';
	else
		return 0;
	return 2;
}

/*
 * is_number: whether the n bytes at p are "#123" or "123" (at most 18
 * digits); *v the number.
 */
static int
is_number(const char *p, size_t n, int64_t *v)
{
	size_t	 i;

	if (n > 0 && *p == '#') {
		p++;
		n--;
	}
	if (n == 0 || n > 18)
		return 0;
	for (*v = 0, i = 0; i < n; i++) {
		if (!isdigit((unsigned char)p[i]))
			return 0;
		*v = *v * 10 + (p[i] - '0');
	}
	return 1;
}

/*
 * search_parse: text (at most SEARCH_TEXT_MAX bytes; longer, or NULL,
 * is nothing) into s: a request number, an address when emails is set
 * and text is one word with an '@', else words: the first
 * SEARCH_WORDS_MAX words that hold a letter or a digit (a byte of UTF-8
 * counts as one), each an FTS5 string with its quotes doubled and ł
 * folded, joined by spaces (FTS5's AND).  Returns s->kind; SEARCH_NONE
 * when there is nothing to look for.  Allocates nothing.
 */
enum search_kind
search_parse(struct search *s, const char *text, int emails)
{
	const char	*p, *w;
	size_t		 n, o = 0, k;
	int		 letters;
	char		 c;

	memset(s, 0, sizeof(*s));
	if (text == NULL || strlen(text) > SEARCH_TEXT_MAX)
		return s->kind = SEARCH_NONE;
	p = text + strspn(text, BLANKS);
	n = strlen(p);
	while (n > 0 && strchr(BLANKS, p[n - 1]) != NULL)
		n--;
	if (n > 0 && strcspn(p, BLANKS) >= n) {		/* one word */
		if (is_number(p, n, &s->number))
			return s->kind = SEARCH_NUMBER;
		if (emails && memchr(p, '@', n) != NULL) {
			email_normalise(s->email, sizeof(s->email), p);
			return s->kind = SEARCH_EMAIL;
		}
	}
	for (; *p != '\0' && s->words < SEARCH_WORDS_MAX; p = w + n) {
		w = p + strspn(p, BLANKS);
		if ((n = strcspn(w, BLANKS)) == 0)
			break;
		for (letters = 0, k = 0; k < n && !letters; k++)
			letters = isalnum((unsigned char)w[k]) ||
			    (unsigned char)w[k] >= 0x80;
		if (!letters)
			continue;
		s->query[o++] = '"';
		for (k = 0; k < n; k++) {
			if (k + 1 < n && fold(w + k, &c) != 0) {
				s->query[o++] = c;
				k++;
				continue;
			}
			if (w[k] == '"')
				s->query[o++] = '"';
			s->query[o++] = w[k];
		}
		s->query[o++] = '"';
		s->query[o++] = ' ';
		s->words++;
	}
	if (s->words == 0)
		return s->kind = SEARCH_NONE;
	s->query[o - 1] = '\0';		/* the last space */
	return s->kind = SEARCH_WORDS;
}

/*
 * search_rebuild: both full-text indexes made again from what they
 * index (FTS5's 'rebuild', 016's views), in one transaction
 * (supportalctl search-rebuild).  0 or -1.
 */
int
search_rebuild(void)
{
	int	 rc = 0;

	if (db_begin_write() != 0)
		return -1;
	if (db_exec(STMT_SEARCH_REBUILD_REQUESTS, P_END) != DB_OK ||
	    db_exec(STMT_SEARCH_REBUILD_MESSAGES, P_END) != DB_OK)
		rc = -1;
	return db_end(rc);
}
