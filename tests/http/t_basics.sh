#!/bin/bash
# Basics: /healthz (R13.5), security headers (K.45), error pages, methods
# (E.23), the request log line with its id (R13.4), static files.
. "$(dirname "$0")/../lib.sh"
harness_start

get /healthz
expect_eq "R13.5 /healthz answers 200" "$STATUS" 200
check "R13.5 /healthz says ok" body_has ok

get /signin
expect_eq "R1.2 the sign-in page is served" "$STATUS" 200
expect_eq "a page opens with the doctype and its html element, no blank lines between (#19)" \
	"$(head -2 "$T/body" | tr '\n' '|')" '<!DOCTYPE html>|<html lang="en">|'
check "K.45 CSP on pages" grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'" "$T/headers"
check "K.45 nosniff" grep -qi '^X-Content-Type-Options: nosniff' "$T/headers"
check "K.45 Referrer-Policy" grep -qi '^Referrer-Policy: ' "$T/headers"
check "K.45 COOP same-origin" grep -qi '^Cross-Origin-Opener-Policy: same-origin' "$T/headers"
check "K.45 no-store" grep -qi '^Cache-Control: no-store' "$T/headers"
check "K.45 charset=utf-8" grep -qi '^Content-Type: text/html; charset=utf-8' "$T/headers"
expect_eq "K.45 Server header has no version" "$(header Server)" "nginx"
check "K.45 no ClearSilver timing footer" bash -c "! grep -q '<!-- [0-9.]*:' '$T/body'"

get /no/such/page
expect_eq "404 for an unknown path" "$STATUS" 404
check "404 page names the reference only" grep -q 'Page not found' "$T/body"
rid=$(sed -n 's/.*<code>\([0-9a-f]\{16\}\)<\/code>.*/\1/p' "$T/body")
check "R13.4 the error page shows a request id" test -n "$rid"
check "R13.4 the log has one line with that request id" \
	test "$(grep -c " $rid req GET /no/such/page 404 " "$VAR/log/supportal.log")" = 1

for m in PUT DELETE TRACE PATCH OPTIONS; do
	http "$m" /signin
	expect_eq "E.23 $m gets 405" "$STATUS" 405
done
get /signout
expect_eq "E.21 GET on a POST-only route gets 405" "$STATUS" 405
check "405 names the allowed method" test "$(header Allow)" = POST

get /static/style.css
expect_eq "static stylesheet served by nginx" "$STATUS" 200
check "static files are nosniff" grep -qi '^X-Content-Type-Options: nosniff' "$T/headers"

# R13.4: every request one line: id, method, path, status, duration
n=$(grep -c ' req [A-Z]* /[^ ]* [0-9]\{3\} [0-9]*us ' "$VAR/log/supportal.log")
check "R13.4 every request is logged in one line ($n lines)" test "$n" -ge 4

# R13.4/K.46: a database failure: a generic page with only the id, the
# error in the log under the same id
signup err@example.com 'long enough pw 1' Err Or personal
db "ALTER TABLE sessions RENAME TO sessions_gone"
get /profile
expect_eq "K.46 a database failure gives 500" "$STATUS" 500
rid=$(sed -n 's/.*<code>\([0-9a-f]\{16\}\)<\/code>.*/\1/p' "$T/body")
check "K.46 the 500 page shows the reference" test -n "$rid"
check "K.46 the 500 page shows no SQL" bash -c "! grep -qi 'sql\|sessions\|no such' '$T/body'"
check "R13.4 the error is logged under the same id" grep -q "$rid db error\|$rid req GET /profile 500" "$VAR/log/supportal.log"
db "ALTER TABLE sessions_gone RENAME TO sessions"
get /healthz
expect_eq "the worker recovers" "$STATUS" 200
