/*
 * help.c: the help pages the seed's article points to (R16.4), in every
 * language: their text is lang/'s (Help.*), their list is here.  They
 * are public: a customer who cannot add a contract, or is signed in
 * with the wrong account, reads them before anything else.
 */
#include <string.h>

#include "pages/pages.h"
#include "web/reply.h"
#include "web/req.h"
#include "web/view.h"

/* the pages: their path, the name help.cs knows them by, their title */
static const struct help {
	const char	*path;
	const char	*code;
	const char	*title;
} helps[] = {
	{ "/help/activate", "activate", "Help.Activate.Title" },
	{ "/help/missing-contract", "missing", "Help.Missing.Title" },
	{ "/help/add-failed", "failed", "Help.Failed.Title" },
	{ "/help/benefits", "benefits", "Help.Benefits.Title" },
	{ "/help/ppi-work", "ppiwork", "Help.PpiWork.Title" },
	{ "/help/agreement", "agreement", "Help.Agreement.Title" },
};

/* GET /help/...: one help page; the route table lists each (R16.4). */
void
page_help_get(struct req *r)
{
	size_t	 i;

	for (i = 0; i < sizeof(helps) / sizeof(helps[0]); i++)
		if (strcmp(r->path, helps[i].path) == 0)
			break;
	if (i == sizeof(helps) / sizeof(helps[0])) {
		reply_error(r, 404);	/* a route without a page: a bug */
		return;
	}
	view_set(r, "Page.Title", view_str(r, helps[i].title));
	view_set(r, "Page.Help", helps[i].code);
	reply_render(r, 200, "help.cs");
}
