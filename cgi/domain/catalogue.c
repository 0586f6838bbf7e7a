/*
 * catalogue.c: the product catalogue and the knowledge base (R10.1,
 * R4.1): their import from a plain text file, and the list of products
 * with the portal that supports each.
 *
 * The import format, one record a line, fields separated by '|'
 * (surrounding blanks ignored); '#' starts a comment line:
 *
 *   portal   CODE | NAME | URL                 (URL empty for this portal)
 *   product  CODE | NAME | onprem|cloud|hybrid | PORTAL-CODE
 *   version  CODE | NAME | RELEASED | MAINSTREAM-END | EXTENDED-END [| latest]
 *   category CODE | NAME IN ENGLISH | NAME IN POLISH
 *   problem  CODE | NAME IN ENGLISH | NAME IN POLISH
 *   article  CODE | en|pl | TITLE | BODY
 *   region   COUNTRY | CURRENCY | PRICE-ONE | PRICE-FIVE
 *   hours    AMER|APAC|EMEA | OPEN | CLOSE      (whole hours, 0-24)
 *   holiday  AMER|APAC|EMEA | YYYY-MM-DD | NAME
 *
 * A region sells pay per incident (R6.2): COUNTRY is an ISO 3166-1 code
 * in capitals, or "*" for every country without a line of its own;
 * CURRENCY an ISO 4217 code; the prices of one incident and of a 5-pack
 * are integer minor units (cents), PRICE-FIVE "-" where the 5-pack is
 * not sold.  hours and holiday give a support region's working time
 * (R11.3): its business hours in each request's own zone (9 to 17 when
 * not given) and the days nobody counts.  These lines may stand
 * anywhere.
 *
 * Dates are YYYY-MM-DD; an end date may be "-" (none, as for a cloud
 * service).  version, category and article belong to the product above
 * them, problem to the category above it.  Records are matched by code,
 * so importing a file again updates it in place.  The whole file is one
 * transaction: an error anywhere changes nothing.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/catalogue.h"
#include "data/db.h"
#include "data/sql.h"
#include "domain/contract.h"
#include "lib/util.h"

#define FIELDS_MAX	8

/* split: cut line at '|' into at most FIELDS_MAX trimmed fields. */
static int
split(char *line, char *f[FIELDS_MAX])
{
	int	 n = 0;
	char	*p = line;

	while (n < FIELDS_MAX) {
		char	*bar = strchr(p, '|'), *e;

		if (bar != NULL)
			*bar = '\0';
		while (isspace((unsigned char)*p))
			p++;
		e = p + strlen(p);
		while (e > p && isspace((unsigned char)e[-1]))
			*--e = '\0';
		f[n++] = p;
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	return n;
}

static int
is_date(const char *s)
{
	int	 i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int
is_code(const char *s)
{
	size_t	 n = strlen(s);

	return n > 0 && n <= 64 && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "0123456789-._") == n;
}

static int64_t
lookup_id(enum stmt id, const char *code)
{
	struct db_cur	*st = db_query(id, P_TEXT(":code", code), P_END);
	int64_t		 v = 0;

	if (st != NULL && db_row(st) == 1)
		v = db_col_int(st, 0);
	db_done(st);
	return v;
}

/* article_store: upsert an article and its full-text entry.  0 or -1. */
static int
article_store(int64_t product, char *fl[FIELDS_MAX])
{
	struct db_cur	*st;
	int64_t		 id = 0;

	if ((st = db_query(STMT_ARTICLE_UPSERT, P_INT(":product_id", product),
	    P_TEXT(":code", fl[0]), P_TEXT(":lang", fl[1]),
	    P_TEXT(":title", fl[2]), P_TEXT(":body", fl[3]), P_END)) != NULL &&
	    db_row(st) == 1)
		id = db_col_int(st, 0);
	db_done(st);
	if (id == 0 ||
	    db_exec(STMT_ARTICLE_FTS_DELETE, P_INT(":rowid", id), P_END) !=
	    DB_OK ||
	    db_exec(STMT_ARTICLE_FTS_INSERT, P_INT(":rowid", id),
	    P_TEXT(":title", fl[2]), P_TEXT(":body", fl[3]), P_END) !=
	    DB_OK)
		return -1;
	return 0;
}

/* price: a positive integer of minor units, or 0. */
static int64_t
price(const char *s)
{
	size_t	 n = strlen(s);

	if (n == 0 || n > 12 || strspn(s, "0123456789") != n)
		return 0;
	return strtoll(s, NULL, 10);
}

/* region_line: store a region record (R6.2); NULL or why not. */
static const char *
region_line(int n, char *fl[FIELDS_MAX])
{
	const char	*usage = "region COUNTRY|* | CURRENCY | PRICE-ONE |"
	    " PRICE-FIVE|- (prices in minor units)";
	int64_t		 one, five = 0;

	if (n != 4 || (strcmp(fl[0], "*") != 0 && (strlen(fl[0]) != 2 ||
	    strspn(fl[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 2)) ||
	    strlen(fl[1]) != 3 ||
	    strspn(fl[1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3 ||
	    (one = price(fl[2])) == 0 ||
	    (strcmp(fl[3], "-") != 0 && (five = price(fl[3])) == 0))
		return usage;
	if (db_exec(STMT_REGION_UPSERT, P_TEXT(":country", fl[0]),
	    P_TEXT(":currency", fl[1]), P_INT(":price_one", one),
	    P_REF(":price_five", five), P_END) != DB_OK)
		return "cannot store the region";
	return NULL;
}

/* working_time_line: an hours or holiday record (R11.3), or why not. */
static const char *
working_time_line(const char *kw, int n, char *fl[FIELDS_MAX])
{
	int	 region = n > 0 && (strcmp(fl[0], "AMER") == 0 ||
	    strcmp(fl[0], "APAC") == 0 || strcmp(fl[0], "EMEA") == 0);

	if (strcmp(kw, "hours") == 0) {
		char	*e1, *e2;
		long	 open = n == 3 ? strtol(fl[1], &e1, 10) : -1;
		long	 close = n == 3 ? strtol(fl[2], &e2, 10) : -1;

		if (!region || n != 3 || *fl[1] == '\0' || *e1 != '\0' ||
		    *fl[2] == '\0' || *e2 != '\0' || open < 0 ||
		    close > 24 || close <= open)
			return "hours AMER|APAC|EMEA | OPEN | CLOSE (0-24)";
		return db_exec(STMT_HOURS_UPSERT, P_TEXT(":region", fl[0]),
		    P_INT(":open", (int)open), P_INT(":close", (int)close),
		    P_END) == DB_OK ? NULL : "cannot store the hours";
	}
	if (!region || n != 3 || !is_date(fl[1]))
		return "holiday AMER|APAC|EMEA | YYYY-MM-DD | NAME";
	return db_exec(STMT_HOLIDAY_UPSERT, P_TEXT(":region", fl[0]),
	    P_TEXT(":day", fl[1]), P_TEXT(":name", fl[2]), P_END) == DB_OK ?
	    NULL : "cannot store the holiday (a bad date?)";
}

/*
 * catalogue_import: read the records of f (named name in messages) into
 * the database.  Returns 0, or -1 with "name:line: why" in err.
 */
int
catalogue_import(FILE *f, const char *name, char *err, size_t esz)
{
	char		 line[8192], *fl[FIELDS_MAX], *kw, *rest;
	int64_t		 product = 0, category = 0;
	int		 lineno = 0, n, sort = 0;
	const char	*why = NULL;

	if (db_begin_write() != 0) {
		snprintf(err, esz, "%s: database busy", name);
		return -1;
	}
	while (why == NULL && fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		sort++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			why = "line too long";
			break;
		}
		line[strcspn(line, "\r\n")] = '\0';
		kw = line + strspn(line, " \t");
		if (*kw == '\0' || *kw == '#')
			continue;
		rest = kw + strcspn(kw, " \t");
		if (*rest != '\0')
			*rest++ = '\0';
		n = split(rest, fl);
		if (!utf8_valid(rest, strlen(rest)))
			why = "not UTF-8";
		else if (strcmp(kw, "region") == 0)
			why = region_line(n, fl);
		else if (strcmp(kw, "hours") == 0 || strcmp(kw, "holiday") == 0)
			why = working_time_line(kw, n, fl);
		else if (!is_code(fl[0]))
			why = "the code must be lower-case letters, digits, -._";
		else if (strcmp(kw, "portal") == 0) {
			if (n != 3 || (fl[2][0] != '\0' &&
			    strncmp(fl[2], "https://", 8) != 0))
				why = "portal CODE | NAME | https://URL";
			else if (db_exec(STMT_PORTAL_UPSERT,
			    P_TEXT(":code", fl[0]), P_TEXT(":name", fl[1]),
			    P_TEXT(":url", fl[2]), P_INT(":sort", sort),
			    P_END) != DB_OK)
				why = "cannot store the portal";
		} else if (strcmp(kw, "product") == 0) {
			int64_t	 portal;

			if (n != 4 || pkind_parse(fl[2]) < 0)
				why = "product CODE | NAME | onprem|cloud|hybrid"
				    " | PORTAL";
			else if ((portal = lookup_id(STMT_PORTAL_ID,
			    fl[3])) == 0)
				why = "unknown portal (list it first)";
			else if (db_exec(STMT_PRODUCT_UPSERT,
			    P_TEXT(":code", fl[0]), P_TEXT(":name", fl[1]),
			    P_TEXT(":kind", fl[2]), P_INT(":portal_id", portal),
			    P_INT(":sort", sort), P_END) != DB_OK ||
			    (product = lookup_id(STMT_PRODUCT_ID, fl[0])) == 0 ||
			    db_exec(STMT_VERSION_LATEST_CLEAR,
			    P_INT(":product_id", product), P_END) != DB_OK)
				why = "cannot store the product";
			category = 0;
		} else if (product == 0)
			why = "a product line must come first";
		else if (strcmp(kw, "version") == 0) {
			const char	*me = n > 3 ? fl[3] : "";
			const char	*ee = n > 4 ? fl[4] : "";
			int		 latest = n == 6 &&
			    strcmp(fl[5], "latest") == 0;

			if (strcmp(me, "-") == 0)
				me = "";
			if (strcmp(ee, "-") == 0)
				ee = "";
			if ((n != 5 && !latest) || !is_date(fl[2]) ||
			    (*me && !is_date(me)) || (*ee && !is_date(ee)))
				why = "version CODE | NAME | RELEASED |"
				    " MAINSTREAM-END | EXTENDED-END [| latest]";
			else if (db_exec(STMT_VERSION_UPSERT,
			    P_INT(":product_id", product),
			    P_TEXT(":code", fl[0]), P_TEXT(":name", fl[1]),
			    P_TEXT(":released", fl[2]),
			    P_TEXT(":mainstream_end", me),
			    P_TEXT(":extended_end", ee),
			    P_INT(":latest", latest), P_INT(":sort", sort),
			    P_END) != DB_OK)
				why = "cannot store the version (a bad date?)";
		} else if (strcmp(kw, "category") == 0) {
			struct db_cur	*st = NULL;

			if (n != 3)
				why = "category CODE | ENGLISH | POLISH";
			else if ((st = db_query(STMT_CATEGORY_UPSERT,
			    P_INT(":product_id", product),
			    P_TEXT(":code", fl[0]), P_TEXT(":name_en", fl[1]),
			    P_TEXT(":name_pl", fl[2]), P_INT(":sort", sort),
			    P_END)) == NULL ||
			    db_row(st) != 1)
				why = "cannot store the category";
			else
				category = db_col_int(st, 0);
			db_done(st);
		} else if (strcmp(kw, "problem") == 0) {
			if (n != 3 || category == 0)
				why = "problem CODE | ENGLISH | POLISH, after"
				    " a category";
			else if (db_exec(STMT_PROBLEM_UPSERT,
			    P_INT(":category_id", category),
			    P_TEXT(":code", fl[0]), P_TEXT(":name_en", fl[1]),
			    P_TEXT(":name_pl", fl[2]), P_INT(":sort", sort),
			    P_END) != DB_OK)
				why = "cannot store the problem";
		} else if (strcmp(kw, "article") == 0) {
			if (n != 4 || !lang_valid(fl[1]) || !*fl[2] || !*fl[3])
				why = "article CODE | en|pl | TITLE | BODY";
			else if (article_store(product, fl) != 0)
				why = "cannot store the article";
		} else
			why = "unknown record (portal, product, version,"
			    " category, problem, article, region, hours,"
			    " holiday)";
	}
	if (why != NULL) {
		snprintf(err, esz, "%s:%d: %s", name, lineno, why);
		db_rollback();
		return -1;
	}
	if (db_commit() != 0) {
		snprintf(err, esz, "%s: cannot commit", name);
		return -1;
	}
	return 0;
}

/*
 * catalogue_start: call fn for every product with its portal, in the
 * catalogue's order (R4.1).  Returns 0 or -1.
 */
int
catalogue_start(int (*fn)(void *, const struct start_row *), void *arg)
{
	struct db_cur		*st = db_query(STMT_START_PRODUCTS, P_END);
	struct start_row	 r;
	int			 rc;

	if (st == NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		r.portal = db_col_text(st, START_PORTAL_CODE);
		r.portal_name = db_col_text(st, START_PORTAL_NAME);
		r.url = db_col_text(st, START_PORTAL_URL);
		r.product = db_col_text(st, START_PRODUCT_NAME);
		r.kind = db_col_text(st, START_PRODUCT_KIND);
		if (fn(arg, &r) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* catalogue_products: the products supported here (R4.1, R5.1). */
int
catalogue_products(choice_fn fn, void *arg)
{
	return db_choices(db_query(STMT_PRODUCTS_HERE, P_END), fn, arg);
}

/* catalogue_versions: the versions of product, in catalogue order. */
int
catalogue_versions(int64_t product, choice_fn fn, void *arg)
{
	return db_choices(db_query(STMT_VERSIONS_OF,
	    P_INT(":product_id", product), P_END), fn, arg);
}

/* catalogue_categories: the categories of product, named in lang. */
int
catalogue_categories(int64_t product, const char *lang, choice_fn fn,
    void *arg)
{
	return db_choices(db_query(STMT_CATEGORIES_OF,
	    P_INT(":product_id", product), P_TEXT(":lang", lang), P_END), fn,
	    arg);
}

/* catalogue_problems: the problems of category, named in lang. */
int
catalogue_problems(int64_t category, const char *lang, choice_fn fn,
    void *arg)
{
	return db_choices(db_query(STMT_PROBLEMS_OF,
	    P_INT(":category_id", category), P_TEXT(":lang", lang), P_END), fn,
	    arg);
}

/*
 * catalogue_names: the names of a product and of the version, category
 * and problem ids, each only when it belongs to the one before it (so a
 * forged id is caught).  1 when the product exists, 0 if not, -1.
 */
int
catalogue_names(int64_t product, int64_t version, int64_t category,
    int64_t problem, const char *lang, struct cat_names *n)
{
	struct db_cur	*st;
	int		 rc, pl = strcmp(lang, "pl") == 0;

	memset(n, 0, sizeof(*n));
	if ((st = db_query(STMT_CATALOGUE_CHECK, P_INT(":product_id", product),
	    P_INT(":version_id", version), P_INT(":category_id", category),
	    P_INT(":problem_id", problem), P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		db_col_copy(st, CHECK_PRODUCT, n->product, sizeof(n->product));
		db_col_copy(st, CHECK_KIND, n->kind, sizeof(n->kind));
		db_col_copy(st, CHECK_PORTAL, n->portal, sizeof(n->portal));
		n->version_ok = !db_col_null(st, CHECK_VERSION);
		db_col_copy(st, CHECK_VERSION, n->version, sizeof(n->version));
		n->category_ok = !db_col_null(st, CHECK_CATEGORY_EN);
		db_col_copy(st, pl ? CHECK_CATEGORY_PL : CHECK_CATEGORY_EN,
		    n->category, sizeof(n->category));
		n->problem_ok = !db_col_null(st, CHECK_PROBLEM_EN);
		db_col_copy(st, pl ? CHECK_PROBLEM_PL : CHECK_PROBLEM_EN,
		    n->problem, sizeof(n->problem));
	}
	db_done(st);
	return rc;
}

/*
 * catalogue_ids: the ids of a product, its version, category and problem
 * named by their codes (code[0..3]) into id[0..3].  1, 0 when there is
 * no such product, version, category or problem, -1.
 */
int
catalogue_ids(const char *const code[4], int64_t id[4])
{
	struct db_cur	*st;
	int		 rc;

	if ((st = db_query(STMT_CATALOGUE_BY_CODES, P_TEXT(":product", code[0]),
	    P_TEXT(":version", code[1]), P_TEXT(":category", code[2]),
	    P_TEXT(":problem", code[3]), P_END)) == NULL)
		return -1;
	if ((rc = db_row(st)) == 1) {
		id[0] = db_col_int(st, CODES_PRODUCT);
		id[1] = db_col_int(st, CODES_VERSION);
		id[2] = db_col_int(st, CODES_CATEGORY);
		id[3] = db_col_int(st, CODES_PROBLEM);
	}
	db_done(st);
	return rc;
}

/*
 * kb_query: an FTS5 query from free text: up to 12 words of at least
 * three letters or digits, each quoted as a prefix, joined with OR.
 * Returns the length written (0 when no word qualifies).
 */
static size_t
kb_query(char *out, size_t sz, const char *text)
{
	size_t	 o = 0;
	int	 words = 0;

	out[0] = '\0';
	while (*text != '\0' && words < 12) {
		const char	*w;
		size_t		 n;

		while (*text != '\0' && !isalnum((unsigned char)*text) &&
		    (unsigned char)*text < 0x80)
			text++;
		w = text;
		while (isalnum((unsigned char)*text) ||
		    (unsigned char)*text >= 0x80)
			text++;
		n = (size_t)(text - w);
		if (n < 3 || n > 40)
			continue;
		if (o + n + 10 >= sz)
			break;
		o += (size_t)snprintf(out + o, sz - o, "%s\"%.*s\"*",
		    words ? " OR " : "", (int)n, w);
		words++;
	}
	return o;
}

/*
 * catalogue_kb_search: the self-help articles in lang that match the
 * words of text, for product (0: any), best first, at most five (R5.1).
 */
int
catalogue_kb_search(const char *text, const char *lang, int64_t product,
    int (*fn)(void *, const struct kb_row *), void *arg)
{
	char		 q[1024];
	struct db_cur	*st;
	struct kb_row	 k;
	int		 rc;

	if (kb_query(q, sizeof(q), text) == 0)
		return 0;
	if ((st = db_query(STMT_KB_SEARCH, P_TEXT(":query", q),
	    P_TEXT(":lang", lang), P_INT(":product_id", product), P_END)) ==
	    NULL)
		return -1;
	while ((rc = db_row(st)) == 1) {
		k.id = db_col_int(st, KB_HIT_ID);
		k.title = db_col_text(st, KB_HIT_TITLE);
		k.snippet = db_col_text(st, KB_HIT_SNIPPET);
		if (fn(arg, &k) != 0) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/*
 * catalogue_article: fn(title, body, product) of article id (R5.2).
 * 1, 0 when there is none, -1.
 */
int
catalogue_article(int64_t id, int (*fn)(void *, const char *, const char *,
    const char *), void *arg)
{
	struct db_cur	*st = db_query(STMT_KB_ARTICLE, P_INT(":id", id),
	    P_END);
	int		 rc;

	if (st == NULL)
		return -1;
	if ((rc = db_row(st)) == 1 && fn(arg, db_col_text(st, KB_ARTICLE_TITLE),
	    db_col_text(st, KB_ARTICLE_BODY),
	    db_col_text(st, KB_ARTICLE_PRODUCT)) != 0)
		rc = -1;
	db_done(st);
	return rc;
}
