#!/bin/bash
# supportalctl copy-from-sqlite (R18, issue #22): a SQLite portal made
# through the real workers (accounts, a contract, requests with a file,
# replies with tabs, backslashes and line ends, a note, a TOTP secret
# sealed in a BLOB, a card and a paid purchase, mails sent) copied into a
# new PostgreSQL database: every table's rows counted equal and every
# value the same, supportalctl check clean on the copy, each identity
# past its largest id (the next rows get new ids), the workers on the
# copy serving the same pages to the same cookies, and a second copy, a
# file of another version, a SQLite configuration and a missing file all
# refused with nothing changed; a copy that fails half-way leaves
# nothing behind.
#
# Whatever the engine of the run, the portal is made on SQLite and the
# copy goes into PostgreSQL: a database of its own in the run's cluster
# (SUPPORTAL_TEST_PGHOST), or in a cluster of its own when run by hand
# (tests/lib.sh's pg_database_create).
. "$(dirname "$0")/../lib.sh"
# SQLite first; no history shadow: test_shadow is a table PostgreSQL
# lacks, which the copy would refuse
export SUPPORTAL_DB_ENGINE=sqlite
HISTORY_CHECK=0 harness_start
SQ=$DB
sq() { sqlite3 -cmd ".timeout 5000" "$SQ" "$@"; }

# ---- the SQLite portal, through the workers
catalogue
issue --programme sa --plan "SA support incidents" --incidents 10
JAR=$T/ewa customer ewa@example.com Ewa Lis work >/dev/null
JAR=$T/ewa request_with_file "Ewa Lis" ewa@example.com piotr@example.com "a log line" >/dev/null
R1=$R
ODD=$'Tab\there, a back\\slash, \\N and \\. alone,\r\nCRLF, "quotes" \x27single\x27, zażółć 😀\nlast line'
JAR=$T/ewa get "/requests/$R1"
JAR=$T/ewa post "/requests/$R1/messages" "body=$ODD"
JAR=$T/ewa request_submitted "Ewa Lis" ewa@example.com >/dev/null
R2=$R
JAR=$T/piotr customer piotr@example.com Piotr Nowak work >/dev/null
JAR=$T/eve engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/eve get "/queue/$R1"
JAR=$T/eve post "/queue/$R1/take"
JAR=$T/eve get "/queue/$R1"
JAR=$T/eve post "/queue/$R1/notes" "note=Internal: call before 10:00"
JAR=$T/eve get "/queue/$R1"
JAR=$T/eve post "/queue/$R1/messages" "body=Engineer says hello."
JAR=$T/eve post "/queue/$R1/status" status=waiting
# a card and a paid purchase (a personal account's, R6); a TOTP secret
# sealed with the key file
JAR=$T/cee customer cee@example.com Cee Contact personal >/dev/null
JAR=$T/cee card_saved "Cee Contact" >/dev/null
JAR=$T/cee purchase_started "version=$V"
JAR=$T/cee get "/ppi/$N"
JAR=$T/cee post "/ppi/$N/buy"
JAR=$T/ewa get /account/totp
JAR=$T/ewa post /account/totp/start
JAR=$T/ewa get /account/totp
SECRET=$(sed -n 's|.*<code class="secret">\([^<]*\)</code>.*|\1|p' "$T/body")
"$CTL" send-mail >/dev/null
JAR=$T/bad signin ewa@example.com 'not the password' >/dev/null

expect_eq "the SQLite portal: requests, messages, notes, paid purchases, sealed secrets" \
	"$(sq "SELECT (SELECT count(*) FROM requests) || ' ' || (SELECT count(*) FROM messages)
	  || ' ' || (SELECT count(*) FROM request_notes) || ' ' ||
	  (SELECT count(*) FROM purchases WHERE status = 'paid') || ' ' ||
	  (SELECT count(*) FROM accounts WHERE totp_sealed IS NOT NULL)")" "2 2 1 1 1"
check "... a reply kept with its tab, backslashes and line ends" \
	test "$(sq "SELECT count(*) FROM messages WHERE body LIKE '%' || char(9) || '%\\slash, \\N%' AND body LIKE '%' || char(10) || 'last line'")" = 1
check "... and a TOTP secret on the page" test -n "$SECRET"
"$CTL" check >"$T/check.sq" 2>&1
check "supportalctl check passes on the SQLite portal" grep -q '^check passed: 0 problems' "$T/check.sq"

# ---- the copy: a new PostgreSQL database, init, copy-from-sqlite
pg_database_create || exit 1		# exports the engine and conninfo
PGBASE=$SUPPORTAL_DB_CONNINFO
"$CTL" init >/dev/null || not_ok "init on PostgreSQL"
t0=$SECONDS
"$CTL" copy-from-sqlite "$SQ" >"$T/copy.out" 2>&1
expect_eq "copy-from-sqlite succeeds" "$?" 0 || sed 's/^/#   /' "$T/copy.out"
echo "# $(grep '^copied' "$T/copy.out") in $((SECONDS - t0)) s"
check "... and says every table was counted again" grep -q '^counted again: every table has the same rows on both sides' "$T/copy.out"

# the tables of the copy: PostgreSQL's, but schema_meta
TABLES=$(db "SELECT relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
  WHERE s.nspname = current_schema() AND relkind = 'r' AND relname <> 'schema_meta' ORDER BY 1")
bad="" rows=0 nonempty=0
for t in $TABLES; do
	a=$(sq "SELECT count(*) FROM \"$t\"")
	b=$(db "SELECT count(*) FROM \"$t\"")
	c=$(sed -n "s/^$t: \([0-9]*\) rows\$/\1/p" "$T/copy.out")
	[ "$a" = "$b" ] && [ "$b" = "$c" ] || bad="$bad $t($a/$b/$c)"
	rows=$((rows + a))
	[ "$a" -gt 0 ] && nonempty=$((nonempty + 1))
done
expect_eq "every table counted equal on both sides and as printed ($(echo $TABLES | wc -w) tables, $nonempty with rows, $rows rows)" "$bad" ""
expect_eq "... the totals printed" "$(grep '^copied' "$T/copy.out")" \
	"copied $rows rows of $(echo $TABLES | wc -w) tables"
check "... SQLite's FTS tables and views are not among them" \
	bash -c "! grep -qE '^(requests_fts|messages_fts|articles_fts|requests_words|sqlite_)' '$T/copy.out'"

# every value of every copied column (those PostgreSQL does not
# generate), as the bytes of its text or of its BLOB; a column SQLite
# has not is its rowid (throttle.id)
bad=""
for t in $TABLES; do
	s="" p=""
	while IFS='|' read -r c ty; do
		[ -n "$s" ] && s="$s || '|' || " && p="$p || '|' || "
		q="\"$c\""
		[ "$(sq "SELECT count(*) FROM pragma_table_xinfo('$t') WHERE name = '$c'")" = 1 ] || q=rowid
		if [ "$ty" = bytea ]; then
			s="$s CASE WHEN $q IS NULL THEN 'null' ELSE 'x' || hex($q) END"
			p="$p coalesce('x' || upper(encode(\"$c\", 'hex')), 'null')"
		else
			s="$s CASE WHEN $q IS NULL THEN 'null' ELSE hex(CAST($q AS TEXT)) END"
			p="$p coalesce(upper(encode(convert_to(\"$c\"::text, 'UTF8'), 'hex')), 'null')"
		fi
	done < <(db "SELECT column_name, data_type FROM information_schema.columns
	  WHERE table_schema = current_schema() AND table_name = '$t' AND is_generated = 'NEVER'
	  ORDER BY ordinal_position")
	[ "$(sq "SELECT $s FROM \"$t\"" | sort | sha256sum)" = \
	  "$(db "SELECT $p FROM \"$t\"" | sort | sha256sum)" ] || bad="$bad $t"
done
expect_eq "every value of every row the same on both sides" "$bad" ""
expect_eq "... the generated columns made by PostgreSQL (region, stage, search)" \
	"$(db "SELECT count(*) FROM requests WHERE region = 'EMEA' AND stage IS NOT NULL AND search @@ to_tsquery('simple', 'reports')")" 2

"$CTL" check >"$T/check.pg" 2>&1
check "supportalctl check passes on the copy" grep -q '^check passed: 0 problems (1 attachments checked)' "$T/check.pg"
[ -s "$T/check.pg" ] && sed 's/^/#   /' "$T/check.pg"

# every identity goes on past the largest id copied
bad=""
for t in $(db "SELECT table_name || '.' || column_name FROM information_schema.columns
  WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY 1"); do
	seq=$(db "SELECT pg_get_serial_sequence('${t%.*}', '${t#*.}')")
	got=$(db "SELECT last_value || ' ' || is_called FROM $seq")
	want="$(db "SELECT coalesce(max(${t#*.}), 0) + 1 FROM ${t%.*}") false"
	[ "$got" = "$want" ] || bad="$bad $t($got, want $want)"
done
expect_eq "every identity's sequence set past its table's largest id" "$bad" ""
acc_max=$(sq "SELECT max(id) FROM accounts")
out=$(echo 'a long pass phrase' | "$CTL" add-account --email new@example.com --first New --last One)
expect_eq "... a new account after the copy gets the next id" "$out" "account $((acc_max + 1))"

# the workers on the copy: the same cookie, the same pages
workers_restart
expect_eq "the workers serve the copy (PostgreSQL)" "$(curl -s "$BASE/healthz" -o /dev/null -w '%{http_code}')" 200
JAR=$T/ewa get "/requests/$R1"
expect_eq "Ewa's session, copied, shows her request" "$STATUS" 200
check "... with the reply as written" grep -q 'a back\\slash, \\N and \\. alone' "$T/body"
msg_max=$(sq "SELECT max(id) FROM messages")
JAR=$T/ewa post "/requests/$R1/messages" "body=Written after the move."
expect_eq "... her new reply gets the next message id" \
	"$(db "SELECT id FROM messages WHERE body = 'Written after the move.'")" $((msg_max + 1))
JAR=$T/ewa get /account/totp
expect_eq "the TOTP secret, a BLOB sealed with the key file, reads the same" \
	"$(sed -n 's|.*<code class="secret">\([^<]*\)</code>.*|\1|p' "$T/body")" "$SECRET"

# ---- refused, nothing changed
before=$(db_hash)
"$CTL" copy-from-sqlite "$SQ" >"$T/again.out" 2>&1
expect_eq "a second copy is refused" "$?" 1
check "... saying the database has rows and what makes an empty one" \
	grep -q 'is not empty: accounts, .* have rows already.*supportalctl init' "$T/again.out"
expect_eq "... nothing changed" "$(db_hash)" "$before"
cp "$SQ" "$T/old.db"
sqlite3 "$T/old.db" "PRAGMA user_version = $(( $(schema_last) - 1 ))"
"$CTL" copy-from-sqlite "$T/old.db" >"$T/old.out" 2>&1
expect_eq "a file of another schema version is refused" "$?:$(grep -c 'is at schema version' "$T/old.out")" "1:1"
SUPPORTAL_DB_ENGINE=sqlite "$CTL" copy-from-sqlite "$SQ" >"$T/sq.out" 2>&1
expect_eq "a SQLite configuration is refused" "$?:$(grep -c 'it copies into PostgreSQL' "$T/sq.out")" "1:1"
"$CTL" copy-from-sqlite "$T/nothing.db" >"$T/none.out" 2>&1
expect_eq "a missing file is refused" "$?:$(grep -c 'No such file' "$T/none.out")" "1:1"
check "... and no file made in its place" test ! -e "$T/nothing.db"
expect_eq "... nothing changed by any" "$(db_hash)" "$before"

# ---- a copy that fails half-way (a NUL in the last table's text, which
# PostgreSQL's text refuses) leaves nothing, not even a sequence moved
PGDB2=${PGDB}_b
"$PGBIN/createdb" -h "$SUPPORTAL_TEST_PGHOST" -U postgres "$PGDB2"
export SUPPORTAL_DB_CONNINFO="host=$SUPPORTAL_TEST_PGHOST user=postgres dbname=$PGDB2"
"$CTL" init >/dev/null
cp "$SQ" "$T/nul.db"
sqlite3 "$T/nul.db" "UPDATE request_notes SET body = CAST(x'61006263' AS TEXT)"
"$CTL" copy-from-sqlite "$T/nul.db" >"$T/nul.out" 2>&1
expect_eq "a copy failing in its last table exits 1" "$?" 1
check "... naming the table and the line" grep -q 'request_notes: ERROR: .*0x00' "$T/nul.out"
check "... and saying nothing was copied" grep -q 'rolled back, nothing was copied' "$T/nul.out"
expect_eq "... the database has no rows" \
	"$(PGDB=$PGDB2 db "SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM requests) + (SELECT count(*) FROM request_history)")" 0
expect_eq "... and its sequences did not move" \
	"$(PGDB=$PGDB2 db "SELECT last_value || ' ' || is_called FROM accounts_id_seq")" "1 false"
"$PGBIN/dropdb" -h "$SUPPORTAL_TEST_PGHOST" -U postgres --force "$PGDB2"
export SUPPORTAL_DB_CONNINFO=$PGBASE

harness_stop
