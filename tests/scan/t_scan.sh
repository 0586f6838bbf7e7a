#!/bin/bash
# make scan: two scanners no one here wrote, sqlmap and wapiti (Debian's
# packages), against a running portal with a signed-in customer who has
# a contract, a draft and a request with a message, so that every page
# and form with an id is there to find.  Every form and parameter they
# reach is attacked; a finding, a 5xx, or a worker that died fails.
#   SCAN_QUICK=1   a short form (fewer modules, lower sqlmap level)
. "$(dirname "$0")/../lib.sh"
quick=${SCAN_QUICK:-0}
OUT=$ROOT/build/scan
rm -rf "$OUT"; mkdir -p "$OUT"
WORKERS=2 harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 50
customer scan@example.com Sca N personal
draft_filled "Sca N" scan@example.com
post "/drafts/$D/submit"
R=$(db "SELECT id FROM requests WHERE draft_id = $D")
get "/requests/$R"
post "/requests/$R/messages" "body=A first reply."
get /requests
post /requests/new
D2=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
SID=$(awk '$6 == "sid" { print $7 }' "$T/jar")
check "a signed-in customer with a request ($R) to scan" test -n "$R" -a -n "$SID"
pids=$(worker_pids)
t0=$(date +%s)

# wapiti: crawl from the start page with the session, attack what it found
mods=sql,blindsql,exec,file,xss,permanentxss,crlf,redirect,methods
scan_time=420 attack_time=60
[ "$quick" = 1 ] && mods=sql,xss,crlf,redirect scan_time=90 attack_time=15
# Debian's wapiti 3.0.4 builds its -x patterns with a regular expression
# Python 3.11 refuses ("global flags not at the start"): the same
# pattern with its flags in front, the scanner otherwise as packaged
wapiti() {
	HOME="$OUT" /usr/bin/python3 - "$@" <<'PY'
import re, sys
import wapitiCore.net.crawler as crawler
def wildcard_translate(pattern):
	return re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
crawler.wildcard_translate = wildcard_translate
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
wapiti_main()
PY
}
wapiti -u "$BASE/" --scope folder -H "Cookie: sid=$SID" \
	-s "$BASE/requests/$R" -s "$BASE/contracts" -s "$BASE/profile" -s "$BASE/requests?status=all&q=slow" \
	-x "$BASE/signout" -m "$mods" -d 4 --max-scan-time "$scan_time" --max-attack-time "$attack_time" \
	--flush-session --no-bugreport -f json -o "$OUT/wapiti.json" >"$OUT/wapiti.log" 2>&1
/usr/bin/python3 - "$OUT/wapiti.json" >"$OUT/wapiti.sum" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
v = sum(len(x) for x in r.get("vulnerabilities", {}).values())
a = sum(len(x) for x in r.get("anomalies", {}).values())
print(v, a)
for k, xs in list(r.get("vulnerabilities", {}).items()) + list(r.get("anomalies", {}).items()):
	for x in xs:
		print("#", k, x.get("method"), x.get("path"), x.get("parameter"), x.get("info", "")[:200])
PY
read -r vulns anomalies <"$OUT/wapiti.sum"
tail -n +2 "$OUT/wapiti.sum"
found=$(sed -n 's/.*Wapiti found \([0-9]*\) URLs and forms.*/\1/p' "$OUT/wapiti.log")
echo "# wapiti: $found URLs and forms found, modules $mods, $(( $(date +%s) - t0 )) s"
check "wapiti crawled the signed-in portal (${found:-0} URLs and forms)" test "${found:-0}" -ge 30
check "wapiti ran and wrote its report" test -s "$OUT/wapiti.json"
expect_eq "wapiti: 0 vulnerabilities" "${vulns:-?}" 0
expect_eq "wapiti: 0 anomalies (5xx, timeouts)" "${anomalies:-?}" 0

# sqlmap: every parameter of the list and request pages, then every form
# it finds by crawling, the form token taken from each page
t1=$(date +%s)
level=2 risk=1 crawl=2
[ "$quick" = 1 ] && level=1 crawl=1
smap() {
	sqlmap --batch --cookie="sid=$SID" --level="$level" --risk="$risk" --time-sec=2 \
		--skip-static --output-dir="$OUT/sqlmap" --results-file="$OUT/sqlmap-$1.csv" \
		"${@:2}" >>"$OUT/sqlmap.log" 2>&1
}
smap list -u "$BASE/requests?status=all&q=slow&page=1"
smap request -u "$BASE/requests/$R*?ledger=1"
smap contracts -u "$BASE/contracts?ledger=$K"
smap forms -u "$BASE/" --forms --crawl="$crawl" --crawl-exclude=signout --csrf-token=csrf
# the forms of the pages with ids, which no crawl from / reaches
printf '%s\n' "$BASE/requests/$R" "$BASE/drafts/$D2" "$BASE/ppi?draft=$D2" "$BASE/requests" >"$OUT/pages"
smap pages -m "$OUT/pages" --forms --csrf-token=csrf
tested=$(grep -c "testing '" "$OUT/sqlmap.log")
found=$(cat "$OUT"/sqlmap-*.csv 2>/dev/null | grep -vc '^Target URL' || true)
echo "# sqlmap: level $level, $tested tests over $(grep -c "testing URL\|^\[.*\] \[INFO\] testing if the target URL" "$OUT/sqlmap.log") targets, $(( $(date +%s) - t1 )) s"
# what sqlmap says of a parameter it can inject into
hits=$(grep -hE "identified the following injection point|appears to be '.*' injectable|is vulnerable\. Do you want" "$OUT/sqlmap.log")
[ -n "$hits" ] && echo "$hits" | head
echo "# sqlmap: parameters tested: $(grep -o "testing if [A-Z]* parameter '[^']*'" "$OUT/sqlmap.log" | sort -u | sed "s/testing if //; s/ parameter//" | tr '\n' ' ')"
check "sqlmap ran its tests ($tested)" test "$tested" -gt 10
expect_eq "sqlmap: 0 injectable parameters" "$(printf '%s' "$hits" | grep -c .)" 0
expect_eq "sqlmap: nothing in its results files" "${found:-0}" 0

# the portal after both
n5=$(grep -c ' req [A-Z]* [^ ]* 5[0-9][0-9] ' "$VAR/log/supportal.log")
expect_eq "no answer of the workers was a 5xx" "$n5" 0
grep ' req [A-Z]* [^ ]* 5[0-9][0-9] ' "$VAR/log/supportal.log" | head -5
expect_eq "no worker died" "$(worker_pids)" "$pids"
echo "# $(grep -c ' req ' "$VAR/log/supportal.log") requests served to the scanners"
