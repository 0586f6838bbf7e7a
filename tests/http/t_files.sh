#!/bin/bash
# The operator's and the worker's files (SECURITY.md M.63) and the
# accounts' verified addresses at the upgrade to schema 11 (R14.1).
#
# Everything runs under umask 022, so that a mode of 0600 or 0700 comes
# from the programs (umask(077) in supportalctl and the worker, explicit
# modes in init and backup), not from the test.  supportalctl backup FILE
# writes FILE mode 0600, replaces a stale FILE.part, and refuses a
# symbolic link at FILE or FILE.part, leaving its target untouched (nor
# does SQLite write through one at FILE.part-journal).  After a customer's request with an attachment and a
# delivered mail, every file under var/ is 0600 and every directory 0700,
# apart from what the harness and nginx make; the key file is 32 bytes.
# migrate on a database at schema 10 leaves customer accounts unverified
# and says how many, or with --trust-existing marks them verified;
# verify-account marks one; add-account and add-engineer make verified
# accounts.
. "$(dirname "$0")/../lib.sh"
umask 022
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 5

mode() { stat -c %a "$1"; }

# ---- add-account and add-engineer: verified (R14.1)
echo 'a long pass phrase' | "$CTL" add-account --email Ewa@Example.com --first Ewa --last Lis \
	--kind work >/dev/null
echo 'a long pass phrase' | "$CTL" add-account --email eng2@vendor.example --first Eng --last Two \
	--engineer >/dev/null
echo 'a long pass phrase' | "$CTL" add-engineer --email sam@vendor.example --first Sam --last Rivera \
	--queues EMEA >/dev/null
expect_eq "R14.1 add-account, add-account --engineer and add-engineer make verified accounts" \
	"$(db "SELECT group_concat(email || '=' || verified, ' ') FROM (SELECT email, verified FROM accounts
	      WHERE email IN ('ewa@example.com', 'eng2@vendor.example', 'sam@vendor.example') ORDER BY email) AS s")" \
	"eng2@vendor.example=1 ewa@example.com=1 sam@vendor.example=1"

# ---- some work for the worker: a request with an attachment, its mails
signin ewa@example.com 'a long pass phrase' >/dev/null
profile_fill ewa@example.com >/dev/null
get /contracts
post /contracts/activate "access_id=$AID" "contract_id=$CID"
request_with_file "Ewa Lis" ewa@example.com
"$CTL" send-mail >/dev/null
check "a request with an attachment and a mail in the spool to look at" bash -c \
	"[ \"\$(ls '$VAR/attachments' | wc -l)\" -ge 1 ] && ls '$VAR'/spool/mail/*.eml >/dev/null 2>&1"

# the workers' own umask, as the kernel has it
for p in $(worker_pids); do
	expect_eq "M.63 worker $p runs with umask 0077" \
		"$(sed -n 's/^Umask:[[:space:]]*//p' "/proc/$p/status")" 0077
done

# ---- every file under var/ is 0600, every directory 0700 (M.63).  Not
# ours, so left out: what tests/lib.sh and nginx make.  var/run/ holds
# nginx.conf (written by the harness's shell), nginx's pid file and temp
# directories, and the socket that spawn-fcgi makes 0660 on purpose
# (nginx's group connects to it, G.32); var/log/ holds nginx's logs and
# supportal.log, which the harness's shell opens (2>>) for the workers'
# standard error (under systemd that is the journal).  The directories
# var/run and var/log themselves are init's, and are checked.
bad=$(find "$VAR" \( -path "$VAR/run/*" -o -path "$VAR/log/nginx-*.log" \
	-o -path "$VAR/log/supportal.log" \) -prune -o \
	\( -type d ! -perm 0700 -printf '%m %p\n' \) -o \
	\( ! -type d ! -perm 0600 -printf '%m %p\n' \))
expect_eq "M.63 under var/ every file is 0600 and every directory 0700" "$bad" ""
files=("$DB" "$DB-wal" "$DB-shm")
if is_pg; then
	skip "M.63 the database's files under var/: on PostgreSQL it has none"
	files=()
fi
for f in "${files[@]}" "$VAR/secret.key" "$VAR/spool/mail" "$VAR/attachments" \
	"$(ls "$VAR"/spool/mail/*.eml | head -1)" "$VAR/attachments/$(ls "$VAR/attachments" | head -1)"; do
	check "M.63 ... $(basename "$f") is there and was looked at ($(mode "$f"))" \
		test -e "$f" -a \( "$(mode "$f")" = 600 -o "$(mode "$f")" = 700 \)
done
expect_eq "M.63 the key file is 0600 and 32 bytes" "$(stat -c '%a %s %F' "$VAR/secret.key")" \
	"600 32 regular file"

# ---- the key file: a symlink in its place is not followed
printf 'untouched\n' >"$T/victim"
ln -s "$T/victim" "$T/keylink"
out=$(SUPPORTAL_KEY_FILE=$T/keylink "$CTL" migrate 2>&1)
rc=$?
check "M.63 migrate refuses a symlink as the key file, clearly ($rc: $out)" \
	bash -c "[ $rc -ne 0 ] && echo \"\$1\" | grep -q 'cannot create the key file'" _ "$out"
expect_eq "M.63 ... its target untouched" "$(cat "$T/victim")" untouched

# the rest is SQLite's: its backup file, its migrations from schema 10
# and its database file under var/ (on PostgreSQL backup is pg_dump's)
if is_pg; then
	skip "M.63 backup FILE: SQLite's file; on PostgreSQL a backup is pg_dump's"
	skip "R14.1 the upgrade from schema 10, init on an older var/: SQLite's migrations and file"
	harness_stop
fi

# ---- backup FILE (M.63)
out=$("$CTL" backup "$T/b1.db" 2>&1)
expect_eq "M.63 backup under umask 022 succeeds" "$?:$out" "0:backup written to $T/b1.db"
expect_eq "M.63 ... FILE is mode 600" "$(mode "$T/b1.db")" 600
expect_eq "M.63 ... and a sound database" "$(sqlite3 "$T/b1.db" 'PRAGMA integrity_check')" ok
check "M.63 ... no FILE.part left" test ! -e "$T/b1.db.part"

printf 'old\n' >"$T/b2.db"
chmod 644 "$T/b2.db"
printf 'stale\n' >"$T/b2.db.part"
"$CTL" backup "$T/b2.db" >/dev/null 2>&1
expect_eq "M.63 backup replaces a 0644 FILE and a stale regular FILE.part: 0600" \
	"$?:$(mode "$T/b2.db"):$(sqlite3 "$T/b2.db" 'PRAGMA integrity_check')" "0:600:ok"

printf 'untouched\n' >"$T/victim"
ln -s "$T/victim" "$T/b3.db.part"
out=$("$CTL" backup "$T/b3.db" 2>&1)
rc=$?
check "M.63 a symlink at FILE.part is refused ($rc: $out)" test $rc -ne 0
expect_eq "M.63 ... its target untouched, the link left, no FILE" \
	"$(cat "$T/victim"):$(readlink "$T/b3.db.part"):$(test -e "$T/b3.db" && echo made)" \
	"untouched:$T/victim:"
ln -s "$T/not-there" "$T/b4.db.part"
"$CTL" backup "$T/b4.db" >/dev/null 2>&1
rc=$?
check "M.63 a dangling symlink at FILE.part is refused, nothing made at its target" \
	test $rc -ne 0 -a ! -e "$T/not-there" -a ! -e "$T/b4.db"

ln -s "$T/victim" "$T/b5.db"
out=$("$CTL" backup "$T/b5.db" 2>&1)
rc=$?
check "M.63 a symlink at FILE is refused ($rc: $out)" test $rc -ne 0
expect_eq "M.63 ... its target untouched, the link left, no FILE.part left" \
	"$(cat "$T/victim"):$(readlink "$T/b5.db"):$(test -e "$T/b5.db.part" && echo left)" \
	"untouched:$T/victim:"

# SQLite's own journal beside FILE.part: never written through a link
ln -s "$T/victim" "$T/b6.db.part-journal"
"$CTL" backup "$T/b6.db" >/dev/null 2>&1
check "M.63 a symlink at FILE.part-journal: its target untouched" test "$(cat "$T/victim")" = untouched

# ---- the upgrade to schema 11 (R14.1): a database at schema 10 with two
# customers and an engineer, built as t_migrate.sh builds an old one
OLD=$T/old
mkdir -p "$OLD/var"
for f in "$ROOT"/schema/0*.sql; do
	n=$(basename "$f" | cut -c1-3)
	[ $((10#$n)) -le 10 ] || continue
	{ echo "BEGIN;"; cat "$f"; echo "COMMIT;"; } | sqlite3 "$OLD/var/supportal.db" ||
		not_ok "apply $(basename "$f")"
done
sqlite3 "$OLD/var/supportal.db" <<'SQL' || not_ok "the schema 10 accounts"
.bail on
INSERT INTO accounts (id, email, pwhash, first_name, last_name, kind, role, created) VALUES
  (1, 'ewa@example.com', 'x', 'Ewa', 'Lis', 'work', 'customer', 1),
  (2, 'jan@example.com', 'x', 'Jan', 'Nowak', 'personal', 'customer', 1),
  (3, 'eng@vendor.example', 'x', 'Sam', 'Rivera', 'work', 'engineer', 1);
SQL
expect_eq "schema 10 to start from" "$(sqlite3 "$OLD/var/supportal.db" 'PRAGMA user_version')" 10
cp -r "$OLD" "$T/old2"
olddb() { sqlite3 -cmd ".timeout 5000" "$1/var/supportal.db" "$2"; }
verified() { olddb "$1" "SELECT group_concat(id || '=' || verified, ' ') FROM (SELECT id, verified FROM accounts ORDER BY id)"; }

out=$(SUPPORTAL_VAR=$OLD/var "$CTL" migrate 2>&1)
rc=$?
check "R14.1 migrate from schema 10 succeeds ($rc)" test $rc -eq 0 -a "$(olddb "$OLD" 'PRAGMA user_version')" = "$(schema_last)"
check "R14.1 ... and says how many customer accounts stay unverified" \
	bash -c "echo \"\$1\" | grep -q '^011_identity: 2 customer accounts are unverified'" _ "$out"
expect_eq "R14.1 ... customers unverified, the engineer verified" "$(verified "$OLD")" "1=0 2=0 3=1"
check "M.63 ... it created the key file and said so" \
	bash -c "echo \"\$1\" | grep -qx 'created key file $OLD/var/secret.key'" _ "$out"
expect_eq "M.63 ... 0600, 32 bytes" "$(stat -c '%a %s' "$OLD/var/secret.key")" "600 32"
key=$(sha256sum <"$OLD/var/secret.key")
out=$(SUPPORTAL_VAR=$OLD/var "$CTL" migrate --trust-existing 2>&1)
rc=$?
check "R14.1 --trust-existing after the upgrade marks nothing ($rc: $out)" \
	test $rc -eq 0 -a "$(verified "$OLD")" = "1=0 2=0 3=1"
check "M.63 ... a second migrate keeps the key file as it was" \
	bash -c "! echo \"\$1\" | grep -q 'created key file' && [ \"\$(sha256sum <'$OLD/var/secret.key')\" = '$key' ]" _ "$out"

out=$(SUPPORTAL_VAR=$OLD/var "$CTL" verify-account ' EWA@example.com ' 2>&1)
expect_eq "R14.1 verify-account marks one account" "$?:$out:$(verified "$OLD")" \
	"0:verified ewa@example.com:1=1 2=0 3=1"
out=$(SUPPORTAL_VAR=$OLD/var "$CTL" verify-account nobody@example.com 2>&1)
rc=$?
check "R14.1 verify-account of an unknown email exits 1, says so, changes nothing ($out)" \
	test $rc -eq 1 -a -n "$out" -a "$(verified "$OLD")" = "1=1 2=0 3=1"
out=$(SUPPORTAL_VAR=$OLD/var "$CTL" verify-account 2>&1)
check "R10 verify-account without an email is a usage error" test $? -eq 2

out=$(SUPPORTAL_VAR=$T/old2/var "$CTL" migrate --trust-existing 2>&1)
rc=$?
check "R14.1 migrate --trust-existing from schema 10 succeeds ($rc)" \
	test $rc -eq 0 -a "$(olddb "$T/old2" 'PRAGMA user_version')" = "$(schema_last)"
expect_eq "R14.1 ... every existing account verified" "$(verified "$T/old2")" "1=1 2=1 3=1"
check "R14.1 ... and it says so" bash -c "echo \"\$1\" | grep -q '2 existing accounts marked verified'" _ "$out"

# init on an older var/ (directories 0755, the database 0644) tightens them
chmod 755 "$OLD/var"
chmod 644 "$OLD/var/supportal.db"
SUPPORTAL_VAR=$OLD/var "$CTL" init >/dev/null 2>&1
expect_eq "M.63 init on an existing var/: the directory 0700, the database 0600" \
	"$?:$(mode "$OLD/var"):$(mode "$OLD/var/supportal.db"):$(mode "$OLD/var/attachments")" "0:700:600:700"

harness_stop
