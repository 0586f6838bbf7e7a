/*
 * fuzz_template: every template rendered with hostile values
 * (SECURITY.md L.52.4, F.24).  At start the target reads the templates
 * and gathers every data path they name (Page.Title, and row.Name of
 * "each:row = Page.Rows" as Page.Rows.0.Name and Page.Rows.1.Name); each
 * input is cut at NUL bytes into values that go, in turn, to all those
 * paths, each value marked "ZQ" ... "QZ".  Every page template is then
 * rendered with the language trees behind, as the worker renders, and
 * between a mark and its end no raw < > " or ' may appear: a value can
 * never open a tag or leave an attribute.  The mail templates are
 * rendered as plain text, for the sanitizers only.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/config.h"
#include "lib/util.h"
#include "text/i18n.h"
#include "text/tpl.h"

#define NTPL	64
#define NPATH	4096
#define NALIAS	128

static char	*pages[NTPL], *mails[NTPL];
static int	 npages, nmails;
static char	*paths[NPATH];
static int	 npaths;
static struct alias {
	char	 name[64];
	char	 target[192];
} aliases[NALIAS];
static int	 naliases;

static void
path_add(const char *p)
{
	int	 i;

	if (strncmp(p, "Lang.", 5) == 0 || strncmp(p, "Countries", 9) == 0 ||
	    strncmp(p, "Zones", 5) == 0 || npaths == NPATH)
		return;
	for (i = 0; i < npaths; i++)
		if (strcmp(paths[i], p) == 0)
			return;
	paths[npaths++] = xstrdup(p);
}

/* one name of a <?cs ?> block: an absolute path, or one under an alias */
static void
name_seen(const char *name, int depth)
{
	const char	*dot = strchr(name, '.');
	size_t		 n = dot ? (size_t)(dot - name) : strlen(name);
	char		 p[256];
	int		 i, k;

	if (isupper((unsigned char)name[0])) {
		path_add(name);
		return;
	}
	if (depth > 3)
		return;
	for (i = 0; i < naliases; i++) {
		if (strlen(aliases[i].name) != n ||
		    strncmp(aliases[i].name, name, n) != 0)
			continue;
		for (k = 0; k < 2; k++) {
			snprintf(p, sizeof(p), "%s.%d%s", aliases[i].target,
			    k, dot ? dot : "");
			name_seen(p, depth + 1);
		}
	}
}

/* scan: the names of every <?cs ?> block of a template's text */
static void
scan(const char *s, int pass)
{
	const char	*b, *e, *p;
	char		 word[192], prev[192] = "", kw[16] = "";
	size_t		 n;
	int		 eq = 0;

	for (b = strstr(s, "<?cs"); b != NULL; b = strstr(e, "<?cs")) {
		if ((e = strstr(b, "?>")) == NULL)
			return;
		kw[0] = prev[0] = '\0';
		eq = 0;
		for (p = b + 4; p < e; ) {
			if (isalpha((unsigned char)*p) || *p == '_') {
				for (n = 0; p < e && n + 1 < sizeof(word) &&
				    (isalnum((unsigned char)*p) || *p == '_' ||
				    *p == '.'); p++)
					word[n++] = *p;
				word[n] = '\0';
				if (kw[0] == '\0' && *p == ':') {
					strlcpy_(kw, word, sizeof(kw));
					continue;
				}
				/* each:x = Path, with:x = Path, loop vars */
				if (eq && pass == 0 && naliases < NALIAS &&
				    (strcmp(kw, "each") == 0 ||
				    strcmp(kw, "with") == 0)) {
					strlcpy_(aliases[naliases].name, prev,
					    sizeof(aliases[0].name));
					strlcpy_(aliases[naliases].target, word,
					    sizeof(aliases[0].target));
					naliases++;
				}
				if (pass == 1)
					name_seen(word, 0);
				strlcpy_(prev, word, sizeof(prev));
			} else {
				if (*p == '=' && p[1] != '=')
					eq = 1;
				p++;
			}
		}
	}
}

static char *
slurp(const char *path)
{
	FILE	*f = fopen(path, "r");
	char	*s;
	long	 n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = xmalloc((size_t)n + 1);
	s[fread(s, 1, (size_t)n, f)] = '\0';
	fclose(f);
	return s;
}

static void
list(const char *sub, char **out, int *n)
{
	char		 dir[800], name[300];
	DIR		*d;
	struct dirent	*e;

	snprintf(dir, sizeof(dir), "%s/templates%s", cfg.root, sub);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL && *n < NTPL) {
		size_t	 l = strlen(e->d_name);

		if (l > 3 && strcmp(e->d_name + l - 3, ".cs") == 0) {
			snprintf(name, sizeof(name), "%s%s%s", sub + (*sub ==
			    '/'), *sub ? "/" : "", e->d_name);
			out[(*n)++] = xstrdup(name);
		}
	}
	closedir(d);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char	 path[900], *text[2 * NTPL];
	int	 i, pass, nt = 0;

	(void)argc;
	(void)argv;
	if (config_load() != 0 || i18n_load() != 0)
		exit(1);
	list("", pages, &npages);
	list("/mail", mails, &nmails);
	for (i = 0; i < npages + nmails; i++) {
		snprintf(path, sizeof(path), "%s/templates/%s", cfg.root,
		    i < npages ? pages[i] : mails[i - npages]);
		if ((text[nt] = slurp(path)) != NULL)
			nt++;
	}
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < nt; i++)
			scan(text[i], pass);
	for (i = 0; i < nt; i++)
		free(text[i]);
	if (npages == 0 || npaths < 100) {
		fprintf(stderr, "fuzz_template: %d templates, %d paths\n",
		    npages, npaths);
		exit(1);
	}
	return 0;
}

/* check: no raw < > " ' between a mark and its end */
static void
check(const struct buf *out, const char *tpl)
{
	const char	*s = out->p ? out->p : "", *end = s + out->len;
	const char	*from = s, *qz, *zq, *p;

	while ((qz = memmem(from, (size_t)(end - from), "QZ", 2)) != NULL) {
		zq = NULL;
		for (p = from; (p = memmem(p, (size_t)(qz - p), "ZQ", 2)) !=
		    NULL; p += 2)
			zq = p;
		if (zq != NULL)
			for (p = zq; p < qz; p++)
				if (*p == '<' || *p == '>' || *p == '"' ||
				    *p == '\'') {
					fprintf(stderr, "fuzz_template: %s "
					    "prints a value raw: %.*s\n", tpl,
					    (int)(qz - zq + 2), zq);
					abort();
				}
		from = qz + 2;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *in, size_t len)
{
	struct buf	 vals[8] = { { 0 } }, out = { 0 };
	HDF		*h;
	size_t		 i;
	int		 nv = 0, k;

	/* the values, at most 8, each marked; a Z of the input is lowered so
	 * that the marks are only the target's */
	buf_puts(&vals[0], "ZQ");
	for (i = 0; i < len; i++) {
		if (in[i] == '\0' && nv < 7) {
			buf_puts(&vals[nv++], "QZ");
			buf_puts(&vals[nv], "ZQ");
		} else
			buf_add(&vals[nv], in[i] == 'Z' ? "z" : (const char *)
			    &in[i], 1);
	}
	buf_puts(&vals[nv++], "QZ");
	if (hdf_init(&h) != STATUS_OK)
		abort();
	for (k = 0; k < npaths; k++)
		hdf_set_value(h, paths[k], vals[k % nv].p);
	for (k = 0; k < npages; k++) {
		out.len = 0;
		if (tpl_render(pages[k], 0, h, k % 2 ? "pl" : "en", &out) == 0)
			check(&out, pages[k]);
	}
	for (k = 0; k < nmails; k++) {
		out.len = 0;
		(void)tpl_render(mails[k], 1, h, "en", &out);
	}
	hdf_destroy(&h);
	buf_free(&out);
	for (k = 0; k < nv; k++)
		buf_free(&vals[k]);
	return 0;
}
