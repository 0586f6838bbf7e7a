/*
 * totp.c: two-factor sign-in (R14.6, SECURITY.md M.58).
 *
 * Everything that is cryptography or a standard encoding comes from the
 * library made for it, because each is easy to get subtly wrong and each
 * library is packaged, reviewed and tested against the RFC's vectors:
 *
 *   liboath (OATH Toolkit)	TOTP per RFC 6238 and HOTP per RFC 4226,
 *				base32 per RFC 4648; the same code as the
 *				oathtool our tests check against.
 *   libqrencode		the QR symbol (Reed-Solomon, masking,
 *				version choice) for the enrolment page.
 *   libsodium			randomness, crypto_secretbox (XSalsa20-
 *				Poly1305) to seal secrets at rest, keyed
 *				BLAKE2b for recovery codes, mlock and
 *				wiping of the key.
 *
 * Hand-written here are only two things no library does for us: the
 * walk over libqrencode's module matrix that writes an SVG path (so the
 * page draws the code without JavaScript or an image endpoint), and the
 * percent-encoding of the otpauth:// URI (RFC 3986).
 *
 * The sealing key lives in a 32-byte file named by the configuration,
 * never in the database, so a copy of the database alone reveals no
 * secret and lets no one forge a recovery code.  Neither the key nor a
 * secret is ever logged; messages name only the key file.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include "domain/totp.h"
#include "lib/util.h"

#define TOTP_STEP	30	/* seconds; what every authenticator app uses */
#define TOTP_DIGITS	6
#define TOTP_RAW	20	/* secret bytes: RFC 4226 recommends 160 bits */
#define RECOVERY_RAW	10	/* 80 bits: 16 base32 characters */
#define RECOVERY_B32	16
#define QR_QUIET	4	/* modules of quiet zone (ISO/IEC 18004) */

static unsigned char	 totp_key[crypto_secretbox_KEYBYTES];
static int		 totp_key_loaded;
static int		 totp_libs_ready;

/*
 * libs_init: sodium_init and oath_init, once per process.  Both are
 * idempotent, but oath_init counts its calls and we never call
 * oath_done: the libraries live as long as the worker.
 */
static int
libs_init(void)
{
	if (totp_libs_ready)
		return 0;
	if (sodium_init() < 0) {
		fprintf(stderr, "totp: sodium_init failed\n");
		return -1;
	}
	if (oath_init() != OATH_OK) {
		fprintf(stderr, "totp: oath_init failed\n");
		return -1;
	}
	/* best effort: a key swapped to disk is still a key on disk */
	(void)sodium_mlock(totp_key, sizeof(totp_key));
	totp_libs_ready = 1;
	return 0;
}

/* b32_valid: s is exactly len characters of the RFC 4648 alphabet. */
static int
b32_valid(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '2' && s[i] <= '7')))
			return 0;
	return s[len] == '\0';
}

/*
 * b32_encode: raw bytes (n a multiple of 5, so no padding) in base32
 * into out (8n/5 + 1 bytes) with liboath's encoder, then wipe its copy.
 */
static void
b32_encode(char *out, const unsigned char *raw, size_t n)
{
	char	*s = NULL;
	size_t	 len = 0;

	if (oath_base32_encode((const char *)raw, n, &s, &len) != OATH_OK ||
	    len != n / 5 * 8)
		abort();	/* only allocation can fail here */
	memcpy(out, s, len);
	out[len] = '\0';
	sodium_memzero(s, len);
	free(s);
}

/*
 * totp_init: ready libsodium and liboath and load the 32-byte sealing key
 * from keyfile.  The file must be a regular file of exactly 32 bytes that
 * others cannot read (a symlink to one is fine: the configuration may
 * point into a secrets directory).  Called again, it reloads; on any
 * failure the previous key is wiped too, so no caller goes on with a key
 * it did not ask for.  Returns 0, or -1 with a message on stderr that
 * names the file (never its contents).
 */
int
totp_init(const char *keyfile)
{
	unsigned char	 tmp[crypto_secretbox_KEYBYTES + 1];
	struct stat	 st;
	ssize_t		 got;
	size_t		 have = 0;
	int		 fd;

	sodium_memzero(totp_key, sizeof(totp_key));
	totp_key_loaded = 0;
	if (libs_init() != 0)
		return -1;
	if (keyfile == NULL || *keyfile == '\0') {
		fprintf(stderr, "totp: no key file configured\n");
		return -1;
	}
	if ((fd = open(keyfile, O_RDONLY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "totp: %s: %s\n", keyfile, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		fprintf(stderr, "totp: %s: not a regular file\n", keyfile);
		close(fd);
		return -1;
	}
	if (st.st_mode & (S_IROTH | S_IWOTH)) {
		fprintf(stderr, "totp: %s: readable or writable by others "
		    "(chmod 600)\n", keyfile);
		close(fd);
		return -1;
	}
	/* read one byte more than the key to see a longer file */
	while (have < sizeof(tmp)) {
		got = read(fd, tmp + have, sizeof(tmp) - have);
		if (got == -1 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		have += (size_t)got;
	}
	close(fd);
	if (have != crypto_secretbox_KEYBYTES) {
		sodium_memzero(tmp, sizeof(tmp));
		fprintf(stderr, "totp: %s: must hold exactly %d bytes\n",
		    keyfile, crypto_secretbox_KEYBYTES);
		return -1;
	}
	memcpy(totp_key, tmp, sizeof(totp_key));
	sodium_memzero(tmp, sizeof(tmp));
	totp_key_loaded = 1;
	return 0;
}

/*
 * totp_key_create: make keyfile with 32 random bytes, mode 0600.
 * O_EXCL|O_NOFOLLOW so that an existing key is never overwritten (that
 * would make every sealed secret unreadable) and a symlink planted at
 * the path is not followed.  Returns 0 when created, 1 when a regular
 * file was already there (left untouched), -1 on error, a symlink or
 * anything else at the path included.
 */
int
totp_key_create(const char *keyfile)
{
	unsigned char	 k[crypto_secretbox_KEYBYTES];
	struct stat	 st;
	size_t		 off = 0;
	ssize_t		 w;
	int		 fd;

	if (libs_init() != 0)
		return -1;
	fd = open(keyfile, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	if (fd == -1) {
		if (errno == EEXIST && lstat(keyfile, &st) == 0 &&
		    S_ISREG(st.st_mode))
			return 1;
		if (errno == EEXIST)
			fprintf(stderr, "totp: %s: exists and is not a "
			    "regular file\n", keyfile);
		else
			fprintf(stderr, "totp: %s: %s\n", keyfile,
			    strerror(errno));
		return -1;
	}
	/* the umask may only take bits away, but be exact */
	if (fchmod(fd, 0600) == -1)
		goto fail;
	randombytes_buf(k, sizeof(k));
	while (off < sizeof(k)) {
		w = write(fd, k + off, sizeof(k) - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		off += (size_t)w;
	}
	sodium_memzero(k, sizeof(k));
	if (fsync(fd) == -1 || close(fd) == -1) {
		fprintf(stderr, "totp: %s: %s\n", keyfile, strerror(errno));
		unlink(keyfile);
		return -1;
	}
	return 0;
fail:
	fprintf(stderr, "totp: %s: %s\n", keyfile, strerror(errno));
	sodium_memzero(k, sizeof(k));
	close(fd);
	unlink(keyfile);
	return -1;
}

/*
 * totp_secret_new: a fresh 160-bit secret as 32 base32 characters (upper
 * case, no padding: 20 bytes fill whole base32 groups), the form the
 * otpauth:// URI and the "enter this key" text show.
 */
void
totp_secret_new(char b32[TOTP_SECRET_B32 + 1])
{
	unsigned char	 raw[TOTP_RAW];

	if (libs_init() != 0)
		abort();
	randombytes_buf(raw, sizeof(raw));
	b32_encode(b32, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

/*
 * totp_seal: encrypt and authenticate a base32 secret under the key file's
 * key.  out (room for TOTP_SEALED_MAX bytes) gets nonce || box; *outlen
 * its length.  A random 24-byte nonce is safe for XSalsa20.  Returns 0,
 * or -1 without a key or for anything but a 32-character base32 secret.
 */
int
totp_seal(const char *b32, unsigned char *out, size_t *outlen)
{
	if (!totp_key_loaded || b32 == NULL ||
	    !b32_valid(b32, TOTP_SECRET_B32))
		return -1;
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	if (crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
	    (const unsigned char *)b32, TOTP_SECRET_B32, out, totp_key) != 0)
		return -1;
	*outlen = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
	    TOTP_SECRET_B32;
	return 0;
}

/*
 * totp_open: the secret sealed by totp_seal into b32.  Returns 0, or -1
 * (b32 emptied) when the box was altered, sealed under another key, or
 * does not hold a base32 secret.
 */
int
totp_open(const unsigned char *in, size_t inlen,
    char b32[TOTP_SECRET_B32 + 1])
{
	unsigned char	 plain[TOTP_SEALED_MAX];
	size_t		 plen;

	b32[0] = '\0';
	if (!totp_key_loaded || in == NULL ||
	    inlen <= crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES ||
	    inlen > TOTP_SEALED_MAX)
		return -1;
	plen = inlen - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	if (crypto_secretbox_open_easy(plain, in + crypto_secretbox_NONCEBYTES,
	    inlen - crypto_secretbox_NONCEBYTES, in, totp_key) != 0)
		return -1;
	if (plen != TOTP_SECRET_B32) {
		sodium_memzero(plain, sizeof(plain));
		return -1;
	}
	memcpy(b32, plain, TOTP_SECRET_B32);
	b32[TOTP_SECRET_B32] = '\0';
	sodium_memzero(plain, sizeof(plain));
	if (!b32_valid(b32, TOTP_SECRET_B32)) {
		sodium_memzero(b32, TOTP_SECRET_B32 + 1);
		return -1;
	}
	return 0;
}

/*
 * totp_check: is code the 6-digit TOTP (SHA-1, 30 s) of secret b32 for a
 * step within one of now's, later than last_step?  The step of the last
 * accepted code is what the caller stores: refusing any step at or
 * before it refuses a replayed code and an older one alike (RFC 6238
 * §5.2).  One step either side absorbs clock drift and a code typed as
 * it changes.
 *
 * liboath's window W tries steps T, T+1, T-1, ..., T+W, T-W (T = now/30)
 * and stops at the first match, reporting its step in otp_counter: W = 1
 * is exactly ±1 step.  It takes the number of digits from the length of
 * the code, so the 6 digits are checked here, or a correct 7- or 8-digit
 * code would pass.  Should a code match two steps of the window (one
 * chance in a million) and the first found be already used, it is
 * refused: failing closed, the user types the next one.
 *
 * Returns 1 and sets *step when valid, 0 when not, -1 on error.
 */
int
totp_check(const char *b32, const char *code, time_t now, int64_t last_step,
    int64_t *step)
{
	char		*secret = NULL;
	size_t		 slen = 0;
	uint64_t	 counter = 0;
	int		 i, rc;

	if (code == NULL)
		return 0;
	for (i = 0; i < TOTP_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			return 0;
	if (code[TOTP_DIGITS] != '\0')
		return 0;
	if (b32 == NULL || *b32 == '\0' || now < TOTP_STEP ||
	    libs_init() != 0)
		return -1;
	if (oath_base32_decode(b32, strlen(b32), &secret, &slen) != OATH_OK)
		return -1;
	rc = oath_totp_validate3(secret, slen, now, TOTP_STEP, 0, 1,
	    NULL, &counter, code);
	sodium_memzero(secret, slen);
	free(secret);
	if (rc == OATH_INVALID_OTP)
		return 0;
	if (rc < 0)
		return -1;
	if ((int64_t)counter <= last_step)
		return 0;
	*step = (int64_t)counter;
	return 1;
}

/*
 * pct_put: s percent-encoded (RFC 3986: only unreserved characters kept)
 * at out + *at, never writing at or past n - 1.  Returns 0, or -1 when it
 * does not fit.
 */
static int
pct_put(char *out, size_t n, size_t *at, const char *s)
{
	static const char	 hx[] = "0123456789ABCDEF";
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
		    *p == '_' || *p == '~') {
			if (*at + 1 >= n)
				return -1;
			out[(*at)++] = (char)*p;
		} else {
			if (*at + 3 >= n)
				return -1;
			out[(*at)++] = '%';
			out[(*at)++] = hx[*p >> 4];
			out[(*at)++] = hx[*p & 15];
		}
	}
	out[*at] = '\0';
	return 0;
}

/* raw_put: s as it is, like pct_put. */
static int
raw_put(char *out, size_t n, size_t *at, const char *s)
{
	size_t	 len = strlen(s);

	if (*at + len >= n)
		return -1;
	memcpy(out + *at, s, len + 1);
	*at += len;
	return 0;
}

/*
 * totp_uri: the otpauth:// URI that authenticator apps read from the QR
 * code (the Key Uri Format of Google Authenticator, which the others
 * follow).  The label is "issuer:account"; the colon between them is the
 * only one not encoded, so an issuer holding ':' cannot shift the split.
 * The issuer parameter repeats the issuer, as apps prefer.  Returns 0,
 * or -1 (out emptied) when it does not fit in n bytes or b32 is not a
 * secret.
 */
int
totp_uri(char *out, size_t n, const char *issuer, const char *account,
    const char *b32)
{
	size_t	 at = 0;

	if (n == 0)
		return -1;
	out[0] = '\0';
	if (issuer == NULL || account == NULL || b32 == NULL ||
	    !b32_valid(b32, strlen(b32)) || *b32 == '\0')
		return -1;
	if (raw_put(out, n, &at, "otpauth://totp/") == -1 ||
	    pct_put(out, n, &at, issuer) == -1 ||
	    raw_put(out, n, &at, ":") == -1 ||
	    pct_put(out, n, &at, account) == -1 ||
	    raw_put(out, n, &at, "?secret=") == -1 ||
	    raw_put(out, n, &at, b32) == -1 ||
	    raw_put(out, n, &at, "&issuer=") == -1 ||
	    pct_put(out, n, &at, issuer) == -1 ||
	    raw_put(out, n, &at, "&algorithm=SHA1&digits=6&period=30") == -1) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/*
 * qr_svg: append to path the QR code of text as the d attribute of one
 * SVG <path>, in a viewBox of *size by *size units (one unit a module,
 * the 4-module quiet zone included).  Each horizontal run of dark
 * modules is one rectangle, "M<x> <y>h<len>v1h-<len>z", which keeps an
 * otpauth URI's code to a few kilobytes.  Only "M h v z 0-9 - space"
 * appear, so HTML escaping leaves the path as it is and the template
 * can print it with the escape mode on.  EC level M (15% recovery) is
 * what the qrencode tool and most enrolment pages use; 8-bit mode keeps
 * the URI's lower case.  Returns 0, or -1 when text is too long for a
 * QR code (about 2.3 kB at level M).
 */
int
qr_svg(const char *text, struct buf *path, int *size)
{
	QRcode	*qr;
	int	 x, y, run;

	if (text == NULL || *text == '\0')
		return -1;
	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8,
	    1)) == NULL)
		return -1;
	for (y = 0; y < qr->width; y++) {
		for (x = 0; x < qr->width; x += run) {
			/* bit 0 of each byte is the module: 1 is dark */
			run = 0;
			while (x + run < qr->width &&
			    (qr->data[y * qr->width + x + run] & 1))
				run++;
			if (run == 0) {
				run = 1;
				continue;
			}
			buf_printf(path, "M%d %dh%dv1h-%dz", x + QR_QUIET,
			    y + QR_QUIET, run, run);
		}
	}
	*size = qr->width + 2 * QR_QUIET;
	QRcode_free(qr);
	return 0;
}

/*
 * recovery_new: a recovery code of 80 random bits as 16 lower-case base32
 * characters in four groups, "xxxx-xxxx-xxxx-xxxx".  Lower case because
 * it is read off paper and typed; base32 has no 0/O or 1/I pairs to
 * confuse.  Only its recovery_hash is stored.
 */
void
recovery_new(char code[RECOVERY_LEN + 1])
{
	unsigned char	 raw[RECOVERY_RAW];
	char		 b[RECOVERY_B32 + 1];
	int		 i, j;

	if (libs_init() != 0)
		abort();
	randombytes_buf(raw, sizeof(raw));
	b32_encode(b, raw, sizeof(raw));
	for (i = j = 0; i < RECOVERY_B32; i++) {
		if (i > 0 && i % 4 == 0)
			code[j++] = '-';
		code[j++] = (char)(b[i] >= 'A' && b[i] <= 'Z' ?
		    b[i] - 'A' + 'a' : b[i]);
	}
	code[j] = '\0';
	sodium_memzero(raw, sizeof(raw));
	sodium_memzero(b, sizeof(b));
}

/*
 * recovery_hash: the stored form of a recovery code as typed: lower-cased,
 * '-' and blanks dropped, then BLAKE2b-256 keyed with the key file's key
 * in hex.  Keyed, so a copy of the database is not enough even to test
 * a guess against it; deterministic, so the caller finds the row by the
 * hash.  Returns 0, or -1 (hex emptied) without a key, for a character
 * outside base32, or for other than 16 characters.
 */
int
recovery_hash(const char *typed, char hex[65])
{
	unsigned char	 h[32];
	char		 norm[RECOVERY_B32];
	size_t		 n = 0;
	const char	*p;
	char		 c;

	hex[0] = '\0';
	if (!totp_key_loaded || typed == NULL)
		return -1;
	for (p = typed; *p != '\0'; p++) {
		c = *p;
		if (c == '-' || c == ' ' || c == '\t')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')))
			goto bad;
		if (n == sizeof(norm))
			goto bad;
		norm[n++] = c;
	}
	if (n != sizeof(norm))
		goto bad;
	crypto_generichash(h, sizeof(h), (const unsigned char *)norm,
	    sizeof(norm), totp_key, sizeof(totp_key));
	hex_encode(hex, h, sizeof(h));
	sodium_memzero(norm, sizeof(norm));
	return 0;
bad:
	sodium_memzero(norm, sizeof(norm));
	return -1;
}
