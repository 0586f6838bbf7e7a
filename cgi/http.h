/*
 * http.h: the per-request context and the plumbing that reads a request
 * and writes its reply (req.c, form.c, reply.c, view.c, route.c).
 * Only the worker and its pages include it; supportalctl does not.
 */
#ifndef HTTP_H
#define HTTP_H

#include "supportal.h"

struct FCGX_Request;

/* One name=value pair of a query string, a form body or a cookie. */
struct param {
	char	*name;
	char	*value;
};

struct params {
	struct param	*v;
	size_t		 n;
	size_t		 cap;
	int		 dup;	/* a name came twice */
};

/* A file of a multipart body, in var/tmp/ until a handler keeps it. */
struct upload {
	char	 field[65];
	char	 name[256];		/* the client's name: shown, never used */
	char	 tmp[700];		/* "" once moved or removed */
	int64_t	 size;
	char	 sha256[65];
};

#define UPLOADS_MAX	20		/* files in one request body */

enum method {
	M_GET,
	M_POST,
	M_OTHER
};

/*
 * The whole state of one request.  main.c zeroes it before every
 * request and frees what it points to after, so that nothing survives
 * from one request into the next (no static buffers, no cached user).
 */
struct req {
	/* input */
	struct FCGX_Request	*fcgx;		/* NULL when run as CGI */
	enum method	 method;
	int		 head;			/* HEAD: no body sent */
	char		 path[256];
	struct params	 query;			/* QUERY_STRING */
	struct params	 form;			/* POST body fields */
	struct upload	 up[UPLOADS_MAX];	/* POST body files */
	int		 nup;
	struct params	 cookies;
	char		 ip[64];
	char		 rid[17];		/* request id, logged */
	int64_t		 t0;			/* start, microseconds */
	time_t		 now;
	int		 bad;			/* 400/413/415 from parsing */
	int		 https;

	/* who */
	int		 signed_in;
	struct account	 user;
	struct session	 sess;
	char		 pre[65];		/* pre-session token */
	int		 pre_new;		/* set its cookie */
	const char	*lang;			/* "en" or "pl" */

	/* route */
	const struct route *route;
	int		 path_found;		/* another method's route */
	int64_t		 id;			/* :id of the path */

	/* reply */
	HDF		*hdf;
	int		 status;
	struct buf	 headers;
	struct buf	 body;
	int		 replied;
	const char	*log_note;		/* sign-in result etc. */
	char		 file[1200];		/* a download: its path */
	int64_t		 file_size;
	int		 download;		/* a body never rendered (J.42) */
	char		 log_extra[128];
};

/* ---------------------------------------------------------------- req.c */

int	 req_read_head(struct req *);
int	 req_read_body(struct req *, int);
int	 req_parse_urlencoded(const char *, size_t, struct params *, int);
void	 req_parse_cookies(const char *, struct params *);
const char *req_param(const struct params *, const char *);
void	 req_free(struct req *);
void	 req_params_free(struct params *);
const char *req_env(struct req *, const char *);
const char *req_cookie_name(const struct req *, const char *);

/* --------------------------------------------------------------- form.c */

enum fkind {
	F_TEXT,		/* one line of text */
	F_PARA,		/* text of several lines */
	F_EMAIL,
	F_PASSWORD,	/* kept as typed, never trimmed */
	F_CHOICE,	/* one of choices[] */
	F_COUNTRY,	/* ISO 3166-1 alpha-2 */
	F_TZ,		/* IANA zone */
	F_PHONE
};

struct field {
	const char		*name;
	const char		*label;		/* Lang key, for the summary */
	enum fkind		 kind;
	int			 required;
	size_t			 max;		/* characters */
	const char *const	*choices;	/* F_CHOICE, NULL-terminated */
};

#define FORM_MAX	16

struct form {
	const struct field	*f;
	size_t			 n;
	const char		*val[FORM_MAX];
	const char		*err[FORM_MAX];	/* Lang.Err keys */
	int			 nerr;
};

int	 form_read(struct req *, struct form *, const struct field *, size_t);
void	 form_set(struct form *, const char *, const char *);
const char *form_get(const struct form *, const char *);
const char *form_err(const struct form *, const char *);
void	 form_error(struct form *, const char *, const char *);
void	 form_to_hdf(struct req *, const struct form *);

/* -------------------------------------------------------------- reply.c */

void	 reply_header(struct req *, const char *, const char *);
void	 reply_cookie(struct req *, const char *, const char *, long);
void	 reply_redirect(struct req *, const char *);
void	 reply_render(struct req *, int, const char *);
void	 reply_error(struct req *, int);
void	 reply_text(struct req *, int, const char *, const char *);
void	 reply_send(struct req *);
void	 reply_file(struct req *, const char *, const char *, int64_t);
int	 reply_begin(struct req *);
void	 reply_abort(struct req *);
int	 reply_commit(struct req *);
const char *status_text(int);

/* --------------------------------------------------------------- view.c */

void	 view_set(struct req *, const char *, const char *);
void	 view_setf(struct req *, const char *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 view_set_int(struct req *, const char *, int64_t);
HDF	*view_row(struct req *, const char *, int);
void	 view_put(HDF *, const char *, const char *);

/* a list of rows under Tree.N, filled by a row callback */
struct view_list {
	struct req	*r;
	const char	*tree;
	int		 n;
};
int	 view_add_choice(void *, int64_t, const char *);
int	 view_begin(struct req *);
const char *view_str(struct req *, const char *);
const char *view_label(struct req *, const char *, const char *);

/* -------------------------------------------------------------- serve.c */

void	 serve(struct FCGX_Request *);
void	 serve_after(void);
void	 serve_after_reset(const char *, const char *);

/* -------------------------------------------------------------- route.c */

enum rflag {
	RF_LOGIN	= 1 << 0,	/* signed in (R1.1) */
	RF_PROFILE	= 1 << 1,	/* profile complete, else /profile (R2.1) */
	RF_ENGINEER	= 1 << 2,	/* engineer accounts only (R8.1) */
	RF_ID		= 1 << 3,	/* the path has a numeric :id */
	RF_UPLOAD	= 1 << 4,	/* takes multipart bodies (R11.9) */
	RF_HOLD		= 1 << 5,	/* its "body" outlives a session (R11.8) */
	RF_VERIFIED	= 1 << 6,	/* a proven address only (R14.1) */
};

typedef void	 (*handler)(struct req *);

struct route {
	enum method	 method;	/* every POST checks CSRF (R1.5) */
	const char	*path;		/* "/x/:id" when RF_ID */
	handler		 fn;
	unsigned	 flags;
};

extern const struct route routes[];
extern const size_t nroutes;

void	 route_find(struct req *);
void	 route_dispatch(struct req *);
void	 route_print(void);
int	 session_load(struct req *);
void	 session_cookie(struct req *, const char *, long);
const char *session_cookie_name(const struct req *);

#endif /* HTTP_H */
