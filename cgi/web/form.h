/*
 * form.h: a form's fields read, checked and shown again with their errors.
 * A form is a table of fields indexed by its own enum, closed by __MAX
 * (kcgi's keys[]), so that a misspelt field is a compile error, not an
 * empty string: form_val(&fm, PF_PHONE) is a value ("" when absent),
 * fm.val[PF_PHONE] = v one to show, fm.err[PF_PHONE] its error and
 * form_error(&fm, PF_PHONE, "PhoneNeeded") gives it one.
 */
#ifndef WEB_FORM_H
#define WEB_FORM_H

#include <stddef.h>

#include "domain/attach.h"
#include "web/req.h"

enum fkind {
	F_TEXT,		/* one line of text */
	F_PARA,		/* text of several lines */
	F_EMAIL,
	F_PASSWORD,	/* kept as typed, never trimmed */
	F_CHOICE,	/* one of choices[] */
	F_COUNTRY,	/* ISO 3166-1 alpha-2 */
	F_TZ,		/* IANA zone */
	F_PHONE
};

struct field {
	const char		*name;
	const char		*label;		/* Lang key, for the summary */
	enum fkind		 kind;
	int			 required;
	size_t			 max;		/* characters */
	const char *const	*choices;	/* F_CHOICE, NULL-terminated */
};

#define FORM_MAX	16

struct form {
	const struct field	*f;
	size_t			 n;
	const char		*val[FORM_MAX];	/* NULL: not sent, not shown */
	const char		*err[FORM_MAX];	/* Lang.Err keys */
	int			 nerr;
};

void	 form_init(struct form *, const struct field *, size_t);
int	 form_read(struct req *, struct form *, const struct field *, size_t);
const char *form_val(const struct form *, size_t);
void	 form_error(struct form *, size_t, const char *);
void	 form_to_hdf(struct req *, const struct form *);
int	 form_files(struct req *, struct form *, size_t, struct attach_in *,
	    struct upload **, int);

#endif /* WEB_FORM_H */
