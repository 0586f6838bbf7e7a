#!/bin/bash
# The help pages the seed points to (R16.4): each served in English and
# Polish, valid HTML for tidy, public; and each linked from where the
# trouble shows: the activation errors (contracts page and wizard step 2),
# the unavailable and no-plan sections of step 2 (with the account signed
# in), pay per incident for a work account, and the charge notice.
. "$(dirname "$0")/../lib.sh"
harness_start
catalogue
KNOWN='proprietary attribute "aria-current"|<select> proprietary attribute "autocomplete"'
tidy_ok() {	# tidy_ok NAME: the last page is tidy-clean (t_tidy.sh's rule)
	local out
	cp "$T/body" "$T/tidy.html"
	out=$(tidy -q -e --show-warnings yes "$T/tidy.html" 2>&1 | grep -vE "$KNOWN")
	if [ -z "$out" ]; then ok "R16.4 tidy: $1"; else not_ok "R16.4 tidy: $1"; echo "$out" | head -5; fi
}

PAGES="activate missing-contract add-failed benefits ppi-work agreement"
declare -A EN=([activate]='Activating your support benefits' [missing-contract]='A contract is missing'
	[add-failed]='Adding a contract failed' [benefits]='Support benefits by programme'
	[ppi-work]='Pay per incident is not available for work accounts' [agreement]='The services agreement')
declare -A PL=([activate]='Aktywacja świadczeń pomocy technicznej' [missing-contract]='Brakuje umowy'
	[add-failed]='Nie udało się dodać umowy' [benefits]='Świadczenia pomocy technicznej według programu'
	[ppi-work]='Płatność za zgłoszenie nie jest dostępna dla kont służbowych' [agreement]='Umowa o świadczenie usług')

# every page in both languages, to a stranger and to a signed-in customer
JAR=$T/stranger
for p in $PAGES; do
	http GET "/help/$p" -H 'Accept-Language: en'
	expect_eq "R16.4 /help/$p is served in English, signed in or not" "$STATUS" 200
	check "R16.4 ... titled '${EN[$p]}'" grep -q "<h1>${EN[$p]}</h1>" "$T/body"
	check "R16.4 ... with its text from lang/ (no paragraph left empty)" \
		bash -c "grep -q '<h1>.*</h1>' '$T/body' && ! grep -q '<p></p>\|<dd></dd>' '$T/body'"
	tidy_ok "/help/$p (en)"
	http GET "/help/$p" -H 'Accept-Language: pl'
	expect_eq "R16.4 /help/$p is served in Polish" "$STATUS" 200
	check "R16.4 ... titled '${PL[$p]}'" grep -q "<h1>${PL[$p]}</h1>" "$T/body"
	check "R16.4 ... as a Polish page" grep -q '<html lang="pl">' "$T/body"
	tidy_ok "/help/$p (pl)"
done
get /help/activate
for p in missing-contract add-failed benefits ppi-work agreement; do
	check "R16.4 each help page links to the others (/help/$p)" grep -q "href=\"/help/$p\"" "$T/body"
done
get /help/nothing-here
expect_eq "R16.4 no other help page" "$STATUS" 404
get /help/add-failed
check "R16.4 adding a contract failed: check which account you signed in with" \
	grep -q 'Check which account you signed in with' "$T/body"
get /help/benefits
check "R16.4 the programmes' benefits are listed" grep -q '<dt>Software Assurance</dt>' "$T/body"

# contracts page: how activating works; after a refusal, why, with the
# account signed in
JAR=$T/jar
signup cleo@example.com 'a long pass phrase' Cleo Contract personal
profile_fill cleo@example.com
get /contracts
check "R16.4 the contracts page links to activating benefits" grep -q 'href="/help/activate"' "$T/body"
post /contracts/activate "access_id=12345678" "contract_id=87654321"
expect_eq "R16.4 a wrong pair is refused" "$STATUS" 422
check "R16.4 ... the error links to 'adding a contract failed'" grep -q 'href="/help/add-failed"' "$T/body"
check "R16.4 ... and to 'a contract is missing'" grep -q 'href="/help/missing-contract"' "$T/body"
check "R16.4 ... saying which account is signed in" \
	grep -q 'Check which account you signed in with: <strong>cleo@example.com</strong>' "$T/body"
tidy_ok "contracts with the activation help"

# wizard step 2: a plan that does not cover the version, no available one
issue --programme vs --plan "VS for 2019" --incidents 2 --version sql-server/2019
post /contracts/activate "access_id=$AID" "contract_id=$CID"
get /requests
post /requests/new
D=$(header Location | sed -n 's|^/drafts/\([0-9]*\)$|\1|p')
get "/drafts/$D"
post "/drafts/$D/step" step=1 action=next "product=$P" "version=$V" "category=$C" "problem=$X" \
	"title=Slow" "description=Since Monday."
get "/drafts/$D?step=2"
perl -0ne 'print $1 if /(<details class="more">.*?<\/details>)/s' "$T/body" >"$T/unavailable"
check "R16.4 step 2: the unavailable plans link to the benefits by programme" \
	grep -q 'href="/help/benefits"' "$T/unavailable"
check "R16.4 ... and to 'a contract is missing'" grep -q 'href="/help/missing-contract"' "$T/unavailable"
check "R16.4 ... and suggest checking the account signed in with" \
	grep -q 'Check which account you signed in with: <strong>cleo@example.com</strong>' "$T/unavailable"
check "R16.4 with no plan available, step 2 says the same at once" \
	bash -c "perl -0ne 'print \$1 if /(id=\"f-plan\".*?<\/fieldset>)/s' '$T/body' | grep -q 'href=\"/help/benefits\"'"
check "R16.4 the activation in step 2 links to activating benefits" grep -q 'href="/help/activate"' "$T/body"
tidy_ok "wizard step 2 with the plans' help"
post "/drafts/$D/activate" "access_id=11112222" "contract_id=33334444"
expect_eq "R16.4 step 2: a wrong pair is refused" "$STATUS" 422
check "R16.4 ... the error links to 'adding a contract failed'" grep -q 'href="/help/add-failed"' "$T/body"
check "R16.4 ... with the account signed in" \
	grep -q 'Check which account you signed in with: <strong>cleo@example.com</strong>' "$T/body"
tidy_ok "wizard step 2 with the activation help"

# the charge notice links to the services agreement
card_saved "Cleo Contract"
purchase_started "draft=$D"
get "/ppi/$N"
check "R16.4 the charge notice links to the services agreement" \
	bash -c "grep 'class=\"charge-notice\"' '$T/body' | grep -q 'href=\"/help/agreement\"'"
tidy_ok "purchase with the agreement link"

# a work account: pay per incident says why not, and links to the page
JAR=$T/work
signup wanda@example.com 'a long pass phrase' Wanda Work work
profile_fill wanda@example.com
get /ppi
check "R16.4 pay per incident for a work account links to its help page" grep -q 'href="/help/ppi-work"' "$T/body"
get /contracts
check "R16.4 ... and so does the contracts page of a work account" grep -q 'href="/help/ppi-work"' "$T/body"
post /lang lang=pl next=/ppi
get /ppi
check "R16.4 ... in Polish too" grep -q "href=\"/help/ppi-work\">${PL[ppi-work]}<" "$T/body"
