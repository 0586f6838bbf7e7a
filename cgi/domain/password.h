/*
 * password.h: scrypt hashes (libscrypt) and the common-password list (A.4).
 */
#ifndef DOMAIN_PASSWORD_H
#define DOMAIN_PASSWORD_H

#include <libscrypt.h>

/* room for a hash in libscrypt\'s modular crypt format */
#define PASSWORD_HASH_LEN	SCRYPT_MCF_LEN

int	 password_hash(char *, size_t, const char *);
int	 password_check(const char *, const char *);
int	 password_needs_rehash(const char *);
int	 password_common(const char *);
void	 password_dummy_check(const char *);

#endif /* DOMAIN_PASSWORD_H */
