/*
 * view.c: the request's HDF tree and the data every page shows: the
 * strings of the user's language (Lang.*), who is signed in and the kind
 * of their account (User.*, R1.1), the form token (Csrf) and the path
 * for the language switch.  Application data goes under Page, User,
 * Form and Errors; Lang, Countries and Zones are read from the
 * language's own tree behind it (tpl.c), where every var: escapes
 * (F.24).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/view.h"
#include "domain/attach.h"
#include "lib/config.h"
#include "lib/util.h"
#include "text/i18n.h"
#include "web/reply.h"
#include "web/req.h"

/* view_hdf: r's HDF tree, created on first use. */
static HDF *
view_hdf(struct req *r)
{
	if (r->hdf == NULL && hdf_init(&r->hdf) != STATUS_OK)
		abort();
	return r->hdf;
}

static void
check(NEOERR *err)
{
	if (err != STATUS_OK) {
		nerr_ignore(&err);
		abort();	/* only out of memory gets here */
	}
}

/* view_set: name = value in r's HDF. */
void
view_set(struct req *r, const char *name, const char *value)
{
	check(hdf_set_value(view_hdf(r), name, value));
}

/* view_setf: value under a name built from a format. */
void
view_setf(struct req *r, const char *value, const char *fmt, ...)
{
	char	 name[256];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	view_set(r, name, value);
}

/*
 * view_row: the node Tree.N of r's HDF, created, for the values of one
 * row (view_put): a page of rows then walks to each row once, not once a
 * value.
 */
HDF *
view_row(struct req *r, const char *tree, int n)
{
	HDF		*h;
	char		 name[128], num[24];
	const char	*d = int_str(num, n);
	size_t		 t = strlen(tree), nd = strlen(d);

	if (t + 1 + nd >= sizeof(name))	/* the names are the code's own */
		abort();
	memcpy(name, tree, t);		/* "Tree.N": not snprintf, a row */
	name[t] = '.';
	memcpy(name + t + 1, d, nd + 1);
	check(hdf_get_node(view_hdf(r), name, &h));
	return h;
}

/* view_put: name = value under a row of view_row. */
void
view_put(HDF *row, const char *name, const char *value)
{
	check(hdf_set_value(row, name, value));
}

void
view_set_int(struct req *r, const char *name, int64_t v)
{
	char	 s[32];

	snprintf(s, sizeof(s), "%lld", (long long)v);
	view_set(r, name, s);
}

/* view_add_choice: (id, name) as Tree.N.Id/.Name (a choice_fn). */
int
view_add_choice(void *arg, int64_t id, const char *name)
{
	struct view_list	*l = arg;
	char			 v[32];

	snprintf(v, sizeof(v), "%lld", (long long)id);
	view_setf(l->r, v, "%s.%d.Id", l->tree, l->n);
	view_setf(l->r, name, "%s.%d.Name", l->tree, l->n++);
	return 0;
}

/* view_str: the string key in the request's language. */
const char *
view_str(struct req *r, const char *key)
{
	return i18n_get(r->lang, key);
}

/*
 * view_upload: what every upload form shows before upload (R11.9,
 * R16.6): the configured limit, as Upload.Limit, and the accepted types,
 * as Upload.Types.N.
 */
void
view_upload(struct req *r)
{
	char	 v[32];
	int	 i;

	size_str(v, sizeof(v), cfg.max_upload);
	view_set(r, "Upload.Limit", v);
	for (i = 0; attach_types[i] != NULL; i++)
		view_setf(r, attach_types[i], "Upload.Types.%d", i);
}

/*
 * view_label: the label of a stored code, group.code ("Severity",
 * "moderate"); the code itself when it has none.  A list calls it twice
 * a row: the key joined by hand, not by snprintf.
 */
const char *
view_label(struct req *r, const char *group, const char *code)
{
	char		 key[128];
	const char	*v;
	size_t		 g = strlen(group), c = strlen(code);

	if (g + 1 + c >= sizeof(key))
		return code;
	memcpy(key, group, g);
	key[g] = '.';
	memcpy(key + g + 1, code, c + 1);
	v = view_str(r, key);
	return v == key ? code : v;	/* not the key: it is on this stack */
}

/*
 * view_begin: the data every page needs, set just before rendering.
 * Returns 0 or -1.
 */
int
view_begin(struct req *r)
{
	const char	*csrf, *q;
	char		 back[1024];

	view_set(r, "Page.Lang", r->lang);
	/* where the language switch comes back to: the page with its query
	 * (a GET; after a POST, the path alone) */
	q = req_env(r, "QUERY_STRING");
	if (r->method == M_GET && q != NULL && *q != '\0' &&
	    (size_t)snprintf(back, sizeof(back), "%s?%s", r->path, q) <
	    sizeof(back))
		view_set(r, "Page.Path", path_is_local(back) ? back : r->path);
	else
		view_set(r, "Page.Path", r->path);
	view_set(r, "Req.Id", r->rid);
	if (r->signed_in) {
		view_set(r, "User.Signed", "1");
		view_set(r, "User.First", r->user.first);
		view_set(r, "User.Last", r->user.last);
		view_set(r, "User.Email", r->user.email);
		view_set(r, "User.Kind", r->user.kind);
		view_set(r, "User.Role", r->user.role);
		view_set_int(r, "User.ProfileDone", r->user.profile_done);
		if (!r->user.verified)
			view_set(r, "User.Unverified", "1");
		csrf = r->sess.csrf;
	} else {
		if (r->pre[0] == '\0') {
			random_hex(r->pre, 32);
			r->pre_new = 1;
		}
		csrf = r->pre;
	}
	if (r->pre_new) {
		reply_cookie(r, r->https ? "__Host-pre" : "pre", r->pre, -1);
		r->pre_new = 0;
	}
	view_set(r, "Csrf", csrf);
	return 0;
}
