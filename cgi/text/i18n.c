/*
 * i18n.c: the two languages of the interface and the mails (R12.1), the
 * country list (ISO 3166-1, from lang/countries.*.hdf) and the time
 * zones the system knows (R2.3, R12.3).  Everything is read once per
 * process and then only read.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/i18n.h"
#include "lib/config.h"
#include "lib/util.h"

static HDF	*strings[LANG_N];	/* lang/<l>.hdf */
static HDF	*countries[LANG_N];	/* lang/countries.<l>.hdf */
static HDF	*globals[LANG_N];	/* what every template may read: Lang.*,
					   Countries.N.Code/.Name, Zones.N */
static char	**zones;		/* sorted IANA names */
static size_t	  nzones;

static int
read_hdf(HDF **h, const char *path)
{
	NEOERR	*err;

	if ((err = hdf_init(h)) == STATUS_OK)
		err = hdf_read_file(*h, path);
	if (err != STATUS_OK) {
		STRING	 s;

		string_init(&s);
		nerr_error_string(err, &s);
		fprintf(stderr, "supportal: %s: %s\n", path,
		    s.buf ? s.buf : "?");
		string_clear(&s);
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

/*
 * zones_load: the zone names of the system's zone1970.tab (the third
 * column), plus UTC, sorted.
 */
static int
zones_load(void)
{
	FILE	*f;
	char	 line[1024];
	size_t	 cap = 64;

	zones = xmalloc(cap * sizeof(*zones));
	zones[nzones++] = xstrdup("UTC");
	if ((f = fopen("/usr/share/zoneinfo/zone1970.tab", "r")) == NULL) {
		fprintf(stderr, "supportal: no zone1970.tab (tzdata)\n");
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char	*tab1, *tab2, *end;

		if (line[0] == '#' || (tab1 = strchr(line, '\t')) == NULL ||
		    (tab2 = strchr(tab1 + 1, '\t')) == NULL)
			continue;
		end = tab2 + 1 + strcspn(tab2 + 1, "\t\r\n");
		*end = '\0';
		if (nzones == cap) {
			cap *= 2;
			zones = xrealloc(zones, cap * sizeof(*zones));
		}
		zones[nzones++] = xstrdup(tab2 + 1);
	}
	fclose(f);
	qsort(zones, nzones, sizeof(*zones), strp_cmp);
	return 0;
}

/*
 * globals_build: the read-only tree templates see under the request's
 * own (tpl.c): Lang.* of language i; the countries as the list
 * Countries.N.Code/.Name that templates iterate (so that no template
 * prints an HDF node name); the zones as Zones.N.  Built once, so that
 * no request copies them.
 */
static int
globals_build(size_t i)
{
	HDF	*c, *out;
	size_t	 n = 0;
	char	 key[64];

	if (hdf_init(&globals[i]) != STATUS_OK)
		return -1;
	out = globals[i];
	if (hdf_copy(out, "Lang", strings[i]) != STATUS_OK)
		return -1;
	for (c = hdf_obj_child(hdf_get_obj(countries[i], "Countries"));
	    c != NULL; c = hdf_obj_next(c), n++) {
		snprintf(key, sizeof(key), "Countries.%zu.Code", n);
		if (hdf_set_value(out, key, hdf_obj_name(c)) != STATUS_OK)
			return -1;
		snprintf(key, sizeof(key), "Countries.%zu.Name", n);
		if (hdf_set_value(out, key, hdf_obj_value(c)) != STATUS_OK)
			return -1;
	}
	if (n == 0)
		return -1;
	for (n = 0; n < nzones; n++) {
		snprintf(key, sizeof(key), "Zones.%zu", n);
		if (hdf_set_value(out, key, zones[n]) != STATUS_OK)
			return -1;
	}
	return 0;
}

/* i18n_load: read every language, country and zone file.  0 or -1. */
int
i18n_load(void)
{
	char	 path[1024];
	size_t	 i;

	for (i = 0; i < LANG_N; i++) {
		snprintf(path, sizeof(path), "%s/lang/%s.hdf", cfg.root,
		    languages[i]);
		if (read_hdf(&strings[i], path) != 0)
			return -1;
		snprintf(path, sizeof(path), "%s/lang/countries.%s.hdf",
		    cfg.root, languages[i]);
		if (read_hdf(&countries[i], path) != 0)
			return -1;
	}
	if (zones_load() != 0)
		return -1;
	for (i = 0; i < LANG_N; i++)
		if (globals_build(i) != 0)
			return -1;
	return 0;
}

void
i18n_free(void)
{
	size_t	 i;

	for (i = 0; i < LANG_N; i++) {
		hdf_destroy(&strings[i]);
		hdf_destroy(&countries[i]);
		hdf_destroy(&globals[i]);
	}
	for (i = 0; i < nzones; i++)
		free(zones[i]);
	free(zones);
	zones = NULL;
	nzones = 0;
}

/* i18n_tree: the strings of language l (English when unknown). */
HDF *
i18n_tree(const char *l)
{
	int	 i = lang_index(l);

	return strings[i < 0 ? 0 : i];
}

/*
 * i18n_get: the string key (e.g. "Err.Required") in language l; the
 * English one when l lacks it; the key itself as a last resort, which
 * the language-parity lint keeps from happening.
 */
const char *
i18n_get(const char *l, const char *key)
{
	const char	*v = hdf_get_value(i18n_tree(l), key, NULL);

	if (v == NULL)
		v = hdf_get_value(strings[0], key, key);
	return v;
}

/* i18n_globals: the tree of language l that templates read (tpl.c). */
HDF *
i18n_globals(const char *l)
{
	int	 i = lang_index(l);

	return globals[i < 0 ? 0 : i];
}

/* i18n_country: the name of country code c in language l, or NULL. */
const char *
i18n_country(const char *l, const char *c)
{
	int	 i = lang_index(l);

	return hdf_get_value(hdf_get_obj(countries[i < 0 ? 0 : i],
	    "Countries"), c, NULL);
}

/* country_valid: 1 if c is an ISO 3166-1 alpha-2 code we list. */
int
country_valid(const char *c)
{
	if (strlen(c) != 2 || !isupper((unsigned char)c[0]) ||
	    !isupper((unsigned char)c[1]))
		return 0;
	return hdf_get_obj(hdf_get_obj(countries[0], "Countries"), c) != NULL;
}

/* tz_valid: 1 if z names a zone of the system's list. */
int
tz_valid(const char *z)
{
	return bsearch(&z, zones, nzones, sizeof(*zones), strp_cmp) != NULL;
}

size_t
tz_count(void)
{
	return nzones;
}

const char *
tz_at(size_t i)
{
	return i < nzones ? zones[i] : NULL;
}

/*
 * i18n_pick: the language an Accept-Language header asks for first
 * among ours ("en" when it names neither), honouring q-values.
 */
const char *
i18n_pick(const char *accept)
{
	const char	*best = "en", *p = accept;
	double		 bestq = -1;

	while (p != NULL && *p != '\0') {
		char		 tag[16];
		size_t		 n = 0;
		double		 q = 1.0;
		const char	*semi, *end;

		while (*p == ' ' || *p == ',')
			p++;
		end = p + strcspn(p, ",");
		while (p < end && *p != ';' && *p != ' ' && n < sizeof(tag) - 1)
			tag[n++] = (char)tolower((unsigned char)*p++);
		tag[n] = '\0';
		if ((semi = memchr(p, ';', (size_t)(end - p))) != NULL) {
			const char	*qs = strstr(semi, "q=");

			if (qs != NULL && qs < end)
				q = strtod(qs + 2, NULL);
		}
		if (strlen(tag) >= 2 && q > bestq && q > 0) {
			char	 two[3] = { tag[0], tag[1], '\0' };

			if ((tag[2] == '\0' || tag[2] == '-') &&
			    lang_index(two) >= 0) {
				best = languages[lang_index(two)];
				bestq = q;
			}
		}
		p = end;
	}
	return best;
}
