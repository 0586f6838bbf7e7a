/*
 * engine.h: what db.c asks of an engine (db_sqlite.c, db_pg.c), for
 * data/ alone.  db.c keeps what both share: the nesting of write
 * transactions, the GET's read snapshot, the refusal of writes during a
 * GET, the checks at the end of a request.  An engine keeps its
 * connection, its prepared statements and their cursors.
 */
#ifndef DATA_ENGINE_H
#define DATA_ENGINE_H

#include "data/db.h"

struct db_engine {
	const char	*name;
	int		(*open)(int);		/* create: 0 or -1 */
	void		(*close)(void);
	const char	*(*where)(void);	/* for messages */
	int		(*ready)(void);		/* connected, or 0 after a
						   reconnect; -1 */
	int		(*lost)(void);		/* the connection broke */
	int		(*version)(void);
	int		(*script)(const char *);
	/* statement id with p bound, refusing one that writes when
	 * refuse_writes; NULL with *rc DB_ERROR or DB_CONSTRAINT */
	struct db_cur	*(*bind)(enum stmt, const struct db_param *,
			    int refuse_writes, int *rc);
	int		(*step)(struct db_cur *);	/* 1, 0, -1 */
	int		(*exec)(enum stmt, struct db_cur *); /* DB_OK.. */
	void		(*reset)(struct db_cur *);
	int		(*col_null)(struct db_cur *, int);
	int64_t		(*col_int)(struct db_cur *, int);
	const char	*(*col_text)(struct db_cur *, int); /* NULL: null */
	const void	*(*col_blob)(struct db_cur *, int, size_t *);
	int		(*changes)(void);
	int64_t		(*last_id)(void);
	int		(*in_tx)(void);
	int		(*lock_writers)(void);	/* after BEGIN: 0 or -1 */
	void		(*abandon)(void);	/* ROLLBACK, unconditionally */
	int		(*request_end)(void);	/* -1: a cursor was busy */
};

extern const struct db_engine db_sqlite_engine;
extern const struct db_engine db_pg_engine;

void	*db_sqlite_handle(void);

#endif /* DATA_ENGINE_H */
