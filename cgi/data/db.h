/*
 * db.h: the one database connection of a process, SQLite's or
 * PostgreSQL's (Database.Engine): statements prepared once, values bound
 * by name and type, nested write transactions, read snapshots.  The
 * rest of the portal sees neither engine: a cursor is a struct db_cur,
 * a result DB_OK, DB_CONSTRAINT or DB_ERROR.
 */
#ifndef DATA_DB_H
#define DATA_DB_H

#include <stddef.h>
#include <stdint.h>

#include "data/sql.h"

/*
 * A value for the parameter :name of a statement, made by one of the
 * P_ macros, whose initialisers the compiler checks against the type:
 *   P_INT(":n", int64_t)	P_REF(":n", int64_t), 0 binds NULL
 *   P_TEXT(":n", const char *), NULL binds NULL
 *   P_BLOB(":n", const void *, size_t)	P_NULL(":n")
 * A list of them ends with P_END:
 *   db_query(STMT_ACCOUNT_BY_ID, P_INT(":id", id), P_END)
 */
enum db_ptype {
	DB_P_END,
	DB_P_INT,
	DB_P_REF,
	DB_P_TEXT,
	DB_P_BLOB,
	DB_P_NULL
};

struct db_param {
	const char	*name;
	enum db_ptype	 type;
	union {
		int64_t		 i;
		const char	*s;
		struct {
			const void	*p;
			size_t		 n;
		}		 b;
	}		 v;
};

#define P_INT(nm, x)	((struct db_param){ (nm), DB_P_INT, { .i = (x) } })
#define P_REF(nm, x)	((struct db_param){ (nm), DB_P_REF, { .i = (x) } })
#define P_TEXT(nm, x)	((struct db_param){ (nm), DB_P_TEXT, { .s = (x) } })
#define P_BLOB(nm, x, sz) \
	((struct db_param){ (nm), DB_P_BLOB, { .b = { (x), (sz) } } })
#define P_NULL(nm)	((struct db_param){ (nm), DB_P_NULL, { .i = 0 } })
#define P_END		((struct db_param){ NULL, DB_P_END, { .i = 0 } })

/* what db_exec returns: a UNIQUE, CHECK or FOREIGN KEY violation is
 * DB_CONSTRAINT, which a caller may expect; anything else is logged */
enum {
	DB_OK = 0,
	DB_ERROR = 1,
	DB_CONSTRAINT = 19
};

/* a statement's rows as it is stepped (db_query .. db_done) */
struct db_cur;

/*
 * The list as an array, so that each element must be a db_param; a
 * P_END is added after the caller's, so that one forgotten cannot make
 * db.c read past the array.
 */
#define db_query(id, ...) \
	db_query_((id), (const struct db_param []){ __VA_ARGS__, P_END })
#define db_exec(id, ...) \
	db_exec_((id), (const struct db_param []){ __VA_ARGS__, P_END })
#define db_int(id, dflt, ...) \
	db_int_((id), (dflt), (const struct db_param []){ __VA_ARGS__, P_END })

int	 db_open(int);
void	 db_close(void);
int	 db_is_open(void);
int	 db_is_pg(void);
const char *db_where(void);
void	*db_sqlite(void);
int	 db_ready(void);
int	 db_lost(void);
int	 db_version(void);
struct db_cur *db_query_(enum stmt, const struct db_param *);
int	 db_row(struct db_cur *);
int64_t	 db_int_(enum stmt, int64_t, const struct db_param *);
void	 db_done(struct db_cur *);
int	 db_exec_(enum stmt, const struct db_param *);
int	 db_changes(void);
int64_t	 db_last_id(void);
int	 db_begin_write_(const char *, int);
int	 db_commit(void);
int	 db_end(int);
void	 db_rollback(void);
int	 db_request_end(void);
int	 db_in_transaction(void);
int	 db_choices(struct db_cur *, int (*)(void *, int64_t, const char *),
	    void *);
void	 db_read_begin(void);
void	 db_read_end(void);
void	 db_set_readonly(int);
int	 db_exec_script(const char *);
int64_t	 db_col_int(struct db_cur *, int);
const char *db_col_text(struct db_cur *, int);
int	 db_col_null(struct db_cur *, int);
const void *db_col_blob(struct db_cur *, int, size_t *);
void	 db_col_copy(struct db_cur *, int, char *, size_t);
#define db_begin_write()	db_begin_write_(__FILE__, __LINE__)

#endif /* DATA_DB_H */
