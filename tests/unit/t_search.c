/*
 * t_search: a search box read (R15.3): numbers, addresses, words made
 * FTS5 strings with ł folded; and whatever is typed, the query made of
 * it is one FTS5 accepts (G.30).
 */
#include "unit.h"
#include "domain/search.h"

/* kind: search_parse of text, for engineers (emails set) or not. */
static enum search_kind
kind(const char *text, int emails, struct search *s)
{
	return search_parse(s, text, emails);
}

TEST(numbers)
{
	struct search	 s;

	CHECK(kind("#123", 1, &s) == SEARCH_NUMBER && s.number == 123);
	CHECK(kind("  42 ", 0, &s) == SEARCH_NUMBER && s.number == 42);
	CHECK(kind("#0", 0, &s) == SEARCH_NUMBER && s.number == 0);
	CHECK(kind("999999999999999999", 0, &s) == SEARCH_NUMBER);
	/* too long for a number, a word then */
	CHECK(kind("9999999999999999999", 0, &s) == SEARCH_WORDS);
	CHECK(kind("##1", 0, &s) == SEARCH_WORDS);
	CHECK(kind("#", 0, &s) == SEARCH_NONE);
	CHECK(kind("-1", 0, &s) == SEARCH_WORDS &&
	    strcmp(s.query, "\"-1\"") == 0);
	CHECK(kind("12 34", 0, &s) == SEARCH_WORDS &&
	    strcmp(s.query, "\"12\" \"34\"") == 0);
}

TEST(emails)
{
	struct search	 s;

	CHECK(kind(" Ewa@Example.COM ", 1, &s) == SEARCH_EMAIL &&
	    strcmp(s.email, "ewa@example.com") == 0);
	/* a customer's search has no addresses: the words of it */
	CHECK(kind("ewa@example.com", 0, &s) == SEARCH_WORDS &&
	    strcmp(s.query, "\"ewa@example.com\"") == 0);
	CHECK(kind("from ewa@example.com", 1, &s) == SEARCH_WORDS);
}

TEST(words)
{
	struct search	 s;

	CHECK(kind("Zgłoszenie ŁĄCZENIE", 0, &s) == SEARCH_WORDS &&
	    s.words == 2 &&
	    strcmp(s.query, "\"Zgloszenie\" \"LĄCZENIE\"") == 0);
	CHECK(kind("a\"b", 0, &s) == SEARCH_WORDS &&
	    strcmp(s.query, "\"a\"\"b\"") == 0);
	CHECK(kind("NEAR( x", 0, &s) == SEARCH_WORDS &&
	    strcmp(s.query, "\"NEAR(\" \"x\"") == 0);
	CHECK(kind("title:x -y AND z*", 0, &s) == SEARCH_WORDS &&
	    strcmp(s.query, "\"title:x\" \"-y\" \"AND\" \"z*\"") == 0);
	/* no letter nor digit: nothing of it is looked for */
	CHECK(kind("* - : \" ( )", 0, &s) == SEARCH_NONE);
	CHECK(kind("  \t ", 0, &s) == SEARCH_NONE);
	CHECK(kind(NULL, 0, &s) == SEARCH_NONE);
	CHECK(kind("żółw", 0, &s) == SEARCH_WORDS &&
	    strcmp(s.query, "\"żólw\"") == 0);
	/* a lone lead byte is left as it is, not read past */
	CHECK(kind("a\xc5", 0, &s) == SEARCH_WORDS &&
	    strcmp(s.query, "\"a\xc5\"") == 0);
}

TEST(limits)
{
	struct search	 s;
	char		 text[SEARCH_TEXT_MAX + 2];

	memset(text, '"', SEARCH_TEXT_MAX);
	text[0] = 'a';
	text[SEARCH_TEXT_MAX] = '\0';
	CHECK(kind(text, 0, &s) == SEARCH_WORDS &&
	    strlen(s.query) == 2 * SEARCH_TEXT_MAX + 1);
	text[SEARCH_TEXT_MAX] = 'x';
	text[SEARCH_TEXT_MAX + 1] = '\0';
	CHECK(kind(text, 0, &s) == SEARCH_NONE);
	CHECK(kind("a b c d e f g h i j k l m n o p q r s t", 0, &s) ==
	    SEARCH_WORDS && s.words == SEARCH_WORDS_MAX);
}

/*
 * Whatever is typed, FTS5 takes the query: 20,000 strings of the
 * characters of its syntax, words, bytes of UTF-8 and stray ones, each
 * run against the index of a fresh database.
 */
TEST(fts5_takes_anything)
{
	static const char *const bits[] = { "\"", "*", "-", "+", ":", "(",
	    ")", "^", "{", "}", ",", "NEAR", "NEAR(", "AND", "OR", "NOT",
	    "title", "body", " ", "\t", "a", "zgłoszenie", "Ł", "\xc5",
	    "\x82", "\xff", "'", ";", "\\", "%", "_", "1", "#", "@", "." };
	struct search	 s;
	sqlite3_stmt	*st;
	const char	*w;
	char		 text[SEARCH_TEXT_MAX + 1];
	int		 i, k, bad = 0, ran = 0;
	size_t		 n, b;

	unit_db();
	if (sqlite3_prepare_v2(db_handle(), "SELECT count(*) FROM"
	    " requests_fts WHERE requests_fts MATCH ?1", -1, &st, NULL) !=
	    SQLITE_OK) {
		CHECK(0);
		return;
	}
	srand(20);
	for (i = 0; i < 20000; i++) {
		for (n = 0, k = rand() % 12; k >= 0; k--) {
			w = bits[rand() % (sizeof(bits) / sizeof(bits[0]))];
			if (n + (b = strlen(w)) >= sizeof(text))
				break;
			memcpy(text + n, w, b);
			n += b;
		}
		text[n] = '\0';
		if (search_parse(&s, text, 1) != SEARCH_WORDS)
			continue;
		ran++;
		sqlite3_bind_text(st, 1, s.query, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW) {
			if (bad++ < 5)
				printf("  fts5 refused [%s]: %s\n", s.query,
				    sqlite3_errmsg(db_handle()));
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	CHECK(ran > 1000);
	CHECK(bad == 0);
	db_close();
}

int
main(void)
{
	RUN(numbers);
	RUN(emails);
	RUN(words);
	RUN(limits);
	RUN(fts5_takes_anything);
	DONE();
}
