#!/bin/bash
# The operator's controls (R17.2), each through supportalctl against the
# running portal: lists of accounts, contracts and activations (text,
# and --json escaped properly); revoking an activation; re-keying a
# contract (issue #21 item 4: the old pair not found, the new one
# already registered, ledger and activations unchanged); extending a
# contract or adding incidents, each a ledger row with the reason;
# disabling an account (its sessions end at once, sign-in refused as a
# wrong password) and enabling it; mailing a reset link; the CSV exports
# (RFC 4180, no formula for a spreadsheet to run).  Every change of
# access is in the audit with the operator's reason.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme vs --plan "Other" --incidents 1
K2=$K
issue --programme sa --plan 'Gold =SUM(1,2) "plus"' --incidents 3
K1=$K A1=$AID C1=$CID

signup ewa@example.com 'a long pass phrase' Ewa Lis work
profile_fill ewa@example.com
get /contracts
post /contracts/activate "access_id=$A1" "contract_id=$C1"
request_with_file "Ewa Lis" ewa@example.com
JAR=$T/jan signup jan@example.com 'a long pass phrase' Jan Nowak work >/dev/null
JAR=$T/jan profile_fill jan@example.com >/dev/null
JAR=$T/jan get /contracts
JAR=$T/jan post /contracts/activate "access_id=$A1" "contract_id=$C1"
EWA=$(acct ewa@example.com) JAN=$(acct jan@example.com)
check "Ewa and Jan hold contract $K1, Ewa has request $R" \
	test "$(db "SELECT count(*) FROM activations WHERE contract_id = $K1")" = 2 -a -n "$R"
# what a name can hold: quotes, a backslash, a newline, a terminal escape
nl=$'\n' esc=$'\e'
db "UPDATE accounts SET last_name = 'Lis \"q\" \\ x$nl$esc[31mred' WHERE id = $EWA"
db "UPDATE requests SET title = '=HYPERLINK(\"http://evil.example\",\"x\"), and more' WHERE id = $R"

# R17.2: every new command has --help and is listed
for c in list-accounts list-contracts list-activations revoke-activation rekey-contract \
	extend-contract add-incidents disable-account enable-account send-reset export; do
	out=$("$CTL" "$c" --help 2>&1)
	check "R17.2 supportalctl $c --help" bash -c "[ $? = 0 ] && echo \"\$1\" | grep -q \"^usage: supportalctl $c\"" _ "$out"
	check "R17.2 ... and supportalctl --help lists $c" bash -c "'$CTL' --help | grep -q '^  $c '"
done

# lists
"$CTL" list-accounts >"$T/acc.txt"
check "R17.2 list-accounts: a header, then a line an account" \
	bash -c "head -1 '$T/acc.txt' | grep -q '^id  *email  *first_name  *last_name  *kind  *role  *verified  *disabled  *created  *contracts$' && grep -q '^$JAN  *jan@example.com  *Jan  *Nowak  *work  *customer  *1  *0  .*  1$' '$T/acc.txt'"
check "R17.2 ... a name's control characters are shown as ?, never sent to the terminal" \
	bash -c "grep -q 'Lis \"q\" \\\\ x??\\[31mred' '$T/acc.txt' && ! grep -q $'\\x1b' '$T/acc.txt'"
"$CTL" list-accounts --json >"$T/acc.json"
check "R17.2 list-accounts --json parses, and gives the name back byte for byte" python3 -c "
import json, sys
d = json.load(open('$T/acc.json'))
e = [a for a in d if a['email'] == 'ewa@example.com'][0]
sys.exit(0 if len(d) == 2 and e['last_name'] == 'Lis \"q\" \\\\ x\n\x1b[31mred' and e['id'] == $EWA
	and e['disabled'] == 0 and e['contracts'] == 1 else 1)"
"$CTL" list-contracts --json >"$T/con.json"
check "R17.2 list-contracts --json: the IDs as shown, the plan escaped, how many hold it" python3 -c "
import json, sys
d = {c['id']: c for c in json.load(open('$T/con.json'))}
c = d[$K1]
sys.exit(0 if c['access_id'] == '$A1' and c['contract_id'] == '$C1' and c['plan'] == 'Gold =SUM(1,2) \"plus\"'
	and c['accounts'] == 2 and c['incidents_left'] == 2 and d[$K2]['accounts'] == 0 else 1)"
"$CTL" list-contracts >"$T/con.txt"
check "R17.2 list-contracts in plain text" grep -q "^$K1  *$A1  *$C1  *sa  *Gold =SUM(1,2) \"plus\"  *3  *2  " "$T/con.txt"
"$CTL" list-activations --contract "$K1" >"$T/act.txt"
check "R17.2 list-activations --contract: who holds it, since when" \
	bash -c "[ \$(wc -l <'$T/act.txt') = 3 ] && grep -q '^$K1  *Gold.*  $EWA  *ewa@example.com  *Ewa Lis' '$T/act.txt' && grep -q '^$K1  .*  $JAN  *jan@example.com  *Jan Nowak  *20[0-9-]*T[0-9:]*Z$' '$T/act.txt'"
expect_eq "R17.2 list-activations --account: that account's" \
	"$("$CTL" list-activations --account JAN@example.com --json | python3 -c 'import json,sys; print([(a["contract"], a["email"]) for a in json.load(sys.stdin)])')" \
	"[($K1, 'jan@example.com')]"
"$CTL" list-activations --account nobody@example.com >/dev/null 2>"$T/err"
expect_eq "R17.2 an unknown account is said so (exit 1)" "$?:$(cat "$T/err")" "1:supportalctl: no account has this email"

# item 4: re-keying
state() {	# the ledger and the activations, whole
	db "SELECT * FROM incident_ledger ORDER BY id; SELECT * FROM activations ORDER BY id" | sha256sum
}
s0=$(state)
"$CTL" rekey-contract --contract "$K1" >/dev/null 2>&1
expect_eq "R17.2 rekey-contract without a reason is refused (2), nothing changed" "$?:$(db "SELECT access_id FROM contracts WHERE id = $K1")" "2:${A1//-/}"
out=$("$CTL" rekey-contract --contract "$K1" --reason "IDs posted on a forum, ticket 4711")
check "R17.2 rekey-contract prints the new pair ($?)" test $? -eq 0
NA=$(echo "$out" | sed -n 's/^Access ID: *//p')
NC=$(echo "$out" | sed -n 's/^Contract ID: *//p')
check "R17.2 ... a new pair, both IDs new" test -n "$NA" -a -n "$NC" -a "$NA" != "$A1" -a "$NC" != "$C1"
expect_eq "R17.2 #21.4 re-keyed: the ledger and the activations are unchanged" "$(state)" "$s0"
get /contracts
post /contracts/activate "access_id=$A1" "contract_id=$C1"
expect_eq "R17.2 #21.4 the old pair is refused (422)" "$STATUS" 422
check "R17.2 #21.4 ... with the generic not found (R3.5)" \
	grep -q 'We could not find a contract with this Access ID and Contract ID' "$T/body"
cp "$T/body" "$T/old"
post /contracts/activate "access_id=$NA" "contract_id=$NC"
expect_eq "R17.2 #21.4 the new pair, for an account that had the contract: 422" "$STATUS" 422
check "R17.2 #21.4 ... already registered" grep -q 'This contract is already registered' "$T/body"
get /contracts
check "R17.2 the contracts page shows the new IDs" grep -q "<code>$NA</code> / <code>$NC</code>" "$T/body"
JAR=$T/piotr signup piotr@example.com 'a long pass phrase' Piotr Zet work >/dev/null
JAR=$T/piotr profile_fill piotr@example.com >/dev/null
JAR=$T/piotr get /contracts
JAR=$T/piotr post /contracts/activate "access_id=$A1" "contract_id=$C1"
check "R17.2 #21.4 a newcomer with the old pair: not found, as any wrong pair" \
	bash -c "[ $STATUS = 422 ] && grep -q 'We could not find a contract' '$T/body'"
expect_eq "R17.2 #21.4 ... nothing activated, the state as before" "$(state)" "$s0"
expect_eq "R17.2 the re-key is in the audit with the old pair and the reason" \
	"$(db "SELECT action, contract_id, by_operator, reason, detail FROM audit")" \
	"rekey|$K1|1|IDs posted on a forum, ticket 4711|old Access ID $A1, Contract ID $C1"

# revoking an activation
JAR=$T/jan get /contracts
check "Jan sees the contract before" grep -q 'Gold =SUM' "$T/body"
s0=$(db "SELECT * FROM incident_ledger ORDER BY id" | sha256sum)
"$CTL" revoke-activation --contract "$K1" --account jan@example.com --reason "left Contoso" >"$T/out"
expect_eq "R17.2 revoke-activation" "$?:$(cat "$T/out")" "0:activation revoked"
expect_eq "R17.2 ... Jan holds it no more; Ewa does" \
	"$(db "SELECT group_concat(account_id) FROM activations WHERE contract_id = $K1")" "$EWA"
expect_eq "R17.2 ... the ledger keeps its rows" "$(db "SELECT * FROM incident_ledger ORDER BY id" | sha256sum)" "$s0"
JAR=$T/jan get /contracts
check "R17.2 ... Jan's contracts page lists it no more" bash -c "! grep -q 'Gold =SUM' '$T/body'"
expect_eq "R17.2 ... in the audit, by the operator, with the reason" \
	"$(db "SELECT action, account_id, contract_id, by_operator, reason FROM audit WHERE action = 'revoke'")" \
	"revoke|$JAN|$K1|1|left Contoso"
"$CTL" revoke-activation --contract "$K1" --account jan@example.com --reason "again" 2>"$T/err"
expect_eq "R17.2 ... twice: exit 1, said so" "$?:$(cat "$T/err")" \
	"1:supportalctl: this account has not activated this contract"

# extending and adding incidents: ledger rows with the reason
end0=$(db "SELECT end_date FROM contracts WHERE id = $K1")
new_end=$(date -u -d "$end0 +6 months" +%F)
"$CTL" extend-contract --contract "$K1" --end "$end0" --reason "no" 2>"$T/err"
expect_eq "R17.2 extend-contract to the same end: refused (1)" "$?" 1
"$CTL" extend-contract --contract "$K1" --end 2027-02-30 --reason "no" 2>"$T/err"
expect_eq "R17.2 ... to a day that does not exist: refused (1)" "$?:$(cat "$T/err")" \
	"1:supportalctl: the end date must be a date YYYY-MM-DD"
"$CTL" extend-contract --contract 99999 --end "$new_end" --reason "no" 2>"$T/err"
expect_eq "R17.2 ... a contract that does not exist: refused (1)" "$?:$(cat "$T/err")" \
	"1:supportalctl: there is no contract 99999"
"$CTL" extend-contract --contract "$K1" --end "$new_end" --reason "renewal, order 889" >"$T/out"
expect_eq "R17.2 extend-contract" "$?:$(cat "$T/out")" "0:end date extended"
expect_eq "R17.2 ... the end date moved" "$(db "SELECT end_date FROM contracts WHERE id = $K1")" "$new_end"
expect_eq "R17.2 ... a ledger row: no incidents, the new date and the reason" \
	"$(db "SELECT delta, kind, note, reason FROM incident_ledger WHERE contract_id = $K1 ORDER BY id DESC LIMIT 1")" \
	"0|extend|$new_end|renewal, order 889"
"$CTL" add-incidents --contract "$K1" --incidents 0 --reason "no" 2>/dev/null
r0=$?
"$CTL" add-incidents --contract "$K1" --incidents 1001 --reason "no" 2>/dev/null
expect_eq "R17.2 add-incidents: 0 and 1001 refused (1)" "$r0 $?" "1 1"
"$CTL" add-incidents --contract "$K1" --incidents 5 --reason "=HYPERLINK(\"http://evil.example\") goodwill" >"$T/out"
expect_eq "R17.2 add-incidents" "$?:$(cat "$T/out")" "0:incidents added"
expect_eq "R17.2 ... the total and the balance grow by 5" \
	"$(db "SELECT incidents_total, incidents_left FROM contracts WHERE id = $K1")" "8|7"
expect_eq "R17.2 ... a ledger row of +5 with the reason" \
	"$(db "SELECT delta, kind FROM incident_ledger WHERE contract_id = $K1 ORDER BY id DESC LIMIT 1")" "5|topup"
out=$("$CTL" check)
check "R13.3 ... every balance still equals its ledger ($out)" test $? -eq 0
get /contracts
check "R17.2 the holder sees the extension in the ledger, no count changed" \
	grep -q "<td class=\"num\"></td><td>End date extended to $new_end: renewal, order 889</td>" "$T/body"
check "R17.2 ... and the incidents added, the reason escaped" \
	grep -q '<td class="num">+5</td><td>Incidents added: =HYPERLINK(&quot;http://evil.example&quot;) goodwill</td>' "$T/body"
check "R17.2 ... and the new end date" grep -q " – $new_end</dd>" "$T/body"

# disabling and enabling an account
JAR=$T/jan get /requests
expect_eq "Jan is signed in" "$STATUS" 200
"$CTL" disable-account --reason "asked by Contoso" jan@example.com >"$T/out"
expect_eq "R17.2 disable-account" "$?:$(cat "$T/out")" "0:account disabled"
expect_eq "R17.2 ... its sessions end at once" "$(db "SELECT count(*) FROM sessions WHERE account_id = $JAN")" 0
JAR=$T/jan get /requests
expect_eq "R17.2 ... Jan's browser is signed out" "$STATUS $(JAR=$T/jan header Location)" "303 /signin?next=/requests"
JAR=$T/jan2 signin jan@example.com 'a wrong pass phrase'
norm() { sed -E 's/value="[0-9a-f]{64}"/value=T/g; s/[0-9a-f]{16}//g' "$T/body"; }
norm >"$T/wrong"
JAR=$T/jan2 signin jan@example.com 'a long pass phrase'
expect_eq "R17.2 ... the right password is refused (422)" "$STATUS" 422
check "R17.2 ... with the generic message" grep -q 'The email or password is not correct.' "$T/body"
norm >"$T/right"
check "R17.2 ... the same page as a wrong password" cmp -s "$T/wrong" "$T/right"
expect_eq "R17.2 ... and no session" "$(db "SELECT count(*) FROM sessions WHERE account_id = $JAN")" 0
"$CTL" disable-account --reason "again" jan@example.com 2>/dev/null
expect_eq "R17.2 disabling twice: exit 1" "$?" 1
"$CTL" send-reset --reason "asked" jan@example.com 2>"$T/err"
expect_eq "R17.2 no reset mail for a disabled account" "$?:$(db "SELECT count(*) FROM outbox WHERE recipient = 'jan@example.com' AND body LIKE '%/reset?t=%'")" "1:0"
"$CTL" enable-account --reason "rehired" jan@example.com >"$T/out"
expect_eq "R17.2 enable-account" "$?:$(cat "$T/out")" "0:account enabled"
JAR=$T/jan2 signin jan@example.com 'a long pass phrase'
expect_eq "R17.2 ... Jan signs in again" "$STATUS $(JAR=$T/jan2 header Location)" "303 /"
expect_eq "R17.2 both are in the audit with the reasons" \
	"$(db "SELECT group_concat(action || ':' || reason, ' / ') FROM (SELECT * FROM audit WHERE account_id = $JAN AND action IN ('disable', 'enable') ORDER BY id) AS s")" \
	"disable:asked by Contoso / enable:rehired"

# a password-reset mail
"$CTL" send-reset --reason "caller verified by phone" ewa@example.com >"$T/out"
expect_eq "R17.2 send-reset queues the mail" "$?:$(cat "$T/out")" "0:password-reset link queued (send-mail delivers it)"
t=$(mail_link ewa@example.com /reset)
check "R17.2 ... a reset link to the account's address" test -n "$t"
JAR=$T/anon get "/reset?t=$t"
JAR=$T/anon post /reset "t=$t" "password=a reset pass phrase"
JAR=$T/anon signin ewa@example.com 'a reset pass phrase'
expect_eq "R17.2 ... the link works: the new password signs in" "$STATUS $(JAR=$T/anon header Location)" "303 /"
expect_eq "R17.2 ... in the audit with the reason" \
	"$(db "SELECT action, account_id, reason FROM audit WHERE action = 'reset'")" "reset|$EWA|caller verified by phone"

# the exports
"$CTL" export requests >"$T/req.csv"
check "R17.2 export requests: RFC 4180, CRLF, the formula defused, the quotes doubled" python3 -c "
import csv, sys
raw = open('$T/req.csv', newline='').read()
rows = list(csv.reader(open('$T/req.csv', newline='')))
ok = raw.endswith('\r\n') and rows[0][:4] == ['id', 'created', 'updated', 'status'] and len(rows) == 2
t = rows[1][rows[0].index('title')]
ok = ok and t == '\'=HYPERLINK(\"http://evil.example\",\"x\"), and more' and rows[1][0] == '$R'
ok = ok and '\"\'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\"), and more\"' in raw
sys.exit(0 if ok else 1)"
"$CTL" export ledger --contract "$K1" >"$T/led.csv"
check "R17.2 export ledger: every row of the contract, a reason's formula defused, numbers as they are" python3 -c "
import csv, sys
rows = list(csv.DictReader(open('$T/led.csv', newline='')))
kinds = [r['kind'] for r in rows]
top = [r for r in rows if r['kind'] == 'topup'][0]
ok = kinds == ['issued', 'debit', 'extend', 'topup'] and top['delta'] == '5'
ok = ok and top['reason'] == '\'=HYPERLINK(\"http://evil.example\") goodwill'
ok = ok and [r for r in rows if r['kind'] == 'debit'][0]['delta'] == '-1'
ok = ok and rows[0]['plan'] == 'Gold =SUM(1,2) \"plus\"'
sys.exit(0 if ok else 1)"
"$CTL" export audit >"$T/audit.csv"
expect_eq "R17.2 export audit: every change of access, its reason" \
	"$(python3 -c "
import csv
for r in csv.DictReader(open('$T/audit.csv', newline='')): print(r['action'], r['by'], r['reason'], sep='|')")" \
	"rekey|operator|IDs posted on a forum, ticket 4711
revoke|operator|left Contoso
disable|operator|asked by Contoso
enable|operator|rehired
reset|operator|caller verified by phone"
"$CTL" export nothing >/dev/null 2>&1
expect_eq "R17.2 export of an unknown kind: usage (2)" "$?" 2

harness_stop
