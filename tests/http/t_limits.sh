#!/bin/bash
# Limits that hold (R15.8, R15.9, SECURITY.md M.60, M.61): a request has
# at most Request.MaxContacts contacts, the one past it refused with the
# reason in the user's language and nothing changed; every contact gets
# every message mail, however many there are and however their addresses
# sort; supportalctl check finds a file without its row.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 3

customer zed@example.com Zed Zee work
# twenty colleagues in step 4 whose addresses sort before every other
sec=$(for i in $(seq -w 1 20); do printf 'a%s@example.com ' "$i"; done)
request_submitted "Zed Zee" zed@example.com "$sec"
expect_eq "R15.8 the submitted request has the primary and the twenty colleagues" \
	"$(db "SELECT count(*) FROM request_contacts WHERE request_id = $R")" 21

for e in b1@example.com b2@example.com b3@example.com b4@example.com; do
	get "/requests/$R"
	post "/requests/$R/contacts" "email=$e"
	expect_eq "R15.8 a contact adds $e" "$STATUS" 303
done
expect_eq "R15.8 ... up to the cap (25 by default)" \
	"$(db "SELECT count(*) FROM request_contacts WHERE request_id = $R")" 25

h=$(db_hash)
get "/requests/$R"
post "/requests/$R/contacts" "email=b5@example.com"
expect_eq "M.61 the contact past the cap is refused" "$STATUS" 422
check "M.61 ... saying why" grep -q 'as many contacts as it may have' "$T/body"
expect_eq "M.61 ... and nothing changed" "$(db_hash)" "$h"
get "/requests/$R"
post "/requests/$R/contacts" "email=b1@example.com"
check "R7.3 a contact already is still told so" grep -q 'a contact of the request already' "$T/body"
expect_eq "R7.3 ... and nothing changed" "$(db_hash)" "$h"

# the same in Polish
post /lang lang=pl next=/
get "/requests/$R"
post "/requests/$R/contacts" "email=b6@example.com"
check "M.61 the refusal in Polish" grep -q 'tyle osób kontaktowych, ile może mieć' "$T/body"
post /lang lang=en next=/

# a message from the primary contact reaches the 24 others (R9.2), the
# primary contact whose address sorts last among none cut off
n0=$(db "SELECT coalesce(max(id), 0) FROM outbox")
get "/requests/$R"
post "/requests/$R/messages" "body=A message to everyone."
expect_eq "R15.8 a message is posted" "$STATUS" 303
expect_eq "M.61 every other contact gets the message mail, 24 of 24 (no cut-off)" \
	"$(db "SELECT count(DISTINCT recipient) FROM outbox WHERE id > $n0 AND subject LIKE 'New message%'")" 24
expect_eq "M.61 ... the last in order too" \
	"$(db "SELECT count(*) FROM outbox WHERE id > $n0 AND recipient = 'b4@example.com'")" 1

# a configured cap (Request.MaxContacts = 22) holds for a new request
printf 'Request.MaxContacts = 22\n' >"$T/supportal.hdf"
export SUPPORTAL_CONFIG=$T/supportal.hdf
workers_restart
draft_filled "Zed Zee" zed@example.com "c1@example.com"
get "/drafts/$D"
post "/drafts/$D/submit"
R2=$(db "SELECT id FROM requests WHERE draft_id = $D")
for i in $(seq 1 20); do
	get "/requests/$R2"
	post "/requests/$R2/contacts" "email=d$i@example.com"
done
expect_eq "R15.8 a configured cap (22) is the most contacts a request gets" \
	"$(db "SELECT count(*) FROM request_contacts WHERE request_id = $R2")" 22


# R15.9, M.60: a file in var/attachments/ that no row names is reported
"$CTL" check >/dev/null
expect_eq "R15.9 supportalctl check passes on the suite's files" "$?" 0
printf 'planted\n' >"$VAR/attachments/0123456789abcdef0123456789abcdef"
out=$("$CTL" check 2>&1); rc=$?
check "M.60 supportalctl check fails on a planted file without its row ($rc)" test "$rc" -ne 0
check "M.60 ... and names it" grep -q '0123456789abcdef0123456789abcdef has no row' <<<"$out"
rm -f "$VAR/attachments/0123456789abcdef0123456789abcdef"
"$CTL" check >/dev/null
expect_eq "R15.9 ... and passes once it is gone" "$?" 0
