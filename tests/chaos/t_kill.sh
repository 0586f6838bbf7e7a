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
# a kill at 1 s, 3 s, 5 s ... of the run, by the clock, however long the
# looking up of the workers takes on a loaded machine
ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
kills=0 slot=0 t0=$(ms)
sleep 1
while kill -0 "$load" 2>/dev/null; do
	pids=($(worker_pids))
	if [ ${#pids[@]} -gt 0 ]; then
		kill -KILL "${pids[RANDOM % ${#pids[@]}]}" 2>/dev/null && kills=$((kills + 1))
	fi
	slot=$((slot + 1))
	left=$((t0 + 1000 + slot * 2000 - $(ms)))
	[ "$left" -gt 0 ] && sleep "$((left / 1000)).$(printf %03d $((left % 1000)))"
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

# H.38: 200 submits, each by the worker run as a CGI process killed with
# SIGKILL after 0 to 8 ms, somewhere between reading the request and
# answering it: a request exists with its debit and its mail, or none of
# them does
r0=$(db "SELECT count(*) FROM requests")
d0=$(( $(db "SELECT max(draft_id) FROM requests") + 1 ))
killed=0
body="csrf=$TOK"
for i in $(seq 0 199); do
	env REQUEST_METHOD=POST DOCUMENT_URI="/drafts/$((d0 + i))/submit" REMOTE_ADDR=127.0.0.1 \
		CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=${#body} \
		HTTP_COOKIE="sid=$SID" "$BIN" <<<"$body" >/dev/null 2>>"$VAR/log/cgi.log" &
	p=$!
	sleep "0.00$((RANDOM % 8))"
	kill -KILL "$p" 2>/dev/null && killed=$((killed + 1))
	wait "$p" 2>/dev/null
done
made=$(( $(db "SELECT count(*) FROM requests") - r0 ))
echo "# H.38: 200 submits, $killed killed in flight, $made made"
check "H.38 workers were killed in flight ($killed of 200)" test "$killed" -ge 100
invariants "H.38"
