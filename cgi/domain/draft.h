/*
 * draft.h: drafts of new requests (R5.1-R5.6) and the submit (R5.7),
 * technical or, for partners, advisory (R16.5).
 */
#ifndef DOMAIN_DRAFT_H
#define DOMAIN_DRAFT_H

#include <stdint.h>
#include <time.h>

#include "domain/account.h"
#include "domain/attach.h"
#include "domain/contract.h"

#define TITLE_MAX	200
#define DESC_MAX	20000
#define SECONDARY_MAX	20		/* secondary contacts of a request */

struct draft {
	int64_t	 id;
	int	 done;			/* the last finished step, 0-5 */
	int64_t	 product, version, category, problem;
	const char *title;		/* the request's arena, or borrowed */
	const char *description;
	int64_t	 contract;
	char	 severity[16];
	int	 allday;
	char	 country[3];
	char	 tz[64];
	char	 pc_name[2 * NAME_MAX_ + 2];
	char	 pc_email[EMAIL_MAX + 1];
	char	 pc_phone[33];
	char	 pc_method[8];
	char	 secondary[4096];
	int	 add_me;
	int64_t	 request;		/* set once submitted */
	int64_t	 updated;
	char	 kind[16];		/* one of draft_kinds (R16.5) */
};

enum submit {
	SUBMIT_OK,
	SUBMIT_ALREADY,			/* this draft was submitted before */
	SUBMIT_INCOMPLETE,
	SUBMIT_PLAN,			/* the plan cannot be used now */
	SUBMIT_NO_INCIDENTS,
	SUBMIT_ADVISORY,		/* advisory, no current partner plan */
	SUBMIT_FAIL
};

struct draft_row {
	int64_t		 id;
	const char	*title;
	const char	*product;
	int		 done;
	int64_t		 updated;
};

struct confirm {			/* what the confirmation page shows */
	int64_t	 id;
	const char *title;		/* the request's arena */
	int64_t	 respond_by;
	char	 tz[64];
	char	 queue[64];
	char	 primary[EMAIL_MAX + 1];
	int	 is_contact;		/* the submitter can see it (R5.8) */
	char	 kind[16];		/* technical, or advisory (R16.5) */
};

extern const char *const draft_kinds[];

int	 draft_create(const struct account *, int64_t *);
int	 draft_load(int64_t, int64_t, struct draft *);
int	 draft_save(int64_t, const struct draft *);
int	 draft_update(int64_t, struct draft *, struct attach_in *, int,
	    int *, int);
int	 draft_discard(int64_t, int64_t);
int	 draft_expire(time_t, int *);
int	 draft_list(int64_t, int, int (*)(void *, const struct draft_row *),
	    void *);
int	 draft_advisory(enum programme, enum elig);
int	 secondary_parse(const char *, char [][EMAIL_MAX + 1], int);
enum submit request_submit(const struct account *, int64_t, time_t,
	    int64_t *, enum elig *);
int	 request_confirmation(int64_t, const struct account *,
	    struct confirm *);

#endif /* DOMAIN_DRAFT_H */
