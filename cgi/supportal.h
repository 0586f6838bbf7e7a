/*
 * supportal.h: the declarations shared by the worker and supportalctl.
 *
 * Three rings (ARCHITECTURE.md §2): plumbing (util, config, db, sql, req,
 * form, reply, view, route, session, password, throttle, i18n), domain
 * (account, ...) and pages.  A file only calls inward.  Page handlers are
 * declared in pages.h.
 */
#ifndef SUPPORTAL_H
#define SUPPORTAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <sodium.h>
#include <sqlite3.h>
#include <libscrypt.h>

/* ClearSilver */
#include <ClearSilver.h>

#define SUPPORTAL_SCHEMA_VERSION	11	/* PRAGMA user_version */

/* ---------------------------------------------------------------- util.c */

/* A growable byte buffer; always NUL-terminated when len > 0. */
struct buf {
	char	*p;
	size_t	 len;
	size_t	 cap;
};

void	 buf_add(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_free(struct buf *);
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
size_t	 strlcpy_(char *, const char *, size_t);
const char *int_str(char[24], int64_t);
void	 random_bytes(void *, size_t);
void	 hex_encode(char *, const unsigned char *, size_t);
void	 random_hex(char *, size_t);
int	 token_valid(const char *);
int	 ct_equal(const char *, const char *);
int64_t	 now_usec(void);
int	 utf8_valid(const char *, size_t);
int	 path_is_local(const char *);
void	 log_line(const char *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 log_escape(struct buf *, const char *);
void	 log_request(const char *);
void	 tz_use(const char *);
int64_t	 parse_id(const char *);
void	 time_local(char *, size_t, time_t, const char *);

/* SHA-256 (libsodium's), streaming (attachments) and one-shot. */
struct sha256 {
	crypto_hash_sha256_state	st;
};
void	 sha256_init(struct sha256 *);
void	 sha256_update(struct sha256 *, const void *, size_t);
void	 sha256_final(struct sha256 *, unsigned char[32]);
void	 sha256_hex(const void *, size_t, char[65]);

/* -------------------------------------------------------------- config.c */

struct config {
	char	 root[512];	/* templates/, lang/, static/ live here */
	char	 var[512];	/* run-time state: db, attachments, log */
	char	 db[600];	/* var/supportal.db unless set */
	char	 origin[256];	/* scheme://host[:port] the portal serves */
	char	 common_pw[512];/* the list of common passwords (A.4) */
	int	 scrypt_logn;	/* log2 N */
	int	 scrypt_r;
	int	 scrypt_p;
	int	 idle_timeout;	/* seconds (B.10) */
	int	 abs_timeout;	/* seconds (B.10) */
	char	 mail_from[256];/* From: of the mails */
	char	 sendmail[512];	/* a sendmail -t program, or "" to spool */
	long	 max_form;	/* bytes of an urlencoded body */
	long	 max_upload;	/* bytes of one upload request */
	int	 max_params;	/* fields of one form or query */
	int	 test_faults;	/* Testing.Faults: fault injection (H.37) */
	char	 key_file[600];	/* Auth.KeyFile: 32 bytes that seal secrets */
	int	 totp_engineers;/* Auth.RequireTOTP: engineers must enrol */
	char	 staff_label[64];/* Auth.StaffLabel: the mark of engineers */
	int	 signup_ip_hour;/* Auth.SignupPerClientHour (M.56) */
	int	 signup_minute;	/* Auth.SignupPerMinute: all clients */
};

extern struct config cfg;

int	 config_load(void);

/* ------------------------------------------------------------ db.c/sql.c */

enum stmt {
#define SQL(id, text)	id
#include "sql.def"
#undef SQL
	STMT__MAX
};

extern const char *const sql_text[STMT__MAX];
extern const char *const sql_name[STMT__MAX];
/* Statements a GET may run although they write (session bookkeeping). */
int	 sql_get_may_write(enum stmt);

int	 db_open(const char *, int);
void	 db_close(void);
sqlite3	*db_handle(void);
int	 db_version(void);
sqlite3_stmt *db_query(enum stmt, const char *, ...);
int	 db_row(sqlite3_stmt *);
int64_t	 db_int(enum stmt, int64_t, const char *, ...);
void	 db_done(sqlite3_stmt *);
int	 db_exec(enum stmt, const char *, ...);
int	 db_changes(void);
int64_t	 db_last_id(void);
int	 db_begin_write_(const char *, int);
int	 db_commit(void);
void	 db_rollback(void);
int	 db_request_end(void);
int	 db_choices(sqlite3_stmt *, int (*)(void *, int64_t, const char *),
	    void *);
void	 db_read_begin(void);
void	 db_read_end(void);
void	 db_set_readonly(int);
int	 db_exec_script(const char *);
int64_t	 db_col_int(sqlite3_stmt *, int);
const char *db_col_text(sqlite3_stmt *, int);
void	 db_col_copy(sqlite3_stmt *, int, char *, size_t);
#define db_begin_write()	db_begin_write_(__FILE__, __LINE__)

/* ---------------------------------------------------------- password.c */

int	 password_hash(char *, size_t, const char *);
int	 password_check(const char *, const char *);
int	 password_needs_rehash(const char *);
int	 password_common(const char *);
void	 password_dummy_check(const char *);

/* ---------------------------------------------------------- throttle.c */

enum throttle_kind {
	THR_SIGNIN_ACCOUNT_IP,	/* 10 failures per 15 minutes (A.6) */
	THR_SIGNIN_ACCOUNT,	/* 100 per hour */
	THR_SIGNIN_IP,		/* 100 per hour */
	THR_ACTIVATE_ACCOUNT,	/* 10 wrong pairs per hour (C.14) */
	THR_ACTIVATE_IP,	/* 30 per hour */
	THR_ACTIVATE_ALL,	/* 500 per hour over everyone: an alert */
	THR_SIGNUP_IP,		/* sign-ups per client (/64) an hour (M.56) */
	THR_SIGNUP_ALL,		/* sign-ups of everyone a minute */
	THR_RESET_EMAIL,	/* 10 reset requests per address an hour (M.55) */
	THR_RESET_IP,		/* 30 per client an hour */
	THR_VERIFY_RESEND,	/* 5 links again per account an hour (R14.1) */
	THR__MAX
};

int	 throttle_blocked(enum throttle_kind, const char *, time_t);
int	 throttle_note(enum throttle_kind, const char *, time_t);
int	 throttle_take(const enum throttle_kind *, const char *const *, int,
	    time_t, int64_t *);
int	 throttle_give_back(const int64_t *, int);
int	 throttle_take_some(const enum throttle_kind *, const char *const *,
	    int, unsigned, time_t, int64_t *);
int	 throttle_count(enum throttle_kind, const char *, time_t);
int	 throttle_clear_account(const char *);
void	 throttle_client_key(char *, size_t, const char *);

/* ----------------------------------------------------------- account.c */

#define EMAIL_MAX	254
#define NAME_MAX_	100
#define PASSWORD_MIN	8
#define PASSWORD_MAX	4096

struct account {
	int64_t	 id;
	char	 email[EMAIL_MAX + 1];
	char	 first[NAME_MAX_ + 1];
	char	 last[NAME_MAX_ + 1];
	char	 kind[16];		/* personal | work */
	char	 role[16];		/* customer | engineer */
	int	 profile_done;
	char	 contact_email[EMAIL_MAX + 1];
	char	 phone[33];
	char	 company[NAME_MAX_ + 1];
	char	 country[3];		/* ISO 3166-1 alpha-2 */
	char	 tz[64];		/* IANA */
	char	 lang[3];		/* en | pl */
	char	 method[8];		/* email | phone */
	int	 verified;		/* the address is proven (R14.1) */
	char	 pending_email[EMAIL_MAX + 1];	/* waiting for its link */
	int	 totp_on;		/* two-factor sign-in (R14.6) */
};

struct profile {
	const char	*contact_email;
	const char	*phone;
	const char	*company;
	const char	*country;
	const char	*tz;
	const char	*lang;
	const char	*method;
};

enum acct_err {
	ACCT_OK = 0,
	ACCT_EXISTS,
	ACCT_FAIL
};

void	 email_normalise(char *, size_t, const char *);
int	 email_valid(const char *);
int	 account_load(int64_t, struct account *);
int	 account_by_email(const char *, struct account *, char *, size_t);
enum acct_err account_create(const char *, const char *, const char *,
	    const char *, const char *, const char *, int64_t *);
int	 account_set_hash(int64_t, const char *);
int	 account_set_profile(int64_t, const struct profile *);
int	 account_set_lang(int64_t, const char *);
int	 account_set_role(int64_t, const char *);
int	 account_set_verified(int64_t);
extern const char *const contact_methods[];

/* --------------------------------------------------------- catalogue.c */

int	 catalogue_import(FILE *, const char *, char *, size_t);

struct start_row {			/* R4.1: a product and its portal */
	const char	*portal;	/* code: here, office, azure, ... */
	const char	*portal_name;
	const char	*url;
	const char	*product;
	const char	*kind;		/* onprem, cloud, hybrid */
};

int	 catalogue_start(int (*)(void *, const struct start_row *), void *);

/* A list of choices (products, versions, categories, problems). */
typedef int	(*choice_fn)(void *, int64_t, const char *);

int	 catalogue_products(choice_fn, void *);
int	 catalogue_versions(int64_t, choice_fn, void *);
int	 catalogue_categories(int64_t, const char *, choice_fn, void *);
int	 catalogue_problems(int64_t, const char *, choice_fn, void *);

struct cat_names {			/* what a draft's ids name */
	char	 product[101];
	char	 kind[8];		/* onprem, cloud, hybrid */
	char	 portal[32];
	char	 version[101];
	char	 category[201];
	char	 problem[201];
	int	 version_ok;		/* each belongs to the one before */
	int	 category_ok;
	int	 problem_ok;
};

int	 catalogue_names(int64_t, int64_t, int64_t, int64_t, const char *,
	    struct cat_names *);

struct kb_row {
	int64_t		 id;
	const char	*title;
	const char	*snippet;
};

int	 catalogue_kb_search(const char *, const char *, int64_t,
	    int (*)(void *, const struct kb_row *), void *);

/* ---------------------------------------------------------- contract.c */

enum programme {
	PROG_PARTNER_PACK,	/* partner support pack */
	PROG_PARTNER_CORE,	/* partner core benefits */
	PROG_PARTNER_CLOUD,	/* partner cloud support */
	PROG_VS,		/* Visual Studio subscription benefits */
	PROG_SA,		/* Software Assurance */
	PROG_CLOUD_PLAN,	/* Azure / Dynamics support plan */
	PROG_PPI,		/* pay per incident */
	PROG__MAX
};

enum scope {
	SCOPE_ONPREM,
	SCOPE_CLOUD,
	SCOPE_BOTH,
	SCOPE__MAX
};

enum pkind {
	PK_ONPREM,
	PK_CLOUD,
	PK_HYBRID,
	PK__MAX
};

/* R3.7: why a plan cannot be used for a product version. */
enum elig {
	ELIG_AVAILABLE,
	ELIG_NOT_STARTED,	/* its start date is still to come */
	ELIG_EXPIRED,
	ELIG_NO_INCIDENTS,
	ELIG_CLOUD_ONLY,	/* a cloud plan, an on-premises product */
	ELIG_ONPREM_ONLY,	/* an on-premises plan, a cloud product */
	ELIG_VERSION,		/* the version is not one it covers */
	ELIG_NOT_MAINSTREAM,	/* Visual Studio: out of mainstream support */
	ELIG_NOT_LATEST,	/* core benefits: not the latest version */
	ELIG__MAX
};

/* R11.1: what would make it available. */
enum fix {
	FIX_NONE,
	FIX_ADD_PLAN,		/* add a contract, or pay per incident */
	FIX_OTHER_VERSION,	/* a version this plan covers */
	FIX_LATEST_VERSION,	/* the latest version of the product */
	FIX_CLOUD_PORTAL,	/* cloud products: their own portal */
	FIX__MAX
};

struct elig_in {
	enum programme	 prog;
	enum scope	 scope;
	const char	*start;		/* YYYY-MM-DD, first valid day */
	const char	*end;		/* YYYY-MM-DD, last valid day */
	int		 left;		/* incidents left */
	int		 listed;	/* the contract lists its versions */
	int		 covered;	/* ... and this version is one */
	enum pkind	 kind;		/* of the product */
	const char	*mainstream_end;/* of the version; "" = none */
	int		 latest;	/* the version is the latest */
	const char	*today;		/* YYYY-MM-DD */
};

#define CONTRACT_ID_LEN	10		/* each ID; about 49 bits */

struct contract_new {
	enum programme	 prog;
	const char	*plan;
	int		 incidents;
	const char	*start;		/* YYYY-MM-DD */
	enum scope	 scope;
	const char	*const *versions;	/* "product/version", NULL-ended */
	const char	*fixed_aid;	/* the demo's known IDs, else NULL */
	const char	*fixed_cid;
};

struct contract_row {			/* one contract of an account */
	int64_t		 id;
	const char	*access_id;
	const char	*contract_id;
	enum programme	 prog;
	const char	*plan;
	int		 total;
	int		 left;
	const char	*start;
	const char	*end;
	enum scope	 scope;
	const char	*versions;	/* names, comma separated; "" = all */
};

struct ledger_row {
	int64_t		 contract;
	int64_t		 created;
	int		 delta;
	const char	*kind;		/* issued, debit, return, purchase */
	int64_t		 request;	/* 0 when none */
	const char	*title;
	const char	*reason;
	const char	*who;		/* name of the login, "" when none */
	const char	*email;
};

enum act {
	ACT_OK,
	ACT_NOT_FOUND,
	ACT_ALREADY,
	ACT_FAIL
};

extern const char *const programme_code[PROG__MAX];
extern const char *const scope_code[SCOPE__MAX];
int	 programme_parse(const char *);
int	 scope_parse(const char *);
int	 pkind_parse(const char *);
enum scope programme_scope(enum programme);
int	 programme_scope_ok(enum programme, enum scope);
void	 contract_id_new(char[CONTRACT_ID_LEN + 1]);
int	 contract_id_normalise(char[CONTRACT_ID_LEN + 1], const char *);
void	 contract_id_format(char[CONTRACT_ID_LEN + 2], const char *);
void	 today_utc(char[11], time_t);
enum elig contract_eligibility(const struct elig_in *);
enum fix elig_fix(enum elig);
extern const char *const elig_code[ELIG__MAX];
extern const char *const fix_code[FIX__MAX];
int	 contract_issue(const struct contract_new *, char *, size_t,
	    char[CONTRACT_ID_LEN + 1], char[CONTRACT_ID_LEN + 1], int64_t *);
enum act contract_activate(int64_t, const char *, const char *, int64_t *);
int	 contract_list(int64_t, int (*)(void *, const struct contract_row *),
	    void *);
int	 contract_ledger(int64_t, int, int64_t,
	    int (*)(void *, const struct ledger_row *), void *);
int	 contract_debit(int64_t, int64_t, int64_t, const char *, const char *);
int	 contract_credit(int64_t, int64_t, int64_t, const char *);
int	 contract_balances_ok(void);
int	 contract_remind(time_t, int *);

struct plan_row {			/* a plan and its eligibility */
	int64_t		 id;
	enum programme	 prog;
	const char	*plan;
	const char	*end;
	int		 left;
	enum elig	 elig;
	enum fix	 fix;
};

int	 contract_plans(int64_t, int64_t, int64_t, const char *,
	    int (*)(void *, const struct plan_row *), void *);

/* ---------------------------------------------------------------- sla.c */

const char *sla_region(const char *);
/* a region's working time in one zone (R11.3) */
struct sla_cal {
	const char	 *tz;
	int		  allday;	/* around the clock */
	int		  open, close;	/* hours, e.g. 9 and 17 */
	const char	**holidays;	/* sorted YYYY-MM-DD */
	size_t		  nholidays;
};
long	 sla_budget(const char *);
time_t	 sla_add(const struct sla_cal *, time_t, long);
long	 sla_between(const struct sla_cal *, time_t, time_t);
time_t	 sla_respond_by(const char *, int, const struct sla_cal *, time_t);
int	 sla_calendar(const char *, const char *, struct sla_cal *);
void	 sla_calendar_free(struct sla_cal *);
time_t	 sla_due(const char *, int, const char *, const char *, time_t);

/* --------------------------------------------------------------- mail.c */

/* a mail rendered, not yet in the outbox */
struct mail {
	char		 to[EMAIL_MAX + 1];
	char		 subject[512];
	struct buf	 body;
	int		 secret;
	int64_t		 request;
};

int	 mail_render(struct mail *, const char *, const char *, const char *,
	    HDF *, int64_t);
int	 mail_queue(const struct mail *);
void	 mail_free(struct mail *);
int	 mail_enqueue(const char *, const char *, const char *, HDF *,
	    int64_t);
const char *mail_lang(const char *, const char *);
int	 mail_deliver(time_t, int *, int *);

/* ------------------------------------------------------------ request.c */

#define TITLE_MAX	200
#define DESC_MAX	20000

struct draft {
	int64_t	 id;
	int	 done;			/* the last finished step, 0-5 */
	int64_t	 product, version, category, problem;
	char	 title[TITLE_MAX * 4 + 1];
	char	 description[DESC_MAX * 4 + 1];
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
};

enum submit {
	SUBMIT_OK,
	SUBMIT_ALREADY,			/* this draft was submitted before */
	SUBMIT_INCOMPLETE,
	SUBMIT_PLAN,			/* the plan cannot be used now */
	SUBMIT_NO_INCIDENTS,
	SUBMIT_FAIL
};

struct draft_row {
	int64_t		 id;
	const char	*title;
	const char	*product;
	int		 done;
	int64_t		 updated;
};

struct request_row {
	int64_t		 id;
	const char	*title;
	const char	*product;
	const char	*severity;
	const char	*status;
	int64_t		 updated;
	int64_t		 respond_by;
};

#define SECONDARY_MAX	20		/* secondary contacts of a request */

extern const char *const attach_types[];
int	 attach_acceptable(const char *);
void	 attach_path(char *, size_t, const char *);
int	 draft_create(const struct account *, int64_t *);
int	 draft_load(int64_t, int64_t, struct draft *);
int	 draft_save(int64_t, const struct draft *);
int	 draft_discard(int64_t, int64_t);
int	 draft_list(int64_t, int, int (*)(void *, const struct draft_row *),
	    void *);
int	 secondary_parse(const char *, char [][EMAIL_MAX + 1], int);
enum submit request_submit(const struct account *, int64_t, time_t,
	    int64_t *, enum elig *);
struct list_query {			/* R11.5: filters of the list */
	const char	*email;		/* the contact's sign-in email */
	const char	*status;	/* open, closed or all */
	int64_t		 id;		/* a request number searched, or 0 */
	const char	*words[3];	/* words of the title, "" for none */
	int		 limit;
	int		 offset;
};

int	 request_list(const struct list_query *,
	    int (*)(void *, const struct request_row *), void *, int *);

struct request_view {			/* a request seen by one contact */
	int64_t	 id;
	char	 title[TITLE_MAX * 4 + 1];
	char	 product[101], version[101], category[201], problem[201];
	char	 severity[16], status[16], queue[64], country[3], tz[64];
	int	 allday;
	int64_t	 respond_by, created, updated, status_at;
	int64_t	 paused_left;		/* -1 unless waiting (R11.3) */
	/* seen by an engineer (R8) */
	int64_t	 owner, contract;
	char	 owner_name[2 * NAME_MAX_ + 2];
	char	 description[DESC_MAX * 4 + 1];	/* last: see view_clear */
};

struct thread_row {			/* a message, or a file (body NULL) */
	int64_t		 id;
	const char	*author;
	const char	*body;
	int64_t		 created;
	int		 staff;		/* by an engineer (R14.10) */
};

int	 request_view(int64_t, const char *, const char *,
	    struct request_view *);
int	 request_view_engineer(int64_t, int64_t, const char *,
	    struct request_view *);

struct queue_row {			/* a request in an engineer's queue */
	int64_t		 id, respond_by, owner;
	const char	*title, *product, *severity, *status, *queue;
	const char	*owner_name;
};
int	 queue_counts(int64_t, int (*)(void *, const char *, int64_t), void *);
int	 queue_list(int64_t, const char *, int64_t,
	    int (*)(void *, const struct queue_row *), void *);
int	 request_take(const struct request_view *, int64_t, time_t);
int	 request_engineer_status(const struct request_view *,
	    const struct account *, const char *, time_t);
int	 request_return(const struct request_view *, const struct account *,
	    const char *);
int	 request_remove_contact(const struct request_view *,
	    const struct account *, const char *);
int	 request_contacts(int64_t, int (*)(void *, const char *, const char *,
	    const char *, const char *), void *);
int	 request_messages(int64_t, int (*)(void *, const struct thread_row *),
	    void *);
int	 request_files(int64_t, int (*)(void *, int64_t, const char *, int64_t,
	    const char *, int64_t), void *);
int	 draft_files(int64_t, int (*)(void *, int64_t, const char *, int64_t,
	    const char *, int64_t), void *);
int	 draft_file_totals(int64_t, int64_t *, int64_t *);
int	 catalogue_article(int64_t, int (*)(void *, const char *, const char *,
	    const char *), void *);
int	 accounts_readable(void);
int	 throttle_count_alone(enum throttle_kind, const char *, time_t);
int	 request_message(const struct request_view *, const struct account *,
	    int, const char *, int64_t *);
int	 request_attach(int64_t, int64_t, int64_t, const char *, const char *,
	    int64_t, const char *);
int	 request_set_status(int64_t, const struct account *, int, time_t);
int	 attach_for(int64_t, const struct account *, char *, size_t, char *,
	    size_t, int64_t *);
int	 request_add_contact(const struct request_view *,
	    const struct account *, const char *);
extern const char *const request_statuses[];
int	 held_put(const char *, int64_t, int64_t, const char *, const char *,
	    time_t);
int	 held_get(const char *, const char *, int64_t, char *, size_t);
int	 held_drop(const char *);

struct confirm {			/* what the confirmation page shows */
	int64_t	 id;
	char	 title[TITLE_MAX * 4 + 1];
	int64_t	 respond_by;
	char	 tz[64];
	char	 queue[64];
	char	 primary[EMAIL_MAX + 1];
	int	 is_contact;		/* the submitter can see it (R5.8) */
};

int	 request_confirmation(int64_t, const struct account *,
	    struct confirm *);
int	 attach_remove(int64_t, int64_t, int64_t);
int	 attach_add(int64_t, int64_t, const char *, const char *, int64_t,
	    const char *);

/* ----------------------------------------------------------- payment.c */

/*
 * Pay per incident (R6, R11.10).  A provider is a table of three
 * functions (R6.5); the built-in one is a test provider with its own
 * ledger in var/testpay.db, standing in for a processor elsewhere.
 */
#define CARD_HOLDER_MAX	100
#define PAY_TOKEN_MAX	64
#define PAY_KEY_LEN	32		/* hex digits of an idempotency key */

enum card_err {				/* what is wrong with a card typed in */
	CARD_OK,
	CARD_NUMBER,			/* not 13-19 digits, or the checksum */
	CARD_BRAND,			/* a brand we do not take */
	CARD_EXPIRY,			/* not MM/YY */
	CARD_EXPIRED,
	CARD_CVC,			/* the code's length for its brand */
	CARD_DECLINED,			/* the provider refused it */
	CARD_FAIL			/* the provider could not be reached */
};

struct card_in {			/* as typed: wiped after use (I.39) */
	const char	*holder;
	const char	*number;
	const char	*expiry;	/* MM/YY or MM/YYYY */
	const char	*cvc;
};

struct card {				/* what is kept */
	char	 holder[CARD_HOLDER_MAX * 4 + 1];
	char	 brand[16];		/* visa, mastercard, amex */
	char	 last4[5];
	int	 exp_month;
	int	 exp_year;
	char	 token[PAY_TOKEN_MAX + 1];
};

enum charge_result {
	CHARGE_OK,
	CHARGE_DECLINED,
	CHARGE_NOT_FOUND,		/* lookup: no charge under that key */
	CHARGE_FAIL			/* could not ask */
};

struct provider {
	const char	*name;
	/* tokenise: a token for a card (number, cvc checked by it too) */
	enum card_err	(*tokenise)(const char *, int, int, const char *,
			    char[PAY_TOKEN_MAX + 1]);
	/* charge: token, amount, currency under an idempotency key: the
	 * same key never charges twice and returns the first outcome */
	enum charge_result (*charge)(const char *, const char *, int64_t,
			    const char *, char *, size_t, char *, size_t);
	/* lookup: the outcome of the charge made under a key, if any */
	enum charge_result (*lookup)(const char *, char *, size_t, char *,
			    size_t);
};

extern const struct provider *payment_provider;

struct region {				/* R6.2: the offers of a country */
	char	 currency[4];
	int64_t	 one;			/* price of one incident */
	int64_t	 five;			/* of a 5-pack; 0 when not sold */
};

enum offer {
	OFFER_ONE,
	OFFER_FIVE,
	OFFER__MAX
};

enum pstatus {
	PS_NEW,
	PS_CHARGING,
	PS_PAID,
	PS_FAILED,
	PS__MAX
};

struct purchase {
	int64_t	 id;
	char	 key[PAY_KEY_LEN + 1];
	int64_t	 account;
	int64_t	 draft;
	enum offer offer;
	int	 incidents;
	int64_t	 version;
	char	 plan[201];
	int64_t	 amount;
	char	 currency[4];
	char	 token[PAY_TOKEN_MAX + 1];
	char	 brand[16];
	char	 last4[5];
	enum pstatus status;
	char	 charge[PAY_TOKEN_MAX + 1];
	char	 decline[64];
	int64_t	 contract;
	int64_t	 created;
	int64_t	 updated;
};

enum pstart {				/* why a purchase cannot start */
	PST_OK,
	PST_WORK,			/* a work account (R6.1) */
	PST_NO_CARD,			/* save a card first (R6.3) */
	PST_CARD_EXPIRED,		/* the saved card has expired since */
	PST_NOT_SOLD,			/* not in the account's country */
	PST_NO_FIVE,			/* no 5-pack there (R6.2) */
	PST_VERSION,			/* not an on-premises version here */
	PST_FAIL
};

/* The test processor's own statements, on its own database (sql.c). */
enum tp_stmt {
	TP_BEGIN,
	TP_COMMIT,
	TP_ROLLBACK,
	TP_TOKEN_INSERT,
	TP_TOKEN_GET,
	TP_CHARGE_GET,
	TP_CHARGE_INSERT,
	TP_CHARGE_AGAIN,
	TP__MAX
};

extern const char *const tp_schema;
extern const char *const tp_sql_text[TP__MAX];

struct reconciled {			/* what supportalctl reconcile did */
	int	 completed;		/* charged: the plan made */
	int	 failed;		/* declined or never charged */
	int	 left;			/* too recent to judge */
};

extern const char *const offer_code[OFFER__MAX];
extern const char *const pstatus_code[PS__MAX];
int	 luhn_ok(const char *);
const char *card_brand(const char *);
unsigned card_check(const struct card_in *, time_t, char[20], int *, int *);
void	 card_wipe(char *);
int	 card_get(int64_t, struct card *);
int	 card_save(int64_t, const struct card_in *, time_t);
int	 card_remove(int64_t);
int	 region_get(const char *, struct region *);
void	 money_format(char *, size_t, int64_t, const char *, const char *);
int	 ppi_version(int64_t, char *, size_t);
int	 ppi_versions(choice_fn, void *);
enum pstart purchase_start(const struct account *, int64_t, int64_t,
	    enum offer, const char *, time_t, int64_t *);
int	 purchase_get(int64_t, int64_t, struct purchase *);
int	 purchase_of_draft(int64_t, int64_t, int64_t *);
int	 purchase_unfinished(int64_t, time_t, int64_t *);
int	 purchase_plan(int64_t, char[CONTRACT_ID_LEN + 1],
	    char[CONTRACT_ID_LEN + 1], char[11], char[11]);
int	 purchase_buy(int64_t, int64_t, time_t);
int	 purchase_reconcile(int64_t, time_t, int, struct reconciled *);
void	 payment_close(void);

/* ----------------------------------------------------------- session.c */

struct session {
	int64_t	 id;
	int64_t	 account_id;
	char	 csrf[65];
	int64_t	 created;
	int64_t	 seen;
	int	 mfa_pending;	/* password right, code still to come */
};

int	 session_create(int64_t, const char *, const char *, int, time_t,
	    char[65], struct session *);
int	 session_find(const char *, time_t, struct session *);
int	 session_end_all(int64_t);
int	 session_end_others(int64_t, int64_t);
int	 session_rekey(struct session *, time_t, char[65]);
int64_t	 session_existed(const char *, int64_t *);
int	 session_end_one(int64_t, int64_t);

/* --------------------------------------------------------------- tpl.c */

int	 tpl_render(const char *, int, HDF *, const char *, struct buf *);
void	 tpl_free(void);

/* -------------------------------------------------------------- i18n.c */

int	 i18n_load(void);
void	 i18n_free(void);
HDF	*i18n_tree(const char *);
const char *i18n_get(const char *, const char *);
const char *i18n_pick(const char *);
int	 i18n_valid(const char *);
HDF	*i18n_globals(const char *);
const char *i18n_country(const char *, const char *);
int	 country_valid(const char *);
int	 tz_valid(const char *);
size_t	 tz_count(void);
const char *tz_at(size_t);

#endif /* SUPPORTAL_H */
