#!/bin/bash
# Operating the portal (R10, R11.7, R13.2, R13.3): supportalctl --help for
# every command; a backup taken while requests are being written opens
# and passes check; check finds a broken balance, a missing and a changed
# attachment; each reminder is sent once however often remind runs.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 50

# R10: every command explains itself
cmds=$("$CTL" --help | sed -n 's/^  \([a-z-]*\) .*/\1/p')
for c in $cmds; do
	out=$("$CTL" "$c" --help 2>&1)
	check "R10 supportalctl $c --help" bash -c "[ \$? = 0 ] && echo \"\$1\" | grep -q \"^usage: supportalctl $c\"" _ "$out"
done
check "R10 the commands of the operator are there" bash -c "echo '$cmds' | tr '\n' ' ' | grep -q 'add-engineer remind backup copy-from-sqlite check'"

signup ewa@example.com 'a long pass phrase' Ewa Lis work
profile_fill ewa@example.com
get /contracts
post /contracts/activate "access_id=$AID" "contract_id=$CID"
request_with_file "Ewa Lis" ewa@example.com
check "a request with a file to check" test "$(db "SELECT count(*) FROM attachments WHERE request_id = $R")" = 1

"$CTL" check >"$T/check.out"
expect_eq "R13.3 check passes on a sound portal" "$?:$(tail -1 "$T/check.out")" \
	"0:check passed: 0 problems (1 attachments checked)"

# R13.2: a backup while messages are being written
# (SQLite's file; on PostgreSQL a backup is pg_dump's, the README says)
if is_pg; then
	skip "R13.2 supportalctl backup during writes, restored and checked: SQLite's file; on PostgreSQL pg_dump's"
else
	get "/requests/$R"
	tok=$(csrf_token)
	(
		i=0
		while [ ! -e "$T/stop" ] && [ $i -lt 400 ]; do
			i=$((i + 1))
			curl -s -o /dev/null -b "$T/jar" --data-urlencode "csrf=$tok" \
				--data-urlencode "body=Message $i while the backup runs." \
				"$BASE/requests/$R/messages"
		done
	) &
	load=$!
	sleep 1
	n1=$(db "SELECT count(*) FROM messages")
	"$CTL" backup "$T/backup.db" >"$T/backup.out" 2>&1
	rc=$?
	sleep 0.5
	touch "$T/stop"
	wait $load
	n2=$(db "SELECT count(*) FROM messages")
	expect_eq "R13.2 backup during writes succeeds" "$rc:$(cat "$T/backup.out")" "0:backup written to $T/backup.db"
	check "R13.2 ... and the writes went on ($n1 then $n2 messages)" test "$n2" -gt "$n1"
	mkdir -p "$T/restore"
	cp "$T/backup.db" "$T/restore/supportal.db"
	ln -s "$VAR/attachments" "$T/restore/attachments"
	SUPPORTAL_VAR=$T/restore "$CTL" check >"$T/check.out"
	expect_eq "R13.2 the backup opens and passes check" "$?:$(tail -1 "$T/check.out")" \
		"0:check passed: 0 problems (1 attachments checked)"
	nb=$(sqlite3 "$T/backup.db" "SELECT count(*) FROM messages")
	check "R13.2 ... a consistent moment: $nb messages, between $n1 and $n2" test "$nb" -ge "$n1" -a "$nb" -le "$n2"
	expect_eq "R13.2 ... its balances equal their ledgers" \
		"$(sqlite3 "$T/backup.db" 'SELECT count(*) FROM contracts c WHERE incidents_left <> (SELECT sum(delta) FROM incident_ledger WHERE contract_id = c.id)')" 0
fi

# R13.3: check finds what is wrong, and says what
db "UPDATE contracts SET incidents_left = incidents_left + 1 WHERE id = $K"
"$CTL" check >"$T/check.out"
rc=$?
check "R13.3 a broken balance is reported ($rc)" bash -c "[ $rc = 1 ] && grep -q '^balance: contract $K has ' '$T/check.out'"
db "UPDATE contracts SET incidents_left = incidents_left - 1 WHERE id = $K"
f=$VAR/attachments/$(db "SELECT stored FROM attachments WHERE request_id = $R")
[ -e "$f" ] || f=$(find "$VAR/attachments" -type f -name "$(db "SELECT stored FROM attachments WHERE request_id = $R")")
cp "$f" "$T/keep"
printf 'changed\n' >"$f"
"$CTL" check >"$T/check.out"
rc=$?
check "R13.3 a changed attachment is reported" bash -c "[ $rc = 1 ] && grep -q 'does not match its size and SHA-256' '$T/check.out'"
rm -f "$f"
"$CTL" check >"$T/check.out"
rc=$?
check "R13.3 a missing attachment is reported" bash -c "[ $rc = 1 ] && grep -q 'is missing' '$T/check.out'"
cp "$T/keep" "$f"
"$CTL" check >/dev/null
expect_eq "R13.3 repaired, check passes again" "$?" 0

# R11.7: reminders, once each, to every account that activated
ymd() { date -u -d "$1" +%Y-%m-%d; }
signup jan@example.com 'a long pass phrase' Jan Nowak work
profile_fill jan@example.com
EWA=$(db "SELECT id FROM accounts WHERE email = 'ewa@example.com'")
JAN=$(db "SELECT id FROM accounts WHERE email = 'jan@example.com'")
# an SA contract ends a year less a day after its start
issue --programme sa --plan "Ends in 20 days" --incidents 2 --start "$(ymd '20 days -1 year +1 day')"; K20=$K
issue --programme sa --plan "Ends in 5 days" --incidents 2 --start "$(ymd '5 days -1 year +1 day')"; K5=$K
issue --programme sa --plan "Ends in 90 days" --incidents 1 --start "$(ymd '90 days -1 year +1 day')"; K90=$K
for k in $K20 $K5 $K90; do
	db "INSERT INTO activations (account_id, contract_id, created) VALUES ($EWA, $k, 0), ($JAN, $k, 0)"
done
"$ROOT/build/tools/ledger" debit "$K90" "$EWA" 0 "The only incident" >/dev/null
expect_eq "the contracts end when they should" \
	"$(db "SELECT group_concat(end_date, ' ') FROM (SELECT end_date FROM contracts WHERE id IN ($K20, $K5) ORDER BY id) AS s")" \
	"$(ymd '20 days') $(ymd '5 days')"
out1=$("$CTL" remind)
out2=$("$CTL" remind)
out3=$("$CTL" remind)
expect_eq "R11.7 remind queues 6 mails, then none however often it runs" "$out1/$out2/$out3" \
	"6 reminders queued/0 reminders queued/0 reminders queued"
expect_eq "R11.7 30 days before: both accounts, once" \
	"$(db "SELECT group_concat(recipient, ' ') FROM (SELECT recipient FROM outbox WHERE subject = 'Your support contract ends soon: Ends in 20 days' ORDER BY recipient) AS s")" \
	"ewa@example.com jan@example.com"
expect_eq "R11.7 7 days before: both accounts, once (not the 30-day mail)" \
	"$(db "SELECT group_concat(subject || '>' || recipient, ' ') FROM (SELECT subject, recipient FROM outbox WHERE subject LIKE '%Ends in 5 days' ORDER BY recipient) AS s")" \
	"Your support contract ends soon: Ends in 5 days>ewa@example.com Your support contract ends soon: Ends in 5 days>jan@example.com"
expect_eq "R11.7 the last incident used: both accounts, once" \
	"$(db "SELECT count(*) FROM outbox WHERE subject = 'The last incident of your contract has been used: Ends in 90 days'")" 2
check "R11.7 the mail says when" grep -q "ends on $(ymd '20 days')" <(db "SELECT body FROM outbox WHERE subject LIKE '%Ends in 20 days' LIMIT 1")
db "UPDATE accounts SET lang = 'pl' WHERE id = $JAN"
issue --programme sa --plan "Po polsku" --incidents 2 --start "$(ymd '10 days -1 year +1 day')"
db "INSERT INTO activations (account_id, contract_id, created) VALUES ($JAN, $K, 0)"
"$CTL" remind >/dev/null
expect_eq "R12.1 in the account's language" \
	"$(db "SELECT subject FROM outbox WHERE subject LIKE '%Po polsku'")" "Twoja umowa serwisowa wkrótce wygasa: Po polsku"

harness_stop
