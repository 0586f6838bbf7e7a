#!/bin/bash
# make run (R13.1): the demo database, the sign-in page, a demo sign-in,
# and Ctrl-C (SIGINT to the process group) leaves no nginx and no worker.
. "$(dirname "$0")/../lib.sh"
if is_pg; then
	skip "R13.1 make run: the SQLite demo, whichever engine the tests run on (R18)"
	exit 0
fi

T=$(mktemp -d /tmp/supportal-run.XXXXXX)
VAR=$T/var
port=$(free_port)
trap 'kill -TERM -- -$pg 2>/dev/null; rm -rf "$T"' EXIT
# a process group of its own, as a terminal would give `make run`, and
# SIGINT not ignored (a script's background jobs ignore it; a terminal's
# foreground job does not)
env -u SUPPORTAL_SCRYPT --default-signal=INT PORT=$port WORKERS=2 \
	SUPPORTAL_VAR=$VAR setsid "$ROOT/tools/run" >"$T/out" 2>&1 &
pg=$!
i=0
until grep -q 'is running' "$T/out" 2>/dev/null; do
	i=$((i + 1))
	if [ $i -gt 200 ] || ! kill -0 $pg 2>/dev/null; then break; fi
	sleep 0.1
done
# when it did not come up, what it printed and how it ended: a failure
# here has been seen once and not reproduced
if ! grep -q 'is running' "$T/out" 2>/dev/null; then
	echo "# make run did not come up in $((i / 10)) s; it printed:"
	sed 's/^/#   /' "$T/out"
	kill -0 $pg 2>/dev/null || { wait $pg; echo "# and exited with status $?"; }
fi
check "R13.1 make run says where the portal is" grep -q "http://127.0.0.1:$port/" "$T/out"
check "R13.1 make run prints the demo sign-ins" grep -q 'anna.nowak@example.com' "$T/out"
BASE=http://127.0.0.1:$port
JAR=$T/jar
get /signin
expect_eq "R13.1 the sign-in page is served" "$STATUS" 200
post /signin "email=anna.nowak@example.com" "password=demo-personal-2026"
expect_eq "R13.1 the demo personal account signs in" "$(header Location)" /
get /
expect_eq "R13.1 its profile is complete: the start page" "$STATUS" 200
check "R13.1 demo passwords use the production cost (A.1)" \
	test "$(sqlite3 "$VAR/supportal.db" "SELECT count(*) FROM accounts WHERE pwhash NOT LIKE '\$s1\$0f0803\$%'")" = 0
# the processes started for this run: nginx names its configuration on
# its command line; multiwatch and the workers carry its SUPPORTAL_VAR
ours() {
	local f
	pgrep -af "$VAR/run/nginx[.]conf"
	for f in /proc/[0-9]*/environ; do
		[ "${f%/environ}" = "/proc/$$" ] && continue
		{ tr '\0' '\n' <"$f" | grep -qx "SUPPORTAL_VAR=$VAR" &&
			tr '\0' ' ' <"${f%/environ}/cmdline" && echo; } 2>/dev/null
	done
}
n=$(ours | grep -c 'nginx')
w=$(ours | grep -c 'build/supportal.fcgi')
check "R13.1 nginx and the workers are running ($n, $w)" test "$n" -ge 1 -a "$w" -ge 2

kill -INT -- -$pg
i=0
while kill -0 $pg 2>/dev/null && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.1; done
sleep 0.3
check "R13.1 Ctrl-C stops make run" bash -c "! kill -0 $pg 2>/dev/null"
left=$(ours | grep -v '^$')
expect_eq "R13.1 no nginx, multiwatch or worker is left" "$left" ""
check "R13.1 the socket is removed" test ! -e "$VAR/run/supportal.sock"
echo "# $PASS passed, $FAIL failed in $(basename "$0")"
[ "$FAIL" -eq 0 ]
