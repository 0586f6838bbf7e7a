#!/bin/bash
# Uploads as the spec says (R16.6, R11.9, J.40; issue #21 item 3): the
# limit is the configuration's (default 100 MiB), nginx's body limit is
# generated from it, the limit and the accepted types are shown on every
# upload form; a 60 MiB file streams through nginx and the worker (whose
# RSS stays within 2 MiB of its idle size), and the limit + 1 byte is
# refused with a page in the user's language, whoever answers: the
# worker, or nginx for a body past its own limit.
. "$(dirname "$0")/../lib.sh"
WORKERS=1 harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5
MiB=$((1024 * 1024))

expect_eq "R16.6 the default limit is 100 MiB (R11.9)" "$("$CTL" config Upload.MaxBytes)" $((100 * MiB))
body_limit=$("$CTL" config Upload.BodyLimit)
check "R16.6 nginx's body limit on the upload routes is generated from it ($body_limit)" \
	grep -q "client_max_body_size $body_limit;" "$VAR/run/nginx.conf"

# a Polish customer with a request (the reply form) and a new draft
customer ula@example.com Ula Limit personal
get /profile
post /profile "contact_email=ula@example.com" "country=PL" "tz=Europe/Warsaw" "lang=pl" "method=email"
request_with_file "Ula Limit" ula@example.com
get "/requests/$R"
check "R16.6 the reply form shows the limit" grep -q 'łącznie do <strong>100 MiB</strong>' "$T/body"
check "R16.6 ... and the accepted types" grep -q 'id="h-files-types">[^<]* .txt .log' "$T/body"
get /requests
post /requests/new
D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
get "/drafts/$D"
check "R16.6 wizard step 1 shows the limit" grep -q 'łącznie do <strong>100 MiB</strong>' "$T/body"
check "R16.6 ... and the accepted types" grep -q 'id="h-files-types">[^<]* .txt .log' "$T/body"
tok=$(csrf_token)

# upload NAME BYTES [DRAFT]: one file of BYTES zeros sent to step 1 as a
# browser would, generated on the fly (curl holds it, nobody else)
b=----supportalLimitBoundary7
upload() {
	STATUS=$( { printf -- '--%s\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n%s\r\n' $b "$tok"
		printf -- '--%s\r\nContent-Disposition: form-data; name="step"\r\n\r\n1\r\n' $b
		printf -- '--%s\r\nContent-Disposition: form-data; name="action"\r\n\r\nupload\r\n' $b
		printf -- '--%s\r\nContent-Disposition: form-data; name="files"; filename="%s"\r\n' $b "$1"
		printf 'Content-Type: application/octet-stream\r\n\r\n'
		head -c "$2" /dev/zero
		printf -- '\r\n--%s--\r\n' $b
	} | curl -s -o "$T/body" -D "$T/headers" -w '%{http_code}' -b "$T/jar" -c "$T/jar" \
		-H "Content-Type: multipart/form-data; boundary=$b" --data-binary @- \
		"$BASE/drafts/${3:-$D}/step")
}
# rss PID FIELD: VmRSS or VmHWM of a process, in KiB
rss() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# a 60 MiB file: the worker's resident size, peak included, stays within
# 2 MiB of what it was idle (the peak counter reset first)
pid=$(worker_pids | tr -d ' ')
get "/drafts/$D"
get "/drafts/$D"
echo 5 >"/proc/$pid/clear_refs"
idle=$(rss "$pid" VmRSS)
upload big.log $((60 * MiB))
expect_eq "R16.6 a 60 MiB file is taken" "$STATUS" 303
peak=$(rss "$pid" VmHWM)
echo "# worker $pid: idle $idle KiB, peak $peak KiB during the upload"
check "R11.9 ... streamed: the worker's peak RSS stays within 2 MiB of idle ($idle -> $peak KiB)" \
	test $((peak - idle)) -le 2048
expect_eq "R11.9 ... by the worker that was idle" "$(worker_pids | tr -d ' ')" "$pid"
expect_eq "R11.9 ... and it arrived whole" \
	"$(db "SELECT size || ' ' || sha256 FROM attachments WHERE draft_id = $D")" \
	"$((60 * MiB)) $(head -c $((60 * MiB)) /dev/zero | sha256sum | cut -d' ' -f1)"

# the limit + 1 byte: the worker refuses it, in the user's language
get /requests
post /requests/new
D2=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
n=$(db "SELECT count(*) FROM attachments")
upload over.log $((100 * MiB + 1)) "$D2"
expect_eq "R16.6 a file of the limit + 1 byte gets 413" "$STATUS" 413
check "R16.6 ... on the portal's page in the user's language (pl)" grep -q '<html lang="pl">' "$T/body"
check "R16.6 ... which says so" grep -q '<h1>Za dużo danych</h1>' "$T/body"
check "R16.6 ... and names the limit" grep -q 'łącznie do <strong>100 MiB</strong>' "$T/body"
expect_eq "R16.6 ... nothing stored" "$(db "SELECT count(*) FROM attachments")" "$n"
check "J.43 ... no file left in the private tmp" test -z "$(ls -A "$VAR/tmp")"
expect_eq "R16.6 ... and the same worker goes on" "$(worker_pids | tr -d ' ')" "$pid"
get "/drafts/$D2"
expect_eq "R16.6 ... serving the next page" "$STATUS" 200

# a body past nginx's own limit: nginx answers, still in the user's
# language (the lang cookie, else the browser's first language)
over() {	# over JAR [curl args]: a body claiming nginx's limit + 1
	local jar=$1
	shift
	STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -b "$jar" "$@" \
		-H "Content-Type: multipart/form-data; boundary=$b" \
		-H "Content-Length: $((body_limit + 1))" --data-binary x "$BASE/drafts/$D2/step")
}
over "$T/jar"
expect_eq "R16.6 a body over nginx's limit gets 413 from nginx" "$STATUS" 413
check "R16.6 ... its page in Polish for the Polish user (lang cookie)" grep -q '<html lang="pl">' "$T/body"
check "R16.6 ... saying so" grep -q 'Za dużo danych' "$T/body"
: >"$T/empty"
over "$T/empty" -H 'Accept-Language: pl-PL,pl;q=0.9,en;q=0.5'
check "R16.6 ... in Polish for a browser asking for Polish first" grep -q '<html lang="pl">' "$T/body"
over "$T/empty" -H 'Accept-Language: en-GB,pl;q=0.5'
check "R16.6 ... in English for one asking for English first" grep -q '<html lang="en">' "$T/body"
over "$T/empty" -H 'Cookie: lang=en' -H 'Accept-Language: pl'
check "R16.6 ... the lang cookie first" grep -q '<html lang="en">' "$T/body"
JAR=$T/fresh signin ula@example.com 'a long pass phrase'
check "R16.6 signing in puts the profile's language in the lang cookie nginx reads" \
	test "$(awk '$6 == "lang" { print $7 }' "$T/fresh")" = pl

# a configured limit (Upload.MaxBytes = 1 MiB): supportalctl, the forms,
# nginx and the worker follow it
printf 'Upload.MaxBytes = %d\n' "$MiB" >"$T/supportal.hdf"
export SUPPORTAL_CONFIG=$T/supportal.hdf
kill -TERM "$NGINX_PID"
wait "$NGINX_PID" 2>/dev/null
"$ROOT/tools/gen-nginx" "$VAR" "$ROOT" "$PORT" "$VAR/run/supportal.sock" >"$VAR/run/nginx.conf"
nginx -c "$VAR/run/nginx.conf" -p "$VAR/run" -e "$VAR/log/nginx-error.log" &
NGINX_PID=$!
workers_restart
expect_eq "R16.6 the configured limit (Upload.MaxBytes)" "$("$CTL" config Upload.MaxBytes)" "$MiB"
body_limit=$("$CTL" config Upload.BodyLimit)
check "R16.6 ... becomes nginx's body limit ($body_limit)" \
	grep -q "client_max_body_size $body_limit;" "$VAR/run/nginx.conf"
get "/drafts/$D2"
check "R16.6 ... is shown on the form" grep -q 'łącznie do <strong>1 MiB</strong>' "$T/body"
tok=$(csrf_token)
pid=$(worker_pids | tr -d ' ')
upload exact.log "$MiB" "$D2"
expect_eq "R16.6 ... a file of the limit is taken" "$STATUS" 303
get /requests
post /requests/new
D3=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
get "/drafts/$D3"
tok=$(csrf_token)
upload over.log $((MiB + 1)) "$D3"
expect_eq "R16.6 ... the limit + 1 byte gets 413" "$STATUS" 413
check "R16.6 ... in the user's language, naming the limit" \
	grep -q 'łącznie do <strong>1 MiB</strong>' "$T/body"
get "/drafts/$D2?step=1"
upload second.log 10 "$D2"
expect_eq "R16.6 a draft holds the limit in all: one more file is refused" "$STATUS" 422
expect_eq "R16.6 ... and not kept" "$(db "SELECT count(*) FROM attachments WHERE draft_id = $D2")" 1
expect_eq "R16.6 the worker lived through it all" "$(worker_pids | tr -d ' ')" "$pid"
