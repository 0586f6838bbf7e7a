#!/bin/bash
# Sign-up and the one-time profile (R1.1, R1.2, R2.1-R2.4) and the
# language of the pages (R12.1).
. "$(dirname "$0")/../lib.sh"
harness_start

# R1.2: sign-up asks for email, password, names and kind
get /signup
for f in email password first last kind; do
	check "R1.2 sign-up asks for $f" grep -q "name=\"$f\"" "$T/body"
done
post /signup "email=" "password=short" "first=" "last=" "kind=robot"
expect_eq "R1.2 an invalid sign-up is refused" "$STATUS" 422
check "R12.2 errors are summarised at the top, linked to fields" \
	grep -q '<a href="#f-email">' "$T/body"
check "R12.2 the summary links the kind" grep -q '<a href="#f-kind">' "$T/body"
check "R12.2 each field shows its error next to it" grep -q 'id="e-password"' "$T/body"
check "R12.2 an invalid field is marked for assistive technology" \
	grep -q 'aria-invalid="true"' "$T/body"
expect_eq "nothing was stored" "$(db 'SELECT count(*) FROM accounts')" 0

signup_only Ola.Nowak@Example.com 'a long pass phrase' Ola Nowak work
expect_eq "R1.2 sign-up succeeds with 303" "$STATUS" 303
expect_eq "R14.1 ... to 'check your mail'" "$(header Location)" /signup/sent
verify ola.nowak@example.com
signin ola.nowak@example.com 'a long pass phrase'
get /
expect_eq "R2.1 a new account goes to the profile" "$(header Location)" /profile
expect_eq "R1.2 the email is stored in lower case" \
	"$(db "SELECT email||','||kind FROM accounts")" "ola.nowak@example.com,work"

JAR=$T/jar2 signup_only ola.nowak@example.com 'another long phrase' O N personal
expect_eq "R1.2 an email can have one account (R14.2: answered as a new one)" \
	"$STATUS $(header Location) $(db 'SELECT count(*) FROM accounts')" "303 /signup/sent 1"
check "R14.2 the page does not say the email is taken" \
	test "$(grep -c 'already exists' "$T/body")" -eq 0

# R2.1: every page with the PROFILE flag sends an incomplete profile to /profile
for p in / /password; do
	get "$p"
	expect_eq "R2.1 $p redirects until the profile is complete" "$(header Location)" /profile
done
get /profile
expect_eq "R2.1 the profile form is served" "$STATUS" 200
check "R2.2 the first name is shown read-only" \
	grep -q 'id="f-first" type="text" value="Ola" readonly disabled' "$T/body"
check "R2.2 the last name is shown read-only" \
	grep -q 'id="f-last" type="text" value="Nowak" readonly disabled' "$T/body"
check "R2.3 the contact email defaults to the login email" \
	grep -q 'value="ola.nowak@example.com"' "$T/body"
check "R2.3 the country list is there" grep -q '<option value="PL">Poland</option>' "$T/body"
check "R2.3 the time zones come from the system" grep -q '<option>Europe/Warsaw</option>' "$T/body"
check "R1.1 the kind is shown next to the name" grep -q 'Work account' "$T/body"

# R2.3: each field validated with its own message
post /profile "contact_email=not-an-email" "phone=12" "company=" "country=XX" \
	"tz=Mars/Olympus" "lang=de" "method=pigeon"
expect_eq "R2.3 an invalid profile is refused" "$STATUS" 422
for f in contact_email phone country tz lang method; do
	check "R2.3 $f has its own error" grep -q "id=\"e-$f\"" "$T/body"
done
check "R2.3 the country error says what to do" grep -q 'Choose a country or region' "$T/body"
expect_eq "R2.3 nothing was stored" "$(db 'SELECT profile_done FROM accounts')" 0

post /profile "contact_email=ola@contoso.example" "phone=" "company=Contoso" \
	"country=PL" "tz=Europe/Warsaw" "lang=en" "method=phone"
expect_eq "R2.3 phone as contact method needs a phone" "$STATUS" 422
check "R2.3 the phone error explains" grep -q 'choose email as the contact method' "$T/body"

# R2.2: a crafted POST cannot change the names
post /profile "contact_email=ola@contoso.example" "phone=+48 22 555 0100" \
	"company=Contoso" "country=PL" "tz=Europe/Warsaw" "lang=en" "method=email" \
	"first=Mallory" "last=Evil"
expect_eq "R2.1 a complete profile goes on to the start page" "$(header Location)" /
expect_eq "R2.2 the names did not change" \
	"$(db "SELECT first_name||' '||last_name FROM accounts")" "Ola Nowak"
expect_eq "R2.3 the profile is stored" \
	"$(db "SELECT contact_email||','||phone||','||company||','||country||','||timezone||','||lang||','||contact_method||','||profile_done FROM accounts")" \
	"ola@contoso.example,+48 22 555 0100,Contoso,PL,Europe/Warsaw,en,email,1"
get /
expect_eq "R2.1 the start page is served once complete" "$STATUS" 200
check "R1.1 the name is on the page" grep -q 'Ola Nowak' "$T/body"
check "R1.1 the kind is on the page" grep -q 'Work account' "$T/body"

# R2.4: every value can be changed later
get /profile
check "R2.4 the form shows the stored values" grep -q 'value="Contoso"' "$T/body"
check "R2.4 the stored zone is selected" grep -q '<option selected>Europe/Warsaw</option>' "$T/body"
post /profile "contact_email=ola@fabrikam.example" "phone=+48 22 555 0101" \
	"company=Fabrikam" "country=DE" "tz=Europe/Berlin" "lang=pl" "method=phone"
expect_eq "R2.4 a change is saved" "$(header Location)" "/profile?saved=1"
expect_eq "R2.4 the change is stored" \
	"$(db "SELECT company||','||country||','||timezone||','||lang||','||contact_method FROM accounts")" \
	"Fabrikam,DE,Europe/Berlin,pl,phone"

# R12.1: after the profile, the profile's language
get "/profile?saved=1"
check "R12.1 the profile language (Polish) is used" grep -q '<html lang="pl">' "$T/body"
check "R12.1 Polish strings" grep -q 'Profil został zapisany' "$T/body"
check "R12.1 Polish country names" grep -q '<option value="DE" selected>Niemcy</option>' "$T/body"
check "R1.1 the kind in Polish" grep -q 'Konto służbowe' "$T/body"
http GET / -H 'Accept-Language: en-US,en;q=0.9'
check "R12.1 Accept-Language does not override the profile" grep -q '<html lang="pl">' "$T/body"
get /
post /lang "lang=en" "next=/password"
expect_eq "R12.1 the switch returns to the page" "$(header Location)" /password
expect_eq "R12.1 the switch changes the profile's language" "$(db 'SELECT lang FROM accounts')" en
get /password
check "R12.1 the page is now English" grep -q '<html lang="en">' "$T/body"
check "R12.1 a switch on every page" grep -q 'action="/lang"' "$T/body"

# R12.1: before the profile, the browser's language
JAR=$T/anon http GET /signin -H 'Accept-Language: pl-PL,pl;q=0.9,en;q=0.5'
check "R12.1 Accept-Language pl gives Polish before sign-in" grep -q 'Zaloguj się' "$T/body"
JAR=$T/anon http GET /signin -H 'Accept-Language: de-DE, en;q=0.3, pl;q=0.2'
check "R12.1 the higher q-value wins (en over pl)" grep -q '<html lang="en">' "$T/body"
JAR=$T/anon http GET /signin -H 'Accept-Language: fr'
check "R12.1 an unknown language falls back to English" grep -q '<html lang="en">' "$T/body"
JAR=$T/anon post /lang "lang=pl" "next=/signup"
expect_eq "R12.1 the switch works signed out" "$(header Location)" /signup
JAR=$T/anon http GET /signup -H 'Accept-Language: en'
check "R12.1 the switch's choice beats Accept-Language" grep -q 'Załóż konto' "$T/body"

# R2.1 for the sign-up language: a Polish sign-up starts with a Polish profile
JAR=$T/pl signup jan@example.com 'a long pass phrase' Jan Kowalski personal
JAR=$T/pl http GET /profile -H 'Accept-Language: pl'
check "R12.1 the profile form follows the browser before completion" grep -q 'Twój profil' "$T/body"
check "R2.3 the language defaults to the current one" grep -q 'value="pl" checked' "$T/body"
