#!/bin/bash
# The new support request (R5.1-R5.8, R9.1, R9.2, R11.1, R11.3, R11.9,
# R11.11): the whole journey step by step with a reload at every step
# and Edit from the verify page, uploads, the atomic submit and the mail.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme partner_cloud --plan "Signature Cloud support" --incidents 5
AID2=$AID CID2=$CID
issue --programme sa --plan "SA support incidents" --incidents 2
V14=$(db "SELECT id FROM versions WHERE code = '2014' AND product_id = $P")
X2=$(db "SELECT id FROM problems WHERE code = 'restore-fails'")

signup ewa@example.com 'a long pass phrase' Ewa Lis work
profile_fill ewa@example.com
get /contracts
post /contracts/activate "access_id=$AID2" "contract_id=$CID2"

# "Manage support requests" with "+ Create new support request"
get /requests
expect_eq "R5 the requests page" "$STATUS" 200
check "R5 it offers + Create new support request" grep -q 'Create new support request' "$T/body"
post /requests/new
D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
check "R5 a draft is created on the server" test -n "$D"
get "/drafts/$D"
expect_eq "R5 the draft page" "$STATUS" 200
check "R5 the steps are laid out one under another" grep -q 'id="step-6"' "$T/body"
check "R5.1 step 1 is open" grep -q 'id="step-1" class="step open"' "$T/body"
check "R5.1 the products supported here are offered" grep -q "<option value=\"$P\">SQL Server</option>" "$T/body"
check "R4.1 cloud products are not offered here" bash -c "! grep -q '>Microsoft 365<' '$T/body'"

# step 1 without JavaScript: choose the product, show its lists
post "/drafts/$D/step" step=1 action=refresh "product=$P" "title=Queries are slow" \
	"description=Since Monday every report query takes minutes."
expect_eq "R5.1 showing the lists keeps the draft" "$(header Location)" "/drafts/$D?step=1&saved=1#step-1"
get "/drafts/$D?step=1&saved=1"
check "R5.1 the versions of the product appear" grep -q "<option value=\"$V\">SQL Server 2022</option>" "$T/body"
check "R5.1 the categories appear" grep -q "<option value=\"$C\">Performance</option>" "$T/body"
check "R5.1 the typed title is kept" grep -q 'value="Queries are slow"' "$T/body"
check "R5.1 self-help articles match the words typed" grep -q 'Troubleshooting slow queries' "$T/body"
post "/drafts/$D/step" step=1 action=refresh "product=$P" "version=$V14" "category=$C" \
	"title=Queries are slow" "description=Since Monday every report query takes minutes."
get "/drafts/$D?step=1"
check "R5.1 only the problems of the chosen category" grep -q "<option value=\"$X\">Slow queries</option>" "$T/body"
check "R5.1 ... not those of another" bash -c "! grep -q 'Restore fails' '$T/body'"
check "R11.1 the eligibility preview shows each plan" grep -q 'Signature Cloud support</strong>: Covers cloud products only.' "$T/body"
check "R11.1 ... and what would fix it" grep -q 'Add a contract or pay per incident.' "$T/body"

# R11.1: changing the version keeps the description; a plan becomes usable
get /contracts
post /contracts/activate "access_id=$AID" "contract_id=$CID"
get "/drafts/$D?step=1"
check "R11.1 the SA plan is available for 2014" grep -q 'SA support incidents</strong>: available' "$T/body"

# a forged problem of another category is refused, nothing else lost
post "/drafts/$D/step" step=1 action=next "product=$P" "version=$V" "category=$C" \
	"problem=$X2" "title=Queries are slow" "description=Since Monday every report query takes minutes."
expect_eq "R5.1 a problem of another category is refused" "$STATUS" 422
check "R5.1 ... with an error on the problem" grep -q 'id="e-problem"' "$T/body"
check "R11.1 the description is still there" grep -q 'every report query takes minutes' "$T/body"
post "/drafts/$D/step" step=1 action=next "product=$P" "version=$V" "category=$C" \
	"problem=$X" "title=Queries are slow" "description=Since Monday every report query takes minutes."
expect_eq "R5.1 Next moves on" "$(header Location)" "/drafts/$D"
get "/drafts/$D"
check "R5.2 step 2 is open" grep -q 'id="step-2" class="step open"' "$T/body"
check "R5 step 1 collapsed to a summary with Edit" grep -q "href=\"/drafts/$D?step=1#step-1\">Edit" "$T/body"
get "/drafts/$D"
check "R5 a reload keeps the step" grep -q 'id="step-2" class="step open"' "$T/body"

# step 2
SA=$(db "SELECT id FROM contracts WHERE programme = 'sa'")
CL=$(db "SELECT id FROM contracts WHERE programme = 'partner_cloud'")
check "R5.2 the available plan with its end date and incidents" grep -q "Incidents left: 2" "$T/body"
check "R5.2 unavailable plans in a <details>" grep -q 'Want to see unavailable support plans?' "$T/body"
check "R5.2 adding a plan in a <details>" grep -q 'Need to buy or add more support plans?' "$T/body"
check "R5.3 the location is prefilled from the profile" grep -q '<option value="PL" selected>Poland</option>' "$T/body"
post "/drafts/$D/step" step=2 action=next "plan=$CL" severity=moderate allday=1 country=PL tz=Europe/Warsaw
expect_eq "D.20 an unavailable plan is refused" "$STATUS" 422
check "R5.3 24/7 is refused for a moderate request" grep -q 'critical requests only' "$T/body"
post "/drafts/$D/step" step=2 action=next "plan=999" severity=critical allday=1 country=PL tz=Europe/Warsaw
expect_eq "D.20 a plan not on the account is refused" "$STATUS" 422
post "/drafts/$D/step" step=2 action=next "plan=$SA" severity=critical allday=1 country=PL tz=Europe/Warsaw
expect_eq "R5.3 a critical 24/7 request goes on" "$(header Location)" "/drafts/$D"

# step 3: the primary contact is someone else
get "/drafts/$D"
check "R5.4 the primary contact is prefilled from the profile" grep -q 'value="ewa@example.com"' "$T/body"
post "/drafts/$D/step" step=3 action=next "pc_name=Piotr Nowak" "pc_email=Piotr@Example.com" \
	"pc_phone=+48 22 555 0199" pc_method=phone
expect_eq "R5.4 step 3 goes on" "$(header Location)" "/drafts/$D"
get "/drafts/$D"
check "R5.5 the form says the submitter must be added to keep access" grep -q 'you will not be able to see this request' "$T/body"
check "R11.11 ... and offers it, checked" grep -q 'id="f-add_me" name="add_me" value="1" checked' "$T/body"
post "/drafts/$D/step" step=4 action=next "secondary=not an email"
expect_eq "R5.5 a bad secondary address is refused" "$STATUS" 422
post "/drafts/$D/step" step=4 action=next "secondary=kasia@example.com, Tomek@example.com" add_me=1
expect_eq "R5.5 step 4 goes on" "$(header Location)" "/drafts/$D"

# step 5: verify, with Edit of every step, and a reload
get "/drafts/$D"
check "R5.6 the verify step is open" grep -q 'id="step-5" class="step open"' "$T/body"
for s in 1 2 3 4; do
	check "R5.6 step $s has its Edit" grep -q "href=\"/drafts/$D?step=$s#step-$s\">Edit" "$T/body"
done
check "R5.6 the plan is shown" grep -q 'SA support incidents' "$T/body"
check "R5.6 the routing is shown" grep -q 'EMEA/critical/24x7' "$T/body"
get "/drafts/$D?step=3"
check "R5.6 Edit opens step 3 again" grep -q 'id="step-3" class="step open"' "$T/body"
check "R5.6 ... with its values" grep -q 'value="Piotr Nowak"' "$T/body"
post "/drafts/$D/step" step=3 action=next "pc_name=Piotr Nowak" "pc_email=piotr@example.com" \
	"pc_phone=+48 22 555 0199" pc_method=email
get "/drafts/$D"
check "R5.6 after the Edit, back at verify" grep -q 'id="step-5" class="step open"' "$T/body"

# a new sign-in keeps the draft (R5)
JAR=$T/jar2 signin ewa@example.com 'a long pass phrase'
JAR=$T/jar2 get "/drafts/$D"
check "R5 a new sign-in finds the draft where it was" grep -q 'id="step-5" class="step open"' "$T/body"
JAR=$T/jar2 get /requests
check "R5 unfinished drafts are listed" grep -q "href=\"/drafts/$D\">Queries are slow" "$T/body"

# step 6: submit, twice
get "/drafts/$D"
post "/drafts/$D/submit"
expect_eq "R5.7 submit goes to the confirmation" "$(header Location)" "/drafts/$D/done"
post "/drafts/$D/submit" "csrf=$(csrf_token)"
expect_eq "R5.7 a second submit lands on the same confirmation" "$(header Location)" "/drafts/$D/done"
R=$(db "SELECT id FROM requests WHERE draft_id = $D")
expect_eq "R5.7 one request for the draft" "$(db "SELECT count(*) FROM requests")" 1
expect_eq "R5.7 one incident taken" "$(db "SELECT incidents_left FROM contracts WHERE id = $SA")" 1
expect_eq "R5.7 one ledger row for it" "$(db "SELECT count(*) FROM incident_ledger WHERE request_id = $R AND kind = 'debit'")" 1
expect_eq "R5.7 the contacts" "$(db "SELECT group_concat(email || ':' || role, ' ') FROM (SELECT * FROM request_contacts WHERE request_id = $R ORDER BY email) AS s")" \
	"ewa@example.com:secondary kasia@example.com:secondary piotr@example.com:primary tomek@example.com:secondary"
get "/drafts/$D/done"
check "R5.7 the confirmation shows the request number" grep -q "#$R</strong>" "$T/body"
check "R11.3 ... and the first-response-by time with its zone" grep -qE '<dd>20[0-9-]{8} [0-9:]{5} (CET|CEST)</dd>' "$T/body"
check "R5.8 the submitter is a contact: no warning" bash -c "! grep -q 'will not be able to see it' '$T/body'"
expect_eq "R11.3 critical 24/7: one hour" "$(db "SELECT respond_by - created FROM requests")" 3600

# R9.1, R9.2: the submit's mail in the outbox, to the primary contact
# only; the colleagues of step 4 get the "added" mail (R16.2, t_seed.sh);
# the sign-ups' address links (R14.1) are not this check's: set aside
db "DELETE FROM outbox WHERE request_id IS NULL"
expect_eq "R9.1 the mail is queued with the request" "$(db "SELECT count(*) || ' ' || max(recipient) FROM outbox WHERE tpl = 'submitted'")" "1 piotr@example.com"
expect_eq "R16.2 ... and one to each colleague of step 4" \
	"$(db "SELECT group_concat(recipient, ' ') FROM (SELECT recipient FROM outbox WHERE tpl = 'added' ORDER BY recipient) AS s")" \
	"kasia@example.com tomek@example.com"
"$CTL" send-mail >/dev/null
n=$(ls "$VAR/spool/mail/"*.eml 2>/dev/null | wc -l)
expect_eq "R9.1 send-mail delivers them to the spool" "$n" 3
m=$(grep -l '^To: piotr@example.com' "$VAR/spool/mail/"*.eml | head -1)
check "R9.2 the mail goes to the primary contact" test -n "$m"
check "R9.2 it carries the request number" grep -q "#$R" "$m"
check "R9.2 and a summary" grep -q 'Since Monday every report query takes minutes.' "$m"
expect_eq "R9.1 sent once" "$(db "SELECT count(*) FROM outbox WHERE sent IS NOT NULL")" 3
"$CTL" send-mail >/dev/null
expect_eq "R9.1 nothing is sent twice" "$(ls "$VAR/spool/mail/"*.eml | wc -l)" 3

# R5.8: a submitter who is not a contact
post /requests/new
D2=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
post "/drafts/$D2/step" step=1 action=next "product=$P" "version=$V" "category=$C" "problem=$X" \
	"title=Second" "description=Another one."
post "/drafts/$D2/step" step=2 action=next "plan=$SA" severity=moderate country=PL tz=Europe/Warsaw
post "/drafts/$D2/step" step=3 action=next "pc_name=Piotr Nowak" "pc_email=piotr@example.com" pc_method=email
post "/drafts/$D2/step" step=4 action=next "secondary="
post "/drafts/$D2/submit"
get "/drafts/$D2/done"
check "R5.8 the confirmation says the submitter will not see it" grep -q 'will not be able to see it' "$T/body"
R2=$(db "SELECT id FROM requests WHERE draft_id = $D2")
expect_eq "R5.8 the submitter is not a contact" "$(db "SELECT count(*) FROM request_contacts WHERE request_id = $R2 AND email = 'ewa@example.com'")" 0
get /requests
check "R7.1 the list shows the request she is a contact of" grep -q "<td>#$R</td>" "$T/body"
check "R5.8 ... not the one she is not" bash -c "! grep -q '<td>#$R2</td>' '$T/body'"
expect_eq "R11.3 moderate: 8 business hours later" \
	"$(db "SELECT CAST(respond_by > created + 8*3600 - 1 AS INTEGER) FROM requests WHERE id = $R2")" 1

# the plan is empty now: a third draft is refused at submit, intact
post /requests/new
D3=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
post "/drafts/$D3/step" step=1 action=next "product=$P" "version=$V" "category=$C" "problem=$X" \
	"title=Third" "description=Third one."
post "/drafts/$D3/step" step=2 action=next "plan=$SA" severity=moderate country=PL tz=Europe/Warsaw
expect_eq "R11.1 an empty plan cannot be chosen" "$STATUS" 422
db "UPDATE drafts SET contract_id = $SA, severity = 'moderate', done = 4, pc_name = 'E', pc_email = 'ewa@example.com', pc_method = 'email' WHERE id = $D3"
post "/drafts/$D3/submit"
expect_eq "D.20 a forged draft with an empty plan is refused at submit" "$STATUS" 409
check "D.20 ... saying why" grep -q 'No incidents left.' "$T/body"
expect_eq "D.20 ... and nothing was taken" "$(db "SELECT incidents_left FROM contracts WHERE id = $SA")" 0
expect_eq "D.20 ... the draft is intact" "$(db "SELECT title || ',' || coalesce(CAST(request_id AS TEXT), 'open') FROM drafts WHERE id = $D3")" "Third,open"

# D.20: a forged plan that is not on the account, or expired, is refused
out=$("$CTL" issue-contract --programme sa --plan "Not hers" --incidents 5)
NOT=$(db "SELECT max(id) FROM contracts")
db "UPDATE drafts SET contract_id = $NOT WHERE id = $D3"
post "/drafts/$D3/submit" "csrf=$(csrf_token)"
expect_eq "D.20 a plan that is not on the account is refused at submit" "$STATUS" 409
expect_eq "D.20 ... and nothing was taken from it" "$(db "SELECT incidents_left FROM contracts WHERE id = $NOT")" 5
out=$("$CTL" issue-contract --programme sa --plan "Old SA" --incidents 5 --start 2020-01-01)
OLD=$(db "SELECT max(id) FROM contracts")
db "INSERT INTO activations (account_id, contract_id, created) SELECT id, $OLD, 0 FROM accounts WHERE email = 'ewa@example.com'"
db "UPDATE drafts SET contract_id = $OLD WHERE id = $D3"
get "/drafts/$D3"
post "/drafts/$D3/submit"
expect_eq "D.20 an expired plan is refused at submit" "$STATUS" 409
check "D.20 ... saying it expired" grep -q 'Expired.' "$T/body"
expect_eq "D.20 ... and nothing was taken from it" "$(db "SELECT incidents_left FROM contracts WHERE id = $OLD")" 5
expect_eq "D.20 no request was made by any of them" "$(db "SELECT count(*) FROM requests")" 2

# discard
post "/drafts/$D3/discard"
expect_eq "R5 a draft can be discarded" "$(header Location)" "/requests?discarded=1"
expect_eq "R5 ... and is gone" "$(db "SELECT count(*) FROM drafts WHERE id = $D3")" 0

# someone else's draft is a 404, like a missing one (R7.4, D.19)
JAR=$T/other signup other@example.com 'a long pass phrase' O T personal
JAR=$T/other profile_fill other@example.com
for path in "/drafts/$D" "/drafts/$D/done" "/drafts/999999"; do
	JAR=$T/other get "$path"
	expect_eq "D.19 a stranger gets 404 for $path" "$STATUS" 404
done
JAR=$T/other get /requests
h=$(db_hash)
for a in step discard submit activate remove-file; do
	JAR=$T/other post "/drafts/$D2/$a" step=1 action=next title=x file=1
	expect_eq "D.19 a stranger's POST to $a gets 404" "$STATUS" 404
done
expect_eq "D.19 ... and nothing changed" "$(db_hash)" "$h"
expect_eq "R11.2 every balance equals its ledger" \
	"$(db 'SELECT count(*) FROM contracts c WHERE incidents_left <> (SELECT sum(delta) FROM incident_ledger WHERE contract_id = c.id)')" 0
