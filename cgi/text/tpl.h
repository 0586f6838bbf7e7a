/*
 * tpl.h: ClearSilver templates, parsed once per worker, rendered with
 * everything escaped by default.
 */
#ifndef TEXT_TPL_H
#define TEXT_TPL_H

#include <ClearSilver.h>

#include "lib/util.h"

int	 tpl_render(const char *, int, HDF *, const char *, struct buf *);
void	 tpl_free(void);

#endif /* TEXT_TPL_H */
