#!/bin/bash
# C.14: wrong Access ID + Contract ID guesses are limited to 10 per
# account and 30 per address an hour; a refused guess is not looked up.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5

# the ASan build is slower: fewer guesses there, the same limits
N=10000
[[ $BIN == *asan* ]] && N=2000

signup guesser@example.com 'a long pass phrase' Gus Guesser work
profile_fill guesser@example.com
get /contracts
tok=$(csrf_token)
# N wrong guesses over one connection, one curl; the config written by
# one awk, not a process a guess
awk -v n="$N" -v jar="$T/jar" -v base="$BASE" -v tok="$tok" 'BEGIN {
	for (i = 1; i <= n; i++) {
		if (i > 1)
			print "next"
		printf "silent\ncookie = \"%s\"\nurl = \"%s/contracts/activate\"\n", jar, base
		# a different well-formed Access ID each time (octal digits as 2-9)
		o = sprintf("%05o", i)
		id = ""
		for (k = 1; k <= 5; k++)
			id = id (substr(o, k, 1) + 2)
		printf "data = \"csrf=%s&access_id=23456-%s&contract_id=ABCDE-FGHJK\"\n", tok, id
		printf "output = \"/dev/null\"\nwrite-out = \"%%{http_code}\\n\"\n"
	}
}' >"$T/guess.cfg"
start=$(date +%s)
curl -s -K "$T/guess.cfg" >"$T/guess.out" 2>/dev/null
echo "# $N guesses in $(( $(date +%s) - start )) s"
evaluated=$(grep -c ' activate fail account=' "$VAR/log/supportal.log")
expect_eq "C.14 exactly 10 of $N wrong guesses are evaluated" "$evaluated" 10
expect_eq "C.14 the first 10 get the not-found page, the rest 429" \
	"$(uniq -c "$T/guess.out" | awk '{print $1 "x" $2}' | tr '\n' ' ')" "10x422 $((N - 10))x429 "
get /contracts
post /contracts/activate "access_id=$AID" "contract_id=$CID"
expect_eq "C.14 the right pair as guess #11 is refused too" "$STATUS" 429
check "C.14 the page says why" grep -q 'adding contracts is paused' "$T/body"
expect_eq "C.14 ... and nothing was activated" "$(db 'SELECT count(*) FROM activations')" 0

# 100 accounts from one address: at most 30 guesses evaluated in the hour
: >"$T/many.out"
for i in $(seq 100); do
	JAR=$T/m$i
	export JAR
	signup "m$i@example.com" 'a long pass phrase' M "N$i" personal >/dev/null
	profile_fill "m$i@example.com" >/dev/null
	get /contracts
	post /contracts/activate "access_id=ZZZZZ-ZZZZ$(( i % 8 + 2 ))" "contract_id=ABCDE-FGHJK"
	echo "$STATUS" >>"$T/many.out"
done
unset JAR
total=$(grep -c ' activate fail account=.* ip=127.0.0.1$' "$VAR/log/supportal.log")
expect_eq "C.14 one address: 30 guesses evaluated in the hour, whatever the accounts" "$total" 30
expect_eq "C.14 ... the 10 above plus 20 of the 100 accounts; 80 get 429" "$(grep -c 429 "$T/many.out")" 80
check "C.14 the throttle is logged" grep -q 'activate throttled' "$VAR/log/supportal.log"
