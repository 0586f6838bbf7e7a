#!/bin/bash
# Engineers' notifications (R15.1, issue #20): a request submitted into a
# queue mails each engineer of its region once (one working two regions
# too) and no engineer of another; the customer's reply mails its owner
# alone, unless the owner turned that off; a reopening mails the queue;
# a response-by passed mails the owner once per response-by, never while
# the request waits for the customer; each in the engineer's language;
# the choices on the account page are engineers' alone, CSRF-protected
# and refuse hostile values.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 10

customer ewa@example.com Ewa Lis work

JAR=$T/eve engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/olga engineer olga@vendor.example Olga Both EMEA,AMER
JAR=$T/andy engineer andy@vendor.example Andy Amer AMER
JAR=$T/rita engineer rita@vendor.example Rita Quiet EMEA
JAR=$T/pawel engineer pawel@vendor.example Paweł Nowak EMEA
JAR=$T/pawel get /profile
JAR=$T/pawel post /profile "contact_email=pawel@vendor.example" "phone=+48 22 555 0100" \
	"company=Vendor" "country=PL" "tz=Europe/Warsaw" "lang=pl" "method=email"
expect_eq "R15.1 Paweł reads the portal in Polish" "$(db "SELECT lang FROM accounts WHERE email = 'pawel@vendor.example'")" pl
RITA=$(acct rita@vendor.example)

# mails NAME TPL [SINCE]: how many mails of template TPL were queued for
# NAME@vendor.example after outbox row SINCE
mails() { db "SELECT count(*) FROM outbox WHERE recipient = '$1@vendor.example' AND tpl = '$2' AND id > ${3:-0}"; }
last_mail() { db "SELECT coalesce(max(id), 0) FROM outbox"; }

# the choices: an engineer's alone (R15.1)
get /account
expect_eq "R15.1 a customer's account page" "$STATUS" 200
check "R15.1 ... has no engineers' mails fieldset" bash -c "! grep -q 'notify' '$T/body'"
post /account/notify notify_new=1
expect_eq "R15.1 a customer cannot post the engineers' choices (404)" "$STATUS" 404
expect_eq "R15.1 ... and nothing is stored" "$(db "SELECT count(*) FROM engineer_notify")" 0

JAR=$T/rita get /account
check "R15.1 an engineer's account page has the mails fieldset" grep -q 'action="/account/notify"' "$T/body"
expect_eq "R15.1 ... all four ticked by default" "$(grep -c 'name="notify_[a-z]*" value="1" checked' "$T/body")" 4
JAR=$T/rita post /account/notify csrf=0000 notify_new=1
expect_eq "R15.1 the choices without the form token are refused (403)" "$STATUS" 403
JAR=$T/rita get /account
JAR=$T/rita post /account/notify notify_new=1 "notify_reply=<script>" notify_overdue=1
expect_eq "R15.1 a hostile value is refused (422)" "$STATUS" 422
check "R15.1 ... with the reason beside the box" grep -q 'id="e-notify_reply">Choose one of the options' "$T/body"
JAR=$T/rita post /account/notify notify_new=yes
expect_eq "R15.1 ... another (422)" "$STATUS" 422
expect_eq "R15.1 ... and nothing is stored" "$(db "SELECT count(*) FROM engineer_notify")" 0
JAR=$T/rita get /account
JAR=$T/rita post /account/notify notify_new=1 notify_reopened=1 notify_overdue=1
expect_eq "R15.1 Rita turns customer replies off" "$(JAR=$T/rita header Location)" "/account?notify=1#notify-title"
expect_eq "R15.1 ... stored" "$(db "SELECT new_request, reopened, reply, overdue FROM engineer_notify WHERE account_id = $RITA")" "1|1|0|1"
JAR=$T/rita get /account
expect_eq "R15.1 ... and shown: three ticked" "$(grep -c 'name="notify_[a-z]*" value="1" checked' "$T/body")" 3
check "R15.1 ... replies not ticked" grep -q 'name="notify_reply" value="1">' "$T/body"

# a new request in EMEA (Poland)
n0=$(last_mail)
request_submitted "Ewa Lis" ewa@example.com
check "R15.1 a request submitted into EMEA/important" test "$(db "SELECT queue FROM requests WHERE id = $R")" = EMEA/important
expect_eq "R15.1 each EMEA engineer gets one mail of the new request" \
	"$(mails eve eng-queue $n0)/$(mails olga eng-queue $n0)/$(mails rita eng-queue $n0)/$(mails pawel eng-queue $n0)" "1/1/1/1"
expect_eq "R15.1 Olga, working EMEA and AMER, gets one, not two" "$(mails olga eng-queue $n0)" 1
expect_eq "R15.1 Andy (AMER) gets none" "$(mails andy eng-queue $n0)" 0
expect_eq "R15.1 four engineers' mails in all" \
	"$(db "SELECT count(*) FROM outbox WHERE tpl = 'eng-queue' AND id > $n0")" 4
expect_eq "R15.1 the English subject" \
	"$(db "SELECT subject FROM outbox WHERE recipient = 'eve@vendor.example' AND tpl = 'eng-queue' AND id > $n0")" \
	"New request in your queue #$R: Reports are slow"
check "R15.1 ... the engineer's link to it" grep -q "/queue/$R" \
	<(db "SELECT body FROM outbox WHERE recipient = 'eve@vendor.example' AND tpl = 'eng-queue' AND id > $n0")
expect_eq "R15.1 Paweł's mail is in Polish" \
	"$(db "SELECT subject FROM outbox WHERE recipient = 'pawel@vendor.example' AND tpl = 'eng-queue' AND id > $n0")" \
	"Nowe zgłoszenie w Twojej kolejce #$R: Reports are slow"
check "R15.1 ... its body too" grep -q 'Nowe zgłoszenie wpłynęło do kolejki EMEA/important' \
	<(db "SELECT body FROM outbox WHERE recipient = 'pawel@vendor.example' AND tpl = 'eng-queue' AND id > $n0")
"$CTL" send-mail >/dev/null
check "R15.1 send-mail delivers the engineers' mails to the spool" bash -c \
	"grep -l '^To: eve@vendor.example' '$VAR'/spool/mail/*.eml | xargs grep -l 'New request in your queue' >/dev/null"
check "R15.1 ... and none to Andy" bash -c "! grep -q '^To: andy@vendor.example' '$VAR'/spool/mail/*.eml"

# Eve takes it; the customer replies: the owner alone is told
JAR=$T/eve get "/queue/$R"
JAR=$T/eve post "/queue/$R/take"
n1=$(last_mail)
JAR=$T/eve get "/queue/$R"
JAR=$T/eve post "/queue/$R/messages" "body=Which reports?"
expect_eq "R15.1 an engineer's own reply mails no engineer" \
	"$(db "SELECT count(*) FROM outbox WHERE tpl = 'eng-reply' AND id > $n1")" 0
get "/requests/$R"
post "/requests/$R/messages" "body=The monthly sales report."
expect_eq "R15.1 the customer's reply is mailed to the owner" "$(mails eve eng-reply $n1)" 1
expect_eq "R15.1 ... and to no other engineer" \
	"$(db "SELECT count(*) FROM outbox WHERE tpl = 'eng-reply' AND id > $n1")" 1
check "R15.1 ... with the reply in it" grep -q 'The monthly sales report.' \
	<(db "SELECT body FROM outbox WHERE tpl = 'eng-reply' AND id > $n1")

# Rita, who turned replies off, owns a second request: no mail
draft_filled "Ewa Lis" ewa@example.com
get "/drafts/$D"
post "/drafts/$D/submit"
R2=$(db "SELECT id FROM requests WHERE draft_id = $D")
JAR=$T/rita get "/queue/$R2"
JAR=$T/rita post "/queue/$R2/take"
n2=$(last_mail)
get "/requests/$R2"
post "/requests/$R2/messages" "body=Any news?"
expect_eq "R15.1 Rita turned customer replies off: no mail" \
	"$(db "SELECT count(*) FROM outbox WHERE tpl = 'eng-reply' AND id > $n2")" 0
expect_eq "R15.1 ... while the reply itself is stored" "$(db "SELECT count(*) FROM messages WHERE request_id = $R2")" 1

# reopened by the customer: back in the queue, its engineers told
JAR=$T/eve get "/queue/$R"
JAR=$T/eve post "/queue/$R/status" status=resolved
n3=$(last_mail)
get "/requests/$R"
post "/requests/$R/reopen"
expect_eq "R15.1 the customer reopens" "$(db "SELECT status FROM requests WHERE id = $R")" in_progress
expect_eq "R15.1 each EMEA engineer is told of the reopening once" \
	"$(mails eve eng-queue $n3)/$(mails olga eng-queue $n3)/$(mails rita eng-queue $n3)/$(mails pawel eng-queue $n3)/$(mails andy eng-queue $n3)" \
	"1/1/1/1/0"
expect_eq "R15.1 ... as a reopening" \
	"$(db "SELECT subject FROM outbox WHERE recipient = 'eve@vendor.example' AND tpl = 'eng-queue' AND id > $n3")" \
	"Request reopened #$R: Reports are slow"
expect_eq "R15.1 ... in Polish for Paweł" \
	"$(db "SELECT subject FROM outbox WHERE recipient = 'pawel@vendor.example' AND tpl = 'eng-queue' AND id > $n3")" \
	"Zgłoszenie otwarte ponownie #$R: Reports are slow"

# the response-by passed: once per request and response-by
n4=$(last_mail)
past=$(( $(date +%s) - 3600 ))
db "UPDATE requests SET respond_by = $past WHERE id = $R"
# R2 waits for the customer: its clock stands still
echo "UPDATE requests SET respond_by = $past, status = 'waiting', paused_left = 600 WHERE id = $R2" | db_fixture
o1=$("$CTL" overdue)
o2=$("$CTL" overdue)
expect_eq "R15.1 overdue queues one mail, then none however often it runs" "$o1/$o2" \
	"1 overdue mails queued/0 overdue mails queued"
expect_eq "R15.1 ... to the owner" "$(mails eve eng-overdue $n4)" 1
expect_eq "R15.1 ... none for a request waiting for the customer" "$(mails rita eng-overdue $n4)" 0
db "UPDATE requests SET respond_by = $((past + 60)) WHERE id = $R"
o3=$("$CTL" overdue)
expect_eq "R15.1 a new response-by that passes is told once more" "$o3/$(mails eve eng-overdue $n4)" \
	"1 overdue mails queued/2"
n5=$(last_mail)
echo "UPDATE requests SET status = 'resolved', respond_by = $((past + 120)) WHERE id = $R" | db_fixture
echo "UPDATE requests SET status = 'closed', paused_left = NULL WHERE id = $R2" | db_fixture
expect_eq "R15.1 resolved and closed requests never fire" "$("$CTL" overdue)/$(db "SELECT count(*) FROM outbox WHERE id > $n5")" \
	"0 overdue mails queued/0"
# Paweł owns one that passes: in Polish
echo "UPDATE requests SET status = 'in_progress', owner_id = $(acct pawel@vendor.example), respond_by = $((past + 180)) WHERE id = $R" | db_fixture
"$CTL" overdue >/dev/null
expect_eq "R15.1 the overdue mail in Polish for Paweł" \
	"$(db "SELECT subject FROM outbox WHERE recipient = 'pawel@vendor.example' AND tpl = 'eng-overdue'")" \
	"Minął czas odpowiedzi w zgłoszeniu #$R: Reports are slow"
# an owner who turned it off is not mailed, and it is not kept for later
db "UPDATE engineer_notify SET overdue = 0 WHERE account_id = $RITA"
echo "UPDATE requests SET status = 'in_progress', owner_id = $RITA, respond_by = $((past + 240)) WHERE id = $R" | db_fixture
expect_eq "R15.1 an owner who turned response times off gets none" "$("$CTL" overdue)" "0 overdue mails queued"
