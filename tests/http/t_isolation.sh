#!/bin/bash
# One worker serving two accounts in turn never shows one's name, token
# or data to the other (issue #3 item 5; the per-request context of
# ARCHITECTURE §3): a long-lived worker keeps nothing between requests.
. "$(dirname "$0")/../lib.sh"
WORKERS=1 harness_start
pids=$(worker_pids)
JAR=$T/a signup alicja@example.com 'a long pass phrase' Alicja Zielińska work
JAR=$T/a profile_fill alicja@example.com
JAR=$T/a post /profile "contact_email=alicja@example.com" "phone=+48 22 555 0111" \
	"company=Kwiaciarnia Alicji" "country=PL" "tz=Europe/Warsaw" "lang=en" "method=email"
JAR=$T/b signup bart@example.com 'a long pass phrase' Bartholomew Quincy personal
JAR=$T/b profile_fill bart@example.com
JAR=$T/b post /profile "contact_email=bart@example.com" "phone=+1 206 555 0122" \
	"company=Quincy Widgets" "country=US" "tz=America/Los_Angeles" "lang=en" "method=email"
JAR=$T/a get /; TA=$(JAR=$T/a csrf_token)
JAR=$T/b get /; TB=$(JAR=$T/b csrf_token)
SA=$(awk '$6 == "sid" { print $7 }' "$T/a")
SB=$(awk '$6 == "sid" { print $7 }' "$T/b")
A_SECRETS="Alicja|Zielińska|alicja@example.com|Kwiaciarnia|555 0111|$TA|$SA"
B_SECRETS="Bartholomew|Quincy|bart@example.com|Quincy Widgets|555 0122|$TB|$SB"

leak=""
pages=(/ /profile /password /contracts /requests)
for round in $(seq 100); do
	for who in a b anon; do
		case $who in
		a) bad=$B_SECRETS; own=Alicja ;;
		b) bad=$A_SECRETS; own=Bartholomew ;;
		anon) bad="$A_SECRETS|$B_SECRETS"; own="" ;;
		esac
		# the five pages in turn, one curl (headers and body in each file)
		args=()
		for i in "${!pages[@]}"; do
			args+=(-o "$T/page$i" "$BASE${pages[i]}")
		done
		if ! curl -s -i -b "$T/$who" -c "$T/$who" "${args[@]}"; then
			leak="$leak round $round: $who's pages were not all fetched;"
			break 2
		fi
		for i in "${!pages[@]}"; do
			page=$(<"$T/page$i")
			if [[ $page =~ $bad ]]; then
				leak="$leak round $round: $who saw the other's data on ${pages[i]};"
				break 3
			fi
			if [ -n "$own" ] && [[ $page != *"$own"* ]]; then
				leak="$leak round $round: $who's page ${pages[i]} lacks their own name;"
				break 3
			fi
		done
		# a refused form in between (422), then the other account
		[ $who = anon ] || JAR=$T/$who post /profile "csrf=$(token_in "$T/page4")" \
			"contact_email=nope" "country=XX"
	done
done
expect_eq "5. 100 rounds of two accounts and a stranger on one worker: nothing leaked" "$leak" ""
expect_eq "5. one worker served them all" "$(worker_pids)" "$pids"
