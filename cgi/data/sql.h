/*
 * sql.h: every statement once (sql.def), as enum stmt and the tables
 * of names and texts; and the test processor's statements.
 */
#ifndef DATA_SQL_H
#define DATA_SQL_H

#define SUPPORTAL_SCHEMA_VERSION	12	/* PRAGMA user_version */

enum stmt {
#define SQL(id, text)	id
#include "data/sql.def"
#undef SQL
	STMT__MAX
};

extern const char *const sql_text[STMT__MAX];
extern const char *const sql_name[STMT__MAX];
/* Statements a GET may run although they write (session bookkeeping). */
int	 sql_get_may_write(enum stmt);

/* The test processor's own statements, on its own database (sql.c). */
enum tp_stmt {
	TP_BEGIN,
	TP_COMMIT,
	TP_ROLLBACK,
	TP_TOKEN_INSERT,
	TP_TOKEN_GET,
	TP_CHARGE_GET,
	TP_CHARGE_INSERT,
	TP_CHARGE_AGAIN,
	TP__MAX
};

extern const char *const tp_schema;
extern const char *const tp_sql_text[TP__MAX];

#endif /* DATA_SQL_H */
