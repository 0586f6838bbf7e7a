# tests/chaos/lib.sh: what the chaos tests share, over tests/lib.sh.
#   CHAOS_SECONDS  length of the loaded runs (make check: short; make soak: long)
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
SECS=${CHAOS_SECONDS:-20}

# chaos_customer N: a customer (jar $T/jar, SID, TOK, ME) with plan K of a
# million incidents and N drafts ready to submit, numbered from FIRST
chaos_customer() {
	catalogue
	issue --programme sa --plan "SA support incidents" --incidents 5
	customer chaos@example.com Cha Os personal
	draft_filled "Cha Os" chaos@example.com
	drafts_ready "$D" "$K" "$1"
	FIRST=$((D + 1))
	get /requests
	TOK=$(csrf_token)
	SID=$(awk '$6 == "sid" { print $7 }' "$T/jar")
	ME=$(db "SELECT id FROM accounts WHERE email = 'chaos@example.com'")
}

# mixed_load SECONDS OUT: 32 clients for SECONDS, three in four reading
# the request list and one in four submitting a draft of its own; the
# count of each status and of wrk's socket errors go to OUT
mixed_load() {
	cat >"$T/mixed.lua" <<LUA
local first, n, threads = $FIRST, 0, {}
local post = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "sid=$SID" }
local read = { ["Cookie"] = "sid=$SID" }
function setup(thread)
	thread:set("tid", #threads)
	table.insert(threads, thread)
end
request = function()
	n = n + 1
	if n % 4 == 0 then
		return wrk.format("POST", "/drafts/" .. (first + tid + (n / 4) * 2) .. "/submit", post, "csrf=$TOK")
	end
	return wrk.format("GET", "/requests", read)
end
response = function(status)
	local k = "s" .. status
	_G[k] = (_G[k] or 0) + 1
end
done = function(summary)
	local seen = {}
	for _, t in ipairs(threads) do
		for c = 100, 599 do
			local v = t:get("s" .. c)
			if v then seen[c] = (seen[c] or 0) + v end
		end
	end
	for c, v in pairs(seen) do io.write(string.format("status %d %d\n", c, v)) end
	io.write(string.format("errors %d\n", summary.errors.connect + summary.errors.read +
		summary.errors.write + summary.errors.timeout))
end
LUA
	wrk -t2 -c32 -d"$1"s -s "$T/mixed.lua" "$BASE" >"$2" 2>&1
}

# seen CODE: how many answers of that status the last load saw
seen() { awk -v c="$1" '$1 == "status" && $2 == c { print $3 }' "$T/load" | grep . || echo 0; }

# invariants WHAT: the checks of L.48 on the database (PostgreSQL checks
# every foreign key as it is written: SQLite's foreign_key_check there)
invariants() {
	expect_eq "$1: integrity_check" "$(db_integrity)" ok
	is_pg || expect_eq "$1: foreign_key_check is empty" "$(db 'PRAGMA foreign_key_check' | wc -l)" 0
	expect_eq "$1: every balance equals its ledger and none is negative" \
		"$(db 'SELECT count(*) FROM contracts c WHERE incidents_left < 0 OR incidents_left <>
		       (SELECT sum(delta) FROM incident_ledger WHERE contract_id = c.id)')" 0
	# (IN lists, not a correlated subquery a row: the soak leaves 100,000s)
	expect_eq "$1: every request has one debit, every debit one request" \
		"$(db "SELECT (SELECT count(*) FROM (SELECT r.id FROM requests r LEFT JOIN incident_ledger l
		         ON l.request_id = r.id AND l.kind = 'debit' GROUP BY r.id HAVING count(l.id) <> 1) AS x)
		      + (SELECT count(*) FROM incident_ledger WHERE kind = 'debit' AND
		         (request_id IS NULL OR request_id NOT IN (SELECT id FROM requests)))")" 0
	# a mail names its request by a foreign key: none without one
	expect_eq "$1: every request's mail is queued (H.38)" \
		"$(db "SELECT count(*) FROM requests WHERE id NOT IN
		         (SELECT request_id FROM outbox WHERE request_id IS NOT NULL)")" 0
}

# cgi_post PATH BODY [NAME=VALUE...]: BODY posted to PATH by the worker
# run as one CGI process with the customer's session and the given
# environment (LD_PRELOAD), under the command CGI_WRAP if set; sets STATUS
cgi_post() {
	local path=$1 body=$2
	shift 2
	STATUS=$(${CGI_WRAP:-} env "$@" REQUEST_METHOD=POST DOCUMENT_URI="$path" REMOTE_ADDR=127.0.0.1 \
		CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=${#body} \
		HTTP_COOKIE="sid=$SID" "$BIN" <<<"$body" 2>>"$VAR/log/cgi.log" |
		sed -n 's/^Status: \([0-9]*\).*/\1/p' | head -1)
}
