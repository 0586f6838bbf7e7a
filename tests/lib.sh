# tests/lib.sh: the HTTP test harness, sourced by every tests/http/t_*.sh.
#
# It starts a real nginx (configuration from conf/nginx.conf.in on a free
# port) in front of real FastCGI workers (spawn-fcgi + multiwatch) on a
# fresh var/ with a real SQLite file, and gives the tests curl helpers.
# Each check prints "ok - ..." or "not ok - ..."; tests/http/run counts them.
#
#   SUPPORTAL_BIN  the worker to test (build/asan/supportal.fcgi for the
#                  sanitiser run)
#   WORKERS        number of workers (default 2)
#   SUPPORTAL_DB_ENGINE  sqlite (default) or postgresql (R18): on
#                  PostgreSQL each test file gets a database of its own
#                  in the cluster tests/http/run started (tests/pg.sh),
#                  or in one of its own when run by hand

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SUPPORTAL_BIN:-$ROOT/build/supportal.fcgi}
CTL=${SUPPORTAL_CTL:-$ROOT/build/supportalctl}
PASS=0
FAIL=0
. "$ROOT/tests/pg.sh"

ok() { PASS=$((PASS + 1)); echo "ok - $*"; }
not_ok() { FAIL=$((FAIL + 1)); echo "not ok - $*"; }
# skip WHAT: a check not made on this engine; not a pass
skip() { echo "# skip - $*"; }

# is_pg: the tests run on PostgreSQL (SUPPORTAL_DB_ENGINE=postgresql)
is_pg() { [ "${SUPPORTAL_DB_ENGINE:-sqlite}" = postgresql ]; }
# DB_ENV: the engine's settings as env(1) takes them, for a worker run
# with a cleared environment (env -i ... "${DB_ENV[@]}" ...); none on
# SQLite, whose file is under SUPPORTAL_VAR
DB_ENV=()

# check DESC COMMAND...: ok when the command succeeds.
check() {
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# expect_eq DESC GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', want '$3')"; fi
}

free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 20000))
		(exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
	done
}

# harness_start: a fresh portal; sets T (temp dir), VAR, PORT, BASE, DB.
# The EXIT trap is set first, so that a failure on the way stops what was
# started; nginx gets another free port if the one chosen was taken
# meanwhile.
harness_start() {
	local try
	T=$(mktemp -d /tmp/supportal-test.XXXXXX)
	VAR=$T/var
	trap harness_stop EXIT
	export SUPPORTAL_VAR=$VAR SUPPORTAL_ROOT=$ROOT
	export SUPPORTAL_SCRYPT=${SUPPORTAL_SCRYPT:-10,8,1}
	# the tests sign up hundreds of accounts from 127.0.0.1 (R14.4)
	export SUPPORTAL_SIGNUP_LIMITS=${SUPPORTAL_SIGNUP_LIMITS:-100000,100000}
	# ... and save hundreds of cards and purchases from it (R17.3); a
	# test of the limits sets it empty: the configured default, 10
	export SUPPORTAL_PAY_PER_DAY=${SUPPORTAL_PAY_PER_DAY-100000}
	# the SQLite file; on PostgreSQL it is never made, and the tests
	# that look at files look at it only on SQLite
	DB=$VAR/supportal.db
	is_pg && { pg_database_create || exit 1; }
	"$CTL" init >/dev/null || { echo "harness: init failed" >&2; exit 1; }
	is_pg && pg_compat_sql | db >/dev/null
	[ "${HISTORY_CHECK:-1}" = 1 ] && db <"$(shadow_file)"
	for try in 1 2 3 4 5; do
		PORT=$(free_port)
		BASE=http://127.0.0.1:$PORT
		export SUPPORTAL_ORIGIN=$BASE
		"$ROOT/tools/gen-nginx" "$VAR" "$ROOT" "$PORT" "$VAR/run/supportal.sock" \
			>"$VAR/run/nginx.conf"
		# the workers allow the origin of this port only: on another
		# try, with another port, they start again
		if [ -n "${FCGI_PID:-}" ] && [ "$try" -gt 1 ]; then
			kill -TERM "$FCGI_PID" 2>/dev/null
			wait "$FCGI_PID" 2>/dev/null
			FCGI_PID=
		fi
		[ -n "${FCGI_PID:-}" ] || workers_start
		nginx -c "$VAR/run/nginx.conf" -p "$VAR/run" -e "$VAR/log/nginx-error.log" &
		NGINX_PID=$!
		wait_healthy && return 0
		kill -TERM "$NGINX_PID" 2>/dev/null
		wait "$NGINX_PID" 2>/dev/null
		NGINX_PID=
	done
	echo "harness: portal did not start" >&2
	cat "$VAR/log/"*.log >&2
	exit 1
}

# workers_start: spawn-fcgi + multiwatch with WORKERS workers.
workers_start() {
	rm -f "$VAR/run/supportal.sock"
	ASAN_OPTIONS=${ASAN_OPTIONS:-log_path=$VAR/log/asan:detect_leaks=1} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-log_path=$VAR/log/ubsan:print_stacktrace=1} \
	spawn-fcgi -n -s "$VAR/run/supportal.sock" -M 0660 -- \
		/usr/bin/multiwatch -f "${WORKERS:-2}" -t 1000 -- "$BIN" \
		2>>"$VAR/log/supportal.log" &
	FCGI_PID=$!
	local i=0
	until [ -S "$VAR/run/supportal.sock" ]; do
		i=$((i + 1)); [ $i -gt 100 ] && return 1
		sleep 0.05
	done
}

# workers_restart: stop the workers and start them again (new settings).
workers_restart() {
	kill -TERM "$FCGI_PID" 2>/dev/null
	wait "$FCGI_PID" 2>/dev/null
	workers_start
	wait_healthy
}

wait_healthy() {
	local i=0
	until curl -fs "$BASE/healthz" >/dev/null 2>&1; do
		i=$((i + 1)); [ $i -gt 100 ] && return 1
		[ -n "${NGINX_PID:-}" ] && ! kill -0 "$NGINX_PID" 2>/dev/null && return 1
		sleep 0.05
	done
}

# worker_pids: the pids of the running workers, sorted, one line.
# (spawn-fcgi -n execs multiwatch, whose children are the workers)
worker_pids() {
	pgrep -P "$FCGI_PID" | sort -n | tr '\n' ' '
}

harness_stop() {
	trap - EXIT
	[ -n "${NGINX_PID:-}" ] && kill -TERM "$NGINX_PID" 2>/dev/null
	[ -n "${FCGI_PID:-}" ] && kill -TERM "$FCGI_PID" 2>/dev/null
	wait ${NGINX_PID:-} ${FCGI_PID:-} 2>/dev/null
	# sanitiser reports of any worker fail the test file
	if ls "$VAR"/log/asan.* "$VAR"/log/ubsan.* >/dev/null 2>&1; then
		not_ok "sanitiser reports: $(ls "$VAR"/log/asan.* "$VAR"/log/ubsan.* 2>/dev/null | tr '\n' ' ')"
		cat "$VAR"/log/asan.* "$VAR"/log/ubsan.* 2>/dev/null | head -60
	fi
	history_check
	if grep -q "left open\|left busy\|left the database" "$VAR/log/supportal.log" 2>/dev/null; then
		not_ok "a request left a transaction or statement open"
		grep "left open\|left busy\|left the database" "$VAR/log/supportal.log" | head
	fi
	echo "# $PASS passed, $FAIL failed in $(basename "$0")"
	is_pg && pg_database_drop
	[ "${KEEP:-0}" = 1 ] && echo "# kept $T" || rm -rf "$T"
	[ "$FAIL" -eq 0 ]
	exit $?
}

# pg_database_create: the test file's own database, PGDB, in the cluster
# of the run (SUPPORTAL_TEST_PGHOST) or, run by hand, in one started
# for this file alone (PG_OWN); exports the engine and conninfo
# for the workers and supportalctl.
pg_database_create() {
	if [ -z "${SUPPORTAL_TEST_PGHOST:-}" ]; then
		# beside $T, not in it: the server's user must reach it
		PG_OWN=$(mktemp -d /tmp/supportal-pg.XXXXXX)
		pg_cluster_start "$PG_OWN" || { echo "harness: PostgreSQL did not start" >&2; return 1; }
	fi
	PGDB=t_${T##*.}
	PGDB=${PGDB,,}
	"$PGBIN/createdb" -h "$SUPPORTAL_TEST_PGHOST" -U postgres "$PGDB" ||
		{ echo "harness: createdb $PGDB failed" >&2; return 1; }
	export SUPPORTAL_DB_ENGINE=postgresql
	export SUPPORTAL_DB_CONNINFO="host=$SUPPORTAL_TEST_PGHOST user=postgres dbname=$PGDB"
	DB_ENV=("SUPPORTAL_DB_ENGINE=$SUPPORTAL_DB_ENGINE" "SUPPORTAL_DB_CONNINFO=$SUPPORTAL_DB_CONNINFO")
}

# pg_database_drop: the test file's database goes (kept with KEEP=1),
# and the cluster with it when the file started its own
pg_database_drop() {
	[ -n "${PGDB:-}" ] || return 0
	if [ "${KEEP:-0}" = 1 ]; then
		echo "# kept database $PGDB ($SUPPORTAL_DB_CONNINFO)"
	else
		"$PGBIN/dropdb" -h "$SUPPORTAL_TEST_PGHOST" -U postgres --force "$PGDB" 2>/dev/null
	fi
	if [ -n "${PG_OWN:-}" ]; then
		pg_cluster_stop "$PG_OWN"
		[ "${KEEP:-0}" = 1 ] && echo "# kept cluster $PG_OWN" || rm -rf "$PG_OWN"
	fi
	PGDB= PG_OWN=
}

# http METHOD PATH [curl args...]: one request with the cookie jar $JAR
# (default $T/jar).  Sets STATUS; the body is in $T/body, the headers in
# $T/headers.
http() {
	local method=$1 path=$2
	shift 2
	STATUS=$(curl -s -o "$T/body" -D "$T/headers" -w '%{http_code}' \
		-X "$method" -b "${JAR:-$T/jar}" -c "${JAR:-$T/jar}" "$@" "$BASE$path")
}

get() { http GET "$@"; }

# post PATH FIELDS...: an urlencoded POST, each field as name=value
# (values are url-encoded here).  Adds the form token of the last page
# unless a csrf= field is given.
post() {
	local path=$1 args=() have_csrf=0 f
	shift
	for f in "$@"; do
		case "$f" in csrf=*) have_csrf=1 ;; esac
		args+=(--data-urlencode "$f")
	done
	[ $have_csrf = 0 ] && args+=(--data-urlencode "csrf=$(csrf_token)")
	http POST "$path" "${args[@]}"
}

# csrf_token: the form token in the last page fetched (GET /signin if
# none).  Read by the shell, not sed: every post asks for it.
csrf_token() {
	local t
	t=$(token_in "$T/body")
	if [ -z "$t" ]; then
		curl -s -L -o "$T/csrfpage" -b "${JAR:-$T/jar}" -c "${JAR:-$T/jar}" "$BASE/signin"
		t=$(token_in "$T/csrfpage")
	fi
	echo "$t"
}
# token_in FILE: the first form token in FILE
token_in() {
	local line re='name="csrf" value="([0-9a-f]*)"'
	while IFS= read -r line || [ -n "$line" ]; do
		[[ $line =~ $re ]] && { echo "${BASH_REMATCH[1]}"; return; }
	done 2>/dev/null <"$1"
}

# header NAME: the value of the last answer's first header NAME (read by
# the shell itself: a test calls it thousands of times)
header() {
	local line name
	while IFS= read -r line || [ -n "$line" ]; do
		line=${line%$'\r'}
		name=${line%%:*}
		if [ "${name,,}" = "${1,,}" ]; then
			echo "${line#* }"
			return
		fi
	done <"$T/headers"
}
body_has() { grep -q -- "$1" "$T/body"; }

# signup_only EMAIL PASSWORD FIRST LAST KIND: sign up, not signed in
# (the address is not proven yet: R14.1).
signup_only() {
	get /signup
	post /signup "email=$1" "password=$2" "first=$3" "last=$4" "kind=$5"
}

# mail_link EMAIL PATH: the token of the newest link to PATH (/verify,
# /reset) in a mail queued for EMAIL, read from the outbox as a mailbox
# would.
mail_link() {
	local body re="$2\?t=([0-9a-f]{64})" i
	# a reset link is written just after its answer (M.55): wait for it
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		body=$(db "SELECT body FROM outbox WHERE recipient = '$1' AND body LIKE '%$2?t=%' ORDER BY id DESC LIMIT 1")
		[[ $body =~ $re ]] && { echo "${BASH_REMATCH[1]}"; return 0; }
		[ "$2" = /reset ] || return 1
		sleep 0.1
	done
	return 1
}

# verify EMAIL: follow the newest address link mailed to EMAIL (R14.1).
verify() {
	local t
	t=$(mail_link "$1" /verify)
	get "/verify?t=$t"
	post /verify "t=$t"
}

# signup EMAIL PASSWORD FIRST LAST KIND: a new account in jar $JAR, its
# address proven through the mailed link, signed in.
signup() {
	signup_only "$@"
	[ "$STATUS" = 303 ] || return 0	# refused: its page stays to read
	verify "$1"
	signin "$1" "$2"
}

# engineer EMAIL FIRST LAST QUEUES: a support engineer's account (R8.1)
# working the queues of QUEUES ("EMEA,AMER"), password 'a long pass
# phrase', signed in on $JAR with the profile filled in.
engineer() {
	echo 'a long pass phrase' |
		"$CTL" add-engineer --email "$1" --first "$2" --last "$3" --queues "$4" >/dev/null
	signin "$1" 'a long pass phrase' >/dev/null
	profile_fill "$1" >/dev/null
}

# signin EMAIL PASSWORD
signin() {
	get /signin
	post /signin "email=$1" "password=$2"
}

# profile_fill: complete the one-time profile of the signed-in account.
profile_fill() {
	get /profile
	post /profile "contact_email=${1:-contact@example.com}" "phone=+48 22 555 0100" \
		"company=Contoso" "country=PL" "tz=Europe/Warsaw" "lang=en" "method=email"
}

# catalogue: import the fixture catalogue; sets P and V (SQL Server 2022),
# C (its Performance category) and X (Slow queries).
catalogue() {
	"$CTL" import-catalogue "$ROOT/tests/fixtures/catalogue.txt" >/dev/null
	P=$(db "SELECT id FROM products WHERE code = 'sql-server'")
	V=$(db "SELECT id FROM versions WHERE code = '2022' AND product_id = $P")
	C=$(db "SELECT id FROM categories WHERE code = 'performance'")
	X=$(db "SELECT id FROM problems WHERE code = 'slow-queries'")
}

# issue ARGS...: supportalctl issue-contract ARGS; sets AID and CID (as
# printed) and K (the contract's row id).
issue() {
	local out
	out=$("$CTL" issue-contract "$@") || return 1
	AID=$(echo "$out" | sed -n 's/^Access ID: *//p')
	CID=$(echo "$out" | sed -n 's/^Contract ID: *//p')
	K=$(db "SELECT max(id) FROM contracts")
}

# customer EMAIL FIRST LAST KIND: a new account in jar $JAR with its
# profile filled in and the contract of the last issue (AID, CID)
# activated on it.
customer() {
	signup "$1" 'a long pass phrase' "$2" "$3" "$4" >/dev/null
	profile_fill "$1" >/dev/null
	get /contracts
	post /contracts/activate "access_id=$AID" "contract_id=$CID"
}

# draft_filled NAME EMAIL [SECONDARY]: a new draft of the signed-in
# account filled in up to the verify step (the fixture's SQL Server 2022,
# slow queries, plan K, important, Poland), NAME and EMAIL its primary
# contact; sets D.
draft_filled() {
	get /requests
	post /requests/new
	D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
	post "/drafts/$D/step" step=1 action=next "product=$P" "version=$V" "category=$C" "problem=$X" \
		"title=Reports are slow" "description=Every report takes minutes."
	post "/drafts/$D/step" step=2 action=next "plan=$K" severity=important country=PL tz=Europe/Warsaw
	post "/drafts/$D/step" step=3 action=next "pc_name=$1" "pc_email=$2" pc_method=email
	post "/drafts/$D/step" step=4 action=next "secondary=${3:-}"
}

# request_submitted NAME EMAIL [SECONDARY]: as draft_filled, then
# submitted; sets D and R.
request_submitted() {
	draft_filled "$@"
	get "/drafts/$D"
	post "/drafts/$D/submit"
	R=$(db "SELECT id FROM requests WHERE draft_id = $D")
}

# tidy_ok DESC: the page in $T/body is HTML tidy finds nothing wrong
# with, but for what it does not know (aria-current, autocomplete on a
# select).
tidy_ok() {
	local out
	out=$(tidy -q -e --show-warnings yes "$T/body" 2>&1 |
		grep -vE 'proprietary attribute "(aria-current|autocomplete)"')
	expect_eq "$1" "$out" ""
}

# tidy_pages JAR PATH...: each page, in Polish then in English, passes
# tidy_ok; one check a page and language.
tidy_pages() {
	local jar=$1 lang p
	shift
	for lang in pl en; do
		JAR=$jar get "$1"
		JAR=$jar post /lang "lang=$lang" "next=$1"
		for p in "$@"; do
			JAR=$jar get "$p"
			tidy_ok "tidy: $lang $p"
		done
	done
}

# request_with_file NAME EMAIL [SECONDARY] [TEXT]: as draft_filled, with
# a file (a one-line log, TEXT) sent at step 1, then submitted; sets D
# and R.
request_with_file() {
	get /requests
	post /requests/new
	D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
	printf '%s\n' "${4:-a log file}" >"$T/app.log"
	get "/drafts/$D"
	http POST "/drafts/$D/step" -F "csrf=$(csrf_token)" -F step=1 -F action=next -F "product=$P" \
		-F "version=$V" -F "category=$C" -F "problem=$X" -F "title=Reports are slow" \
		-F "description=Every report takes minutes." -F "files=@$T/app.log"
	post "/drafts/$D/step" step=2 action=next "plan=$K" severity=important country=PL tz=Europe/Warsaw
	post "/drafts/$D/step" step=3 action=next "pc_name=$1" "pc_email=$2" pc_method=email
	post "/drafts/$D/step" step=4 action=next "secondary=${3:-}"
	get "/drafts/$D"
	post "/drafts/$D/submit"
	R=$(db "SELECT id FROM requests WHERE draft_id = $D")
}

# card_saved HOLDER: the test card that is always charged (README) saved
# on the signed-in account, expiring in four years (R6.3).
card_saved() {
	get /ppi
	post /ppi/card "holder=$1" "number=4242 4242 4242 4242" \
		"expiry=04/$(( $(date +%y) + 4 ))" cvc=737
}

# purchase_started FOR: a purchase of one incident waiting for its Buy,
# FOR being "draft=D" or "version=V" (R6.4); sets N.
purchase_started() {
	get /ppi
	post /ppi/start offer=one "$1"
	N=$(header Location | sed -n 's|^/ppi/\([0-9]*\)$|\1|p')
}

# drafts_ready D K N: N copies of draft D (filled in up to the verify
# step), numbered from D+1, and plan K grown by a million incidents, for
# tests and benchmarks that submit many requests quickly.
drafts_ready() {
	db <<SQL
BEGIN;
UPDATE contracts SET incidents_total = incidents_total + 1000000,
  incidents_left = incidents_left + 1000000 WHERE id = $2;
INSERT INTO incident_ledger (contract_id, delta, kind, created) VALUES ($2, 1000000, 'issued', 0);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $3)
INSERT INTO drafts (account_id, done, product_id, version_id, category_id, problem_id,
  title, description, contract_id, severity, allday, country, timezone, pc_name,
  pc_email, pc_method, secondary, add_me, created, updated)
  SELECT account_id, done, product_id, version_id, category_id, problem_id,
  title || ' ' || i, description, contract_id, severity, allday, country, timezone,
  pc_name, pc_email, pc_method, secondary, add_me, created, updated
  FROM drafts, n WHERE id = $1;
COMMIT;
SQL
}

# schema_last: the version a database must be at, the number of the last
# migration in schema/ (data/schema.c reads it the same way)
# (on PostgreSQL, of schema/pg/: the version in schema_meta)
schema_last() {
	local f d=$ROOT/schema
	is_pg && d=$ROOT/schema/pg
	f=$(ls "$d"/[0-9][0-9][0-9]_*.sql | tail -1)
	f=${f##*/}
	echo $((10#${f%%_*}))
}

# date_after DATE MODIFIERS: DATE (YYYY-MM-DD) moved by MODIFIERS ("+1 year
# -1 day"), as SQLite's date(DATE, '+1 year', '-1 day') reckons it: the
# tests reckon dates by date(1), the same on both engines
date_after() { date -u -d "$1 $2" +%F; }

# db [QUERY]: run a query (or the SQL on standard input) on the test
# database (the tests' own look-ups).  On PostgreSQL through psql, its
# output as sqlite3's: fields joined by |, NULL empty, no header, each
# statement's rows in turn; an error stops it (status 3).  Only its
# search_path has test_compat (tests/pg.sh: group_concat).
db() {
	if is_pg; then
		if [ $# -gt 0 ]; then
			printf '%s\n;\n' "$@" | pg_psql
		else
			pg_psql
		fi
	else
		sqlite3 -cmd ".timeout 5000" "$DB" "$@"
	fi
}
pg_psql() {
	PGOPTIONS="-c search_path=public,test_compat" "$PGBIN/psql" -X -q -A -t \
		-v ON_ERROR_STOP=1 -F '|' -h "$SUPPORTAL_TEST_PGHOST" -U postgres -d "$PGDB" "$@"
}

# db_dump: the whole database as text, to look for what must not be in
# it: sqlite3's .dump; on PostgreSQL the same shape, a line a row,
# "INSERT INTO table VALUES(row)", its line breaks written \n
db_dump() {
	if is_pg; then
		pg_psql <<'SQL'
SELECT format('SELECT %L || replace(t::text, E''\n'', ''\n'') FROM %I.%I t',
  'INSERT INTO ' || c.relname || ' VALUES', n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_%'
ORDER BY n.nspname, c.relname \gexec
SQL
	else
		sqlite3 -cmd ".timeout 5000" "$DB" .dump
	fi
}

# db_integrity: "ok" when the database is sound (SQLite's integrity_check;
# on PostgreSQL pg_amcheck of its tables and indexes, or what it found)
db_integrity() {
	local out
	if is_pg; then
		if out=$("$PGBIN/pg_amcheck" -h "$SUPPORTAL_TEST_PGHOST" -U postgres -d "$PGDB" \
			--install-missing --heapallindexed 2>&1); then
			echo ok
		else
			echo "$out" | head -20
		fi
	else
		db 'PRAGMA integrity_check'
	fi
}

# pg_database_dir: the directory of the test database's own files in the
# cluster (after a CHECKPOINT, so that they hold what was written); the
# cluster's WAL is shared by the run's databases and is not in it
pg_database_dir() {
	db "CHECKPOINT" >/dev/null
	db "SELECT current_setting('data_directory') || '/base/' || oid FROM pg_database WHERE datname = current_database()"
}

# sid [JAR], pre_of JAR: the session and pre-session cookies of a jar;
# acct EMAIL: an account's id; sha TEXT: its SHA-256 in hex
sid() { awk '$6 == "sid" { print $7 }' "${1:-${JAR:-$T/jar}}" | tail -1; }
pre_of() { awk '$6 == "pre" { print $7 }' "$1" | tail -1; }
acct() { db "SELECT id FROM accounts WHERE email = '$1'"; }
sha() { printf %s "$1" | sha256sum | cut -d' ' -f1; }

# cgi_post ADDRESS PATH BODY: one urlencoded POST with the pre-session
# token, run by the worker as plain CGI from client ADDRESS (a test of
# addresses nginx on loopback cannot give); prints the status
cgi_post() {
	local pre body="csrf=$(printf '%064d' 6)&$3"
	pre=$(printf '%064d' 6)
	printf %s "$body" | env ASAN_OPTIONS="log_path=$VAR/log/asan:detect_leaks=1" \
		UBSAN_OPTIONS="log_path=$VAR/log/ubsan:print_stacktrace=1" \
		REQUEST_METHOD=POST DOCUMENT_URI="$2" REMOTE_ADDR="$1" \
		CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=${#body} \
		HTTP_COOKIE="pre=$pre" "$BIN" 2>>"$VAR/log/supportal.log" |
		sed -n 's/^Status: \([0-9]*\).*/\1/p' | head -1
}

# R15.7, the history's after-test check: every change the shadow
# triggers of tests/fixtures/history-shadow.sql (on PostgreSQL
# history-shadow-pg.sql) counted has exactly one history row of its
# kind, request by request, and no row was written for a change that did
# not happen; each request's last status in its history is its status.
# A database the test replaced has no shadow.
SHADOW=$ROOT/tests/fixtures/history-shadow.sql
SHADOW_PG=$ROOT/tests/fixtures/history-shadow-pg.sql
shadow_file() { if is_pg; then echo "$SHADOW_PG"; else echo "$SHADOW"; fi; }
# shadow_present: the test database has the shadow table
shadow_present() {
	if is_pg; then
		[ "$(db "SELECT count(*) FROM pg_tables WHERE tablename = 'test_shadow'")" = 1 ]
	else
		[ "$(db "SELECT count(*) FROM sqlite_master WHERE name = 'test_shadow'")" = 1 ]
	fi
}
history_check() {
	local bad s
	if is_pg; then
		[ -n "${PGDB:-}" ] || return 0
		# a row a (request, event) with its count n
		s="SELECT request_id, event, n FROM test_shadow WHERE request_id <> 0"
	else
		[ -f "${DB:-}" ] || return 0
		# a row a change
		s="SELECT request_id, event, count(*) n FROM test_shadow WHERE request_id <> 0 GROUP BY 1, 2"
	fi
	shadow_present || return 0
	bad=$(db "
WITH s AS ($s),
h AS (SELECT request_id, event, count(*) n FROM request_history GROUP BY 1, 2)
SELECT 'request ' || request_id || ' ' || event || ': ' || s.n || ' changes, '
  || coalesce(h.n, 0) || ' history rows' FROM s LEFT JOIN h USING (request_id, event)
  WHERE s.n <> coalesce(h.n, 0)
UNION ALL
SELECT 'request ' || request_id || ' ' || event || ': no change, ' || h.n
  || ' history rows' FROM h LEFT JOIN s USING (request_id, event) WHERE s.n IS NULL
UNION ALL
SELECT 'request ' || r.id || ' is ' || r.status || ', its history says '
  || coalesce((SELECT detail FROM request_history WHERE request_id = r.id AND
  event = 'status' ORDER BY id DESC LIMIT 1), 'new') FROM requests r
  WHERE r.id IN (SELECT request_id FROM test_shadow WHERE event = 'submitted')
  AND NOT EXISTS (SELECT 1 FROM test_shadow WHERE event = 'fixture')
  AND r.status <> coalesce((SELECT detail FROM request_history WHERE
  request_id = r.id AND event = 'status' ORDER BY id DESC LIMIT 1), 'new')
LIMIT 20")
	if [ -n "$bad" ]; then
		not_ok "R15.7 every change left exactly one history row"
		echo "$bad" | sed 's/^/#   /'
	else
		ok "R15.7 every change left exactly one history row ($(db "SELECT coalesce(sum(n), 0) FROM ($s) s") changes)"
	fi
}

# db_fixture: SQL on stdin that writes fixture rows directly, not through
# the portal: the shadow triggers are lifted for its transaction, so that
# the history check counts only what the portal did.  On SQLite they are
# dropped and made again; on PostgreSQL the transaction sets
# supportal.fixture, which the shadow's trigger functions heed (not
# session_replication_role, which would lift the portal's own triggers
# and the foreign keys too).
db_fixture() {
	local shadow=0
	shadow_present && shadow=1
	if is_pg; then
		{
			echo "BEGIN;"
			echo "SET LOCAL supportal.fixture = 'on';"
			cat
			echo ";"
			# rows changed by hand: their status is no longer the history's
			[ $shadow = 1 ] && echo "INSERT INTO test_shadow VALUES (0, 'fixture', 1)
  ON CONFLICT (request_id, event) DO UPDATE SET n = test_shadow.n + 1;"
			echo "COMMIT;"
		} | db
		return
	fi
	{
		echo "BEGIN;"
		db "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'test_shadow_*'"
		cat
		echo ";"
		# rows changed by hand: their status is no longer the history's
		echo "INSERT INTO test_shadow SELECT 0, 'fixture' WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'test_shadow');"
		[ $shadow = 1 ] && sed -n '/^CREATE TRIGGER/,$p' "$SHADOW"
		echo "COMMIT;"
	} | db
}

# db_hash: a digest of the whole database content, which changes exactly
# when a row does (SQLite: .dump; PostgreSQL: every table's rows, the
# shadow's and the sessions' too as there, in an order of their own)
db_hash() {
	if is_pg; then
		db "SELECT test_compat.db_hash()"
	else
		sqlite3 "$DB" .dump | sha256sum | cut -d' ' -f1
	fi
}
