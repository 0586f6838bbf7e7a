/*
 * arena.h: memory that lives as long as one request.  A long text read
 * from the database (a description, a held reply) is copied here and
 * handed out as a pointer, instead of into a fixed buffer of its largest
 * size on the stack; the worker frees it all after each request.
 */
#ifndef LIB_ARENA_H
#define LIB_ARENA_H

#include <stddef.h>

void	*arena_alloc(size_t);
char	*arena_strdup(const char *);
void	 arena_reset(void);

#endif /* LIB_ARENA_H */
