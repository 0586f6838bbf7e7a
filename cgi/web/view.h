/*
 * view.h: the HDF a page's template reads.
 */
#ifndef WEB_VIEW_H
#define WEB_VIEW_H

#include <stdint.h>

#include <ClearSilver.h>

#include "web/req.h"

void	 view_set(struct req *, const char *, const char *);
void	 view_setf(struct req *, const char *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 view_set_int(struct req *, const char *, int64_t);
HDF	*view_row(struct req *, const char *, int);
void	 view_put(HDF *, const char *, const char *);

/* a list of rows under Tree.N, filled by a row callback */
struct view_list {
	struct req	*r;
	const char	*tree;
	int		 n;
};
int	 view_add_choice(void *, int64_t, const char *);
int	 view_begin(struct req *);
const char *view_str(struct req *, const char *);
const char *view_label(struct req *, const char *, const char *);
void	 view_upload(struct req *);

#endif /* WEB_VIEW_H */
