#!/bin/bash
# R15.2, every request in every state: the queue page's views (all open,
# new, in progress, waiting, resolved, closed, the engineer's own,
# nobody's) of the requests of the engineer's regions, each of one queue
# or all, by response-by or by last update, 50 a page with no cap; each
# page compared with the same view written here in SQL, every page of it
# followed with no request twice and none missed; counts beside the
# views; an engineer of another region sees none of it; hostile
# parameters get a clear 400 or an empty page, never a 500; every view
# reads an index (EXPLAIN QUERY PLAN: no scan of requests, no sort).
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5

customer ewa@example.com Ewa Lis work
draft_filled "Ewa Lis" ewa@example.com
get "/drafts/$D"
post "/drafts/$D/submit"
R1=$(db "SELECT id FROM requests WHERE draft_id = $D")
check "a request submitted through the portal" test -n "$R1"

JAR=$T/eve engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/olga engineer olga@vendor.example Olga Other EMEA
JAR=$T/andy engineer andy@vendor.example Andy Amer AMER
JAR=$T/mo engineer mo@vendor.example Mo Both AMER,EMEA
EVE=$(acct eve@vendor.example)
OLGA=$(acct olga@vendor.example)

# 240 requests made directly, in three queues of two regions, in every
# state, some of them owned by Eve or Olga; response-by and last update
# spread so that neither order is the order of the ids
for i in $(seq 240); do
	case $((i % 3)) in 0) q=EMEA/moderate;; 1) q=EMEA/critical/24x7;; *) q=AMER/important;; esac
	case $((i % 7)) in 0|6) st=new;; 1) st=in_progress;; 2|5) st=waiting;; 3) st=resolved;; *) st=closed;; esac
	case $((i % 5)) in 0) o=$EVE;; 1) o=$OLGA;; *) o=NULL;; esac
	echo "INSERT INTO requests (draft_id, product_id, version_id, title, description, contract_id, severity, allday, country, timezone, queue, status, respond_by, created, updated, owner_id) VALUES ($((5000 + i)), $P, $V, 'Bulk $i', 'x', $K, 'moderate', 0, 'PL', 'UTC', '$q', '$st', $((2000000000 + (i * 7919 % 997) * 60)), $i, $((1700000000 + (i * 37 % 101) * 10)), $o);"
done | db_fixture

# want REGIONS VIEW SORT [QUEUE] [OWNER]: the ids VIEW should list, in
# order, written apart from the portal's statements
want() {
	local w o
	case $2 in
	all) w="status IN ('new', 'in_progress', 'waiting')";;
	mine) w="status IN ('new', 'in_progress', 'waiting') AND owner_id = $5";;
	unowned) w="status IN ('new', 'in_progress', 'waiting') AND owner_id IS NULL";;
	*) w="status = '$2'";;
	esac
	[ -n "$4" ] && w="$w AND queue = '$4'"
	case $3 in
	due) o="status = 'waiting', respond_by, id";;
	updated) o="status = 'waiting', updated DESC, id DESC";;
	esac
	db "SELECT group_concat(id, ' ') FROM (SELECT id FROM requests WHERE substr(queue, 1, instr(queue, '/') - 1) IN ($1) AND $w ORDER BY $o) AS s"
}
# ids: the request numbers of the last page fetched, in order
ids() { grep -o '<tr><td>#[0-9]*</td>' "$T/body" | grep -o '[0-9]*' | tr '\n' ' ' | sed 's/ $//'; }
# listed JAR QUERY: every page of /queue?QUERY, following its "next"
# link; sets GOT (the ids of them all), PAGES (how many) and BIG (a page
# of more than 50 rows, or a "next" on a page of fewer)
listed() {
	local page=1 n
	GOT="" PAGES=0 BIG=""
	while :; do
		JAR=$1 get "/queue?$2&page=$page"
		[ "$STATUS" = 200 ] || { GOT="status $STATUS on page $page"; return; }
		PAGES=$page
		n=$(ids | wc -w)
		GOT="$GOT $(ids)"
		if grep -q 'rel="next"' "$T/body"; then
			[ "$n" = 50 ] || BIG="page $page: $n rows and a next page"
		else
			[ "$n" -le 50 ] || BIG="page $page: $n rows"
			break
		fi
		page=$((page + 1))
	done
	GOT=$(echo $GOT)
}
# view JAR REGIONS VIEW SORT [QUEUE] [OWNER]: VIEW listed whole, page by
# page, is exactly what it should be
view() {
	local qs="view=$3&sort=$4" exp dups
	[ -n "$5" ] && qs="$qs&queue=$(printf %s "$5" | sed 's|/|%2F|g')"
	listed "$1" "$qs"
	exp=$(want "$2" "$3" "$4" "$5" "$6")
	dups=$(echo "$GOT" | tr ' ' '\n' | sort | uniq -d | tr '\n' ' ')
	expect_eq "R15.2 ${1##*/}: ?$qs lists exactly its requests ($(echo "$exp" | wc -w) in $PAGES pages)" "$GOT" "$exp"
	expect_eq "R15.2 ... no request on two pages, no page over 50" "$dups$BIG" ""
}

for s in due updated; do
	for v in all new in_progress waiting resolved closed unowned; do
		view "$T/eve" "'EMEA'" $v $s
	done
	view "$T/eve" "'EMEA'" mine $s "" "$EVE"
	view "$T/olga" "'EMEA'" mine $s "" "$OLGA"
	view "$T/andy" "'AMER'" all $s
	view "$T/andy" "'AMER'" closed $s
	view "$T/mo" "'AMER', 'EMEA'" all $s
	view "$T/mo" "'AMER', 'EMEA'" resolved $s
	view "$T/mo" "'AMER', 'EMEA'" unowned $s
	view "$T/eve" "'EMEA'" all $s EMEA/moderate
	view "$T/eve" "'EMEA'" closed $s EMEA/critical/24x7
done
check "R15.2 a view of more than 50 open requests takes more than one page" \
	test "$(want "'AMER', 'EMEA'" all due | wc -w)" -gt 100

# the pages of a view: previous and next, 50 each; the default is the
# open requests by response-by, the same as ?view=all&sort=due
JAR=$T/eve get "/queue"
first=$(ids)
expect_eq "R15.2 /queue is the open requests, soonest due first" "$first" "$(want "'EMEA'" all due | cut -d' ' -f1-50)"
check "R15.2 ... 50 of them, with a link to the next page" grep -q 'href="/queue?view=all&amp;sort=due&amp;page=2" rel="next"' "$T/body"
check "R15.2 ... and no previous page" bash -c "! grep -q 'rel=\"prev\"' '$T/body'"
JAR=$T/eve get "/queue?view=all&sort=due&page=2"
check "R15.2 page 2 links back to page 1" grep -q 'href="/queue?view=all&amp;sort=due&amp;page=1" rel="prev"' "$T/body"
expect_eq "R15.2 ... and follows it without a gap" "$first $(ids)" "$(want "'EMEA'" all due | cut -d' ' -f1-100)"
JAR=$T/eve get "/queue?view=all&sort=updated"
expect_eq "R15.2 by last update: the newest first (those waiting last)" "$(ids)" \
	"$(want "'EMEA'" all updated | cut -d' ' -f1-50)"
check "R15.2 the submitted request is in its queue's views" bash -c "echo ' $(want "'EMEA'" new due) ' | grep -q ' $R1 '"

# the views: a navigation with the current one marked, counts beside
JAR=$T/eve get "/queue?view=resolved"
check "R15.2 the views are a navigation of their own" grep -q '<nav aria-label="Views">' "$T/body"
check "R15.2 ... the view shown is marked (aria-current)" \
	grep -q 'href="/queue?view=resolved&amp;sort=due" aria-current="page">Resolved</a>' "$T/body"
check "R15.2 ... and no other" test "$(grep -o 'aria-current="page">[A-Za-z ]*</a> <span class="count"' "$T/body" | wc -l)" = 1
check "R15.2 the sort shown is marked" grep -q 'sort=due" aria-current="page">Response due</a>' "$T/body"
for v in all:"All open" new:New in_progress:"In progress" waiting:"Waiting for the customer" \
	resolved:Resolved closed:Closed mine:"Owned by you" unowned:"Owned by nobody"; do
	n=$(want "'EMEA'" "${v%%:*}" due "" "$EVE" | wc -w)
	check "R15.2 the count beside '${v#*:}' is $n" grep -q ">${v#*:}</a> <span class=\"count\">$n</span>" "$T/body"
done
JAR=$T/eve get "/queue?view=closed&queue=EMEA%2Fmoderate"
n=$(want "'EMEA'" closed due EMEA/moderate | wc -w)
check "R15.2 with a queue chosen, the counts are of that queue ($n closed)" grep -q ">Closed</a> <span class=\"count\">$n</span>" "$T/body"
check "R15.2 ... and the views keep the queue" grep -q 'href="/queue?view=new&amp;sort=due&amp;queue=EMEA%2Fmoderate"' "$T/body"

# another region's engineer: nothing of EMEA in any view, whatever asked
for v in all new in_progress waiting resolved closed mine unowned; do
	JAR=$T/andy get "/queue?view=$v&sort=updated&queue=EMEA%2Fmoderate"
	expect_eq "R15.2 D.17 Andy (AMER) asks for EMEA/moderate, $v: nothing" "$STATUS $(ids)" "200 "
done
emea=$(db "SELECT group_concat(id, ' ') FROM requests WHERE queue LIKE 'EMEA/%'")
JAR=$T/andy get "/queue?view=closed&sort=updated"
leak=""
for id in $(ids); do case " $emea " in *" $id "*) leak="$leak $id";; esac; done
expect_eq "R15.2 ... and none among his closed requests" "$leak" ""

# hostile parameters: a clear 400 with the page and the reason, or an
# empty page past the end; never a 500
bad() {
	JAR=$T/eve get "/queue?$1"
	expect_eq "R15.2 ?$1: 400" "$STATUS" 400
	check "R15.2 ... saying why: $2" grep -q "$2" "$T/body"
	check "R15.2 ... with the views to choose from" grep -q '<nav aria-label="Views">' "$T/body"
}
bad "view=junk" "There is no such view"
bad "view=" "There is no such view"
bad "view=%27%20OR%201%3D1--" "There is no such view"
bad "view=ALL" "There is no such view"
bad "sort=junk" "sorted by response due or by last update only"
bad "sort=DUE" "sorted by response due or by last update only"
bad "page=-1" "A page number is a whole number"
bad "page=0" "A page number is a whole number"
bad "page=abc" "A page number is a whole number"
bad "page=1e3" "A page number is a whole number"
bad "page=99999999999999999999999" "A page number is a whole number"
bad "q=$(printf 'x%.0s' $(seq 201))" "The search is too long"
JAR=$T/eve get "/queue?view=closed&page=999999999"
expect_eq "R15.2 page 999999999: an empty page, not an error" "$STATUS $(ids)" "200 "
check "R15.2 ... saying so, with the way back to the first page" \
	grep -q 'There are no requests on this page. <a href="/queue?view=closed&amp;sort=due">' "$T/body"
JAR=$T/eve get "/queue?view=all&page=3"
expect_eq "R15.2 the last page of a view of two runs (active, then waiting)" "$STATUS $(ids)" "200 $(want "'EMEA'" all due | cut -d' ' -f101-)"
JAR=$T/eve get "/queue?view=all&page=4"
expect_eq "R15.2 ... and the one after it: empty" "$STATUS $(ids)" "200 "
JAR=$T/eve get "/queue?view=new&view=closed"
expect_eq "R15.2 a view given twice: 400 (G.30)" "$STATUS" 400
JAR=$T/eve get "/queue?queue=$(printf 'Q%.0s' $(seq 100))"
expect_eq "R15.2 a queue name too long is no queue: every queue" "$STATUS $(ids)" "200 $first"
check "no 500 and nothing logged as an error" bash -c "! grep -qE ' 500 |db error' '$VAR/log/supportal.log'"

# counts stop at 1,000: counting costs no more than reading that much
db_fixture <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1001)
INSERT INTO requests (draft_id, product_id, version_id, title, description, contract_id, severity, allday, country, timezone, queue, status, respond_by, created, updated)
SELECT 9000 + i, $P, $V, 'Old ' || i, 'x', $K, 'moderate', 0, 'US', 'UTC', 'AMER/moderate', 'resolved', 0, i, i FROM n
SQL
JAR=$T/andy get "/queue?view=resolved"
check "R15.2 more than 1,000 resolved: '1000+'" grep -q '>Resolved</a> <span class="count">1000+</span>' "$T/body"
view "$T/andy" "'AMER'" resolved updated

# R15.2: every view reads an index, in its order: no scan of requests,
# no sort of them, for any page (the statements of sql.def, as SQLite
# plans them on this database)
if is_pg; then
	skip "R15.2 the plans of the views: tools/plan is SQLite's EXPLAIN QUERY PLAN"
else
	"$ROOT/build/tools/plan" STMT_VIEW_DUE STMT_VIEW_UPDATED STMT_VIEW_COUNT >"$T/plan" 2>&1
	for s in STMT_VIEW_DUE STMT_VIEW_UPDATED STMT_VIEW_COUNT; do
		p=$(awk -v s=$s '/^STMT_/ { on = $0 == s; next } on' "$T/plan")
		check "R15.2 $s is planned" test -n "$p"
		expect_eq "R15.2 ... and neither scans requests nor sorts" \
			"$(echo "$p" | grep -E 'SCAN r( |$)|SCAN requests|TEMP B-TREE')" ""
	done
	# the page's rows, once their ids are known: one statement, each request
	# read by its key (what it sorts is the page's ids, not requests)
	"$ROOT/build/tools/plan" STMT_QUEUE_ROWS >"$T/plan" 2>&1
	check "R15.2 a page's rows are read by their keys, in one statement" \
		grep -q 'SEARCH r USING INTEGER PRIMARY KEY' "$T/plan"
	expect_eq "R15.2 ... never a scan of requests" "$(grep -E 'SCAN r( |$)|SCAN requests' "$T/plan")" ""
	"$ROOT/build/tools/plan" STMT_QUEUE_COUNTS >"$T/plan" 2>&1
	check "R15.2 the counts by queue read the open stages of 016's index" grep -q 'SEARCH r USING .*INDEX requests_view_' "$T/plan"
	expect_eq "R15.2 ... and never scan requests" "$(grep -E 'SCAN r( |$)|SCAN requests' "$T/plan")" ""
	"$ROOT/build/tools/plan" STMT_VIEW_DUE STMT_VIEW_UPDATED >"$T/plan" 2>&1
	for s in STMT_VIEW_DUE STMT_VIEW_UPDATED; do
		i=$(echo "requests_view_${s#STMT_VIEW_}" | tr A-Z a-z)
		expect_eq "R15.2 $s reads $i, once a region" \
			"$(awk -v s=$s '/^STMT_/ { on = $0 == s; next } on' "$T/plan" | grep -c "SEARCH r USING INDEX $i ")" 3
	done
fi

# the page in Polish, valid HTML
JAR=$T/eve get /queue
JAR=$T/eve post /lang "lang=pl" "next=/queue"
JAR=$T/eve get "/queue?view=waiting&sort=updated"
check "R15.2 po polsku: widoki" grep -q '<nav aria-label="Widoki">' "$T/body"
check "R15.2 ... bieżący zaznaczony" \
	grep -q 'aria-current="page">Czekają na klienta</a>' "$T/body"
check "R15.2 ... kolejność" grep -q 'aria-current="page">Ostatnia zmiana</a>' "$T/body"
JAR=$T/eve get "/queue?view=nie"
expect_eq "R15.2 ... zły widok: 400" "$STATUS" 400
check "R15.2 ... z powodem po polsku" grep -q 'Nie ma takiego widoku' "$T/body"
tidy_pages "$T/eve" /queue "/queue?view=all&sort=updated&page=2" "/queue?view=closed" "/queue?view=junk" "/queue?view=resolved&page=99"

harness_stop
