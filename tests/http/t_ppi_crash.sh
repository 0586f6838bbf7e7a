#!/bin/bash
# SECURITY.md H.37, R11.10: a worker killed (SIGKILL) between the charge
# and the commit, 100 times, loses no paid plan and charges nothing
# twice: reconciliation, on the account's next use or by supportalctl
# reconcile, asks the provider by each purchase's idempotency key.
# The kill comes from a test-only fault point (Testing.Faults = 1 in a
# test configuration and SUPPORTAL_FAULT); each Buy runs the worker as
# a plain CGI process, so that every kill is a real one.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
TP=$VAR/testpay.db
printf 'Testing.Faults = 1\n' >"$T/faults.hdf"

signup ann@example.com 'a long pass phrase' Ann Archer personal
profile_fill ann@example.com
get /ppi
TOK=$(csrf_token)
post /ppi/card "csrf=$TOK" holder="Ann Archer" number=4242424242424242 \
	expiry="04/$(( $(date +%y) + 4 ))" cvc=737
expect_eq "the card is saved" "$(header Location)" "/ppi?saved=1"

# buy_killed ID POINT [JAR TOKEN]: Buy of purchase ID in a worker that
# kills itself at fault point POINT; prints the exit status (137: SIGKILL)
buy_killed() {
	local body="csrf=${4:-$TOK}" sid
	sid=$(awk '$6 == "sid" { print $7 }' "${3:-$T/jar}")
	( env SUPPORTAL_CONFIG="$T/faults.hdf" SUPPORTAL_FAULT="$2" \
		ASAN_OPTIONS="log_path=$VAR/log/asan:detect_leaks=1" \
		UBSAN_OPTIONS="log_path=$VAR/log/ubsan:print_stacktrace=1" \
		REQUEST_METHOD=POST DOCUMENT_URI="/ppi/$1/buy" \
		CONTENT_TYPE=application/x-www-form-urlencoded \
		CONTENT_LENGTH=${#body} HTTP_COOKIE="sid=$sid" REMOTE_ADDR=127.0.0.1 \
		"$BIN" <<<"$body" >/dev/null 2>>"$VAR/log/supportal.log"
	  echo $? ) 2>/dev/null
}

start() {
	post /ppi/start "csrf=${STOK:-$TOK}" offer=one "version=$V"
	header Location | sed -n 's|^/ppi/\([0-9]*\)$|\1|p'
}

# the invariants, with the provider's ledger attached (a SQLite file of
# its own on either engine: on PostgreSQL the rows the invariants read of
# purchases and contracts are copied beside it, into $T/q.db, first)
q() {
	if is_pg; then
		rm -f "$T/q.db"
		{
			echo "CREATE TABLE purchases (id, pay_key, status, contract_id, incidents);"
			echo "CREATE TABLE contracts (id, programme, incidents_total);"
			db "SELECT format('INSERT INTO purchases VALUES (%s, %L, %L, %s, %s);', id, pay_key,
			    status, coalesce(contract_id::text, 'NULL'), incidents) FROM purchases"
			db "SELECT format('INSERT INTO contracts VALUES (%s, %L, %s);', id, programme,
			    incidents_total) FROM contracts"
		} | sqlite3 "$T/q.db"
		sqlite3 -cmd ".timeout 5000" -cmd "ATTACH '$TP' AS tp" "$T/q.db" "$@"
	else
		sqlite3 -cmd ".timeout 5000" -cmd "ATTACH '$TP' AS tp" "$DB" "$@"
	fi
}
charged_no_plan() {
	q "SELECT count(*) FROM tp.charges c WHERE c.status = 'succeeded' AND NOT EXISTS
	   (SELECT 1 FROM purchases p JOIN contracts k ON k.id = p.contract_id
	    WHERE p.pay_key = c.pay_key AND p.status = 'paid' AND k.incidents_total = p.incidents)"
}
plan_no_charge() {
	q "SELECT count(*) FROM contracts k WHERE k.programme = 'ppi' AND NOT EXISTS
	   (SELECT 1 FROM purchases p JOIN tp.charges c ON c.pay_key = p.pay_key
	    WHERE p.contract_id = k.id AND c.status = 'succeeded')"
}
pending() { db "SELECT count(*) FROM purchases WHERE status = 'charging'"; }

# a control: without a fault the CGI run completes the purchase
P0=$(start)
expect_eq "a Buy run as CGI without a fault completes" "$(buy_killed "$P0" none) $(db "SELECT status FROM purchases WHERE id = $P0")" "0 paid"

# round 1: 50 buyers, each killed right after the charge; nobody comes
# back, supportalctl reconcile settles them
codes=""
for i in $(seq 50); do
	J=$T/u$i
	JAR=$J signup "u$i@example.com" 'a long pass phrase' "U$i" Buyer personal >/dev/null
	JAR=$J profile_fill "u$i@example.com" >/dev/null
	JAR=$J get /ppi
	UT=$(JAR=$J csrf_token)
	JAR=$J post /ppi/card "csrf=$UT" holder="U$i Buyer" number=5555555555554444 \
		expiry="04/$(( $(date +%y) + 4 ))" cvc=615
	p=$(JAR=$J STOK=$UT start)
	codes="$codes $(buy_killed "$p" after-charge "$J" "$UT")"
done
expect_eq "H.37 50 workers killed by SIGKILL after the charge" \
	"$(echo $codes | tr ' ' '\n' | sort | uniq -c | awk '{print $1 "x" $2}')" "50x137"
expect_eq "H.37 before reconciliation: 50 charges without a plan (the test can fail)" \
	"$(charged_no_plan) $(pending)" "50 50"
out=$("$CTL" reconcile --age 0 2>>"$VAR/log/supportal.log")
expect_eq "H.37 supportalctl reconcile completes them" "$out" "50 completed, 0 failed, 0 left"
expect_eq "H.37 after it: 0 charges without a plan, 0 plans without a charge" \
	"$(charged_no_plan) $(plan_no_charge) $(pending)" "0 0 0"
expect_eq "H.37 each of the 50 buyers has the plan on their account" \
	"$(db "SELECT count(DISTINCT a.account_id) FROM activations a JOIN contracts k ON k.id = a.contract_id JOIN accounts u ON u.id = a.account_id WHERE k.programme = 'ppi' AND u.email LIKE 'u%@example.com'")" 50

# round 2: one buyer killed 50 times in a row; each next Buy of hers
# first settles the one before (reconciliation on next use), and a
# reload of the last Buy finishes it
n2=0
for i in $(seq 50); do
	p=$(start)
	[ "$(buy_killed "$p" after-charge)" = 137 ] && n2=$((n2 + 1))
done
expect_eq "H.37 50 more kills; on next use the 49 before the last are settled" \
	"$n2 $(charged_no_plan) $(pending)" "50 1 1"
get /ppi
check "R11.10 the offers page points to the unfinished purchase" \
	grep -q "interrupted after you pressed Buy. .*href=\"/ppi/$p\"" "$T/body"
get "/ppi/$p"
check "R11.10 the purchase page offers to finish it" grep -q 'Finish the purchase' "$T/body"
post "/ppi/$p/buy" "csrf=$TOK"
expect_eq "R11.10 finishing it lands on the receipt" "$(header Location)" "/ppi/$p"
get "/ppi/$p"
check "R11.10 ... the receipt names the account" grep -q 'belongs to the account of <strong>Ann Archer</strong>' "$T/body"
expect_eq "H.37 after next use: 0 charges without a plan, 0 plans without a charge" \
	"$(charged_no_plan) $(plan_no_charge) $(pending)" "0 0 0"

# killed before the charge: nothing was charged, the purchase fails
for i in $(seq 5); do
	p=$(start)
	buy_killed "$p" before-charge >/dev/null
done
expect_eq "H.37 killed before the charge: too recent to judge" \
	"$("$CTL" reconcile 2>>"$VAR/log/supportal.log")" "0 completed, 0 failed, 5 left"
expect_eq "H.37 ... judged once old enough: failed, never charged" \
	"$("$CTL" reconcile --age 0 2>>"$VAR/log/supportal.log")" "0 completed, 5 failed, 0 left"
get "/ppi/$p"
check "R11.10 the failed purchase says nothing was charged" grep -q 'interrupted before the card was charged' "$T/body"

expect_eq "H.37 totals: 101 paid purchases, 101 charges, 101 plans" \
	"$(db "SELECT count(*) FROM purchases WHERE status = 'paid'") $(q 'SELECT count(*) FROM tp.charges') $(db "SELECT count(*) FROM contracts WHERE programme = 'ppi'")" "101 101 101"
expect_eq "H.37 final: 0 charges without a plan, 0 plans without a charge, none pending" \
	"$(charged_no_plan) $(plan_no_charge) $(db "SELECT count(*) FROM purchases WHERE status IN ('charging')")" "0 0 0"
expect_eq "R11.2 every balance equals its ledger" \
	"$(db 'SELECT count(*) FROM contracts c WHERE incidents_left <> (SELECT sum(delta) FROM incident_ledger WHERE contract_id = c.id)')" 0
check "the database passes its integrity check" test "$(db_integrity)" = ok
