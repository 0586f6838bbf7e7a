/*
 * schema.h: the migrations, schema/NNN_name.sql under the root (those of
 * PostgreSQL in schema/pg/), and the version a database must be at (the
 * last one's number).
 */
#ifndef DATA_SCHEMA_H
#define DATA_SCHEMA_H

#include <stddef.h>

const char *schema_dir(void);
int	 schema_list(char ***, size_t *);
void	 schema_free(char **, size_t);
int	 schema_version(void);

#endif /* DATA_SCHEMA_H */
