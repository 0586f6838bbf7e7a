#!/bin/bash
# Contracts: issuing (R3.1, R3.2, R10.1), activation (R3.3, R3.5, C.15,
# C.16), sharing and the ledger (R3.4, R3.6, R11.2), the start page (R4.1).
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue

check "R10.1 issue-contract prints the two IDs" \
	issue --programme partner_pack --plan "Partner Support Gold 20-pack" --incidents 3
check "C.13 the IDs are ten symbols, shown as XXXXX-XXXXX" \
	bash -c "[[ '$AID' =~ ^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$ && '$CID' =~ ^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$ ]]"
A1=$AID C1=$CID
expect_eq "R3.2 a partner pack is valid a year and 30 days" \
	"$(db "SELECT end_date FROM contracts")" \
	"$(date_after "$(db "SELECT start_date FROM contracts")" '+1 year -1 day +30 days')"
issue --programme sa --plan "SA support incidents" --incidents 2 --version sql-server/2022
A2=$AID C2=$CID
expect_eq "R3.2 Software Assurance is valid a year" \
	"$(db "SELECT end_date FROM contracts WHERE programme = 'sa'")" \
	"$(date_after "$(db "SELECT start_date FROM contracts WHERE programme = 'sa'")" '+1 year -1 day')"
"$CTL" issue-contract --programme partner_cloud --plan X --incidents 1 --scope onprem >/dev/null 2>&1
expect_eq "R3.2 a partner cloud contract cannot cover on-premises products" "$?" 1
"$CTL" issue-contract --programme ppi --plan X --incidents 1 --version sql-server/1999 >/dev/null 2>&1
expect_eq "R10.1 an unknown version is refused" "$?" 1
expect_eq "R10.1 refused contracts leave nothing" "$(db 'SELECT count(*) FROM contracts')" 2

signup ann@example.com 'a long pass phrase' Ann Archer work
profile_fill ann@example.com
get /
expect_eq "R4.1 the start page" "$STATUS" 200
check "R4.1 on-premises products are supported here" grep -q 'On-premises and hybrid products: right here' "$T/body"
check "R4.1 the catalogue's products are listed" grep -q '<li>SQL Server</li>' "$T/body"
check "R4.1 hybrid products are marked" grep -q 'Azure Stack HCI <span class="tag">hybrid</span>' "$T/body"
check "R4.1 cloud products link out to their portal" grep -q 'href="https://admin.microsoft.com"' "$T/body"
check "R4.1 no contract is needed for Microsoft 365" grep -q 'No support contract is needed' "$T/body"
check "R4.1 Azure needs a contract or a support plan" grep -q 'Azure support plan' "$T/body"

get /contracts
expect_eq "R3.6 the contracts page" "$STATUS" 200
check "R3.6 no contracts yet" grep -q 'You have no contracts yet' "$T/body"
check "R3.4 the page says to share the IDs, never a password" grep -q 'Never share your password' "$T/body"

# R3.3: activation, with the IDs typed loosely (case, spaces, no dash)
loose=$(echo "$A1" | tr 'A-Z-' 'a-z ')
post /contracts/activate "access_id=$loose" "contract_id= ${C1//-/} "
expect_eq "R3.3 activation succeeds" "$(header Location)" "/contracts?activated=1"
get "/contracts?activated=1"
check "R3.6 the contract is listed with its plan" grep -q 'Partner Support Gold 20-pack' "$T/body"
check "R3.6 with its programme" grep -q 'Partner support pack' "$T/body"
check "R3.6 with its end date" grep -q "$(db 'SELECT end_date FROM contracts WHERE id = 1')" "$T/body"
check "R3.6 with the incidents left" grep -q '<strong>3</strong> of 3' "$T/body"
check "R11.2 the ledger shows the issue" grep -q 'Contract issued' "$T/body"

# R3.5: already registered
post /contracts/activate "access_id=$A1" "contract_id=$C1"
expect_eq "R3.5 a second activation is refused" "$STATUS" 422
check "R3.5 ... as already registered" grep -q 'This contract is already registered' "$T/body"
expect_eq "R3.5 still one activation" "$(db 'SELECT count(*) FROM activations')" 1

# C.15: no oracle: wrong Access ID, wrong Contract ID, both wrong
post /contracts/activate "access_id=$A2" "contract_id=$C1"
s1=$STATUS; cp "$T/body" "$T/w1"
post /contracts/activate "access_id=$A1" "contract_id=$C2"
s2=$STATUS; cp "$T/body" "$T/w2"
post /contracts/activate "access_id=23456-78923" "contract_id=ABCDE-FGHJK"
s3=$STATUS; cp "$T/body" "$T/w3"
expect_eq "C.15 the three wrong pairs get one status" "$s1 $s2 $s3" "422 422 422"
check "C.15 wrong Access ID and wrong Contract ID: byte-identical bodies" cmp -s "$T/w1" "$T/w2"
check "C.15 ... and both wrong too" cmp -s "$T/w1" "$T/w3"
check "C.15 the message names neither half" grep -q 'could not find a contract with this Access ID and Contract ID' "$T/w1"
check "C.15 the typed IDs are not shown again" bash -c "! grep -q '${A2}' '$T/w1'"

# C.16: 20 parallel activations of one pair by one account: one row
JAR=$T/bob signup bob@example.com 'a long pass phrase' Bob Baker personal
JAR=$T/bob profile_fill bob@example.com
JAR=$T/bob get /contracts
tok=$(JAR=$T/bob csrf_token)
for i in $(seq 20); do
	[ "$i" -gt 1 ] && echo next
	echo "silent"
	echo "cookie = \"$T/bob\""
	echo "url = \"$BASE/contracts/activate\""
	echo "data = \"csrf=$tok&access_id=$A2&contract_id=$C2\""
	echo "output = \"/dev/null\""
	echo "write-out = \"%{http_code}\\n\""
done >"$T/par.cfg"
curl -s --parallel --parallel-max 20 -K "$T/par.cfg" >"$T/par.out" 2>/dev/null
expect_eq "C.16 one association after 20 parallel activations" \
	"$(db "SELECT count(*) FROM activations a JOIN contracts c ON c.id = a.contract_id WHERE c.programme = 'sa'")" 1
expect_eq "C.16 one succeeded, the others were told it is registered" \
	"$(sort "$T/par.out" | uniq -c | awk '{print $1 "x" $2}' | tr '\n' ' ')" "1x303 19x422 "

# R3.4: Bob shares Ann's partner pack; Ann draws one, Bob sees it
JAR=$T/bob post /contracts/activate "access_id=$A1" "contract_id=$C1"
expect_eq "R3.4 a second login activates the same contract" "$(JAR=$T/bob header Location)" "/contracts?activated=1"
ann=$(db "SELECT id FROM accounts WHERE email = 'ann@example.com'")
"$ROOT/build/tools/ledger" debit 1 "$ann" 4711 "Replication stopped after upgrade" >/dev/null
JAR=$T/bob get /contracts
check "R3.4 one balance: Bob sees 2 of 3 left" grep -q '<strong>2</strong> of 3' "$T/body"
check "R11.2 Bob's ledger shows the request and its title" grep -q '#4711 Replication stopped after upgrade' "$T/body"
check "R11.2 ... and which login drew it" grep -q '<td>Ann Archer</td>' "$T/body"
check "R11.2 ... with the date in Bob's time zone, named" grep -qE '<td>20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} (CET|CEST)</td>' "$T/body"
"$ROOT/build/tools/ledger" return 1 0 4711 "Product defect" >/dev/null
get /contracts
check "R11.2 a return shows with its reason" grep -q 'Incident returned: Product defect' "$T/body"
check "R3.6 the balance is back to 3" grep -q '<strong>3</strong> of 3' "$T/body"

# a Polish page of the same
post /lang "lang=pl" "next=/contracts"
get /contracts
check "R12.1 the contracts page in Polish" grep -q 'Umowy serwisowe' "$T/body"
check "R12.1 the ledger in Polish" grep -q 'Zwrot zgłoszenia: Product defect' "$T/body"

# R11.2: a card shows the newest 10 rows of its history and offers the
# rest; ?ledger=ID shows one contract's whole history, only one's own
rows_of() { sed -n "/aria-labelledby=\"contract-$1\"/,/<\/section>/p" "$T/body" | grep -c '<tr><td>20[0-9-]* '; }
for i in 1 2 3 4 5 6; do
	"$ROOT/build/tools/ledger" debit 1 "$ann" $((5000 + i)) "Cycle $i" >/dev/null
	"$ROOT/build/tools/ledger" return 1 0 $((5000 + i)) "Cycle $i back" >/dev/null
done
rows1=$(db "SELECT count(*) FROM incident_ledger WHERE contract_id = 1")
JAR=$T/bob get /contracts
expect_eq "R11.2 the card shows the newest 10 of its $rows1 rows" "$(rows_of 1)" 10
check "R11.2 ... the newest first" grep -q 'Incident returned: Cycle 6 back' "$T/body"
check "R11.2 ... and offers the whole history" grep -q 'href="/contracts?ledger=1#contract-1"' "$T/body"
JAR=$T/bob get "/contracts?ledger=1"
expect_eq "R11.2 ?ledger= shows all $rows1 rows" "$(rows_of 1)" "$rows1"
check "R11.2 ... opened" grep -q '<details class="ledger" open>' "$T/body"
other=$(db "SELECT max(id) FROM contracts WHERE id NOT IN (SELECT contract_id FROM activations a JOIN accounts w ON w.id = a.account_id WHERE w.email = 'bob@example.com')")
JAR=$T/bob get "/contracts?ledger=$other"
expect_eq "D.17 another's contract in ?ledger= adds nothing" "$(rows_of 1):$(grep -c "contract-$other\"" "$T/body")" 10:0
JAR=$T/bob get "/contracts?ledger=1x"
expect_eq "G.28 a malformed ?ledger= is ignored" "$STATUS:$(rows_of 1)" "200:10"

# C.14 (wrong guesses) is in t_activation_throttle.sh
expect_eq "R11.2 every balance equals its ledger" \
	"$(db 'SELECT count(*) FROM contracts c WHERE incidents_left <> (SELECT sum(delta) FROM incident_ledger WHERE contract_id = c.id)')" 0
