#!/bin/bash
# SECURITY.md L.49: a graceful stop.  SIGTERM or SIGUSR1 to a worker, and
# SIGTERM to the supervisor (multiwatch) as systemd stops the service,
# arrive while a sign-in is in flight (a rehash to a heavier scrypt cost
# keeps it busy for a while): the sign-in finishes, its commit is there,
# and the worker exits after it instead of dying in the middle.
. "$(dirname "$0")/lib.sh"
export WORKERS=1
harness_start
signup stop@example.com 'a long pass phrase' Sto P personal >/dev/null
signout_all() { db "DELETE FROM sessions"; }

# in_flight SIGNAL TARGET: a sign-in that rehashes, the signal to TARGET
# ("worker" or "supervisor") while it runs; prints "STATUS UPGRADED"
in_flight() {
	local pid st
	signout_all
	JAR=$T/s.$1.$2 get /signin
	tok=$(JAR=$T/s.$1.$2 csrf_token)
	curl -s -o /dev/null -w '%{http_code}' -b "$T/s.$1.$2" -c "$T/s.$1.$2" \
		--data-urlencode "csrf=$tok" --data-urlencode "email=stop@example.com" \
		--data-urlencode "password=a long pass phrase" "$BASE/signin" >"$T/st" &
	pid=$!
	sleep 0.2
	if [ "$2" = worker ]; then kill "-$1" $(worker_pids); else kill "-$1" "$FCGI_PID"; fi
	wait "$pid"
	st=$(cat "$T/st")
	echo "$st $(db "SELECT count(*) FROM sessions") $(db "SELECT substr(pwhash, 1, 10) FROM accounts WHERE email = 'stop@example.com'")"
}

# the heavier cost: the next sign-in upgrades the stored hash (A.1)
export SUPPORTAL_SCRYPT=17,8,1
workers_restart
for sig in TERM USR1; do
	before=$(worker_pids)
	out=$(in_flight "$sig" worker)
	expect_eq "L.49 SIG$sig to a worker mid-request: the sign-in finished (303) and its session is there" \
		"$(echo "$out" | cut -d' ' -f1,2)" "303 1"
	IFS=, read -r n r p <<<"$SUPPORTAL_SCRYPT"
	expect_eq "L.49 ... the rehash committed too" "$(echo "$out" | cut -d' ' -f3)" \
		"$(printf '$s1$%02x%02x%02x' "$n" "$r" "$p")"
	i=0; while [ "$(worker_pids)" = "$before" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	check "L.49 ... then the worker stopped and another took its place" test "$(worker_pids)" != "$before"
	wait_healthy
	check "L.49 ... saying so in the log" grep -q "worker ${before// /} stopping" "$VAR/log/supportal.log"
	export SUPPORTAL_SCRYPT=$([ "$SUPPORTAL_SCRYPT" = 17,8,1 ] && echo 17,8,2 || echo 17,8,1)
	workers_restart
done
before=$(worker_pids)
out=$(in_flight TERM supervisor)
expect_eq "L.49 SIGTERM to the supervisor mid-request: the sign-in finished (303) and its session is there" \
	"$(echo "$out" | cut -d' ' -f1,2)" "303 1"
wait "$FCGI_PID" 2>/dev/null
# (its own workers: other portals may run on the machine)
alive=""
for p in $before; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
check "L.49 ... and every worker stopped with it${alive:+ (not$alive)}" test -z "$alive"
FCGI_PID=
workers_start
wait_healthy
get /signin
expect_eq "L.49 the portal starts again" "$STATUS" 200
