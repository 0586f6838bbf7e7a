/*
 * catalogue.h: products, versions, categories, problems, portals and
 * articles (R4, R5.2), and their import.
 */
#ifndef DOMAIN_CATALOGUE_H
#define DOMAIN_CATALOGUE_H

#include <stdint.h>
#include <stdio.h>

int	 catalogue_import(FILE *, const char *, char *, size_t);

struct start_row {			/* R4.1: a product and its portal */
	const char	*portal;	/* code: here, office, azure, ... */
	const char	*portal_name;
	const char	*url;
	const char	*product;
	const char	*kind;		/* onprem, cloud, hybrid */
};

int	 catalogue_start(int (*)(void *, const struct start_row *), void *);

/* A list of choices (products, versions, categories, problems). */
typedef int	(*choice_fn)(void *, int64_t, const char *);

int	 catalogue_products(choice_fn, void *);
int	 catalogue_versions(int64_t, choice_fn, void *);
int	 catalogue_categories(int64_t, const char *, choice_fn, void *);
int	 catalogue_problems(int64_t, const char *, choice_fn, void *);

struct cat_names {			/* what a draft's ids name */
	char	 product[101];
	char	 kind[8];		/* onprem, cloud, hybrid */
	char	 portal[32];
	char	 version[101];
	char	 category[201];
	char	 problem[201];
	int	 version_ok;		/* each belongs to the one before */
	int	 category_ok;
	int	 problem_ok;
};

int	 catalogue_ids(const char *const [4], int64_t [4]);
int	 catalogue_names(int64_t, int64_t, int64_t, int64_t, const char *,
	    struct cat_names *);

struct kb_row {
	int64_t		 id;
	const char	*title;
	const char	*snippet;
};

int	 catalogue_kb_search(const char *, const char *, int64_t,
	    int (*)(void *, const struct kb_row *), void *);
int	 catalogue_article(int64_t, int (*)(void *, const char *, const char *,
	    const char *), void *);

#endif /* DOMAIN_CATALOGUE_H */
