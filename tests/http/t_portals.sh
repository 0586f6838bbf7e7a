#!/bin/bash
# Where each product is supported (R4.1, R16.3): the start page of the
# demo catalogue lists every Dynamics 365 product under the portal that
# supports it, with that portal's link, in both languages.
. "$(dirname "$0")/../lib.sh"
harness_start
"$CTL" import-catalogue "$ROOT/schema/demo-catalogue.txt" >/dev/null
signup pat@example.com 'a long pass phrase' Pat Portal personal
profile_fill pat@example.com

# section CODE: the start page's section of portal CODE, one line
section() {
	C=$1 perl -0ne 'print $1 if /(<section class="card portal portal-$ENV{C}".*?<\/section>)/s' "$T/body"
}

PPAC=https://admin.powerplatform.microsoft.com
LCS=https://lcs.dynamics.com
for lang in en pl; do
	get /
	post /lang "lang=$lang" next=/
	get /
	expect_eq "R16.3 the start page is served ($lang)" "$STATUS" 200
	s=$(section dynamics)
	for p in "Dynamics 365 Customer Engagement apps" "Dynamics 365 Business Central (online)"; do
		check "R16.3 $p is listed under the Power Platform admin center ($lang)" \
			grep -q "<li>$p</li>" <<<"$s"
	done
	check "R16.3 ... which links to the Power Platform admin center ($lang)" \
		grep -q "href=\"$PPAC\"" <<<"$s"
	check "R16.3 ... and is named so ($lang)" grep -q 'Power Platform admin center' <<<"$s"
	s=$(section lcs)
	for p in "Dynamics 365 Finance and Operations" "Dynamics 365 Retail" "Dynamics 365 Talent"; do
		check "R16.3 $p is listed under Lifecycle Services ($lang)" \
			grep -q "<li>$p</li>" <<<"$s"
	done
	check "R16.3 ... which links to Lifecycle Services ($lang)" grep -q "href=\"$LCS\"" <<<"$s"
	check "R16.3 no Finance and Operations product under the Power Platform admin center ($lang)" \
		bash -c "! grep -q 'Finance and Operations</li>\|Retail</li>\|Talent</li>' <<<'$(section dynamics)'"
	check "R16.3 the on-premises Business Central stays here ($lang)" \
		grep -q '<li>Dynamics 365 Business Central on-premises</li>' <<<"$(section here)"
done
check "R16.3 the Polish page says where Finance and Operations is supported" \
	grep -q 'Finance and Operations, Retail i Talent: zgłoś problem w usłudze Lifecycle Services' "$T/body"
n=$(db "SELECT count(*) FROM portals")
"$CTL" import-catalogue "$ROOT/schema/demo-catalogue.txt" >/dev/null
expect_eq "R16.3 importing the catalogue again adds no portal" "$(db "SELECT count(*) FROM portals")" "$n"
