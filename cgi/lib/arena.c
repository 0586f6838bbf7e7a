/*
 * arena.c: the request's arena (arena.h).  Each allocation is a block of
 * its own, kept in a list and freed by arena_reset: a request makes a
 * few, and separate blocks let ASan see a pointer kept past its request.
 * The list's own array is kept from one request to the next, so a worker
 * settles at the size its largest request needed.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/util.h"

static void	**blocks;
static size_t	  nblocks, cap;

/* arena_alloc: n bytes, zeroed, until the next arena_reset. */
void *
arena_alloc(size_t n)
{
	void	*p;

	if (nblocks == cap) {
		cap = cap ? cap * 2 : 16;
		blocks = xrealloc(blocks, cap * sizeof(*blocks));
	}
	p = xcalloc(1, n ? n : 1);
	blocks[nblocks++] = p;
	return p;
}

/* arena_strdup: s (NULL as "") until the next arena_reset. */
char *
arena_strdup(const char *s)
{
	size_t	 n = s != NULL ? strlen(s) : 0;
	char	*p = arena_alloc(n + 1);

	if (n > 0)
		memcpy(p, s, n);
	return p;
}

/* arena_reset: free what the request took; the worker calls it after each. */
void
arena_reset(void)
{
	while (nblocks > 0)
		free(blocks[--nblocks]);
}
