#!/bin/bash
# Every POST route of the table refuses a forged request (R1.5, E.21,
# E.22): no token, an empty one, a wrong one, another session's, the
# right one from another site (Origin, Sec-Fetch-Site) or only in the
# query string: 403 and no change to the database.  The routes are read
# from the worker itself, so a new POST route is covered without a word
# here.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan SA --incidents 3

signup victim@example.com 'a long pass phrase' Vic Tim work
profile_fill victim@example.com
get /requests
post /requests/new
D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
get "/drafts/$D"
MINE=$(csrf_token)
JAR=$T/other signup other@example.com 'a long pass phrase' O T personal
JAR=$T/other profile_fill other@example.com
JAR=$T/other get /requests
OTHER=$(JAR=$T/other csrf_token)
JAR=$T/anon get /signin
PRE=$(JAR=$T/anon csrf_token)
JAR=$T/eng engineer eng@vendor.example Eve Engineer EMEA
JAR=$T/eng get /queue
ENG=$(JAR=$T/eng csrf_token)

# fields that would make each route do its work with the right token
fields() {
	case "$1" in
	/signin) echo "email=victim@example.com&password=a+long+pass+phrase" ;;
	/signup) echo "email=new@example.com&password=a+long+pass+phrase&first=N&last=N&kind=work" ;;
	/lang) echo "lang=pl&next=/" ;;
	/password) echo "current=a+long+pass+phrase&password=another+long+phrase" ;;
	/profile) echo "contact_email=x@example.com&country=DE&tz=Europe/Berlin&lang=pl&method=email" ;;
	/contracts/activate|*/activate) echo "access_id=$AID&contract_id=$CID" ;;
	*/step) echo "step=1&action=refresh&title=forged" ;;
	*/take) echo "owner=0&confirm=yes" ;;
	*/hand) echo "to=1" ;;
	*/notes) echo "note=forged" ;;
	*/contacts/primary) echo "primary=forged%40example.com&confirm=yes" ;;
	*) echo "x=1" ;;
	esac
}

n=0
while read -r method path flags; do
	[ "$method" = POST ] || continue
	n=$((n + 1))
	p=${path//:id/$D}
	f=$(fields "$p")
	if [[ $flags == *engineer* ]]; then jar=$T/eng; right=$ENG
	elif [[ $flags == *login* ]]; then jar=$T/jar; right=$MINE
	else jar=$T/anon; right=$PRE; fi
	for forged in none empty wrong foreign origin fetchsite query; do
		case $forged in
		none) data="$f"; hdr=() ;;
		empty) data="$f&csrf="; hdr=() ;;
		wrong) data="$f&csrf=$(printf '%064d' 7)"; hdr=() ;;
		foreign) data="$f&csrf=$OTHER"; hdr=() ;;
		origin) data="$f&csrf=$right"; hdr=(-H "Origin: http://evil.example") ;;
		fetchsite) data="$f&csrf=$right"; hdr=(-H "Sec-Fetch-Site: cross-site") ;;
		query) data="$f"; hdr=() ; p2="$p?csrf=$right" ;;
		esac
		[ $forged = query ] || p2=$p
		before=$(db_hash)
		status=$(curl -s -o "$T/body" -w '%{http_code}' -b "$jar" "${hdr[@]}" \
			--data "$data" "$BASE$p2")
		after=$(db_hash)
		if [ "$status" = 403 ] && [ "$before" = "$after" ]; then
			ok "E.21 POST $path with a $forged token: 403, nothing changed"
		else
			not_ok "E.21 POST $path with a $forged token: $status, database $( [ "$before" = "$after" ] && echo unchanged || echo CHANGED)"
		fi
	done
	# the right token does get through (so the 403s above are the token's);
	# a fresh anonymous browser for the routes that need no sign-in
	if [[ $flags != *login* ]]; then
		jar=$T/anon$n
		JAR=$jar get /signin
		right=$(JAR=$jar csrf_token)
	fi
	status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" --data "$(fields "$p")&csrf=$right" "$BASE$p")
	check "E.21 POST $path with the right token is not refused as forged ($status)" test "$status" != 403
	if [ "$p" = /signout ] || [ "$p" = /password ]; then	# sign in again
		pw='a long pass phrase'
		[ "$p" = /password ] && pw='another long phrase'
		signin victim@example.com "$pw" >/dev/null
		get "/drafts/$D"
		MINE=$(csrf_token)
	fi
done < <("$BIN" --routes)
check "E.21 the route table has POST routes to walk ($n)" test "$n" -ge 10

# a GET on a POST-only path: 405 (E.21)
for p in /signout /requests/new "/drafts/$D/submit" /contracts/activate; do
	get "$p"
	expect_eq "E.21 GET $p gets 405" "$STATUS" 405
done
