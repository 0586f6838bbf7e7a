/*
 * config.c: the one configuration of a worker or of supportalctl.
 *
 * Defaults are compiled in; an HDF file (SUPPORTAL_CONFIG, else
 * config_file when present) may change them; a few environment
 * variables override both, for make run and the tests: SUPPORTAL_ROOT,
 * SUPPORTAL_VAR, SUPPORTAL_ORIGIN and SUPPORTAL_SCRYPT ("logN,r,p").
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ClearSilver.h>

#include "lib/config.h"
#include "lib/util.h"

struct config	 cfg;

/*
 * The programs make install installs are built with the path of their
 * configuration (SYSCONFDIR/supportal/supportal.hdf), so that an
 * operator's supportalctl finds it as the units' workers do; those of
 * build/, which make run and the tests use, read ./supportal.hdf.
 */
#ifndef CONFIG_FILE
#define CONFIG_FILE	"supportal.hdf"
#endif
const char	 config_file[] = CONFIG_FILE;

static void
set_str(char *dst, size_t sz, HDF *h, const char *key, const char *env)
{
	const char	*v = NULL;

	if (env != NULL)
		v = getenv(env);
	if ((v == NULL || *v == '\0') && h != NULL)
		v = hdf_get_value(h, key, NULL);
	if (v != NULL && *v != '\0')
		strlcpy_(dst, v, sz);
}

/*
 * config_load: fill cfg.  Returns 0, or -1 with a message on stderr when
 * the file cannot be read or a value is out of range.
 */
int
config_load(void)
{
	HDF		*h = NULL;
	NEOERR		*err;
	const char	*path, *sc;
	char		 real[PATH_MAX], engine[16] = "sqlite";

	memset(&cfg, 0, sizeof(cfg));
	strlcpy_(cfg.root, ".", sizeof(cfg.root));
	strlcpy_(cfg.var, "var", sizeof(cfg.var));
	strlcpy_(cfg.origin, "http://127.0.0.1:8080", sizeof(cfg.origin));
	strlcpy_(cfg.common_pw, "/usr/share/john/password.lst",
	    sizeof(cfg.common_pw));
	/* N=2^15, r=8, p=3: ASVS 5.0 appendix C (SECURITY.md A.1) */
	cfg.scrypt_logn = 15;
	cfg.scrypt_r = 8;
	cfg.scrypt_p = 3;
	cfg.idle_timeout = 30 * 60;
	cfg.abs_timeout = 12 * 3600;
	strlcpy_(cfg.mail_from, "supportal <no-reply@localhost>",
	    sizeof(cfg.mail_from));
	cfg.max_form = 64 * 1024;
	cfg.max_upload = 100L * 1024 * 1024;	/* R11.9 */
	cfg.max_params = 200;
	strlcpy_(cfg.staff_label, "Support", sizeof(cfg.staff_label));
	cfg.signup_ip_hour = 10;
	cfg.signup_minute = 60;
	/* card saves, and purchases, per account and per client a day:
	 * a card-testing oracle closed (R17.3, SECURITY.md M.62) */
	cfg.pay_day = 10;
	/* a request's contacts: the primary, the 20 secondary contacts a
	 * draft may name and the submitter, and a few added later (R15.8) */
	cfg.max_contacts = 25;
	/* quotas (R15.9, M.60): a request's text, an account's drafts */
	cfg.max_text = 1024L * 1024;
	cfg.req_max_files = 200;
	cfg.req_max_file_bytes = 2048L * 1024 * 1024;
	cfg.draft_max_open = 20;
	cfg.draft_max_bytes = 500L * 1024 * 1024;
	cfg.draft_expire_days = 30;

	/* present but unreadable is an error, not the compiled-in defaults */
	path = getenv("SUPPORTAL_CONFIG");
	if (path == NULL && access(config_file, F_OK) == 0)
		path = config_file;
	if (path != NULL) {
		if ((err = hdf_init(&h)) == STATUS_OK)
			err = hdf_read_file(h, path);
		if (err != STATUS_OK) {
			STRING	 s;

			string_init(&s);
			nerr_error_string(err, &s);
			fprintf(stderr, "supportal: config %s: %s\n", path,
			    s.buf ? s.buf : "?");
			string_clear(&s);
			nerr_ignore(&err);
			hdf_destroy(&h);
			return -1;
		}
		cfg.scrypt_logn = hdf_get_int_value(h, "Scrypt.LogN",
		    cfg.scrypt_logn);
		cfg.scrypt_r = hdf_get_int_value(h, "Scrypt.R", cfg.scrypt_r);
		cfg.scrypt_p = hdf_get_int_value(h, "Scrypt.P", cfg.scrypt_p);
		cfg.idle_timeout = hdf_get_int_value(h,
		    "Session.IdleTimeout", cfg.idle_timeout);
		cfg.abs_timeout = hdf_get_int_value(h,
		    "Session.AbsTimeout", cfg.abs_timeout);
		/* only a test configuration sets it (payment.c: fault) */
		cfg.test_faults = hdf_get_int_value(h, "Testing.Faults", 0);
		cfg.totp_engineers = hdf_get_int_value(h, "Auth.RequireTOTP",
		    0);
		cfg.signup_ip_hour = hdf_get_int_value(h,
		    "Auth.SignupPerClientHour", cfg.signup_ip_hour);
		cfg.signup_minute = hdf_get_int_value(h,
		    "Auth.SignupPerMinute", cfg.signup_minute);
		if ((sc = hdf_get_value(h, "Upload.MaxBytes", NULL)) != NULL &&
		    (cfg.max_upload = strtol(sc, NULL, 10)) < 1024) {
			fprintf(stderr, "supportal: Upload.MaxBytes is at "
			    "least 1024 bytes\n");
			hdf_destroy(&h);
			return -1;
		}
		cfg.pay_day = hdf_get_int_value(h, "Payment.PerDay",
		    cfg.pay_day);
		cfg.max_contacts = hdf_get_int_value(h, "Request.MaxContacts",
		    cfg.max_contacts);
		if ((sc = hdf_get_value(h, "Request.MaxText", NULL)) != NULL)
			cfg.max_text = strtol(sc, NULL, 10);
		cfg.req_max_files = hdf_get_int_value(h, "Request.MaxFiles",
		    cfg.req_max_files);
		if ((sc = hdf_get_value(h, "Request.MaxFileBytes", NULL)) !=
		    NULL)
			cfg.req_max_file_bytes = strtol(sc, NULL, 10);
		cfg.draft_max_open = hdf_get_int_value(h, "Draft.MaxOpen",
		    cfg.draft_max_open);
		if ((sc = hdf_get_value(h, "Draft.MaxBytes", NULL)) != NULL)
			cfg.draft_max_bytes = strtol(sc, NULL, 10);
		cfg.draft_expire_days = hdf_get_int_value(h,
		    "Draft.ExpireDays", cfg.draft_expire_days);
	}
	set_str(cfg.root, sizeof(cfg.root), h, "Root", "SUPPORTAL_ROOT");
	set_str(cfg.var, sizeof(cfg.var), h, "Var", "SUPPORTAL_VAR");
	set_str(cfg.origin, sizeof(cfg.origin), h, "Origin",
	    "SUPPORTAL_ORIGIN");
	set_str(cfg.common_pw, sizeof(cfg.common_pw), h,
	    "Security.CommonPasswords", "SUPPORTAL_COMMON_PASSWORDS");
	set_str(cfg.mail_from, sizeof(cfg.mail_from), h, "Mail.From", NULL);
	set_str(cfg.sendmail, sizeof(cfg.sendmail), h, "Mail.Sendmail",
	    "SUPPORTAL_SENDMAIL");
	set_str(cfg.key_file, sizeof(cfg.key_file), h, "Auth.KeyFile",
	    "SUPPORTAL_KEY_FILE");
	set_str(cfg.staff_label, sizeof(cfg.staff_label), h,
	    "Auth.StaffLabel", NULL);
	set_str(engine, sizeof(engine), h, "Database.Engine",
	    "SUPPORTAL_DB_ENGINE");
	set_str(cfg.db_conninfo, sizeof(cfg.db_conninfo), h,
	    "Database.Conninfo", "SUPPORTAL_DB_CONNINFO");
	set_str(cfg.testpay, sizeof(cfg.testpay), h, "Payment.TestDatabase",
	    "SUPPORTAL_TESTPAY_DB");
	set_str(cfg.attachments, sizeof(cfg.attachments), h, "Attachments",
	    "SUPPORTAL_ATTACHMENTS");
	hdf_destroy(&h);

	if (strcmp(engine, "postgresql") == 0)
		cfg.db_pg = 1;
	else if (strcmp(engine, "sqlite") != 0) {
		fprintf(stderr, "supportal: Database.Engine is sqlite or "
		    "postgresql\n");
		return -1;
	}

	/* the tests sign up hundreds of accounts from one address */
	if ((sc = getenv("SUPPORTAL_SIGNUP_LIMITS")) != NULL && *sc != '\0' &&
	    sscanf(sc, "%d,%d", &cfg.signup_ip_hour, &cfg.signup_minute) != 2) {
		fprintf(stderr, "supportal: SUPPORTAL_SIGNUP_LIMITS is "
		    "per-client-hour,per-minute\n");
		return -1;
	}
	/* ... and save hundreds of cards (t_ppi.sh) */
	if ((sc = getenv("SUPPORTAL_PAY_PER_DAY")) != NULL && *sc != '\0' &&
	    sscanf(sc, "%d", &cfg.pay_day) != 1) {
		fprintf(stderr, "supportal: SUPPORTAL_PAY_PER_DAY is a "
		    "number\n");
		return -1;
	}
	if ((sc = getenv("SUPPORTAL_SCRYPT")) != NULL && *sc != '\0' &&
	    sscanf(sc, "%d,%d,%d", &cfg.scrypt_logn, &cfg.scrypt_r,
	    &cfg.scrypt_p) != 3) {
		fprintf(stderr, "supportal: SUPPORTAL_SCRYPT is logN,r,p\n");
		return -1;
	}
	if (cfg.max_text < 1024 || cfg.draft_max_open < 1 ||
	    cfg.draft_max_bytes < 0 || cfg.draft_expire_days < 1 ||
	    cfg.req_max_files < 1 || cfg.req_max_file_bytes < 0) {
		fprintf(stderr, "supportal: Request.MaxText is at least 1024 "
		    "bytes, Draft.MaxOpen, Draft.ExpireDays and "
		    "Request.MaxFiles at least 1, Draft.MaxBytes and "
		    "Request.MaxFileBytes not negative\n");
		return -1;
	}
	if (cfg.pay_day < 1) {
		fprintf(stderr, "supportal: Payment.PerDay must be 1 or "
		    "more\n");
		return -1;
	}
	if (cfg.scrypt_logn < 1 || cfg.scrypt_logn > 22 ||
	    cfg.scrypt_r < 1 || cfg.scrypt_r > 32 ||
	    cfg.scrypt_p < 1 || cfg.scrypt_p > 16) {
		fprintf(stderr, "supportal: scrypt parameters out of range\n");
		return -1;
	}
	if (realpath(cfg.root, real) != NULL)
		strlcpy_(cfg.root, real, sizeof(cfg.root));
	if (realpath(cfg.var, real) != NULL)
		strlcpy_(cfg.var, real, sizeof(cfg.var));
	snprintf(cfg.db, sizeof(cfg.db), "%s/supportal.db", cfg.var);
	if (cfg.attachments[0] == '\0')
		snprintf(cfg.attachments, sizeof(cfg.attachments),
		    "%s/attachments", cfg.var);
	if (cfg.testpay[0] == '\0')
		snprintf(cfg.testpay, sizeof(cfg.testpay), "%s/testpay.db",
		    cfg.var);
	if (cfg.key_file[0] == '\0')
		snprintf(cfg.key_file, sizeof(cfg.key_file), "%s/secret.key",
		    cfg.var);
	/* an origin ends without a slash: it is compared with Origin */
	while (strlen(cfg.origin) > 0 &&
	    cfg.origin[strlen(cfg.origin) - 1] == '/')
		cfg.origin[strlen(cfg.origin) - 1] = '\0';
	return 0;
}

/*
 * config_body_limit: the largest body an upload route takes, which is
 * nginx's client_max_body_size there (tools/gen-nginx asks supportalctl
 * for it): the files of one upload (Upload.MaxBytes, R11.9) and room for
 * the form's text fields and the multipart framing around them, so that
 * a file just over the limit reaches the worker, which refuses it in the
 * user's language (R16.6).
 */
long
config_body_limit(void)
{
	return cfg.max_upload + cfg.max_form + 1024L * 1024;
}
