#!/bin/bash
# R18.2: PostgreSQL stops at once (-m immediate: a crash, every
# connection cut mid-transaction) under 32 clients reading and
# submitting, stays down two seconds and starts again.  The requests that
# found it gone get 503, the next ones work on connections made again;
# nothing half-written: every balance equals its ledger, every request
# has its one debit and its mail, no commit a client was told of is lost.
. "$(dirname "$0")/lib.sh"
if ! is_pg; then
	echo "# skip t_pg_restart.sh: PostgreSQL's server restarting"
	echo "# 0 passed, 0 failed in $(basename "$0")"
	exit 0
fi
unset SUPPORTAL_TEST_PGHOST	# a cluster of its own: it is the one stopped
WORKERS=4 harness_start
chaos_customer $((SECS * 400))

# The server gone while the workers wait: each learns it only from its
# next request's first statement (a POST's is its session's lookup),
# which libpq may report with the connection still marked good; those
# requests get 503, and so do those that find it not there yet.  Once it
# is back, the next submit works.
pg_cluster_stop "$PG_OWN"
codes=""
for i in 1 2 3 4 5 6 7 8; do
	post "/drafts/$FIRST/submit" "csrf=$TOK"
	codes="$codes$STATUS "
done
expect_eq "R18.2 submits on connections the server dropped get 503 ($codes)" \
	"$(echo $codes | tr ' ' '\n' | sort -u | tr '\n' ' ')" "503 "
check "R18.2 the 503 says when to try again" grep -qi '^Retry-After: 5' "$T/headers"
pg_cluster_run "$PG_OWN"
check "R18.2 the server started" test $? -eq 0
post "/drafts/$FIRST/submit" "csrf=$TOK"
expect_eq "R18.2 the submit after the restart works" "$STATUS" 303
expect_eq "R18.2 it made its request, once" \
	"$(db "SELECT count(*) FROM requests WHERE draft_id = $FIRST")" 1
FIRST=$((FIRST + 1))

r0=$(db "SELECT count(*) FROM requests")

mixed_load "$SECS" "$T/load" &
load=$!
sleep $((SECS / 3))
pg_cluster_stop "$PG_OWN"
sleep 2
pg_cluster_run "$PG_OWN"
check "R18.2 the server started again" test $? -eq 0
wait "$load"

made=$(( $(db "SELECT count(*) FROM requests") - r0 ))
told=$(seen 303)
# (404: a 503 is quick, and the clients' loop ran past the drafts made)
other=$(awk '$1 == "status" && $2 !~ /^(200|303|404|503)$/ { printf "%s×%s ", $3, $2 }' "$T/load")
last=$(db "SELECT max(id) FROM drafts")
expect_eq "R18.2 every draft is whole: submitted with its request, or a draft still" \
	"$(db "SELECT count(*) FROM drafts d WHERE d.id BETWEEN $FIRST AND $last AND
	    (d.request_id IS NOT NULL) <> EXISTS (SELECT 1 FROM requests r WHERE r.draft_id = d.id)")" 0
echo "# R18.2: $SECS s, $(seen 200) reads and $told submits answered, $made requests made," \
	"$(seen 503) × 503"
check "R18.2 the requests that found the server gone got 503 ($(seen 503))" test "$(seen 503)" -gt 0
check "R18.2 no other failure: no 500, no 502${other:+ ($other)}" test -z "$other"
check "R18.2 the workers connected again" grep -q "postgresql: connected again" "$VAR/log/supportal.log"
check "R18.2 no commit a client was told of is lost ($told told, $made made)" test "$made" -ge "$told"
get /requests
expect_eq "R18.2 the next request works" "$STATUS" 200
invariants "R18.2"
