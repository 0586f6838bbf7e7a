#!/bin/bash
# Quotas that hold (R15.9, SECURITY.md M.60), configured in one place: a
# request's description and messages together stay within
# Request.MaxText, the reply past it refused (413) in the user's language
# with nothing stored; an account opens at most Draft.MaxOpen drafts
# (1,000 openings stop at the cap with a clear page, no 500) and keeps
# at most Draft.MaxBytes of files in its drafts together; drafts
# untouched for Draft.ExpireDays expire with their files, leaving no
# file without its row (supportalctl check).
. "$(dirname "$0")/../lib.sh"
harness_start
printf 'Request.MaxText = 4096\nDraft.MaxOpen = 5\nDraft.MaxBytes = 3000\nDraft.ExpireDays = 30\nRequest.MaxFiles = 3\nRequest.MaxFileBytes = 2000\n' \
	>"$T/supportal.hdf"
export SUPPORTAL_CONFIG=$T/supportal.hdf
workers_restart
expect_eq "R15.9 the quotas are configured in one place" \
	"$("$CTL" config Request.MaxText)/$("$CTL" config Draft.MaxOpen)/$("$CTL" config Draft.MaxBytes)/$("$CTL" config Draft.ExpireDays)" \
	"4096/5/3000/30"
expect_eq "R15.9 ... the request's files too" \
	"$("$CTL" config Request.MaxFiles)/$("$CTL" config Request.MaxFileBytes)" "3/2000"
catalogue
issue --programme sa --plan "SA support incidents" --incidents 10

# Request.MaxText: description and messages together
customer ewa@example.com Ewa Lis work
request_submitted "Ewa Lis" ewa@example.com
long=$(printf 'x%.0s' $(seq 1 3000))
get "/requests/$R"
post "/requests/$R/messages" "body=$long"
expect_eq "R15.9 a reply within the request's quota is sent" "$STATUS" 303
h=$(db_hash)
n=$(ls "$VAR/attachments" | wc -l)
get "/requests/$R"
post "/requests/$R/messages" "body=$long"
expect_eq "R15.9 the reply past Request.MaxText is refused (413)" "$STATUS" 413
check "R15.9 ... saying why" grep -q 'This request holds as much text as it may' "$T/body"
expect_eq "R15.9 ... and nothing is stored" "$(db_hash)" "$h"
printf 'a log\n' >"$T/a.log"
get "/requests/$R"
http POST "/requests/$R/messages" -F "csrf=$(csrf_token)" -F "body=$long" -F "files=@$T/a.log"
expect_eq "R15.9 ... with a file too (413)" "$STATUS" 413
expect_eq "R15.9 ... no row and no file left" "$(db_hash)/$(ls "$VAR/attachments" | wc -l)" "$h/$n"
get /profile
post /profile "contact_email=ewa@example.com" "phone=+48 22 555 0100" "company=Contoso" \
	"country=PL" "tz=Europe/Warsaw" "lang=pl" "method=email"
get "/requests/$R"
post "/requests/$R/messages" "body=$long"
expect_eq "R15.9 refused in Polish too (413)" "$STATUS" 413
check "R15.9 ... saying why in Polish" grep -q 'To zgłoszenie zawiera już tyle tekstu, ile może' "$T/body"
get "/requests/$R"
post "/requests/$R/messages" "body=A short one."
expect_eq "R15.9 a reply that fits is still sent" "$STATUS" 303

# Request.MaxFiles, Request.MaxFileBytes: a request's files (M.60)
printf 'first\n' >"$T/b.log"; printf 'second\n' >"$T/c.log"
get "/requests/$R"
http POST "/requests/$R/messages" -F "csrf=$(csrf_token)" -F "body=f1" -F "files=@$T/a.log" -F "files=@$T/b.log"
expect_eq "R15.9 two files within the request's quota are sent" "$STATUS" 303
h=$(db_hash); n=$(ls "$VAR/attachments" | wc -l)
get "/requests/$R"
http POST "/requests/$R/messages" -F "csrf=$(csrf_token)" -F "body=f2" -F "files=@$T/c.log" -F "files=@$T/b.log"
expect_eq "M.60 two more, past Request.MaxFiles, are refused (413)" "$STATUS" 413
check "M.60 ... saying why, in Polish" grep -q 'To zgłoszenie ma już tyle plików, ile może' "$T/body"
expect_eq "M.60 ... no message, no row and no file left" "$(db_hash)/$(ls "$VAR/attachments" | wc -l)" "$h/$n"
printf '%01990d' 0 >"$T/big.log"
get "/requests/$R"
http POST "/requests/$R/messages" -F "csrf=$(csrf_token)" -F "body=f3" -F "files=@$T/big.log"
expect_eq "M.60 a third file past Request.MaxFileBytes is refused (413)" "$STATUS" 413
expect_eq "M.60 ... nothing stored" "$(db_hash)/$(ls "$VAR/attachments" | wc -l)" "$h/$n"
get "/requests/$R"
http POST "/requests/$R/messages" -F "csrf=$(csrf_token)" -F "body=f4" -F "files=@$T/c.log"
expect_eq "M.60 a third small one fits (303)" "$STATUS" 303
expect_eq "M.60 ... the request holds its 3 files" "$(db "SELECT count(*) FROM attachments WHERE request_id = $R")" 3

# Draft.MaxBytes: the files of an account's drafts together
printf '%01500d' 0 >"$T/one.bin.log"
get /requests
post /requests/new
D1=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
get "/drafts/$D1"
http POST "/drafts/$D1/step" -F "csrf=$(csrf_token)" -F step=1 -F action=upload -F "files=@$T/one.bin.log"
http POST "/drafts/$D1/step" -F "csrf=$(csrf_token)" -F step=1 -F action=upload -F "files=@$T/one.bin.log"
expect_eq "R15.9 a draft takes files within the account's quota" \
	"$(db "SELECT count(*) FROM attachments WHERE draft_id = $D1")" 2
get /requests
post /requests/new
D2=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
get "/drafts/$D2"
h=$(db_hash)
n=$(ls "$VAR/attachments" | wc -l)
http POST "/drafts/$D2/step" -F "csrf=$(csrf_token)" -F step=1 -F action=upload -F "files=@$T/one.bin.log"
expect_eq "M.60 a file past Draft.MaxBytes across the account's drafts is refused" "$STATUS" 422
check "M.60 ... saying why" grep -q 'niedokończone zgłoszenia mają już tyle plików' "$T/body"
expect_eq "M.60 ... no row for it and no file on disk" \
	"$(db "SELECT count(*) FROM attachments WHERE draft_id = $D2")/$(ls "$VAR/attachments" | wc -l)" "0/$n"

# Draft.MaxOpen: 1,000 openings by one account stop at the cap
JAR=$T/zed customer zed@example.com Zed Zee work
JAR=$T/zed get /requests
tok=$(token_in "$T/body")
urls=$(for i in $(seq 1 1000); do printf '%s ' "$BASE/requests/new"; done)
# shellcheck disable=SC2086
curl -s -b "$T/zed" -d "csrf=$tok" -w 'CODE:%{http_code}\n' $urls >"$T/storm" 2>/dev/null
codes=$(grep -o 'CODE:[0-9]*' "$T/storm" | sort | uniq -c | awk '{ printf "%s %s ", $2, $1 }')
expect_eq "M.60 1,000 openings: 5 drafts, 995 refused, none failed" "$codes" "CODE:303 5 CODE:409 995 "
expect_eq "M.60 ... the account has exactly Draft.MaxOpen open drafts" \
	"$(db "SELECT count(*) FROM drafts WHERE account_id = $(acct zed@example.com) AND request_id IS NULL")" 5
JAR=$T/zed get /requests
JAR=$T/zed post /requests/new
expect_eq "M.60 the opening past the cap gets a clear page (409)" "$STATUS" 409
check "M.60 ... saying why" grep -q 'as many unfinished requests as an account may keep' "$T/body"
check "M.60 ... with the way to them" grep -q 'href="/requests"' "$T/body"
did=$(db "SELECT max(id) FROM drafts WHERE account_id = $(acct zed@example.com)")
JAR=$T/zed get /requests
JAR=$T/zed post "/drafts/$did/discard"
JAR=$T/zed get /requests
JAR=$T/zed post /requests/new
expect_eq "M.60 a draft discarded makes room for one more" "$STATUS" 303

# Draft.ExpireDays: Ewa's drafts with their files, untouched for 31 days
old=$(( $(date +%s) - 31 * 86400 ))
db "UPDATE drafts SET updated = $old WHERE id IN ($D1, $D2)"
# a submitted draft is never expired: its files are the request's
db "UPDATE drafts SET updated = $old WHERE id = $D"
files=$(db "SELECT stored FROM attachments WHERE draft_id = $D1")
keep=$(db "SELECT count(*) FROM drafts WHERE request_id IS NULL AND id NOT IN ($D1, $D2)")
expect_eq "R15.9 expire-drafts removes the drafts untouched for 30 days" "$("$CTL" expire-drafts)" "2 drafts expired"
expect_eq "R15.9 ... their rows and their files' rows" \
	"$(db "SELECT count(*) FROM drafts WHERE id IN ($D1, $D2)")/$(db "SELECT count(*) FROM attachments WHERE draft_id IN ($D1, $D2)")" "0/0"
gone=0
for f in $files; do [ -e "$VAR/attachments/$f" ] || gone=$((gone + 1)); done
expect_eq "R15.9 ... and their files on disk" "$gone" 2
expect_eq "R15.9 ... the other drafts and the submitted one stay" \
	"$(db "SELECT count(*) FROM drafts WHERE request_id IS NULL")/$(db "SELECT count(*) FROM drafts WHERE id = $D")" "$keep/1"
expect_eq "R15.9 ... a second run finds nothing" "$("$CTL" expire-drafts)" "0 drafts expired"
out=$("$CTL" check 2>&1); rc=$?
expect_eq "M.60 supportalctl check then reports no file without its row ($out)" "$rc" 0
