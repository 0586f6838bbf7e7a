#!/bin/bash
# SECURITY.md L.51: the WAL stays bounded under continuous readers and
# writers (CHAOS_SECONDS; make soak: 600): 32 clients reading and
# submitting, plus a reader that never lets go for long (a request list
# every 10 ms), with the -wal file's size read twice a second.  Pass: it
# stays under 64 MiB: SQLite reuses the file from its start once a
# checkpoint has caught up, and past 16 MiB a worker waits for the
# readers and truncates it (db.c: WAL_TRUNCATE).  The drafts are made
# in one large transaction first; its WAL is checkpointed away before
# the load starts, so that what is measured is the load's.
. "$(dirname "$0")/lib.sh"
if is_pg; then
	echo "# skip t_wal.sh on postgresql: SQLite's write-ahead log"
	echo "# 0 passed, 0 failed in $(basename "$0")"
	exit 0
fi
WORKERS=4 harness_start
chaos_customer $((SECS * 800))
db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
check "L.51 the load starts from an empty -wal" test "$(stat -c %s "$DB-wal")" -eq 0

mixed_load "$SECS" "$T/load" &
load=$!
( while kill -0 "$load" 2>/dev/null; do
	curl -s -o /dev/null -b "$T/jar" "$BASE/requests"
	sleep 0.01
  done ) &
reader=$!
max=0 samples=0 shrank=0 last=0
while kill -0 "$load" 2>/dev/null; do
	s=$(stat -c %s "$DB-wal" 2>/dev/null || echo 0)
	[ "$s" -gt "$max" ] && max=$s
	[ "$s" -lt "$last" ] && shrank=$((shrank + 1))
	last=$s
	samples=$((samples + 1))
	sleep 0.5
done
wait "$load" "$reader" 2>/dev/null
made=$(db "SELECT count(*) FROM requests")
echo "# L.51: $SECS s, $made requests submitted, -wal at most $((max / 1048576)) MiB over $samples samples, truncated $shrank times"
check "L.51 writes went on ($made requests)" test "$made" -gt 100
check "L.51 the -wal file stayed under 64 MiB ($((max / 1048576)) MiB)" test "$max" -lt 67108864
check "L.51 no checkpoint gave up for good" bash -c "! grep -q 'wal checkpoint:' '$VAR/log/supportal.log'"
invariants "L.51"
