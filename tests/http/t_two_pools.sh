#!/bin/bash
# R18.3: two hosts on one machine.  Two pools of workers, each with its
# own var/ (its log, its spool, its temporary files), one PostgreSQL,
# one folder of attachments, the key and the test processor's file
# shared; one nginx upstream with both.  A request written through one
# pool is read through the other, files too; with one pool killed the
# upstream keeps serving; two send-mails at once deliver each mail once.
. "$(dirname "$0")/../lib.sh"

if [ "${SUPPORTAL_DB_ENGINE:-sqlite}" != postgresql ]; then
	echo "# skip t_two_pools.sh: two hosts share a PostgreSQL, not SQLite's file"
	echo "# 0 passed, 0 failed in $(basename "$0")"
	exit 0
fi
harness_start

# pool B: another var/, the same database, attachments, key and processor
VB=$T/varB
export SUPPORTAL_ATTACHMENTS=$VAR/attachments SUPPORTAL_KEY_FILE=$VAR/secret.key \
	SUPPORTAL_TESTPAY_DB=$VAR/testpay.db
SUPPORTAL_VAR=$VB "$CTL" init >/dev/null
check "R18.3 pool B's init finds the schema made (nothing to migrate)" \
	test "$(SUPPORTAL_VAR=$VB "$CTL" migrate)" = ""
SUPPORTAL_VAR=$VB spawn-fcgi -n -s "$VB/run/supportal.sock" -M 0660 -- \
	/usr/bin/multiwatch -f 2 -t 1000 -- "$BIN" 2>>"$VB/log/supportal.log" &
FCGI_B=$!
i=0
until [ -S "$VB/run/supportal.sock" ] || [ $i -gt 100 ]; do i=$((i + 1)); sleep 0.05; done

# nginx B (pool B alone) and nginx U (the upstream of both)
front() {	# front NAME PORT SOCKETS...: an nginx on PORT for the pools
	local name=$1 port=$2 dir=$T/$1
	shift 2
	mkdir -p "$dir"
	"$ROOT/tools/gen-nginx" "$VAR" "$ROOT" "$port" POOLS >"$dir/nginx.conf"
	{
		echo "upstream pools {"
		for s in "$@"; do echo "	server unix:$s max_fails=1 fail_timeout=30s;"; done
		echo "}"
	} >"$dir/upstream"
	sed -i -e "s|fastcgi_pass unix:POOLS;|fastcgi_pass pools;|" \
		-e "0,/^\([[:space:]]*\)server {/s||\tinclude $dir/upstream;\n&|" "$dir/nginx.conf"
	nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" &
	echo $! >"$dir/pid"
}
PORT_B=$(free_port)
front nginxB "$PORT_B" "$VB/run/supportal.sock"
PORT_U=$(free_port)
front nginxU "$PORT_U" "$VAR/run/supportal.sock" "$VB/run/supportal.sock"
A=$BASE B=http://127.0.0.1:$PORT_B U=http://127.0.0.1:$PORT_U
i=0
until curl -fs "$B/healthz" >/dev/null && curl -fs "$U/healthz" >/dev/null; do
	i=$((i + 1)); [ $i -gt 100 ] && break; sleep 0.05
done
trap 'kill -TERM $(cat "$T"/nginx?/pid) $FCGI_B 2>/dev/null; wait $FCGI_B 2>/dev/null; harness_stop' EXIT

# written through pool A: an account, a contract, a request with a file
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5
customer ana@example.com Ana Lis personal
request_with_file "Ana Lis" ana@example.com "" "the log of host A"
expect_eq "R18.3 the request was written through pool A" "$(db "SELECT count(*) FROM requests WHERE id = $R")" 1
F=$(db "SELECT id FROM attachments WHERE request_id = $R")

# read through pool B with the same session: the page, the file, the balance
BASE=$B get "/requests/$R"
expect_eq "R18.3 pool B serves A's session and request" "$STATUS" 200
check "R18.3 pool B shows the request's title" body_has "Reports are slow"
BASE=$B get "/attachments/$F"
expect_eq "R18.3 pool B serves the file A stored" "$STATUS" 200
check "R18.3 the file's bytes are A's" grep -q "the log of host A" "$T/body"
BASE=$B get /contracts
check "R18.3 pool B shows the balance A's submit left (4 of 5)" body_has ">4<"

# written through pool B, read through pool A
BASE=$B get "/requests/$R"
BASE=$B post "/requests/$R/messages" "body=written on host B"
expect_eq "R18.3 a reply through pool B" "$STATUS" 303
get "/requests/$R"
check "R18.3 pool A shows B's reply" body_has "written on host B"

# the upstream spreads requests over both pools
n0a=$(grep -c " req GET /requests " "$VAR/log/supportal.log")
n0b=$(grep -c " req GET /requests " "$VB/log/supportal.log")
for i in $(seq 1 40); do BASE=$U get /requests; [ "$STATUS" = 200 ] || break; done
expect_eq "R18.3 40 pages through the upstream, all 200" "$i/$STATUS" "40/200"
n1a=$(grep -c " req GET /requests " "$VAR/log/supportal.log")
n1b=$(grep -c " req GET /requests " "$VB/log/supportal.log")
check "R18.3 both pools served some ($((n1a - n0a)) on A, $((n1b - n0b)) on B)" \
	test $((n1a - n0a)) -gt 0 -a $((n1b - n0b)) -gt 0

# pool A killed (-9, its supervisor and workers): the upstream serves on.
# The supervisor stopped first, so that no worker it starts in place of
# one killed outlives the test.
kill -STOP "$FCGI_PID"
kill -KILL $(pgrep -P "$FCGI_PID") "$FCGI_PID" 2>/dev/null
wait "$FCGI_PID" 2>/dev/null
FCGI_PID=
bad=0
for i in $(seq 1 30); do BASE=$U get /requests; [ "$STATUS" = 200 ] || bad=$((bad + 1)); done
expect_eq "R18.3 with pool A killed, 30 pages through the upstream, all 200" "$bad" 0
BASE=$U get "/requests/$R"
BASE=$U post "/requests/$R/messages" "body=after host A died"
expect_eq "R18.3 a reply through the upstream after A died" "$STATUS" 303
expect_eq "R18.3 it is stored once" \
	"$(db "SELECT count(*) FROM messages WHERE request_id = $R AND body = 'after host A died'")" 1

# two send-mails at once, one a host, three times (each takes 100 mails a
# run): every mail delivered exactly once
db "INSERT INTO outbox (recipient, subject, body, created, next_try)
	SELECT 'm' || g || '@example.com', 's', 'b', 1, 0 FROM generate_series(1, 500) AS g" >/dev/null
due=$(db "SELECT count(*) FROM outbox WHERE sent IS NULL AND vars IS NULL")
for round in 1 2 3; do
	SUPPORTAL_VAR=$VAR "$CTL" send-mail >/dev/null &
	m1=$!
	SUPPORTAL_VAR=$VB "$CTL" send-mail >/dev/null &
	wait $m1 $!
done
na=$(ls "$VAR/spool/mail" | grep -c '\.eml$')
nb=$(ls "$VB/spool/mail" | grep -c '\.eml$')
both=$(comm -12 <(ls "$VAR/spool/mail" | sort) <(ls "$VB/spool/mail" | sort) | grep -c '\.eml$')
expect_eq "R18 every due mail delivered ($due: $na by A, $nb by B)" $((na + nb)) "$due"
expect_eq "R18 no mail delivered by both hosts" "$both" 0
expect_eq "R18 none left unsent" "$(db "SELECT count(*) FROM outbox WHERE sent IS NULL AND vars IS NULL")" 0
