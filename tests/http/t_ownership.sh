#!/bin/bash
# Ownership of a request (R15.4): an unowned request is taken at once;
# one another engineer owns asks to confirm and tells them by mail, in
# their language; the owner releases it to its queue or hands it to an
# engineer of its region, who is told by mail; a forged engineer is
# refused and changes nothing; of two engineers taking at the same
# moment exactly one wins; each change is one 'owner' row of history.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5
customer ewa@example.com Ewa Lis work >/dev/null
request_submitted "Ewa Lis" ewa@example.com piotr@example.com
check "a request in EMEA ($R)" test -n "$R"

JAR=$T/eve engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/olga engineer olga@vendor.example Olga Nowak EMEA
JAR=$T/andy engineer andy@vendor.example Andy Amer AMER
JAR=$T/olga get /queue
JAR=$T/olga post /lang lang=pl next=/
EVE=$(acct eve@vendor.example) OLGA=$(acct olga@vendor.example)
ANDY=$(acct andy@vendor.example) EWA=$(acct ewa@example.com)
owner() { db "SELECT coalesce(owner_id, 0) FROM requests WHERE id = $R"; }
owner_rows() { db "SELECT count(*) FROM request_history WHERE request_id = $R AND event = 'owner'"; }

# R8.1, R15.4: an unowned request is taken without a question
JAR=$T/eve get "/queue/$R"
check "R15.4 the take form names the owner it saw (nobody)" grep -q 'name="owner" value="0"' "$T/body"
JAR=$T/eve post "/queue/$R/take" owner=0
expect_eq "R15.4 taking an unowned request needs no confirmation" \
	"$STATUS $(JAR=$T/eve header Location) $(owner)" "303 /queue/$R?taken=1 $EVE"
expect_eq "R15.4 ... one owner row in the history, naming Eve" \
	"$(db "SELECT count(*), max(detail) FROM request_history WHERE request_id = $R AND event = 'owner'")" "1|Eve Engineer"

# R15.4: taking it from Eve asks Olga first, naming Eve, changing nothing
before=$(db_hash)
JAR=$T/olga get "/queue/$R"
check "R15.4 Olga sees Eve owns it" grep -q 'Eve Engineer' "$T/body"
JAR=$T/olga post "/queue/$R/take" "owner=$EVE"
expect_eq "R15.4 taking a request another engineer owns asks to confirm" "$STATUS" 200
check "R15.4 ... naming its owner (in Olga's Polish)" grep -q 'Przejąć zgłoszenie od <strong>Eve Engineer</strong>?' "$T/body"
check "R15.4 ... saying Eve will be told" grep -q 'dostanie wiadomość e-mail' "$T/body"
check "R15.4 ... with a confirm button" grep -q 'name="confirm" value="yes"' "$T/body"
expect_eq "R15.4 ... and nothing changed until yes" "$(db_hash)" "$before"
n0=$(db "SELECT max(id) FROM outbox")
JAR=$T/olga post "/queue/$R/take" "owner=$EVE" confirm=yes
expect_eq "R15.4 yes: Olga owns it" "$STATUS $(owner)" "303 $OLGA"
expect_eq "R15.4 ... Eve is told by mail, in English" \
	"$(db "SELECT recipient || ' ' || subject FROM outbox WHERE id > $n0 AND tpl = 'taken'")" \
	"eve@vendor.example Taken over from you: request #$R: Reports are slow"
db "SELECT body FROM outbox WHERE id > $n0 AND tpl = 'taken'" >"$T/mail"
check "R15.4 ... saying who took it, with its link" \
	bash -c "grep -q 'Olga Nowak took over request #$R' '$T/mail' && grep -q '/queue/$R' '$T/mail'"
expect_eq "R15.4 ... no customer is mailed about an owner" \
	"$(db "SELECT count(*) FROM outbox WHERE id > $n0 AND recipient LIKE '%@example.com'")" 0

# the previous owner's language: Eve takes it back from Olga, who is Polish
n0=$(db "SELECT max(id) FROM outbox")
JAR=$T/eve get "/queue/$R"
JAR=$T/eve post "/queue/$R/take" "owner=$OLGA" confirm=yes
expect_eq "R15.4 Eve takes it back (confirmed)" "$(owner)" "$EVE"
expect_eq "R15.4 ... Olga is told in Polish" \
	"$(db "SELECT recipient || ' ' || subject FROM outbox WHERE id > $n0 AND tpl = 'taken'")" \
	"olga@vendor.example Przejęto od Ciebie zgłoszenie #$R: Reports are slow"

# a confirmation for an owner who is no longer the owner is refused
before=$(db_hash)
JAR=$T/olga get "/queue/$R"
JAR=$T/olga post "/queue/$R/take" "owner=$OLGA" confirm=yes
expect_eq "R15.4 a stale confirmation (the owner changed meanwhile): 409" "$STATUS" 409
check "R15.4 ... saying so, in Polish" grep -q 'Właściciel zgłoszenia zmienił się' "$T/body"
JAR=$T/olga post "/queue/$R/take" "owner=abc" confirm=yes
expect_eq "R15.4 an owner that is no number: 422" "$STATUS" 422
expect_eq "R15.4 ... nothing changed by either" "$(db_hash)" "$before"

# R15.4: only the owner releases or hands it
before=$(db_hash)
JAR=$T/olga get "/queue/$R"
JAR=$T/olga post "/queue/$R/release"
expect_eq "R15.4 another engineer cannot release it: 409" "$STATUS" 409
JAR=$T/olga post "/queue/$R/hand" "to=$OLGA"
expect_eq "R15.4 ... nor hand it (to herself): 409" "$STATUS" 409
expect_eq "R15.4 ... nothing changed" "$(db_hash)" "$before"

# R15.4: the owner hands it to an engineer of its region, no one else
JAR=$T/eve get "/queue/$R"
check "R15.4 the owner can release it" grep -q "action=\"/queue/$R/release\"" "$T/body"
expect_eq "R15.4 the hand-over list: the engineers of the region but Eve" \
	"$(grep -o '<option value="[0-9]*">[^<]*</option>' "$T/body" | grep -v -e '>Eve' | sed 's/<[^>]*>//g' | tr '\n' ',')" "Olga Nowak,"
check "R15.4 ... neither Andy (AMER) nor a customer in it" \
	bash -c "! grep -q -e 'value=\"$ANDY\"' -e 'value=\"$EWA\"' '$T/body'"
bad=0
for to in 999999 abc -1 0 "" "$EVE" "$EWA" "$ANDY"; do
	before=$(db_hash)
	JAR=$T/eve post "/queue/$R/hand" "to=$to"
	if [ "$STATUS" != 422 ] || [ "$(db_hash)" != "$before" ]; then
		bad=$((bad + 1)); echo "# hand to '$to': $STATUS"
	fi
done
expect_eq "R15.4 handing to an engineer of another region, a customer, herself, nobody: 422, nothing changed" "$bad" 0
check "R15.4 ... saying whom to choose" grep -q "Choose an engineer who works this request" "$T/body"
n0=$(db "SELECT max(id) FROM outbox")
JAR=$T/eve post "/queue/$R/hand" "to=$OLGA"
expect_eq "R15.4 handed to Olga" "$STATUS $(JAR=$T/eve header Location) $(owner)" "303 /queue/$R?handed=1 $OLGA"
expect_eq "R15.4 ... who is told by mail, in Polish" \
	"$(db "SELECT recipient || ' ' || subject FROM outbox WHERE id > $n0")" \
	"olga@vendor.example Przekazano Ci zgłoszenie #$R: Reports are slow"
JAR=$T/eve get "/queue/$R?handed=1"
check "R15.4 ... Eve sees it done" grep -q 'The request has been handed over' "$T/body"

# R15.4: Olga releases it to its queue
JAR=$T/olga get "/queue/$R"
JAR=$T/olga post "/queue/$R/release"
expect_eq "R15.4 released: owned by nobody" "$STATUS $(owner)" "303 0"
expect_eq "R15.4 ... its history row names no one" \
	"$(db "SELECT detail FROM request_history WHERE request_id = $R AND event = 'owner' ORDER BY id DESC LIMIT 1")" ""
JAR=$T/eve get "/queue/$R"
check "R15.4 ... the page says nobody owns it" grep -q 'Nobody yet' "$T/body"
rows=$(owner_rows)
expect_eq "R15.4 five owner changes, five owner rows" "$rows" 5

# R15.4: two engineers taking at the same moment: exactly one wins
wins=0
for round in 1 2 3 4 5 6; do
	JAR=$T/eve get "/queue/$R"; te=$(JAR=$T/eve csrf_token)
	JAR=$T/olga get "/queue/$R"; to=$(JAR=$T/olga csrf_token)
	rows=$(owner_rows)
	curl -s -o /dev/null -w '%{http_code}\n' -b "$T/eve" --data "csrf=$te&owner=0" "$BASE/queue/$R/take" >"$T/race.e" &
	p1=$!
	curl -s -o "$T/race.body" -w '%{http_code}\n' -b "$T/olga" --data "csrf=$to&owner=0" "$BASE/queue/$R/take" >"$T/race.o" &
	wait $p1 $!
	got="$(cat "$T/race.e" "$T/race.o" | sort | tr '\n' ' ')"
	o=$(owner)
	w=$( [ "$(cat "$T/race.e")" = 303 ] && echo "$EVE" || echo "$OLGA")
	if [ "$got" = "303 409 " ] && [ "$(owner_rows)" = $((rows + 1)) ] &&
		[ "$o" = "$w" ]; then
		wins=$((wins + 1))
	else
		echo "# round $round: $got owner $o"
	fi
	# the winner gives it back for the next round
	w=eve; [ "$o" = "$OLGA" ] && w=olga
	JAR=$T/$w get "/queue/$R"
	JAR=$T/$w post "/queue/$R/release"
done
expect_eq "R15.4 6 races of two takes: each time one 303, one 409, one owner row" "$wins" 6

# the loser of a race is told clearly
JAR=$T/eve get "/queue/$R"; te=$(JAR=$T/eve csrf_token)
JAR=$T/olga get "/queue/$R"
JAR=$T/olga post "/queue/$R/take" owner=0
JAR=$T/eve post "/queue/$R/take" "csrf=$te" owner=0
expect_eq "R15.4 taking a request someone took meanwhile: 409" "$STATUS" 409
check "R15.4 ... with a clear message" grep -q 'The owner of this request changed while you were looking at it' "$T/body"
check "R15.4 ... showing its owner now" grep -q 'Olga Nowak' "$T/body"

# strangers: a customer, a contact of another request, an engineer of
# another region, signed out, without a token: nothing changes
JAR=$T/jan customer jan@example.com Jan Kowalski work >/dev/null
before=$(db_hash)
for who in jar jan; do
	JAR=$T/$who get /requests
	tok=$(JAR=$T/$who csrf_token)
	for a in take release hand; do
		JAR=$T/$who post "/queue/$R/$a" "csrf=$tok" owner=0 confirm=yes "to=$EVE"
		expect_eq "R15.4 a customer ($who) POST /queue/$R/$a: 404" "$STATUS" 404
	done
	JAR=$T/$who post "/requests/$R/take" "csrf=$tok"
	expect_eq "R15.4 ... and /requests/$R/take: 404" "$STATUS" 404
done
JAR=$T/andy get /queue
tok=$(JAR=$T/andy csrf_token)
for a in take release hand; do
	JAR=$T/andy post "/queue/$R/$a" "csrf=$tok" owner=0 confirm=yes "to=$ANDY"
	expect_eq "R15.4 an engineer of another region POST /queue/$R/$a: 404" "$STATUS" 404
done
JAR=$T/anon get /signin
for a in take release hand; do
	JAR=$T/anon post "/queue/$R/$a" owner=0 "to=$EVE"
	expect_eq "R15.4 signed out POST /queue/$R/$a: sent to sign in" "$STATUS $(JAR=$T/anon header Location)" "303 /signin?next=/"
	JAR=$T/eve post "/queue/$R/$a" csrf= owner=0 "to=$EVE"
	expect_eq "R15.4 without the form token POST /queue/$R/$a: 403" "$STATUS" 403
done
expect_eq "R15.4 ... nothing changed by any of them" "$(db_hash)" "$before"

# the owner's page is valid HTML in both languages
for j in olga eve; do
	JAR=$T/$j get "/queue/$R"
	tidy_ok "tidy the request page of $j ($(owner) owns it): no warnings"
done
JAR=$T/olga get "/queue/$R"
check "R12.1 the owner's forms in Polish" bash -c "grep -q 'Oddaj do kolejki' '$T/body' && grep -q 'Przekaż' '$T/body'"

harness_stop
