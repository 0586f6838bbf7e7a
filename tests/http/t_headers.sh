#!/bin/bash
# K.45 over every route of `supportal.fcgi --routes`: each GET route as a
# stranger, a customer and an engineer, with real ids, foreign ids and
# nonexistent ids, and each POST route with a valid form token and an
# empty form: every HTML answer, whatever its status, carries the CSP,
# nosniff, Referrer-Policy, COOP, no-store, charset and a versionless
# Server; a download carries its own sandbox CSP and nosniff.
# K.47: sign-in results, denials, CSRF failures and throttle events are
# logged with UTC time, account and IP; CR and LF never split a line; no
# password, card number, security code, cookie or form token is logged.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5
PW='a long pass phrase'

customer ewa@example.com Ewa Lis personal
draft_filled "Ewa Lis" ewa@example.com
post "/drafts/$D/submit"
R=$(db "SELECT id FROM requests WHERE draft_id = $D")
get "/requests/$R"
printf 'trace\n' >"$T/trace.txt"
curl -s -o /dev/null -b "$T/jar" -F "csrf=$(csrf_token)" -F "body=A trace." \
	-F "files=@$T/trace.txt" "$BASE/requests/$R/messages"
F=$(db "SELECT max(id) FROM attachments")
get /requests
post /requests/new
D2=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
post "/drafts/$D2/step" step=1 action=next "product=$P" "version=$V" "category=$C" "problem=$X" \
	"title=Bought" "description=With a card."
card_saved "Ewa Lis"
purchase_started "draft=$D2"
KB=$(db "SELECT id FROM articles LIMIT 1")
check "a request, a file, a draft and a purchase to walk with" \
	test -n "$R" -a -n "$F" -a -n "$D2" -a -n "$N"
JAR=$T/eng engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/other signup olga@example.com "$PW" Olga Other personal
JAR=$T/other profile_fill olga@example.com

# id_for PATH ACTOR: the id to put in a route for whom
id_for() {
	case "$1" in
	/attachments/*) echo "$F" ;;
	/drafts/*) echo "$D" ;;
	/ppi/*) echo "$N" ;;
	/kb/*) echo "${KB:-1}" ;;
	*) echo "$R" ;;
	esac
}

# headers_ok WHAT SIGNED [5XX]: the K.45 headers of the last answer; a 5xx
# is a failure unless a third argument expects it.  The headers are read
# once and matched by the shell: this runs for 360 answers.
bad=""
headers_ok() {
	local what=$1 signed=$2 h ct body footer='<!-- [0-9.]*:'
	h=$(<"$T/headers")
	h=${h//$'\r'/}
	h=$'\n'${h,,}		# matched without case, as grep -i did
	ct=$(header Content-Type)
	[ "$(header Server)" = nginx ] || bad="$bad\n$what: Server '$(header Server)'"
	[[ $h == *$'\n'"x-content-type-options: nosniff"* ]] || bad="$bad\n$what: no nosniff"
	case "$ct" in
	text/html*)
		[ "$ct" = "text/html; charset=utf-8" ] || bad="$bad\n$what: Content-Type '$ct'"
		[[ $h == *$'\n'"content-security-policy: default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"* ]] ||
			bad="$bad\n$what: CSP"
		[[ $h == *$'\n'"referrer-policy: "* ]] || bad="$bad\n$what: Referrer-Policy"
		[[ $h == *$'\n'"cross-origin-opener-policy: same-origin"* ]] || bad="$bad\n$what: COOP"
		body=$(<"$T/body")
		[[ $body =~ $footer ]] && bad="$bad\n$what: timing footer"
		;;
	"text/plain; charset=utf-8") ;;	# /healthz
	"")	# a redirect or an empty answer
		case "$STATUS" in 30[0-9]) ;; *) bad="$bad\n$what: no Content-Type on $STATUS" ;; esac ;;
	*)	# a download (J.42)
		[[ $h == *$'\n'"content-security-policy: sandbox; default-src 'none'"* ]] ||
			bad="$bad\n$what: a $ct without the sandbox CSP"
		;;
	esac
	if [ "$signed" = 1 ]; then
		[[ $h == *$'\n'"cache-control: no-store"* ]] || bad="$bad\n$what: no no-store"
	fi
	case "$STATUS" in 5*) [ -z "${3:-}" ] && bad="$bad\n$what: $STATUS" ;; esac
}

n=0
while read -r method path flags; do
	# signing out ends every session of the account (R1.2): last, below
	[ "$path" = /signout ] && continue
	for who in stranger customer other engineer; do
		case $who in
		stranger) JAR=$T/nobody signed=0 ;;
		customer) JAR=$T/jar signed=1 ;;
		other) JAR=$T/other signed=1 ;;
		engineer) JAR=$T/eng signed=1 ;;
		esac
		for id in "$(id_for "$path")" 999999 abc; do
			p=${path//:id/$id}
			if [ "$method" = GET ]; then
				JAR=$JAR get "$p"
			else
				# a valid form token of this browser, an empty form
				JAR=$JAR get /profile
				tok=$(csrf_token)
				[ "$who" = stranger ] && { JAR=$JAR get /signin; tok=$(csrf_token); }
				JAR=$JAR http POST "$p" --data-urlencode "csrf=$tok"
			fi
			headers_ok "$who $method $p" "$signed"
			n=$((n + 1))
			case "$path" in *:id*) ;; *) break ;; esac
		done
	done
done < <("$BIN" --routes)
for who in customer engineer; do
	case $who in customer) JAR=$T/jar ;; engineer) JAR=$T/eng ;; esac
	JAR=$JAR get /requests
	JAR=$JAR post /signout
	headers_ok "$who POST /signout" 1
	n=$((n + 1))
done
check "K.45 every route's answers ($n) carry the headers$([ -n "$bad" ] && printf "$bad" | head -20)" test -z "$bad"

# error answers of nginx and of parsing: 400, 404, 405, 413 (nginx's and
# the worker's), and nginx's own page while no worker answers (503)
bad=""
JAR=$T/eng signin eve@vendor.example "$PW"
JAR=$T/eng get "/queue?x=%00"; headers_ok "400 GET" 1
JAR=$T/eng get "/no/where"; headers_ok "404" 1
http PUT /signin; headers_ok "405 PUT" 0
expect_eq "E.23 PUT gets 405 from nginx" "$STATUS" 405
head -c 70000 /dev/zero | tr '\0' a >"$T/big"
JAR=$T/eng http POST /profile -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$T/big"
headers_ok "413 from the worker" 1
head -c 1100000 /dev/zero | tr '\0' a >"$T/big"
JAR=$T/eng http POST /profile -H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$T/big"
expect_eq "J.40 a body over nginx's limit gets 413 from nginx" "$STATUS" 413
headers_ok "413 from nginx" 0
mv "$VAR/run/supportal.sock" "$VAR/run/away.sock"
get /signin
mv "$VAR/run/away.sock" "$VAR/run/supportal.sock"
expect_eq "no worker to answer: nginx's 502" "$STATUS" 502
headers_ok "502 from nginx" 0 5xx
check "K.45 the error answers carry the headers$([ -n "$bad" ] && printf "$bad")" test -z "$bad"

# K.47: the events of a day, logged
L=$VAR/log/supportal.log
: >"$T/marker"
JAR=$T/k47 signin ewa@example.com 'wrong horse battery'
JAR=$T/k47 signin ewa@example.com "$PW"
SID=$(awk '$6 == "sid" { print $7 }' "$T/k47")
JAR=$T/k47 get /requests
TOK=$(csrf_token)
JAR=$T/k47 http POST /profile --data-urlencode "csrf=0000$TOK"
JAR=$T/k47 get /queue
JAR=$T/k47 get "/requests/$R%0d%0aforged%20line"
JAR=$T/k47 http POST /ppi/card --data-urlencode "csrf=$TOK" --data-urlencode "name=Ewa Lis" \
	--data-urlencode "number=4111 1111 1111 1111" --data-urlencode "expiry=12/29" --data-urlencode "code=737"
for i in $(seq 1 11); do JAR=$T/k48 signin ewa@example.com "guess $i of many" >/dev/null; done
EWA=$(db "SELECT id FROM accounts WHERE email = 'ewa@example.com'")
ts='^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z '
check "K.47 a failed sign-in: UTC time, account, IP" \
	grep -q "${ts}[0-9a-f]* signin fail account=$EWA ip=127.0.0.1" "$L"
check "K.47 a sign-in: UTC time, the account, IP" \
	grep -q "${ts}[0-9a-f]* signin ok account=$EWA ip=127.0.0.1" "$L"
check "K.47 a CSRF failure: account, IP" \
	grep -q "${ts}[0-9a-f-]* req POST /profile 403 .* account=$EWA ip=127.0.0.1 csrf-fail" "$L"
check "K.47 a denial (a customer at the engineers' queue): account, IP" \
	grep -q "${ts}[0-9a-f-]* req GET /queue 404 .* account=$EWA ip=127.0.0.1 denied" "$L"
check "K.47 a throttle event" grep -q "${ts}[0-9a-f-]* req POST /signin 429 .* signin-throttled" "$L"
check "K.47 CR and LF of a path are escaped: no line starts without a time" \
	test "$(grep -vc "$ts" "$L")" = 0
check "K.47 ... and the forged line is inside its request's line" grep -q 'req GET /requests/[0-9]*\\x0d\\x0aforged line 404' "$L"
leaks=""
for s in "$PW" 'wrong horse battery' 'guess 1 of many' 4111111111111111 '4111 1111 1111 1111' '=737' "$SID" "$TOK"; do
	[ -n "$s" ] && grep -qF -- "$s" "$L" "$VAR"/log/*.log && leaks="$leaks [$s]"
done
check "K.47 no password, card number, code, cookie or form token in any log$leaks" test -z "$leaks"
