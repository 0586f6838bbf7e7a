/*
 * db.h: the one SQLite connection of a process: statements prepared
 * once, typed binds, nested write transactions, read snapshots.
 */
#ifndef DATA_DB_H
#define DATA_DB_H

#include <stdint.h>

#include <sqlite3.h>

#include "data/sql.h"

int	 db_open(const char *, int);
void	 db_close(void);
sqlite3	*db_handle(void);
int	 db_version(void);
sqlite3_stmt *db_query(enum stmt, const char *, ...);
int	 db_row(sqlite3_stmt *);
int64_t	 db_int(enum stmt, int64_t, const char *, ...);
void	 db_done(sqlite3_stmt *);
int	 db_exec(enum stmt, const char *, ...);
int	 db_changes(void);
int64_t	 db_last_id(void);
int	 db_begin_write_(const char *, int);
int	 db_commit(void);
int	 db_end(int);
void	 db_rollback(void);
int	 db_request_end(void);
int	 db_choices(sqlite3_stmt *, int (*)(void *, int64_t, const char *),
	    void *);
void	 db_read_begin(void);
void	 db_read_end(void);
void	 db_set_readonly(int);
int	 db_exec_script(const char *);
int64_t	 db_col_int(sqlite3_stmt *, int);
const char *db_col_text(sqlite3_stmt *, int);
void	 db_col_copy(sqlite3_stmt *, int, char *, size_t);
#define db_begin_write()	db_begin_write_(__FILE__, __LINE__)

#endif /* DATA_DB_H */
