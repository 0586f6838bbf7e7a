/*
 * t_util: SHA-256, UTF-8, local paths, constant-time compare, buffers,
 * CSV and JSON fields.
 */
#include "unit.h"
#include "lib/util.h"

/* SHA-256 against the FIPS 180-2 vectors, one-shot and streamed. */
TEST(sha256_vectors)
{
	char		 out[65];
	struct sha256	 s;
	unsigned char	 d[32];
	char		 million[1000];
	int		 i;

	sha256_hex("", 0, out);
	CHECK(strcmp(out, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934c"
	    "a495991b7852b855") == 0);
	sha256_hex("abc", 3, out);
	CHECK(strcmp(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9c"
	    "b410ff61f20015ad") == 0);
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, out);
	CHECK(strcmp(out, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167"
	    "f6ecedd419db06c1") == 0);
	memset(million, 'a', sizeof(million));
	sha256_init(&s);
	for (i = 0; i < 1000; i++)
		sha256_update(&s, million, sizeof(million));
	sha256_final(&s, d);
	hex_encode(out, d, 32);
	CHECK(strcmp(out, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e"
	    "046d39ccc7112cd0") == 0);
}

TEST(utf8)
{
	CHECK(utf8_valid("plain", 5));
	CHECK(utf8_valid("Zażółć gęślą jaźń", strlen("Zażółć gęślą jaźń")));
	CHECK(utf8_valid("line\r\nnext\t", 11));
	CHECK(!utf8_valid("a\0b", 3));			/* NUL (A.3, G.30) */
	CHECK(!utf8_valid("\x01", 1));
	CHECK(!utf8_valid("\xc3", 1));			/* truncated */
	CHECK(!utf8_valid("\xc0\xaf", 2));		/* overlong */
	CHECK(!utf8_valid("\xed\xa0\x80", 3));		/* surrogate */
	CHECK(!utf8_valid("\xf4\x90\x80\x80", 4));	/* > U+10FFFF */
	CHECK(utf8_valid("\xe2\x80\xae", 3));		/* U+202E is text */
}

/* G.31: next= takes only local paths. */
TEST(local_paths)
{
	CHECK(path_is_local("/"));
	CHECK(path_is_local("/profile?x=1"));
	CHECK(!path_is_local("//evil.example/"));
	CHECK(!path_is_local("/\\evil.example/"));
	CHECK(!path_is_local("https://evil.example/"));
	CHECK(!path_is_local("/a\r\nSet-Cookie: x=1"));
	CHECK(!path_is_local("/a b"));
	CHECK(!path_is_local("/%0d%0aSet-Cookie:x=1"));
	CHECK(!path_is_local("/%0A"));
	CHECK(!path_is_local("/a%00"));
	CHECK(path_is_local("/search?q=%41%0"));
	CHECK(!path_is_local(""));
	CHECK(!path_is_local(NULL));
}

TEST(compare)
{
	CHECK(ct_equal("abc", "abc"));
	CHECK(!ct_equal("abc", "abd"));
	CHECK(!ct_equal("abc", "abcd"));
	CHECK(!ct_equal("", ""));
}

/* B.12, M.53: the shape of a cookie or a mailed link's token */
TEST(tokens)
{
	char	 t[65];

	random_hex(t, 32);
	CHECK(token_valid(t));
	CHECK(!token_valid(NULL) && !token_valid("") && !token_valid("ab"));
	t[10] = 'A';				/* upper case */
	CHECK(!token_valid(t));
	t[10] = 'g';
	CHECK(!token_valid(t));
	t[10] = 'a';
	CHECK(token_valid(t));
	t[63] = '\0';				/* 63 digits */
	CHECK(!token_valid(t));
}

TEST(decimal)
{
	char	 b[24];

	CHECK(strcmp(int_str(b, 0), "0") == 0);
	CHECK(strcmp(int_str(b, 7), "7") == 0);
	CHECK(strcmp(int_str(b, 1234567890123LL), "1234567890123") == 0);
	CHECK(strcmp(int_str(b, -42), "-42") == 0);
	CHECK(strcmp(int_str(b, INT64_MAX), "9223372036854775807") == 0);
	CHECK(strcmp(int_str(b, INT64_MIN), "-9223372036854775808") == 0);
}

TEST(buffers_and_random)
{
	struct buf	 b = { 0 };
	char		 a[65], c[65];
	int		 i;

	for (i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	CHECK(b.len == strlen(b.p));
	CHECK(strncmp(b.p, "0,1,2,", 6) == 0);
	buf_free(&b);
	CHECK(b.p == NULL && b.len == 0);
	random_hex(a, 32);
	random_hex(c, 32);
	CHECK(strlen(a) == 64 && strcmp(a, c) != 0);
}

TEST(log_escaping)
{
	struct buf	 b = { 0 };

	log_escape(&b, "a\r\nb\"c\\");
	CHECK(strchr(b.p, '\n') == NULL && strchr(b.p, '\r') == NULL);
	CHECK(strstr(b.p, "\\x0d\\x0a") != NULL);
	buf_free(&b);
}

/*
 * R12.3: time_local writes its digits by hand; strftime's "%Y-%m-%d
 * %H:%M %Z" must come out the same in zones with odd offsets, across DST
 * changes, and at the edges where it hands over to strftime.
 */
TEST(local_times)
{
	static const char *const zones[] = { "UTC", "Europe/Warsaw",
	    "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe",
	    "Pacific/Chatham", "" };
	static const time_t edges[] = { 0, -1, 1711846799, 1711846800,
	    1729990799, 1729990800, 253402300799LL, 253402300800LL,
	    -62135596801LL, 4102444800LL };
	char		 got[64], want[64];
	struct tm	 tm;
	size_t		 z, i;
	time_t		 t;
	int		 bad = 0;

	for (z = 0; z < sizeof(zones) / sizeof(zones[0]); z++) {
		for (i = 0; i < sizeof(edges) / sizeof(edges[0]) + 2000; i++) {
			t = i < sizeof(edges) / sizeof(edges[0]) ? edges[i] :
			    (time_t)(i * 1234567 + 1577836800 - 2400000000LL);
			time_local(got, sizeof(got), t, zones[z]);
			localtime_r(&t, &tm);
			strftime(want, sizeof(want), "%Y-%m-%d %H:%M %Z", &tm);
			if (strcmp(got, want) != 0 && bad++ < 5)
				printf("  %s %lld: %s, strftime %s\n", zones[z],
				    (long long)t, got, want);
		}
	}
	CHECK(bad == 0);
	time_local(got, sizeof(got), (time_t)1 << 62, "UTC");	/* no year */
	CHECK(got[0] == '\0');
	time_local(got, 8, 0, "UTC");		/* truncated, terminated */
	CHECK(strcmp(got, "1970-01") == 0);
}

/* csv_of, json_of: s as one CSV field (guarded or not), a JSON string */
static const char *
csv_of(const char *s, int guard)
{
	static struct buf	 b;

	buf_free(&b);
	buf_add(&b, "", 0);
	csv_cell(&b, s, guard);
	return b.p;
}

static const char *
json_of(const char *s)
{
	static struct buf	 b;

	buf_free(&b);
	json_str(&b, s);
	return b.p;
}

/*
 * R17.2: the exports' CSV fields (RFC 4180, and no formula for a
 * spreadsheet to run) and the lists' JSON strings (RFC 8259).
 */
TEST(csv_and_json)
{
	CHECK(strcmp(csv_of("plain", 1), "plain") == 0);
	CHECK(strcmp(csv_of("", 1), "") == 0);
	CHECK(strcmp(csv_of("a,b", 1), "\"a,b\"") == 0);
	CHECK(strcmp(csv_of("say \"hi\"", 1), "\"say \"\"hi\"\"\"") == 0);
	CHECK(strcmp(csv_of("two\r\nlines", 1), "\"two\r\nlines\"") == 0);
	CHECK(strcmp(csv_of("=HYPERLINK(\"x\")", 1),
	    "\"'=HYPERLINK(\"\"x\"\")\"") == 0);
	CHECK(strcmp(csv_of("+1", 1), "'+1") == 0);
	CHECK(strcmp(csv_of("-2+3", 1), "'-2+3") == 0);
	CHECK(strcmp(csv_of("@SUM(A1)", 1), "'@SUM(A1)") == 0);
	CHECK(strcmp(csv_of("\tx", 1), "'\tx") == 0);
	CHECK(strcmp(csv_of("a=b", 1), "a=b") == 0);	/* only at the start */
	CHECK(strcmp(csv_of("-1", 0), "-1") == 0);	/* a number */
	CHECK(strcmp(json_of("plain"), "\"plain\"") == 0);
	CHECK(strcmp(json_of("q\"b\\"), "\"q\\\"b\\\\\"") == 0);
	CHECK(strcmp(json_of("a\nb\tc\r"), "\"a\\nb\\tc\\r\"") == 0);
	CHECK(strcmp(json_of("\x01\x1b[31m\x7f"),
	    "\"\\u0001\\u001b[31m\\u007f\"") == 0);
	CHECK(strcmp(json_of("Zażółć </script>"),
	    "\"Zażółć </script>\"") == 0);
	CHECK(strcmp(json_of(""), "\"\"") == 0);
}

int
main(void)
{
	RUN(sha256_vectors);
	RUN(utf8);
	RUN(local_paths);
	RUN(compare);
	RUN(decimal);
	RUN(buffers_and_random);
	RUN(tokens);
	RUN(log_escaping);
	RUN(local_times);
	RUN(csv_and_json);
	DONE();
}
