#!/bin/bash
# A request as its contacts see it (R7.1, R7.2, R7.4, R9.2, R11.4-R11.6,
# R11.9, J.41, J.42, D.17-D.18 for the routes that exist).
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 3

customer ewa@example.com Ewa Lis work
draft_filled "Ewa Lis" ewa@example.com piotr@example.com
get "/drafts/$D"
post "/drafts/$D/submit"
R=$(db "SELECT id FROM requests")
left=$(db "SELECT incidents_left FROM contracts WHERE id = $K")

get "/requests/$R"
expect_eq "R7.2 the request page" "$STATUS" 200
check "R7.2 its title and details" grep -q 'Reports are slow' "$T/body"
check "R7.2 its status" grep -q 'status-new' "$T/body"
check "R11.3 its response-by time" grep -qE '<dd>20[0-9-]{8} [0-9:]{5} (CET|CEST)</dd>' "$T/body"
check "R7.2 the Sharing tab lists the secondary contact" grep -q 'piotr@example.com' "$T/body"
check "R7.2 ... and who added whom" grep -q '<td>Ewa Lis</td>' "$T/body"
get "/requests"
check "R7.1 the list links the request" grep -q "href=\"/requests/$R\"" "$T/body"

# R7.3: the secondary contact signs up later with that email and sees it
JAR=$T/piotr signup piotr@example.com 'a long pass phrase' Piotr Nowak personal
JAR=$T/piotr profile_fill piotr@example.com
JAR=$T/piotr get "/requests/$R"
expect_eq "R7.3 an account made later with a contact's email sees the request" "$STATUS" 200

# a message with a file (R7.2, R11.9), mailed to the other contact (R9.2)
get "/requests/$R"
tok=$(csrf_token)
printf '<html><script>alert(1)</script></html>' >"$T/x.html"
STATUS=$(curl -s -o "$T/body" -D "$T/headers" -w '%{http_code}' -b "$T/jar" \
	-F "csrf=$tok" -F "body=Here is the trace." -F "files=@$T/x.html;filename=../../etc/passwd.html" \
	"$BASE/requests/$R/messages")
expect_eq "R7.2 a contact posts a message with a file" "$STATUS" 303
expect_eq "R9.2 the message is mailed to the other contact only" \
	"$(db "SELECT group_concat(recipient) FROM outbox WHERE subject LIKE 'New message%'")" "piotr@example.com"
JAR=$T/piotr get "/requests/$R"
check "R7.2 the other contact sees the message" grep -q 'Here is the trace.' "$T/body"
F=$(db "SELECT id FROM attachments WHERE request_id = $R")
check "R11.9 the file with its size and SHA-256" grep -q "$(sha256sum "$T/x.html" | cut -d' ' -f1)" "$T/body"
check "J.41 the client's name is shown as text" grep -q '>../../etc/passwd.html</a>' "$T/body"
JAR=$T/piotr get "/attachments/$F"
expect_eq "J.42 the contact downloads the file" "$STATUS" 200
check "J.42 ... always as an attachment, named as sent (RFC 6266)" \
	grep -qi "^Content-Disposition: attachment; filename=\"../../etc/passwd.html\"; filename\*=UTF-8''..%2F..%2Fetc%2Fpasswd.html" "$T/headers"
check "J.42 ... as octet-stream, nosniff" bash -c "grep -qi '^Content-Type: application/octet-stream' '$T/headers' && grep -qi '^X-Content-Type-Options: nosniff' '$T/headers'"
check "J.42 ... under a sandboxing CSP" grep -qi "^Content-Security-Policy: sandbox; default-src 'none'" "$T/headers"
check "J.42 ... byte for byte" cmp -s "$T/body" "$T/x.html"

# R7.4, D.17: a stranger gets 404 for every id of this request
JAR=$T/s signup stranger@example.com 'a long pass phrase' S T personal
JAR=$T/s profile_fill stranger@example.com
JAR=$T/s get /requests
h=$(db_hash)
for p in "/requests/$R" "/attachments/$F" "/requests/999999" "/attachments/999999"; do
	JAR=$T/s get "$p"
	expect_eq "D.17 a stranger gets 404 for $p" "$STATUS" 404
done
for a in messages close reopen; do
	JAR=$T/s post "/requests/$R/$a" "body=intrusion"
	expect_eq "D.17 a stranger's POST to $a gets 404" "$STATUS" 404
done
expect_eq "D.17 ... and nothing changed" "$(db_hash)" "$h"
# (apart from the request id of the log and the path the language switch
# returns to)
norm() { sed 's/[0-9a-f]\{16\}//g; s|value="/requests/[0-9]*"||g' "$T/body"; }
JAR=$T/s get /requests/999999; norm >"$T/missing"
JAR=$T/s get "/requests/$R"; norm >"$T/foreign"
cmp -s "$T/missing" "$T/foreign"
expect_eq "D.17 the 404 of another's request is the 404 of a missing one" "$?" 0

# R7.3: a contact adds a secondary contact, who is mailed (R9.2, R11.4)
# (Piotr, typed in step 4, was told at the submit: R16.2)
expect_eq "R16.2 Piotr, typed in step 4, was mailed at the submit" \
	"$(db "SELECT count(*) FROM outbox WHERE recipient = 'piotr@example.com' AND subject LIKE 'You were added%'")" 1
n0=$(db "SELECT max(id) FROM outbox")
get "/requests/$R"
post "/requests/$R/contacts" "email=Kasia@Example.com"
expect_eq "R7.3 a contact adds a secondary contact" "$(header Location)" "/requests/$R?added=1#sharing"
expect_eq "R7.3 ... who is a contact now" \
	"$(db "SELECT role FROM request_contacts WHERE request_id = $R AND email = 'kasia@example.com'")" secondary
expect_eq "R11.4 ... and alone gets the 'added' mail" \
	"$(db "SELECT group_concat(recipient) FROM outbox WHERE id > $n0 AND subject LIKE 'You were added%'")" "kasia@example.com"
get "/requests/$R"
post "/requests/$R/contacts" "email=kasia@example.com"
expect_eq "R7.3 adding a contact twice is refused" "$STATUS" 422
post "/requests/$R/contacts" "email=not an email"
expect_eq "R7.3 a bad address is refused" "$STATUS" 422

# R9.2 fan-out: a message from the new contact reaches the two others
JAR=$T/kasia signup kasia@example.com 'a long pass phrase' Kasia Wolna personal
JAR=$T/kasia profile_fill kasia@example.com
JAR=$T/kasia get "/requests/$R"
n0=$(db "SELECT count(*) FROM outbox")
JAR=$T/kasia post "/requests/$R/messages" "body=Seen it too."
expect_eq "R9.2 one mail per other contact, none to the author" \
	"$(db "SELECT group_concat(recipient, ' ') FROM (SELECT recipient FROM outbox WHERE id > (SELECT max(id) - 2 FROM outbox) ORDER BY recipient) AS s") $(( $(db "SELECT count(*) FROM outbox") - n0 ))" \
	"ewa@example.com piotr@example.com 2"
rm -rf "$VAR/spool/mail"/*
"$CTL" send-mail >/dev/null
for who in ewa piotr kasia; do
	n=$(grep -l "^To: $who@example.com" "$VAR/spool/mail/"*.eml 2>/dev/null | wc -l)
	echo "# $who: $n mails in the spool"
done
check "R9.2 the spool holds each mail once, none for the author of the last message" \
	test "$(grep -l 'Seen it too.' "$VAR/spool/mail/"*.eml | xargs grep -l '^To: kasia@example.com' | wc -l)" = 0

# R11.8: the session expires while a reply is typed
get "/requests/$R"
h=$(printf %s "$(awk '$6 == "sid" { print $7 }' "$T/jar")" | sha256sum | cut -d' ' -f1)
db "UPDATE sessions SET seen = seen - 3600 WHERE token_hash = '$h'"
tok=$(csrf_token)
STATUS=$(curl -s -o /dev/null -D "$T/headers" -w '%{http_code}' -b "$T/jar" -c "$T/jar" \
	-F "csrf=$tok" -F "body=A long answer written while the session ran out." "$BASE/requests/$R/messages")
expect_eq "R11.8 the expired session is sent to sign in" "$STATUS $(header Location)" "303 /signin?next=/requests/$R"
get "/signin?next=/requests/$R"
check "R11.8 the sign-in form carries the way back" grep -q "name=\"next\" value=\"/requests/$R\"" "$T/body"
post /signin "email=ewa@example.com" "password=a long pass phrase" "next=/requests/$R"
expect_eq "R11.8 ... and back to the request after" "$(header Location)" "/requests/$R"
get "/requests/$R"
check "R11.8 the text is back in the box" grep -q 'written while the session ran out.</textarea>' "$T/body"
check "R11.8 ... and the page says so" grep -q 'your reply was kept' "$T/body"
post "/requests/$R/messages" "body=A long answer written while the session ran out."
expect_eq "R11.8 once sent, the held text is forgotten" "$(db "SELECT count(*) FROM held_replies")" 0
get "/requests/$R"
check "R11.8 ... and not shown again" bash -c "! grep -q 'ran out.</textarea>' '$T/body'"

# close and reopen (R11.6), mails (R11.4), no incident taken
JAR=$T/piotr get "/requests/$R"
JAR=$T/piotr post "/requests/$R/close"
expect_eq "R11.6 a contact closes the request" "$(db "SELECT status FROM requests WHERE id = $R")" closed
expect_eq "R11.4 the other contacts are told" \
	"$(db "SELECT group_concat(recipient, ' ') FROM (SELECT recipient FROM outbox WHERE subject LIKE 'Request #%' ORDER BY recipient) AS s")" "ewa@example.com kasia@example.com"
get "/requests/$R"
check "R11.6 a closed request offers to reopen" grep -q "/requests/$R/reopen" "$T/body"
post "/requests/$R/reopen"
expect_eq "R11.6 reopened within 30 days" "$(db "SELECT status FROM requests WHERE id = $R")" in_progress
expect_eq "R11.6 no incident was taken" "$(db "SELECT incidents_left FROM contracts WHERE id = $K")" "$left"
get "/requests/$R"
post "/requests/$R/close"
db "UPDATE requests SET status_at = status_at - 31 * 86400 WHERE id = $R"
get "/requests/$R"
check "R11.6 after 30 days no reopen is offered" bash -c "! grep -q '/reopen' '$T/body'"
post "/requests/$R/reopen"
expect_eq "R11.6 ... and a forged reopen is refused" "$STATUS" 409

# R7.1, R11.5: filters, search and paging: 200 requests of 3 contacts
# (rows made directly), each page compared with the same query in SQL
for i in $(seq 200); do
	st=new; [ $((i % 3)) = 0 ] && st=closed; [ $((i % 7)) = 0 ] && st=waiting
	w=odd; [ $((i % 2)) = 0 ] && w=even
	echo "INSERT INTO requests (draft_id, product_id, version_id, title, description, contract_id, severity, allday, country, timezone, queue, status, respond_by, created, updated) VALUES ($((1000 + i)), $P, $V, 'Bulk $i $w case', 'x', $K, 'moderate', 0, 'PL', 'UTC', 'EMEA/moderate', '$st', 0, $i, $((i * 7 % 200)));"
	for who in ewa:2 piotr:3 kasia:5; do
		[ $((i % ${who#*:})) = 0 ] && echo "INSERT INTO request_contacts (request_id, email, role, created) SELECT id, '${who%:*}@example.com', 'secondary', 0 FROM requests WHERE draft_id = $((1000 + i));"
	done
done | db_fixture
# listed ACCOUNT-JAR EMAIL QUERY-STRING STATUS-SQL LIKE-SQL PAGE
listed() {
	local jar=$1 email=$2 qs=$3 st=$4 like=$5 page=$6 want got n
	JAR=$jar get "/requests?$qs"
	n=$(db "SELECT count(*) FROM requests r JOIN request_contacts c ON c.request_id = r.id WHERE c.email = '$email' AND $st AND r.title LIKE '$like'")
	want=$(db "SELECT group_concat(id, ' ') FROM (SELECT r.id FROM requests r JOIN request_contacts c ON c.request_id = r.id WHERE c.email = '$email' AND $st AND r.title LIKE '$like' ORDER BY r.updated DESC, r.id DESC LIMIT 25 OFFSET $(( (page - 1) * 25 ))) AS s")
	got=$(grep -o '<tr><td>#[0-9]*</td>' "$T/body" | grep -o '[0-9]*' | tr '\n' ' ' | sed 's/ $//')
	check "R11.5 $email ?$qs: $n found" grep -q ">$n requests found<" "$T/body"
	expect_eq "R11.5 $email ?$qs: exactly the rows of page $page" "$got" "$want"
}
OPEN="r.status IN ('new','in_progress','waiting')"
CLOSED="r.status IN ('resolved','closed')"
listed "$T/jar" ewa@example.com "status=open" "$OPEN" "%" 1
listed "$T/jar" ewa@example.com "status=open&page=2" "$OPEN" "%" 2
listed "$T/jar" ewa@example.com "status=closed" "$CLOSED" "%" 1
listed "$T/jar" ewa@example.com "status=all&q=even+case" "1=1" "%even case%" 1
listed "$T/jar" ewa@example.com "status=all&q=even+case&page=3" "1=1" "%even case%" 3
listed "$T/piotr" piotr@example.com "status=all" "1=1" "%" 1
listed "$T/piotr" piotr@example.com "status=all&page=3" "1=1" "%" 3
listed "$T/kasia" kasia@example.com "status=closed&q=odd" "$CLOSED" "%odd%" 1
# the list reads its order and status from the contacts' index, kept by
# triggers: a request changed by any statement moves at once
db "UPDATE requests SET updated = 100000, status = 'closed' WHERE id IN (SELECT request_id FROM request_contacts WHERE email = 'piotr@example.com' ORDER BY request_id LIMIT 3)"
db "UPDATE requests SET updated = 100001 WHERE id = (SELECT max(request_id) FROM request_contacts WHERE email = 'piotr@example.com')"
listed "$T/piotr" piotr@example.com "status=all" "1=1" "%" 1
listed "$T/piotr" piotr@example.com "status=closed" "$CLOSED" "%" 1
listed "$T/piotr" piotr@example.com "status=open&page=2" "$OPEN" "%" 2
get "/requests?status=all&q=%23$R"
check "R11.5 by number" bash -c "grep -q '>1 requests found' '$T/body' && grep -q 'Reports are slow' '$T/body'"
get "/requests?status=all&q=100%25"
check "R15.3 '%' is no wildcard: '100%' finds the word 100, once" grep -q '>1 requests found' "$T/body"
get "/requests?status=all&q=%25_%25"
check "R15.3 ... and '%_%' finds nothing" grep -q '>0 requests found' "$T/body"
get "/requests?status=all"
check "R11.5 a next page is offered" grep -q 'page=2' "$T/body"
get "/requests?status=closed&page=2"
check "R12.1 the language switch comes back to the same page, query and all" \
	grep -q 'name="next" value="/requests?status=closed&amp;page=2"' "$T/body"
post /lang "lang=pl" "next=/requests?status=closed&page=2"
expect_eq "R12.1 ... and the switch goes there" "$(header Location)" "/requests?status=closed&page=2"
post /lang "lang=en" "next=/"
JAR=$T/s get "/requests?status=all"
expect_eq "R7.1 a stranger sees none" "$STATUS $(grep -o '>[0-9]* requests found' "$T/body")" "200 >0 requests found"

# R7.1: the list shows the newest 20 drafts, and says there are more
ewa=$(db "SELECT id FROM accounts WHERE email = 'ewa@example.com'")
db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25) INSERT INTO drafts (account_id, title, created, updated) SELECT $ewa, 'Draft ' || i, i, i FROM n"
get /requests
expect_eq "R7.1 20 drafts of 25 on the list" "$(grep -c 'class="card draft"' "$T/body")" 20
check "R7.1 ... the newest" bash -c "grep -q '>Draft 25<' '$T/body' && ! grep -q '>Draft 5<' '$T/body'"
check "R7.1 ... and a word that there are more" grep -q 'Only your 20 most recent drafts are shown' "$T/body"
db "DELETE FROM drafts WHERE account_id = $ewa AND title LIKE 'Draft %'"

# the new pages are valid HTML (tidy), in both languages
KNOWN='proprietary attribute "aria-current"|<select> proprietary attribute "autocomplete"'
for lang in en pl; do
	post /lang "lang=$lang" "next=/"
	for p in "/requests/$R" "/requests?status=all&q=even" "/requests?status=all&page=2"; do
		get "$p"
		out=$(tidy -q -e --show-warnings yes "$T/body" 2>&1 | grep -vE "$KNOWN")
		expect_eq "tidy: $lang $p" "$out" ""
	done
done
