/*
 * multipart.h: a streaming multipart/form-data parser (RFC 7578,
 * RFC 2046) with no global state: all of it is in struct mp.
 */
#ifndef MULTIPART_H
#define MULTIPART_H

#include <stddef.h>

#define MP_BOUNDARY_MAX	70	/* RFC 2046 */
#define MP_HEADER_MAX	8192	/* the headers of one part */

struct mp_part {
	char	 name[65];
	char	 filename[256];
	char	 ctype[128];
	int	 is_file;
};

struct mp_cb {
	void	*arg;
	int	(*begin)(void *, const struct mp_part *);
	int	(*data)(void *, const char *, size_t);
	int	(*end)(void *);
};

struct mp {
	struct mp_cb	 cb;
	char		 delim[MP_BOUNDARY_MAX + 5];	/* "\r\n--" boundary */
	size_t		 dlen;
	int		 state;
	char		 buf[MP_HEADER_MAX + 2 * MP_BOUNDARY_MAX + 16];
	size_t		 n;
	struct mp_part	 part;
	const char	*error;
};

int		 mp_init(struct mp *, const char *, const struct mp_cb *);
int		 mp_feed(struct mp *, const char *, size_t);
int		 mp_finish(struct mp *);
const char	*mp_error(const struct mp *);

#endif /* MULTIPART_H */
