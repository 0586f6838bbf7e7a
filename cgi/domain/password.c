/*
 * password.c: scrypt hashes through libscrypt (R1.3, SECURITY.md A).
 * The parameters live in each hash (libscrypt's MCF, "$s1$" + hex of
 * log2 N, r and p), so that they can be raised later: a hash weaker
 * than the configured cost is replaced at the next sign-in.
 */
#include <sys/file.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libscrypt.h>

#include "domain/password.h"
#include "domain/account.h"
#include "lib/config.h"
#include "lib/util.h"

/*
 * hash_slot: take one of the slots in which new hashes are made: one core
 * fewer than the machine has (at least one), shared by every worker and
 * supportalctl through locks on var/run/hash.N.lock.  A slot is busy at
 * most half the time: its file holds when the next hash may start, as
 * long after the last one ended as that one took.  So a flood of
 * sign-ups takes at most half of cores-1 from the requests beside it
 * (R14.4, M.56), and a sign-up alone is not slowed.  Waits for a slot;
 * returns the lock's descriptor, or -1 when no lock could be had (the
 * hash is made all the same).
 */
static int
hash_slot(void)
{
	char	 path[700];
	long	 cores = sysconf(_SC_NPROCESSORS_ONLN);
	int	 n = cores > 1 ? (int)cores - 1 : 1, i, fd;
	int64_t	 at = 0, wait;

	for (i = 0; i <= n; i++) {
		/* a free slot first; else wait on one of them */
		snprintf(path, sizeof(path), "%s/run/hash.%d.lock", cfg.var,
		    i < n ? i : (int)(getpid() % n));
		if ((fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
		    0600)) < 0)
			return -1;
		if (flock(fd, i < n ? LOCK_EX | LOCK_NB : LOCK_EX) == 0)
			break;
		close(fd);
		fd = -1;
	}
	if (fd >= 0 && pread(fd, &at, sizeof(at), 0) == sizeof(at) &&
	    (wait = at - now_usec()) > 0)
		usleep((useconds_t)(wait < 2000000 ? wait : 2000000));
	return fd;
}

/*
 * password_hash: hash pw with the configured parameters into out (at
 * least PASSWORD_HASH_LEN bytes).  Returns 0 or -1.
 */
int
password_hash(char *out, size_t sz, const char *pw)
{
	int64_t	 t0, next;
	int	 slot, rc;

	if (sz < PASSWORD_HASH_LEN)
		return -1;
	slot = hash_slot();
	t0 = now_usec();
	rc = libscrypt_hash(out, pw, (uint32_t)1 << cfg.scrypt_logn,
	    (uint8_t)cfg.scrypt_r, (uint8_t)cfg.scrypt_p) <= 0 ? -1 : 0;
	if (slot >= 0) {
		next = 2 * now_usec() - t0;	/* as long again as it took */
		if (pwrite(slot, &next, sizeof(next), 0) != sizeof(next))
			log_line(NULL, "hash slot: %s", strerror(errno));
		close(slot);	/* the lock goes with it */
	}
	return rc;
}

/*
 * password_check: 1 if pw matches the stored hash, 0 if not or if the
 * hash is malformed.  libscrypt_check tokenises its argument, so it gets
 * a copy (SECURITY.md A.2).
 */
int
password_check(const char *stored, const char *pw)
{
	char	 copy[PASSWORD_HASH_LEN + 1];

	if (strlcpy_(copy, stored, sizeof(copy)) >= sizeof(copy))
		return 0;
	return libscrypt_check(copy, pw) > 0;
}

/* mcf_params: read log2 N, r and p from an MCF string; 0 or -1. */
static int
mcf_params(const char *mcf, unsigned *logn, unsigned *r, unsigned *p)
{
	unsigned	 v;

	if (strncmp(mcf, "$s1$", 4) != 0 || strlen(mcf) < 11 ||
	    mcf[10] != '$' || sscanf(mcf + 4, "%6x", &v) != 1)
		return -1;
	*logn = v >> 16;
	*r = (v >> 8) & 0xff;
	*p = v & 0xff;
	return 0;
}

/*
 * password_needs_rehash: 1 if the stored hash costs less than the
 * configured parameters (N * r * p), so it should be replaced now that
 * the clear password is at hand.
 */
int
password_needs_rehash(const char *stored)
{
	unsigned	 logn, r, p;
	double		 have, want;

	if (mcf_params(stored, &logn, &r, &p) != 0)
		return 1;
	have = (double)(1u << logn) * r * p;
	want = (double)(1u << cfg.scrypt_logn) * cfg.scrypt_r * cfg.scrypt_p;
	return have < want || (int)r < cfg.scrypt_r;
}

/*
 * password_dummy_check: spend the time of one real check against a hash
 * of the configured cost, for an unknown account, so that timing does
 * not tell which emails have accounts (A.5).  The dummy hash is made once
 * per process.
 */
void
password_dummy_check(const char *pw)
{
	static char	 dummy[PASSWORD_HASH_LEN];
	char		 rnd[33];

	if (dummy[0] == '\0') {
		random_hex(rnd, 16);
		if (password_hash(dummy, sizeof(dummy), rnd) != 0)
			return;
	}
	(void)password_check(dummy, pw);
}

/* The most common passwords, lower case, sorted; loaded once. */
static char	**common;
static size_t	  ncommon;
static int	  common_loaded;

static void
lower(char *s)
{
	for (; *s != '\0'; s++)
		*s = (char)tolower((unsigned char)*s);
}

/*
 * common_load: read the first 3,000 entries of cfg.common_pw (John the
 * Ripper's password.lst from Debian's john-data: one password a line,
 * "#!comment:" lines first, most common first).
 */
static void
common_load(void)
{
	FILE	*f;
	char	 line[256];
	size_t	 cap = 0;

	common_loaded = 1;
	if ((f = fopen(cfg.common_pw, "r")) == NULL) {
		log_line(NULL, "common password list %s missing",
		    cfg.common_pw);
		return;
	}
	while (ncommon < 3000 && fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0' || strncmp(line, "#!comment:", 10) == 0)
			continue;
		lower(line);
		if (ncommon == cap) {
			cap = cap ? cap * 2 : 1024;
			common = xrealloc(common, cap * sizeof(*common));
		}
		common[ncommon++] = xstrdup(line);
	}
	fclose(f);
	qsort(common, ncommon, sizeof(*common), strp_cmp);
}

/* password_common: 1 if pw is one of the 3,000 most common (A.4). */
int
password_common(const char *pw)
{
	char	 low[PASSWORD_MAX + 1];
	char	*key = low;

	if (!common_loaded)
		common_load();
	if (strlcpy_(low, pw, sizeof(low)) >= sizeof(low))
		return 0;
	lower(low);
	return bsearch(&key, common, ncommon, sizeof(*common),
	    strp_cmp) != NULL;
}
