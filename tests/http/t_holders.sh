#!/bin/bash
# Who holds a contract, and giving one up (R17.1): the contracts page
# names every account that activated each contract, with the day, to
# those who hold it; an account removes a contract from itself once it
# has confirmed, the ledger keeping its rows and the other accounts the
# contract.  Removing a contract one does not hold (another account's
# activation, a made-up or malformed id) is 404 and changes nothing
# (D.17).
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "Shared SA" --incidents 5
KS=$K AS=$AID CS=$CID
issue --programme vs --plan "Tina's own" --incidents 2
KT=$K AT=$AID CT=$CID

person() {	# JAR EMAIL FIRST LAST: an account with its profile
	JAR=$1 signup "$2" 'a long pass phrase' "$3" "$4" work >/dev/null
	JAR=$1 profile_fill "$2" >/dev/null
}
activate() {	# JAR AID CID
	JAR=$1 get /contracts
	JAR=$1 post /contracts/activate "access_id=$2" "contract_id=$3"
}
person "$T/ewa" ewa@example.com Ewa Lis
person "$T/jan" jan@example.com Jan Nowak
person "$T/tina" tina@example.com Tina Test
activate "$T/ewa" "$AS" "$CS"
activate "$T/jan" "$AS" "$CS"
activate "$T/tina" "$AT" "$CT"
JAN=$(acct jan@example.com)
# an incident drawn by Jan: the ledger keeps it after he leaves
"$ROOT/build/tools/ledger" debit "$KS" "$JAN" 0 "Incident of Jan" >/dev/null
day=$(TZ=Europe/Warsaw date +%F)

JAR=$T/ewa get /contracts
check "R17.1 the contracts page names who activated the contract, first first, with the day" \
	grep -q "<li>Ewa Lis (you), $day</li><li>Jan Nowak, $day</li>" "$T/body"
check "R17.1 ... each contract offers its removal" \
	grep -q "action=\"/contracts/$KS/remove\"" "$T/body"
JAR=$T/tina get /contracts
check "R17.1 an account that does not hold the contract is not told who does" \
	bash -c "! grep -q 'Ewa Lis\|Jan Nowak' '$T/body'"
check "R17.1 ... it sees its own contract's holder: itself" \
	grep -q "<li>Tina Test (you), $day</li>" "$T/body"
JAR=$T/ewa get /contracts
JAR=$T/ewa post /lang lang=pl
JAR=$T/ewa get /contracts
check "R12.1 R17.1 the holders in Polish" grep -q '<dt>Aktywowali</dt>' "$T/body"
JAR=$T/ewa post /lang lang=en

# the confirmation: the contract named, nothing changed yet
h0=$(db_hash)
JAR=$T/jan get /contracts
JAR=$T/jan post "/contracts/$KS/remove"
expect_eq "R17.1 removal asks first (200)" "$STATUS" 200
check "R17.1 ... naming the contract" \
	grep -q 'Remove this contract from your account: <strong>Shared SA</strong>?' "$T/body"
check "R17.1 ... with a form that confirms" \
	bash -c "grep -q 'action=\"/contracts/$KS/remove\"' '$T/body' && grep -q 'name=\"confirm\" value=\"yes\"' '$T/body'"
expect_eq "R17.1 ... and nothing has changed yet" "$(db_hash)" "$h0"

# D.17: another account's activation, a contract not held, made-up ids
bad=0 n=0
for who in tina jan; do
	JAR=$T/$who get /contracts
	tok=$(JAR=$T/$who csrf_token)
	if [ "$who" = tina ]; then ids="$KS"; else ids="$KT"; fi
	for id in $ids 999999 -1 0 abc 9223372036854775808; do
		for confirm in "" yes; do
			before=$(db_hash)
			s=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/$who" \
				--data "csrf=$tok&confirm=$confirm" "$BASE/contracts/$id/remove")
			n=$((n + 1))
			if [ "$s" != 404 ] || [ "$before" != "$(db_hash)" ]; then
				bad=$((bad + 1))
				echo "# $who POST /contracts/$id/remove confirm=$confirm: $s"
			fi
		done
	done
done
check "R17.1 D.17 $n removals of a contract not held (another account's, made-up, malformed): all 404, nothing changed" \
	test "$bad" -eq 0 -a "$n" -gt 20
expect_eq "R17.1 ... the holders are as they were" \
	"$(db "SELECT group_concat(account_id, ' ') FROM (SELECT account_id FROM activations WHERE contract_id = $KS ORDER BY id) AS s")" \
	"$(acct ewa@example.com) $JAN"

# Jan says yes
ledger0=$(db "SELECT group_concat(id || ':' || delta || ':' || kind || ':' || coalesce(CAST(account_id AS TEXT), ''), ' ') FROM (SELECT * FROM incident_ledger WHERE contract_id = $KS ORDER BY id) AS s")
JAR=$T/jan get /contracts
JAR=$T/jan post "/contracts/$KS/remove" confirm=yes
expect_eq "R17.1 confirmed: the contract is removed, back to the contracts page" \
	"$STATUS $(JAR=$T/jan header Location)" "303 /contracts?removed=1"
expect_eq "R17.1 ... Jan's activation is gone" \
	"$(db "SELECT count(*) FROM activations WHERE contract_id = $KS AND account_id = $JAN")" 0
expect_eq "R17.1 ... Ewa keeps the contract" \
	"$(db "SELECT count(*) FROM activations WHERE contract_id = $KS AND account_id = $(acct ewa@example.com)")" 1
expect_eq "R17.1 ... the ledger keeps every row, Jan's incident too" \
	"$(db "SELECT group_concat(id || ':' || delta || ':' || kind || ':' || coalesce(CAST(account_id AS TEXT), ''), ' ') FROM (SELECT * FROM incident_ledger WHERE contract_id = $KS ORDER BY id) AS s")" \
	"$ledger0"
expect_eq "R17.1 ... the removal is in the audit, by the account itself" \
	"$(db "SELECT action, account_id, contract_id, by_operator FROM audit")" "remove|$JAN|$KS|0"
JAR=$T/jan get "/contracts?removed=1"
check "R17.1 Jan is told" grep -q 'The contract has been removed from your account.' "$T/body"
check "R17.1 ... and his page lists it no more" bash -c "! grep -q 'Shared SA' '$T/body'"
JAR=$T/ewa get /contracts
check "R17.1 Ewa's page names her alone now" \
	bash -c "grep -q '<li>Ewa Lis (you), $day</li></ul>' '$T/body' && ! grep -q 'Jan Nowak, ' '$T/body'"
check "R17.1 ... and her ledger still shows Jan's incident, drawn by him" \
	bash -c "grep -q 'Incident of Jan' '$T/body' && grep -q '<td>Jan Nowak</td>' '$T/body'"
h1=$(db_hash)
JAR=$T/jan get /contracts
JAR=$T/jan post "/contracts/$KS/remove" confirm=yes
expect_eq "R17.1 removed twice: 404, nothing changed" "$STATUS $(db_hash)" "404 $h1"
activate "$T/jan" "$AS" "$CS"
expect_eq "R17.1 Jan may add it again with its IDs" "$(JAR=$T/jan header Location)" "/contracts?activated=1"
out=$("$CTL" check)
check "R13.3 check passes: every balance equals its ledger ($out)" test $? -eq 0

harness_stop
