#!/bin/bash
# R15.3, search: engineers find the requests of their regions, in every
# state, by number, by a contact's email and by words of titles,
# descriptions and messages (SQLite FTS5), Polish diacritics folded both
# ways ("zgloszenie" finds "zgłoszenie" and the other way round, ł
# included), titles ranked first; customers find their own requests by
# the same words and never anyone else's; what users type is never
# FTS5's syntax (quotes, *, NEAR(, AND, -, :): no error, no 500; the
# index follows every change (triggers) and supportalctl search-rebuild
# makes it again.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
issue --programme sa --plan "SA support incidents" --incidents 20

# submit EMAIL TITLE DESCRIPTION COUNTRY [SECONDARY]: a request of the
# account of $JAR through the wizard, EMAIL its primary contact; sets R
submit() {
	local d email=$1
	shift
	get /requests
	post /requests/new
	d=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
	post "/drafts/$d/step" step=1 action=next "product=$P" "version=$V" "category=$C" "problem=$X" \
		"title=$1" "description=$2"
	post "/drafts/$d/step" step=2 action=next "plan=$K" severity=important "country=$3" tz=Europe/Warsaw
	post "/drafts/$d/step" step=3 action=next "pc_name=Someone" "pc_email=$email" pc_method=email
	post "/drafts/$d/step" step=4 action=next "secondary=${4:-}"
	get "/drafts/$d"
	post "/drafts/$d/submit"
	R=$(db "SELECT id FROM requests WHERE draft_id = $d")
}

customer ewa@example.com Ewa Lis work
submit ewa@example.com "Zgłoszenie: łączenie z bazą trwa długo" "Źródło danych zgłasza błąd połączenia co kilka minut." PL piotr@example.com
RPL=$R
submit ewa@example.com "Monthly reports time out after the upgrade" "Since Monday every report takes minutes." PL
REN=$R
submit ewa@example.com "Zgloszenie bez polskich znakow" "Tekst pisany bez ogonkow: zrodlo, laczenie, zolty." PL
RASCII=$R
submit ewa@example.com "Sterownik drukarki" "Opis bez tego słowa." PL
RT=$R
submit ewa@example.com "Drukarka stoi" "Nowy sterownik nie pomógł." PL
RD=$R
submit ewa@example.com "Wydruki znikają" "Kolejka wydruków jest pusta." PL
RM=$R
get "/requests/$RM"
post "/requests/$RM/messages" "body=Zainstalowałam sterownik jeszcze raz, bez zmian."
get "/requests/$REN"
post "/requests/$REN/messages" "body=Attached: the execution plan with a yellow warning."
JAR=$T/kasia customer kasia@example.com Kasia Nowak work
JAR=$T/kasia submit kasia@example.com "Tajny projekt Kasi: migracja hurtowni" "Nikt poza Kasią nie powinien tego znaleźć." PL
RK=$R
JAR=$T/kasia get "/requests/$RK"
JAR=$T/kasia post "/requests/$RK/messages" "body=Hasło do hurtowni zmienione w piątek."
JAR=$T/kasia submit kasia@example.com "Backups fail in Texas" "The nightly backup job stops with error 3041." US
RUS=$R
JAR=$T/piotr signup piotr@example.com 'a long pass phrase' Piotr Kowal work
JAR=$T/piotr profile_fill piotr@example.com

JAR=$T/eve engineer eve@vendor.example Eve Engineer EMEA
JAR=$T/andy engineer andy@vendor.example Andy Amer AMER
# a closed request is found as well as an open one
JAR=$T/eve get "/queue/$REN"
JAR=$T/eve post "/queue/$REN/status" status=closed
expect_eq "a request closed" "$(db "SELECT status FROM requests WHERE id = $REN")" closed

# ids: the request numbers of the last page fetched, in order
ids() { grep -o '<tr><td>#[0-9]*</td>' "$T/body" | grep -o '[0-9]*' | tr '\n' ' ' | sed 's/ $//'; }
# esearch JAR TEXT: the engineer's search (TEXT url-encoded here)
esearch() { JAR=$1 http GET /queue -G --data-urlencode "q=$2"; }
# csearch JAR TEXT: the customer's list, every state, searched
csearch() { JAR=$1 http GET "/requests?status=all" -G --data-urlencode "q=$2"; }
# has ID: whether the last page lists request ID
has() { case " $(ids) " in *" $1 "*) return 0;; esac; return 1; }

# engineers: by words, diacritics folded both ways, ł too
esearch "$T/eve" zgloszenie
expect_eq "R15.3 'zgloszenie' finds 'Zgłoszenie' and 'Zgloszenie' (ł folded)" "$STATUS $(echo $(ids) | tr ' ' '\n' | sort | tr '\n' ' ')" \
	"200 $(printf '%s\n' $RPL $RASCII | sort | tr '\n' ' ')"
esearch "$T/eve" laczenie
check "R15.3 'laczenie' finds 'łączenie'" has $RPL
esearch "$T/eve" zrodlo
check "R15.3 'zrodlo' finds 'Źródło' (in a description)" has $RPL
esearch "$T/eve" 'ŹRÓDŁO'
check "R15.3 'ŹRÓDŁO' finds 'Źródło' and 'zrodlo': both ways, any case" bash -c "echo ' $(ids) ' | grep -q ' $RPL ' && echo ' $(ids) ' | grep -q ' $RASCII '"
esearch "$T/eve" 'żółty'
check "R15.3 'żółty' finds 'zolty'" has $RASCII
esearch "$T/eve" 'łączenie bazą'
expect_eq "R15.3 every word must be there: 'łączenie bazą'" "$(ids)" "$RPL"
esearch "$T/eve" 'łączenie Texas'
expect_eq "R15.3 ... 'łączenie Texas' finds nothing" "$STATUS $(ids)" "200 "
check "R15.3 ... and says so" grep -q 'Nothing was found among the requests of your regions.' "$T/body"
esearch "$T/eve" 'reports'
expect_eq "R15.3 English words: 'reports' finds the closed request too" "$(ids)" "$REN"
esearch "$T/eve" 'execution plan'
expect_eq "R15.3 words of a message" "$(ids)" "$REN"
esearch "$T/eve" 'sterownik'
expect_eq "R15.3 ranked: the title first (then the description and the message)" "$(ids | cut -d' ' -f1)" "$RT"
check "R15.3 ... all three found" bash -c "test \"\$(echo '$(ids)' | wc -w)\" = 3"

# by number and by a contact's email
esearch "$T/eve" "#$RPL"
expect_eq "R15.3 by number: #$RPL" "$(ids)" "$RPL"
esearch "$T/eve" " $RPL "
expect_eq "R15.3 ... or $RPL" "$(ids)" "$RPL"
esearch "$T/eve" "#$RUS"
expect_eq "R15.3 ... not a number of another region" "$STATUS $(ids)" "200 "
esearch "$T/eve" "Piotr@Example.com"
expect_eq "R15.3 by a contact's email (any case)" "$(ids)" "$RPL"
esearch "$T/eve" "kasia@example.com"
expect_eq "R15.3 ... only the requests of the engineer's regions" "$(ids)" "$RK"
esearch "$T/andy" "kasia@example.com"
expect_eq "R15.3 ... Andy (AMER) finds her Texas request alone" "$(ids)" "$RUS"

# another region's engineer finds nothing of EMEA, whatever typed
for w in zgloszenie reports "Tajny projekt Kasi: migracja hurtowni" sterownik "#$RPL" piotr@example.com; do
	esearch "$T/andy" "$w"
	expect_eq "R15.3 D.17 Andy (AMER) searching '$w': nothing" "$STATUS $(ids)" "200 "
done
esearch "$T/andy" "error 3041"
expect_eq "R15.3 ... but his own region's" "$(ids)" "$RUS"

# customers: their own requests, by the same words, folded alike
csearch "$T/jar" zgloszenie
expect_eq "R15.3 Ewa finds her requests by 'zgloszenie'" "$(echo $(ids) | tr ' ' '\n' | sort | tr '\n' ' ')" \
	"$(printf '%s\n' $RPL $RASCII | sort | tr '\n' ' ')"
csearch "$T/jar" 'yellow warning'
expect_eq "R15.3 ... by words of a message" "$(ids)" "$REN"
csearch "$T/jar" "Tajny projekt Kasi: migracja hurtowni"
expect_eq "R15.3 D.17 someone else's exact title finds nothing" "$(ids) $(grep -o '>[0-9]* requests found' "$T/body")" " >0 requests found"
csearch "$T/jar" hurtowni
expect_eq "R15.3 ... nor a word of their message" "$(ids)" ""
csearch "$T/jar" "error 3041"
expect_eq "R15.3 ... nor of another region's" "$(ids)" ""
csearch "$T/kasia" hurtowni
expect_eq "R15.3 Kasia finds hers" "$(ids)" "$RK"
csearch "$T/piotr" 'łączenie'
expect_eq "R15.3 a secondary contact finds the request shared with him" "$(ids)" "$RPL"
csearch "$T/piotr" reports
expect_eq "R15.3 ... and not Ewa's others" "$(ids)" ""
JAR=$T/jar get "/requests?status=open&q=reports"
expect_eq "R15.3 the status filter still holds: the closed one is not open" "$(ids)" ""
JAR=$T/jar get "/requests?status=closed&q=reports"
expect_eq "R15.3 ... it is closed" "$(ids)" "$REN"
csearch "$T/jar" "#$RK"
expect_eq "R15.3 another's number finds nothing" "$(ids)" ""

# hostile: FTS5's syntax typed is words or nothing, never an error
n=0 k=0
for w in '"' '""' '"unterminated' '*' 'a*' '-' '- reports' 'NEAR(' 'NEAR(reports upgrade)' 'AND' 'reports AND' \
	'OR' 'NOT reports' ':' 'title:reports' 'description:x' '{title}: reports' '(' ')' '((' '^reports' \
	'+' "'" ';' '\' '%' '_' 'reports"' '"reports' 'rep"orts' '*:*' 'a:b:c' '@' '#' '##1' '# 1' \
	'-1' '0' '#0' '99999999999999999999' 'reports OR 1=1--' "' OR '1'='1" '<script>' 'ÿ' 'x NEAR/2 y'; do
	k=$((k + 1))
	for who in eve jar; do
		if [ $who = eve ]; then esearch "$T/eve" "$w"; else csearch "$T/jar" "$w"; fi
		[ "$STATUS" = 200 ] || { n=$((n + 1)); echo "# $who '$w': $STATUS"; }
	done
done
expect_eq "R15.3 G.30 $k hostile searches, by the engineer and by the customer: all 200" "$n" 0
check "R15.3 ... and no database error logged" bash -c "! grep -q 'db error' '$VAR/log/supportal.log'"
esearch "$T/eve" '"reports" AND'
expect_eq "R15.3 quotes and AND typed are words: '\"reports\" AND' finds nothing" "$(ids)" ""
esearch "$T/eve" 'reports"'
expect_eq "R15.3 ... 'reports\"' finds 'reports'" "$(ids)" "$REN"
esearch "$T/eve" 'NEAR(reports upgrade)'
expect_eq "R15.3 ... 'NEAR(reports upgrade)': the words near and reports and upgrade, none near" "$(ids)" ""
esearch "$T/eve" 'reports*'
expect_eq "R15.3 ... 'reports*': no prefix operator, the word reports" "$(ids)" "$REN"
esearch "$T/eve" '-upgrade reports'
expect_eq "R15.3 ... '-upgrade reports': no NOT, both words" "$(ids)" "$REN"
esearch "$T/eve" 'title:reports'
expect_eq "R15.3 ... 'title:reports': no column filter, the words title and reports" "$(ids)" ""
esearch "$T/eve" '***'
check "R15.3 nothing to look for says so" grep -q 'Type a number, an email address or words to search for.' "$T/body"
esearch "$T/eve" "$(printf 'a%.0s' $(seq 200))"
expect_eq "R15.3 200 characters: searched" "$STATUS" 200
esearch "$T/eve" "$(printf 'a%.0s' $(seq 201))"
expect_eq "R15.3 201 characters: 400" "$STATUS" 400
csearch "$T/jar" "$(printf 'a%.0s' $(seq 201))"
expect_eq "R15.3 ... for the customer too" "$STATUS" 400
esearch "$T/eve" "$(printf 'w%d ' $(seq 40))"
expect_eq "R15.3 40 words: searched (the first 16)" "$STATUS" 200

# the index follows every change, from the portal or not (triggers)
JAR=$T/eve get "/queue/$RM"
JAR=$T/eve post "/queue/$RM/messages" "body=Proszę sprawdzić spooler wydruku."
esearch "$T/eve" spooler
expect_eq "R15.3 an engineer's reply is found at once" "$(ids)" "$RM"
db "UPDATE requests SET title = 'Kolejka zablokowana' WHERE id = $RM"
esearch "$T/eve" kolejka
check "R15.3 a title changed: found by its new words" has $RM
esearch "$T/eve" znikają
expect_eq "R15.3 ... and no longer by the old" "$(ids)" ""
db "DELETE FROM messages WHERE body LIKE 'Proszę sprawdzić spooler%'"
esearch "$T/eve" spooler
expect_eq "R15.3 a message deleted: not found" "$(ids)" ""
if is_pg; then
	skip "R15.3 an index emptied finds nothing: on PostgreSQL the index is a generated column, never apart from its row"
else
	db "INSERT INTO requests_fts (requests_fts) VALUES ('delete-all'); INSERT INTO messages_fts (messages_fts) VALUES ('delete-all')"
	esearch "$T/eve" zgloszenie
	expect_eq "R15.3 an index emptied finds nothing" "$(ids)" ""
fi
out=$("$CTL" search-rebuild)
expect_eq "R15.3 supportalctl search-rebuild" "$?: $out" "0: search index rebuilt"
esearch "$T/eve" zgloszenie
expect_eq "R15.3 ... and everything is found again" "$(echo $(ids) | tr ' ' '\n' | sort | tr '\n' ' ')" \
	"$(printf '%s\n' $RPL $RASCII | sort | tr '\n' ' ')"
esearch "$T/eve" yellow
expect_eq "R15.3 ... messages too" "$(ids)" "$REN"
if is_pg; then
	skip "R15.3 ... and the index is sound: FTS5's integrity-check; PostgreSQL's is a generated column"
else
	expect_eq "R15.3 ... and the index is sound (FTS5 integrity-check)" \
		"$(db "INSERT INTO requests_fts (requests_fts, rank) VALUES ('integrity-check', 1); INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1); SELECT 'ok'" 2>&1)" ok
fi
expect_eq "R15.3 supportalctl check is content" "$("$CTL" check >/dev/null 2>&1; echo $?)" 0

# paging of results: 60 matches, 50 a page, then the rest
db_fixture <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO requests (draft_id, product_id, version_id, title, description, contract_id, severity, allday, country, timezone, queue, status, respond_by, created, updated)
SELECT 8000 + i, $P, $V, 'Awaria serwera ' || i, 'x', $K, 'moderate', 0, 'PL', 'UTC', 'EMEA/moderate', 'new', 0, i, i FROM n
SQL
esearch "$T/eve" serwera
p1=$(ids)
check "R15.3 results a page at a time: 50, and a next page" bash -c "test $(echo $p1 | wc -w) = 50 && grep -q 'rel=\"next\"' '$T/body'"
JAR=$T/eve get "/queue?q=serwera&page=2"
all="$p1 $(ids)"
expect_eq "R15.3 ... the rest on page 2, none twice" "$(echo $all | tr ' ' '\n' | sort -n | uniq | tr '\n' ' ')" \
	"$(db "SELECT group_concat(id, ' ') FROM (SELECT id FROM requests WHERE title LIKE 'Awaria serwera %' ORDER BY id) AS s") "
JAR=$T/eve get "/queue?q=serwera&page=50"
expect_eq "R15.3 ... past the end: empty" "$STATUS $(ids)" "200 "

# the plans: the index of the words, the contacts' index, the key
# (tools/plan: SQLite's EXPLAIN QUERY PLAN)
if is_pg; then
	skip "R15.3 the plans of the searches: tools/plan is SQLite's EXPLAIN QUERY PLAN"
else
	"$ROOT/build/tools/plan" STMT_SEARCH_WORDS STMT_SEARCH_EMAIL STMT_SEARCH_NUMBER STMT_REQUESTS_PAGE >"$T/plan" 2>&1
	check "R15.3 words: read from requests_fts and messages_fts" \
		bash -c "grep -q 'SCAN requests_fts VIRTUAL TABLE' '$T/plan' && grep -q 'SCAN messages_fts VIRTUAL TABLE' '$T/plan'"
	expect_eq "R15.3 no search scans requests or messages" "$(grep -E 'SCAN (r|m|rc|requests|messages)( |$)' "$T/plan")" ""
fi

# in Polish
JAR=$T/eve get /queue
JAR=$T/eve post /lang "lang=pl" "next=/queue"
esearch "$T/eve" 'zrodlo'
check "R15.3 po polsku: wyniki" bash -c "grep -q 'Wyniki dla <q>zrodlo</q>' '$T/body' && echo ' $(ids) ' | grep -q ' $RPL '"
esearch "$T/eve" 'nic-takiego'
check "R15.3 ... i brak wyników" grep -q 'Wśród zgłoszeń z Twoich regionów nic nie znaleziono.' "$T/body"
tidy_pages "$T/eve" /queue "/queue?q=zgloszenie" "/queue?q=%22" "/queue?q=nothing-at-all" "/queue?q=serwera&page=2"

harness_stop
