#!/bin/bash
# Pay per incident (R6.1-R6.5, R11.10; SECURITY.md H.37, I.39): personal
# accounts only, the offers of the buyer's country, the saved card and
# its checks, one purchase one charge (a reload and 20 simultaneous Buy
# clicks charge once), the receipt, the draft continuing with the plan,
# and no card number or code anywhere on disk after 100 saves and
# purchases.  The crash between charge and commit is t_ppi_crash.sh.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
START=$(date +%s)
TP=$VAR/testpay.db
tp() { sqlite3 -cmd ".timeout 5000" "$TP" "$@" 2>/dev/null || echo 0; }
charges() { tp "SELECT count(*) FROM charges"; }
tokens() { tp "SELECT count(*) FROM tokens"; }

# Ann: a personal account in Poland, with a draft at step 2
signup ann@example.com 'a long pass phrase' Ann Archer personal
profile_fill ann@example.com
get /requests
post /requests/new
D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
get "/drafts/$D"
post "/drafts/$D/step" step=1 action=next "product=$P" "version=$V" "category=$C" \
	"problem=$X" "title=Queries are slow" "description=Since the upgrade."
get "/drafts/$D?step=2"
check "R5.2 step 2 links to buying pay per incident for this draft" \
	grep -q "href=\"/ppi?draft=$D\"" "$T/body"
get /contracts
check "R6 the contracts page links to pay per incident" grep -q 'href="/ppi"' "$T/body"

get "/ppi?draft=$D"
expect_eq "R6 the offers page" "$STATUS" 200
check "R6.3 a card is asked for first" grep -q 'action="/ppi/card"' "$T/body"
check "R6.3 the card form comes back to this page (its draft)" grep -q "<input type=\"hidden\" name=\"draft\" value=\"$D\">" "$T/body"
TOK=$(csrf_token)

# R6.3: each wrong card gets its field's error and no charge (I.39: the
# number and the code are never shown again)
card() {	# card PAGE HOLDER NUMBER EXPIRY CVC: PAGE /ppi?draft=N, /ppi or /profile
	local to=/profile/card draft=()
	case "$1" in
	/ppi*) to=/ppi/card; [[ $1 == *draft=* ]] && draft=("draft=${1#*draft=}") ;;
	esac
	post "$to" "csrf=${CTOK:-$TOK}" "${draft[@]}" "holder=$2" "number=$3" "expiry=$4" "cvc=$5"
}
bad_card() {	# bad_card DESC NUMBER EXPIRY CVC MESSAGE
	local c0 t0
	c0=$(charges) t0=$(tokens)
	card "/ppi?draft=$D" "Ann Archer" "$2" "$3" "$4"
	expect_eq "R6.3 $1: refused (422)" "$STATUS" 422
	check "R6.3 $1: the field says why" grep -q "$5" "$T/body"
	check "I.39 $1: the number is not shown again" bash -c "! grep -q '${2// /}\|$2' '$T/body'"
	check "I.39 $1: nor the code" bash -c "! grep -q 'value=\"$4\"' '$T/body'"
	expect_eq "R6.3 $1: no charge, no token at the provider" "$(charges) $(tokens)" "$c0 $t0"
}
bad_card "bad Luhn" "4242 4242 4242 4241" "12/$(( $(date +%y) + 3 ))" 123 'Enter the card number as printed'
bad_card "expired" "4242 4242 4242 4242" "01/20" 123 'This card has expired'
bad_card "a code too short" "4242 4242 4242 4242" "12/$(( $(date +%y) + 3 ))" 12 'Enter the security code'
bad_card "3 digits for an Amex" "3782 822463 10005" "12/$(( $(date +%y) + 3 ))" 123 'Enter the security code'
bad_card "a declined card" "4000 0000 0000 0002" "12/$(( $(date +%y) + 3 ))" 123 'The card was declined'
bad_card "not a date" "4242 4242 4242 4242" "13/99" 123 'Enter the expiry date as MM/YY'
expect_eq "R6.3 nothing saved" "$(db 'SELECT count(*) FROM cards')" 0
post /lang "csrf=$TOK" "lang=pl" "next=/ppi?draft=$D"
card "/ppi?draft=$D" "Ann Archer" "4242 4242 4242 4241" "12/40" 123
expect_eq "R12.1 a card error in Polish: 422" "$STATUS" 422
check "R12.1 ... in Polish" grep -q 'Wpisz numer karty' "$T/body"
post /lang "csrf=$TOK" "lang=en" "next=/ppi?draft=$D"

EXP="04/$(( $(date +%y) + 4 ))"
card "/ppi?draft=$D" "Ann Archer" "4242 4242 4242 4242" "$EXP" 737
expect_eq "R6.3 a good card is saved, back to the offers" "$(header Location)" "/ppi?draft=$D&saved=1"
expect_eq "R6.3 only brand, last four, expiry and token are kept" \
	"$(db "SELECT brand, last4, exp_month, exp_year, CAST(token LIKE 'tok_%' AS INTEGER) FROM cards")" \
	"visa|4242|4|20$(( $(date +%y) + 4 ))|1"
expect_eq "R6.5 the provider knows the token, not the number" \
	"$(tp "SELECT brand, last4 FROM tokens")" "visa|4242"

get "/ppi?draft=$D&saved=1"
check "R6.3 the saved card is shown" grep -q 'Visa ending in <strong>4242</strong>' "$T/body"
check "R6.2 one incident at the price of Poland" grep -q 'One incident: <strong>PLN 1,999.00</strong>' "$T/body"
check "R6.2 the 5-pack is sold in Poland" grep -q 'A pack of 5 incidents: <strong>PLN 7,999.00</strong>' "$T/body"
check "R6.2 the recommendation" grep -q 'We recommend buying one incident, unless you are sure to use all five' "$T/body"
check "R6.4 for the version of the draft" grep -q 'For <strong>SQL Server 2022</strong>' "$T/body"

# R6.4, R11.10: the purchase exists before anything is charged
post /ppi/start "csrf=$TOK" offer=one "draft=$D"
N1=$(header Location | sed -n 's|^/ppi/\([0-9]*\)$|\1|p')
check "R11.10 a purchase id first" test -n "$N1"
expect_eq "H.37 the purchase is committed before the charge, with its key" \
	"$(db "SELECT status, length(pay_key) FROM purchases WHERE id = $N1") $(charges)" "new|32 0"
get "/ppi/$N1"
check "R6.4 the charge notice" grep -q 'You will be charged immediately. This transaction is subject to the services agreement.' "$T/body"
check "R6.4 an explicit Buy" grep -q "action=\"/ppi/$N1/buy\"" "$T/body"
post "/ppi/$N1/buy" "csrf=$TOK"
expect_eq "R6.4 Buy lands on the receipt" "$(header Location)" "/ppi/$N1"
get "/ppi/$N1"
check "R11.10 the receipt" grep -q '<h1>Receipt</h1>' "$T/body"
check "R11.10 it names the account it belongs to" \
	grep -q 'belongs to the account of <strong>Ann Archer</strong> (ann@example.com)' "$T/body"
K1=$(db "SELECT contract_id FROM purchases WHERE id = $N1")
expect_eq "R6.4 the plan: 1 incident, pay per incident, on-premises" \
	"$(db "SELECT programme, incidents_total, incidents_left, scope FROM contracts WHERE id = $K1")" "ppi|1|1|onprem"
expect_eq "R3.2 valid one year" \
	"$(db "SELECT start_date || ' ' || end_date FROM contracts WHERE id = $K1")" \
	"$(date -u +%F) $(date_after "$(date -u +%F)" '+1 year -1 day')"
expect_eq "R6.4 for the version chosen" \
	"$(db "SELECT group_concat(version_id) FROM contract_versions WHERE contract_id = $K1")" "$V"
expect_eq "R6.4 on the buyer's contracts" \
	"$(db "SELECT count(*) FROM activations a JOIN accounts u ON u.id = a.account_id WHERE contract_id = $K1 AND u.email = 'ann@example.com'")" 1
expect_eq "R11.2 the ledger says purchase, by Ann" \
	"$(db "SELECT l.kind, l.delta, u.email FROM incident_ledger l JOIN accounts u ON u.id = l.account_id WHERE contract_id = $K1")" "purchase|1|ann@example.com"
expect_eq "R6.4 the draft continues with the plan chosen" \
	"$(db "SELECT contract_id FROM drafts WHERE id = $D")" "$K1"
expect_eq "R6.5 one charge at the provider, of the price" \
	"$(tp "SELECT count(*), sum(amount), currency, status FROM charges")" "1|199900|PLN|succeeded"
get "/drafts/$D?step=2"
check "R6.4 step 2 has the plan bought, chosen" \
	grep -q "name=\"plan\" value=\"$K1\" id=\"[a-z0-9-]*\" checked" "$T/body"
post "/drafts/$D/step" "csrf=$TOK" step=2 action=next "plan=$K1" severity=moderate country=PL tz=Europe/Warsaw
expect_eq "R6.4 the plan is available for the request" "$(header Location)" "/drafts/$D"

expect_eq "R6.4 one receipt mail, to the buyer, in the plan's transaction" \
	"$(db "SELECT count(*), max(recipient), max(subject) FROM outbox WHERE subject LIKE 'Receipt for purchase%'")" \
	"1|ann@example.com|Receipt for purchase $N1: $(db "SELECT plan FROM contracts WHERE id = $K1")"
db "SELECT body FROM outbox WHERE subject LIKE 'Receipt for purchase $N1:%'" >"$T/receipt"
check "R11.10 the receipt mail names the account, the amount and the card's last four" \
	bash -c "grep -q 'belongs to the account of Ann Archer (ann@example.com)' '$T/receipt' && grep -q 'PLN 1,999.00' '$T/receipt' && grep -q 'Visa ending in 4242' '$T/receipt'"
check "I.39 ... and not the card number" bash -c "! grep -qE '4242 ?-?4242' '$T/receipt'"
check "R6.4 ... with the IDs of the plan and the way to the receipt" \
	bash -c "grep -q \"$(db "SELECT access_id FROM contracts WHERE id = $K1")\" '$T/receipt' && grep -q '/ppi/$N1\$' '$T/receipt'"

# R11.10: a reload of Buy, the back button and Buy again: one charge
post "/ppi/$N1/buy" "csrf=$TOK"
expect_eq "R11.10 Buy again: the same receipt" "$(header Location)" "/ppi/$N1"
get "/ppi/$N1"
check "R11.10 the back button shows the receipt, not Buy" bash -c "! grep -q 'action=\"/ppi/$N1/buy\"' '$T/body'"
expect_eq "R11.10 still one charge, one plan and one receipt mail" \
	"$(charges) $(db "SELECT count(*) FROM contracts WHERE programme = 'ppi'") $(db "SELECT count(*) FROM outbox WHERE subject LIKE 'Receipt for purchase $N1:%'")" "1 1 1"
get "/ppi?draft=$D"
check "R11.10 the offers page says this request has its plan" grep -q 'You already bought support for this request' "$T/body"

# R6.2: the 5-pack, from the contracts page (a version chosen there)
post /ppi/start "csrf=$TOK" offer=five
expect_eq "R6.4 without a draft the version must be chosen" "$STATUS" 422
check "R6.4 ... the offers page lists the versions" grep -q "<option value=\"$V\">SQL Server 2022</option>" "$T/body"
post /ppi/start "csrf=$TOK" offer=five "version=$V"
N5=$(header Location | sed -n 's|^/ppi/\([0-9]*\)$|\1|p')
post "/ppi/$N5/buy" "csrf=$TOK"
K5=$(db "SELECT contract_id FROM purchases WHERE id = $N5")
expect_eq "R6.2 the 5-pack is a plan of 5 incidents" \
	"$(db "SELECT incidents_total, incidents_left FROM contracts WHERE id = $K5")" "5|5"
expect_eq "R6.2 charged the 5-pack's price" \
	"$(tp "SELECT amount FROM charges ORDER BY rowid DESC LIMIT 1")" 799900
get /contracts
check "R3.6 both plans are on the contracts page" grep -q 'Pay per incident: 5-pack' "$T/body"
check "R11.2 ... with the purchase in the ledger" grep -q 'Purchased' "$T/body"

# H.37 / R11.10: 20 simultaneous Buy clicks of one purchase: one charge
post /ppi/start "csrf=$TOK" offer=one "version=$V"
NP=$(header Location | sed -n 's|^/ppi/\([0-9]*\)$|\1|p')
c0=$(charges)
for i in $(seq 20); do
	[ "$i" -gt 1 ] && echo next
	echo "silent"
	echo "cookie = \"$T/jar\""
	echo "url = \"$BASE/ppi/$NP/buy\""
	echo "data = \"csrf=$TOK\""
	echo "output = \"/dev/null\""
	echo "write-out = \"%{http_code} %{redirect_url}\\n\""
done >"$T/par.cfg"
curl -s --parallel --parallel-max 20 -K "$T/par.cfg" >"$T/par.out" 2>/dev/null
expect_eq "R11.10 20 simultaneous Buy: all land on the receipt" \
	"$(sed 's|http://[^/]*||' "$T/par.out" | sort | uniq -c | awk '{print $1 "x" $2 $3}')" "20x303/ppi/$NP"
expect_eq "R11.10 ... one charge" "$(( $(charges) - c0 ))" 1
expect_eq "R11.10 ... one plan" "$(db "SELECT count(*) FROM purchases p JOIN contracts c ON c.id = p.contract_id WHERE p.id = $NP")" 1

# R6.5: a card that saves but is declined at the charge; changed and
# removed on the profile page
card /profile "Ann Archer" "4000-0000-0000-9995" "$EXP" 908
expect_eq "R6.3 the card is changed from the profile page" "$(header Location)" "/profile?card=saved"
get "/profile?card=saved"
check "R6.3 the profile shows the card" grep -q 'Visa ending in <strong>9995</strong>' "$T/body"
check "R6.3 ... with a button to remove it" grep -q 'action="/card/remove"' "$T/body"
post /ppi/start "csrf=$TOK" offer=one "version=$V"
ND=$(header Location | sed -n 's|^/ppi/\([0-9]*\)$|\1|p')
k0=$(db "SELECT count(*) FROM contracts")
post "/ppi/$ND/buy" "csrf=$TOK"
get "/ppi/$ND"
check "R6.5 a declined charge says why" grep -q 'declined for insufficient funds' "$T/body"
check "R6.5 ... and that nothing was charged" grep -q 'Nothing was charged' "$T/body"
expect_eq "R6.5 ... the purchase failed, no plan" \
	"$(db "SELECT status, CAST(contract_id IS NULL AS INTEGER) FROM purchases WHERE id = $ND") $(db "SELECT count(*) FROM contracts")" "failed|1 $k0"
post "/ppi/$ND/buy" "csrf=$TOK"
expect_eq "R11.10 Buy again on a failed purchase charges nothing more" \
	"$(tp "SELECT count(*) FROM charges WHERE status = 'declined'")" 1
post /card/remove "csrf=$TOK"
expect_eq "R6.3 the card is removed" "$(header Location) $(db 'SELECT count(*) FROM cards')" "/profile?card=removed 0"
post /ppi/start "csrf=$TOK" offer=one "version=$V"
expect_eq "R6.3 no card: no purchase" "$STATUS" 422
check "R6.3 ... save a card first" grep -q 'Save a card first' "$T/body"

# R6.2: Brazil does not sell the 5-pack; Germany no pay per incident
JAR=$T/carl signup carl@example.com 'a long pass phrase' Carl Costa personal
JAR=$T/carl get /profile
JAR=$T/carl post /profile contact_email=carl@example.com country=BR tz=America/Sao_Paulo lang=en method=email
JAR=$T/carl get /ppi
CT=$(JAR=$T/carl csrf_token)
CTOK=$CT JAR=$T/carl card /ppi "Carl Costa" "5555 5555 5555 4444" "$EXP" 321
JAR=$T/carl get /ppi
check "R6.2 Brazil: one incident in reais" grep -q 'One incident: <strong>BRL 2,799.00</strong>' "$T/body"
check "R6.2 Brazil: no 5-pack offered" bash -c "! grep -q 'value=\"five\"' '$T/body'"
check "R6.2 ... and the page says so" grep -q 'The 5-pack is not sold in Brazil' "$T/body"
JAR=$T/carl post /ppi/start "csrf=$CT" offer=five "version=$V"
expect_eq "R6.2 a 5-pack asked for in Brazil is refused" "$STATUS" 422
check "R6.2 ... with the reason" grep -q 'The 5-pack is not sold in your country or region' "$T/body"
expect_eq "R6.2 ... and no purchase" "$(db "SELECT count(*) FROM purchases p JOIN accounts a ON a.id = p.account_id WHERE a.email = 'carl@example.com'")" 0
JAR=$T/carl get "/ppi/$N1"
expect_eq "D.17 another account's purchase is 404" "$STATUS" 404
# (apart from the token, the path and the reference of the request)
norm() { sed -e "s/$CT//g" -e 's|/ppi/[0-9]*|/ppi/N|g' -e 's|<code>[0-9a-f]\{16\}</code>||' "$T/body"; }
norm >"$T/foreign"
JAR=$T/carl get "/ppi/999999"
norm >"$T/missing"
check "D.17 ... the same page as a purchase that does not exist" cmp -s "$T/foreign" "$T/missing"
for bad in -1 abc 0 9223372036854775808; do
	JAR=$T/carl get "/ppi/$bad"
	expect_eq "D.17 purchase id '$bad' is 404" "$STATUS" 404
done
h0=$(db_hash)
JAR=$T/carl post "/ppi/$N1/buy" "csrf=$CT"
expect_eq "D.17 ... and so is its Buy" "$STATUS" 404
expect_eq "D.17 ... which changes nothing" "$(db_hash)" "$h0"
JAR=$T/carl post /ppi/start "csrf=$CT" offer=one "draft=$D"
expect_eq "D.19 another account's draft is not Carl's to buy for" \
	"$STATUS $(db "SELECT count(*) FROM purchases WHERE draft_id = $D AND account_id <> (SELECT id FROM accounts WHERE email = 'ann@example.com')")" "422 0"
JAR=$T/carl post /profile "csrf=$CT" contact_email=carl@example.com country=DE tz=Europe/Berlin lang=en method=email
JAR=$T/carl get /ppi
check "R6.2 not sold in Germany, said so" grep -q 'Pay per incident is not sold in <strong>Germany</strong>' "$T/body"
JAR=$T/carl post /profile "csrf=$CT" contact_email=carl@example.com country=JP tz=Asia/Tokyo lang=pl method=email
JAR=$T/carl get /ppi
check "R6.2 yen have no minor unit; Polish grouping" grep -q '<strong>74 800 JPY</strong>' "$T/body"

# R6.1: a work account is told why, and how to come back
JAR=$T/bob signup bob@contoso.example 'a long pass phrase' Bob Baker work
JAR=$T/bob profile_fill bob@contoso.example
JAR=$T/bob get /ppi?draft=1
check "R6.1 a work account is refused, with the reason" grep -q 'Paying per incident needs a personal account' "$T/body"
check "R6.1 ... told to sign in with a personal account" grep -q 'Sign out, then sign in with your personal account' "$T/body"
check "R6.1 ... no card form, no offers" bash -c "! grep -q 'action=\"/ppi/card\"\|action=\"/ppi/start\"' '$T/body'"
check "R6.1 ... a sign-out button that comes back here" grep -q 'name="next" value="/ppi"' "$T/body"
BT=$(JAR=$T/bob csrf_token)
JAR=$T/bob post /ppi/start "csrf=$BT" offer=one "version=$V"
expect_eq "R6.1 a work account's purchase is refused (409, the page says why)" "$STATUS" 409
check "R6.1 ... with the page that says why" grep -q 'Paying per incident needs a personal account' "$T/body"
CTOK=$BT JAR=$T/bob card /ppi "Bob Baker" "4242 4242 4242 4242" "$EXP" 123
expect_eq "R6.1 ... and so is its card" "$STATUS $(db "SELECT count(*) FROM cards c JOIN accounts a ON a.id = c.account_id WHERE a.kind = 'work'")" "409 0"
JAR=$T/bob post /signout "csrf=$BT" "next=/ppi?draft=7"
expect_eq "R6.1 sign-out goes to sign-in, to come back" "$(JAR=$T/bob header Location)" "/signin?next=/ppi%3Fdraft%3D7"
JAR=$T/bob get "/signin?next=/ppi%3Fdraft%3D7"
check "R6.1 the sign-in form keeps the way back" grep -q 'name="next" value="/ppi?draft=7"' "$T/body"
JAR=$T/bob post /signin email=ann@example.com "password=a long pass phrase" "next=/ppi?draft=7"
expect_eq "R6.1 signed in with the personal account: back to the purchase" "$(JAR=$T/bob header Location)" "/ppi?draft=7"

# I.39: 100 saves and purchases, good and bad, the numbers typed raw,
# spaced and dashed; then no number or code anywhere on disk
NUMS=(4242424242424242 5555555555554444 378282246310005 4000000000009995)
CVCS=(737 615 6071 908)
i=0
while [ $i -lt 100 ]; do
	k=$((i % 4))
	n=${NUMS[$k]}
	case $((i % 3)) in
	0) typed=$n ;;
	1) typed=$(echo "$n" | sed -E 's/(....)/\1 /g; s/ $//') ;;
	2) typed=$(echo "$n" | sed -E 's/(....)/\1-/g; s/-$//') ;;
	esac
	case $((i % 10)) in
	7) card /profile "Ann Archer" "$typed" "01/19" "${CVCS[$k]}" ;;	# expired
	8) card /profile "Ann Archer" "${typed}1" "$EXP" "${CVCS[$k]}" ;;	# too long
	9) card /profile "Ann Archer" "$typed" "$EXP" 1 ;;		# short code
	*) card /profile "Ann Archer" "$typed" "$EXP" "${CVCS[$k]}"
	   post /ppi/start "csrf=$TOK" offer=one "version=$V"
	   p=$(header Location | sed -n 's|^/ppi/\([0-9]*\)$|\1|p')
	   [ -n "$p" ] && post "/ppi/$p/buy" "csrf=$TOK" ;;
	esac
	i=$((i + 1))
done
expect_eq "I.39 the saves and purchases ran (purchases, charges)" \
	"$(db "SELECT CAST(count(*) > 60 AS INTEGER) FROM purchases") $(tp "SELECT count(*) > 60 FROM charges")" "1 1"
check "I.39 the database passes its integrity check" test "$(db_integrity)" = ok
# the places: the database with its -wal and -shm, the provider's,
# worker and nginx logs, the mail spool, var/tmp (uploads) and the
# files of /var/tmp written during the test
sleep 0.2
places=("$VAR")
while read -r f; do places+=("$f"); done < <(find /var/tmp -maxdepth 2 -newermt "@$START" -type f -user "$(id -u)" 2>/dev/null)
if is_pg; then
	# PostgreSQL's: the database's own files (its WAL is the cluster's,
	# shared by the run's other databases, and is left out)
	places+=("$(pg_database_dir)")
	skip "I.39 the WAL files among the places searched: PostgreSQL's WAL is the whole cluster's"
else
	ls "$VAR"/*-wal >/dev/null 2>&1 && ok "I.39 the WAL files are among the places searched" || not_ok "I.39 no WAL file to search"
fi
pats=()
for n in 4242424242424242 5555555555554444 378282246310005 4000000000009995 4000000000000002 4242424242424241; do
	pats+=(-e "$n" -e "$(echo "$n" | sed -E 's/(....)/\1 /g; s/ $//')" -e "$(echo "$n" | sed -E 's/(....)/\1-/g; s/-$//')")
done
# the search itself can fail: a number planted in var/tmp is found
printf 'x\0%s\0' "5555-5555-5555-4444" >"$VAR/tmp/planted"
expect_eq "I.39 the search finds a planted number" \
	"$(grep -rlaF "${pats[@]}" "${places[@]}" 2>/dev/null)" "$VAR/tmp/planted"
rm -f "$VAR/tmp/planted"
hits=$(grep -rlaF "${pats[@]}" "${places[@]}" 2>/dev/null)
expect_eq "I.39 no card number (raw, spaced, dashed) in the databases, WAL, logs, spool or temp files" "$hits" ""
# a code is three or four digits, which binary pages may hold by chance:
# the databases are searched through their dump (every value as text,
# the -wal included), the logs and the spool as they are, for the codes
# typed standing alone (not inside a longer number, a time like 0.615
# or a hex id) and for the field's name anywhere
CODE='(?<![0-9.A-Za-z])(737|615|908|6071)(?![0-9A-Za-z])'
texts() {
	db_dump
	sqlite3 "$TP" .dump
	cat "$VAR"/log/* 2>/dev/null
	find "$VAR/spool" "$VAR/tmp" -type f -exec cat {} + 2>/dev/null
}
printf 'planted cvc 615\n' >"$VAR/log/planted"
expect_eq "I.39 the search finds a planted code" "$(texts | grep -caP "$CODE")" 1
rm -f "$VAR/log/planted"
expect_eq "I.39 no security code as a value in the databases, logs or spool" \
	"$(texts | grep -aP "$CODE" | head -3)" ""
# the field's name as a name: not inside a longer token, such as the
# base64 of a password hash, which holds any three letters by chance
FIELD='(?i)(?<![A-Za-z0-9+/])cvc(?![A-Za-z0-9+/])'
printf 'x\0cvc=737\0' >"$VAR/tmp/planted"
expect_eq "I.39 the search finds a planted field" \
	"$(grep -rlaP "$FIELD" "${places[@]}" 2>/dev/null)" "$VAR/tmp/planted"
rm -f "$VAR/tmp/planted"
expect_eq "I.39 no field named cvc in any file searched" \
	"$(grep -rlaP "$FIELD" "${places[@]}" 2>/dev/null)" ""
expect_eq "R11.2 every balance equals its ledger" \
	"$(db 'SELECT count(*) FROM contracts c WHERE incidents_left <> (SELECT sum(delta) FROM incident_ledger WHERE contract_id = c.id)')" 0
