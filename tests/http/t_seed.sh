#!/bin/bash
# The seed's rules of the wizard (#21): 24/7 offered only once critical
# is chosen, without JavaScript after Update and with the script at once,
# and never kept with another severity whatever is posted (R16.1); the
# colleagues of step 4 told at the submit, in its transaction, each in
# their language (R16.2); partners' advisory requests (programme,
# pre-sales, billing) through the same steps, drawing no incident, and
# refused to everyone else however forged (R16.5).
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5
SA=$K

customer ewa@example.com Ewa Lis work >/dev/null

# step1 D: step 1 of draft D done (SQL Server 2022, slow queries)
step1() {
	post "/drafts/$1/step" step=1 action=next "product=$P" "version=$V" "category=$C" \
		"problem=$X" "title=Reports are slow" "description=Every report takes minutes."
}
new_draft() {
	get /requests
	post /requests/new
	D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
	step1 "$D"
	get "/drafts/$D"
}

# ---------------------------------------------------------------- R16.1
new_draft
check "R16.1 step 2 without a severity: 24/7 is not offered" grep -q 'id="allday" hidden>' "$T/body"
check "R16.1 ... and Update brings the page back with the choices of a severity" \
	grep -q '<button type="submit" name="action" value="refresh"' "$T/body"
check "R16.1 the page loads the script from static/, never inline" \
	grep -q '<script src="/static/wizard.js" defer></script>' "$T/body"
post "/drafts/$D/step" step=2 action=refresh "plan=$SA" severity=moderate country=PL tz=Europe/Warsaw
expect_eq "R16.1 Update saves the step and comes back to it" "$(header Location)" "/drafts/$D?step=2&saved=1#step-2"
get "/drafts/$D?step=2&saved=1"
check "R16.1 moderate chosen: 24/7 is still not offered" grep -q 'id="allday" hidden>' "$T/body"
check "R16.1 ... moderate is kept chosen" grep -q 'value="moderate" aria-describedby="h-sev-moderate" checked' "$T/body"
post "/drafts/$D/step" step=2 action=refresh "plan=$SA" severity=critical country=PL tz=Europe/Warsaw
get "/drafts/$D?step=2&saved=1"
check "R16.1 critical chosen: the page comes back with 24/7 offered" grep -q 'id="allday">' "$T/body"
check "R16.1 ... and the plan chosen before is kept" grep -q "value=\"$SA\" id=\"f-plan\" checked" "$T/body"
post "/drafts/$D/step" step=2 action=refresh "plan=$SA" severity=moderate allday=1 country=PL tz=Europe/Warsaw
expect_eq "R16.1 another severity with 24/7 posted: the draft keeps no 24/7" \
	"$(db "SELECT severity || ',' || allday FROM drafts WHERE id = $D")" "moderate,0"
get "/drafts/$D?step=2"
check "R16.1 ... and 24/7 is offered no more" grep -q 'id="allday" hidden>' "$T/body"
post "/drafts/$D/step" step=2 action=next "plan=$SA" severity=important allday=1 country=PL tz=Europe/Warsaw
expect_eq "R16.1 Next with important and a forged 24/7 is refused" "$STATUS" 422
check "R16.1 ... saying 24/7 is for critical requests" grep -q 'critical requests only' "$T/body"
expect_eq "R16.1 ... and the draft keeps no 24/7" "$(db "SELECT allday FROM drafts WHERE id = $D")" 0
post "/drafts/$D/step" step=2 action=next "plan=$SA" severity=critical allday=1 country=PL tz=Europe/Warsaw
expect_eq "R16.1 critical with 24/7 goes on" "$(header Location)" "/drafts/$D"
expect_eq "R16.1 ... kept in the draft" "$(db "SELECT severity || ',' || allday FROM drafts WHERE id = $D")" "critical,1"
get "/drafts/$D?step=2"
post "/drafts/$D/step" step=2 action=next "plan=$SA" severity=moderate country=PL tz=Europe/Warsaw
expect_eq "R16.1 choosing another severity in an Edit removes 24/7" \
	"$(db "SELECT severity || ',' || allday FROM drafts WHERE id = $D")" "moderate,0"
get /static/wizard.js
expect_eq "R16.1 the script is served from static/" "$STATUS" 200
check "R16.1 ... as JavaScript" bash -c "grep -qi '^Content-Type: .*javascript' '$T/headers'"
check "R16.1 ... and it hides and unticks 24/7 for another severity" \
	bash -c "grep -q \"sev.value === 'critical'\" '$T/body' && grep -q 'tick.checked = false' '$T/body'"
get "/drafts/$D"
check "R16.1 the pages allow scripts of this site only (no inline script)" \
	grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self';" "$T/headers"

# ---------------------------------------------------------------- R16.2
# Kasia has an account in Polish, Tomek none: each gets the "added" mail
# at the submit, Kasia's in Polish; Ewa, added to keep access, gets none.
JAR=$T/kasia signup kasia@example.com 'a long pass phrase' Kasia Nowak work >/dev/null
JAR=$T/kasia get /profile
JAR=$T/kasia post /profile "contact_email=kasia@example.com" "phone=+48 22 555 0100" \
	"company=Contoso" "country=PL" "tz=Europe/Warsaw" "lang=pl" "method=email"
expect_eq "R16.2 (Kasia's account speaks Polish)" "$(db "SELECT lang FROM accounts WHERE email = 'kasia@example.com'")" pl
db "DELETE FROM outbox"
new_draft
post "/drafts/$D/step" step=2 action=next "plan=$SA" severity=important country=PL tz=Europe/Warsaw
post "/drafts/$D/step" step=3 action=next "pc_name=Piotr Nowak" "pc_email=piotr@example.com" pc_method=email
post "/drafts/$D/step" step=4 action=next "secondary=Kasia@example.com, tomek@example.com" add_me=1
expect_eq "R16.2 nothing is mailed before the submit" "$(db "SELECT count(*) FROM outbox")" 0
get "/drafts/$D"
post "/drafts/$D/submit"
R=$(db "SELECT id FROM requests WHERE draft_id = $D")
check "R16.2 (the request is made)" test -n "$R"
expect_eq "R16.2 each colleague of step 4 gets one \"added\" mail, in their language" \
	"$(db "SELECT group_concat(recipient || ':' || lang, ' ') FROM (SELECT * FROM outbox WHERE tpl = 'added' AND request_id = $R ORDER BY recipient) AS s")" \
	"kasia@example.com:pl tomek@example.com:en"
expect_eq "R16.2 the primary contact gets the submit's mail alone" \
	"$(db "SELECT group_concat(tpl, ' ') FROM outbox WHERE recipient = 'piotr@example.com'")" submitted
expect_eq "R16.2 the submitter, added to keep access, gets no mail" \
	"$(db "SELECT count(*) FROM outbox WHERE recipient = 'ewa@example.com'")" 0
"$CTL" send-mail >/dev/null
m=$(grep -l '^To: kasia@example.com' "$VAR/spool/mail/"*.eml 2>/dev/null | head -1)
check "R16.2 Kasia's mail is the \"added\" one, in Polish, with the number" \
	bash -c "[ -n '$m' ] && grep -q 'dodał(a) Cię jako osobę kontaktową zgłoszenia #$R ' '$m'"
m=$(grep -l '^To: tomek@example.com' "$VAR/spool/mail/"*.eml 2>/dev/null | head -1)
check "R16.2 Tomek's in English, with the submitter's name" \
	bash -c "[ -n '$m' ] && grep -q 'You were added to request' '$m' && grep -q 'Ewa Lis' '$m'"

# in the submit's transaction: a refused submit (a forged plan, not on
# the account) tells nobody
issue --programme sa --plan "Not hers" --incidents 5
new_draft
db "UPDATE drafts SET contract_id = $K, severity = 'moderate', country = 'PL', done = 4, pc_name = 'E', pc_email = 'ewa@example.com', pc_method = 'email', secondary = 'olek@example.com' WHERE id = $D"
db "DELETE FROM outbox"
get "/drafts/$D"
post "/drafts/$D/submit"
expect_eq "R16.2 a refused submit ..." "$STATUS" 409
expect_eq "R16.2 ... mails no colleague" "$(db "SELECT count(*) FROM outbox")" 0

# ---------------------------------------------------------------- R16.5
issue --programme partner_pack --plan "Partner support pack" --incidents 3
PK=$K PAID=$AID PCID=$CID
JAR=$T/pat customer pat@partner.example Pat Partner work >/dev/null
JAR=$T/pat new_draft
check "R16.5 the plan step offers a partner advisory requests" grep -q 'name="kind" value="billing"' "$T/body"
check "R16.5 ... and says they draw no incident" grep -q 'such an advisory request draws no incident' "$T/body"
check "R16.5 ... a technical problem by default" grep -q 'name="kind" value="technical" aria-describedby="h-kind" checked' "$T/body"
JAR=$T/pat post "/drafts/$D/step" step=2 action=next kind=billing "plan=$PK" severity=critical allday=1 \
	country=PL tz=Europe/Warsaw
expect_eq "R16.5 an advisory request with 24/7 is refused" "$STATUS" 422
check "R16.5 ... advisory requests keep business hours" grep -q 'answered in business hours' "$T/body"
JAR=$T/pat post "/drafts/$D/step" step=2 action=next kind=billing "plan=$SA" severity=moderate \
	country=PL tz=Europe/Warsaw
expect_eq "R16.5 an advisory request on a plan not the partner's is refused" "$STATUS" 422
JAR=$T/pat post "/drafts/$D/step" step=2 action=next kind=billing "plan=$PK" severity=moderate \
	country=PL tz=Europe/Warsaw
expect_eq "R16.5 a billing question on the partner plan goes on" "$(JAR=$T/pat header Location)" "/drafts/$D"
expect_eq "R16.5 ... the draft is advisory" "$(db "SELECT kind FROM drafts WHERE id = $D")" billing
JAR=$T/pat post "/drafts/$D/step" step=3 action=next "pc_name=Pat Partner" "pc_email=pat@partner.example" pc_method=email
JAR=$T/pat post "/drafts/$D/step" step=4 action=next "secondary="
JAR=$T/pat get "/drafts/$D"
check "R16.5 the verify step says it is advisory" grep -q 'Advisory: billing (no incident drawn)' "$T/body"
check "R16.5 ... and routed to the advisory queue" grep -q 'EMEA/advisory' "$T/body"
ledger=$(db "SELECT count(*) FROM incident_ledger")
JAR=$T/pat post "/drafts/$D/submit"
expect_eq "R16.5 the advisory request is submitted" "$(JAR=$T/pat header Location)" "/drafts/$D/done"
RA=$(db "SELECT id FROM requests WHERE draft_id = $D")
expect_eq "R16.5 the balance is unchanged after an advisory submit" \
	"$(db "SELECT incidents_left FROM contracts WHERE id = $PK")" 3
expect_eq "R16.5 ... and no ledger row was written" "$(db "SELECT count(*) FROM incident_ledger")" "$ledger"
expect_eq "R16.5 the request is marked advisory and routed to its queue" \
	"$(db "SELECT kind || ' ' || queue || ' ' || allday FROM requests WHERE id = $RA")" "billing EMEA/advisory 0"
JAR=$T/pat get "/drafts/$D/done"
check "R16.5 the confirmation says it is advisory" grep -q 'This is an advisory request: no incident was drawn' "$T/body"
JAR=$T/pat get "/requests/$RA"
check "R16.5 the request page says it is advisory" grep -q 'Advisory: billing (no incident drawn)' "$T/body"
JAR=$T/pat post /lang "lang=pl" "next=/requests/$RA"
JAR=$T/pat get "/requests/$RA"
check "R16.5 ... in Polish too" grep -q 'Doradztwo: rozliczenia (bez zużycia incydentu)' "$T/body"
JAR=$T/pat get "/drafts/$D/done"
check "R16.5 the confirmation in Polish" grep -q 'To jest zgłoszenie doradcze' "$T/body"

# an engineer has no incident to return on it
JAR=$T/eng engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/eng get "/queue/$RA"
check "R16.5 the engineer's page offers no return of an incident" bash -c "! grep -q '/return\"' '$T/body'"
JAR=$T/eng post "/queue/$RA/return" "reason=Not a defect"
expect_eq "R16.5 a forged return of an advisory request is refused" "$STATUS" 409
expect_eq "R16.5 ... the balance is still unchanged" "$(db "SELECT incidents_left FROM contracts WHERE id = $PK")" 3

# a non-partner: not offered, a forged POST refused with a clear error
new_draft
check "R16.5 a non-partner is not offered advisory requests" bash -c "! grep -q 'name=\"kind\"' '$T/body'"
left=$(db "SELECT incidents_left FROM contracts WHERE id = $SA")
post "/drafts/$D/step" step=2 action=next kind=billing "plan=$SA" severity=moderate country=PL tz=Europe/Warsaw
expect_eq "R16.5 a non-partner's forged advisory POST is refused" "$STATUS" 422
check "R16.5 ... with a clear error" grep -q 'for partners with a current partner contract' "$T/body"
expect_eq "R16.5 ... and the draft stays technical" "$(db "SELECT kind FROM drafts WHERE id = $D")" technical
# a draft forged advisory in the database is refused at the submit
db "UPDATE drafts SET kind = 'billing', contract_id = $SA, severity = 'moderate', country = 'PL', done = 4, pc_name = 'E', pc_email = 'ewa@example.com', pc_method = 'email' WHERE id = $D"
get "/drafts/$D"
post "/drafts/$D/submit"
expect_eq "R16.5 a forged advisory draft of a non-partner is refused at submit" "$STATUS" 409
check "R16.5 ... saying why" grep -q 'for partners with a current partner contract' "$T/body"
expect_eq "R16.5 ... no request made" "$(db "SELECT count(*) FROM requests WHERE draft_id = $D")" 0
expect_eq "R16.5 ... nothing drawn" "$(db "SELECT incidents_left FROM contracts WHERE id = $SA")" "$left"

# an expired partner contract carries no advisory request
issue --programme partner_core --plan "Old core benefits" --incidents 3 --start 2020-01-01
db "INSERT INTO activations (account_id, contract_id, created) SELECT id, $K, 0 FROM accounts WHERE email = 'ewa@example.com'"
new_draft
check "R16.5 an expired partner contract offers no advisory request" bash -c "! grep -q 'name=\"kind\" value=\"billing\"' '$T/body'"
post "/drafts/$D/step" step=2 action=next kind=programme "plan=$K" severity=moderate country=PL tz=Europe/Warsaw
expect_eq "R16.5 ... and a forged one is refused" "$STATUS" 422
check "R16.5 ... with the same clear error" grep -q 'for partners with a current partner contract' "$T/body"

expect_eq "R11.2 every balance equals its ledger" \
	"$(db 'SELECT count(*) FROM contracts c WHERE incidents_left <> (SELECT sum(delta) FROM incident_ledger WHERE contract_id = c.id)')" 0
