/*
 * ledger: draw or return an incident through contract.c, for the HTTP
 * tests of the contracts page until requests are submitted through the
 * portal.  The database is the one of SUPPORTAL_VAR.
 *
 *   ledger debit CONTRACT ACCOUNT REQUEST TITLE
 *   ledger return CONTRACT ACCOUNT REQUEST REASON
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data/db.h"
#include "domain/contract.h"
#include "lib/config.h"

int
main(int argc, char *argv[])
{
	char	 today[11];
	int	 rc;

	if (argc != 6 || (strcmp(argv[1], "debit") != 0 &&
	    strcmp(argv[1], "return") != 0)) {
		fprintf(stderr, "usage: ledger debit|return CONTRACT ACCOUNT"
		    " REQUEST TEXT\n");
		return 2;
	}
	if (config_load() != 0 || db_open(0) != 0)
		return 1;
	today_utc(today, time(NULL));
	if (strcmp(argv[1], "debit") == 0)
		rc = contract_debit(atoll(argv[2]), atoll(argv[3]),
		    atoll(argv[4]), argv[5], today);
	else
		rc = contract_credit(atoll(argv[2]), atoll(argv[3]),
		    atoll(argv[4]), argv[5]);
	db_close();
	printf("%s\n", rc == 0 ? "done" : rc == 1 ? "refused" : "error");
	return rc == 0 ? 0 : 1;
}
