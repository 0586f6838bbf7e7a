#!/bin/bash
# Internal notes (R15.5): the engineers of a request's queue add notes,
# kept as written and escaped on the page, newest first, marked as
# internal, each one 'note' row of history; a note is never shown to a
# customer: not on /requests/N, not in a mail, not in the account's data
# export (R14.9); no customer, stranger or engineer of another region
# adds one.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5
customer ewa@example.com Ewa Lis work >/dev/null
request_submitted "Ewa Lis" ewa@example.com piotr@example.com
JAR=$T/piotr customer piotr@example.com Piotr Nowak work >/dev/null
JAR=$T/eve engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/olga engineer olga@vendor.example Olga Nowak EMEA
JAR=$T/andy engineer andy@vendor.example Andy Amer AMER
notes() { db "SELECT count(*) FROM request_notes WHERE request_id = $R"; }

# R15.5: any engineer of the queue adds a note, owner or not
FIRST=$'Customer is <script>alert(1)</script> & "touchy" about SECRET-NOTE-1\n  call before 10:00'
JAR=$T/eve get "/queue/$R"
check "R15.5 the engineer's page has the notes form" grep -q "action=\"/queue/$R/notes\"" "$T/body"
check "R15.5 ... marked as internal" grep -q 'Only engineers see these notes' "$T/body"
JAR=$T/eve post "/queue/$R/notes" "note=$FIRST"
expect_eq "R15.5 Eve (not the owner) adds a note" "$STATUS $(JAR=$T/eve header Location)" "303 /queue/$R?noted=1#notes"
expect_eq "R15.5 ... kept as written" "$(db "SELECT CAST(body = '$(printf %s "$FIRST" | sed "s/'/''/g")' AS INTEGER) FROM request_notes WHERE request_id = $R")" 1
expect_eq "R15.5 ... with its author" "$(db "SELECT author FROM request_notes WHERE request_id = $R")" "Eve Engineer"
JAR=$T/olga get "/queue/$R"
JAR=$T/olga post "/queue/$R/notes" "note=SECRET-NOTE-2 the second one"
JAR=$T/olga get "/queue/$R?noted=1"
check "R15.5 the page says it was added" grep -q 'The internal note has been added' "$T/body"
check "R15.5 ... escaped on the page" grep -q 'Customer is &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;touchy&quot;' "$T/body"
check "R15.5 ... never as markup" bash -c "! grep -q '<script>alert' '$T/body'"
expect_eq "R15.5 newest first" "$(grep -o 'SECRET-NOTE-[0-9]' "$T/body" | head -2 | tr '\n' ' ')" "SECRET-NOTE-2 SECRET-NOTE-1 "
check "R15.5 each marked internal" test "$(grep -c '<li class="card note">.*class="mark">Internal' "$T/body")" -eq 2
expect_eq "R15.5 one 'note' row of history each, internal" \
	"$(db "SELECT count(*), min(internal) FROM request_history WHERE request_id = $R AND event = 'note'")" "2|1"

# refused notes: empty, too long; nothing changed
before=$(db_hash)
JAR=$T/olga post "/queue/$R/notes" "note=   "
expect_eq "R15.5 an empty note: 422" "$STATUS" 422
check "R15.5 ... saying so" grep -q 'New internal note' "$T/body"
JAR=$T/olga post "/queue/$R/notes" "note=$(printf 'x%.0s' $(seq 4001))"
expect_eq "R15.5 a note of 4001 characters: 422" "$STATUS" 422
JAR=$T/olga post "/queue/$R/notes" "note=$(printf 'ż%.0s' $(seq 4000))"
expect_eq "R15.5 4000 characters (Polish letters) are accepted" "$STATUS" 303
before=$(db_hash)

# R15.5: never shown to a customer: page, history, mails, export
get "/requests/$R"
expect_eq "R15.5 the primary contact's page" "$STATUS" 200
check "R15.5 ... shows no note" bash -c "! grep -q -e SECRET-NOTE -e 'touchy' -e 'Internal notes' -e 'Internal note added' '$T/body'"
check "R15.5 ... and no notes form" bash -c "! grep -q '/notes\"' '$T/body'"
JAR=$T/piotr get "/requests/$R"
check "R15.5 a secondary contact's page shows none" bash -c "! grep -q -e SECRET-NOTE -e 'touchy' '$T/body'"
# a reply from each side and a status change queue mails to the contacts
get "/requests/$R"
post "/requests/$R/messages" "body=Any news?"
JAR=$T/eve get "/queue/$R"
JAR=$T/eve post "/queue/$R/messages" "body=Working on it."
JAR=$T/eve post "/queue/$R/status" status=waiting
expect_eq "R15.5 in no mail queued or sent" \
	"$(db "SELECT count(*) FROM outbox WHERE subject LIKE '%SECRET-NOTE%' OR body LIKE '%SECRET-NOTE%' OR coalesce(vars, '') LIKE '%SECRET-NOTE%' OR body LIKE '%touchy%'")" 0
check "R15.5 ... while mails were queued" test "$(db "SELECT count(*) FROM outbox WHERE request_id = $R")" -gt 3
get /account/data
expect_eq "R14.9 the primary contact's data export" "$STATUS" 200
check "R14.9 R15.5 ... has the request and its thread" bash -c "grep -q 'Any news?' '$T/body' && grep -q 'Working on it.' '$T/body'"
check "R14.9 R15.5 ... and no note" bash -c "! grep -q -e SECRET-NOTE -e touchy -e 'żżż' '$T/body'"
JAR=$T/piotr get /account/data
check "R14.9 R15.5 the secondary contact's export has no note" bash -c "grep -q 'Any news?' '$T/body' && ! grep -q -e SECRET-NOTE -e touchy '$T/body'"

# strangers add none: customers (of this request and another), an
# engineer of another region, signed out, without a token
JAR=$T/jan customer jan@example.com Jan Kowalski work >/dev/null
before=$(db_hash)
n0=$(notes)
for who in jar piotr jan; do
	JAR=$T/$who get /requests
	tok=$(JAR=$T/$who csrf_token)
	JAR=$T/$who post "/queue/$R/notes" "csrf=$tok" "note=forged by $who"
	expect_eq "R15.5 a customer ($who) POST /queue/$R/notes: 404" "$STATUS" 404
	JAR=$T/$who post "/requests/$R/notes" "csrf=$tok" "note=forged by $who"
	expect_eq "R15.5 ... and POST /requests/$R/notes: 404" "$STATUS" 404
done
JAR=$T/andy get /queue
JAR=$T/andy post "/queue/$R/notes" "note=forged by andy"
expect_eq "R15.5 an engineer of another region: 404" "$STATUS" 404
JAR=$T/andy get "/queue/$R"
expect_eq "R15.5 ... who does not see the page either" "$STATUS" 404
JAR=$T/anon get /signin
JAR=$T/anon post "/queue/$R/notes" "note=forged signed out"
expect_eq "R15.5 signed out: sent to sign in" "$STATUS $(JAR=$T/anon header Location)" "303 /signin?next=/"
JAR=$T/eve post "/queue/$R/notes" csrf= "note=forged without token"
expect_eq "R15.5 without the form token: 403" "$STATUS" 403
expect_eq "R15.5 ... none of them changed anything" "$(db_hash) $(notes)" "$before $n0"

# the page in Polish, valid HTML
JAR=$T/olga get "/queue/$R"
JAR=$T/olga post /lang lang=pl next=/
JAR=$T/olga get "/queue/$R"
check "R12.1 the notes in Polish" bash -c "grep -q 'Notatki wewnętrzne' '$T/body' && grep -q 'Dodaj notatkę wewnętrzną' '$T/body'"
for j in olga eve; do
	JAR=$T/$j get "/queue/$R"
	tidy_ok "tidy the request page with notes ($j): no warnings"
done

harness_stop
