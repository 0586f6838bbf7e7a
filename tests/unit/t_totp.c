/*
 * t_totp: two-factor sign-in (R14.6, SECURITY.md M.58): the key file,
 * sealed secrets, TOTP codes against Debian's oathtool as the independent
 * authenticator, the otpauth URI, the QR code's SVG path (decoded by
 * zbarimg and compared with the qrencode tool where they are installed)
 * and recovery codes.
 */
#include <sys/stat.h>

#include "unit.h"
#include "domain/totp.h"
#include "lib/util.h"

#define T2026	((time_t)1767225600)	/* 2026-01-01 00:00:00 UTC */

static char	 dir[] = "/tmp/supportal-totp.XXXXXX";
static char	 keyfile[256];

/* tmp: dir/name into p. */
static char *
tmp(char *p, size_t n, const char *name)
{
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* put: a file of len bytes of c with mode, replacing any. */
static void
put(const char *path, int c, size_t len, mode_t mode)
{
	FILE	*f;

	unlink(path);
	if ((f = fopen(path, "w")) == NULL)
		abort();
	while (len-- > 0)
		fputc(c, f);
	fclose(f);
	chmod(path, mode);
}

/* run: the first line printed by cmd into out; 0 when it exited 0. */
static int
run(const char *cmd, char *out, size_t n)
{
	FILE	*p;
	int	 rc;

	out[0] = '\0';
	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	if (fgets(out, (int)n, p) == NULL)
		out[0] = '\0';
	out[strcspn(out, "\r\n")] = '\0';
	rc = pclose(p);
	return rc == 0 ? 0 : -1;
}

static int
have(const char *tool)
{
	char	 cmd[128], out[256];

	snprintf(cmd, sizeof(cmd), "command -v %s", tool);
	return run(cmd, out, sizeof(out)) == 0 && out[0] != '\0';
}

/* oath: oathtool's 6-digit (or digits) code for secret at when ("" now). */
static int
oath(char code[16], const char *secret, const char *when, int digits)
{
	char	 cmd[256];

	snprintf(cmd, sizeof(cmd), "oathtool --totp -b -d %d %s%s%s %s",
	    digits, *when ? "--now '" : "", when, *when ? "'" : "", secret);
	return run(cmd, code, 16);
}

/* R14.6/M.58: the key file is made once, 0600, and never via a symlink. */
TEST(R14_6_M58_key_create_0600_excl_nofollow)
{
	char		 p[300], target[300], before[32], after[32];
	struct stat	 st;
	FILE		*f;

	CHECK(totp_key_create(keyfile) == 0);
	CHECK(stat(keyfile, &st) == 0);
	CHECK((st.st_mode & 07777) == 0600);
	CHECK(st.st_size == 32);
	f = fopen(keyfile, "r");
	CHECK(f != NULL && fread(before, 1, 32, f) == 32);
	if (f != NULL)
		fclose(f);
	/* a second create leaves the key alone */
	CHECK(totp_key_create(keyfile) == 1);
	f = fopen(keyfile, "r");
	CHECK(f != NULL && fread(after, 1, 32, f) == 32);
	if (f != NULL)
		fclose(f);
	CHECK(memcmp(before, after, 32) == 0);
	/* a symlink planted at the path: refused, its target not made */
	tmp(target, sizeof(target), "elsewhere");
	CHECK(symlink(target, tmp(p, sizeof(p), "linked.key")) == 0);
	CHECK(totp_key_create(p) == -1);
	CHECK(access(target, F_OK) == -1);
	/* even when the target exists, it is not "already there" */
	put(target, 'x', 32, 0600);
	CHECK(totp_key_create(p) == -1);
	/* a missing directory is an error */
	CHECK(totp_key_create(tmp(p, sizeof(p), "no/such.key")) == -1);
}

/* R14.6/M.58: totp_init takes exactly 32 bytes that others cannot read. */
TEST(R14_6_M58_key_load_exact)
{
	char	 p[300];

	CHECK(totp_init(keyfile) == 0);
	CHECK(totp_init(keyfile) == 0);		/* reload */
	put(tmp(p, sizeof(p), "short.key"), 'k', 31, 0600);
	CHECK(totp_init(p) == -1);
	put(p, 'k', 33, 0600);
	CHECK(totp_init(p) == -1);
	put(p, 'k', 0, 0600);
	CHECK(totp_init(p) == -1);
	put(p, 'k', 32, 0644);
	CHECK(totp_init(p) == -1);		/* world-readable */
	CHECK(totp_init(tmp(p, sizeof(p), "missing.key")) == -1);
	CHECK(totp_init(dir) == -1);		/* a directory */
	CHECK(totp_init("") == -1);
	/* a failed load leaves no key behind */
	{
		unsigned char	 box[TOTP_SEALED_MAX];
		size_t		 len;
		char		 s[TOTP_SECRET_B32 + 1], h[65];

		totp_secret_new(s);
		CHECK(totp_seal(s, box, &len) == -1);
		CHECK(recovery_hash("abcd-efgh-ijkl-mnop", h) == -1);
	}
	CHECK(totp_init(keyfile) == 0);
}

/* R14.6: a secret is 160 bits as 32 upper-case base32 characters. */
TEST(R14_6_secret_new_base32)
{
	char	 a[TOTP_SECRET_B32 + 1], b[TOTP_SECRET_B32 + 1];
	int	 i, ok = 1;

	totp_secret_new(a);
	totp_secret_new(b);
	CHECK(strlen(a) == TOTP_SECRET_B32);
	for (i = 0; i < TOTP_SECRET_B32; i++)
		if (!((a[i] >= 'A' && a[i] <= 'Z') ||
		    (a[i] >= '2' && a[i] <= '7')))
			ok = 0;
	CHECK(ok);
	CHECK(strcmp(a, b) != 0);
}

/* M.58: secrets are stored sealed; a flipped bit or another key fails. */
TEST(R14_6_M58_seal_open)
{
	unsigned char	 box[TOTP_SEALED_MAX], box2[TOTP_SEALED_MAX];
	size_t		 len = 0, len2 = 0, i;
	char		 s[TOTP_SECRET_B32 + 1], out[TOTP_SECRET_B32 + 1];
	char		 other[300];
	int		 ok;

	totp_secret_new(s);
	CHECK(totp_seal(s, box, &len) == 0);
	CHECK(len == crypto_secretbox_NONCEBYTES +
	    crypto_secretbox_MACBYTES + TOTP_SECRET_B32);
	CHECK(len <= TOTP_SEALED_MAX);
	CHECK(memmem(box, len, s, TOTP_SECRET_B32) == NULL);
	CHECK(totp_open(box, len, out) == 0);
	CHECK(strcmp(out, s) == 0);
	/* a fresh nonce each time */
	CHECK(totp_seal(s, box2, &len2) == 0);
	CHECK(len2 == len && memcmp(box, box2, len) != 0);
	/* every byte, nonce, tag and text, is authenticated */
	ok = 1;
	for (i = 0; i < len; i++) {
		box[i] ^= 0x01;
		if (totp_open(box, len, out) != -1 || out[0] != '\0')
			ok = 0;
		box[i] ^= 0x01;
	}
	CHECK(ok);
	CHECK(totp_open(box, len - 1, out) == -1);
	CHECK(totp_open(box, 0, out) == -1);
	CHECK(totp_open(box, crypto_secretbox_NONCEBYTES +
	    crypto_secretbox_MACBYTES, out) == -1);
	/* only a secret is sealed */
	CHECK(totp_seal("not base32!", box2, &len2) == -1);
	CHECK(totp_seal("ABCDEFGH", box2, &len2) == -1);
	/* another key opens nothing */
	tmp(other, sizeof(other), "other.key");
	CHECK(totp_key_create(other) == 0);
	CHECK(totp_init(other) == 0);
	CHECK(totp_open(box, len, out) == -1);
	CHECK(totp_init(keyfile) == 0);
	CHECK(totp_open(box, len, out) == 0 && strcmp(out, s) == 0);
}

/* RFC 6238 appendix B (SHA-1, the low 6 of its 8 digits). */
TEST(R14_6_rfc6238_vectors)
{
	/* base32 of the ASCII "12345678901234567890" */
	const char	*k = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
	int64_t		 st = 0;

	CHECK(totp_check(k, "287082", 59, -1, &st) == 1 && st == 1);
	CHECK(totp_check(k, "081804", 1111111109, -1, &st) == 1 &&
	    st == 37037036);
	CHECK(totp_check(k, "005924", 1234567890, -1, &st) == 1 &&
	    st == 41152263);
	CHECK(totp_check(k, "279037", 2000000000, -1, &st) == 1 &&
	    st == 66666666);
	CHECK(totp_check(k, "353130", 20000000000LL, -1, &st) == 1 &&
	    st == 666666666);
}

/* M.58: the current code from oathtool works, once. */
TEST(R14_6_M58_oathtool_now)
{
	char	 s[TOTP_SECRET_B32 + 1], code[16];
	time_t	 t0, t1;
	int64_t	 st = -5;
	int	 tries = 0;

	totp_secret_new(s);
	do {
		t0 = time(NULL);
		CHECK(oath(code, s, "", 6) == 0);
		t1 = time(NULL);
	} while (t0 / 30 != t1 / 30 && ++tries < 3);
	CHECK(strlen(code) == 6);
	CHECK(totp_check(s, code, t1, 0, &st) == 1);
	CHECK(st == (int64_t)(t1 / 30));
	/* replay: the same step again */
	CHECK(totp_check(s, code, t1, st, &st) == 0);
}

/* M.58: at fixed times, ±1 step accepted, ±2 refused, no replay. */
TEST(R14_6_M58_oathtool_window_replay)
{
	static const char *when[] = {
		"2025-12-31 23:59:00 UTC",	/* -2 steps */
		"2025-12-31 23:59:30 UTC",	/* -1 */
		"2026-01-01 00:00:00 UTC",	/* now */
		"2026-01-01 00:00:29 UTC",	/* same step, late in it */
		"2026-01-01 00:00:30 UTC",	/* +1 */
		"2026-01-01 00:01:00 UTC",	/* +2 */
	};
	char	 s[TOTP_SECRET_B32 + 1], c[6][16];
	int64_t	 st, now = T2026 / 30;
	int	 i;

	totp_secret_new(s);
	for (i = 0; i < 6; i++)
		CHECK(oath(c[i], s, when[i], 6) == 0 && strlen(c[i]) == 6);
	CHECK(strcmp(c[2], c[3]) == 0);

	/* the code of the step, at any second of it */
	st = -1;
	CHECK(totp_check(s, c[2], T2026, 0, &st) == 1 && st == now);
	CHECK(totp_check(s, c[2], T2026 + 29, 0, &st) == 1 && st == now);
	/* used once: refused at the same step, and any older one too */
	CHECK(totp_check(s, c[2], T2026 + 10, now, &st) == 0);
	CHECK(totp_check(s, c[1], T2026, now, &st) == 0);
	CHECK(totp_check(s, c[2], T2026, now - 1, &st) == 1 && st == now);
	/* one step either side */
	CHECK(totp_check(s, c[1], T2026, 0, &st) == 1 && st == now - 1);
	CHECK(totp_check(s, c[4], T2026, 0, &st) == 1 && st == now + 1);
	/* the next code after a used one is fine */
	CHECK(totp_check(s, c[4], T2026, now, &st) == 1 && st == now + 1);
	/* two steps away: refused */
	CHECK(totp_check(s, c[0], T2026, 0, &st) == 0);
	CHECK(totp_check(s, c[5], T2026, 0, &st) == 0);
	/* and at its own time, two steps on, the old code is stale */
	CHECK(totp_check(s, c[2], T2026 + 60, 0, &st) == 0);
	CHECK(totp_check(s, c[2], T2026 - 60, 0, &st) == 0);
}

/* M.58: only exactly 6 ASCII digits are a code. */
TEST(R14_6_M58_code_shape)
{
	char	 s[TOTP_SECRET_B32 + 1], c[16], c7[16], c8[16], bad[24];
	int64_t	 st;

	totp_secret_new(s);
	CHECK(oath(c, s, "2026-01-01 00:00:00 UTC", 6) == 0);
	CHECK(totp_check(s, c, T2026, 0, &st) == 1);
	/* the right 7- and 8-digit codes (liboath would take them) */
	CHECK(oath(c7, s, "2026-01-01 00:00:00 UTC", 7) == 0);
	CHECK(oath(c8, s, "2026-01-01 00:00:00 UTC", 8) == 0);
	CHECK(strlen(c7) == 7 && strlen(c8) == 8);
	CHECK(totp_check(s, c7, T2026, 0, &st) == 0);
	CHECK(totp_check(s, c8, T2026, 0, &st) == 0);
	CHECK(totp_check(s, c + 1, T2026, 0, &st) == 0);	/* 5 digits */
	snprintf(bad, sizeof(bad), "%.5sa", c);
	CHECK(totp_check(s, bad, T2026, 0, &st) == 0);
	snprintf(bad, sizeof(bad), " %s", c);
	CHECK(totp_check(s, bad, T2026, 0, &st) == 0);
	snprintf(bad, sizeof(bad), "%s\n", c);
	CHECK(totp_check(s, bad, T2026, 0, &st) == 0);
	snprintf(bad, sizeof(bad), "%s ", c);
	CHECK(totp_check(s, bad, T2026, 0, &st) == 0);
	CHECK(totp_check(s, "", T2026, 0, &st) == 0);
	CHECK(totp_check(s, NULL, T2026, 0, &st) == 0);
	CHECK(totp_check(s, "+12345", T2026, 0, &st) == 0);
	/* a broken secret is an error, not a refusal */
	CHECK(totp_check("!!!!", c, T2026, 0, &st) == -1);
}

/* R14.6: the otpauth URI, issuer and account percent-encoded. */
TEST(R14_6_otpauth_uri)
{
	const char	*s = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
	const char	*want = "otpauth://totp/Contoso%20%26%20Co:a%20b%40c"
	    "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	    "&issuer=Contoso%20%26%20Co&algorithm=SHA1&digits=6&period=30";
	char		 u[512];

	CHECK(totp_uri(u, sizeof(u), "Contoso & Co", "a b@c", s) == 0);
	CHECK(strcmp(u, want) == 0);
	CHECK(totp_uri(u, strlen(want) + 1, "Contoso & Co", "a b@c", s) == 0);
	CHECK(totp_uri(u, strlen(want), "Contoso & Co", "a b@c", s) == -1);
	CHECK(u[0] == '\0');
	CHECK(totp_uri(u, sizeof(u), "x:y", "Zoë~.-_", s) == 0);
	CHECK(strcmp(u, "otpauth://totp/x%3Ay:Zo%C3%AB~.-_?secret=GEZDGNBVGY"
	    "3TQOJQGEZDGNBVGY3TQOJQ&issuer=x%3Ay&algorithm=SHA1&digits=6"
	    "&period=30") == 0);
	CHECK(totp_uri(u, sizeof(u), "i", "a", "bad&secret=X") == -1);
	CHECK(totp_uri(u, 0, "i", "a", s) == -1);
}

/* grid: the modules the path paints, size by size; -1 on a bad token. */
static int
grid(const char *d, int size, unsigned char *g)
{
	int	 x, y, w, w2, n, i;

	memset(g, 0, (size_t)size * size);
	while (*d != '\0') {
		if (sscanf(d, "M%d %dh%dv1h-%dz%n", &x, &y, &w, &w2, &n) != 4 ||
		    w != w2 || w < 1 || x < 0 || y < 0 || x + w > size ||
		    y >= size)
			return -1;
		for (i = 0; i < w; i++)
			g[y * size + x + i] = 1;
		d += n;
	}
	return 0;
}

/* finder: the 7x7 finder pattern with its top left at (x, y). */
static int
finder(const unsigned char *g, int size, int x, int y)
{
	int	 i, j, ring;

	for (j = 0; j < 7; j++)
		for (i = 0; i < 7; i++) {
			ring = i == 0 || i == 6 || j == 0 || j == 6;
			if (g[(y + j) * size + x + i] !=
			    (ring || (i >= 2 && i <= 4 && j >= 2 && j <= 4)))
				return 0;
		}
	return 1;
}

/* R14.6: the QR code is an SVG path the template can print as it is. */
TEST(R14_6_qr_svg_path)
{
	char		 u[512], f[300], cmd[900], line[600];
	struct buf	 d = { 0 };
	unsigned char	*g;
	int		 size = 0, ok, x, y, q, w;
	FILE		*fp;

	CHECK(totp_uri(u, sizeof(u), "Contoso & Co", "a b@c",
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ") == 0);
	CHECK(qr_svg(u, &d, &size) == 0);
	CHECK(size >= 25 + 8);
	CHECK(d.len > 0 && strspn(d.p, "MhvzZ0123456789- ") == d.len);
	CHECK(strncmp(d.p, "M4 4h7v1h-7z", 12) == 0);
	g = xmalloc((size_t)size * size);
	CHECK(grid(d.p, size, g) == 0);
	/* quiet zone light, three finder patterns dark where they belong */
	q = size - 8;
	ok = 1;
	for (y = 0; y < size; y++)
		for (x = 0; x < size; x++)
			if ((x < 4 || y < 4 || x >= size - 4 ||
			    y >= size - 4) && g[y * size + x])
				ok = 0;
	CHECK(ok);
	CHECK(finder(g, size, 4, 4));
	CHECK(finder(g, size, 4 + q - 7, 4));
	CHECK(finder(g, size, 4, 4 + q - 7));
	CHECK(!finder(g, size, 4 + q - 7, 4 + q - 7));

	/* the qrencode tool, the same library's CLI, draws the same modules */
	if (have("qrencode")) {
		snprintf(cmd, sizeof(cmd), "qrencode -l M -m 0 -t ASCII '%s'",
		    u);
		ok = (fp = popen(cmd, "r")) != NULL;
		for (y = 0; ok && y < q; y++) {
			if (fgets(line, sizeof(line), fp) == NULL ||
			    (int)strcspn(line, "\n") != 2 * q) {
				ok = 0;
				break;
			}
			for (x = 0; x < q; x++)
				if ((line[2 * x] == '#') !=
				    g[(y + 4) * size + x + 4])
					ok = 0;
		}
		if (fp != NULL && pclose(fp) != 0)
			ok = 0;
		CHECK(ok);
	} else
		printf("# qrencode not installed: comparison skipped\n");

	/* an independent decoder reads the URI back from our modules */
	if (have("zbarimg")) {
		tmp(f, sizeof(f), "qr.pgm");
		w = 4;	/* pixels a module */
		fp = fopen(f, "w");
		CHECK(fp != NULL);
		if (fp != NULL) {
			fprintf(fp, "P5\n%d %d\n255\n", size * w, size * w);
			for (y = 0; y < size * w; y++)
				for (x = 0; x < size * w; x++)
					fputc(g[(y / w) * size + x / w] ?
					    0 : 255, fp);
			fclose(fp);
		}
		snprintf(cmd, sizeof(cmd),
		    "zbarimg -q --raw '%s' 2>/dev/null", f);
		CHECK(run(cmd, line, sizeof(line)) == 0);
		CHECK(strcmp(line, u) == 0);
	} else
		printf("# zbarimg not installed: decoding skipped\n");

	free(g);
	buf_free(&d);
	/* too long for any QR code */
	{
		char	*big = xmalloc(4000);

		memset(big, 'a', 3999);
		big[3999] = '\0';
		CHECK(qr_svg(big, &d, &size) == -1);
		CHECK(qr_svg("", &d, &size) == -1);
		free(big);
		buf_free(&d);
	}
}

/* R14.6: recovery codes: random, typed loosely, stored keyed-hashed. */
TEST(R14_6_M58_recovery_codes)
{
	char	(*c)[RECOVERY_LEN + 1];
	char	 h1[65], h2[65], h3[65];
	int	 i, j, ok = 1, distinct = 1;

	c = xcalloc(1000, sizeof(*c));
	for (i = 0; i < 1000; i++) {
		recovery_new(c[i]);
		if (strlen(c[i]) != RECOVERY_LEN || c[i][4] != '-' ||
		    c[i][9] != '-' || c[i][14] != '-')
			ok = 0;
		for (j = 0; j < RECOVERY_LEN; j++)
			if (j % 5 != 4 && !((c[i][j] >= 'a' &&
			    c[i][j] <= 'z') || (c[i][j] >= '2' &&
			    c[i][j] <= '7')))
				ok = 0;
		if (recovery_hash(c[i], h1) != 0 || strlen(h1) != 64)
			ok = 0;
	}
	CHECK(ok);
	for (i = 0; i < 1000 && distinct; i++)
		for (j = i + 1; j < 1000; j++)
			if (strcmp(c[i], c[j]) == 0) {
				distinct = 0;
				break;
			}
	CHECK(distinct);
	free(c);

	CHECK(recovery_hash("ABCD-efgh-IJKL-mn23", h1) == 0);
	CHECK(recovery_hash("abcdefghijklmn23", h2) == 0);
	CHECK(recovery_hash(" abcd efgh\tijkl-mn23 ", h3) == 0);
	CHECK(strcmp(h1, h2) == 0 && strcmp(h1, h3) == 0);
	CHECK(strspn(h1, "0123456789abcdef") == 64);
	CHECK(recovery_hash("abcdefghijklmn24", h2) == 0);
	CHECK(strcmp(h1, h2) != 0);
	/* wrong lengths and characters outside base32 */
	CHECK(recovery_hash("abcdefghijklmn2", h2) == -1 && h2[0] == '\0');
	CHECK(recovery_hash("abcdefghijklmn234", h2) == -1);
	CHECK(recovery_hash("", h2) == -1);
	CHECK(recovery_hash("abcdefghijklmn01", h2) == -1);
	CHECK(recovery_hash("abcd_efgh_ijkl_mn23", h2) == -1);
	CHECK(recovery_hash("abcdefghijklmn2\xc3\xa9", h2) == -1);
	CHECK(recovery_hash(NULL, h2) == -1);
	/* keyed: another key, another hash */
	{
		char	 other[300];

		tmp(other, sizeof(other), "other.key");
		CHECK(totp_init(other) == 0);
		CHECK(recovery_hash("abcdefghijklmn23", h2) == 0);
		CHECK(strcmp(h1, h2) != 0);
		CHECK(totp_init(keyfile) == 0);
	}
}

int
main(void)
{
	char	 cmd[300];

	if (mkdtemp(dir) == NULL)
		abort();
	tmp(keyfile, sizeof(keyfile), "totp.key");
	RUN(R14_6_M58_key_create_0600_excl_nofollow);
	RUN(R14_6_M58_key_load_exact);
	RUN(R14_6_secret_new_base32);
	RUN(R14_6_M58_seal_open);
	RUN(R14_6_rfc6238_vectors);
	if (have("oathtool")) {
		RUN(R14_6_M58_oathtool_now);
		RUN(R14_6_M58_oathtool_window_replay);
		RUN(R14_6_M58_code_shape);
	} else {
		/* the check must not pass quietly without its authenticator */
		printf("not ok - R14_6_M58_oathtool (not installed)\n");
		unit_fail++;
	}
	RUN(R14_6_otpauth_uri);
	RUN(R14_6_qr_svg_path);
	RUN(R14_6_M58_recovery_codes);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	DONE();
}
