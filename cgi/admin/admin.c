/*
 * admin.c: supportalctl, the operator's command (R10).  It links the
 * same configuration, database and domain code as the worker, never the
 * pages.  Every command has --help.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>	/* backup: SQLite's online backup of its file */

#include "admin/copy.h"
#include "data/db.h"
#include "data/schema.h"
#include "domain/account.h"
#include "domain/attach.h"
#include "domain/catalogue.h"
#include "domain/contract.h"
#include "domain/draft.h"
#include "domain/identity.h"
#include "domain/note.h"
#include "domain/notify.h"
#include "domain/outbox.h"
#include "domain/password.h"
#include "domain/payment.h"
#include "domain/report.h"
#include "domain/request.h"
#include "domain/search.h"
#include "domain/totp.h"
#include "lib/config.h"
#include "lib/util.h"
#include "mail/mail.h"
#include "text/i18n.h"
#include "text/tpl.h"

struct cmd {
	const char	*name;
	int		 (*fn)(int, char **);
	int		 needs_db;	/* open the database first */
	const char	*usage;
	const char	*help;
};

static const struct cmd	*current;

static int
cmd_usage(FILE *f)
{
	fprintf(f, "usage: supportalctl %s %s\n\n%s\n", current->name,
	    current->usage, current->help);
	return f == stdout ? 0 : 2;
}

/* wants_help: 1 if the arguments ask for --help. */
static int
wants_help(int argc, char **argv)
{
	int	 i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

static int
mkdir_p(const char *path, mode_t mode)
{
	if (mkdir(path, mode) != 0 && errno != EEXIST) {
		fprintf(stderr, "supportalctl: mkdir %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	return chmod(path, mode);
}

static char *
read_file(const char *path)
{
	FILE	*f = fopen(path, "r");
	struct buf b = { 0 };
	char	 chunk[4096];
	size_t	 n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	buf_add(&b, "", 0);
	return b.p;
}

/*
 * identity_upgraded: what the upgrade to 011_identity (R14.1) did to the
 * accounts that were there.  With trust (migrate --trust-existing) every
 * one is marked verified; otherwise those that are not engineers stay
 * unverified until their owners follow a link, and the operator is told
 * how many.  Returns 0 or -1.
 */
static int
identity_upgraded(int trust)
{
	struct db_cur	*st;
	int64_t		 n = 0;

	if (trust) {
		if (db_begin_write() != 0)
			return -1;
		if (db_exec(STMT_ACCOUNTS_VERIFY_ALL, P_END) != DB_OK) {
			db_rollback();
			return -1;
		}
		n = db_changes();
		if (db_commit() != 0)
			return -1;
		printf("011_identity: --trust-existing: %lld existing account%s "
		    "marked verified\n", (long long)n, n == 1 ? "" : "s");
		return 0;
	}
	if ((st = db_query(STMT_ACCOUNTS_COUNT_UNVERIFIED, P_END)) == NULL)
		return -1;
	if (db_row(st) == 1)
		n = db_col_int(st, 0);
	db_done(st);
	printf("011_identity: %lld customer account%s unverified until "
	    "the owner confirms the address\n(supportalctl verify-account "
	    "EMAIL, or migrate --trust-existing on the upgrade); engineer\n"
	    "accounts are verified\n", (long long)n, n == 1 ? " is" :
	    "s are");
	return 0;
}

/*
 * migrate: apply schema/NNN_*.sql above the database's user_version, in
 * order, each in its own transaction.  Each file ends by setting
 * PRAGMA user_version to its own number.  When an existing database
 * (not a new one) went past 011 in this run, identity_upgraded(trust)
 * settles its accounts.  Returns 0 or -1.
 */
static int
migrate(int trust)
{
	char		 path[1000], **names;
	size_t		 n, i;
	int		 have = db_version(), rc = 0;

	if (schema_list(&names, &n) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		int	 num = atoi(names[i]);
		char	*text;

		if (num <= have)
			continue;
		snprintf(path, sizeof(path), "%s/%s", schema_dir(), names[i]);
		if ((text = read_file(path)) == NULL) {
			fprintf(stderr, "supportalctl: %s: %s\n", path,
			    strerror(errno));
			rc = -1;
			break;
		}
		if (db_begin_write() != 0 || db_exec_script(text) != 0) {
			if (db_in_transaction())
				db_rollback();
			rc = -1;
		} else if (db_version() != num) {
			fprintf(stderr, "supportalctl: %s does not set "
			    "user_version to %d\n", names[i], num);
			db_rollback();
			rc = -1;
		} else if (db_commit() != 0)
			rc = -1;
		else
			printf("applied %s\n", names[i]);
		free(text);
	}
	schema_free(names, n);
	if (rc == 0 && db_version() != schema_version()) {
		fprintf(stderr, "supportalctl: schema is at %d, expected %d\n",
		    db_version(), schema_version());
		rc = -1;
	}
	if (rc == 0 && have > 0 && have < 11)
		rc = identity_upgraded(trust);
	else if (rc == 0 && trust && have >= 11)
		printf("--trust-existing: the database was at version %d "
		    "already,\nnothing marked (supportalctl verify-account "
		    "EMAIL marks one account)\n", have);
	return rc;
}

/*
 * key_file: create the key file of the configuration (TOTP secrets are
 * sealed with it, R14.6) if it is missing, 32 random bytes, mode 0600.
 * 0, or -1 with the reason printed.
 */
static int
key_file(void)
{
	switch (totp_key_create(cfg.key_file)) {
	case 0:
		printf("created key file %s\n", cfg.key_file);
		return 0;
	case 1:
		return 0;
	default:
		fprintf(stderr, "supportalctl: cannot create the key file %s "
		    "(32 random bytes, mode 0600): create it, or set "
		    "Auth.KeyFile\n", cfg.key_file);
		return -1;
	}
}

static int
cmd_migrate(int argc, char **argv)
{
	int	 trust = 0;

	if (argc == 2 && strcmp(argv[1], "--trust-existing") == 0)
		trust = 1;
	else if (argc != 1)
		return cmd_usage(stderr);
	if (key_file() != 0)
		return 1;
	return migrate(trust) == 0 ? 0 : 1;
}

/*
 * init: the directories of var/, the key file and a migrated database.
 * Only the portal's own user reads any of them (nginx reaches the
 * workers through their socket, never var/): directories 0700, files
 * 0600, existing ones too (SECURITY.md M.63).
 */
static int
cmd_init(int argc, char **argv)
{
	static const char *const sub[] = { "", "/spool", "/spool/mail",
	    "/run", "/log", "/tmp" };
	static const char *const db_files[] = { "", "-wal", "-shm" };
	char	 path[700];
	size_t	 i;

	(void)argv;
	if (argc != 1)
		return cmd_usage(stderr);
	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", cfg.var, sub[i]);
		if (mkdir_p(path, 0700))
			return 1;
	}
	if (mkdir_p(cfg.attachments, 0700))	/* var/attachments, or shared */
		return 1;
	if (key_file() != 0 || db_open(1) != 0)
		return 1;
	for (i = 0; !cfg.db_pg && i < sizeof(db_files) / sizeof(db_files[0]);
	    i++) {
		snprintf(path, sizeof(path), "%s%s", cfg.db, db_files[i]);
		if (chmod(path, 0600) != 0 && (i == 0 || errno != ENOENT)) {
			fprintf(stderr, "supportalctl: chmod %s: %s\n", path,
			    strerror(errno));
			return 1;
		}
	}
	return migrate(0) == 0 ? 0 : 1;
}

/*
 * config: the configuration in force, after the file and the
 * environment, as "Name = value" lines, or the value of one name: what
 * tools/gen-nginx reads nginx's upload limit from (R16.6), so that
 * nginx and the workers follow one setting.
 */
static int
cmd_config(int argc, char **argv)
{
	char		 up[24], body[24], text[24], dopen[24], dbytes[24];
	char		 days[24], rfiles[24], rbytes[24];
	const char	*vals[][2] = {
		{ "Root", cfg.root },
		{ "Var", cfg.var },
		{ "Attachments", cfg.attachments },
		{ "Database.Engine", cfg.db_pg ? "postgresql" : "sqlite" },
		{ "Origin", cfg.origin },
		{ "Upload.MaxBytes", int_str(up, cfg.max_upload) },
		{ "Upload.BodyLimit", int_str(body, config_body_limit()) },
		{ "Request.MaxText", int_str(text, cfg.max_text) },
		{ "Request.MaxFiles", int_str(rfiles, cfg.req_max_files) },
		{ "Request.MaxFileBytes", int_str(rbytes,
		    cfg.req_max_file_bytes) },
		{ "Draft.MaxOpen", int_str(dopen, cfg.draft_max_open) },
		{ "Draft.MaxBytes", int_str(dbytes, cfg.draft_max_bytes) },
		{ "Draft.ExpireDays", int_str(days, cfg.draft_expire_days) },
	};
	size_t		 i, n = sizeof(vals) / sizeof(vals[0]);

	if (argc > 2)
		return cmd_usage(stderr);
	for (i = 0; i < n; i++)
		if (argc == 1)
			printf("%s = %s\n", vals[i][0], vals[i][1]);
		else if (strcmp(argv[1], vals[i][0]) == 0) {
			printf("%s\n", vals[i][1]);
			return 0;
		}
	if (argc == 1)
		return 0;
	fprintf(stderr, "supportalctl: no setting %s\n", argv[1]);
	return 1;
}

/*
 * add: one account with its profile complete or not.  Returns its id,
 * 0 when the email exists already, -1 on error.
 */
static int64_t
add(const char *email, const char *pw, const char *first, const char *last,
    const char *kind, const char *role, const struct profile *p)
{
	char	 norm[EMAIL_MAX + 1], hash[PASSWORD_HASH_LEN];
	int64_t	 id = 0;

	email_normalise(norm, sizeof(norm), email);
	if (password_hash(hash, sizeof(hash), pw) != 0 ||
	    db_begin_write() != 0)
		return -1;
	switch (account_create(norm, hash, first, last, kind,
	    p ? p->lang : "en", &id)) {
	case ACCT_OK:
		break;
	case ACCT_EXISTS:
		db_rollback();
		return 0;
	default:
		db_rollback();
		return -1;
	}
	/* the operator's accounts and the demo's are verified (R14.1) */
	if (account_set_verified(id) != 0 ||
	    (role != NULL && account_set_role(id, role) != 0) ||
	    (p != NULL && account_set_profile(id, p) != 0)) {
		db_rollback();
		return -1;
	}
	return db_commit() == 0 ? id : -1;
}

/*
 * read_password: a new account's password, one line of standard input,
 * long enough and not a common one.  0, or the exit code after saying
 * why not.
 */
static int
read_password(char *pw, size_t sz)
{
	if (fgets(pw, (int)sz, stdin) == NULL) {
		fprintf(stderr, "supportalctl: the password is read from "
		    "standard input\n");
		return 2;
	}
	pw[strcspn(pw, "\r\n")] = '\0';
	if (strlen(pw) < PASSWORD_MIN || strlen(pw) > PASSWORD_MAX ||
	    password_common(pw)) {
		fprintf(stderr, "supportalctl: the password needs %d to %d "
		    "characters and must not be a common one\n",
		    PASSWORD_MIN, PASSWORD_MAX);
		return 1;
	}
	return 0;
}

/*
 * queues_set: engineer id works the regions of list ("EMEA,AMER"),
 * added to those it has (R8.1).  0, or -1 with the reason printed.
 */
static int
queues_set(int64_t id, const char *list)
{
	char	 buf[64], *p, *save = NULL;
	int	 n = 0;

	if (strlen(list) >= sizeof(buf))
		goto bad;
	strlcpy_(buf, list, sizeof(buf));
	if (db_begin_write() != 0)
		return -1;
	for (p = strtok_r(buf, ", ", &save); p != NULL;
	    p = strtok_r(NULL, ", ", &save), n++)
		if ((strcmp(p, "AMER") != 0 && strcmp(p, "APAC") != 0 &&
		    strcmp(p, "EMEA") != 0) ||
		    db_exec(STMT_ENGINEER_QUEUE_ADD, P_INT(":account_id", id),
		    P_TEXT(":region", p), P_END) != DB_OK) {
			db_rollback();
			goto bad;
		}
	if (n == 0) {
		db_rollback();
		goto bad;
	}
	return db_commit();
bad:
	fprintf(stderr, "supportalctl: --queues is a list of AMER, APAC, "
	    "EMEA\n");
	return -1;
}

static int
cmd_add_engineer(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, NULL, 'e' },
		{ "first", required_argument, NULL, 'f' },
		{ "last", required_argument, NULL, 'l' },
		{ "queues", required_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*email = NULL, *first = NULL, *last = NULL;
	const char	*queues = NULL;
	char		 pw[PASSWORD_MAX + 2];
	int		 c;
	int64_t		 id;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'e': email = optarg; break;
		case 'f': first = optarg; break;
		case 'l': last = optarg; break;
		case 'q': queues = optarg; break;
		default: return cmd_usage(stderr);
		}
	if (email == NULL || first == NULL || last == NULL ||
	    queues == NULL || optind != argc)
		return cmd_usage(stderr);
	if ((c = read_password(pw, sizeof(pw))) != 0)
		return c;
	if ((id = add(email, pw, first, last, "work", "engineer",
	    NULL)) <= 0) {
		fprintf(stderr, "supportalctl: %s\n", id == 0 ?
		    "an account with this email exists" : "database error");
		return 1;
	}
	if (queues_set(id, queues) != 0)
		return 1;
	printf("engineer %lld\n", (long long)id);
	return 0;
}

static int
cmd_add_account(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, NULL, 'e' },
		{ "first", required_argument, NULL, 'f' },
		{ "last", required_argument, NULL, 'l' },
		{ "kind", required_argument, NULL, 'k' },
		{ "engineer", no_argument, NULL, 'E' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*email = NULL, *first = NULL, *last = NULL;
	const char	*kind = "personal", *role = NULL;
	char		 pw[PASSWORD_MAX + 2];
	int		 c;
	int64_t		 id;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'e': email = optarg; break;
		case 'f': first = optarg; break;
		case 'l': last = optarg; break;
		case 'k': kind = optarg; break;
		case 'E': role = "engineer"; break;
		default: return cmd_usage(stderr);
		}
	if (email == NULL || first == NULL || last == NULL || optind != argc ||
	    (strcmp(kind, "personal") != 0 && strcmp(kind, "work") != 0))
		return cmd_usage(stderr);
	if ((c = read_password(pw, sizeof(pw))) != 0)
		return c;
	if ((id = add(email, pw, first, last, kind, role, NULL)) <= 0) {
		fprintf(stderr, "supportalctl: %s\n", id == 0 ?
		    "an account with this email exists" : "database error");
		return 1;
	}
	printf("account %lld\n", (long long)id);
	return 0;
}

static int
import_file(const char *path)
{
	FILE	*f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char	 err[512];
	int	 rc;

	if (f == NULL) {
		fprintf(stderr, "supportalctl: %s: %s\n", path, strerror(errno));
		return -1;
	}
	rc = catalogue_import(f, path, err, sizeof(err));
	if (f != stdin)
		fclose(f);
	if (rc != 0)
		fprintf(stderr, "supportalctl: %s\n", err);
	return rc;
}

static int
cmd_import_catalogue(int argc, char **argv)
{
	if (argc != 2)
		return cmd_usage(stderr);
	if (import_file(argv[1]) != 0)
		return 1;
	printf("imported %s\n", argv[1]);
	return 0;
}

/* issue: print the IDs of a new contract; 0, 1 (bad value) or -1. */
static int
issue(const struct contract_new *c, int quiet)
{
	char	 aid[CONTRACT_ID_LEN + 1], cid[CONTRACT_ID_LEN + 1];
	char	 fa[CONTRACT_ID_LEN + 2], fc[CONTRACT_ID_LEN + 2], err[256];
	int64_t	 id;
	int	 rc;

	if ((rc = contract_issue(c, err, sizeof(err), aid, cid, &id)) != 0) {
		fprintf(stderr, "supportalctl: %s\n", rc > 0 ? err :
		    "database error");
		return rc;
	}
	contract_id_format(fa, aid);
	contract_id_format(fc, cid);
	if (!quiet)
		printf("Access ID:   %s\nContract ID: %s\n", fa, fc);
	return 0;
}

static int
cmd_issue_contract(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "programme", required_argument, NULL, 'g' },
		{ "plan", required_argument, NULL, 'n' },
		{ "incidents", required_argument, NULL, 'i' },
		{ "start", required_argument, NULL, 's' },
		{ "scope", required_argument, NULL, 'c' },
		{ "version", required_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct contract_new	 c;
	const char		*vers[64];
	char			 today[11], *end;
	int			 ch, nv = 0, p = -1, sc = -1;

	memset(&c, 0, sizeof(c));
	today_utc(today, time(NULL));
	c.start = today;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (ch) {
		case 'g': p = programme_parse(optarg); break;
		case 'n': c.plan = optarg; break;
		case 'i':
			c.incidents = (int)strtol(optarg, &end, 10);
			if (*end != '\0')
				c.incidents = -1;
			break;
		case 's': c.start = optarg; break;
		case 'c':
			if ((sc = scope_parse(optarg)) < 0)
				return cmd_usage(stderr);
			break;
		case 'v':
			if (nv == 63)
				return cmd_usage(stderr);
			vers[nv++] = optarg;
			break;
		default: return cmd_usage(stderr);
		}
	vers[nv] = NULL;
	if (p < 0 || c.plan == NULL || *c.plan == '\0' || optind != argc)
		return cmd_usage(stderr);
	c.prog = (enum programme)p;
	c.scope = sc < 0 ? programme_scope(c.prog) : (enum scope)sc;
	c.versions = vers;
	return issue(&c, 0) == 0 ? 0 : 1;
}

/* days_ago: the date n days before today (negative: after), UTC. */
static const char *
days_ago(char buf[11], int n)
{
	today_utc(buf, time(NULL) - (time_t)n * 86400);
	return buf;
}

/*
 * demo_contracts: the demo catalogue and contracts in every state, of
 * every programme (R10.2), activated on the demo accounts: a shared
 * partner pack on both, and one pair left for trying activation.
 */
static int
demo_contracts(int64_t anna, int64_t jan, int64_t *sa)
{
	static const char *const ppi_version[] = { "sql-server/2019", NULL };
	static const char *const sa_versions[] = { "sql-server/2022",
	    "sql-server/2019", "exchange-server/2019", NULL };
	char		 d[8][11];
	struct {
		struct contract_new	 c;
		int64_t			 who[2];
		int			 used;		/* incidents drawn */
	} k[] = {
		{ { PROG_SA, "SA support incidents", 10, days_ago(d[0], 90),
		    SCOPE_ONPREM, sa_versions, NULL, NULL }, { anna, 0 }, 1 },
		{ { PROG_VS, "Visual Studio professional support", 2,
		    days_ago(d[1], 200), SCOPE_ONPREM, NULL, NULL, NULL },
		    { anna, 0 }, 0 },
		{ { PROG_PPI, "Pay per incident, 1 incident", 1,
		    days_ago(d[2], 30), SCOPE_ONPREM, ppi_version, NULL, NULL },
		    { anna, 0 }, 0 },
		{ { PROG_SA, "SA support incidents", 3, days_ago(d[3], 400),
		    SCOPE_ONPREM, NULL, NULL, NULL }, { anna, 0 }, 2 },
		{ { PROG_PARTNER_PACK, "Partner Support Gold 20-pack", 20,
		    days_ago(d[4], 120), SCOPE_ONPREM, NULL, "DEMQ7SHARE",
		    "PACK2GKZ9X" }, { jan, anna }, 3 },
		{ { PROG_PARTNER_CORE, "Partner support 10-pack", 10,
		    days_ago(d[5], 380), SCOPE_ONPREM, NULL, NULL, NULL },
		    { jan, 0 }, 0 },
		{ { PROG_PARTNER_CLOUD, "Signature Cloud support", 5,
		    days_ago(d[6], 10), SCOPE_CLOUD, NULL, NULL, NULL },
		    { jan, 0 }, 0 },
		{ { PROG_CLOUD_PLAN, "Azure Standard support plan", 2,
		    days_ago(d[7], 300), SCOPE_CLOUD, NULL, NULL, NULL },
		    { jan, 0 }, 2 },
		{ { PROG_SA, "SA support incidents", 2, d[0], SCOPE_ONPREM,
		    NULL, "TRY22XP7NM", "DEMQ4SA5VB" }, { 0, 0 }, 0 },
	};
	char		 aid[CONTRACT_ID_LEN + 1], cid[CONTRACT_ID_LEN + 1];
	char		 err[256], title[64];
	int64_t		 id, dummy;
	size_t		 i;
	int		 j, u;

	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		if (contract_issue(&k[i].c, err, sizeof(err), aid, cid,
		    &id) != 0) {
			fprintf(stderr, "supportalctl: demo: %s\n", err);
			return -1;
		}
		if (i == 0)
			*sa = id;	/* Anna's requests draw on it */
		for (j = 0; j < 2; j++)
			if (k[i].who[j] != 0 && contract_activate(k[i].who[j],
			    aid, cid, &dummy) != ACT_OK)
				return -1;
		for (u = 0; u < k[i].used; u++) {
			snprintf(title, sizeof(title), "Demo request %d",
			    u + 1);
			/* drawn on the first day (the expired one was valid
			 * then), by each of its logins in turn */
			if (contract_debit(id, k[i].who[u % 2 && k[i].who[1] ?
			    1 : 0], 0, title, k[i].c.start) != 0)
				return -1;
		}
	}
	return 0;
}

/* a message of a demo thread, by the engineer or the customer */
struct demo_msg {
	int		 engineer;
	const char	*body;
	const char	*file;		/* the name of a file sent with it */
};

/* a demo request and the state it is left in */
struct demo_req {
	const char	*codes[4];	/* product, version, category, problem */
	const char	*title, *description, *severity, *country, *tz;
	const char	*secondary;
	int		 owned;
	const char	*status;	/* set by the engineer, or "closed" */
	const char	*returned;	/* the reason an incident is returned */
	const char	*note;		/* the engineer's internal note */
	struct demo_msg	 thread[4];
};

/*
 * demo_file: a small text file for a demo message, in var/tmp/, ready
 * to keep (its path, size and SHA-256 into f).  0 or -1.
 */
static int
demo_file(struct attach_in *f, const char *name, char tmp[700],
    char sha[65])
{
	char	 text[256];
	int	 fd, n;

	n = snprintf(text, sizeof(text), "%s\n2026-12-04 09:12:01 backup"
	    " of [sales] failed: 3041\n2026-12-04 09:12:01 operating"
	    " system error 112 (not enough space on the disk)\n", name);
	snprintf(tmp, 700, "%s/tmp/demo.XXXXXX", cfg.var);
	if ((fd = mkstemp(tmp)) < 0)
		return -1;
	if (write(fd, text, (size_t)n) != n) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	sha256_hex(text, (size_t)n, sha);
	f->tmp = tmp;
	f->name = name;
	f->size = n;
	f->sha256 = sha;
	return 0;
}

/*
 * demo_request: Anna (a) submits q on contract, Sam (e) works it as q
 * says: a working day to look at (R10.2, R15).  0 or -1.
 */
static int
demo_request(const struct demo_req *q, const struct account *a,
    const struct account *e, int64_t contract)
{
	struct draft		 d;
	struct request_view	 v;
	struct attach_in	 f;
	char			 tmp[700], sha[65];
	int64_t			 ids[4], rid, did;
	enum elig		 why;
	const struct demo_msg	*m;
	time_t			 now = time(NULL);
	int			 nf;

	if (catalogue_ids(q->codes, ids) != 1 || draft_create(a, &did) != 0 ||
	    draft_load(did, a->id, &d) != 1)
		return -1;
	d.done = 4;
	d.product = ids[0];
	d.version = ids[1];
	d.category = ids[2];
	d.problem = ids[3];
	d.title = q->title;
	d.description = q->description;
	d.contract = contract;
	strlcpy_(d.severity, q->severity, sizeof(d.severity));
	strlcpy_(d.country, q->country, sizeof(d.country));
	strlcpy_(d.tz, q->tz, sizeof(d.tz));
	strlcpy_(d.secondary, q->secondary, sizeof(d.secondary));
	d.add_me = 1;
	if (draft_save(a->id, &d) != 0 ||
	    request_submit(a, did, now, &rid, &why) != SUBMIT_OK)
		return -1;
	if (q->owned && (request_view_engineer(rid, e->id, "en", &v) != 1 ||
	    request_take(&v, e, 0, now) != 0))
		return -1;
	if (q->note != NULL && note_add(rid, e->id, q->note) != 0)
		return -1;
	for (m = q->thread; m < q->thread + 4 && m->body != NULL; m++) {
		nf = 0;
		if (m->file != NULL && demo_file(&f, m->file, tmp, sha) == 0)
			nf = 1;
		if (request_view_engineer(rid, e->id, "en", &v) != 1 ||
		    request_reply(&v, m->engineer ? e : a, m->engineer, m->body,
		    &f, nf, NULL) != 0) {
			if (nf)
				unlink(tmp);
			return -1;
		}
	}
	if (q->returned != NULL &&
	    (request_view_engineer(rid, e->id, "en", &v) != 1 ||
	    request_return(&v, e, q->returned) != 0))
		return -1;
	if (strcmp(q->status, "closed") == 0)
		return request_set_status(rid, a, 0, now) == 0 ? 0 : -1;
	if (*q->status == '\0')
		return 0;
	return request_view_engineer(rid, e->id, "en", &v) == 1 &&
	    request_engineer_status(&v, e, q->status, now) == 0 ? 0 : -1;
}

/*
 * demo_requests: Anna's requests in every state, with threads, files and
 * history, owned by Sam or by nobody yet, in both languages (R10.2,
 * R15).  0 or -1.
 */
static int
demo_requests(int64_t anna, int64_t sam, int64_t contract)
{
	static const struct demo_req q[] = {
	    { { "sql-server", "2022", "performance", "slow-queries" },
	      "Reports time out since the upgrade to SQL Server 2022",
	      "Since the upgrade last weekend the monthly sales report runs"
	      " for over ten minutes and times out; before, it took forty"
	      " seconds.  Nothing else changed.",
	      "important", "PL", "Europe/Warsaw",
	      "jan.kowalski@contoso.example", 1, "in_progress", NULL,
	      "Same plan regression as the Fabrikam case last month:"
	      " check the compatibility level before suggesting hints.",
	      { { 1, "Thank you, Anna.  Could you send the actual execution"
		  " plan of the report's main query, from before and after"
		  " the upgrade if you still have the old one?", NULL },
		{ 0, "Here are both plans.  The new one scans the orders"
		  " table.", "plans.txt" },
		{ 1, "The new plan comes from the new cardinality estimator."
		  " As a first step, update the statistics of dbo.Orders with"
		  " FULLSCAN; I will call you tomorrow at 10:00 to look at"
		  " the result together.", NULL } } },
	    { { "sql-server", "2022", "performance", "blocking" },
	      "Zakleszczenia w nocnym imporcie zamówień",
	      "Od wtorku nocny import zamówień kończy się błędem 1205"
	      " (zakleszczenie) mniej więcej co drugą noc.",
	      "moderate", "PL", "Europe/Warsaw", "", 0, "", NULL, NULL,
	      { { 0, "Dołączam fragment dziennika z ostatniej nocy.",
		  "import.log" } } },
	    { { "sql-server", "2019", "backup", "backup-fails" },
	      "Nightly backup fails with error 3041",
	      "The nightly full backup of the sales database fails with"
	      " error 3041.  The log backups still work.",
	      "critical", "PL", "Europe/Warsaw", "", 1, "waiting", NULL,
	      "Customer called: the disk is a NAS share; ask for its free"
	      " space if the next run fails too.",
	      { { 0, "The error log of last night.", "errorlog.txt" },
		{ 1, "The log shows operating system error 112: the backup"
		  " disk is full.  Could you free space on it or point the"
		  " job to another disk, then tell me how the next run goes?",
		  NULL } } },
	    { { "sql-server", "2019", "availability", "failover" },
	      "Always On failover does not complete",
	      "A manual failover of the availability group stays in"
	      " RESOLVING for minutes.",
	      "important", "PL", "Europe/Warsaw", "", 1, "resolved",
	      "Product defect", NULL,
	      { { 1, "This is a known defect of the build you run, fixed"
		  " in the latest cumulative update.  The incident is"
		  " returned to your contract.", NULL },
		{ 0, "After the update the failover takes five seconds."
		  " Thank you!", NULL } } },
	    { { "sql-server", "2019", "availability", "replication" },
	      "Replication errors after restoring the distributor",
	      "After restoring the distribution database the log reader"
	      " agent stops with error 18752.",
	      "moderate", "PL", "Europe/Warsaw", "", 1, "closed", NULL, NULL,
	      { { 1, "Run sp_replrestart on the publisher, then start the"
		  " log reader agent again.", NULL },
		{ 0, "That did it.  I am closing the request.", NULL } } },
	    { { "sql-server", "2022", "performance", "high-cpu" },
	      "High CPU on the Chicago reporting server",
	      "The reporting server in our Chicago office runs at 100 %"
	      " CPU every morning between 8 and 9.",
	      "moderate", "US", "America/Chicago", "", 0, "", NULL, NULL,
	      { { 0 } } },
	};
	struct account	 a, e;
	size_t		 i;

	if (account_load(anna, &a) != 1 || account_load(sam, &e) != 1)
		return -1;
	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++)
		if (demo_request(&q[i], &a, &e, contract) != 0) {
			fprintf(stderr, "supportalctl: demo: request %zu\n",
			    i + 1);
			return -1;
		}
	return 0;
}

/*
 * demo: the demo accounts (R10.2).  A personal customer and an engineer
 * with their profiles complete, and a work account that has yet to fill
 * in its one-time profile (R2.1).  Running it again changes nothing.
 */
static int
cmd_demo(int argc, char **argv)
{
	static const struct profile anna = { "anna.nowak@example.com",
	    "+48 22 555 0100", "", "PL", "Europe/Warsaw", "pl", "email" };
	static const struct profile eng = { "support@vendor.example",
	    "+1 425 555 0199", "Vendor Support", "US", "America/Los_Angeles",
	    "en", "email" };
	int64_t	 a, b, c, sa = 0;
	char	 path[700];

	(void)argv;
	if (argc != 1)
		return cmd_usage(stderr);
	a = add("anna.nowak@example.com", "demo-personal-2026", "Anna",
	    "Nowak", "personal", NULL, &anna);
	b = add("jan.kowalski@contoso.example", "demo-work-2026", "Jan",
	    "Kowalski", "work", NULL, NULL);
	c = add("support@vendor.example", "demo-engineer-2026", "Sam",
	    "Rivera", "work", "engineer", &eng);
	if (a < 0 || b < 0 || c < 0) {
		fprintf(stderr, "supportalctl: database error\n");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/schema/demo-catalogue.txt",
	    cfg.root);
	if (c > 0 && queues_set(c, "AMER,APAC,EMEA") != 0)
		return 1;
	if (a > 0 && (import_file(path) != 0 ||
	    demo_contracts(a, b, &sa) != 0 ||
	    demo_requests(a, c > 0 ? c : 0, sa) != 0)) {
		fprintf(stderr, "supportalctl: the demo data failed\n");
		return 1;
	}
	printf("demo accounts (email / password):\n"
	    "  personal  anna.nowak@example.com        demo-personal-2026\n"
	    "  work      jan.kowalski@contoso.example  demo-work-2026"
	    "  (profile not filled in yet)\n"
	    "  engineer  support@vendor.example        demo-engineer-2026\n"
	    "a contract to activate:  Access ID TRY22-XP7NM,"
	    "  Contract ID DEMQ4-SA5VB\n"
	    "shared by Anna and Jan:  Access ID DEMQ7-SHARE,"
	    "  Contract ID PACK2-GKZ9X\n");
	return 0;
}

/* send-mail: deliver the outbox (R9.1). */
static int
cmd_send_mail(int argc, char **argv)
{
	int	 sent, failed;

	(void)argv;
	if (argc != 1)
		return cmd_usage(stderr);
	if (mail_deliver(time(NULL), &sent, &failed) != 0) {
		fprintf(stderr, "supportalctl: database error\n");
		return 1;
	}
	if (sent || failed)
		printf("%d sent, %d to retry\n", sent, failed);
	return failed ? 1 : 0;
}

/*
 * reconcile: settle the purchases left "charging" by a crash between a
 * charge and its commit, asking the payment provider by each one's
 * idempotency key (R11.10, SECURITY.md H.37).
 */
static int
cmd_reconcile(int argc, char **argv)
{
	struct reconciled	 x;
	char			*end;
	long			 age = 120;

	if (argc == 3 && strcmp(argv[1], "--age") == 0) {
		age = strtol(argv[2], &end, 10);
		if (*end != '\0' || age < 0)
			return cmd_usage(stderr);
	} else if (argc != 1)
		return cmd_usage(stderr);
	if (purchase_reconcile(0, time(NULL), (int)age, &x) != 0) {
		fprintf(stderr, "supportalctl: database error\n");
		payment_close();
		return 1;
	}
	payment_close();
	printf("%d completed, %d failed, %d left\n", x.completed, x.failed,
	    x.left);
	return x.left ? 1 : 0;
}

/* remind: the contract reminders due today, each once (R11.7). */
static int
cmd_remind(int argc, char **argv)
{
	int	 sent;

	(void)argv;
	if (argc != 1)
		return cmd_usage(stderr);
	if (contract_remind(time(NULL), &sent) != 0) {
		fprintf(stderr, "supportalctl: reminders: database error\n");
		return 1;
	}
	printf("%d reminders queued\n", sent);
	return 0;
}

/*
 * overdue: a mail to the owner of each request whose response-by passed
 * while its clock ran, once per request and response-by (R15.1).
 */
static int
cmd_overdue(int argc, char **argv)
{
	int	 sent;

	(void)argv;
	if (argc != 1)
		return cmd_usage(stderr);
	if (notify_overdue(time(NULL), &sent) != 0) {
		fprintf(stderr, "supportalctl: overdue: database error\n");
		return 1;
	}
	printf("%d overdue mails queued\n", sent);
	return 0;
}

/*
 * expire-drafts: the drafts untouched for Draft.ExpireDays deleted with
 * their files (R15.9).
 */
static int
cmd_expire_drafts(int argc, char **argv)
{
	int	 n;

	(void)argv;
	if (argc != 1)
		return cmd_usage(stderr);
	if (draft_expire(time(NULL) - (time_t)cfg.draft_expire_days * 86400,
	    &n) != 0) {
		fprintf(stderr, "supportalctl: expire-drafts: database or "
		    "file error\n");
		return 1;
	}
	printf("%d drafts expired\n", n);
	return 0;
}

/*
 * not_link: 0 when path is not a symbolic link (or does not exist), else
 * -1 with the refusal printed (SECURITY.md M.63).
 */
static int
not_link(const char *path)
{
	struct stat	 sb;

	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "supportalctl: %s: %s\n", path,
		    strerror(errno));
		return -1;
	}
	if (S_ISLNK(sb.st_mode)) {
		fprintf(stderr, "supportalctl: %s is a symbolic link: refusing "
		    "to write the backup through it\n", path);
		return -1;
	}
	return 0;
}

/*
 * part_create: create path (FILE.part) empty, mode 0600 whatever the
 * umask, never through a symbolic link: a regular file left by an
 * earlier run is removed first, anything else refused.  SQLite then
 * opens the file it finds there.  0, or -1 with the reason printed.
 */
static int
part_create(const char *path)
{
	struct stat	 sb;
	int		 fd, e;

	if (lstat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode)) {
			fprintf(stderr, "supportalctl: %s exists and is not a "
			    "regular file (a symbolic link?): refusing\n", path);
			return -1;
		}
		if (unlink(path) != 0)
			goto fail;
	} else if (errno != ENOENT)
		goto fail;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) < 0)
		goto fail;
	if (fchmod(fd, 0600) != 0) {
		e = errno;
		close(fd);
		unlink(path);
		errno = e;
		goto fail;
	}
	return close(fd);
fail:
	fprintf(stderr, "supportalctl: %s: %s\n", path, strerror(errno));
	return -1;
}

/*
 * backup FILE: a consistent copy of the database while the portal runs
 * (SQLite's online backup, a few pages a step so that writers are held
 * up little), written to FILE.part and renamed onto FILE when complete.
 * The copy holds every account: FILE is mode 0600 whatever the umask,
 * and a symbolic link at FILE or FILE.part is refused rather than
 * followed (SECURITY.md M.63).  SQLite itself opens FILE.part-journal
 * with O_NOFOLLOW and the mode of FILE.part, and removes one it finds
 * beside the empty FILE.part (3.40, seen with strace).
 */
static int
cmd_backup(int argc, char **argv)
{
	sqlite3		*to = NULL;
	sqlite3_backup	*b;
	char		 tmp[1100];
	int		 rc;

	if (argc != 2)
		return cmd_usage(stderr);
	if (db_is_pg()) {
		fprintf(stderr, "supportalctl: backup copies SQLite's file; "
		    "on PostgreSQL, back up with pg_dump (README.md)\n");
		return 1;
	}
	if (strlen(argv[1]) + sizeof(".part") > sizeof(tmp)) {
		fprintf(stderr, "supportalctl: %s: name too long\n", argv[1]);
		return 1;
	}
	snprintf(tmp, sizeof(tmp), "%s.part", argv[1]);
	if (not_link(argv[1]) != 0 || part_create(tmp) != 0)
		return 1;
	if (sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		fprintf(stderr, "supportalctl: %s: %s\n", tmp,
		    to ? sqlite3_errmsg(to) : "cannot open");
		goto fail;
	}
	if ((b = sqlite3_backup_init(to, "main", db_sqlite(), "main")) ==
	    NULL) {
		fprintf(stderr, "supportalctl: backup: %s\n",
		    sqlite3_errmsg(to));
		goto fail;
	}
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK ||
	    rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(5);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "supportalctl: backup: %s\n",
		    sqlite3_errstr(rc));
		goto fail;
	}
	rc = sqlite3_close(to);
	to = NULL;
	if (rc != SQLITE_OK) {
		fprintf(stderr, "supportalctl: %s: %s\n", tmp,
		    sqlite3_errstr(rc));
		goto fail;
	}
	/* once more: FILE may have become a link while the copy ran */
	if (not_link(argv[1]) != 0)
		goto fail;
	if (rename(tmp, argv[1]) != 0) {
		fprintf(stderr, "supportalctl: %s: %s\n", argv[1],
		    strerror(errno));
		goto fail;
	}
	printf("backup written to %s\n", argv[1]);
	return 0;
fail:
	sqlite3_close(to);
	unlink(tmp);
	return 1;
}

/*
 * verify-account EMAIL: the account's address is taken as proven
 * (R14.1), as if its owner had followed the link mailed to it.
 */
static int
cmd_verify_account(int argc, char **argv)
{
	struct db_cur	*st;
	char		 norm[EMAIL_MAX + 1];
	int64_t		 id = 0;

	if (argc != 2)
		return cmd_usage(stderr);
	email_normalise(norm, sizeof(norm), argv[1]);
	if ((st = db_query(STMT_ACCOUNT_ID_BY_EMAIL, P_TEXT(":email", norm),
	    P_END)) == NULL)
		return 1;
	if (db_row(st) == 1)
		id = db_col_int(st, 0);
	db_done(st);
	if (id == 0) {
		fprintf(stderr, "supportalctl: no account has the email %s\n",
		    norm);
		return 1;
	}
	if (db_begin_write() != 0)
		return 1;
	if (account_set_verified(id) != 0) {
		db_rollback();
		fprintf(stderr, "supportalctl: database error\n");
		return 1;
	}
	if (db_commit() != 0) {
		fprintf(stderr, "supportalctl: database error\n");
		return 1;
	}
	printf("verified %s\n", norm);
	return 0;
}

/* file_sha256: the SHA-256 of file path in hex, and its size.  0/-1. */
static int
file_sha256(const char *path, char hex[65], int64_t *size)
{
	struct sha256	 s;
	unsigned char	 buf[65536], md[32];
	size_t		 n, i;
	FILE		*f = fopen(path, "rb");

	if (f == NULL)
		return -1;
	*size = 0;
	sha256_init(&s);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		sha256_update(&s, buf, n);
		*size += (int64_t)n;
	}
	fclose(f);
	sha256_final(&s, md);
	for (i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	return 0;
}

/*
 * check: the database's integrity, every balance against its ledger,
 * every attachment present with its size and SHA-256 (R13.3).  Prints
 * each problem; exits 1 when there is one.
 */
/* orphan: a file in var/attachments/ without its row (R15.9). */
static void
orphan(void *arg, const char *path)
{
	(void)arg;
	printf("attachment file %s has no row\n", path);
}

static int
cmd_check(int argc, char **argv)
{
	struct db_cur	*st;
	char		 path[1200], hex[65];
	int64_t		 size;
	int		 bad = 0, n = 0, k;

	(void)argv;
	if (argc != 1)
		return cmd_usage(stderr);
	if ((st = db_query(STMT_INTEGRITY, P_END)) == NULL)
		return 1;
	while (db_row(st) == 1)
		if (strcmp(db_col_text(st, 0), "ok") != 0) {
			printf("integrity: %s\n", db_col_text(st, 0));
			bad++;
		}
	db_done(st);
	if ((st = db_query(STMT_BALANCES_WRONG, P_END)) == NULL)
		return 1;
	while (db_row(st) == 1) {
		printf("balance: contract %lld has %lld incidents left, its "
		    "ledger says %lld\n", (long long)db_col_int(st, WRONG_CONTRACT),
		    (long long)db_col_int(st, WRONG_LEFT),
		    (long long)db_col_int(st, WRONG_LEDGER));
		bad++;
	}
	db_done(st);
	if ((st = db_query(STMT_ATTACH_ALL, P_END)) == NULL)
		return 1;
	while (db_row(st) == 1) {
		n++;
		attach_path(path, sizeof(path), db_col_text(st, ALLFILE_STORED));
		if (file_sha256(path, hex, &size) != 0) {
			printf("attachment %lld: %s is missing\n",
			    (long long)db_col_int(st, ALLFILE_ID), path);
			bad++;
		} else if (size != db_col_int(st, ALLFILE_SIZE) ||
		    strcmp(hex, db_col_text(st, ALLFILE_SHA256)) != 0) {
			printf("attachment %lld: %s does not match its size "
			    "and SHA-256\n", (long long)db_col_int(st, ALLFILE_ID), path);
			bad++;
		}
	}
	db_done(st);
	if ((k = attach_orphans(orphan, NULL)) < 0) {
		fprintf(stderr, "supportalctl: cannot compare %s "
		    "with the database\n", cfg.attachments);
		return 1;
	}
	bad += k;
	printf("%s: %d problems (%d attachments checked)\n",
	    bad ? "check failed" : "check passed", bad, n);
	return bad ? 1 : 0;
}

/*
 * search-rebuild: the full-text indexes of requests and messages made
 * again from the tables, in one transaction (R15.3).
 */
static int
cmd_search_rebuild(int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cmd_usage(stderr);
	if (search_rebuild() != 0) {
		fprintf(stderr, "supportalctl: search-rebuild: database "
		    "error\n");
		return 1;
	}
	printf("search index rebuilt\n");
	return 0;
}

/* ------------------------------------------ R17.2: lists and exports */

/* a report's rows, kept to be printed once their widths are known */
struct table {
	const struct report_col	*cols;
	int			 n;
	char			**cell;		/* rows * n */
	size_t			 rows;
};

static int
table_row(void *arg, const char *const *v)
{
	struct table	*t = arg;
	int		 i;

	t->cell = xrealloc(t->cell, (t->rows + 1) * t->n * sizeof(char *));
	for (i = 0; i < t->n; i++)
		t->cell[t->rows * t->n + i] = xstrdup(v[i]);
	t->rows++;
	return 0;
}

static void
table_free(struct table *t)
{
	size_t	 i;

	for (i = 0; i < t->rows * t->n; i++)
		free(t->cell[i]);
	free(t->cell);
}

/* text_width: the characters of UTF-8 s (the bytes that start one). */
static size_t
text_width(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * text_cell: s padded to width w, control characters shown as ?, so
 * that a name someone typed cannot move the operator's cursor or
 * colour the terminal.
 */
static void
text_cell(const char *s, size_t w, int last)
{
	size_t	 n = text_width(s);

	for (; *s != '\0'; s++)
		putchar((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
	while (!last && n++ < w + 2)
		putchar(' ');
}

/* table_text: a header line, then a line a row, columns aligned. */
static void
table_text(const struct table *t)
{
	size_t	 w[16] = { 0 }, r, x;
	int	 i;

	for (i = 0; i < t->n && i < 16; i++) {
		w[i] = strlen(t->cols[i].name);
		for (r = 0; r < t->rows; r++)
			if ((x = text_width(t->cell[r * t->n + i])) > w[i])
				w[i] = x;
	}
	for (i = 0; i < t->n; i++)
		text_cell(t->cols[i].name, w[i], i == t->n - 1);
	putchar('\n');
	for (r = 0; r < t->rows; r++) {
		for (i = 0; i < t->n; i++)
			text_cell(t->cell[r * t->n + i], w[i], i == t->n - 1);
		putchar('\n');
	}
}

/*
 * table_json: an array of objects, one a line; integers as numbers
 * (null when empty), everything else a string escaped (RFC 8259).
 */
static void
table_json(const struct table *t)
{
	struct buf	 b = { 0 };
	size_t		 r;
	int		 i;

	buf_puts(&b, "[");
	for (r = 0; r < t->rows; r++) {
		buf_puts(&b, r ? ",\n{" : "\n{");
		for (i = 0; i < t->n; i++) {
			const char	*v = t->cell[r * t->n + i];

			if (i > 0)
				buf_puts(&b, ", ");
			json_str(&b, t->cols[i].name);
			buf_puts(&b, ": ");
			if (!t->cols[i].num)
				json_str(&b, v);
			else
				buf_puts(&b, *v != '\0' ? v : "null");
		}
		buf_puts(&b, "}");
	}
	buf_puts(&b, t->rows ? "\n]\n" : "]\n");
	fwrite(b.p, 1, b.len, stdout);
	buf_free(&b);
}

/*
 * table_csv: RFC 4180: a header record, then a record a row, CRLF
 * after each; text fields guarded against formula injection
 * (csv_cell), integers from the database as they are.
 */
static void
table_csv(const struct table *t)
{
	struct buf	 b = { 0 };
	size_t		 r;
	int		 i;

	for (i = 0; i < t->n; i++) {
		if (i > 0)
			buf_puts(&b, ",");
		csv_cell(&b, t->cols[i].name, 1);
	}
	buf_puts(&b, "\r\n");
	for (r = 0; r < t->rows; r++) {
		for (i = 0; i < t->n; i++) {
			if (i > 0)
				buf_puts(&b, ",");
			csv_cell(&b, t->cell[r * t->n + i], !t->cols[i].num);
		}
		buf_puts(&b, "\r\n");
	}
	fwrite(b.p, 1, b.len, stdout);
	buf_free(&b);
}

enum format { FMT_TEXT, FMT_JSON, FMT_CSV };

/* report: print report w (narrowed by contract, account) as fmt. */
static int
report(enum report w, int64_t contract, int64_t account, enum format fmt)
{
	struct table	 t;

	memset(&t, 0, sizeof(t));
	t.cols = report_cols(w, &t.n);
	if (report_run(w, contract, account, table_row, &t) != 0) {
		table_free(&t);
		fprintf(stderr, "supportalctl: database error\n");
		return 1;
	}
	if (fmt == FMT_JSON)
		table_json(&t);
	else if (fmt == FMT_CSV)
		table_csv(&t);
	else
		table_text(&t);
	table_free(&t);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* the options of the operator's commands; want says which one takes */
struct opargs {
	int64_t		 contract;	/* --contract ID */
	int64_t		 account;	/* --account EMAIL, or EMAIL */
	const char	*reason;	/* --reason TEXT */
	const char	*end;		/* --end YYYY-MM-DD */
	int		 incidents;	/* --incidents N */
	int		 json;		/* --json */
};

enum {
	OA_CONTRACT = 1, OA_ACCOUNT = 2, OA_REASON = 4, OA_END = 8,
	OA_INCIDENTS = 16, OA_JSON = 32,
	OA_EMAIL = 64,			/* EMAIL as the one operand */
	OA_OPTIONAL = 128		/* --contract, --account optional */
};

/* account_arg: the id of the account of email, or 0 with it said. */
static int64_t
account_arg(const char *email)
{
	char	 norm[EMAIL_MAX + 1];
	int64_t	 id;

	email_normalise(norm, sizeof(norm), email);
	if ((id = account_find(norm)) <= 0)
		fprintf(stderr, "supportalctl: %s\n", id < 0 ?
		    "database error" : "no account has this email");
	return id > 0 ? id : 0;
}

/*
 * opargs_read: the options of want into a.  0, or the exit code (2 for
 * a usage error, 1 for an unknown account) after saying why.
 */
static int
opargs_read(int argc, char **argv, unsigned want, struct opargs *a)
{
	static const struct option opts[] = {
		{ "contract", required_argument, NULL, 'c' },
		{ "account", required_argument, NULL, 'a' },
		{ "reason", required_argument, NULL, 'r' },
		{ "end", required_argument, NULL, 'e' },
		{ "incidents", required_argument, NULL, 'i' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*email = NULL;
	char		*end;
	int		 c;
	unsigned	 got = 0;

	memset(a, 0, sizeof(*a));
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1)
		switch (c) {
		case 'c':
			a->contract = parse_id(optarg);
			got |= OA_CONTRACT;
			if (a->contract == 0)
				return cmd_usage(stderr);
			break;
		case 'a':
			email = optarg;
			got |= OA_ACCOUNT;
			break;
		case 'r':
			a->reason = optarg;
			got |= OA_REASON;
			break;
		case 'e':
			a->end = optarg;
			got |= OA_END;
			break;
		case 'i':
			a->incidents = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || *optarg == '\0')
				return cmd_usage(stderr);
			got |= OA_INCIDENTS;
			break;
		case 'j':
			a->json = 1;
			got |= OA_JSON;
			break;
		default:
			return cmd_usage(stderr);
		}
	if (want & OA_EMAIL) {
		if (optind != argc - 1 || email != NULL)
			return cmd_usage(stderr);
		email = argv[optind];
		got |= OA_ACCOUNT;
	} else if (optind != argc)
		return cmd_usage(stderr);
	/* every option given is one the command takes; every one it
	 * needs is given, but --json and the optional ones */
	if ((got & ~(want | OA_ACCOUNT)) != 0 ||
	    ((got & OA_ACCOUNT) && !(want & (OA_ACCOUNT | OA_EMAIL))))
		return cmd_usage(stderr);
	if (!(want & OA_OPTIONAL) && ((want & ~(OA_JSON | OA_EMAIL)) &
	    ~got & (OA_CONTRACT | OA_ACCOUNT | OA_REASON | OA_END |
	    OA_INCIDENTS)) != 0)
		return cmd_usage(stderr);
	if ((want & OA_REASON) && (a->reason == NULL || *a->reason == '\0' ||
	    strlen(a->reason) > 500)) {
		fprintf(stderr, "supportalctl: --reason says why, in 1 to 500 "
		    "characters (it is kept with the change)\n");
		return 2;
	}
	if (email != NULL && (a->account = account_arg(email)) == 0)
		return 1;
	return 0;
}

static int
cmd_list_accounts(int argc, char **argv)
{
	struct opargs	 a;
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_JSON, &a)) != 0)
		return rc;
	return report(REPORT_ACCOUNTS, 0, 0, a.json ? FMT_JSON : FMT_TEXT);
}

static int
cmd_list_contracts(int argc, char **argv)
{
	struct opargs	 a;
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_JSON, &a)) != 0)
		return rc;
	return report(REPORT_CONTRACTS, 0, 0, a.json ? FMT_JSON : FMT_TEXT);
}

static int
cmd_list_activations(int argc, char **argv)
{
	struct opargs	 a;
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_JSON | OA_CONTRACT | OA_ACCOUNT |
	    OA_OPTIONAL, &a)) != 0)
		return rc;
	return report(REPORT_ACTIVATIONS, a.contract, a.account, a.json ?
	    FMT_JSON : FMT_TEXT);
}

static int
cmd_export(int argc, char **argv)
{
	struct opargs	 a;
	int		 w, rc;

	if (argc < 2 || (w = report_parse(argv[1])) < 0 ||
	    (w != REPORT_REQUESTS && w != REPORT_LEDGER && w != REPORT_AUDIT))
		return cmd_usage(stderr);
	if ((rc = opargs_read(argc - 1, argv + 1, w == REPORT_LEDGER ?
	    OA_CONTRACT | OA_OPTIONAL : 0, &a)) != 0)
		return rc;
	return report((enum report)w, a.contract, 0, FMT_CSV);
}

/* done: the outcome rc (0, 1 with msg said, -1) of a change, printed. */
static int
done(int rc, const char *msg, const char *ok)
{
	if (rc < 0)
		fprintf(stderr, "supportalctl: database error\n");
	else if (rc > 0)
		fprintf(stderr, "supportalctl: %s\n", msg);
	else
		printf("%s\n", ok);
	return rc == 0 ? 0 : 1;
}

static int
cmd_revoke_activation(int argc, char **argv)
{
	struct opargs	 a;
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_CONTRACT | OA_ACCOUNT |
	    OA_REASON, &a)) != 0)
		return rc;
	return done(contract_revoke(a.account, a.contract, a.reason),
	    "this account has not activated this contract",
	    "activation revoked");
}

static int
cmd_rekey_contract(int argc, char **argv)
{
	struct opargs	 a;
	char		 aid[CONTRACT_ID_LEN + 1], cid[CONTRACT_ID_LEN + 1];
	char		 fa[CONTRACT_ID_LEN + 2], fc[CONTRACT_ID_LEN + 2];
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_CONTRACT | OA_REASON, &a)) != 0)
		return rc;
	if ((rc = contract_rekey(a.contract, a.reason, aid, cid)) != 0)
		return done(rc, "there is no such contract", "");
	contract_id_format(fa, aid);
	contract_id_format(fc, cid);
	printf("Access ID:   %s\nContract ID: %s\n", fa, fc);
	return 0;
}

static int
cmd_extend_contract(int argc, char **argv)
{
	struct opargs	 a;
	char		 err[200];
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_CONTRACT | OA_END | OA_REASON,
	    &a)) != 0)
		return rc;
	return done(contract_extend(a.contract, a.end, a.reason, err,
	    sizeof(err)), err, "end date extended");
}

static int
cmd_add_incidents(int argc, char **argv)
{
	struct opargs	 a;
	char		 err[200];
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_CONTRACT | OA_INCIDENTS |
	    OA_REASON, &a)) != 0)
		return rc;
	return done(contract_topup(a.contract, a.incidents, a.reason, err,
	    sizeof(err)), err, "incidents added");
}

static int
cmd_disable_account(int argc, char **argv)
{
	struct opargs	 a;
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_EMAIL | OA_REASON, &a)) != 0)
		return rc;
	return done(identity_disable(a.account, 1, a.reason),
	    "the account is disabled already", "account disabled");
}

static int
cmd_enable_account(int argc, char **argv)
{
	struct opargs	 a;
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_EMAIL | OA_REASON, &a)) != 0)
		return rc;
	return done(identity_disable(a.account, 0, a.reason),
	    "the account is not disabled", "account enabled");
}

static int
cmd_send_reset(int argc, char **argv)
{
	struct opargs	 a;
	int		 rc;

	if ((rc = opargs_read(argc, argv, OA_EMAIL | OA_REASON, &a)) != 0)
		return rc;
	return done(identity_reset_send(a.account, a.reason, time(NULL)),
	    "the account is disabled: enable it first",
	    "password-reset link queued (send-mail delivers it)");
}

static const struct cmd	 cmds[] = {
	{ "init", cmd_init, 0, "",
	  "Create the var directory (attachments, spool, run, log, a private\n"
	  "tmp), the key file if missing (Auth.KeyFile, default\n"
	  "var/secret.key) and a database with every migration applied.\n"
	  "Directories are made mode 0700, files 0600 (existing ones too)." },
	{ "config", cmd_config, 0, "[NAME]",
	  "Print the configuration in force (the file of SUPPORTAL_CONFIG,\n"
	  "then the environment) as Name = value lines, or the value of\n"
	  "NAME alone.  Upload.MaxBytes is the most the files of one upload,\n"
	  "and of a draft together, may hold (default 104857600, 100 MiB);\n"
	  "Upload.BodyLimit, that plus room for the form around them, is\n"
	  "nginx's client_max_body_size on the upload routes (tools/gen-nginx\n"
	  "writes it; nginx.conf.example says where)." },
	{ "migrate", cmd_migrate, 1, "[--trust-existing]",
	  "Apply the migrations of schema/ that the database lacks, each in\n"
	  "one transaction, and create the key file if missing.  Workers\n"
	  "refuse a database of another version.  The upgrade to 011 leaves\n"
	  "existing customer accounts unverified until their owners follow\n"
	  "a link (R14.1) and says how many; with --trust-existing, for\n"
	  "addresses known to be real, it marks every existing account\n"
	  "verified instead." },
	{ "demo", cmd_demo, 1, "",
	  "Add the demo accounts (a personal one, a work one, an engineer)\n"
	  "and print their sign-ins.  Running it again changes nothing." },
	{ "import-catalogue", cmd_import_catalogue, 1, "FILE",
	  "Import products, versions, categories, problems and knowledge-base\n"
	  "articles from FILE (- for standard input), in one transaction.\n"
	  "The format is described at the top of cgi/domain/catalogue.c and in\n"
	  "README.md; schema/demo-catalogue.txt is an example." },
	{ "issue-contract", cmd_issue_contract, 1,
	  "--programme P --plan NAME --incidents N [--start YYYY-MM-DD]\n"
	  "        [--scope onprem|cloud|both] [--version PRODUCT/VERSION]...",
	  "Issue a support contract and print its Access ID and Contract ID.\n"
	  "P is one of partner_pack, partner_core, partner_cloud, vs, sa,\n"
	  "cloud_plan, ppi.  It is valid for a year from its start (today by\n"
	  "default), plus 30 days for the partner programmes.  Without\n"
	  "--version it covers every version of its scope." },
	{ "send-mail", cmd_send_mail, 1, "",
	  "Deliver the mails of the outbox that are due: to var/spool/mail/\n"
	  "(one .eml file each), or through the program of Mail.Sendmail in\n"
	  "the configuration (or SUPPORTAL_SENDMAIL), for example\n"
	  "\"/usr/sbin/sendmail -t -i\".  A failure is retried later, after\n"
	  "1, 2, 4 ... minutes (at most a day), ten times.  Exits 1 when a\n"
	  "mail could not be delivered this time." },
	{ "reconcile", cmd_reconcile, 1, "[--age SECONDS]",
	  "Settle the pay-per-incident purchases whose Buy was pressed but\n"
	  "never finished (a worker killed between the charge and its\n"
	  "commit): the payment provider is asked by each one's idempotency\n"
	  "key.  Charged, the plan is made; declined or never charged, the\n"
	  "purchase fails (only when Buy was pressed at least --age seconds\n"
	  "ago, default 120, so that a request still running is not judged).\n"
	  "Prints what it did; exits 1 when some could not be settled yet." },
	{ "add-engineer", cmd_add_engineer, 1,
	  "--email E --first F --last L --queues AMER,APAC,EMEA",
	  "Add a support engineer's account working the queues of the given\n"
	  "support regions; the password is read from standard input.  The\n"
	  "engineer fills in the profile at the first sign-in." },
	{ "remind", cmd_remind, 1, "",
	  "Queue the contract reminders due today (R11.7): 30 and 7 days\n"
	  "before a contract ends, and when its last incident is used, to\n"
	  "every account that activated it.  Each is sent once, however\n"
	  "often this runs (make run and the systemd timer run it hourly);\n"
	  "send-mail delivers them." },
	{ "backup", cmd_backup, 1, "FILE",
	  "Write a consistent copy of the database to FILE while the portal\n"
	  "runs (SQLite's online backup), through FILE.part, mode 0600.  A\n"
	  "symbolic link at FILE or FILE.part is refused.  Attachments are\n"
	  "files under var/attachments/: copy them too." },
	{ "copy-from-sqlite", cmd_copy_sqlite, 0, "FILE",
	  "Copy every row of the SQLite database FILE (a portal's\n"
	  "supportal.db, opened read-only; stop its workers first) into the\n"
	  "PostgreSQL database of the configuration (Database.Engine =\n"
	  "postgresql), which supportalctl init has just made: a database\n"
	  "with rows is refused, and so is a FILE at another schema version.\n"
	  "One transaction: all of it or nothing.  Ids are kept, each\n"
	  "identity goes on past the largest; every table is counted on both\n"
	  "sides before the commit.  The attachments (Attachments, by default\n"
	  "var/attachments/) and the key file (Auth.KeyFile) are files: copy\n"
	  "them too." },
	{ "check", cmd_check, 1, "",
	  "Check the database (PRAGMA integrity_check), that every contract's\n"
	  "balance equals its ledger, and that every attachment is present\n"
	  "with its size and SHA-256.  Prints each problem; exits 1 if any." },
	{ "overdue", cmd_overdue, 1, "",
	  "Queue a mail to the owner of each request whose first response\n"
	  "is due and has passed while its clock ran (not waiting for the\n"
	  "customer, not resolved or closed), if the owner chose that mail\n"
	  "(R15.1).  Each is sent once per request and response time,\n"
	  "however often this runs (the hourly timer runs it after remind);\n"
	  "send-mail delivers them." },
	{ "expire-drafts", cmd_expire_drafts, 1, "",
	  "Delete the unfinished requests (drafts) untouched for\n"
	  "Draft.ExpireDays days (default 30) with their files (R15.9); a\n"
	  "file is removed before its row, never left without it.  The\n"
	  "hourly timer runs it after remind." },
	{ "search-rebuild", cmd_search_rebuild, 1, "",
	  "Make the full-text index of the search (R15.3) again from the\n"
	  "requests' titles and descriptions and the messages' bodies, in\n"
	  "one transaction, while the portal runs.  Triggers keep it in step\n"
	  "with every change; this is for an index damaged, or restored\n"
	  "apart from its tables." },
	{ "add-account", cmd_add_account, 1,
	  "--email E --first F --last L [--kind personal|work] [--engineer]",
	  "Add a login account; the password is read from standard input.\n"
	  "--engineer makes it a support engineer's account." },
	{ "verify-account", cmd_verify_account, 1, "EMAIL",
	  "Mark the address of the account EMAIL verified (R14.1), as if its\n"
	  "owner had followed the link mailed to it.  Exits 1 when no account\n"
	  "has that email." },
	{ "list-accounts", cmd_list_accounts, 1, "[--json]",
	  "List the accounts (R17.2): id, email, names, kind, role, whether\n"
	  "verified and disabled, when created, how many contracts.  Plain\n"
	  "text in columns (control characters shown as ?), or with --json\n"
	  "an array of objects." },
	{ "list-contracts", cmd_list_contracts, 1, "[--json]",
	  "List the contracts (R17.2): id, Access ID, Contract ID,\n"
	  "programme, plan, incidents total and left, dates, scope and how\n"
	  "many accounts activated each.  --json as list-accounts." },
	{ "list-activations", cmd_list_activations, 1,
	  "[--contract ID] [--account EMAIL] [--json]",
	  "List who activated which contract, and when (R17.2): every\n"
	  "activation, or those of one contract (its id in list-contracts)\n"
	  "or one account.  --json as list-accounts." },
	{ "revoke-activation", cmd_revoke_activation, 1,
	  "--contract ID --account EMAIL --reason TEXT",
	  "End the account's activation of the contract (R17.2): it can no\n"
	  "longer use it; the ledger keeps its rows and the other accounts\n"
	  "keep the contract.  The reason is kept in the audit (export\n"
	  "audit)." },
	{ "rekey-contract", cmd_rekey_contract, 1,
	  "--contract ID --reason TEXT",
	  "Give the contract a new Access ID and Contract ID and print them,\n"
	  "when the old pair has leaked (R17.2).  The old pair then finds\n"
	  "nothing; the accounts that activated the contract keep it, and\n"
	  "its ledger is unchanged.  The old pair and the reason are kept in\n"
	  "the audit." },
	{ "extend-contract", cmd_extend_contract, 1,
	  "--contract ID --end YYYY-MM-DD --reason TEXT",
	  "Move the contract's end date later (R17.2), with a row in its\n"
	  "ledger giving the new date and the reason.  Its reminders of the\n"
	  "end are due again before the new date." },
	{ "add-incidents", cmd_add_incidents, 1,
	  "--contract ID --incidents N --reason TEXT",
	  "Add N incidents (1 to 1000) to the contract, its total and its\n"
	  "balance (R17.2), with a row in its ledger giving the reason." },
	{ "disable-account", cmd_disable_account, 1, "--reason TEXT EMAIL",
	  "Disable the account (R17.2): its sessions end at once, and a\n"
	  "sign-in is refused with the message of a wrong password.  Its\n"
	  "contracts, requests and ledger rows stay.  The reason is kept in\n"
	  "the audit; enable-account undoes it." },
	{ "enable-account", cmd_enable_account, 1, "--reason TEXT EMAIL",
	  "Enable a disabled account again (R17.2); the reason is kept in\n"
	  "the audit." },
	{ "send-reset", cmd_send_reset, 1, "--reason TEXT EMAIL",
	  "Queue a password-reset mail to the account's address (R17.2): the\n"
	  "link of \"forgot your password\", valid an hour; send-mail\n"
	  "delivers it.  The reason is kept in the audit.  Refused for a\n"
	  "disabled account." },
	{ "export", cmd_export, 1, "requests|ledger|audit [--contract ID]",
	  "Write the requests, the incident ledgers (of every contract, or of\n"
	  "one) or the audit of access as CSV to standard output (RFC 4180,\n"
	  "CRLF line ends, times in UTC).  A text field starting with = + - @\n"
	  "(a formula to a spreadsheet) gets a leading '; integer columns\n"
	  "come as they are." },
};

#define NCMDS	(sizeof(cmds) / sizeof(cmds[0]))

static int
usage(FILE *f)
{
	size_t	 i;

	fprintf(f, "usage: supportalctl COMMAND [--help] [ARGS]\n\n"
	    "Configuration: SUPPORTAL_CONFIG (an HDF file, default\n"
	    "%s), SUPPORTAL_VAR (default ./var), SUPPORTAL_ROOT\n"
	    "(where schema/, templates/ and lang/ are; default .).\n\n"
	    "Commands:\n", config_file);
	for (i = 0; i < NCMDS; i++)
		fprintf(f, "  %-12s %s\n", cmds[i].name, cmds[i].usage);
	return f == stdout ? 0 : 2;
}

int
main(int argc, char *argv[])
{
	size_t	 i;
	int	 rc;

	umask(077);	/* every file and directory is ours alone (M.63) */
	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0)
		return usage(stdout);
	for (i = 0; i < NCMDS; i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			break;
	if (i == NCMDS)
		return usage(stderr);
	current = &cmds[i];
	if (wants_help(argc - 1, argv + 1))
		return cmd_usage(stdout);
	/* the strings too: mails are rendered here (R12.1) */
	if (config_load() != 0 || i18n_load() != 0)
		return 1;
	if (current->needs_db) {
		if (db_open(0) != 0)
			return 1;
		if (strcmp(current->name, "migrate") != 0 &&
		    db_version() != schema_version()) {
			fprintf(stderr, "supportalctl: run supportalctl "
			    "migrate first\n");
			return 1;
		}
	}
	rc = current->fn(argc - 1, argv + 1);
	/* remind, overdue and reconcile queue mails as data: render them
	 * now */
	if (db_is_open() && outbox_queued() > 0 &&
	    mail_render_pending() < 0)
		rc = 1;
	if (db_is_open())
		db_close();
	tpl_free();
	i18n_free();
	return rc;
}
