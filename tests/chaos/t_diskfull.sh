#!/bin/bash
# SECURITY.md J.44: a full disk, as a file size limit (prlimit --fsize,
# SIGXFSZ ignored) on the worker run as a CGI process.  An upload that
# cannot be written gets an error page, no message, no file row and no
# temp file; a submit whose WAL cannot grow (SQLITE_FULL) takes nothing
# and leaves the database whole; with the space back, both work.
. "$(dirname "$0")/lib.sh"
harness_start
chaos_customer 10

# full BYTES CMD...: CMD with files limited to BYTES, SIGXFSZ ignored
full() {
	local n=$1
	shift
	( trap '' XFSZ; exec prlimit --fsize="$n" "$@" )
}

# a request to write to
cgi_post "/drafts/$FIRST/submit" "csrf=$TOK"
R=$(db "SELECT id FROM requests WHERE draft_id = $FIRST")
check "a request to reply to" test -n "$R"

# the upload: 300 KB under a 100 KB limit
b=----J44boundary
{ printf -- '--%s\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n%s\r\n' "$b" "$TOK"
  printf -- '--%s\r\nContent-Disposition: form-data; name="body"\r\n\r\nThe log.\r\n' "$b"
  printf -- '--%s\r\nContent-Disposition: form-data; name="files"; filename="big.log"\r\n' "$b"
  printf 'Content-Type: text/plain\r\n\r\n'
  head -c 300000 /dev/zero | tr '\0' x
  printf '\r\n--%s--\r\n' "$b"; } >"$T/upload"
upload() {
	STATUS=$("$@" env REQUEST_METHOD=POST DOCUMENT_URI="/requests/$R/messages" REMOTE_ADDR=127.0.0.1 \
		CONTENT_TYPE="multipart/form-data; boundary=$b" CONTENT_LENGTH=$(stat -c %s "$T/upload") \
		HTTP_COOKIE="sid=$SID" "$BIN" <"$T/upload" 2>>"$VAR/log/cgi.log" |
		sed -n 's/^Status: \([0-9]*\).*/\1/p' | head -1)
}
m0=$(db "SELECT count(*) FROM messages WHERE request_id = $R")
a0=$(db "SELECT count(*) FROM attachments")
upload full 100000
expect_eq "J.44 an upload the disk cannot hold: 507" "$STATUS" 507
expect_eq "J.44 ... no message and no file row" \
	"$(db "SELECT count(*) FROM messages WHERE request_id = $R") $(db "SELECT count(*) FROM attachments")" "$m0 $a0"
expect_eq "J.44 ... no temp file left" "$(find "$VAR/tmp" -type f | wc -l)" 0
upload
expect_eq "J.44 with the space back the upload is taken" "$STATUS" 303
expect_eq "J.44 ... one message, one file" \
	"$(db "SELECT count(*) FROM messages WHERE request_id = $R") $(db "SELECT count(*) FROM attachments")" "$((m0 + 1)) $((a0 + 1))"

# the submit: the WAL emptied, then not allowed to grow past a page (on
# PostgreSQL the database's disk is the server's, not the worker's)
if is_pg; then
	echo "# skip J.44's full database on postgresql: the server's disk"
	invariants "J.44"
	exit 0
fi
db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
bal=$(db "SELECT incidents_left FROM contracts WHERE id = $K")
d=$((FIRST + 1))
CGI_WRAP="full 4096" cgi_post "/drafts/$d/submit" "csrf=$TOK"
expect_eq "J.44 a submit when the database cannot grow: the error page" "$STATUS" 500
expect_eq "J.44 ... takes nothing: no request, the balance as it was" \
	"$(db "SELECT count(*) FROM requests WHERE draft_id = $d") $(db "SELECT incidents_left FROM contracts WHERE id = $K")" "0 $bal"
check "J.44 ... the log says the disk is full" grep -q "database or disk is full\|SQLITE_FULL\|disk I/O error" "$VAR/log/cgi.log"
expect_eq "J.44 ... integrity_check" "$(db_integrity)" ok
cgi_post "/drafts/$d/submit" "csrf=$TOK"
expect_eq "J.44 with the space back the submit goes through" \
	"$STATUS $(db "SELECT count(*) FROM requests WHERE draft_id = $d") $(db "SELECT incidents_left FROM contracts WHERE id = $K")" "303 1 $((bal - 1))"
invariants "J.44"
