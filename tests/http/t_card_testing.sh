#!/bin/bash
# Card testing (R17.3, SECURITY.md M.62): saving a card and starting a
# purchase are limited per account and per client address (an IPv6
# address by its /64) a day, at the configured default of 10
# (Payment.PerDay); a refused one asks the payment provider nothing (its
# own ledger, var/testpay.db, shows no new token).  A purchase keeps the
# price, currency and country of its start: the profile's country
# changed before Buy changes nothing of it.
export SUPPORTAL_PAY_PER_DAY=	# empty: the configuration's default
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
TP=$VAR/testpay.db
tp() { sqlite3 -cmd ".timeout 5000" "$TP" "$@" 2>/dev/null || echo 0; }
tokens() { tp "SELECT count(*) FROM tokens"; }
charges() { tp "SELECT count(*) FROM charges"; }
EXP=04/$(( $(date +%y) + 4 ))

buyer() {	# JAR EMAIL FIRST: a personal account in Poland
	JAR=$1 signup "$2" 'a long pass phrase' "$3" Buyer personal >/dev/null
	JAR=$1 profile_fill "$2" >/dev/null
}
# cgi_as ADDRESS JAR PATH FIELDS: one POST of JAR's session run by the
# worker as plain CGI from client ADDRESS (nginx on loopback gives only
# 127.0.0.1); prints the status and the Location
cgi_as() {
	local body
	JAR=$2 get /ppi
	body="csrf=$(JAR=$2 csrf_token)&$4"
	printf %s "$body" | env ASAN_OPTIONS="log_path=$VAR/log/asan:detect_leaks=1" \
		UBSAN_OPTIONS="log_path=$VAR/log/ubsan:print_stacktrace=1" \
		REQUEST_METHOD=POST DOCUMENT_URI="$3" REMOTE_ADDR="$1" \
		CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=${#body} \
		HTTP_COOKIE="sid=$(sid "$2")" "$BIN" 2>>"$VAR/log/supportal.log" |
		tr -d '\r' | sed -n 's/^Status: \([0-9]*\).*/\1/p; s/^Location: //p' | tr '\n' ' ' | sed 's/ $//'
}
CARD="holder=A+Buyer&number=4242424242424242&expiry=$EXP&cvc=737"

# M.62: 100 card saves from one account, through nginx (127.0.0.1)
buyer "$T/ann" ann@example.com Ann
JAR=$T/ann get /ppi
tok=$(JAR=$T/ann csrf_token)
for i in $(seq 100); do
	[ "$i" -gt 1 ] && echo next
	echo "silent"
	echo "cookie = \"$T/ann\""
	echo "url = \"$BASE/ppi/card\""
	echo "data = \"csrf=$tok&holder=Ann+Buyer&number=4242+4242+4242+4242&expiry=$EXP&cvc=737\""
	echo "output = \"/dev/null\""
	echo "write-out = \"%{http_code}\\n\""
done >"$T/saves.cfg"
curl -s -K "$T/saves.cfg" >"$T/saves.out" 2>/dev/null
expect_eq "R17.3 M.62 100 card saves from one account: 10 saved, then refused (429)" \
	"$(uniq -c "$T/saves.out" | awk '{print $1 "x" $2}' | tr '\n' ' ')" "10x303 90x429 "
expect_eq "R17.3 M.62 ... the provider was asked 10 times: 10 tokens, no more" "$(tokens)" 10
expect_eq "R17.3 M.62 ... each refusal logged" "$(grep -c ' card throttled account=' "$VAR/log/supportal.log")" 90
JAR=$T/ann get /ppi
tok=$(JAR=$T/ann csrf_token)
JAR=$T/ann post /ppi/card "csrf=$tok" "holder=Ann Buyer" "number=5555 5555 5555 4444" "expiry=$EXP" cvc=615
check "R17.3 M.62 the page says why, and to come back tomorrow" \
	bash -c "[ $STATUS = 429 ] && grep -q 'no more cards can be saved today' '$T/body'"
check "R17.3 M.62 ... the card kept is the last one saved, 4242" \
	test "$(db "SELECT last4 FROM cards WHERE account_id = $(acct ann@example.com)")" = 4242
JAR=$T/ann post /lang lang=pl
JAR=$T/ann get /ppi
JAR=$T/ann post /ppi/card "csrf=$(JAR=$T/ann csrf_token)" "holder=Ann Buyer" "number=5555 5555 5555 4444" "expiry=$EXP" cvc=615
check "R12.1 R17.3 ... in Polish" \
	bash -c "[ $STATUS = 429 ] && grep -q 'nie można dziś zapisać kolejnej karty' '$T/body'"
JAR=$T/ann post /lang lang=en
expect_eq "R17.3 M.62 an unchecked card (bad Luhn) is refused by its check, not counted" \
	"$(cgi_as 192.0.2.10 "$T/ann" /ppi/card "holder=A&number=4242424242424241&expiry=$EXP&cvc=737")" 422

# ... per address: another account from the same address is refused
buyer "$T/bob" bob@example.com Bob
JAR=$T/bob get /ppi
JAR=$T/bob post /ppi/card "csrf=$(JAR=$T/bob csrf_token)" "holder=Bob Buyer" "number=4242 4242 4242 4242" "expiry=$EXP" cvc=737
expect_eq "R17.3 M.62 another account from the same address: refused (429), the provider not asked" \
	"$STATUS $(tokens)" "429 10"
# ... per account: Ann from another address is refused too
expect_eq "R17.3 M.62 the same account from another address: refused, the provider not asked" \
	"$(cgi_as 198.51.100.7 "$T/ann" /ppi/card "$CARD") $(tokens)" "429 10"
expect_eq "R17.3 M.62 Bob from another address saves his card" \
	"$(cgi_as 198.51.100.7 "$T/bob" /ppi/card "$CARD") $(tokens)" "303 /ppi?saved=1 11"

# ... an IPv6 client is its /64
buyer "$T/carl" carl@example.com Carl
buyer "$T/dana" dana@example.com Dana
: >"$T/v6.out"
for i in $(seq 12); do
	cgi_as 2001:db8:1:2::a "$T/carl" /ppi/card "$CARD" >>"$T/v6.out"
	echo >>"$T/v6.out"
done
expect_eq "R17.3 M.62 12 saves from 2001:db8:1:2::a: 10 saved, then refused" \
	"$(cut -d' ' -f1 "$T/v6.out" | uniq -c | awk '{print $1 "x" $2}' | tr '\n' ' ')" "10x303 2x429 "
expect_eq "R17.3 M.62 another address of the same /64 is refused, the provider not asked" \
	"$(cgi_as 2001:db8:1:2::ffff:b "$T/dana" /ppi/card "$CARD") $(tokens)" "429 21"
expect_eq "R17.3 M.62 an address of another /64 is not" \
	"$(cgi_as 2001:db8:1:3::b "$T/dana" /ppi/card "$CARD") $(tokens)" "303 /ppi?saved=1 22"

# R17.3: purchases, 100 started by one account through nginx
buyer "$T/eve" eve@example.com Eve
buyer "$T/fay" fay@example.com Fay
cgi_as 203.0.113.1 "$T/eve" /ppi/card "$CARD" >/dev/null
cgi_as 203.0.113.1 "$T/fay" /ppi/card "$CARD" >/dev/null
check "Eve and Fay have their cards" test "$(db "SELECT count(*) FROM cards c JOIN accounts a ON a.id = c.account_id WHERE a.email IN ('eve@example.com', 'fay@example.com')")" = 2
JAR=$T/eve get /ppi
tok=$(JAR=$T/eve csrf_token)
for i in $(seq 100); do
	[ "$i" -gt 1 ] && echo next
	echo "silent"
	echo "cookie = \"$T/eve\""
	echo "url = \"$BASE/ppi/start\""
	echo "data = \"csrf=$tok&offer=one&version=$V\""
	echo "output = \"/dev/null\""
	echo "write-out = \"%{http_code}\\n\""
done >"$T/buys.cfg"
c0=$(charges)
curl -s -K "$T/buys.cfg" >"$T/buys.out" 2>/dev/null
expect_eq "R17.3 100 purchases started by one account: 10, then refused (429)" \
	"$(uniq -c "$T/buys.out" | awk '{print $1 "x" $2}' | tr '\n' ' ')" "10x303 90x429 "
expect_eq "R17.3 ... 10 purchases made, nothing charged by starting" \
	"$(db "SELECT count(*) FROM purchases WHERE account_id = $(acct eve@example.com)") $(( $(charges) - c0 ))" "10 0"
JAR=$T/eve get /ppi
JAR=$T/eve post /ppi/start "csrf=$(JAR=$T/eve csrf_token)" offer=one "version=$V"
check "R17.3 ... the page says why" \
	bash -c "[ $STATUS = 429 ] && grep -q 'no more purchases can be made today' '$T/body'"
JAR=$T/fay get /ppi
JAR=$T/fay post /ppi/start "csrf=$(JAR=$T/fay csrf_token)" offer=one "version=$V"
expect_eq "R17.3 another account from the same address: refused (429)" "$STATUS" 429
expect_eq "R17.3 the same account from another address: refused" \
	"$(cgi_as 203.0.113.9 "$T/eve" /ppi/start "offer=one&version=$V")" 429
N=$(db "SELECT max(id) FROM purchases WHERE account_id = $(acct eve@example.com)")
JAR=$T/eve get "/ppi/$N"
JAR=$T/eve post "/ppi/$N/buy" "csrf=$(JAR=$T/eve csrf_token)"
expect_eq "R17.3 a purchase started within the limit is bought: one charge" \
	"$(db "SELECT status FROM purchases WHERE id = $N") $(( $(charges) - c0 ))" "paid 1"

# R17.3: the country of the purchase is the one at its start
buyer "$T/gus" gus@example.com Gus
cgi_as 192.0.2.55 "$T/gus" /ppi/card "$CARD" >/dev/null
out=$(cgi_as 192.0.2.55 "$T/gus" /ppi/start "offer=one&version=$V")
NG=${out#303 /ppi/}
check "R17.3 Gus starts a purchase in Poland ($out)" test -n "$NG" -a "$NG" != "$out"
expect_eq "R17.3 ... at the price of Poland, recorded" \
	"$(db "SELECT amount, currency, country FROM purchases WHERE id = $NG")" "199900|PLN|PL"
JAR=$T/gus get /profile
JAR=$T/gus post /profile "csrf=$(JAR=$T/gus csrf_token)" contact_email=gus@example.com \
	country=BR tz=America/Sao_Paulo lang=en method=email
expect_eq "R17.3 Gus moves to Brazil before Buy" \
	"$(db "SELECT country FROM accounts WHERE email = 'gus@example.com'")" BR
JAR=$T/gus get /ppi
check "R17.3 ... new offers are in reais" grep -q 'One incident: <strong>BRL 2,799.00</strong>' "$T/body"
JAR=$T/gus get "/ppi/$NG"
check "R17.3 ... the purchase in progress still shows the price it started with" \
	bash -c "grep -q 'PLN 1,999.00' '$T/body' && ! grep -q 'BRL' '$T/body'"
c1=$(charges)
JAR=$T/gus post "/ppi/$NG/buy" "csrf=$(JAR=$T/gus csrf_token)"
expect_eq "R17.3 ... Buy charges the price and currency of the start" \
	"$(( $(charges) - c1 )) $(tp "SELECT amount, currency, status FROM charges ORDER BY rowid DESC LIMIT 1")" \
	"1 199900|PLN|succeeded"
expect_eq "R17.3 ... and the purchase keeps its country" \
	"$(db "SELECT status, amount, currency, country FROM purchases WHERE id = $NG")" "paid|199900|PLN|PL"

harness_stop
