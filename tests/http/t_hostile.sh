#!/bin/bash
# Hostile input (SECURITY.md G.28, G.30, G.31, G.32): 400, 413, 414 or a
# field error, never a 500, and the one worker is the same process.
. "$(dirname "$0")/../lib.sh"
WORKERS=1 harness_start
pids=$(worker_pids)
get /signin
tok=$(csrf_token)
raw() {	# raw CONTENT-TYPE BODY-FILE [PATH]
	curl -s -o "$T/body" -w '%{http_code}' -b "$T/jar" -H "Content-Type: $1" \
		--data-binary @"$2" "$BASE${3:-/signin}"
}

# G.28: caps before allocation
head -c 100000 /dev/zero | tr '\0' a | sed "s/^/csrf=$tok\&email=/" >"$T/big"
expect_eq "G.28 a body over the 64 KiB form cap: 413" "$(raw application/x-www-form-urlencoded "$T/big")" 413
check "G.28 ... with our page" grep -q 'Too much data' "$T/body"
head -c 1100000 /dev/zero | tr '\0' a >"$T/huge"
expect_eq "G.28 over nginx's 1 MiB: 413" "$(raw application/x-www-form-urlencoded "$T/huge")" 413
check "G.28 ... with nginx's page, in the browser's language (R16.6)" \
	grep -q '<html lang="en">' "$T/body"
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/jar" -H 'Accept-Language: pl' \
	-H "Content-Type: application/x-www-form-urlencoded" --data-binary @"$T/huge" "$BASE/signin")
check "G.28 ... in Polish for a Polish browser (R16.6)" grep -q '<h1>Za dużo danych</h1>' "$T/body"
printf 'x' >"$T/one"
expect_eq "G.28 multipart without a boundary: 400" "$(raw multipart/form-data "$T/one")" 400
expect_eq "G.28 multipart on a route without uploads: 415" "$(raw 'multipart/form-data; boundary=abc' "$T/one")" 415
expect_eq "G.28 again without a boundary after that: 400" "$(raw multipart/form-data "$T/one")" 400
expect_eq "G.28 an unknown content type: 415" "$(raw text/xml "$T/one")" 415
# what nginx lets through is checked by the worker too: run it as CGI
cgi() {
	env -i PATH="$PATH" SUPPORTAL_VAR="$VAR" SUPPORTAL_ROOT="$ROOT" "${DB_ENV[@]}" REQUEST_METHOD=POST \
		DOCUMENT_URI=/signin CONTENT_TYPE=application/x-www-form-urlencoded "$@" "$BIN" </dev/null 2>/dev/null |
		sed -n 's/^Status: \([0-9]*\).*/\1/p'
}
expect_eq "G.28 CONTENT_LENGTH missing: 400" "$(cgi)" 400
expect_eq "G.28 CONTENT_LENGTH=abc: 400" "$(cgi CONTENT_LENGTH=abc)" 400
expect_eq "G.28 CONTENT_LENGTH=-1: 400" "$(cgi CONTENT_LENGTH=-1)" 400
expect_eq "G.28 CONTENT_LENGTH=99999999999999999999: 400" "$(cgi CONTENT_LENGTH=99999999999999999999)" 400
expect_eq "G.28 CONTENT_LENGTH=2000000000: 413, nothing read" "$(cgi CONTENT_LENGTH=2000000000)" 413
expect_eq "G.28 a body shorter than its CONTENT_LENGTH: 400" "$(cgi CONTENT_LENGTH=50)" 400
expect_eq "G.28 the worker is the same process" "$(worker_pids)" "$pids"

# G.30: parameter pollution and limits
form() { printf '%s' "$1" >"$T/f"; raw application/x-www-form-urlencoded "$T/f"; }
expect_eq "G.30 email=a&email=b: 400" "$(form "csrf=$tok&email=a&email=b&password=x")" 400
expect_eq "G.30 x.0=evil&x=1: 400" "$(form "csrf=$tok&email.0=evil&email=a&password=x")" 400
expect_eq "G.30 %00: 400" "$(form "csrf=$tok&email=a%00b&password=x")" 400
expect_eq "G.30 bad UTF-8: 400" "$(form "csrf=$tok&email=%C3%28&password=x")" 400
many=$(for i in $(seq 300); do printf 'p%d=1&' "$i"; done)
expect_eq "G.30 300 fields: 400" "$(form "csrf=$tok&${many}email=a")" 400
many=$(for i in $(seq 10000); do printf 'p%d=1&' "$i"; done)
expect_eq "G.30 10,000 fields: 413 (over the cap)" "$(form "$many")" 413
v=$(head -c 1000000 /dev/zero | tr '\0' a)
expect_eq "G.30 a 1 MB value: 413" "$(form "csrf=$tok&email=$v")" 413
get "/signin?next=/a&next=/b"
expect_eq "G.30 a repeated query parameter: 400" "$STATUS" 400
get "/signin?$(head -c 9000 /dev/zero | tr '\0' a)=1"
check "G.30 a query string over 8 KiB: 414 ($STATUS)" test "$STATUS" = 414
expect_eq "G.30 nothing above was a 5xx; the worker is the same" "$(worker_pids)" "$pids"

# G.31: local redirects only, no header splitting
signup red@example.com 'a long pass phrase' Red Irect personal
profile_fill red@example.com
post /signout
for n in '//evil.example/' '/\evil.example' 'https://evil.example/' $'/x\r\nSet-Cookie: x=1' '/%0d%0aSet-Cookie:x=1'; do
	get /signin
	post /signin "email=red@example.com" "password=a long pass phrase" "next=$n"
	expect_eq "G.31 next=$(printf %q "$n") goes to /" "$(header Location)" /
	check "G.31 ... and no header is injected" bash -c "! grep -qi '^Set-Cookie: x=1' '$T/headers'"
done
get '/signin?next=//evil.example/'
check "G.31 a hostile next= is not carried into the form" bash -c "! grep -q 'evil.example' '$T/body'"
post /lang "lang=en" "next=//evil.example/"
expect_eq "G.31 the language switch too" "$(header Location)" /

# G.32: the FastCGI socket is 0660 or tighter; another user cannot connect
mode=$(stat -c %a "$VAR/run/supportal.sock")
check "G.32 the socket's mode is $mode (0660 or tighter)" test $((8#$mode & 8#117)) -eq 0
if command -v setpriv >/dev/null; then
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		curl -s -o /dev/null --unix-socket "$VAR/run/supportal.sock" http://x/ 2>/dev/null
	expect_eq "G.32 another local user cannot connect (curl exit 7)" "$?" 7
fi

n5=$(grep -c ' req [A-Z]* [^ ]* 5[0-9][0-9] ' "$VAR/log/supportal.log")
expect_eq "G.28-G.31 no request above was answered with a 5xx" "$n5" 0
expect_eq "G.28-G.31 the worker is the same process at the end" "$(worker_pids)" "$pids"
