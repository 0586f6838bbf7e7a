#!/bin/bash
# make scan: two scanners from outside the project, sqlmap and wapiti
# (Debian's packages), against a running portal, as a signed-in customer who has a
# contract, a request with a message and a file, a closed request, a
# draft at each end of the wizard, a saved card and a purchase (so that
# every page and form with an id is there to find), as a support
# engineer, and signed out.  Every form and parameter they reach is
# attacked; a finding, a 5xx, a sanitiser report, a worker that died or
# a session the scan lost fails.  The reports are in build/scan/.
#   SCAN_QUICK=1   the short form: fewer wapiti modules, no engineer
#                  and no signed-out wapiti run, sqlmap at level 1 with
#                  --smart (the full tests only where a heuristic bites)
#                  and without its crawler
#   SUPPORTAL_BIN  the worker (default: the ASan+UBSan build if built)
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -z "${SUPPORTAL_BIN:-}" ] && [ -x "$root/build/asan/supportal.fcgi" ] &&
	SUPPORTAL_BIN=$root/build/asan/supportal.fcgi
. "$root/tests/lib.sh"
S=$ROOT/tests/scan
PY=/usr/bin/python3	# Debian's, which has wapitiCore
quick=${SCAN_QUICK:-0}
OUT=$ROOT/build/scan
rm -rf "$OUT"
mkdir -p "$OUT/sqlmap"
WORKERS=2 harness_start
echo "# worker: ${BIN#"$ROOT"/}"

catalogue
issue --programme sa --plan "SA support incidents" --incidents 50
customer scan@example.com Sca N personal
# a request with a message and a file
draft_filled "Sca N" scan@example.com colleague@example.com
post "/drafts/$D/submit"
R=$(db "SELECT id FROM requests WHERE draft_id = $D")
get "/requests/$R"
printf 'trace\n' >"$T/trace.txt"
http POST "/requests/$R/messages" -F "csrf=$(csrf_token)" -F "body=A first reply." -F "files=@$T/trace.txt"
F=$(db "SELECT max(id) FROM attachments")
# a closed request (its Reopen form)
draft_filled "Sca N" scan@example.com
post "/drafts/$D/submit"
R2=$(db "SELECT id FROM requests WHERE draft_id = $D")
get "/requests/$R2"
post "/requests/$R2/close"
# a draft at the verify step (every step's form) and a new one
draft_filled "Sca N" scan@example.com
D3=$D
get /requests
post /requests/new
D2=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
# a saved test card and a purchase waiting for Buy
card_saved "Sca N"
purchase_started "version=$V"
PU=$N
KB=$(db "SELECT min(id) FROM articles" 2>/dev/null)
SID=$(awk '$6 == "sid" { print $7 }' "$T/jar")
# the engineer of the request's region, and a signed-out visitor's cookie
JAR=$T/ejar engineer eng@vendor.example Sam Rivera EMEA
ESID=$(awk '$6 == "sid" { print $7 }' "$T/ejar")
curl -s -o /dev/null -c "$T/pjar" "$BASE/signin"
PRE=$(awk '$6 == "pre" { print $7 }' "$T/pjar")
check "a customer with requests ($R, $R2), drafts ($D2, $D3), a file ($F), a purchase ($PU); an engineer; a signed-out visitor" \
	test -n "$R" -a -n "$R2" -a -n "$D2" -a -n "$D3" -a -n "$F" -a -n "$PU" -a -n "$SID" -a -n "$ESID" -a -n "$PRE"

# signed_in SID: the session still opens the list (a scanner that signed
# itself out would have scanned the sign-in page instead)
signed_in() {
	[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: sid=$1" "$BASE/$2")" = 200 ]
}
pids=$(worker_pids)

# what a scanner must not do: end its session, or remove the draft, the
# request and the card whose forms it attacks (these forms have no field
# but the token)
x_wapiti=(-x "$BASE/signout" -x "$BASE/drafts/*/discard" -x "$BASE/drafts/*/submit"
	-x "$BASE/requests/*/close" -x "$BASE/card/remove" -x "$BASE/account/delete"
	-x "$BASE/account/sessions/end")
x_sqlmap='/signout$|/discard$|/submit$|/close$|/card/remove$|/account/delete$|/account/sessions/end$'

# customer's pages with every query parameter their routes read (D:
# the draft whose every step's form is attacked)
cpages() {
	pages=("/" "/requests?status=all&q=slow&page=1&discarded=1"
		"/requests/$R?sent=1&added=1&taken=1&status=1&returned=1&removed=1" "/requests/$R2"
		"/requests/$R?order=newest&tpage=1&history=all"
		"/drafts/$D2" "/drafts/$1?step=1&saved=1&activated=1" "/drafts/$1?step=2"
		"/drafts/$1?step=3" "/drafts/$1?step=4" "/drafts/$1" "/contracts?ledger=$K&activated=1"
		"/ppi?draft=$1&saved=1" "/ppi" "/ppi/$PU" "/profile?card=1&saved=1" "/password" "/kb/$KB"
		"/account?verified=1&again=sent&name=1&email=1&ended=1&off=1" "/account/totp")
}
epages=("/queue?queue=EMEA&mine=1" "/queue/$R?sent=1&added=1&taken=1&status=1&returned=1&removed=1"
	"/queue/$R?order=oldest&tpage=1&history=all" "/account?notify=1")
apages=("/signin?next=%2Frequests&done=1&verified=1&reset=1&deleted=1" "/signup" "/signup/sent"
	"/help/activate" "/help/missing-contract" "/help/add-failed" "/help/benefits"
	"/forgot" "/forgot?sent=1" "/verify?t=$(printf '%064d' 7)")

# wapiti: crawl from the start page and the pages above, attack what it
# found.  Its ssrf module's endpoint is a local one (endpoint.py).  A
# product or version other than the draft's sends the draft back to step
# 1, after which its other steps' forms are refused: wapiti leaves those
# two fields as they are, sqlmap attacks them on a draft of their own.
mods=sql,blindsql,exec,file,xss,permanentxss,crlf,redirect,ssrf,methods
crawl_time=180 attack_time=120
[ "$quick" = 1 ] && mods=sql,xss,crlf,redirect crawl_time=60 attack_time=20
x_more=()
EP=$(free_port)
"$PY" "$S/endpoint.py" "$EP" "$OUT/endpoint.log" &
EP_PID=$!
trap 'kill $EP_PID 2>/dev/null; harness_stop' EXIT
t0=$(date +%s)

# wapiti_run NAME COOKIE PAGE...: one wapiti run, its report in
# $OUT/wapiti-NAME.json, then ok or not ok with what it found
wapiti_run() {
	local name=$1 cookie=$2 t=$(date +%s) p args=() found sum
	shift 2
	for p in "$@"; do args+=(-s "$BASE$p"); done
	[ -n "$cookie" ] && args+=(-H "Cookie: $cookie")
	mkdir -p "$OUT/wapiti-$name"
	"$PY" "$S/wapiti.py" -u "$BASE/" --scope folder "${args[@]}" "${x_wapiti[@]}" "${x_more[@]}" \
		--skip product --skip version -m "$mods" -l 2 -d 5 --max-scan-time "$crawl_time" --max-attack-time "$attack_time" \
		--external-endpoint "http://127.0.0.1:$EP/" --internal-endpoint "http://127.0.0.1:$EP/" \
		--store-session "$OUT/wapiti-$name" --store-config "$OUT/wapiti-$name" --flush-session \
		--no-bugreport -v 1 -f json -o "$OUT/wapiti-$name.json" >"$OUT/wapiti-$name.log" 2>&1
	found=$(sed -n 's/.*Wapiti found \([0-9]*\) URLs and forms.*/\1/p' "$OUT/wapiti-$name.log")
	# what each module attacked, from wapiti's own session database
	echo "# wapiti $name: $(sqlite3 "$OUT/wapiti-$name"/*.db \
		"SELECT group_concat(module_name || ' ' || n, ', ') FROM (SELECT module_name, count(*) AS n FROM attack_log GROUP BY 1)") of ${found:-0} URLs and forms attacked, $(( $(date +%s) - t )) s"
	grep -h "Max .* time was reached" "$OUT/wapiti-$name.log" | sed 's/^/# wapiti: /'
	sum=$("$PY" - "$OUT/wapiti-$name.json" <<'PY'
import json, sys
try:
	r = json.load(open(sys.argv[1]))
except (OSError, ValueError):
	print("- -"); sys.exit()
v, a = r.get("vulnerabilities", {}), r.get("anomalies", {})
print(sum(map(len, v.values())), sum(map(len, a.values())))
for k, xs in list(v.items()) + list(a.items()):
	for x in xs:
		print("#", k, x.get("method"), x.get("path"), "parameter", repr(x.get("parameter")),
			x.get("info", "").replace("\n", " ")[:300])
		print("#   ", x.get("http_request", "").replace("\n", "\n#    ")[:1200])
PY
)
	set -- $(echo "$sum" | head -1)
	if [ "${found:-0}" -gt 0 ] && [ "$1" = 0 ] && [ "$2" = 0 ]; then
		ok "wapiti ($name): ${found} URLs and forms crawled, 0 vulnerabilities, 0 anomalies"
	else
		not_ok "wapiti ($name): ${found:-0} URLs and forms crawled, $1 vulnerabilities, $2 anomalies"
		echo "$sum" | tail -n +2
	fi
	# a module that raised prints its traceback's frames and goes on
	if grep -q '^  File "' "$OUT/wapiti-$name.log"; then
		not_ok "wapiti ($name): a module failed"
		grep -B2 -A8 '^  File "' "$OUT/wapiti-$name.log" | head -30 | sed 's/^/# /'
	fi
}

cpages "$D3"
wapiti_run customer "sid=$SID" "${pages[@]}"
check "wapiti (customer) signed in to the end" signed_in "$SID" requests
if [ "$quick" != 1 ]; then
	# the engineer's own pages (the customer's are scanned above)
	x_more=()
	for p in requests contracts profile drafts ppi card password kb; do x_more+=(-x "$BASE/$p*"); done
	wapiti_run engineer "sid=$ESID" "${epages[@]}"
	x_more=()
	check "wapiti (engineer) signed in to the end" signed_in "$ESID" queue
	wapiti_run visitor "pre=$PRE" "${apages[@]}"
fi
check "wapiti's ssrf endpoint was asked, and never fetched by the portal" \
	bash -c "! grep -q ' /ssrf/' '$OUT/endpoint.log' && { [ $quick = 1 ] || grep -q get_ssrf '$OUT/endpoint.log'; }"
kill $EP_PID 2>/dev/null
trap harness_stop EXIT
echo "# wapiti: $(( $(date +%s) - t0 )) s"

# sqlmap: every query parameter of the pages above, every parameter of
# every form on them (with its token, read again from the page before
# each request: --csrf-token), the session cookie, the ids in paths, and
# in the full form what its own crawler finds from the start page
t1=$(date +%s)
# drafts wapiti has not touched: D1 for step 1, D3 for the others; the
# card again, in case a form removed it
draft_filled "Sca N" scan@example.com
D1=$D
draft_filled "Sca N" scan@example.com colleague@example.com
D3=$D
get /profile
post /profile/card "holder=Sca N" "number=4242 4242 4242 4242" \
	"expiry=04/$(( $(date +%y) + 4 ))" cvc=737
cpages "$D3"
pages[5]="/drafts/$D1?step=1&saved=1&activated=1"
# The back end is SQLite: sqlmap is told so (--dbms), which leaves out
# the tests of other databases' syntax and makes level 3 and risk 2
# affordable.  The headers and the cookie are tested once, on the list.
level=3 risk=2 extra=(--dbms=SQLite)
[ "$quick" = 1 ] && level=1 risk=1 extra=(--smart)
skip=sid,pre,user-agent,referer
# smap NAME ARGS...: one sqlmap run, its output in $OUT/sqlmap/NAME.log.
# A parameter the portal reads as a number (page, step) is tested too,
# not skipped as "integer casting".
smap() {
	local name=$1
	shift
	sqlmap --batch --answers="skip those kind=N" --level="$level" --risk="$risk" --time-sec=2 \
		--drop-set-cookie "${extra[@]}" \
		--output-dir="$OUT/sqlmap" --results-file="$OUT/sqlmap/$name.csv" "$@" \
		>"$OUT/sqlmap/$name.log" 2>&1 </dev/null
}
# targets WHO COOKIE PAGE...: the pages' query strings and forms, one
# sqlmap run each (forms.py reads the forms as a browser would fill them)
n=0
targets() {
	local who=$1 cookie=$2 page method url data
	shift 2
	for page in "$@"; do
		case "$page" in *\?*) smap "$who-$((n += 1))" --cookie="$cookie" --skip="$skip" -u "$BASE$page" ;; esac
	done
	"$PY" "$S/forms.py" "$BASE" "$cookie" "$x_sqlmap" "$@" >"$OUT/sqlmap/forms-$who.txt" ||
		not_ok "sqlmap ($who): a page to read forms from failed"
	while IFS=$'\t' read -r method url data page; do
		if [ "$method" = GET ]; then
			smap "$who-$((n += 1))" --cookie="$cookie" --skip="$skip" -u "$url"
		elif [ "$data" = "csrf=${data#csrf=}" ] && [ "${data#*&}" = "$data" ]; then
			echo "# sqlmap: $url has no parameter but its token"
		else
			smap "$who-$((n += 1))" --cookie="$cookie" --skip="$skip" -u "$url" --data="$data" \
				--csrf-token=csrf --csrf-url="$page"
		fi
	done <"$OUT/sqlmap/forms-$who.txt"
}
targets customer "sid=$SID" "${pages[@]}"
targets engineer "sid=$ESID" "${epages[@]}"
targets visitor "pre=$PRE" "${apages[@]}"
# the session cookie (sqlmap tests cookies from level 2) and the headers
smap headers --cookie="sid=$SID" --level=$(( level < 2 ? 2 : level )) -p sid,user-agent,referer -u "$BASE/requests"
if [ "$quick" != 1 ]; then
	# the ids in paths: a custom injection point (*) each
	printf '%s\n' "$BASE/requests/$R*" "$BASE/drafts/$D3*" "$BASE/attachments/$F*" \
		"$BASE/ppi/$PU*" "$BASE/kb/$KB*" >"$OUT/sqlmap/paths.txt"
	smap paths --cookie="sid=$SID" --skip="$skip" -m "$OUT/sqlmap/paths.txt"
	smap paths-engineer --cookie="sid=$ESID" --skip="$skip" -u "$BASE/queue/$R*"
	smap crawl --cookie="sid=$SID" --skip="$skip" -u "$BASE/" --forms --crawl=2 \
		--crawl-exclude="$x_sqlmap" --csrf-token=csrf --csrf-url="$BASE/requests"
fi
check "sqlmap kept the customer signed in" signed_in "$SID" requests
check "sqlmap kept the engineer signed in" signed_in "$ESID" queue

# each parameter sqlmap tested, as RUN PLACE NAME
# (a heuristic test for each, and with --smart the full tests only where
# it bites)
grep -oE "(testing for SQL injection on|heuristic \(basic\) test shows that) (\(custom\) )?([A-Za-z]+ )?parameter '[^']*'" "$OUT"/sqlmap/*.log |
	sed -E "s#^$OUT/sqlmap/([^:]*)\.log:.* (on|that) (\(custom\) )?(([A-Za-z]+) )?parameter '(.*)'#\1 \5 \6#; s#^([^ ]*)  #\1 Header #" |
	sort -u >"$OUT/sqlmap-tested.txt"
tested=$(wc -l <"$OUT/sqlmap-tested.txt")
runs=$(ls "$OUT"/sqlmap/*.log | wc -l)
hits=$(grep -hE "identified the following injection point|appears to be .* injectable|is vulnerable\. Do you want" "$OUT"/sqlmap/*.log)
found=$(cat "$OUT"/sqlmap/*.csv 2>/dev/null | grep -vc '^Target URL' || true)
echo "# sqlmap: level $level, risk $risk${extra:+, ${extra[*]}}, $runs runs, $(( $(date +%s) - t1 )) s"
echo "# sqlmap: parameters tested: $(cut -d' ' -f2- "$OUT/sqlmap-tested.txt" | sort -u | tr '\n' ',' | sed 's/,/, /g')"
grep -h "\[CRITICAL\]" "$OUT"/sqlmap/*.log | sed 's/^/# sqlmap: /' | sort | uniq -c | head
if [ -z "$hits" ] && [ "${found:-0}" = 0 ] && [ "$tested" -gt 0 ]; then
	ok "sqlmap: $runs targets, $tested parameters tested, 0 injectable parameters"
else
	not_ok "sqlmap: $runs targets, $tested parameters tested, $(printf '%s' "$hits" | grep -c .) injection points, $found in its results files"
	echo "$hits" | head -20 | sed 's/^/# /'
	cat "$OUT"/sqlmap/*.csv | grep -v '^Target URL' | head -20 | sed 's/^/# /'
fi

# the portal after both: no 5xx from a worker or from nginx, no
# sanitiser report or crash (nor multiwatch's "Child[N] died"), the same
# workers
# (a logged path may hold spaces: the status is the field before the time)
r5=' req [A-Z]+ .* 5[0-9]{2} [0-9]+us '
n5=$(grep -cE "$r5" "$VAR/log/supportal.log")
n5n=$(grep -cE '" 5[0-9][0-9] [0-9]+ [0-9.]+$' "$VAR/log/nginx-access.log")
if [ "$n5" = 0 ] && [ "$n5n" = 0 ]; then
	ok "no answer was a 5xx ($(grep -c ' req ' "$VAR/log/supportal.log") requests served to the scanners)"
else
	not_ok "$n5 answers of the workers and $n5n of nginx were a 5xx"
	grep -E "$r5" "$VAR/log/supportal.log" | head -10 | sed 's/^/# /'
	grep -E '" 5[0-9][0-9] [0-9]+ [0-9.]+$' "$VAR/log/nginx-access.log" | head -10 | sed 's/^/# /'
fi
# (not in the workers' own lines, which quote the scanners' paths)
crash='AddressSanitizer|UndefinedBehaviorSanitizer|runtime error|Segmentation|Assertion|Aborted|core dumped|died'
if cat "$VAR/log/supportal.log" "$VAR/log/nginx-error.log" |
	grep -vE '^[0-9-]+T[0-9:]+Z [0-9a-f]{16} ' | grep -qE "$crash"; then
	not_ok "a sanitiser report or a crash in the logs"
	cat "$VAR/log/supportal.log" "$VAR/log/nginx-error.log" |
		grep -vE '^[0-9-]+T[0-9:]+Z [0-9a-f]{16} ' | grep -E "$crash" | head -10 | sed 's/^/# /'
else
	ok "no sanitiser report or crash in the workers' and nginx's logs"
fi
expect_eq "no worker died (the same pids)" "$(worker_pids)" "$pids"
echo "# scan: $(( $(date +%s) - t0 )) s"
