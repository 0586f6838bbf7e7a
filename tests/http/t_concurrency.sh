#!/bin/bash
# Incidents under concurrency (R5.7, SECURITY.md H.33, H.34, H.36):
# 100 simultaneous submits against 20 incidents, 50 simultaneous submits
# of one draft, and 32 clients mixing reads and submits.
. "$(dirname "$0")/../lib.sh"
WORKERS=8 harness_start
catalogue
slow=1
[[ $BIN == *asan* ]] && slow=3

# sid JAR: the session cookie of a jar (one curl running transfers in
# parallel shares one cookie store, so each transfer sends its own)
sid() { awk '$6 == "sid" { print $7 }' "$1"; }

# ready EMAIL: an account in jar $JAR with the contract activated and a
# draft at the verify step; prints the draft's id
ready() {
	signup "$1" 'a long pass phrase' Con Current personal >/dev/null
	profile_fill "$1" >/dev/null
	get /contracts
	post /contracts/activate "access_id=$AID" "contract_id=$CID"
	get /requests
	post /requests/new
	local d
	d=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
	post "/drafts/$d/step" step=1 action=next "product=$P" "version=$V" "category=$C" \
		"problem=$X" "title=Load $1" "description=Submitted at the same moment."
	post "/drafts/$d/step" step=2 action=next "plan=$K" severity=moderate country=PL tz=Europe/Warsaw
	post "/drafts/$d/step" step=3 action=next "pc_name=Con Current" "pc_email=$1" pc_method=email
	post "/drafts/$d/step" step=4 action=next "secondary="
	get "/drafts/$d"
	echo "$d $(csrf_token)"
}

# --- H.33: 100 drafts of 100 accounts, one contract of 20 incidents
issue --programme sa --plan "SA 20" --incidents 20
mkdir -p "$T/jars"
# (each background client has its own T for its pages, and the script
# waits for the clients only: the portal's processes are children too)
pids=""
for g in 0 1 2 3; do
	(T=$T/g$g; mkdir -p "$T"
	for i in $(seq $((g * 25 + 1)) $((g * 25 + 25))); do
		JAR=$T/../jars/$i ready "c$i@example.com" >"$T/../jars/$i.draft"
	done) &
	pids="$pids $!"
done
wait $pids
for i in $(seq 100); do
	read -r d tok <"$T/jars/$i.draft"
	[ "$i" -gt 1 ] && echo next
	printf 'silent\nheader = "Cookie: sid=%s"\nurl = "%s/drafts/%s/submit"\n' "$(sid "$T/jars/$i")" "$BASE" "$d"
	printf 'data = "csrf=%s"\noutput = "%s/jars/%s.out"\nwrite-out = "%%{http_code}\\n"\n' "$tok" "$T" "$i"
done >"$T/submit.cfg"
ready_n=$(db "SELECT count(*) FROM drafts WHERE done = 4")
expect_eq "H.33 100 drafts ready at the verify step" "$ready_n" 100
curl -s --parallel --parallel-max 100 -K "$T/submit.cfg" >"$T/submit.out" 2>/dev/null
expect_eq "H.33 exactly 20 requests" "$(db 'SELECT count(*) FROM requests')" 20
expect_eq "H.33 the balance is 0, never negative" "$(db "SELECT incidents_left FROM contracts WHERE id = $K")" 0
expect_eq "H.33 exactly 20 debits in the ledger" "$(db "SELECT count(*) FROM incident_ledger WHERE contract_id = $K AND kind = 'debit'")" 20
expect_eq "H.33 exactly 20 mails in the outbox" "$(db 'SELECT count(*) FROM outbox WHERE request_id IS NOT NULL')" 20
expect_eq "H.33 20 confirmations, 80 refusals" \
	"$(sort "$T/submit.out" | uniq -c | awk '{print $1 "x" $2}' | tr '\n' ' ')" "20x303 80x409 "
refused=$(grep -l 'No incidents left.' "$T"/jars/*.out | wc -l)
expect_eq "H.33 the 80 others are told: no incidents left" "$refused" 80
expect_eq "H.33 their drafts are intact" "$(db 'SELECT count(*) FROM drafts WHERE request_id IS NULL AND done = 4')" 80

# --- H.34: 50 simultaneous submits of one draft (balance 10)
issue --programme sa --plan "SA 10" --incidents 10
read -r d tok < <(JAR=$T/one ready one@example.com)
for i in $(seq 50); do
	[ "$i" -gt 1 ] && echo next
	printf 'silent\nheader = "Cookie: sid=%s"\nurl = "%s/drafts/%s/submit"\ndata = "csrf=%s"\n' "$(sid "$T/one")" "$BASE" "$d" "$tok"
	printf 'output = "/dev/null"\nwrite-out = "%%{http_code} %%{redirect_url}\\n"\n'
done >"$T/same.cfg"
curl -s --parallel --parallel-max 50 -K "$T/same.cfg" >"$T/same.out" 2>/dev/null
expect_eq "H.34 one request for the draft" "$(db "SELECT count(*) FROM requests WHERE draft_id = $d")" 1
expect_eq "H.34 one incident taken: 9 left" "$(db "SELECT incidents_left FROM contracts WHERE id = $K")" 9
expect_eq "H.34 all 50 land on its confirmation" "$(grep -c "^303 .*/drafts/$d/done$" "$T/same.out")" 50

# --- H.36: 32 clients, reads and submits, no 5xx, no lock errors
issue --programme sa --plan "SA 1000" --incidents 1000
secs=$((${LOAD_SECONDS:-60} / slow))
ready_draft() {
	get /requests
	post /requests/new
	local d
	d=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
	post "/drafts/$d/step" step=1 action=next "product=$P" "version=$V" "category=$C" \
		"problem=$X" "title=Mixed load" "description=Reads and writes."
	post "/drafts/$d/step" step=2 action=next "plan=$K" severity=important country=PL tz=Europe/Warsaw
	post "/drafts/$d/step" step=3 action=next "pc_name=L" "pc_email=l@example.com" pc_method=email
	post "/drafts/$d/step" step=4 action=next "secondary="
	echo "$d"
}
pids=""
for c in $(seq 32); do
	(T=$T/c$c; mkdir -p "$T"; JAR=$T/jar
	signup "l$c@example.com" 'a long pass phrase' L "C$c" personal >/dev/null
	profile_fill "l$c@example.com" >/dev/null
	get /contracts
	post /contracts/activate "access_id=$AID" "contract_id=$CID"
	end=$((SECONDS + secs))
	while [ $SECONDS -lt $end ]; do
		d=$(ready_draft)
		get /requests; echo "$STATUS"
		get /contracts; echo "$STATUS"
		get "/drafts/$d"; echo "$STATUS"
		post "/drafts/$d/submit"; echo "$STATUS"
	done >"$T/codes") &
	pids="$pids $!"
done
wait $pids
total=$(cat "$T"/c*/codes | wc -l)
bad=$(cat "$T"/c*/codes | grep -c '^5')
echo "# H.36: $total requests checked over ${secs}s by 32 clients"
check "H.36 the clients made requests ($total)" test "$total" -gt 100
expect_eq "H.36 no 5xx under 32 clients" "$bad" 0
check "H.36 no 'database is locked' in the log" bash -c "! grep -qi 'locked\|busy' '$VAR/log/supportal.log'"
expect_eq "H.36 no 5xx in nginx's log either" "$(grep -c '" 50[0-9] ' "$VAR/log/nginx-access.log")" 0
expect_eq "R11.2 every balance equals its ledger" \
	"$(db 'SELECT count(*) FROM contracts c WHERE incidents_left <> (SELECT sum(delta) FROM incident_ledger WHERE contract_id = c.id)')" 0
expect_eq "H.35 no balance below zero" "$(db 'SELECT count(*) FROM contracts WHERE incidents_left < 0')" 0
