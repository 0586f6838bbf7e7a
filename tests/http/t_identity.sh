#!/bin/bash
# Identity you can trust (R14.1-R14.10, SECURITY.md M.53-M.55, M.58, M.64):
# sign-up that signs nobody in and tells nobody whether an address has an
# account, the mailed single-use links, what an unproven address reaches
# (nothing of a request: M.53 end to end), forgotten passwords, the
# sessions page, name and address changes, the staff mark, one's data and
# deleting the account, and two-step sign-in checked against Debian's
# oathtool.  The figures and the load (throttles, timing, the write lock,
# held replies) are in t_identity2.sh.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5

PW='a long pass phrase'
mails() { db "SELECT count(*) FROM outbox WHERE recipient = '$1'${2:+ AND subject = '$2'}"; }
# the same page for another id: the request id of the log line and the
# path the language switch returns to taken out (as t_request_page.sh)
norm() { sed 's/[0-9a-f]\{16\}//g; s|value="/[a-z]*/[0-9]*"||g' "$T/body"; }
# status_of PATH with a cookie header only (no jar)
status_of() { curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: sid=$2" "$BASE$1"; }

# ---- R14.1, R14.2: sign-up answers alike, signs nobody in, mails a link
JAR=$T/ann
signup_only ann@example.com "$PW" Ann Able personal
expect_eq "R14.1 sign-up answers 303 to /signup/sent" "$STATUS $(header Location)" "303 /signup/sent"
check "R14.1 ... and sets no session cookie" bash -c "! grep -qi '^Set-Cookie: sid=' '$T/headers'"
grep -iv '^date:' "$T/headers" >"$T/h_new"; cp "$T/body" "$T/b_new"
get /
expect_eq "R14.1 ... and signs nobody in" "$(header Location)" "/signin?next=/"
get /signup/sent
expect_eq "R14.1 the 'check your mail' page" "$STATUS" 200
check "R14.1 ... says to follow the link" grep -q 'Follow the link in it' "$T/body"
a=$(acct ann@example.com)
expect_eq "R14.1 the account is made, unverified" "$(db "SELECT verified FROM accounts WHERE id = $a")" 0
expect_eq "R14.1 one mail to the address, with a link" \
	"$(db "SELECT count(*) FROM outbox WHERE recipient = 'ann@example.com' AND secret = 1 AND body LIKE '%$BASE/verify?t=%'")" 1
expect_eq "#19 the mail was queued as data and rendered before the answer: its values, with the link, are gone" \
	"$(db "SELECT count(*) FILTER (WHERE recipient = 'ann@example.com' AND tpl = 'verify' AND lang = 'en'), count(*) FILTER (WHERE vars IS NOT NULL) FROM outbox")" "1|0"
t1=$(mail_link ann@example.com /verify)
check "M.53 the token is 64 hex digits (256 bits)" test "${#t1}" = 64
expect_eq "M.53 only its SHA-256 is stored, valid 24 h" \
	"$(db "SELECT count(*) FROM account_tokens WHERE token_hash = '$(sha "$t1")' AND purpose = 'verify' AND expires - created = 86400")" 1
expect_eq "M.53 ... the token itself in no table but the undelivered mail" \
	"$(db_dump | grep -F "$t1" | grep -vc '^INSERT INTO outbox')" 0

JAR=$T/ann2
signup_only ann@example.com 'someone else typing' Someone Else work
grep -iv '^date:' "$T/headers" >"$T/h_taken"
check "R14.2 a taken address gets the same status, headers and body as a new one" \
	bash -c "cmp -s '$T/h_new' '$T/h_taken' && cmp -s '$T/b_new' '$T/body'"
expect_eq "R14.2 ... nothing changed on the account" \
	"$(db "SELECT first_name || ' ' || kind || ' ' || verified FROM accounts WHERE id = $a")" "Ann personal 0"
expect_eq "R14.2 the owner gets one 'exists' mail with a reset link" \
	"$(db "SELECT count(*) FROM outbox WHERE recipient = 'ann@example.com' AND subject = 'This address already has an account' AND body LIKE '%$BASE/reset?t=%'")" 1
signup_only ann@example.com 'someone else typing' Someone Else work
expect_eq "R14.2 a second try within 5 minutes: the same answer, no second mail" \
	"$STATUS $(header Location) $(mails ann@example.com 'This address already has an account')" "303 /signup/sent 1"
signup_only ' ANN@Example.COM ' 'someone else typing' Someone Else work
expect_eq "R14.2 the address written otherwise (case, blanks) is the same address: same answer" \
	"$STATUS $(header Location)" "303 /signup/sent"
expect_eq "R14.2 ... and still one account for the address" \
	"$(db "SELECT count(*) FROM accounts WHERE lower(email) LIKE '%ann@example.com%'")" 1

# ---- M.53: links that are malformed, expired, another's or used
JAR=$T/ann
signin ann@example.com "$PW"
expect_eq "R14.1 an unverified account signs in" "$(header Location)" /
get "/verify?t=nothex"
expect_eq "M.53 a malformed link: the dead-link page (404)" "$STATUS" 404
check "M.53 ... which says so" grep -q 'This link cannot be used' "$T/body"
get "/verify?t=$(printf '%064d' 7)"
post /verify "t=$(printf '%064d' 7)"
expect_eq "M.53 an unknown token: 404" "$STATUS" 404
# another account's link, followed in Ann's browser, proves Ann nothing
JAR=$T/bob signup_only bob@example.com "$PW" Bob Bauer personal
tb=$(mail_link bob@example.com /verify)
get "/verify?t=$tb"
post /verify "t=$tb"
expect_eq "M.53 another account's link leaves this account unverified" \
	"$(db "SELECT verified FROM accounts WHERE id = $a")" 0
expect_eq "M.53 ... (it proves its own: 303 to sign-in)" "$(header Location)" "/signin?verified=1"
db "UPDATE account_tokens SET expires = unixepoch() - 1 WHERE token_hash = '$(sha "$t1")'"
get "/verify?t=$t1"
post /verify "t=$t1"
expect_eq "M.53 an expired link: 404, still unverified" \
	"$STATUS $(db "SELECT verified FROM accounts WHERE id = $a")" "404 0"

# "send the link again": a new link, the old ones void; five an hour
get /profile
profile_fill ann@example.com >/dev/null
get /account
check "R14.1 the account page says the address is not confirmed" grep -q 'Your address is not confirmed yet' "$T/body"
check "R14.1 ... and offers to send the link again" grep -q 'action="/verify/again"' "$T/body"
post /verify/again
expect_eq "R14.1 send the link again" "$(header Location)" "/account?again=sent"
t2=$(mail_link ann@example.com /verify)
check "R14.1 ... a new link is mailed" test -n "$t2" -a "$t2" != "$t1"
for i in 2 3 4 5; do get /account; post /verify/again; done
expect_eq "R14.1 the fifth time in the hour still sends" "$(header Location)" "/account?again=sent"
n=$(mails ann@example.com 'Confirm your email address')
get /account
post /verify/again
expect_eq "R14.1 the sixth in the hour is refused" "$(header Location)" "/account?again=wait"
expect_eq "R14.1 ... and mails nothing" "$(mails ann@example.com 'Confirm your email address')" "$n"
get /account?again=wait
check "R14.1 ... the page says to wait" grep -q 'Wait an hour' "$T/body"
t6=$(mail_link ann@example.com /verify)
get "/verify?t=$t2"
post /verify "t=$t2"
expect_eq "M.53 a link replaced by a newer one: 404" "$STATUS" 404
get "/verify?t=$t6"
expect_eq "R14.1 the link opens a page with a confirm button (a GET proves nothing)" \
	"$STATUS $(db "SELECT verified FROM accounts WHERE id = $a")" "200 0"
check "R14.1 ... the button posts the token" grep -q "name=\"t\" value=\"$t6\"" "$T/body"
post /verify "t=$t6"
expect_eq "R14.1 the newest link proves the address (signed in: to the account page)" \
	"$(header Location) $(db "SELECT verified FROM accounts WHERE id = $a")" "/account?verified=1 1"
get "/verify?t=$t6"
post /verify "t=$t6"
expect_eq "M.53 a used link: 404" "$STATUS" 404
"$CTL" send-mail >/dev/null
expect_eq "R14.1 once delivered, a mail with a link is emptied in the outbox" \
	"$(db "SELECT count(*) FROM outbox WHERE secret = 1 AND sent IS NOT NULL AND body <> ''")" 0
check "R14.1 ... the delivered mail had the link" grep -lq "$t6" "$VAR"/spool/mail/*.eml
expect_eq "M.53 ... and no table holds a token any more" \
	"$(db_dump | grep -cE "t=[0-9a-f]{64}")" 0

# ---- M.53 end to end: an unproven address reaches nothing of a request
JAR=$T/ewa
customer ewa@example.com Ewa Lis work >/dev/null
request_with_file "Ewa Lis" ewa@example.com c@example.com "confidential log line"
F=$(db "SELECT id FROM attachments WHERE request_id = $R")
check "M.53 a request naming c@example.com, with an attachment" test -n "$R" -a -n "$F"
get /requests
post /requests/new
D2=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')

# a stranger signs up with c@example.com and does not follow the link
JAR=$T/c
signup_only c@example.com "$PW" Cee Contact personal
signin c@example.com "$PW"
profile_fill c@example.com >/dev/null
# a verified stranger of the same name and kind, for what a stranger gets
JAR=$T/s signup s@example.com "$PW" Cee Contact personal >/dev/null
JAR=$T/s profile_fill s@example.com >/dev/null
JAR=$T/c get "/requests?status=all"
expect_eq "M.53 the unproven address's list does not show the request" \
	"$STATUS $(grep -c "href=\"/requests/$R\"" "$T/body") $(grep -o '>[0-9]* requests found' "$T/body")" \
	"200 0 >0 requests found"
for p in "/requests/$R" "/attachments/$F" "/drafts/$D2"; do
	JAR=$T/c get "$p"; norm >"$T/c.out"; st=$STATUS
	JAR=$T/s get "$p"; norm >"$T/s.out"
	expect_eq "M.53 unproven: $p is 404" "$st" 404
	check "M.53 ... the same page as a stranger's" cmp -s "$T/c.out" "$T/s.out"
	JAR=$T/c get "${p%/*}/999999"; norm >"$T/m.out"
	check "M.53 ... and as a missing one's" cmp -s "$T/c.out" "$T/m.out"
done
JAR=$T/c get /account/data
check "M.53 the unproven address's data export holds no request or message" \
	python3 -c "import json,sys; d=json.load(open('$T/body')); sys.exit(0 if d['requests']==[] and d['messages']==[] else 1)"
h=$(db_hash)
JAR=$T/c get /requests
for p in "/requests/$R/messages body=mine" "/requests/$R/contacts email=x@example.com" \
	"/requests/$R/close" "/requests/new" "/drafts/$D2/step step=1" "/drafts/$D2/discard" \
	"/ppi/start offer=one" "/ppi/card holder=C"; do
	JAR=$T/c post $p
	expect_eq "R14.1 unproven: POST ${p%% *} gets 403" "$STATUS" 403
done
check "R14.1 ... a page that says to confirm the address" grep -q 'Confirm your address first' "$T/body"
check "R14.1 ... and offers the link again" grep -q 'action="/verify/again"' "$T/body"
expect_eq "R14.1 ... and nothing changed" "$(db_hash)" "$h"
issue --programme sa --plan "SA for C" --incidents 1
JAR=$T/c get /contracts
JAR=$T/c post /contracts/activate "access_id=$AID" "contract_id=$CID"
expect_eq "R14.1 an unproven account activates a contract" \
	"$(db "SELECT count(*) FROM activations WHERE account_id = $(acct c@example.com)")" 1
JAR=$T/c verify c@example.com
expect_eq "M.53 after following the link: verified" "$(db "SELECT verified FROM accounts WHERE email = 'c@example.com'")" 1
JAR=$T/c get "/requests?status=all"
check "M.53 ... the list shows the request" grep -q "href=\"/requests/$R\"" "$T/body"
JAR=$T/c get "/requests/$R"
expect_eq "M.53 ... its page opens" "$STATUS" 200
JAR=$T/c get "/attachments/$F"
expect_eq "M.53 ... its attachment downloads" "$STATUS $(cat "$T/body")" "200 confidential log line"
JAR=$T/s get "/requests/$R"
expect_eq "M.53 the stranger still gets 404" "$STATUS" 404

# ---- R14.3, M.55: forgotten passwords
# iface_post IFACE PATH FIELDS...: a form POST from another client address
iface_post() {
	local ip=$1 path=$2 args=() f
	shift 2
	for f in "$@"; do args+=(--data-urlencode "$f"); done
	http POST "$path" --interface "$ip" --data-urlencode "csrf=$(csrf_token)" "${args[@]}"
}
JAR=$T/anon
get /signin
check "R14.3 the sign-in page offers 'Forgot your password?'" grep -q 'href="/forgot"' "$T/body"
get /forgot
post /forgot email=nobody@example.com
cp "$T/body" "$T/b_unknown"; grep -iv '^date:' "$T/headers" >"$T/h_unknown"
expect_eq "R14.3 an unknown address: 303 to /forgot?sent=1" "$STATUS $(header Location)" "303 /forgot?sent=1"
expect_eq "R14.3 ... and no mail" "$(mails nobody@example.com)" 0
get /forgot
post /forgot email=Ewa@Example.com
grep -iv '^date:' "$T/headers" >"$T/h_known"
check "M.55 a known address gets the same status, headers and body" \
	bash -c "cmp -s '$T/h_unknown' '$T/h_known' && cmp -s '$T/b_unknown' '$T/body'"
tr1=$(mail_link ewa@example.com /reset)
expect_eq "R14.3 ... and a mail with a link valid 1 h, stored as its hash" \
	"$(db "SELECT count(*) FROM account_tokens WHERE token_hash = '$(sha "$tr1")' AND purpose = 'reset' AND expires - created = 3600")" 1
get /forgot?sent=1
check "R14.3 the page says a link was sent if the address has an account" grep -q 'If an account uses that address' "$T/body"
n=$(mails ewa@example.com 'Choose a new password')
get /forgot
post /forgot email=ewa@example.com
expect_eq "M.55 a second request within 5 minutes: same answer, no second mail" \
	"$(header Location) $(mails ewa@example.com 'Choose a new password')" "/forgot?sent=1 $n"
get "/reset?t=$(printf '%064d' 3)"
expect_eq "R14.3 an unknown reset link: 404" "$STATUS" 404
get "/reset?t=$tr1"
expect_eq "R14.3 the live link shows the form" "$STATUS" 200
check "R14.3 ... for a new password" grep -q 'name="password"' "$T/body"

# Ewa is signed in on two browsers and locked out of a third by 10 failures
JAR=$T/ewa2 signin ewa@example.com "$PW" >/dev/null
for i in $(seq 10); do JAR=$T/lock signin ewa@example.com "wrong guess $i" >/dev/null; done
JAR=$T/lock signin ewa@example.com "$PW"
expect_eq "R14.3 locked out after 10 failures (A.6)" "$STATUS" 429
JAR=$T/anon get "/reset?t=$tr1"
JAR=$T/anon post /reset "t=$tr1" "password=short"
expect_eq "R14.3 a new password must still meet the rules (A.3)" "$STATUS" 422
JAR=$T/anon post /reset "t=$tr1" "password=a reset pass phrase"
expect_eq "R14.3 the reset: 303 to /signin?reset=1" "$STATUS $(header Location)" "303 /signin?reset=1"
for j in ewa ewa2; do
	JAR=$T/$j get /requests
	expect_eq "R14.3 every session ended: browser $j is signed out" "$(JAR=$T/$j header Location)" "/signin?next=/requests"
done
expect_eq "R14.3 ... no session row left" "$(db "SELECT count(*) FROM sessions WHERE account_id = $(acct ewa@example.com)")" 0
JAR=$T/lock signin ewa@example.com "a reset pass phrase"
expect_eq "R14.3 the lock-out is cleared: the locked browser signs in with the new password" "$(header Location)" /
JAR=$T/x signin ewa@example.com "$PW"
expect_eq "R14.3 the old password no longer works" "$STATUS" 422
JAR=$T/anon get "/reset?t=$tr1"
expect_eq "R14.3 the link works once (GET)" "$STATUS" 404
JAR=$T/anon post /reset "t=$tr1" "password=another pass phrase"
expect_eq "R14.3 the link works once (POST)" "$STATUS" 404
JAR=$T/ewa signin ewa@example.com "a reset pass phrase" >/dev/null
PWE="a reset pass phrase"
# an expired link
db "DELETE FROM account_tokens WHERE purpose = 'reset'"
JAR=$T/anon get /forgot
JAR=$T/anon post /forgot email=bob@example.com
tr2=$(mail_link bob@example.com /reset)
db "UPDATE account_tokens SET expires = unixepoch() - 1 WHERE token_hash = '$(sha "$tr2")'"
JAR=$T/anon get "/reset?t=$tr2"
expect_eq "M.55 a link older than an hour: 404" "$STATUS" 404
# throttles: 10 an hour per address, 30 an hour per client
JAR=$T/anon get /forgot
codes=""
# (one above for bob@, from 127.0.0.1)
for i in $(seq 10); do JAR=$T/anon iface_post 127.0.0.30 /forgot email=bob@example.com; codes="$codes $STATUS"; done
expect_eq "M.55 11 requests for one address in the hour: 10 answered, the 11th 429" "$codes" \
	" 303 303 303 303 303 303 303 303 303 429"
check "M.55 ... with a page that says why" grep -q 'Too many requests for this address' "$T/body"
expect_eq "M.55 ... and one mail (one per 5 minutes)" "$(mails bob@example.com 'Choose a new password')" 1
codes=""
for i in $(seq 31); do JAR=$T/anon iface_post 127.0.0.31 /forgot "email=n$i@example.com"; codes="$codes $STATUS"; done
expect_eq "M.55 31 requests from one client: 30 answered, the 31st 429" \
	"$(echo $codes | tr ' ' '\n' | sort | uniq -c | awk '{print $1 "x" $2}' | tr '\n' ' ')" "30x303 1x429 "
expect_eq "M.55 ... the refused one was the last" "${codes##* }" 429
JAR=$T/anon iface_post 127.0.0.32 /forgot "email=n99@example.com"
expect_eq "M.55 another client is not held back" "$STATUS" 303

# ---- R14.7: the sessions page
# signin_ua AGENT EMAIL PASSWORD: sign in on $JAR as browser AGENT
signin_ua() {
	get /signin
	http POST /signin -A "$1" --data-urlencode "csrf=$(csrf_token)" \
		--data-urlencode "email=$2" --data-urlencode "password=$3"
}
JAR=$T/sa signup sam@example.com "$PW" Sam Sessions work >/dev/null
JAR=$T/sa profile_fill sam@example.com >/dev/null
JAR=$T/sa signin_ua 'Browser-A/1.0' sam@example.com "$PW"
JAR=$T/sb signin_ua 'Browser-B/2.0' sam@example.com "$PW"
sam=$(acct sam@example.com)
JAR=$T/sa get /account
expect_eq "R14.7 the account page lists every live session (one row a browser)" \
	"$(grep -c 'name="session" value="[0-9]*"' "$T/body")" \
	"$(db "SELECT count(*) FROM sessions WHERE account_id = $sam AND ended = 0")"
check "R14.7 ... with each browser" bash -c "grep -q 'Browser-A/1.0' '$T/body' && grep -q 'Browser-B/2.0' '$T/body'"
check "R14.7 ... its client address" grep -q '<td>127.0.0.1</td>' "$T/body"
check "R14.7 ... and this browser marked" grep -q '<tr class="this">.*Browser-A/1.0' "$T/body"
sb_id=$(db "SELECT id FROM sessions WHERE token_hash = '$(sha "$(sid "$T/sb")")'")
sa_id=$(db "SELECT id FROM sessions WHERE token_hash = '$(sha "$(sid "$T/sa")")'")
check "R14.7 ... with a form to end browser B's session" grep -q "name=\"session\" value=\"$sb_id\"" "$T/body"
# a stranger cannot end it
JAR=$T/s get /account
JAR=$T/s post /account/sessions/end "session=$sb_id"
expect_eq "R14.7 a stranger ending another account's session: 404" "$STATUS" 404
expect_eq "R14.7 ... the session stays" "$(db "SELECT count(*) FROM sessions WHERE id = $sb_id")" 1
JAR=$T/sb get /account
expect_eq "R14.7 ... and browser B is still signed in" "$STATUS" 200
JAR=$T/sa get /account
JAR=$T/sa post /account/sessions/end "session=$sb_id"
expect_eq "R14.7 ending browser B's session" "$(header Location)" "/account?ended=1"
JAR=$T/sb get /account
expect_eq "R14.7 ... signs browser B out" "$(header Location)" "/signin?next=/account"
JAR=$T/sa get "/account?ended=1"
expect_eq "R14.7 ... browser A stays signed in" "$STATUS" 200
check "R14.7 ... the page says the session was ended" grep -q 'The session has been ended' "$T/body"
check "R14.7 ... and lists browser B no more" bash -c "! grep -q 'Browser-B/2.0' '$T/body'"
# a password change keeps only the session that made it, under a new id
JAR=$T/sb signin_ua 'Browser-B/2.0' sam@example.com "$PW"
old=$(sid "$T/sa")
JAR=$T/sa get /password
JAR=$T/sa post /password "current=$PW" "password=a changed pass phrase"
expect_eq "R14.7 a password change" "$(JAR=$T/sa header Location)" "/password?done=1"
new=$(sid "$T/sa")
check "R14.7 ... gives this browser a new cookie value" test -n "$new" -a "$new" != "$old"
expect_eq "R14.7 ... the same session row goes on" \
	"$(db "SELECT id FROM sessions WHERE token_hash = '$(sha "$new")'")" "$sa_id"
expect_eq "R14.7 ... the old value no longer works" "$(status_of /account "$old")" "303 $BASE/signin?next=/account"
expect_eq "R14.7 ... the new one does" "$(status_of /account "$new")" "200 "
JAR=$T/sb get /account
expect_eq "R14.7 ... the other browser is signed out" "$(JAR=$T/sb header Location)" "/signin?next=/account"
expect_eq "R14.7 ... one session row left" "$(db "SELECT count(*) FROM sessions WHERE account_id = $sam")" 1
JAR=$T/sa get /account
JAR=$T/sa post /account/sessions/end "session=$sa_id"
expect_eq "R14.7 ending this browser's own session signs it out" "$(JAR=$T/sa header Location)" /signin
JAR=$T/sa get /account
expect_eq "R14.7 ... for good" "$(JAR=$T/sa header Location)" "/signin?next=/account"

# ---- R14.8: name and address
JAR=$T/nina signup nina@example.com "$PW" Nina Old personal >/dev/null
JAR=$T/nina profile_fill nina@example.com >/dev/null
nina=$(acct nina@example.com)
JAR=$T/nina get /account
check "R14.8 the account page has the name form, filled in" \
	bash -c "grep -q 'action=\"/account/name\"' '$T/body' && grep -q 'value=\"Nina\"' '$T/body'"
JAR=$T/nina post /account/name first=Nina "last=Nowak-Kowalska"
expect_eq "R14.8 the name is changed" \
	"$(JAR=$T/nina header Location) $(db "SELECT first_name || ' ' || last_name FROM accounts WHERE id = $nina")" \
	"/account?name=1 Nina Nowak-Kowalska"
JAR=$T/nina get "/account?name=1"
check "R14.8 ... the page says so" grep -q 'Your name has been saved' "$T/body"
check "R14.8 ... and the header shows the new name" grep -q 'Nina Nowak-Kowalska' "$T/body"
JAR=$T/anon get /forgot
JAR=$T/anon post /forgot email=nina@example.com
tro=$(mail_link nina@example.com /reset)
JAR=$T/nina get /account
JAR=$T/nina post /account/email email=nina.first@example.org
JAR=$T/nina get /account
JAR=$T/nina post /account/email email=Nina.New@Example.org
expect_eq "R14.8 a new address: 303 to /account?email=1" "$(JAR=$T/nina header Location)" "/account?email=1"
expect_eq "R14.8 ... it waits for its link; the sign-in address is unchanged" \
	"$(db "SELECT email || ' ' || pending_email FROM accounts WHERE id = $nina")" "nina@example.com nina.new@example.org"
JAR=$T/nina get "/account?email=1"
check "R14.8 ... the page says a link was sent" grep -q 'We have sent a link to the new address' "$T/body"
check "R14.8 ... and shows the address waiting" grep -q 'Waiting for confirmation: <strong>nina.new@example.org' "$T/body"
expect_eq "R14.8 ... the link is mailed to the new address" \
	"$(db "SELECT count(*) FROM outbox WHERE recipient = 'nina.new@example.org' AND body LIKE '%/verify?t=%'")" 1
tf=$(mail_link nina.first@example.org /verify)
JAR=$T/anon get "/verify?t=$tf"
JAR=$T/anon post /verify "t=$tf"
expect_eq "R14.8 the link of an address replaced by a later change is dead" \
	"$STATUS $(db "SELECT email FROM accounts WHERE id = $nina")" "404 nina@example.com"
JAR=$T/x signin nina.new@example.org "$PW"
expect_eq "R14.8 before the link is followed the new address does not sign in" "$STATUS" 422
JAR=$T/nina verify nina.new@example.org
expect_eq "R14.8 following the link swaps the address" \
	"$(JAR=$T/nina header Location) $(db "SELECT email || ' ' || pending_email || verified FROM accounts WHERE id = $nina")" \
	"/account?verified=1 nina.new@example.org 1"
JAR=$T/x signin nina.new@example.org "$PW"
expect_eq "R14.8 the new address signs in" "$(JAR=$T/x header Location)" /
JAR=$T/x2 signin nina@example.com "$PW"
expect_eq "R14.8 the old one no longer does" "$STATUS" 422
expect_eq "R14.8 the old address is told" \
	"$(db "SELECT count(*) FROM outbox WHERE recipient = 'nina@example.com' AND subject = 'Your sign-in address was changed' AND body LIKE '%nina.new@example.org%'")" 1
JAR=$T/anon get "/reset?t=$tro"
JAR=$T/anon post /reset "t=$tro" "password=whoever reads the old box"
expect_eq "R14.3 R14.8 a reset link mailed to the old address before the change is dead after it" "$STATUS" 404
NPW=$PW
[ "$STATUS" = 303 ] && NPW="whoever reads the old box"	# (it ended Nina's sessions)
JAR=$T/x3 signin nina.new@example.org "$PW"
expect_eq "R14.3 R14.8 ... the password is unchanged" "$(JAR=$T/x3 header Location)" /
JAR=$T/nina signin nina.new@example.org "$NPW" >/dev/null
# two accounts asking for one new address: the second link finds it taken
JAR=$T/p signup p@example.com "$PW" Pat One personal >/dev/null
JAR=$T/p profile_fill p@example.com >/dev/null
JAR=$T/p get /account
JAR=$T/p post /account/email email=shared@example.com
tp=$(mail_link shared@example.com /verify)
JAR=$T/nina get /account
JAR=$T/nina post /account/email email=shared@example.com
tq=$(mail_link shared@example.com /verify)
JAR=$T/p get "/verify?t=$tp"; JAR=$T/p post /verify "t=$tp"
JAR=$T/nina get "/verify?t=$tq"
JAR=$T/nina post /verify "t=$tq"
expect_eq "R14.8 the second of two accounts to follow a link to one new address: 404" "$STATUS" 404
check "R14.8 ... saying the address belongs to another account now" grep -q 'now belongs to another account' "$T/body"
expect_eq "R14.8 ... and its address is unchanged" "$(db "SELECT email FROM accounts WHERE id = $nina")" nina.new@example.org
# to an address that has an account: the same answer, nothing changes
JAR=$T/nina get /account
h=$(db "SELECT email || pending_email FROM accounts WHERE id = $nina")
n=$(mails bob@example.com 'This address already has an account')
JAR=$T/nina post /account/email email=bob@example.com
expect_eq "R14.8 a taken address: the same answer" "$(JAR=$T/nina header Location)" "/account?email=1"
expect_eq "R14.8 ... nothing changes on the account" "$(db "SELECT email || pending_email FROM accounts WHERE id = $nina")" "$h"
expect_eq "R14.8 ... its owner gets the 'exists' mail" "$(mails bob@example.com 'This address already has an account')" $((n + 1))
expect_eq "R14.8 ... and no link to bob@ is made for Nina" \
	"$(db "SELECT count(*) FROM account_tokens WHERE account_id = $nina AND email = 'bob@example.com'")" 0

# ---- R14.10, M.64: the staff mark comes from the role, never a name
JAR=$T/anon
for n in "Vendor Support" "SUPPORT Desk" "Ann Sup-port" "Tech supporter"; do
	signup_only "mark$RANDOM@example.com" "$PW" "${n%% *}" "${n#* }" personal
	expect_eq "R14.10 sign-up as '$n' is refused (422)" "$STATUS" 422
done
check "R14.10 ... saying why" grep -q 'Choose a name that does not contain' "$T/body"
expect_eq "R14.10 ... and no account is made" "$(db "SELECT count(*) FROM accounts WHERE email LIKE 'mark%'")" 0
signup_only mark.look@example.com "$PW" Ann "Ѕupport" personal
expect_eq "R14.10 a look-alike letter (Cyrillic Ѕ in 'Ѕupport') is refused too" "$STATUS" 422
JAR=$T/nina get /account
JAR=$T/nina post /account/name first=Vendor last=Support
expect_eq "R14.10 renaming oneself 'Vendor Support' is refused (422)" "$STATUS" 422
check "R14.10 ... saying why" grep -q 'Choose a name that does not contain' "$T/body"
expect_eq "R14.10 ... and the name is unchanged" \
	"$(db "SELECT last_name FROM accounts WHERE id = $nina")" "Nowak-Kowalska"
# an engineer and a customer post on request R
JAR=$T/eng engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/eng get "/queue/$R"
JAR=$T/eng post "/queue/$R/messages" "body=Engineer says hello."
JAR=$T/ewa get "/requests/$R"
JAR=$T/ewa post "/requests/$R/messages" "body=Customer says thanks."
JAR=$T/ewa get "/requests/$R"
check "M.64 the engineer's message carries the mark next to the name" \
	grep -q '<strong>Eve Engineer</strong> <span class="mark">Support</span>' "$T/body"
expect_eq "M.64 ... and only it: one mark on the page" "$(grep -o 'class="mark"' "$T/body" | wc -l)" 1
check "M.64 the customer's message has no mark" grep -q '<strong>Ewa Lis</strong> ·' "$T/body"

# ---- R14.9: one's data, and deleting the account
JAR=$T/c get "/requests/$R"
JAR=$T/c post "/requests/$R/messages" "body=Contact C was here."
JAR=$T/ewa get /account/data
expect_eq "R14.9 the data download: 200" "$STATUS" 200
check "R14.9 ... as JSON" grep -qi '^Content-Type: application/json' "$T/headers"
check "R14.9 ... to be saved (Content-Disposition: attachment)" grep -qi '^Content-Disposition: attachment' "$T/headers"
cp "$T/body" "$T/ewa.json"
check "R14.9 ... it parses, with account, contracts, requests, messages, purchases" python3 -c "
import json, sys
d = json.load(open('$T/ewa.json'))
sys.exit(0 if all(k in d for k in ('account', 'contracts', 'requests', 'messages', 'purchases')) else 1)"
check "R14.9 ... the profile, the contract, request R and its thread" python3 -c "
import json, sys
d = json.load(open('$T/ewa.json'))
a = d['account'][0] if isinstance(d['account'], list) else d['account']
ok = a['email'] == 'ewa@example.com' and a.get('company') == 'Contoso' \
    and len(d['contracts']) == 1 and [r['id'] for r in d['requests']] == [$R] \
    and {m['text'] for m in d['messages']} >= {'Engineer says hello.', 'Customer says thanks.', 'Contact C was here.'}
sys.exit(0 if ok else 1)"
check "R14.9 ... and nothing of another account's" bash -c "! grep -q 'bob@example.com\|sam@example.com' '$T/ewa.json'"
cid=$(acct c@example.com)
# c (personal) saves a card and buys an incident: a purchase in its data
JAR=$T/c card_saved "Cee Contact" >/dev/null
JAR=$T/c purchase_started "version=$V"
JAR=$T/c get "/ppi/$N"
JAR=$T/c post "/ppi/$N/buy"
JAR=$T/c get /account/data
cp "$T/body" "$T/c.json"
check "R14.9 a contact's data: request R as secondary contact, its purchase" python3 -c "
import json, sys
d = json.load(open('$T/c.json'))
ok = [(r['id'], r['role']) for r in d['requests']] == [($R, 'secondary')] \
    and [p['id'] for p in d['purchases']] == [$N] and d['purchases'][0]['status'] == 'paid'
sys.exit(0 if ok else 1)"
expect_eq "R14.9 ... (a saved card)" "$(db "SELECT count(*) FROM cards WHERE account_id = $cid")" 1
# ... and an unsent draft with a file, which the deletion takes along
JAR=$T/c get /requests
JAR=$T/c post /requests/new
CD=$(JAR=$T/c header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
JAR=$T/c get "/drafts/$CD"
printf 'draft log\n' >"$T/d.log"
curl -s -o /dev/null -b "$T/c" -F "csrf=$(JAR=$T/c csrf_token)" -F step=1 -F action=upload \
	-F "files=@$T/d.log" "$BASE/drafts/$CD/step"
cfile=$(db "SELECT stored FROM attachments WHERE draft_id = $CD")
check "R14.9 ... (an unsent draft with a file on disk)" test -n "$cfile" -a -f "$VAR/attachments/$cfile"
JAR=$T/c2 signin c@example.com "$PW" >/dev/null
JAR=$T/c get /account
JAR=$T/c post /account/delete "password=not my password"
expect_eq "R14.9 deleting with a wrong password: 422, nothing deleted" \
	"$STATUS $(db "SELECT deleted FROM accounts WHERE id = $cid")" "422 0"
JAR=$T/c post /account/delete "password=$PW"
expect_eq "R14.9 deleting the account: 303 to /signin?deleted=1" "$STATUS $(JAR=$T/c header Location)" "303 /signin?deleted=1"
expect_eq "R14.9 ... the row stays, marked deleted, emptied" \
	"$(db "SELECT deleted || ' ' || first_name || last_name || phone || company FROM accounts WHERE id = $cid")" "1 "
expect_eq "R14.9 ... its sessions are gone" "$(db "SELECT count(*) FROM sessions WHERE account_id = $cid")" 0
expect_eq "R14.9 ... its activations and its card" \
	"$(db "SELECT count(*) FROM activations WHERE account_id = $cid") $(db "SELECT count(*) FROM cards WHERE account_id = $cid")" "0 0"
expect_eq "R14.9 ... its purchase stays for the ledger" "$(db "SELECT count(*) FROM purchases WHERE account_id = $cid")" 1
expect_eq "R14.9 ... its unsent draft and the draft's file row are gone" \
	"$(db "SELECT count(*) FROM drafts WHERE account_id = $cid AND request_id IS NULL") $(db "SELECT count(*) FROM attachments WHERE stored = '$cfile'")" "0 0"
check "R14.9 ... and the file itself" test ! -e "$VAR/attachments/$cfile"
JAR=$T/c2 get /requests
expect_eq "R14.9 ... its other browser is signed out" "$(JAR=$T/c2 header Location)" "/signin?next=/requests"
JAR=$T/c3 signin c@example.com "$PW"
expect_eq "R14.9 ... signing in fails" "$STATUS" 422
expect_eq "R14.9 its message stays on the request, with an empty author" \
	"$(db "SELECT author FROM messages WHERE body = 'Contact C was here.'")|$(db "SELECT count(*) FROM messages WHERE body = 'Contact C was here.'")" "|1"
JAR=$T/ewa get "/requests/$R"
check "R14.9 ... shown as 'Former user' to the other contacts" grep -q '<strong>Former user</strong>' "$T/body"
check "R14.9 ... with its text" grep -q 'Contact C was here.' "$T/body"

# ---- the new pages are valid HTML (tidy), in both languages
KNOWN='proprietary attribute "aria-current"|<select> proprietary attribute "autocomplete"|proprietary attribute "hidden"'
JAR=$T/uv signup_only uv@example.com "$PW" Una Verified personal >/dev/null
JAR=$T/uv signin uv@example.com "$PW" >/dev/null
JAR=$T/uv profile_fill uv@example.com >/dev/null
JAR=$T/anon get /forgot
JAR=$T/anon post /forgot email=nina.new@example.org
trn=$(mail_link nina.new@example.org /reset)
tidy_ok() {
	local out
	out=$(tidy -q -e "$T/body" 2>&1 | grep -vE "$KNOWN" | grep -E 'Warning|Error')
	check "tidy $1 ($2): no warnings" test -z "$out"
	[ -n "$out" ] && echo "$out" | head -5
}
for lang in en pl; do
	JAR=$T/anon get /signin; JAR=$T/anon post /lang "lang=$lang" "next=/"
	JAR=$T/nina get /account; JAR=$T/nina post /lang "lang=$lang" "next=/"
	JAR=$T/uv get /account; JAR=$T/uv post /lang "lang=$lang" "next=/"
	for p in /signup/sent /forgot "/forgot?sent=1" "/verify?t=$(printf '%064d' 1)" /verify?t=bad "/reset?t=$trn"; do
		JAR=$T/anon get "$p"; tidy_ok "$p" $lang
	done
	for p in /account "/account?email=1" "/account?again=wait"; do
		JAR=$T/nina get "$p"; tidy_ok "$p" $lang
	done
	JAR=$T/uv get /account; tidy_ok "/account (unverified)" $lang
	JAR=$T/uv post /requests/new; tidy_ok "the 403 verify-needed page" $lang
done
check "R12.1 the verify-needed page in Polish" grep -q 'Najpierw potwierdź swój adres' "$T/body"
JAR=$T/nina get /account
check "R12.1 the account page in Polish" grep -q 'Twoje konto' "$T/body"
JAR=$T/anon get /forgot
check "R12.1 the forgotten-password page in Polish" grep -q 'Nie pamiętasz hasła?' "$T/body"
