/*
 * pages.h: the page handlers, one family per file (ARCHITECTURE §2).
 * Each is named page_<family>[_<thing>]_get/_post and listed in the
 * route table, routes.c.
 */
#ifndef PAGES_H
#define PAGES_H

#include "domain/request.h"
#include "web/form.h"
#include "web/req.h"

/* start.c */
void	 page_start_get(struct req *);
void	 page_healthz_get(struct req *);
void	 page_lang_post(struct req *);

/* help.c: the help pages (R16.4) */
void	 page_help_get(struct req *);

/* auth.c */
void	 page_auth_signin_get(struct req *);
void	 page_auth_signin_post(struct req *);
void	 page_auth_signup_get(struct req *);
void	 page_auth_signup_post(struct req *);
void	 page_auth_signout_post(struct req *);
void	 page_auth_password_get(struct req *);
void	 page_auth_password_post(struct req *);
void	 page_auth_signup_sent_get(struct req *);
int	 password_too_long(struct req *, const char *);
void	 new_password_check(struct form *, size_t, const char *);
int	 signin_take(struct req *, const char *, int64_t *, int);

/* account.c: identity (R14) */
void	 page_verify_get(struct req *);
void	 page_verify_post(struct req *);
void	 page_verify_again_post(struct req *);
void	 page_forgot_get(struct req *);
void	 page_forgot_post(struct req *);
void	 page_reset_get(struct req *);
void	 page_reset_post(struct req *);
void	 page_code_get(struct req *);
void	 page_code_post(struct req *);
void	 page_account_get(struct req *);
void	 page_account_name_post(struct req *);
void	 page_account_notify_post(struct req *);
void	 page_account_email_post(struct req *);
void	 page_account_session_post(struct req *);
void	 page_account_totp_get(struct req *);
void	 page_account_totp_post(struct req *);
void	 page_account_totp_start_post(struct req *);
void	 page_account_totp_off_post(struct req *);
void	 page_account_recovery_post(struct req *);
void	 page_account_data_get(struct req *);
void	 page_account_delete_post(struct req *);

/* contracts.c */
void	 page_contracts_get(struct req *);
void	 page_contracts_activate_post(struct req *);
void	 page_contracts_remove_post(struct req *);
enum activate_field { AC_ACCESS_ID, AC_CONTRACT_ID, AC__MAX };
int	 activate_form(struct req *, struct form *);

/* requests.c */
void	 page_requests_get(struct req *);
void	 page_requests_new_post(struct req *);

/* request.c; its page, the request's URL and its loading are shared
 * with the engineer's actions of queue.c */
void	 page_request_get(struct req *);
void	 page_request_message_post(struct req *);
void	 page_request_contact_post(struct req *);
void	 page_request_close_post(struct req *);
void	 page_request_reopen_post(struct req *);
void	 page_attachment_get(struct req *);
int	 request_load(struct req *, struct request_view *);
void	 request_render(struct req *, int, const struct request_view *,
	    const struct form *);
void	 request_url(const struct req *, char *, size_t, int64_t,
	    const char *);

/* queue.c: the queues, and the engineer's actions on a request (R8) */
void	 page_queue_get(struct req *);
void	 page_queue_take_post(struct req *);
void	 page_queue_status_post(struct req *);
void	 page_queue_return_post(struct req *);
void	 page_queue_remove_post(struct req *);
void	 page_queue_release_post(struct req *);
void	 page_queue_hand_post(struct req *);
void	 page_queue_note_post(struct req *);
void	 page_queue_primary_post(struct req *);

/* wizard.c */
void	 page_wizard_get(struct req *);
void	 page_wizard_step_post(struct req *);
void	 page_wizard_remove_file_post(struct req *);
void	 page_wizard_activate_post(struct req *);
void	 page_wizard_discard_post(struct req *);
void	 page_wizard_submit_post(struct req *);
void	 page_wizard_done_get(struct req *);
void	 page_kb_get(struct req *);

/* profile.c */
void	 page_profile_get(struct req *);
void	 page_profile_post(struct req *);
void	 page_profile_card_post(struct req *);

/* ppi.c: pay per incident (R6, R11.10) */
void	 page_ppi_get(struct req *);
void	 page_ppi_start_post(struct req *);
void	 page_ppi_purchase_get(struct req *);
void	 page_ppi_buy_post(struct req *);
void	 page_ppi_card_post(struct req *);

/* card.c: the saved card, for the offers and the profile (R6.3) */
int	 card_view(struct req *);
enum card_field { CF_HOLDER, CF_NUMBER, CF_EXPIRY, CF_CVC, CF__MAX };
int	 card_form(struct req *, struct form *);
void	 page_card_remove_post(struct req *);

#endif /* PAGES_H */
