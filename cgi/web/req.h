/*
 * req.h: the state of one request, and reading its head and body.
 */
#ifndef WEB_REQ_H
#define WEB_REQ_H

#include <stdint.h>
#include <time.h>

#include <ClearSilver.h>

#include "domain/account.h"
#include "domain/session.h"
#include "lib/util.h"

struct route;

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

int	 req_read_head(struct req *);
int	 req_read_body(struct req *, int);
int	 req_parse_urlencoded(const char *, size_t, struct params *, int);
void	 req_parse_cookies(const char *, struct params *);
const char *req_param(const struct params *, const char *);
void	 req_free(struct req *);
void	 req_params_free(struct params *);
const char *req_env(struct req *, const char *);
const char *req_cookie_name(const struct req *, const char *);

#endif /* WEB_REQ_H */
