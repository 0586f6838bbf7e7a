#!/bin/bash
# SECURITY.md L.50, SQLite's own I/O error loop from outside: a submit,
# an activation and a purchase, each run by the worker as a CGI process
# under build/faults.so with the Nth write or sync of a database file
# failing, for N = 1, 2, ... until one runs with no fault left to hit.
# Pass: every run is either wholly applied or wholly absent, the
# database passes integrity_check after each, and the last one succeeds.
. "$(dirname "$0")/lib.sh"
if is_pg; then
	echo "# skip t_faults.sh on postgresql: the I/O of SQLite's files in the"
	echo "# worker; the server's own crash is t_pg_restart.sh"
	echo "# 0 passed, 0 failed in $(basename "$0")"
	exit 0
fi
harness_start
chaos_customer 200
SHIM=$T/faults.so
gcc -O1 -Wall -Wextra -Werror -shared -fPIC -o "$SHIM" "$ROOT/tests/chaos/faults.c" -ldl ||
	not_ok "L.50 the fault shim builds"
TP=$VAR/testpay.db
q() { sqlite3 -cmd ".timeout 5000" -cmd "ATTACH '$TP' AS tp" "$DB" "$@"; }

# loop NAME: runs prepare_NAME, then attempt_NAME under the shim and
# state_NAME ("applied", "absent" or anything else: torn) for each N
loop() {
	local name=$1 n=1 calls torn="" broken="" st applied=0 absent=0 mute="" codes=
	while [ $n -lt 200 ]; do
		"prepare_$name"
		"attempt_$name" LD_PRELOAD="$SHIM" FAULT_AT=$n FAULT_REPORT="$T/calls"
		calls=$(cat "$T/calls" 2>/dev/null || echo 0)
		[ -n "$STATUS" ] || mute="$mute N=$n"
		case " $codes " in *" $STATUS "*) ;; *) codes="$codes $STATUS" ;; esac
		st=$("state_$name")
		case "$st" in
		applied) applied=$((applied + 1)) ;;
		absent) absent=$((absent + 1)) ;;
		*) torn="$torn N=$n:$st" ;;
		esac
		[ "$(db_integrity)" = ok ] || broken="$broken N=$n"
		[ "$calls" -lt "$n" ] && break
		n=$((n + 1))
	done
	echo "# L.50 $name: $((n - 1)) faults injected, $applied applied, $absent absent, answers:$codes; the last run: $STATUS, $st"
	check "L.50 $name: the worker answered every time, never crashed${mute:+ (not at$mute)}" test -z "$mute"
	check "L.50 $name: every run wholly applied or wholly absent${torn:+ ($torn)}" test -z "$torn"
	check "L.50 $name: integrity_check ok after every run${broken:+ (not after$broken)}" test -z "$broken"
	check "L.50 $name: faults were injected ($((n - 1)))" test "$n" -gt 3
	expect_eq "L.50 $name: with no fault left to hit it succeeds" "$STATUS $st" "303 applied"
}

# submit: the draft becomes a request with its debit and its mail, or
# nothing at all happened
d=$((FIRST - 1))
prepare_submit() {
	d=$((d + 1))
	bal=$(db "SELECT incidents_left FROM contracts WHERE id = $K")
	mails=$(db "SELECT count(*) FROM outbox")
}
attempt_submit() { cgi_post "/drafts/$d/submit" "csrf=$TOK" "$@"; }
state_submit() {
	local r b m l
	r=$(db "SELECT count(*) FROM requests WHERE draft_id = $d")
	b=$(db "SELECT incidents_left FROM contracts WHERE id = $K")
	m=$(( $(db "SELECT count(*) FROM outbox") - mails ))
	l=$(db "SELECT count(*) FROM incident_ledger l JOIN requests r ON r.id = l.request_id WHERE r.draft_id = $d")
	if [ "$r $b $l" = "1 $((bal - 1)) 1" ] && [ "$m" -ge 1 ]; then echo applied
	elif [ "$r $b $l $m" = "0 $bal 0 0" ]; then echo absent
	else echo "requests=$r,balance=$b/$bal,ledger=$l,mails=$m"; fi
}
loop submit

# activation: the contract is on the account, or it is not
prepare_activation() {
	issue --programme sa --plan "SA support incidents" --incidents 5 >/dev/null
	db "DELETE FROM throttle"	# each attempt counts; the loop is no guessing
}
attempt_activation() { cgi_post /contracts/activate "csrf=$TOK&access_id=$AID&contract_id=$CID" "$@"; }
state_activation() {
	case "$(db "SELECT count(*) FROM activations WHERE account_id = $ME AND contract_id = $K")" in
	1) echo applied ;; 0) echo absent ;; *) echo "activations=?" ;;
	esac
}
loop activation

# purchase: after reconciliation a charge and its plan, or neither
card_saved "Cha Os"
prepare_purchase() { purchase_started "version=$V"; }
attempt_purchase() {
	cgi_post "/ppi/$N/buy" "csrf=$TOK" "$@"
	"$CTL" reconcile --age 0 >/dev/null 2>>"$VAR/log/cgi.log"
}
state_purchase() {
	local s c p
	s=$(db "SELECT status FROM purchases WHERE id = $N")
	c=$(q "SELECT count(*) FROM tp.charges c JOIN purchases p ON p.pay_key = c.pay_key WHERE p.id = $N AND c.status = 'succeeded'")
	p=$(db "SELECT count(*) FROM purchases p JOIN contracts k ON k.id = p.contract_id WHERE p.id = $N")
	if [ "$s $c $p" = "paid 1 1" ]; then echo applied
	elif [ "$c $p" = "0 0" ] && [ "$s" != paid ] && [ "$s" != charging ]; then echo absent
	else echo "status=$s,charges=$c,plans=$p"; fi
}
loop purchase
orphan=$(q "SELECT count(*) FROM tp.charges c WHERE c.status = 'succeeded' AND NOT EXISTS
	(SELECT 1 FROM purchases p WHERE p.pay_key = c.pay_key AND p.contract_id IS NOT NULL)")
unpaid=$(q "SELECT count(*) FROM contracts k WHERE k.programme = 'ppi' AND NOT EXISTS
	(SELECT 1 FROM purchases p JOIN tp.charges c ON c.pay_key = p.pay_key
	 WHERE p.contract_id = k.id AND c.status = 'succeeded')")
expect_eq "H.37 after all: 0 charges without a plan, 0 plans without a charge" "$orphan $unpaid" "0 0"
invariants "L.50"
