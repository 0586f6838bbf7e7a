#!/bin/bash
# Sessions and cookies (R1.1, R1.2, R1.4, SECURITY.md B.7-B.12).
. "$(dirname "$0")/../lib.sh"
harness_start
sid() { awk '$6 == "sid" { print $7 }' "$1"; }

signup sam@example.com 'a long pass phrase' Sam Session work
profile_fill sam@example.com
S1=$(sid "$T/jar")
signin sam@example.com 'a long pass phrase'
check "B.8 the session cookie is HttpOnly, SameSite=Lax, Path=/" \
	grep -qi '^Set-Cookie: sid=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Lax' "$T/headers"
check "B.8 ... and not Secure over plain http" bash -c "! grep -i '^Set-Cookie: sid=' '$T/headers' | grep -qi secure"
S2=$(sid "$T/jar")
check "R1.4 a new session id on every sign-in" test -n "$S1" -a -n "$S2" -a "$S1" != "$S2"

# B.7: only the SHA-256 is stored; the value is in no file of var/
expect_eq "B.7 the stored hash is the SHA-256 of the cookie" \
	"$(db "SELECT count(*) FROM sessions WHERE token_hash = '$(printf %s "$S2" | sha256sum | cut -d' ' -f1)'")" 1
# (on PostgreSQL the database's text: its dump)
is_pg && db_dump >"$T/database.dump"
for f in "$DB" "$DB-wal" "$T/database.dump" "$VAR"/log/*; do
	[ -f "$f" ] || continue
	check "B.7 the cookie value is not in $(basename "$f")" bash -c "! grep -aqF '$S2' '$f' && ! grep -aqF '$S1' '$f'"
done

# B.8 over https: the worker run as CGI with HTTPS=on
cgi() {
	env -i PATH="$PATH" SUPPORTAL_VAR="$VAR" SUPPORTAL_ROOT="$ROOT" "${DB_ENV[@]}" SUPPORTAL_SCRYPT=10,8,1 \
		SUPPORTAL_ORIGIN=https://support.example.com HTTPS=on REMOTE_ADDR=127.0.0.9 "$@" "$BIN"
}
pre=$(printf '%064d' 5)
body="csrf=$pre&email=sam%40example.com&password=a+long+pass+phrase"
out=$(printf %s "$body" | cgi REQUEST_METHOD=POST DOCUMENT_URI=/signin \
	CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=${#body} \
	HTTP_COOKIE="__Host-pre=$pre" 2>/dev/null)
check "B.8 over https the cookie is __Host-sid, Secure" \
	bash -c "printf '%s' \"\$1\" | grep -qi '^Set-Cookie: __Host-sid=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Lax; Secure'" _ "$out"
check "K.45 HSTS of a year or more over https" \
	bash -c "printf '%s' \"\$1\" | grep -qiE '^Strict-Transport-Security: max-age=(3153[6-9][0-9]{3}|[4-9][0-9]{7}|[0-9]{9,})'" _ "$out"

# B.9: a cookie planted before sign-in is not the one after, and is refused
JAR=$T/fix
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tsid\t%s\n' "$(printf '%064d' 1)" >"$JAR"
signin sam@example.com 'a long pass phrase'
check "B.9 the planted cookie was replaced" test "$(sid "$JAR")" != "$(printf '%064d' 1)"
JAR=$T/jar
loc=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: sid=$(printf '%064d' 1)" "$BASE/")
expect_eq "B.9 the planted value is refused" "$loc" "$BASE/signin?next=/"

# B.10: idle 30 minutes, absolute 12 hours (clock moved in the database)
get /
expect_eq "B.10 signed in" "$STATUS" 200
h=$(printf %s "$(sid "$T/jar")" | sha256sum | cut -d' ' -f1)
db "UPDATE sessions SET seen = unixepoch() - 29*60 WHERE token_hash = '$h'"
get /
expect_eq "B.10 29 minutes idle: still served" "$STATUS" 200
db "UPDATE sessions SET seen = unixepoch() - 31*60 WHERE token_hash = '$h'"
get /
expect_eq "B.10 31 minutes idle: to sign-in" "$(header Location)" "/signin?next=/"
expect_eq "B.10 ... and the session is ended (kept a day for a held reply: R14.11)" \
	"$(db "SELECT count(*) FROM sessions WHERE token_hash = '$h' AND ended = 0")" 0
signin sam@example.com 'a long pass phrase'
h=$(printf %s "$(sid "$T/jar")" | sha256sum | cut -d' ' -f1)
db "UPDATE sessions SET created = unixepoch() - 12*3600 - 60 WHERE token_hash = '$h'"
get /
expect_eq "B.10 12 h 01 min after sign-in: to sign-in, whatever the activity" "$(header Location)" "/signin?next=/"

# B.11: sign-out everywhere; a password change ends the other sessions
for j in a b c; do JAR=$T/s$j signin sam@example.com 'a long pass phrase' >/dev/null; done
JAR=$T/sa get /
JAR=$T/sa post /signout
expect_eq "B.11 sign-out goes to sign-in" "$(JAR=$T/sa header Location)" /signin
for j in a b c; do
	JAR=$T/s$j get /
	expect_eq "B.11 browser $j is signed out" "$(JAR=$T/s$j header Location)" "/signin?next=/"
done
expect_eq "B.11 no session row is left" "$(db "SELECT count(*) FROM sessions")" 0
for j in a b c; do JAR=$T/s$j signin sam@example.com 'a long pass phrase' >/dev/null; done
JAR=$T/sa get /password
JAR=$T/sa post /password "current=a long pass phrase" "password=a new long phrase"
expect_eq "B.11 the password is changed" "$(JAR=$T/sa header Location)" "/password?done=1"
JAR=$T/sa get /
expect_eq "B.11 this browser stays signed in" "$STATUS" 200
for j in b c; do
	JAR=$T/s$j get /
	expect_eq "B.11 browser $j is signed out by the change" "$(JAR=$T/s$j header Location)" "/signin?next=/"
done
JAR=$T/new signin sam@example.com 'a long pass phrase'
expect_eq "B.11 the old password no longer works" "$STATUS" 422
JAR=$T/new signin sam@example.com 'a new long phrase'
expect_eq "B.11 the new one does" "$(JAR=$T/new header Location)" /

# B.12: forged cookies are signed out, never 500, the workers unchanged
pids=$(worker_pids)
JAR=$T/sa get /
good=$(sid "$T/sa")
big=$(head -c 7500 /dev/zero | tr '\0' a)
for c in "sid=$(printf '%064d' 9)" "sid=$big" "sid=a; sid=$good" "sid=$good; sid=b" \
	"sid.x=1" "sid=$(printf 'g%.0s' $(seq 64))" "sid=" "=; ;;" "sid=$good$good"; do
	r=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $c" "$BASE/")
	expect_eq "B.12 cookie '${c:0:40}' is signed out" "$r" "303 $BASE/signin?next=/"
done
expect_eq "B.12 the workers are the same processes" "$(worker_pids)" "$pids"

# R1.1: the name and the kind on every signed-in page
for p in / /profile /password /contracts /requests; do
	JAR=$T/sa get "$p"
	check "R1.1 name and kind on $p" bash -c "grep -q 'Sam Session' '$T/body' && grep -q 'Work account' '$T/body'"
done
