/*
 * tpl.c: templates, parsed once per worker and rendered many times.
 *
 * A template is parsed on first use against a small tree of its own
 * that holds only what parsing reads: the escaping of every var: (html
 * for pages, F.24; none for the plain-text mails) and the directory its
 * includes come from.  Each rendering then points the parse at the
 * request's own tree, with the language's read-only tree (Lang.*,
 * Countries, Zones: i18n_globals) behind it for what the request's tree
 * lacks, and points it back afterwards.  Nothing of one request's data
 * stays in the cache: the parse holds the template's text and tree only.
 * A template that fails to render is dropped and parsed again next time.
 * Workers read templates once: restart them after changing one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/tpl.h"
#include "lib/config.h"
#include "lib/util.h"
#include "text/i18n.h"

#define TPL_MAX	64

static struct tpl {
	char	 name[64];	/* "signin.cs", "mail/status.cs" */
	int	 text;		/* 1: escaping none (mail) */
	HDF	*own;		/* what parsing reads */
	CSPARSE	*cs;
} cache[TPL_MAX];
static size_t	 ncache;

static void
tpl_drop(struct tpl *t)
{
	cs_destroy(&t->cs);
	hdf_destroy(&t->own);
	*t = cache[--ncache];
	memset(&cache[ncache], 0, sizeof(cache[ncache]));
}

/* tpl_get: the parsed template, from the cache or parsed now. */
static NEOERR *
tpl_get(const char *name, int text, struct tpl **out)
{
	struct tpl	*t;
	NEOERR		*err;
	char		 dir[700], path[800];
	const char	*slash;
	size_t		 i;

	for (i = 0; i < ncache; i++)
		if (cache[i].text == text && strcmp(cache[i].name, name) == 0) {
			*out = &cache[i];
			return STATUS_OK;
		}
	if (strlen(name) >= sizeof(t->name))
		return nerr_raise(NERR_ASSERT, "template name %s", name);
	if (ncache == TPL_MAX)		/* a fixed set of files: never */
		tpl_drop(&cache[0]);
	t = &cache[ncache++];
	strlcpy_(t->name, name, sizeof(t->name));
	t->text = text;
	/* includes are looked up beside the template (mail/ or templates/) */
	slash = strrchr(name, '/');
	snprintf(dir, sizeof(dir), "%s/templates%s%.*s", cfg.root,
	    slash ? "/" : "", slash ? (int)(slash - name) : 0, name);
	snprintf(path, sizeof(path), "%s/templates/%s", cfg.root, name);
	if ((err = hdf_init(&t->own)) == STATUS_OK &&
	    (err = hdf_set_value(t->own, "Config.VarEscapeMode",
	    text ? "none" : "html")) == STATUS_OK &&
	    (err = hdf_set_value(t->own, "hdf.loadpaths.0", dir)) ==
	    STATUS_OK &&
	    (err = cs_init(&t->cs, t->own)) == STATUS_OK &&
	    (err = cgi_register_strfuncs(t->cs)) == STATUS_OK)
		err = cs_parse_file(t->cs, path);
	if (err != STATUS_OK) {
		tpl_drop(t);
		return nerr_pass(err);
	}
	*out = t;
	return STATUS_OK;
}

static NEOERR *
out_cb(void *ctx, char *s)
{
	buf_puts(ctx, s);
	return STATUS_OK;
}

/*
 * tpl_render: append template name (relative to templates/), rendered
 * with data over the language's tree, to out.  text selects the
 * plain-text escaping of mails.  0, or -1 with the reason logged.
 */
int
tpl_render(const char *name, int text, HDF *data, const char *lang,
    struct buf *out)
{
	struct tpl	*t;
	NEOERR		*err;

	if ((err = tpl_get(name, text, &t)) == STATUS_OK) {
		t->cs->hdf = data;
		t->cs->global_hdf = i18n_globals(lang);
		err = cs_render(t->cs, out, out_cb);
		t->cs->hdf = t->own;
		t->cs->global_hdf = NULL;
		if (err != STATUS_OK)
			tpl_drop(t);
	}
	if (err != STATUS_OK) {
		STRING	 s;

		string_init(&s);
		nerr_error_string(err, &s);
		log_line(NULL, "template %s: %s", name, s.buf ? s.buf : "?");
		string_clear(&s);
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

/* tpl_free: forget every parsed template (at exit, for leak checks). */
void
tpl_free(void)
{
	while (ncache > 0)
		tpl_drop(&cache[0]);
}
