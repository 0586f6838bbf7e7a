/*
 * config.h: the one configuration of a worker or of supportalctl,
 * from compiled-in defaults, an HDF file and a few environment variables.
 */
#ifndef LIB_CONFIG_H
#define LIB_CONFIG_H

struct config {
	char	 root[512];	/* templates/, lang/, static/ live here */
	char	 var[512];	/* run-time state: db, attachments, log */
	char	 db[600];	/* var/supportal.db unless set */
	int	 db_pg;		/* Database.Engine: 0 sqlite, 1 postgresql */
	char	 db_conninfo[1024];/* Database.Conninfo, for libpq (R18) */
	char	 testpay[600];	/* Payment.TestDatabase: var/testpay.db */
	char	 attachments[600];/* Attachments: var/attachments, or a
				   folder the hosts share (R18.3) */
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
	long	 max_upload;	/* Upload.MaxBytes: files of an upload, and
				   of a draft together (R11.9) */
	int	 max_params;	/* fields of one form or query */
	int	 test_faults;	/* Testing.Faults: fault injection (H.37) */
	char	 key_file[600];	/* Auth.KeyFile: 32 bytes that seal secrets */
	int	 totp_engineers;/* Auth.RequireTOTP: engineers must enrol */
	char	 staff_label[64];/* Auth.StaffLabel: the mark of engineers */
	int	 signup_ip_hour;/* Auth.SignupPerClientHour (M.56) */
	int	 signup_minute;	/* Auth.SignupPerMinute: all clients */
	int	 pay_day;	/* Payment.PerDay: cards, purchases (M.62) */
	int	 max_contacts;	/* Request.MaxContacts (R15.8, M.61) */
	long	 max_text;	/* Request.MaxText: description and
				   messages of a request, bytes (R15.9) */
	int	 req_max_files;	/* Request.MaxFiles: files of a request */
	long	 req_max_file_bytes;/* Request.MaxFileBytes: together
				   (R15.9, M.60) */
	int	 draft_max_open;/* Draft.MaxOpen: open drafts an account
				   may have (R15.9, M.60) */
	long	 draft_max_bytes;/* Draft.MaxBytes: files of an account's
				   open drafts together (R15.9, M.60) */
	int	 draft_expire_days;/* Draft.ExpireDays: an untouched draft
				   expires with its files (R15.9) */
};

extern struct config cfg;
extern const char config_file[];	/* read when SUPPORTAL_CONFIG is unset */

int	 config_load(void);
long	 config_body_limit(void);

#endif /* LIB_CONFIG_H */
