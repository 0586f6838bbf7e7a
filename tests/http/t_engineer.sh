#!/bin/bash
# An engineer's day (R8.1, R8.2, R7.3, R11.3, R11.4, R11.11, H.38): the
# queues of one's regions soonest due first, ownership, a reply, status
# changes that stop and restart the clock with the customer's mails,
# contacts added and removed after a confirmation, the incident returned
# once however often it is clicked; no customer, stranger or engineer of
# another region reaches any of it.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5

signup ewa@example.com 'a long pass phrase' Ewa Lis work
profile_fill ewa@example.com
get /contracts
post /contracts/activate "access_id=$AID" "contract_id=$CID"

# submit TITLE SEVERITY COUNTRY: a request through the wizard; sets R
submit() {
	local d
	get /requests
	post /requests/new
	d=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
	post "/drafts/$d/step" step=1 action=next "product=$P" "version=$V" "category=$C" "problem=$X" \
		"title=$1" "description=What happens: $1."
	post "/drafts/$d/step" step=2 action=next "plan=$K" "severity=$2" "country=$3" tz=Europe/Warsaw
	post "/drafts/$d/step" step=3 action=next "pc_name=Ewa Lis" "pc_email=ewa@example.com" pc_method=email
	post "/drafts/$d/step" step=4 action=next "secondary=piotr@example.com"
	get "/drafts/$d"
	post "/drafts/$d/submit"
	R=$(db "SELECT id FROM requests WHERE draft_id = $d")
}
submit "Reports are slow" important PL; R1=$R
submit "Cluster is down" critical PL; R2=$R
submit "Backups fail in Texas" moderate US; R3=$R
check "three requests submitted" test -n "$R1" -a -n "$R2" -a -n "$R3"

JAR=$T/eng engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/olga engineer olga@vendor.example Olga Other EMEA
JAR=$T/andy engineer andy@vendor.example Andy Amer AMER
EVE=$(db "SELECT id FROM accounts WHERE email = 'eve@vendor.example'")

# R8.1: the queues of Eve's region, counted, soonest due first
JAR=$T/eng get /queue
expect_eq "R8.1 the queue page" "$STATUS" 200
check "R8.1 counted by queue: EMEA/critical 1" grep -q 'EMEA/critical</a> <span class="count">1</span>' "$T/body"
check "R8.1 ... EMEA/important 1" grep -q 'EMEA/important</a> <span class="count">1</span>' "$T/body"
expect_eq "R8.1 soonest due first, only Eve's region" \
	"$(grep -o '<tr><td>#[0-9]*</td>' "$T/body" | grep -o '[0-9]*' | tr '\n' ' ')" "$R2 $R1 "
check "R8.1 nobody owns them yet" grep -q 'Nobody yet' "$T/body"
JAR=$T/eng get "/queue?queue=EMEA%2Fimportant"
expect_eq "R8.1 one queue alone" \
	"$(grep -o '<tr><td>#[0-9]*</td>' "$T/body" | grep -o '[0-9]*' | tr '\n' ' ')" "$R1 "
JAR=$T/andy get /queue
expect_eq "R8.1 Andy's AMER queue has the Texas request only" \
	"$(grep -o '<tr><td>#[0-9]*</td>' "$T/body" | grep -o '[0-9]*' | tr '\n' ' ')" "$R3 "

# ownership
JAR=$T/eng get "/queue/$R1"
expect_eq "R8.1 the request as the engineer sees it" "$STATUS" 200
check "R8.1 ... with Take ownership" grep -q "action=\"/queue/$R1/take\"" "$T/body"
JAR=$T/eng post "/queue/$R1/take"
expect_eq "R8.1 take ownership" "$(JAR=$T/eng header Location)" "/queue/$R1?taken=1"
expect_eq "R8.1 ... Eve owns it" "$(db "SELECT owner_id FROM requests WHERE id = $R1")" "$EVE"
JAR=$T/eng get "/queue?mine=1"
expect_eq "R8.1 'Owned by you' lists it" \
	"$(grep -o '<tr><td>#[0-9]*</td>' "$T/body" | grep -o '[0-9]*' | tr '\n' ' ')" "$R1 "

# a reply, mailed to the contacts
n0=$(db "SELECT count(*) FROM outbox")
JAR=$T/eng get "/queue/$R1"
JAR=$T/eng post "/queue/$R1/messages" "body=Please send the execution plan."
expect_eq "R8.1 the engineer replies" "$(JAR=$T/eng header Location)" "/queue/$R1?sent=1#thread"
expect_eq "R11.4 ... mailed to both contacts" \
	"$(db "SELECT group_concat(recipient, ' ') FROM (SELECT recipient FROM outbox WHERE id > $n0 AND subject LIKE 'New message%' ORDER BY recipient) AS s")" \
	"ewa@example.com piotr@example.com"
get "/requests/$R1"
check "R7.2 the customer sees the reply" grep -q 'Please send the execution plan.' "$T/body"
printf 'SELECT 1;\n' >"$T/plan.txt"
JAR=$T/eng get "/queue/$R1"
tok=$(JAR=$T/eng csrf_token)
JAR=$T/eng http POST "/queue/$R1/messages" -F "csrf=$tok" -F "body=A query to run." -F "files=@$T/plan.txt"
expect_eq "R8.1 the engineer's reply carries a file (through nginx's upload location)" \
	"$(JAR=$T/eng header Location) $(db "SELECT name, size FROM attachments WHERE request_id = $R1 ORDER BY id DESC LIMIT 1")" \
	"/queue/$R1?sent=1#thread plan.txt|10"

# R11.3: waiting for the customer stops the clock
due=$(db "SELECT respond_by FROM requests WHERE id = $R1")
n0=$(db "SELECT count(*) FROM outbox")
JAR=$T/eng get "/queue/$R1"
JAR=$T/eng post "/queue/$R1/status" status=waiting
expect_eq "R8.1 status: waiting for the customer" "$(db "SELECT status, CAST(paused_left IS NOT NULL AS INTEGER) FROM requests WHERE id = $R1")" "waiting|1"
expect_eq "R11.4 ... both contacts mailed the new status" \
	"$(db "SELECT count(*) FROM outbox WHERE id > $n0 AND subject LIKE 'Request #$R1: Waiting for you'")" 2
db "SELECT body FROM outbox WHERE id > $n0 AND recipient = 'ewa@example.com'" >"$T/mail"
check "R11.4 ... saying the engineer needs an answer" grep -q 'needs your answer' "$T/mail"
JAR=$T/eng get /queue
check "R11.3 the queue shows its clock stopped" grep -q 'Stopped: waiting for the customer' "$T/body"
expect_eq "R11.3 waiting requests come last" \
	"$(grep -o '<tr><td>#[0-9]*</td>' "$T/body" | grep -o '[0-9]*' | tr '\n' ' ')" "$R2 $R1 "
left=$(db "SELECT paused_left FROM requests WHERE id = $R1")
check "R11.3 the working time left is kept ($left s)" test "$left" -ge 0
# the customer answers: the clock runs again
get "/requests/$R1"
post "/requests/$R1/messages" "body=Here is the plan."
expect_eq "R11.3 the customer's reply: in progress again, the clock running" \
	"$(db "SELECT status, CAST(paused_left IS NULL AS INTEGER), CAST(respond_by >= unixepoch() - 5 AS INTEGER) FROM requests WHERE id = $R1")" \
	"in_progress|1|1"
if [ "$left" -gt 0 ]; then
	check "R11.3 ... due no earlier than before" test "$(db "SELECT respond_by FROM requests WHERE id = $R1")" -ge "$due"
fi

# R8.1: status values refused
JAR=$T/eng get "/queue/$R1"
JAR=$T/eng post "/queue/$R1/status" status=in_progress
expect_eq "R8.1 the same status again: 422" "$STATUS" 422
check "R8.1 ... saying so" grep -q 'Choose a status other than the current one' "$T/body"
JAR=$T/eng post "/queue/$R1/status" status=deleted
expect_eq "G.28 a status that does not exist: 422" "$STATUS" 422
JAR=$T/eng get "/queue/$R1"
n0=$(db "SELECT count(*) FROM outbox")
JAR=$T/eng post "/queue/$R1/status" status=new
expect_eq "R11.4 back to new: changed, and no mail (only waiting, resolved, closed are mailed)" \
	"$(db "SELECT status FROM requests WHERE id = $R1") $(( $(db "SELECT count(*) FROM outbox") - n0 ))" "new 0"
JAR=$T/eng get "/queue/$R1"
JAR=$T/eng post "/queue/$R1/status" status=resolved
db "SELECT body FROM outbox WHERE subject LIKE 'Request #$R1: Resolved' AND recipient = 'ewa@example.com'" >"$T/mail"
check "R11.4 resolved: the mail offers to reopen" grep -q 'reopen the request within 30 days' "$T/mail"

# R7.3, R11.11: contacts added, and removed only by the owner after a yes
before=$(db_hash)
JAR=$T/olga get "/queue/$R1"
JAR=$T/olga post "/queue/$R1/contacts" "email=kasia@example.com"
expect_eq "R15.6 another engineer, not the owner, cannot add a contact: 409" "$STATUS" 409
check "R15.6 ... saying to take the request first" grep -q 'only its owner adds contacts' "$T/body"
expect_eq "R15.6 ... and nothing changed" "$(db_hash)" "$before"
JAR=$T/eng get "/queue/$R1"
JAR=$T/eng post "/queue/$R1/contacts" "email=kasia@example.com"
expect_eq "R7.3 the engineer adds a contact" "$(db "SELECT role FROM request_contacts WHERE request_id = $R1 AND email = 'kasia@example.com'")" secondary
JAR=$T/olga get "/queue/$R1"
JAR=$T/olga post "/queue/$R1/contacts/remove" "email=kasia@example.com" confirm=yes
expect_eq "R7.3 another engineer, not the owner, cannot remove: 409" "$STATUS" 409
before=$(db_hash)
JAR=$T/eng get "/queue/$R1"
JAR=$T/eng post "/queue/$R1/contacts/remove" "email=kasia@example.com"
expect_eq "R11.11 removing asks first" "$STATUS" 200
check "R11.11 ... naming who and what follows" bash -c "grep -q 'Remove the contact <strong>kasia@example.com</strong>' '$T/body' && grep -q 'will no longer see this request' '$T/body'"
expect_eq "R11.11 ... and changes nothing until yes" "$(db_hash)" "$before"
JAR=$T/eng post "/queue/$R1/contacts/remove" "email=kasia@example.com" confirm=yes
expect_eq "R7.3 yes: removed" "$(db "SELECT count(*) FROM request_contacts WHERE request_id = $R1 AND email = 'kasia@example.com'")" 0
expect_eq "R11.4 ... and told by mail" "$(db "SELECT count(*) FROM outbox WHERE recipient = 'kasia@example.com' AND subject LIKE 'You were removed from request #$R1%'")" 1
JAR=$T/eng get "/queue/$R1"
JAR=$T/eng post "/queue/$R1/contacts/remove" "email=ewa@example.com" confirm=yes
expect_eq "R7.3 the primary contact is not removed" "$STATUS:$(db "SELECT count(*) FROM request_contacts WHERE request_id = $R1 AND email = 'ewa@example.com'")" "422:1"

# R8.2: the incident returned, with its reason, in the customer's ledger
left0=$(db "SELECT incidents_left FROM contracts WHERE id = $K")
JAR=$T/eng get "/queue/$R1"
JAR=$T/eng post "/queue/$R1/return" "reason=Product defect"
expect_eq "R8.2 return the incident" "$(JAR=$T/eng header Location)" "/queue/$R1?returned=1"
expect_eq "R8.2 ... one more incident on the plan" "$(db "SELECT incidents_left FROM contracts WHERE id = $K")" $((left0 + 1))
get /contracts
check "R11.2 the customer's ledger shows it with its reason" grep -q 'Incident returned: Product defect' "$T/body"
JAR=$T/eng get "/queue/$R1"
JAR=$T/eng post "/queue/$R1/return" "reason=Again"
expect_eq "R8.2 a second return of the same request: 409" "$STATUS" 409
JAR=$T/eng post "/queue/$R1/return" "reason="
expect_eq "R8.2 a return needs a reason: 422" "$STATUS" 422

# H.38: 20 simultaneous return clicks give one credit
JAR=$T/eng get "/queue/$R2"
tok=$(JAR=$T/eng csrf_token)
left0=$(db "SELECT incidents_left FROM contracts WHERE id = $K")
for i in $(seq 20); do
	[ "$i" -gt 1 ] && echo "next"
	echo "silent"
	echo "cookie = \"$T/eng\""
	echo "url = \"$BASE/queue/$R2/return\""
	echo "data = \"csrf=$tok&reason=Defect+$i\""
	echo "output = \"/dev/null\""
	echo "write-out = \"%{http_code}\\n\""
done >"$T/par.cfg"
curl -s --parallel --parallel-max 20 -K "$T/par.cfg" >"$T/par.out" 2>/dev/null
expect_eq "H.38 20 parallel returns: one credit" \
	"$(db "SELECT count(*) FROM incident_ledger WHERE request_id = $R2 AND kind = 'return'") $(db "SELECT incidents_left FROM contracts WHERE id = $K")" \
	"1 $((left0 + 1))"
expect_eq "H.38 ... one 303, 19 told it was returned already" \
	"$(sort "$T/par.out" | uniq -c | awk '{print $1 "x" $2}' | tr '\n' ' ')" "1x303 19x409 "
expect_eq "H.38 every balance equals its ledger" \
	"$(db 'SELECT count(*) FROM contracts c WHERE incidents_left <> (SELECT sum(delta) FROM incident_ledger WHERE contract_id = c.id)')" 0

# files: the engineer of the region downloads the customer's, no one else
get "/requests/$R1"
printf 'trace' >"$T/trace.txt"
http POST "/requests/$R1/messages" -F "csrf=$(csrf_token)" -F "body=The trace." -F "files=@$T/trace.txt"
A=$(db "SELECT max(id) FROM attachments")
JAR=$T/eng get "/attachments/$A"
expect_eq "D.17 the engineer of the region downloads the file" "$STATUS:$(cat "$T/body")" "200:trace"
JAR=$T/andy get "/attachments/$A"
expect_eq "D.17 an engineer of another region: 404" "$STATUS" 404

# H.38, D.17: no customer, stranger or other region reaches engineer routes
JAR=$T/s signup stranger@example.com 'a long pass phrase' S Tranger personal
JAR=$T/s profile_fill stranger@example.com
before=$(db_hash)
for who in jar s; do
	JAR=$T/$who get /queue
	expect_eq "H.38 a customer ($who) gets 404 for /queue" "$STATUS" 404
	JAR=$T/$who get "/queue/$R2"
	expect_eq "H.38 ... and for /queue/$R2" "$STATUS" 404
	JAR=$T/$who get /requests
	tok=$(JAR=$T/$who csrf_token)
	for a in take status return contacts contacts/remove messages; do
		JAR=$T/$who post "/queue/$R2/$a" "csrf=$tok" status=closed "reason=x" "email=piotr@example.com" confirm=yes body=x
		expect_eq "H.38 ... POST /queue/:id/$a: 404" "$STATUS" 404
	done
done
JAR=$T/anon get /queue
expect_eq "H.38 signed out: /queue asks to sign in" "$STATUS:$(JAR=$T/anon header Location)" "303:/signin?next=/queue"
JAR=$T/andy get "/queue/$R2"
expect_eq "D.17 an engineer of another region: 404 for the request" "$STATUS" 404
JAR=$T/andy get /queue
tok=$(JAR=$T/andy csrf_token)
JAR=$T/andy post "/queue/$R2/status" "csrf=$tok" status=closed
expect_eq "D.17 ... and for its status" "$STATUS" 404
JAR=$T/andy post "/queue/$R2/return" "csrf=$tok" reason=x
expect_eq "D.17 ... and its return" "$STATUS" 404
expect_eq "H.38 D.17 nothing changed by any of them" "$(db_hash)" "$before"

# the engineer's pages are valid HTML in both languages
KNOWN='proprietary attribute "aria-current"|<select> proprietary attribute "autocomplete"'
for lang in en pl; do
	JAR=$T/eng post /lang "lang=$lang" "next=/"
	for p in /queue "/queue/$R2" "/queue?mine=1"; do
		JAR=$T/eng get "$p"
		errs=$(tidy -q -e "$T/body" 2>&1 | grep -vE "$KNOWN" | grep -E 'Warning|Error')
		check "tidy $p ($lang): no warnings" test -z "$errs"
		[ -n "$errs" ] && echo "$errs" | head -5
	done
done
check "R12.1 the queue in Polish" grep -q 'Kolejki wsparcia' "$T/body"

harness_stop
