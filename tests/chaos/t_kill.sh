#!/bin/bash
# SECURITY.md L.48: 32 clients for CHAOS_SECONDS (make soak: 120) reading
# and submitting while a random worker is killed with SIGKILL every two
# seconds.  Afterwards the database is whole, every balance equals its
# ledger, no debit is orphaned or doubled, every commit a client was told
# of is there, and every failed answer a client saw is nginx's 502 or 503.
. "$(dirname "$0")/lib.sh"
WORKERS=4 harness_start
chaos_customer $((SECS * 800))
r0=$(db "SELECT count(*) FROM requests")

mixed_load "$SECS" "$T/load" &
load=$!
kills=0
sleep 1
while kill -0 "$load" 2>/dev/null; do
	pids=($(worker_pids))
	if [ ${#pids[@]} -gt 0 ]; then
		kill -KILL "${pids[RANDOM % ${#pids[@]}]}" 2>/dev/null && kills=$((kills + 1))
	fi
	sleep 2
done
wait "$load"
made=$(( $(db "SELECT count(*) FROM requests") - r0 ))
told=$(seen 303)
reads=$(seen 200)
errs=$(awk '$1 == "errors" { print $2 }' "$T/load")
other=$(awk '$1 == "status" && $2 !~ /^(200|303|502|503)$/ { printf "%s×%s ", $3, $2 }' "$T/load")
echo "# L.48: $SECS s, $kills kills, $reads reads and $told submits answered," \
	"$made requests made, $(seen 502) × 502, $(seen 503) × 503, $errs socket errors"
check "L.48 workers were killed ($kills) under load" test "$kills" -ge $((SECS / 2 - 2))
check "L.48 reads and submits went on ($reads, $told)" test "$reads" -gt 0 -a "$told" -gt 0
check "L.48 every failed answer is nginx's 502 or 503${other:+ (also $other)}" test -z "$other"
check "L.48 no commit a client was told of is lost ($told told, $made made)" test "$made" -ge "$told"
# a commit no client heard of: a killed request's, or one still in flight
# when wrk stopped counting (one a connection)
check "L.48 commits not told of are at most the killed and unfinished ($((made - told)) ≤ $kills + $errs + 32)" \
	test $((made - told)) -le $((kills + errs + 32))
invariants "L.48"
wait_healthy
get /requests
expect_eq "L.48 the portal serves on after the kills" "$STATUS" 200
