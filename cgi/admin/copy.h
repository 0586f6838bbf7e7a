/*
 * copy.h: supportalctl copy-from-sqlite, a SQLite portal's rows copied
 * into a new PostgreSQL database (R18).
 */
#ifndef ADMIN_COPY_H
#define ADMIN_COPY_H

int	 cmd_copy_sqlite(int, char **);

#endif /* ADMIN_COPY_H */
