/*
 * form.c: forms declared as tables of fields (after kcgi's keys[]): each
 * field has a kind, whether it is required and a length limit.  A form
 * is read from the POST body only (never the query string, E.22); each
 * field gets its value and at most one error, shown next to it and in
 * the summary at the top of the page (R12.2).
 */
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "web/form.h"
#include "domain/account.h"
#include "domain/attach.h"
#include "text/i18n.h"
#include "web/req.h"
#include "web/view.h"

/* utf8_chars: the number of characters of a valid UTF-8 string. */
static size_t
utf8_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* trim: remove blanks around s in place; returns s. */
static char *
trim(char *s)
{
	size_t	 n;

	while (*s == ' ' || *s == '\t')
		memmove(s, s + 1, strlen(s));
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* phone_valid: digits with an optional leading '+' and separators. */
static int
phone_valid(const char *s)
{
	size_t	 digits = 0;

	if (*s == '+')
		s++;
	for (; *s != '\0'; s++)
		if (isdigit((unsigned char)*s))
			digits++;
		else if (strchr(" -().", *s) == NULL)
			return 0;
	return digits >= 5 && digits <= 15;
}

/* form_error: give field i the error key (the first one wins). */
void
form_error(struct form *fm, size_t i, const char *key)
{
	assert(i < fm->n);
	if (fm->err[i] == NULL) {
		fm->err[i] = key;
		fm->nerr++;
	}
}

/*
 * form_files: the files uploaded as field i of fm (a file field) that
 * are of a type accepted, at most max, into files and their uploads into
 * ups; any other gets field i the error FileType.  Returns how many.
 */
int
form_files(struct req *r, struct form *fm, size_t i, struct attach_in *files,
    struct upload **ups, int max)
{
	int	 k, n = 0;

	for (k = 0; k < r->nup && n < max; k++) {
		struct upload	*u = &r->up[k];

		if (strcmp(u->field, fm->f[i].name) != 0 || u->tmp[0] == '\0')
			continue;
		if (!attach_acceptable(u->name)) {
			form_error(fm, i, "FileType");
			continue;
		}
		files[n].tmp = u->tmp;
		files[n].name = u->name;
		files[n].size = u->size;
		files[n].sha256 = u->sha256;
		files[n].stored[0] = '\0';
		ups[n++] = u;
	}
	return n;
}

/* form_val: the value of field i ("" when absent). */
const char *
form_val(const struct form *fm, size_t i)
{
	assert(i < fm->n);
	return fm->val[i] != NULL ? fm->val[i] : "";
}

/*
 * form_init: fm empty, for the fields f[0..n): no value, no error.  Every
 * field must be named; a hole in a table indexed by enum is a bug.
 */
void
form_init(struct form *fm, const struct field *f, size_t n)
{
	size_t	 i;

	memset(fm, 0, sizeof(*fm));
	fm->f = f;
	fm->n = n < FORM_MAX ? n : FORM_MAX;
	for (i = 0; i < fm->n; i++)
		assert(f[i].name != NULL);
}

/*
 * form_read: read the fields f[0..n) from r's POST body into fm and
 * validate each.  Values point into r->form and live as long as r.
 * Returns 1 when every field is valid, 0 otherwise (fm->err says why).
 */
int
form_read(struct req *r, struct form *fm, const struct field *f, size_t n)
{
	size_t	 i;

	form_init(fm, f, n);
	for (i = 0; i < fm->n; i++) {
		size_t		 k;
		char		*v = NULL;
		const char	*err = NULL;

		for (k = 0; k < r->form.n; k++)
			if (strcmp(r->form.v[k].name, f[i].name) == 0)
				v = r->form.v[k].value;
		if (v != NULL && f[i].kind != F_PASSWORD)
			v = trim(v);
		fm->val[i] = v;
		if (v == NULL || *v == '\0') {
			if (f[i].required)
				err = "Required";
		} else if (f[i].max > 0 && utf8_chars(v) > f[i].max)
			err = f[i].kind == F_PASSWORD ? "PasswordLong" :
			    "TooLong";
		else if (f[i].kind != F_PASSWORD && f[i].kind != F_TEXT &&
		    f[i].kind != F_PARA && strpbrk(v, "\r\n\t") != NULL)
			err = "Invalid";
		else switch (f[i].kind) {
		case F_EMAIL:
			if (!email_valid(v))
				err = "Email";
			break;
		case F_PHONE:
			if (!phone_valid(v))
				err = "Phone";
			break;
		case F_COUNTRY:
			if (!country_valid(v))
				err = "Country";
			break;
		case F_TZ:
			if (!tz_valid(v))
				err = "TimeZone";
			break;
		case F_CHOICE: {
			const char *const	*c;

			for (c = f[i].choices; *c != NULL; c++)
				if (strcmp(*c, v) == 0)
					break;
			if (*c == NULL)
				err = "Choice";
			break;
		}
		case F_TEXT:
			if (strpbrk(v, "\r\n") != NULL)
				err = "Invalid";
			break;
		case F_PASSWORD:
		case F_PARA:
			break;
		}
		if (err != NULL)
			form_error(fm, i, err);
	}
	return fm->nerr == 0;
}

/*
 * form_to_hdf: Form.<name>.Value and .Error for every field (passwords
 * are never echoed), and Errors.N.Field/.Msg in field order for the
 * summary at the top of the page.
 */
void
form_to_hdf(struct req *r, const struct form *fm)
{
	size_t	 i;
	int	 e = 0;

	for (i = 0; i < fm->n; i++) {
		const char	*name = fm->f[i].name;

		if (fm->f[i].kind != F_PASSWORD && fm->val[i] != NULL)
			view_setf(r, fm->val[i], "Form.%s.Value", name);
		if (fm->err[i] != NULL) {
			const char	*msg = view_label(r, "Err", fm->err[i]);

			view_setf(r, msg, "Form.%s.Error", name);
			view_setf(r, name, "Errors.%d.Field", e);
			if (fm->f[i].label != NULL)
				view_setf(r, i18n_get(r->lang, fm->f[i].label),
				    "Errors.%d.Label", e);
			view_setf(r, msg, "Errors.%d.Msg", e);
			e++;
		}
	}
}
