/*
 * util.h: buffers, strings, tokens, time, logging, and SHA-256 and
 * random bytes from libsodium.  Uses libc and libsodium only.
 */
#ifndef LIB_UTIL_H
#define LIB_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <sodium.h>

/* A growable byte buffer; always NUL-terminated when len > 0. */
struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

void	 buf_add(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_free(struct buf *);
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
size_t	 strlcpy_(char *, const char *, size_t);
const char *int_str(char[24], int64_t);
void	 size_str(char *, size_t, int64_t);
void	 random_bytes(void *, size_t);
void	 hex_encode(char *, const unsigned char *, size_t);
void	 random_hex(char *, size_t);
int	 token_valid(const char *);
int	 ct_equal(const char *, const char *);
int64_t	 now_usec(void);
int	 utf8_valid(const char *, size_t);
int	 path_is_local(const char *);
void	 log_line(const char *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 log_escape(struct buf *, const char *);
void	 log_request(const char *);
void	 tz_use(const char *);
int64_t	 parse_id(const char *);
void	 time_local(char *, size_t, time_t, const char *);
void	 csv_cell(struct buf *, const char *, int);
void	 json_str(struct buf *, const char *);

/* the languages of the interface and of mails, the first the default */
#define LANG_N	2
extern const char *const languages[LANG_N + 1];	/* NULL-ended */
int	 strp_cmp(const void *, const void *);
int	 lang_index(const char *);
int	 lang_valid(const char *);

/* values as lines "Name<TAB>value" (a mail's, queued as data) */
void	 vals_add(struct buf *, const char *, const char *);
const char *vals_next(const char *, struct buf *, struct buf *);

/* SHA-256 (libsodium's), streaming (attachments) and one-shot. */
struct sha256 {
	crypto_hash_sha256_state	st;
};
void	 sha256_init(struct sha256 *);
void	 sha256_update(struct sha256 *, const void *, size_t);
void	 sha256_final(struct sha256 *, unsigned char[32]);
void	 sha256_hex(const void *, size_t, char[65]);

#endif /* LIB_UTIL_H */
