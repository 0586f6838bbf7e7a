#!/bin/bash
# The request's history and long threads (R15.7, R15.8): every event with
# who and when, the customer-safe part for contacts and all of it for the
# engineers of its queue, in both languages; the table refuses changes;
# a thread of 120 messages pages 50 at a time, oldest or newest first,
# with no message twice or missing; nobody else reads either.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5
JAR=$T/ewa customer ewa@example.com Ewa Lis work
JAR=$T/ewa request_with_file "Ewa Lis" ewa@example.com piotr@example.com "boot log"
check "a request with a file" test -n "$R"
JAR=$T/eve engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/andy engineer andy@vendor.example Andy Amer AMER
JAR=$T/mal customer mal@example.com Mal Other work

# the engineer takes it, waits for the customer, who answers
JAR=$T/eve get "/queue/$R"
JAR=$T/eve post "/queue/$R/take"
JAR=$T/eve post "/queue/$R/status" status=waiting
JAR=$T/ewa get "/requests/$R"
JAR=$T/ewa post "/requests/$R/messages" "body=Here is what you asked for."
JAR=$T/eve post "/queue/$R/contacts" email=kasia@example.com
JAR=$T/eve post "/queue/$R/contacts/remove" email=kasia@example.com confirm=yes
JAR=$T/eve post "/queue/$R/return" "reason=Product defect"
JAR=$T/eve post "/queue/$R/status" status=resolved

# rows: the events of the history in order, one a line
events() { db "SELECT event || ' ' || detail || ' by ' || actor FROM request_history WHERE request_id = $R AND event <> 'mail' ORDER BY id"; }
expect_eq "R15.7 each event once, in order, with who" "$(events | tr '\n' '|')" \
"submitted  by Ewa Lis|debited  by Ewa Lis|contact_added ewa@example.com by Ewa Lis|contact_added piotr@example.com by Ewa Lis|file app.log by Ewa Lis|owner Eve Engineer by Eve Engineer|status waiting by Eve Engineer|status in_progress by Ewa Lis|contact_added kasia@example.com by Eve Engineer|contact_removed kasia@example.com by Eve Engineer|returned Product defect by Eve Engineer|status resolved by Eve Engineer|"
expect_eq "R15.7 every mail of the request is in its history, once" \
	"$(db "SELECT count(*) FROM request_history WHERE request_id = $R AND event = 'mail'")" \
	"$(db "SELECT count(*) FROM outbox WHERE request_id = $R")"
check "R15.7 ... and there are some" test "$(db "SELECT count(*) FROM outbox WHERE request_id = $R")" -ge 5
expect_eq "R15.7 when: every row has its time" \
	"$(db "SELECT count(*) FROM request_history WHERE request_id = $R AND created < unixepoch() - 600")" 0

# the customer's side: the safe part, no owner, no mail
JAR=$T/ewa get "/requests/$R"
expect_eq "R15.7 the contact's page" "$STATUS" 200
check "R15.7 the contact sees the history" grep -q '<h2 id="history-title">History</h2>' "$T/body"
check "R15.7 ... the status changes, with who" grep -q 'Status changed: Waiting for you' "$T/body"
check "R15.7 ... the incident returned with its reason" grep -q 'Incident returned to the contract: Product defect' "$T/body"
check "R15.7 ... the file" grep -q 'File added: app.log' "$T/body"
check "R15.7 ... the engineer marked as staff" grep -q 'Eve Engineer <span class="mark">' "$T/body"
check "R15.7 ... not the owner change (internal)" sh -c "! grep -q 'Owner changed' '$T/body'"
check "R15.7 ... not the mails (internal)" sh -c "! grep -q 'Mail sent' '$T/body'"
check "R15.7 ... no row marked internal" sh -c "! grep -q 'class=\"internal\"' '$T/body'"
# the engineer's side: all of it
JAR=$T/eve get "/queue/$R"
check "R15.7 the engineer sees the owner change, marked internal" grep -q 'Owner changed: Eve Engineer' "$T/body"
check "R15.7 ... the mails and to whom" grep -q 'Mail sent (new message): piotr@example.com' "$T/body"
check "R15.7 ... the engineers' mails named too" grep -q 'reply, to the owner): eve@vendor.example' "$T/body"
check "R15.7 ... in the engineer's words: waiting for the customer" grep -q 'Status changed: Waiting for the customer' "$T/body"
# Polish
db "UPDATE accounts SET lang = 'pl' WHERE email = 'ewa@example.com'"
JAR=$T/ewa get "/requests/$R"
check "R15.7 the history in Polish" grep -q '<h2 id="history-title">Historia</h2>' "$T/body"
check "R15.7 ... its events in Polish" grep -q 'Zwrócono incydent do kontraktu: Product defect' "$T/body"
db "UPDATE accounts SET lang = 'en' WHERE email = 'ewa@example.com'"

# append-only: the database itself refuses
out=$(db "UPDATE request_history SET detail = 'x' WHERE request_id = $R" 2>&1)
check "R15.7 an update of the history is refused ($out)" grep -q 'append-only' <<<"$out"
out=$(db "DELETE FROM request_history WHERE request_id = $R" 2>&1)
check "R15.7 a delete of the history is refused ($out)" grep -q 'append-only' <<<"$out"
expect_eq "R15.7 ... nothing changed" "$(events | wc -l)" 12

# nobody else reads it: another customer, an engineer of another region,
# signed out; the whole history asked for too
for who in mal andy; do
	for p in "/requests/$R?history=all" "/queue/$R?history=all"; do
		JAR=$T/$who get "$p"
		check "R15.7 $who: $p is not found ($STATUS)" test "$STATUS" = 404 -o "$STATUS" = 403
		check "R15.7 ... and shows no event of it" sh -c "! grep -q 'app.log\|Product defect' '$T/body'"
	done
done
JAR=$T/nobody get "/requests/$R?history=all"
check "R15.7 signed out: sent to sign in ($STATUS)" test "$STATUS" = 303
JAR=$T/ewa get "/queue/$R?history=all"
check "R15.7 the customer cannot read the engineers' side ($STATUS)" test "$STATUS" = 404 -o "$STATUS" = 403
check "R15.7 ... nor its internal rows" sh -c "! grep -q 'Owner changed' '$T/body'"

# a long history: 50 rows shown, the rest on asking
JAR=$T/eve post "/queue/$R/status" status=in_progress
for i in $(seq 30); do
	JAR=$T/eve post "/queue/$R/messages" "body=Engineer note $i"
done
JAR=$T/eve get "/queue/$R"
# hrows: the rows of the page's history table
hrows() { sed -n '/<section id="history"/,/<\/section>/p' "$T/body" | grep -c '^<tr[^>]*><td>'; }
expect_eq "R15.7 50 events shown on the page" "$(hrows)" 50
check "R15.7 ... with the link to all of them" grep -q '?history=all#history' "$T/body"
JAR=$T/eve get "/queue/$R?history=all"
expect_eq "R15.7 all of them on asking" "$(hrows)" \
	"$(db "SELECT count(*) FROM request_history WHERE request_id = $R")"

# R15.8: a thread of 120 messages (31 so far), 50 a page
JAR=$T/ewa get "/requests/$R"
for i in $(seq 32 120); do
	JAR=$T/ewa post "/requests/$R/messages" "body=Customer message $i"
	[ "$STATUS" = 303 ] || echo "# message $i: $STATUS"
done
expect_eq "R15.8 120 messages" "$(db "SELECT count(*) FROM messages WHERE request_id = $R")" 120
ids() { grep -o '<li class="card message[^"]*"><p class="muted"><strong>[^<]*</strong>' "$T/body" | wc -l; }
bodies() { grep -o 'Engineer note [0-9]*\|Customer message [0-9]*\|Here is what you asked for\.' "$T/body"; }
seen=""
for pg in 1 2 3; do
	JAR=$T/ewa get "/requests/$R?order=oldest&tpage=$pg"
	seen="$seen$(bodies)
"
done
expect_eq "R15.8 oldest first: three pages hold the 120 messages, each once" \
	"$(echo "$seen" | grep -c .)" 120
expect_eq "R15.8 ... none twice" "$(echo "$seen" | grep . | sort | uniq -d | wc -l)" 0
JAR=$T/ewa get "/requests/$R?order=oldest&tpage=1"
expect_eq "R15.8 ... the first is the oldest" "$(bodies | head -1)" "Here is what you asked for."
check "R15.8 ... a pager: 1 of 3" grep -q '<span>1 of 3</span>' "$T/body"
check "R15.8 ... with the next page" grep -q 'order=oldest&amp;tpage=2#thread' "$T/body"
JAR=$T/ewa get "/requests/$R?order=newest"
expect_eq "R15.8 newest first: the last message on top" "$(bodies | head -1)" "Customer message 120"
expect_eq "R15.8 ... 50 a page" "$(bodies | wc -l)" 50
JAR=$T/ewa get "/requests/$R?order=newest&tpage=3"
expect_eq "R15.8 the last page of three holds 20" "$(bodies | wc -l)" 20
expect_eq "R15.8 ... and the thread shows those 20 and nothing else" \
	"$(grep -c '<li class="card message' "$T/body")" 20
expect_eq "R15.8 ... ending with the oldest" "$(bodies | tail -1)" "Here is what you asked for."
for q in "tpage=0" "tpage=-5" "tpage=99999999999" "tpage=x" "order=%27" "order=newest&tpage=4"; do
	JAR=$T/ewa get "/requests/$R?$q"
	expect_eq "R15.8 a hostile page ($q) is a page, not an error" "$STATUS" 200
done
JAR=$T/ewa get "/requests/$R?order=newest&tpage=4"
expect_eq "R15.8 ... past the end: no message" "$(bodies | wc -l)" 0
