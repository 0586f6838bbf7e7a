#!/bin/bash
# Attachments in step 1 (R11.9, G.28, G.29, J.40-J.43): streamed by our
# own multipart parser, stored under generated names with size and
# SHA-256; limits; temporary files cleaned up.
. "$(dirname "$0")/../lib.sh"
WORKERS=1 harness_start
catalogue
signup up@example.com 'a long pass phrase' Uma Pload personal
profile_fill up@example.com
get /requests
post /requests/new
D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
get "/drafts/$D"
check "R11.9 the limits are shown before upload" grep -q 'together up to <strong>100 MiB</strong>. A request can have up to 20 files.' "$T/body"
check "R11.9 the accepted types are shown" grep -q 'Accepted types: .txt .log' "$T/body"
tok=$(csrf_token)
pids=$(worker_pids)

# multipart BOUNDARY FILE-NAME CONTENT-FILE: a body as a browser sends it
multipart() {
	local b=$1 name=$2 file=$3
	printf -- '--%s\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n%s\r\n' "$b" "$tok"
	printf -- '--%s\r\nContent-Disposition: form-data; name="step"\r\n\r\n1\r\n' "$b"
	printf -- '--%s\r\nContent-Disposition: form-data; name="action"\r\n\r\nupload\r\n' "$b"
	printf -- '--%s\r\nContent-Disposition: form-data; name="title"\r\n\r\nDisk full\r\n' "$b"
	printf -- '--%s\r\nContent-Disposition: form-data; name="files"; filename="%s"\r\nContent-Type: application/octet-stream\r\n\r\n' "$b" "$name"
	cat "$file"
	printf -- '\r\n--%s--\r\n' "$b"
}
upload() {
	multipart "$1" "$2" "$3" >"$T/mp.body"
	STATUS=$(curl -s -o "$T/body" -D "$T/headers" -w '%{http_code}' -b "$T/jar" -c "$T/jar" \
		-H "Content-Type: multipart/form-data; boundary=$1" --data-binary @"$T/mp.body" \
		"$BASE/drafts/$D/step")
}

# a binary file with CRLF, dashes and NULs, then a text file
head -c 300000 /dev/urandom >"$T/f1"
printf '\r\n--\r\n--xx\0\0\r\n' >>"$T/f1"
printf 'line one\r\n-----\r\nline three\n' >"$T/f2"
b30=$(printf '%030d' 7 | tr 0 a)                      # 30 characters, Firefox-like
b37="----WebKitFormBoundary$(printf '%015d' 3 | tr 0 Z)"   # 37 characters, Chrome-like
upload "$b30" "trace one.dmp" "$T/f1"
expect_eq "G.29 the first upload (30-character boundary) is taken" "$STATUS" 303
upload "$b37" "../../etc/passwd.txt" "$T/f2"
expect_eq "G.29 the second upload (37-character boundary) too" "$STATUS" 303
expect_eq "G.29 both files arrived whole" \
	"$(db "SELECT group_concat(size || ':' || sha256, ' ') FROM (SELECT * FROM attachments ORDER BY id) AS s")" \
	"$(stat -c %s "$T/f1"):$(sha256sum "$T/f1" | cut -d' ' -f1) $(stat -c %s "$T/f2"):$(sha256sum "$T/f2" | cut -d' ' -f1)"
expect_eq "G.29 ... and the other fields of both bodies too" "$(db "SELECT title FROM drafts WHERE id = $D")" "Disk full"
for s in $(db "SELECT stored FROM attachments"); do
	check "R11.9 the stored file matches its SHA-256 ($s)" \
		test "$(sha256sum "$VAR/attachments/$s" | cut -d' ' -f1)" = "$(db "SELECT sha256 FROM attachments WHERE stored = '$s'")"
done
check "J.41 files are stored under generated names" \
	bash -c "ls '$VAR/attachments' | grep -qvE '^[0-9a-f]{32}$' && exit 1 || exit 0"
expect_eq "J.41 the client's name is kept only as text" "$(db "SELECT name FROM attachments ORDER BY id DESC LIMIT 1")" "../../etc/passwd.txt"
get "/drafts/$D?step=1"
check "R11.9 each file is shown with its SHA-256" grep -q "$(sha256sum "$T/f2" | cut -d' ' -f1)" "$T/body"
check "J.41 a hostile name is shown escaped and inert" grep -q '<td>../../etc/passwd.txt</td>' "$T/body"

# refused types and hostile names
printf 'MZ' >"$T/f3"
upload "$b30" "setup.exe" "$T/f3"
expect_eq "R11.9 a type that is not accepted is refused" "$STATUS" 422
check "R11.9 ... saying so" grep -q 'is not accepted' "$T/body"
upload "$b30" 'a\"b<script>.txt' "$T/f2"
expect_eq "J.41 a name with a quote and markup is taken" "$STATUS" 303
expect_eq "J.41 ... and kept as text" "$(db "SELECT name FROM attachments ORDER BY id DESC LIMIT 1")" 'a"b<script>.txt'
get "/drafts/$D?step=1"
check "J.41 ... shown escaped" grep -q '<td>a&quot;b&lt;script&gt;.txt</td>' "$T/body"

# J.41: CR LF, NUL, a very long name and U+202E are kept as safe text
ext() {	# upload with a filename*=UTF-8'' parameter: NAME-PERCENT-ENCODED
	get "/drafts/$D?step=1"
	tok=$(csrf_token)
	{ printf -- '--%s\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n%s\r\n' "$b30" "$tok"
	  printf -- '--%s\r\nContent-Disposition: form-data; name="step"\r\n\r\n1\r\n' "$b30"
	  printf -- '--%s\r\nContent-Disposition: form-data; name="action"\r\n\r\nupload\r\n' "$b30"
	  printf -- "--%s\r\nContent-Disposition: form-data; name=\"files\"; filename*=UTF-8''%s\r\n\r\nx\r\n--%s--\r\n" "$b30" "$1" "$b30"
	} >"$T/ext.body"
	STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/jar" \
		-H "Content-Type: multipart/form-data; boundary=$b30" --data-binary @"$T/ext.body" "$BASE/drafts/$D/step")
}
ext 'a%0D%0ASet-Cookie%3A%20x%3D1.txt'
expect_eq "J.41 CR LF in a name: taken" "$STATUS" 303
expect_eq "J.41 ... stored without the control characters" \
	"$(db "SELECT name FROM attachments ORDER BY id DESC LIMIT 1")" $'a\xef\xbf\xbd\xef\xbf\xbdSet-Cookie: x=1.txt'	# U+FFFD twice
ext 'a%00b.txt'
expect_eq "J.41 NUL in a name: taken, not cut" "$STATUS" 303
expect_eq "J.41 ... as a_b.txt" "$(db "SELECT name FROM attachments ORDER BY id DESC LIMIT 1")" "a_b.txt"
ext "$(head -c 400 /dev/zero | tr '\0' z).txt"
expect_eq "J.41 a name of 400 bytes: cut at 255, so its type is gone: refused" "$STATUS" 422
ext 'photo%E2%80%AEgpj.exe.txt'
expect_eq "J.41 U+202E in a name: taken" "$STATUS" 303
check "J.41 ... with the override replaced" test "$(db "SELECT name FROM attachments ORDER BY id DESC LIMIT 1" | grep -cF $'\xe2\x80\xae')" = 0	# U+202E
get "/drafts/$D?step=1"
check "J.41 no raw control or override reaches the page" bash -c "! grep -qP '\x{202E}|\r' '$T/body'"

# J.40: a body over nginx's limit on the upload routes (the configured
# limit and room for the form: t_upload_limit.sh) is refused by nginx,
# nothing stored
n=$(db "SELECT count(*) FROM attachments")
STATUS=$(curl -s -o "$T/body" -w '%{http_code}' -b "$T/jar" \
	-H "Content-Type: multipart/form-data; boundary=$b30" \
	-H "Content-Length: $(( $("$CTL" config Upload.BodyLimit) + 1 ))" --data-binary x \
	"$BASE/drafts/$D/step")
expect_eq "J.40 an upload over nginx's limit gets 413" "$STATUS" 413
expect_eq "J.40 ... and no row" "$(db "SELECT count(*) FROM attachments")" "$n"
check "J.43 ... and no file left in the private tmp" test -z "$(ls -A "$VAR/tmp")"
expect_eq "J.43 the tmp directory is private" "$(stat -c %a "$VAR/tmp")" 700

# G.28: no boundary after earlier uploads: 400, the same worker
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/jar" -H 'Content-Type: multipart/form-data' \
	--data-binary 'x' "$BASE/drafts/$D/step")
expect_eq "G.28 multipart without a boundary after uploads: 400" "$STATUS" 400
# a body cut short: 400, no file left
multipart "$b37" "cut.log" "$T/f1" | head -c 200000 >"$T/cut.body"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/jar" \
	-H "Content-Type: multipart/form-data; boundary=$b37" --data-binary @"$T/cut.body" "$BASE/drafts/$D/step")
expect_eq "G.28 a body without its closing delimiter: 400" "$STATUS" 400
check "J.43 ... no file left in the private tmp" test -z "$(ls -A "$VAR/tmp")"
expect_eq "G.28 the worker survived all of it" "$(worker_pids)" "$pids"

# removing a file
F=$(db "SELECT id FROM attachments ORDER BY id LIMIT 1")
S=$(db "SELECT stored FROM attachments WHERE id = $F")
get "/drafts/$D?step=1"
post "/drafts/$D/remove-file" "file=$F"
expect_eq "R11.9 a file can be removed" "$(db "SELECT count(*) FROM attachments WHERE id = $F")" 0
check "R11.9 ... with its stored file" test ! -e "$VAR/attachments/$S"

# a stranger cannot upload to this draft
JAR=$T/other signup other@example.com 'a long pass phrase' O T personal
JAR=$T/other profile_fill other@example.com
JAR=$T/other get /requests
tok=$(JAR=$T/other csrf_token)
n=$(db "SELECT count(*) FROM attachments")
multipart "$b30" "x.txt" "$T/f2" >"$T/mp.body"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$T/other" \
	-H "Content-Type: multipart/form-data; boundary=$b30" --data-binary @"$T/mp.body" "$BASE/drafts/$D/step")
expect_eq "D.17 a stranger's upload to the draft gets 404" "$STATUS" 404
expect_eq "D.17 ... nothing stored" "$(db "SELECT count(*) FROM attachments")" "$n"
check "J.43 ... and no file left in the private tmp" test -z "$(ls -A "$VAR/tmp")"

# J.43: a worker killed in the middle of an upload leaves its file; the
# next worker to start removes it once it is an hour old
: >"$VAR/tmp/up.killed1"
touch -d '2 hours ago' "$VAR/tmp/up.killed1"
: >"$VAR/tmp/up.recent"
workers_restart
check "J.43 a stale upload file is removed when a worker starts" test ! -e "$VAR/tmp/up.killed1"
check "J.43 ... but not a recent one, which another worker may be writing" test -e "$VAR/tmp/up.recent"
rm -f "$VAR/tmp/up.recent"
