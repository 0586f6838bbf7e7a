#!/bin/bash
# The IDOR matrix (R7.4, SECURITY.md D.17-D.19, R15.5, R15.7): for every
# route that takes a request, attachment or draft id, a stranger, a
# removed contact, a submitter who is not a contact and an engineer of
# another region get the 404 of a missing object, see none of its
# internal notes or history, and change nothing; ids are other users'
# real ones, then malformed.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA" --incidents 9

person() {	# JAR EMAIL NAME: an account with the contract
	JAR=$1 signup "$2" 'a long pass phrase' "$3" Test work >/dev/null
	JAR=$1 profile_fill "$2" >/dev/null
	JAR=$1 get /contracts
	JAR=$1 post /contracts/activate "access_id=$AID" "contract_id=$CID"
}
submit() {	# JAR PRIMARY SECONDARY ADD_ME: prints the draft id
	local d
	JAR=$1 get /requests
	JAR=$1 post /requests/new
	d=$(JAR=$1 header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
	JAR=$1 post "/drafts/$d/step" step=1 action=next "product=$P" "version=$V" \
		"category=$C" "problem=$X" "title=Private $d" "description=Private."
	JAR=$1 post "/drafts/$d/step" step=2 action=next "plan=$K" severity=moderate country=PL tz=UTC
	JAR=$1 post "/drafts/$d/step" step=3 action=next "pc_name=P" "pc_email=$2" pc_method=email
	JAR=$1 post "/drafts/$d/step" step=4 action=next "secondary=$3" "add_me=$4"
	JAR=$1 get "/drafts/$d"
	JAR=$1 post "/drafts/$d/submit"
	echo "$d"
}
person "$T/ewa" ewa@example.com Ewa
person "$T/piotr" piotr@example.com Piotr
person "$T/sam" sam@example.com Sam
person "$T/tina" tina@example.com Tina
D=$(submit "$T/ewa" ewa@example.com piotr@example.com 1)
R=$(db "SELECT id FROM requests WHERE draft_id = $D")
JAR=$T/ewa get "/requests/$R"
JAR=$T/ewa post "/requests/$R/messages" "body=With a file, soon."
printf 'log' >"$T/f.log"
curl -s -o /dev/null -b "$T/ewa" -F "csrf=$(JAR=$T/ewa csrf_token)" -F "body=File" -F "files=@$T/f.log" "$BASE/requests/$R/messages"
F=$(db "SELECT id FROM attachments WHERE request_id = $R")
# an unsubmitted draft of Ewa's with a file
JAR=$T/ewa get /requests
JAR=$T/ewa post /requests/new
OD=$(JAR=$T/ewa header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
JAR=$T/ewa get "/drafts/$OD"
curl -s -o /dev/null -b "$T/ewa" -F "csrf=$(JAR=$T/ewa csrf_token)" -F step=1 -F action=upload \
	-F "files=@$T/f.log" "$BASE/drafts/$OD/step"
FD=$(db "SELECT id FROM attachments WHERE draft_id = $OD")
# Sam submits a request for Ewa without keeping access (R5.8)
SD=$(submit "$T/sam" ewa@example.com "" "")
SR=$(db "SELECT id FROM requests WHERE draft_id = $SD")
# Piotr is removed from Ewa's request (as an engineer would, R8.1)
JAR=$T/piotr get "/requests/$R"
expect_eq "D.18 the contact sees the request before removal" "$STATUS" 200
echo "DELETE FROM request_contacts WHERE request_id = $R AND email = 'piotr@example.com'" | db_fixture
# an engineer of the request's region writes an internal note and takes
# it; one of another region tries everything below
JAR=$T/eve engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/eve get "/queue/$R"
JAR=$T/eve post "/queue/$R/notes" "note=NOTE-SECRET the customer must never read"
JAR=$T/eve post "/queue/$R/take" owner=0
JAR=$T/andy engineer andy@vendor.example Andy Amer AMER
check "R15.5 the note and the owner are there to steal" \
	test "$(db "SELECT count(*) FROM request_notes WHERE request_id = $R")/$(db "SELECT count(*) FROM requests WHERE id = $R AND owner_id IS NOT NULL")" = 1/1
check "the objects exist ($D $R $F $OD $FD $SD $SR)" test -n "$F" -a -n "$FD" -a -n "$SR"

# routes: METHOD PATH (the first %s is an id)
routes="GET /requests/%s
GET /requests/%s?history=all
GET /queue/%s
GET /queue/%s?history=all&order=newest
POST /queue/%s/messages
POST /queue/%s/status
POST /queue/%s/return
POST /queue/%s/contacts
POST /queue/%s/contacts/remove
POST /requests/%s/messages
POST /requests/%s/contacts
POST /requests/%s/close
POST /requests/%s/reopen
POST /requests/%s/notes
POST /queue/%s/take
POST /queue/%s/release
POST /queue/%s/hand
POST /queue/%s/notes
POST /queue/%s/contacts/primary
GET /attachments/%s
GET /drafts/%s
GET /drafts/%s/done
POST /drafts/%s/step
POST /drafts/%s/remove-file
POST /drafts/%s/activate
POST /drafts/%s/discard
POST /drafts/%s/submit"
id_for() {	# WHO ROUTE: the real id of another's object for that route
	case "$2" in
	*/requests/*|*/queue/*) [ "$1" = sam ] && echo "$SR" || echo "$R" ;;
	*/attachments/*) echo "$F $FD" ;;
	*/drafts/*) [ "$1" = sam ] && echo "$OD" || echo "$D $OD" ;;
	esac
}
bad=0
n=0
# the idle clock is written once a minute of a session's use (B.10): set
# ahead, so that a run longer than a minute compares only the tries' doing
db "UPDATE sessions SET seen = unixepoch() + 3600"
for who in tina piotr sam andy; do
	JAR=$T/$who get /requests
	tok=$(JAR=$T/$who csrf_token)
	while read -r m path; do
		for id in $(id_for "$who" "$path") 999999 -1 9223372036854775808 abc 0; do
			p=$(printf "$path" "$id")
			before=$(db_hash)
			if [ "$m" = GET ]; then
				s=$(curl -s -o "$T/idor" -w '%{http_code}' -b "$T/$who" "$BASE$p")
				grep -q 'NOTE-SECRET\|Owner changed\|Private [0-9]' "$T/idor" && s="$s, leaked"
			else
				s=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/$who" \
					--data "csrf=$tok&body=x&email=x%40example.com&note=x&owner=0&confirm=yes&to=1&primary=x%40example.com&status=closed&reason=x&step=1&action=next&file=$FD&access_id=$AID&contract_id=$CID&title=x" "$BASE$p")
			fi
			n=$((n + 1))
			if [ "$s" != 404 ] || [ "$before" != "$(db_hash)" ]; then
				bad=$((bad + 1))
				echo "# $who $m $p: $s"
			fi
		done
	done <<<"$routes"
done
expect_eq "D.17-D.19, R15.5, R15.7 $n tries by a stranger, a removed contact, a non-contact submitter and an engineer of another region: all 404, no note or history shown, nothing changed" "$bad" 0
# R14.7: the one route that takes an id in its form, a session to end:
# another account's, a missing and malformed ones
ES=$(db "SELECT group_concat(id, ' ') FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE email = 'ewa@example.com')")
bad=0 n=0
for who in tina piotr sam; do
	JAR=$T/$who get /account
	tok=$(JAR=$T/$who csrf_token)
	for id in $ES 999999 -1 9223372036854775808 abc 0 ""; do
		before=$(db_hash)
		s=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/$who" \
			--data "csrf=$tok&session=$id" "$BASE/account/sessions/end")
		n=$((n + 1))
		if [ "$s" != 404 ] || [ "$before" != "$(db_hash)" ]; then
			bad=$((bad + 1))
			echo "# $who POST /account/sessions/end session=$id: $s"
		fi
	done
done
check "R14.7 D.17 $n tries to end another's or a made-up session ($ES): all 404, nothing changed" \
	test "$bad" -eq 0 -a -n "$ES"
# and the owners still reach their own
JAR=$T/ewa get "/requests/$R"
expect_eq "D.17 the contact still sees her request" "$STATUS" 200
JAR=$T/ewa get "/attachments/$F"
expect_eq "D.17 ... and its file" "$STATUS" 200
JAR=$T/ewa get "/attachments/$FD"
expect_eq "D.17 ... and her draft's file" "$STATUS" 200
JAR=$T/sam get "/drafts/$SD/done"
expect_eq "R5.8 the non-contact submitter keeps the confirmation of his draft" "$STATUS" 200
