#!/bin/bash
# Contact details and the primary contact (R15.6, R11.11): the owning
# engineer, and no one else, sees the primary contact's phone, preferred
# contact method, company and time zone; only the owner replaces the
# primary contact, with a secondary contact or a new address, after a
# confirmation naming both; both are told by mail; the old primary stays
# a secondary contact and the customers see the new one in Sharing.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5
customer ewa@example.com Ewa Lis work >/dev/null	# Contoso (profile_fill)
get /requests
post /requests/new
D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
post "/drafts/$D/step" step=1 action=next "product=$P" "version=$V" "category=$C" "problem=$X" \
	"title=Reports are slow" "description=Every report takes minutes."
post "/drafts/$D/step" step=2 action=next "plan=$K" severity=important country=PL tz=Europe/Warsaw
post "/drafts/$D/step" step=3 action=next "pc_name=Ewa Lis" "pc_email=ewa@example.com" \
	"pc_phone=+48 601 234 567" pc_method=phone
post "/drafts/$D/step" step=4 action=next "secondary=piotr@example.com"
get "/drafts/$D"
post "/drafts/$D/submit"
R=$(db "SELECT id FROM requests WHERE draft_id = $D")
check "a request with Ewa as its primary contact ($R)" test -n "$R"
JAR=$T/piotr customer piotr@example.com Piotr Nowak work >/dev/null
JAR=$T/piotr get /queue
JAR=$T/piotr post /lang lang=pl next=/
JAR=$T/eve engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/olga engineer olga@vendor.example Olga Nowak EMEA
JAR=$T/andy engineer andy@vendor.example Andy Amer AMER
PHONE='+48 601 234 567'
role() { db "SELECT role FROM request_contacts WHERE request_id = $R AND email = '$1'"; }

# R15.6: before anyone owns it, no engineer sees the phone
JAR=$T/eve get "/queue/$R"
check "R15.6 an engineer who does not own it does not get the phone" bash -c "! grep -q -e '$PHONE' -e 'Primary contact details' '$T/body'"
JAR=$T/eve post "/queue/$R/take" owner=0
JAR=$T/eve get "/queue/$R"
check "R15.6 the owner sees the primary contact's details" grep -q 'Primary contact details' "$T/body"
check "R15.6 ... the phone" grep -q "<dd>$PHONE</dd>" "$T/body"
check "R15.6 ... the preferred method (phone)" grep -q '<dt>Preferred contact method</dt><dd>Phone</dd>' "$T/body"
check "R15.6 ... the company of the contact's profile" grep -q '<dt>Company</dt><dd>Contoso</dd>' "$T/body"
check "R15.6 ... the request's time zone" grep -q '<dt>Time zone</dt><dd>Europe/Warsaw</dd>' "$T/body"
check "R15.6 ... and the name and address" bash -c "grep -q '<dd>Ewa Lis</dd>' '$T/body' && grep -q '<dd>ewa@example.com</dd>' '$T/body'"
JAR=$T/olga get "/queue/$R"
expect_eq "R15.6 another engineer of the queue sees the request" "$STATUS" 200
check "R15.6 ... but not the phone" bash -c "! grep -q -e '$PHONE' -e 'Primary contact details' '$T/body'"
JAR=$T/andy get "/queue/$R"
expect_eq "R15.6 an engineer of another region: 404" "$STATUS" 404
for who in jar piotr; do
	JAR=$T/$who get "/requests/$R"
	expect_eq "R15.6 a customer contact ($who) sees the request" "$STATUS" 200
	check "R15.6 ... but never the phone" bash -c "! grep -q -e '$PHONE' -e '601 234' '$T/body'"
done

# R15.6: only the owner replaces the primary contact
before=$(db_hash)
JAR=$T/olga get "/queue/$R"
JAR=$T/olga post "/queue/$R/contacts/primary" primary=piotr@example.com confirm=yes
expect_eq "R15.6 another engineer cannot replace the primary contact: 409" "$STATUS" 409
check "R15.6 ... saying only the owner may" grep -q 'only its owner replaces the primary contact' "$T/body"
expect_eq "R15.6 ... nothing changed" "$(db_hash)" "$before"

# R11.11: the owner is asked first, naming both
JAR=$T/eve get "/queue/$R"
check "R15.6 the owner has a Make primary button for the secondary contact" \
	grep -q 'name="primary" value="piotr@example.com"' "$T/body"
JAR=$T/eve post "/queue/$R/contacts/primary" primary=Piotr@Example.com
expect_eq "R11.11 replacing the primary contact asks first" "$STATUS" 200
check "R11.11 ... naming the new primary" grep -q 'Make this address the primary contact: <strong>piotr@example.com</strong>?' "$T/body"
check "R11.11 ... and the one now, who stays a secondary contact" grep -q '<strong>ewa@example.com</strong> is the primary contact now. They stay a secondary contact' "$T/body"
expect_eq "R11.11 ... nothing changed until yes" "$(db_hash)" "$before"
JAR=$T/eve post "/queue/$R/contacts/primary" primary=ewa@example.com
expect_eq "R15.6 the primary contact made primary: 422" "$STATUS" 422
check "R15.6 ... saying so" grep -q 'This address is the primary contact already' "$T/body"
JAR=$T/eve post "/queue/$R/contacts/primary" primary=not-an-address confirm=yes
expect_eq "R15.6 not an address: 422" "$STATUS" 422
expect_eq "R15.6 ... nothing changed by either" "$(db_hash)" "$before"
n0=$(db "SELECT max(id) FROM outbox")
JAR=$T/eve post "/queue/$R/contacts/primary" primary=piotr@example.com confirm=yes
expect_eq "R15.6 yes: replaced" "$STATUS $(JAR=$T/eve header Location)" "303 /queue/$R?primary=1#sharing"
expect_eq "R15.6 ... Piotr is the primary, Ewa a secondary contact" \
	"$(role piotr@example.com) $(role ewa@example.com)" "primary secondary"
expect_eq "R15.7 ... one 'primary' row of history, naming Piotr" \
	"$(db "SELECT count(*), max(detail), max(internal) FROM request_history WHERE request_id = $R AND event = 'primary'")" "1|piotr@example.com|0"
expect_eq "R11.11 ... both told by mail, each in their language" \
	"$(db "SELECT group_concat(recipient || ' ' || subject, ' / ') FROM (SELECT * FROM outbox WHERE id > $n0 ORDER BY recipient) AS s")" \
	"ewa@example.com New primary contact for request #$R: Reports are slow / piotr@example.com Nowy główny kontakt zgłoszenia #$R: Reports are slow"
db "SELECT body FROM outbox WHERE id > $n0 AND recipient = 'ewa@example.com'" >"$T/mail"
check "R11.11 ... the mail says who is the primary now and who was" \
	bash -c "grep -q 'The primary contact now: piotr@example.com' '$T/mail' && grep -q 'still a secondary contact: ewa@example.com' '$T/mail'"
JAR=$T/eve get "/queue/$R?primary=1"
check "R15.6 the owner is told it is done" grep -q 'The primary contact has been replaced' "$T/body"
check "R15.6 the details now are Piotr's (his profile's phone and company)" \
	bash -c "grep -q '<dd>piotr@example.com</dd>' '$T/body' && grep -q '<dd>+48 22 555 0100</dd>' '$T/body' && grep -q '<dd>Piotr Nowak</dd>' '$T/body'"
get "/requests/$R"
check "R15.6 the customer sees the new primary in Sharing" \
	grep -q '<tr><td>piotr@example.com</td><td>Primary contact</td>' "$T/body"
check "R15.6 ... and herself as a secondary contact" \
	grep -q '<tr><td>Ewa Lis, ewa@example.com</td><td>Secondary contact</td>' "$T/body"
check "R15.7 ... and the change in the history" grep -q 'Primary contact replaced: piotr@example.com' "$T/body"

# a new address as the primary: added as a contact, then made primary
n0=$(db "SELECT max(id) FROM outbox")
JAR=$T/eve get "/queue/$R"
JAR=$T/eve post "/queue/$R/contacts/primary" primary=kasia@example.com
check "R11.11 a new address asks first too, naming the current primary" grep -q '<strong>piotr@example.com</strong> is the primary contact now' "$T/body"
JAR=$T/eve post "/queue/$R/contacts/primary" primary=kasia@example.com confirm=yes
expect_eq "R15.6 a new address made primary" \
	"$(role kasia@example.com) $(role piotr@example.com) $(role ewa@example.com)" "primary secondary secondary"
expect_eq "R15.7 ... one contact_added and one primary row" \
	"$(db "SELECT count(*) FROM request_history WHERE request_id = $R AND event = 'contact_added' AND detail = 'kasia@example.com'") $(db "SELECT count(*) FROM request_history WHERE request_id = $R AND event = 'primary'")" "1 2"
expect_eq "R11.11 ... Kasia and Piotr told" \
	"$(db "SELECT group_concat(recipient, ' ') FROM (SELECT recipient FROM outbox WHERE id > $n0 AND tpl = 'primary' ORDER BY recipient) AS s")" \
	"kasia@example.com piotr@example.com"
JAR=$T/eve get "/queue/$R"
check "R15.6 a primary with no account: the phone and company not given" \
	bash -c "grep -q '<dt>Phone</dt><dd>not given</dd>' '$T/body' && grep -q '<dt>Company</dt><dd>not given</dd>' '$T/body'"

# strangers replace nothing: customers, another region, signed out, no token
JAR=$T/jan customer jan@example.com Jan Kowalski work >/dev/null
before=$(db_hash)
for who in jar piotr jan; do
	JAR=$T/$who get /requests
	tok=$(JAR=$T/$who csrf_token)
	JAR=$T/$who post "/queue/$R/contacts/primary" "csrf=$tok" primary=$who@example.com confirm=yes
	expect_eq "R15.6 a customer ($who) POST /queue/$R/contacts/primary: 404" "$STATUS" 404
	JAR=$T/$who post "/requests/$R/contacts/primary" "csrf=$tok" primary=$who@example.com confirm=yes
	expect_eq "R15.6 ... and /requests/$R/contacts/primary: 404" "$STATUS" 404
done
JAR=$T/andy get /queue
JAR=$T/andy post "/queue/$R/contacts/primary" primary=andy@vendor.example confirm=yes
expect_eq "R15.6 an engineer of another region: 404" "$STATUS" 404
JAR=$T/anon get /signin
JAR=$T/anon post "/queue/$R/contacts/primary" primary=x@example.com confirm=yes
expect_eq "R15.6 signed out: sent to sign in" "$STATUS $(JAR=$T/anon header Location)" "303 /signin?next=/"
JAR=$T/eve post "/queue/$R/contacts/primary" csrf= primary=x@example.com confirm=yes
expect_eq "R15.6 without the form token: 403" "$STATUS" 403
expect_eq "R15.6 ... nothing changed by any of them" "$(db_hash)" "$before"

# Polish, valid HTML
JAR=$T/eve get "/queue/$R"
JAR=$T/eve post /lang lang=pl next=/
JAR=$T/eve post "/queue/$R/contacts/primary" primary=piotr@example.com
check "R12.1 the confirmation in Polish" grep -q 'Ustawić ten adres jako główny kontakt: <strong>piotr@example.com</strong>?' "$T/body"
KNOWN='proprietary attribute "aria-current"|<select> proprietary attribute "autocomplete"'
for lang in pl en; do
	JAR=$T/eve get "/queue/$R"
	JAR=$T/eve post /lang "lang=$lang" next=/
	JAR=$T/eve get "/queue/$R"
	errs=$(tidy -q -e "$T/body" 2>&1 | grep -vE "$KNOWN" | grep -E 'Warning|Error')
	check "tidy the owner's page with the details ($lang): no warnings" test -z "$errs"
	[ -n "$errs" ] && echo "$errs" | head -5
done
check "R12.1 the details in English again" grep -q 'Primary contact details' "$T/body"

harness_stop
