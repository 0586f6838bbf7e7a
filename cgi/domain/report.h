/*
 * report.h: the operator's lists and exports (R17.2): report.c.
 */
#ifndef DOMAIN_REPORT_H
#define DOMAIN_REPORT_H

#include <stdint.h>

enum report {
	REPORT_ACCOUNTS,
	REPORT_CONTRACTS,
	REPORT_ACTIVATIONS,	/* of a contract, an account, or all */
	REPORT_REQUESTS,
	REPORT_LEDGER,		/* of a contract, or of all */
	REPORT_AUDIT,
	REPORT__MAX
};

struct report_col {
	const char	*name;
	int		 num;		/* an integer (JSON number, CSV as is) */
};

int	 report_parse(const char *);
extern const char *const report_code[REPORT__MAX];
const struct report_col *report_cols(enum report, int *);
int	 report_run(enum report, int64_t, int64_t,
	    int (*)(void *, const char *const *), void *);

#endif /* DOMAIN_REPORT_H */
