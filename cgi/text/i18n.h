/*
 * i18n.h: the strings of each language (one HDF file a language in
 * lang/), the countries and the time zones.
 */
#ifndef TEXT_I18N_H
#define TEXT_I18N_H

#include <stddef.h>

#include <ClearSilver.h>

int	 i18n_load(void);
void	 i18n_free(void);
HDF	*i18n_tree(const char *);
const char *i18n_get(const char *, const char *);
const char *i18n_pick(const char *);
HDF	*i18n_globals(const char *);
const char *i18n_country(const char *, const char *);
int	 country_valid(const char *);
int	 tz_valid(const char *);
size_t	 tz_count(void);
const char *tz_at(size_t);

#endif /* TEXT_I18N_H */
