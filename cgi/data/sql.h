/*
 * sql.h: every statement once (sql.def), as enum stmt, the enums of
 * their columns and the tables of names, texts and column counts; and
 * the test processor's statements.
 */
#ifndef DATA_SQL_H
#define DATA_SQL_H

#define SQL(id, text)			id,
#define SQL_ROW(id, text, ...)		id,
#define SQL_LIKE(id, text, like)	id,
#define SQL_MORE(id, text, like, ...)	id,
enum stmt {
#include "data/sql.def"
	STMT__MAX
};
#undef SQL
#undef SQL_ROW
#undef SQL_LIKE
#undef SQL_MORE

/*
 * The columns of each statement with a row, from 0, and their count
 * (STMT_X_NCOLS); SQL_MORE's first column follows its other's last.
 */
#define SQL(id, text)
#define SQL_ROW(id, text, ...)		enum { __VA_ARGS__, id##_NCOLS };
#define SQL_LIKE(id, text, like)	enum { id##_NCOLS = like##_NCOLS };
#define SQL_MORE(id, text, like, ...)	\
	enum { id##_FROM = like##_NCOLS - 1, __VA_ARGS__, id##_NCOLS };
#include "data/sql.def"
#undef SQL
#undef SQL_ROW
#undef SQL_LIKE
#undef SQL_MORE

extern const char *const sql_text[STMT__MAX];
/* PostgreSQL's text where it differs (sql_pg.def), else NULL */
extern const char *const sql_text_pg[STMT__MAX];
extern const char *const sql_name[STMT__MAX];
extern const int sql_ncols[STMT__MAX];	/* 0: SQL(), at most one column */
/* Statements a GET may run although they write (session bookkeeping). */
int	 sql_get_may_write(enum stmt);
/* Statements whose constraint violation the caller expects and survives
 * (PostgreSQL runs them in a savepoint, db_pg.c); statements whose plan
 * depends on their values (PostgreSQL plans them with their values each
 * time they run). */
int	 sql_may_conflict(enum stmt);
int	 sql_plan_each(enum stmt);

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
