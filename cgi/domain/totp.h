/*
 * totp.h: two-factor sign-in (R14.6): TOTP codes (RFC 6238) by liboath,
 * secrets sealed by libsodium under a key kept in a file named by the
 * configuration (never in the database), the enrolment QR code as an SVG
 * path, and recovery codes stored as keyed hashes.
 */
#ifndef TOTP_H
#define TOTP_H
#include "lib/util.h"

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <sodium.h>

struct buf;

#define TOTP_SECRET_B32	32	/* base32 of a 20-byte secret, no padding */
#define TOTP_SEALED_MAX	(crypto_secretbox_NONCEBYTES + \
			    crypto_secretbox_MACBYTES + 64)	/* nonce||box */
#define RECOVERY_LEN	19	/* "xxxx-xxxx-xxxx-xxxx" */

int	 totp_init(const char *);
int	 totp_key_create(const char *);
void	 totp_secret_new(char[TOTP_SECRET_B32 + 1]);
int	 totp_seal(const char *, unsigned char *, size_t *);
int	 totp_open(const unsigned char *, size_t, char[TOTP_SECRET_B32 + 1]);
int	 totp_check(const char *, const char *, time_t, int64_t, int64_t *);
int	 totp_uri(char *, size_t, const char *, const char *, const char *);
int	 qr_svg(const char *, struct buf *, int *);
void	 recovery_new(char[RECOVERY_LEN + 1]);
int	 recovery_hash(const char *, char[65]);

#endif /* TOTP_H */
