/*
 * pages.h: the page handlers, one family per file (ARCHITECTURE §2).
 * Each is named page_<family>[_<thing>]_get/_post and listed in the
 * route table of route.c.
 */
#ifndef PAGES_H
#define PAGES_H

#include "http.h"

/* page_start.c */
void	 page_start_get(struct req *);
void	 page_healthz_get(struct req *);
void	 page_lang_post(struct req *);

/* page_auth.c */
void	 page_auth_signin_get(struct req *);
void	 page_auth_signin_post(struct req *);
void	 page_auth_signup_get(struct req *);
void	 page_auth_signup_post(struct req *);
void	 page_auth_signout_post(struct req *);
void	 page_auth_password_get(struct req *);
void	 page_auth_password_post(struct req *);

/* page_contracts.c */
void	 page_contracts_get(struct req *);
void	 page_contracts_activate_post(struct req *);
int	 activate_form(struct req *, struct form *);

/* page_requests.c */
void	 page_requests_get(struct req *);
void	 page_requests_new_post(struct req *);

/* page_request.c */
void	 page_request_get(struct req *);
void	 page_request_message_post(struct req *);
void	 page_request_contact_post(struct req *);
void	 page_request_close_post(struct req *);
void	 page_request_reopen_post(struct req *);
void	 page_attachment_get(struct req *);
void	 page_queue_take_post(struct req *);
void	 page_queue_status_post(struct req *);
void	 page_queue_return_post(struct req *);
void	 page_queue_remove_post(struct req *);

/* page_queue.c */
void	 page_queue_get(struct req *);

/* page_wizard.c */
void	 page_wizard_get(struct req *);
void	 page_wizard_step_post(struct req *);
void	 page_wizard_remove_file_post(struct req *);
void	 page_wizard_activate_post(struct req *);
void	 page_wizard_discard_post(struct req *);
void	 page_wizard_submit_post(struct req *);
void	 page_wizard_done_get(struct req *);
void	 page_kb_get(struct req *);

/* page_profile.c */
void	 page_profile_get(struct req *);
void	 page_profile_post(struct req *);

/* page_profile.c, for the card form of page_ppi.c */
void	 profile_show(struct req *, int, const struct form *);

/* page_ppi.c: pay per incident (R6, R11.10) */
void	 page_ppi_get(struct req *);
void	 page_ppi_start_post(struct req *);
void	 page_ppi_purchase_get(struct req *);
void	 page_ppi_buy_post(struct req *);
void	 page_card_post(struct req *);
void	 page_card_remove_post(struct req *);
int	 card_view(struct req *);

#endif /* PAGES_H */
