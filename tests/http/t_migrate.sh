#!/bin/bash
# supportalctl migrate on a database with data (R10, R13): a database at
# schema 9 with drafts and requests whose descriptions are short, empty,
# 20,000 characters and Polish, taken to the current schema.  Every value
# of every row comes through unchanged, the description ends up the last
# column of both tables (010_long_text_last.sql: what the lists read is
# no longer behind a long description's overflow pages), and the result
# passes integrity_check and supportalctl check.
#
# On PostgreSQL the schema starts at schema/pg/019_init.sql: there is no
# older database of its to migrate from, and what migrate must do on a
# current one is nothing, cleanly; the rest is SQLite's.
. "$(dirname "$0")/../lib.sh"
if is_pg; then
	harness_start
	h=$(db_hash)
	out=$("$CTL" migrate 2>&1)
	check "R10 supportalctl migrate on a current database succeeds ($out)" test $? -eq 0
	expect_eq "the schema is current (the last migration's number)" \
		"$(db 'SELECT max(version) FROM schema_meta')" "$(schema_last)"
	expect_eq "... and migrate changed nothing" "$(db_hash)" "$h"
	out=$("$CTL" check 2>&1)
	check "supportalctl check passes ($out)" test $? -eq 0
	skip "R10 migrate from schema 9 with data, columns moved: SQLite's migrations (PostgreSQL's start at 019)"
	harness_stop
fi
T=$(mktemp -d /tmp/supportal-test.XXXXXX)
trap 'rm -rf "$T"' EXIT
export SUPPORTAL_VAR=$T/var SUPPORTAL_ROOT=$ROOT
DB=$T/var/supportal.db
mkdir -p "$T/var"

# schema 9: the migrations of that time, as supportalctl applied them
for f in "$ROOT"/schema/00[1-9]_*.sql; do
	{ echo "BEGIN;"; cat "$f"; echo "COMMIT;"; } | sqlite3 "$DB" || not_ok "apply $(basename "$f")"
done
expect_eq "schema 9 to start from" "$(db 'PRAGMA user_version')" 9
db <<'SQL' || not_ok "the schema 9 data"
.bail on
PRAGMA foreign_keys = ON;
INSERT INTO accounts (id, email, pwhash, first_name, last_name, kind, created)
  VALUES (1, 'ewa@example.com', 'x', 'Ewa', 'Lis', 'work', 1);
INSERT INTO portals (id, code, name, url, sort) VALUES (1, 'p', 'Portal', '', 1);
INSERT INTO products (id, code, name, kind, portal_id, sort)
  VALUES (1, 'p', 'Product', 'onprem', 1, 1);
INSERT INTO versions (id, product_id, code, name, released, mainstream_end,
  extended_end, sort) VALUES (1, 1, 'v', 'V', '2024-01-01', '', '', 1);
INSERT INTO contracts (id, access_id, contract_id, programme, plan,
  incidents_total, incidents_left, start_date, end_date, scope, created)
  VALUES (1, 'A', 'C', 'sa', 'Plan', 3, 3, '2024-01-01', '2030-01-01', 'both', 1);
INSERT INTO incident_ledger (contract_id, delta, kind, created) VALUES (1, 3, 'issued', 1);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4)
INSERT INTO drafts (id, account_id, done, product_id, version_id, title,
  description, contract_id, severity, country, timezone, pc_name, pc_email,
  pc_method, secondary, created, updated)
  SELECT i, 1, 5, 1, 1, 'Draft ' || i,
  CASE i WHEN 1 THEN '' WHEN 2 THEN 'Zażółć gęślą jaźń' WHEN 3 THEN
    printf('%.*c', 20000, 'd') ELSE 'short' END,
  1, 'moderate', 'PL', 'Europe/Warsaw', 'Ewa Lis', 'ewa@example.com', 'email',
  'jan@example.com', 100 + i, 200 + i FROM n;
INSERT INTO requests (id, draft_id, submitter_id, product_id, version_id,
  title, description, contract_id, severity, allday, country, timezone,
  queue, status, respond_by, created, updated)
  SELECT id, id, 1, 1, 1, 'Request ' || id, description, 1, 'important',
  id % 2, 'PL', 'Europe/Warsaw', 'EMEA/important',
  CASE id WHEN 4 THEN 'closed' ELSE 'new' END, 300 + id, 400 + id, 500 + id
  FROM drafts;
UPDATE drafts SET request_id = id;
SQL

# every column of both tables, by name, in the order of schema 9
snapshot() {
	local t cols
	for t in drafts requests; do
		cols=$(db "SELECT group_concat('quote(' || name || ')', ' || ''|'' || ')
		          FROM pragma_table_info('$t')")
		echo "$cols" >"$T/$t.cols"
	done
}
dump() {
	local t
	for t in drafts requests; do
		db "SELECT $(cat "$T/$t.cols") FROM $t ORDER BY id"
	done | sha256sum
}
snapshot
before=$(dump)
expect_eq "schema 9 has the description in the middle" \
	"$(db "SELECT cid FROM pragma_table_info('requests') WHERE name = 'description'")" 8

out=$("$CTL" migrate 2>&1)
check "R10 supportalctl migrate succeeds ($out)" test $? -eq 0
expect_eq "the schema is current (the last migration's number)" "$(db 'PRAGMA user_version')" "$(schema_last)"
expect_eq "every value of every draft and request came through" "$(dump)" "$before"
"$CTL" migrate >/dev/null 2>&1
check "a second migrate changes nothing" test $? -eq 0 -a "$(dump)" = "$before"
for t in drafts requests; do
	expect_eq "the description is the last column of $t" \
		"$(db "SELECT name FROM pragma_table_info('$t') ORDER BY cid DESC LIMIT 1")" description
done
expect_eq "R16.5 the drafts and requests from before are technical ones" \
	"$(db "SELECT group_concat(DISTINCT kind) FROM (SELECT kind FROM drafts UNION ALL SELECT kind FROM requests)")" technical
expect_eq "20,000 characters kept, and the Polish ones" \
	"$(db "SELECT length(description) FROM requests WHERE id = 3; SELECT description FROM drafts WHERE id = 2" | tr '\n' ' ')" \
	"20000 Zażółć gęślą jaźń "
expect_eq "no table of the migration left behind" \
	"$(db "SELECT count(*) FROM sqlite_temp_master; SELECT count(*) FROM sqlite_master WHERE name LIKE '%moved%'" | tr '\n' ' ')" "0 0 "
expect_eq "integrity_check" "$(db 'PRAGMA integrity_check')" ok
expect_eq "foreign_key_check is empty" "$(db 'PRAGMA foreign_key_check' | wc -l)" 0
check "the list triggers still keep the contacts' rows" bash -c \
	"sqlite3 '$DB' \"INSERT INTO request_contacts (request_id, email, role, created)
	  VALUES (1, 'ewa@example.com', 'primary', 1);
	  UPDATE requests SET status = 'closed', updated = 900 WHERE id = 1;
	  SELECT updated || ':' || open FROM request_contacts WHERE request_id = 1\" | grep -qx '900:0'"
out=$("$CTL" check 2>&1)
check "supportalctl check passes after the migration ($out)" test $? -eq 0

echo "# $PASS passed, $FAIL failed in $(basename "$0")"
[ "$FAIL" -eq 0 ]
