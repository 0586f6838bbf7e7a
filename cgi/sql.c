/*
 * sql.c: every SQL text the portal runs, one reviewable list indexed by
 * enum stmt (supportal.h).  Values are always bound (?N), never
 * formatted in.  db.c prepares each text once per connection.
 */
#include "supportal.h"

#define S(id, text)	[id] = text

const char *const sql_text[STMT__MAX] = {
	S(STMT_BEGIN, "BEGIN IMMEDIATE"),
	S(STMT_BEGIN_READ, "BEGIN"),
	S(STMT_COMMIT, "COMMIT"),
	S(STMT_ROLLBACK, "ROLLBACK"),

	/* accounts (R1, R2) */
	S(STMT_ACCOUNT_BY_EMAIL,
	    "SELECT id, pwhash FROM accounts WHERE email = ?1 AND deleted = 0"),
	S(STMT_ACCOUNT_BY_ID,
	    "SELECT id, email, first_name, last_name, kind, role,"
	    " profile_done, contact_email, phone, company, country,"
	    " timezone, lang, contact_method, verified, pending_email, totp_on"
	    " FROM accounts WHERE id = ?1 AND deleted = 0"),
	S(STMT_ACCOUNT_INSERT,
	    "INSERT INTO accounts (email, pwhash, first_name, last_name,"
	    " kind, lang, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
	S(STMT_ACCOUNT_SET_HASH,
	    "UPDATE accounts SET pwhash = ?2 WHERE id = ?1"),
	S(STMT_ACCOUNT_SET_PROFILE,
	    "UPDATE accounts SET contact_email = ?2, phone = ?3,"
	    " company = ?4, country = ?5, timezone = ?6, lang = ?7,"
	    " contact_method = ?8, profile_done = 1 WHERE id = ?1"),
	S(STMT_ACCOUNT_SET_LANG,
	    "UPDATE accounts SET lang = ?2 WHERE id = ?1"),
	S(STMT_ACCOUNT_SET_ROLE,
	    "UPDATE accounts SET role = ?2 WHERE id = ?1"),
	S(STMT_ACCOUNT_SET_VERIFIED,
	    "UPDATE accounts SET verified = 1 WHERE id = ?1"),

	/* sessions (R1.4) */
	S(STMT_SESSION_INSERT,
	    "INSERT INTO sessions (token_hash, account_id, csrf, created,"
	    " seen, ip, agent, mfa_pending)"
	    " VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7)"),
	S(STMT_SESSION_BY_HASH,
	    "SELECT id, account_id, csrf, created, seen, ended, mfa_pending"
	    " FROM sessions WHERE token_hash = ?1"),
	S(STMT_SESSION_TOUCH,
	    "UPDATE sessions SET seen = ?2 WHERE id = ?1"),
	S(STMT_SESSION_DELETE,
	    "DELETE FROM sessions WHERE id = ?1"),
	S(STMT_SESSION_DELETE_ACCOUNT,
	    "DELETE FROM sessions WHERE account_id = ?1"),
	S(STMT_SESSION_DELETE_OTHERS,
	    "DELETE FROM sessions WHERE account_id = ?1 AND id <> ?2"),
	S(STMT_SESSION_DELETE_EXPIRED,
	    "DELETE FROM sessions WHERE account_id = ?1"
	    " AND (seen < ?2 OR created < ?3 OR ended BETWEEN 1 AND ?2)"),

	/* throttle (A.6) */
	S(STMT_THROTTLE_COUNT,
	    "SELECT count(*) FROM throttle"
	    " WHERE kind = ?1 AND key = ?2 AND at > ?3"),
	S(STMT_THROTTLE_ADD,
	    "INSERT INTO throttle (kind, key, at) VALUES (?1, ?2, ?3)"),
	S(STMT_THROTTLE_PRUNE,
	    "DELETE FROM throttle WHERE kind = ?1 AND key = ?2 AND at < ?3"),
	S(STMT_THROTTLE_DELETE, "DELETE FROM throttle WHERE rowid = ?1"),
	/* R14.3: the sign-in failures of address ?1 (kinds ?2 and ?3, the
	 * pair "address|client" too) */
	S(STMT_THROTTLE_CLEAR_ACCOUNT,
	    "DELETE FROM throttle WHERE kind IN (?2, ?3) AND (key = ?1"
	    " OR substr(key, 1, length(?1) + 1) = ?1 || '|')"),

	/* /healthz (R13.5) */
	S(STMT_HEALTH, "SELECT count(*) FROM accounts WHERE id = 0"),

	/* the last valid day of a contract starting on ?1 (R3.2): a year,
	 * plus ?2 days of grace for partner programmes */
	S(STMT_DATE_END,
	    "SELECT date(?1, '+1 year', '-1 day', ?2 || ' days')"),

	/* the catalogue (R10.1): imports upsert by code */
	S(STMT_PORTAL_UPSERT,
	    "INSERT INTO portals (code, name, url, sort) VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
	    " url = excluded.url, sort = excluded.sort"),
	S(STMT_PORTAL_ID, "SELECT id FROM portals WHERE code = ?1"),
	S(STMT_PRODUCT_UPSERT,
	    "INSERT INTO products (code, name, kind, portal_id, sort)"
	    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (code) DO UPDATE SET"
	    " name = excluded.name, kind = excluded.kind,"
	    " portal_id = excluded.portal_id, sort = excluded.sort"),
	S(STMT_PRODUCT_ID, "SELECT id FROM products WHERE code = ?1"),
	S(STMT_VERSION_UPSERT,
	    "INSERT INTO versions (product_id, code, name, released,"
	    " mainstream_end, extended_end, latest, sort)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	    " ON CONFLICT (product_id, code) DO UPDATE SET name = excluded.name,"
	    " released = excluded.released,"
	    " mainstream_end = excluded.mainstream_end,"
	    " extended_end = excluded.extended_end, latest = excluded.latest,"
	    " sort = excluded.sort"),
	S(STMT_VERSION_LATEST_CLEAR,
	    "UPDATE versions SET latest = 0 WHERE product_id = ?1"),
	S(STMT_CATEGORY_UPSERT,
	    "INSERT INTO categories (product_id, code, name_en, name_pl, sort)"
	    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (product_id, code)"
	    " DO UPDATE SET name_en = excluded.name_en,"
	    " name_pl = excluded.name_pl, sort = excluded.sort"
	    " RETURNING id"),
	S(STMT_PROBLEM_UPSERT,
	    "INSERT INTO problems (category_id, code, name_en, name_pl, sort)"
	    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (category_id, code)"
	    " DO UPDATE SET name_en = excluded.name_en,"
	    " name_pl = excluded.name_pl, sort = excluded.sort"),
	S(STMT_ARTICLE_UPSERT,
	    "INSERT INTO articles (product_id, code, lang, title, body)"
	    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (product_id, code, lang)"
	    " DO UPDATE SET title = excluded.title, body = excluded.body"
	    " RETURNING id"),
	S(STMT_ARTICLE_FTS_DELETE, "DELETE FROM articles_fts WHERE rowid = ?1"),
	S(STMT_ARTICLE_FTS_INSERT,
	    "INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)"),
	/* R4.1: every product with the portal that supports it */
	S(STMT_START_PRODUCTS,
	    "SELECT po.code, po.name, po.url, p.name, p.kind FROM portals po"
	    " JOIN products p ON p.portal_id = po.id"
	    " ORDER BY po.sort, p.sort, p.name"),

	/* contracts (R3) */
	S(STMT_CONTRACT_INSERT,
	    "INSERT INTO contracts (access_id, contract_id, programme, plan,"
	    " incidents_total, incidents_left, start_date, end_date, scope,"
	    " created) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9)"),
	S(STMT_CONTRACT_VERSION_ADD,
	    "INSERT INTO contract_versions (contract_id, version_id)"
	    " SELECT ?1, v.id FROM versions v JOIN products p"
	    " ON p.id = v.product_id WHERE p.code = ?2 AND v.code = ?3"),
	S(STMT_CONTRACT_BY_PAIR,
	    "SELECT id FROM contracts WHERE access_id = ?1 AND contract_id = ?2"),
	S(STMT_ACTIVATION_INSERT,
	    "INSERT INTO activations (account_id, contract_id, created)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING"),
	S(STMT_CONTRACTS_OF_ACCOUNT,
	    "SELECT c.id, c.access_id, c.contract_id, c.programme, c.plan,"
	    " c.incidents_total, c.incidents_left, c.start_date, c.end_date,"
	    " c.scope, coalesce((SELECT group_concat(p.name || ' ' || v.name,"
	    " ', ') FROM contract_versions cv JOIN versions v"
	    " ON v.id = cv.version_id JOIN products p ON p.id = v.product_id"
	    " WHERE cv.contract_id = c.id), '')"
	    " FROM activations a JOIN contracts c ON c.id = a.contract_id"
	    " WHERE a.account_id = ?1 ORDER BY c.end_date DESC, c.id"),
	/* R11.2: the ledgers of all the account's contracts, one query */
	/* the newest ?2 rows of each contract of account ?1 but ?3, whose
	 * rows come whole from STMT_LEDGER_OF_CONTRACT (R11.2) */
	S(STMT_LEDGER_OF_ACCOUNT,
	    "SELECT l.contract_id, l.created, l.delta, l.kind,"
	    " coalesce(l.request_id, 0), l.request_title, l.reason,"
	    " coalesce(w.first_name || ' ' || w.last_name, ''),"
	    " coalesce(w.email, '')"
	    " FROM activations a JOIN incident_ledger l"
	    " ON l.contract_id = a.contract_id AND l.id IN (SELECT x.id"
	    " FROM incident_ledger x WHERE x.contract_id = a.contract_id"
	    " ORDER BY x.id DESC LIMIT ?2)"
	    " LEFT JOIN accounts w ON w.id = l.account_id"
	    " WHERE a.account_id = ?1 AND a.contract_id <> ?3"
	    " ORDER BY l.contract_id, l.id DESC"),
	S(STMT_LEDGER_OF_CONTRACT,
	    "SELECT l.contract_id, l.created, l.delta, l.kind,"
	    " coalesce(l.request_id, 0), l.request_title, l.reason,"
	    " coalesce(w.first_name || ' ' || w.last_name, ''),"
	    " coalesce(w.email, '')"
	    " FROM activations a JOIN incident_ledger l"
	    " ON l.contract_id = a.contract_id"
	    " LEFT JOIN accounts w ON w.id = l.account_id"
	    " WHERE a.account_id = ?1 AND a.contract_id = ?2"
	    " ORDER BY l.id DESC"),
	S(STMT_LEDGER_ADD,
	    "INSERT INTO incident_ledger (contract_id, delta, kind, account_id,"
	    " request_id, request_title, reason, created)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
	/* never below zero, never outside its dates (R5.7, H.35) */
	S(STMT_CONTRACT_DEBIT,
	    "UPDATE contracts SET incidents_left = incidents_left - 1"
	    " WHERE id = ?1 AND incidents_left > 0"
	    " AND start_date <= ?2 AND end_date >= ?2"),
	S(STMT_CONTRACT_CREDIT,
	    "UPDATE contracts SET incidents_left = incidents_left + 1"
	    " WHERE id = ?1 AND incidents_left < incidents_total"),
	S(STMT_BALANCE_MISMATCH,
	    "SELECT count(*) FROM contracts c WHERE c.incidents_left <>"
	    " (SELECT coalesce(sum(delta), 0) FROM incident_ledger l"
	    " WHERE l.contract_id = c.id)"),
	S(STMT_ACTIVATIONS_COUNT,
	    "SELECT count(*) FROM activations WHERE account_id = ?1"),
	/* the facts of eligibility (R3.7) of every plan of account ?1 for
	 * version ?2; ?3 = 0 for all plans, else that contract only */
	S(STMT_PLANS_FOR,
	    "SELECT c.id, c.programme, c.plan, c.scope, c.start_date,"
	    " c.end_date, c.incidents_left, EXISTS (SELECT 1 FROM"
	    " contract_versions cv WHERE cv.contract_id = c.id), EXISTS"
	    " (SELECT 1 FROM contract_versions cv WHERE cv.contract_id = c.id"
	    " AND cv.version_id = v.id), p.kind, v.mainstream_end, v.latest"
	    " FROM activations a JOIN contracts c ON c.id = a.contract_id"
	    " JOIN versions v ON v.id = ?2 JOIN products p"
	    " ON p.id = v.product_id WHERE a.account_id = ?1"
	    " AND (?3 = 0 OR c.id = ?3) ORDER BY c.end_date DESC, c.id"),

	/* the catalogue in the workflow (R5.1) */
	S(STMT_PRODUCTS_HERE,
	    "SELECT p.id, p.name, p.kind FROM products p JOIN portals po"
	    " ON po.id = p.portal_id WHERE po.code = 'here'"
	    " ORDER BY p.sort, p.name"),
	S(STMT_VERSIONS_OF,
	    "SELECT id, name FROM versions WHERE product_id = ?1"
	    " ORDER BY sort"),
	S(STMT_CATEGORIES_OF,
	    "SELECT id, CASE WHEN ?2 = 'pl' THEN name_pl ELSE name_en END"
	    " FROM categories WHERE product_id = ?1 ORDER BY sort"),
	S(STMT_PROBLEMS_OF,
	    "SELECT id, CASE WHEN ?2 = 'pl' THEN name_pl ELSE name_en END"
	    " FROM problems WHERE category_id = ?1 ORDER BY sort"),
	/* names of product ?1, version ?2, category ?3, problem ?4, each
	 * only when it belongs to the one before (a forged id gives NULL) */
	S(STMT_CATALOGUE_CHECK,
	    "SELECT p.name, p.kind, po.code, v.name, c.name_en, c.name_pl,"
	    " x.name_en, x.name_pl FROM products p JOIN portals po"
	    " ON po.id = p.portal_id"
	    " LEFT JOIN versions v ON v.id = ?2 AND v.product_id = p.id"
	    " LEFT JOIN categories c ON c.id = ?3 AND c.product_id = p.id"
	    " LEFT JOIN problems x ON x.id = ?4 AND x.category_id = c.id"
	    " WHERE p.id = ?1"),
	/* self-help (R5.1): ?1 an FTS5 query, ?2 the language, ?3 the
	 * product or 0 */
	S(STMT_KB_SEARCH,
	    "SELECT a.id, a.title, snippet(articles_fts, 1, '', '', ' … ', 24)"
	    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
	    " WHERE articles_fts MATCH ?1 AND a.lang = ?2"
	    " AND (?3 = 0 OR a.product_id = ?3) ORDER BY rank LIMIT 5"),
	S(STMT_KB_ARTICLE,
	    "SELECT a.title, a.body, p.name FROM articles a JOIN products p"
	    " ON p.id = a.product_id WHERE a.id = ?1"),

	/* drafts (R5): every one of them read and written with its owner */
	S(STMT_DRAFT_INSERT,
	    "INSERT INTO drafts (account_id, country, timezone, pc_name,"
	    " pc_email, pc_phone, pc_method, created, updated)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)"),
	S(STMT_DRAFT_BY_ID,
	    "SELECT id, done, coalesce(product_id, 0), coalesce(version_id, 0),"
	    " coalesce(category_id, 0), coalesce(problem_id, 0), title,"
	    " description, coalesce(contract_id, 0), severity, allday, country,"
	    " timezone, pc_name, pc_email, pc_phone, pc_method, secondary,"
	    " add_me, coalesce(request_id, 0), updated"
	    " FROM drafts WHERE id = ?1 AND account_id = ?2"),
	S(STMT_DRAFT_UPDATE,
	    "UPDATE drafts SET done = ?3, product_id = ?4, version_id = ?5,"
	    " category_id = ?6, problem_id = ?7, title = ?8, description = ?9,"
	    " contract_id = ?10, severity = ?11, allday = ?12, country = ?13,"
	    " timezone = ?14, pc_name = ?15, pc_email = ?16, pc_phone = ?17,"
	    " pc_method = ?18, secondary = ?19, add_me = ?20, updated = ?21"
	    " WHERE id = ?1 AND account_id = ?2 AND request_id IS NULL"),
	S(STMT_DRAFT_DELETE,
	    "DELETE FROM drafts WHERE id = ?1 AND account_id = ?2"
	    " AND request_id IS NULL"),
	S(STMT_DRAFT_SUBMITTED,
	    "UPDATE drafts SET request_id = ?2, updated = ?3 WHERE id = ?1"
	    " AND request_id IS NULL"),
	S(STMT_DRAFTS_OF_ACCOUNT,
	    "SELECT d.id, d.title, coalesce(p.name, ''), d.done, d.updated"
	    " FROM drafts d LEFT JOIN products p ON p.id = d.product_id"
	    " WHERE d.account_id = ?1 AND d.request_id IS NULL"
	    " ORDER BY d.updated DESC LIMIT ?2"),

	/* requests (R5.7) */
	S(STMT_REQUEST_INSERT,
	    "INSERT INTO requests (draft_id, submitter_id, product_id,"
	    " version_id, category_id, problem_id, title, description,"
	    " contract_id, severity, allday, country, timezone, queue,"
	    " respond_by, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    " ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)"),
	S(STMT_REQUEST_CONTACT_ADD,
	    "INSERT INTO request_contacts (request_id, email, role, name, phone,"
	    " method, added_by, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	    " ON CONFLICT DO NOTHING"),
	/* attachments (R11.9) */
	S(STMT_ATTACH_INSERT,
	    "INSERT INTO attachments (draft_id, account_id, name, stored, size,"
	    " sha256, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
	S(STMT_ATTACH_OF_DRAFT,
	    "SELECT id, name, size, sha256 FROM attachments WHERE draft_id = ?1"
	    " ORDER BY id"),
	S(STMT_ATTACH_COUNT_DRAFT,
	    "SELECT count(*), coalesce(sum(size), 0) FROM attachments"
	    " WHERE draft_id = ?1"),
	S(STMT_ATTACH_TO_REQUEST,
	    "UPDATE attachments SET request_id = ?2, draft_id = NULL"
	    " WHERE draft_id = ?1"),
	S(STMT_ATTACH_STORED_OF_DRAFT,
	    "SELECT stored FROM attachments WHERE draft_id = ?1"),
	/* a file the account may download: its own draft's */
	S(STMT_ATTACH_OF_ACCOUNT,
	    "SELECT a.name, a.stored, a.size FROM attachments a JOIN drafts d"
	    " ON d.id = a.draft_id WHERE a.id = ?1 AND d.account_id = ?2"),

	/* the outbox (R9.1) */
	S(STMT_OUTBOX_INSERT,
	    "INSERT INTO outbox (recipient, subject, body, request_id, created,"
	    " next_try, secret) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)"),
	S(STMT_OUTBOX_PENDING,
	    "SELECT id, recipient, subject, body, attempts, created FROM outbox"
	    " WHERE sent IS NULL AND next_try <= ?1 ORDER BY id LIMIT 100"),
	S(STMT_OUTBOX_SENT,
	    "UPDATE outbox SET sent = ?2, attempts = attempts + 1,"
	    " body = CASE WHEN secret THEN '' ELSE body END WHERE id = ?1"),
	S(STMT_OUTBOX_RETRY,
	    "UPDATE outbox SET attempts = attempts + 1, next_try = ?2,"
	    " last_error = ?3 WHERE id = ?1"),
	S(STMT_ACCOUNT_LANG_BY_EMAIL,
	    "SELECT lang FROM accounts WHERE email = ?1 AND profile_done = 1"
	    " AND verified = 1"),
	/* the confirmation of a submitted draft ?1 of account ?2 (R5.7) */
	S(STMT_REQUEST_CONFIRM,
	    "SELECT r.id, r.title, r.respond_by, r.timezone, r.queue,"
	    " (SELECT email FROM request_contacts WHERE request_id = r.id"
	    " AND role = 'primary'), EXISTS (SELECT 1 FROM request_contacts"
	    " WHERE request_id = r.id AND email = (SELECT email FROM accounts WHERE email = ?3 AND verified = 1))"
	    " FROM drafts d JOIN requests r ON r.id = d.request_id"
	    " WHERE d.id = ?1 AND d.account_id = ?2"),
	/* a request as one of its contacts sees it (R7.2); a stranger's
	 * id gives no row, like a missing one (R7.4) */
	S(STMT_REQUEST_FOR_CONTACT,
	    "SELECT r.id, r.title, r.description, p.name, v.name,"
	    " coalesce(CASE WHEN ?3 = 'pl' THEN c.name_pl ELSE c.name_en END, ''),"
	    " coalesce(CASE WHEN ?3 = 'pl' THEN x.name_pl ELSE x.name_en END, ''),"
	    " r.severity, r.allday, r.status, r.queue, r.country, r.timezone,"
	    " r.respond_by, r.created, r.updated, r.status_at,"
	    " coalesce(r.paused_left, -1)"
	    " FROM requests r JOIN request_contacts rc ON rc.request_id = r.id"
	    " AND rc.email = (SELECT email FROM accounts WHERE email = ?2 AND verified = 1)"
	    " JOIN products p ON p.id = r.product_id"
	    " JOIN versions v ON v.id = r.version_id"
	    " LEFT JOIN categories c ON c.id = r.category_id"
	    " LEFT JOIN problems x ON x.id = r.problem_id WHERE r.id = ?1"),
	S(STMT_CONTACTS_OF_REQUEST,
	    "SELECT rc.email, rc.role, rc.name, coalesce(a.first_name || ' ' ||"
	    " a.last_name, '') FROM request_contacts rc LEFT JOIN accounts a"
	    " ON a.id = rc.added_by WHERE rc.request_id = ?1"
	    " ORDER BY rc.role = 'primary' DESC, rc.created, rc.email"),
	/* the staff mark comes from the author's role, never a name
	 * (R14.10) */
	S(STMT_MESSAGES_OF_REQUEST,
	    "SELECT m.id, m.author, m.body, m.created,"
	    " coalesce(a.role = 'engineer', 0) FROM messages m"
	    " LEFT JOIN accounts a ON a.id = m.author_id"
	    " WHERE m.request_id = ?1 ORDER BY m.id"),
	S(STMT_ATTACH_OF_REQUEST,
	    "SELECT id, name, size, sha256, coalesce(message_id, 0)"
	    " FROM attachments WHERE request_id = ?1 ORDER BY id"),
	S(STMT_MESSAGE_INSERT,
	    "INSERT INTO messages (request_id, author_id, author, body, created)"
	    " VALUES (?1, ?2, ?3, ?4, ?5)"),
	S(STMT_ATTACH_INSERT_MSG,
	    "INSERT INTO attachments (request_id, message_id, account_id, name,"
	    " stored, size, sha256, created)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
	S(STMT_REQUEST_TOUCH, "UPDATE requests SET updated = ?2 WHERE id = ?1"),
	S(STMT_REQUEST_CLOSE,
	    "UPDATE requests SET status = 'closed', status_at = ?2,"
	    " updated = ?2 WHERE id = ?1 AND status <> 'closed'"),
	/* R11.6: a resolved or closed request, within 30 days */
	S(STMT_REQUEST_REOPEN,
	    "UPDATE requests SET status = 'in_progress', status_at = ?2,"
	    " updated = ?2 WHERE id = ?1 AND status IN ('resolved', 'closed')"
	    " AND status_at >= ?2 - 30 * 86400"),
	/* the contacts of ?1 but ?2, with the language of their account */
	S(STMT_OTHER_CONTACTS,
	    "SELECT rc.email, coalesce(a.lang, '') FROM request_contacts rc"
	    " LEFT JOIN accounts a ON a.email = rc.email AND a.profile_done = 1"
	    " AND a.verified = 1"
	    " WHERE rc.request_id = ?1 AND rc.email <> ?2 ORDER BY rc.email"),
	/* a file whose request has the contact ?2, or of a draft of ?3, or
	 * of a request in a queue of engineer ?3 */
	S(STMT_ATTACH_FOR_DOWNLOAD,
	    "SELECT a.name, a.stored, a.size FROM attachments a WHERE a.id = ?1"
	    " AND (EXISTS (SELECT 1 FROM request_contacts rc"
	    " WHERE rc.request_id = a.request_id AND rc.email ="
	    " (SELECT email FROM accounts WHERE email = ?2 AND verified = 1))"
	    " OR EXISTS (SELECT 1 FROM drafts d WHERE d.id = a.draft_id"
	    " AND d.account_id = ?3)"
	    " OR EXISTS (SELECT 1 FROM requests r JOIN engineer_queues q"
	    " ON q.account_id = ?3 AND r.queue >= q.region || '/'"
	    " AND r.queue < q.region || '0' WHERE r.id = a.request_id))"),
	/* R7.1, R11.5: the page ?7 (offset ?8) of a contact's requests:
	 * ?2 open/closed/all, ?3 a number or 0, ?4-?6 words of the title */
	S(STMT_REQUESTS_PAGE,
	    "SELECT r.id, r.title, p.name, r.severity, r.status, r.updated,"
	    " r.respond_by FROM request_contacts rc JOIN requests r"
	    " ON r.id = rc.request_id JOIN products p ON p.id = r.product_id"
	    " WHERE rc.email = (SELECT email FROM accounts WHERE email = ?1 AND verified = 1)"
	    " AND (?2 = 'all' OR rc.open = (?2 = 'open'))"
	    " AND (?3 = 0 OR r.id = ?3)"
	    " AND r.title LIKE '%' || ?4 || '%' ESCAPE '\\'"
	    " AND r.title LIKE '%' || ?5 || '%' ESCAPE '\\'"
	    " AND r.title LIKE '%' || ?6 || '%' ESCAPE '\\'"
	    " ORDER BY rc.updated DESC, rc.request_id DESC LIMIT ?7 OFFSET ?8"),
	/* without a number or words searched, the list and its count with
	 * nothing to test on a row but open BETWEEN ?2 AND ?3: (0, 1) all,
	 * (1, 1) open, (0, 0) closed, from the index alone */
	S(STMT_REQUESTS_PAGE_PLAIN,
	    "SELECT r.id, r.title, p.name, r.severity, r.status, r.updated,"
	    " r.respond_by FROM request_contacts rc JOIN requests r"
	    " ON r.id = rc.request_id JOIN products p ON p.id = r.product_id"
	    " WHERE rc.email = (SELECT email FROM accounts WHERE email = ?1 AND verified = 1)"
	    " AND rc.open BETWEEN ?2 AND ?3"
	    " ORDER BY rc.updated DESC, rc.request_id DESC LIMIT ?4 OFFSET ?5"),
	S(STMT_REQUESTS_COUNT_PLAIN,
	    "SELECT count(*) FROM request_contacts"
	    " WHERE email = (SELECT email FROM accounts WHERE email = ?1 AND verified = 1)"
	    " AND open BETWEEN ?2 AND ?3"),
	/* the same filter counted: from the index alone without ?3-?6 */
	S(STMT_REQUESTS_COUNT,
	    "SELECT count(*) FROM request_contacts rc"
	    " WHERE rc.email = (SELECT email FROM accounts WHERE email = ?1 AND verified = 1)"
	    " AND (?2 = 'all' OR rc.open = (?2 = 'open'))"
	    " AND ((?3 = 0 AND ?4 = '' AND ?5 = '' AND ?6 = '')"
	    " OR EXISTS (SELECT 1 FROM requests r WHERE r.id = rc.request_id"
	    " AND (?3 = 0 OR r.id = ?3)"
	    " AND r.title LIKE '%' || ?4 || '%' ESCAPE '\\'"
	    " AND r.title LIKE '%' || ?5 || '%' ESCAPE '\\'"
	    " AND r.title LIKE '%' || ?6 || '%' ESCAPE '\\'))"),
	/* R11.8: replies held over a sign-in, by the hash of a cookie */
	S(STMT_HELD_PUT,
	    "INSERT INTO held_replies (token_hash, path, body, created,"
	    " session_id, account_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	    " ON CONFLICT (session_id) DO UPDATE SET"
	    " token_hash = excluded.token_hash, path = excluded.path,"
	    " body = excluded.body, created = excluded.created,"
	    " account_id = excluded.account_id"),
	S(STMT_HELD_GET,
	    "SELECT body FROM held_replies WHERE token_hash = ?1 AND path = ?2"
	    " AND created > ?3 AND account_id = ?4"),
	S(STMT_HELD_DELETE, "DELETE FROM held_replies WHERE token_hash = ?1"),
	S(STMT_HELD_PRUNE, "DELETE FROM held_replies WHERE created < ?1"),
	/* identity (R14): verified addresses, links, TOTP, sessions, data */
	S(STMT_ACCOUNTS_VERIFY_ALL,
	    "UPDATE accounts SET verified = 1 WHERE verified = 0 AND"
	    " deleted = 0"),
	S(STMT_ACCOUNTS_COUNT_UNVERIFIED,
	    "SELECT count(*) FROM accounts WHERE verified = 0 AND deleted"
	    " = 0"),
	S(STMT_ACCOUNT_ID_BY_EMAIL,
	    "SELECT id FROM accounts WHERE email = ?1"),
	S(STMT_ACCOUNT_SET_NAME,
	    "UPDATE accounts SET first_name = ?2, last_name = ?3 WHERE id"
	    " = ?1"),
	S(STMT_ACCOUNT_PENDING_CLEAR,
	    "UPDATE accounts SET pending_email = '' WHERE pending_email = ?1"
	    " AND id <> ?2"),
	S(STMT_ACCOUNT_SET_PENDING,
	    "UPDATE accounts SET pending_email = ?2 WHERE id = ?1"),
	S(STMT_ACCOUNT_SET_EMAIL,
	    "UPDATE accounts SET email = ?2, pending_email = '', verified"
	    " = 1 WHERE id = ?1 AND pending_email = ?2"),
	S(STMT_ACCOUNT_TOTP_GET,
	    "SELECT totp_sealed, totp_on, totp_step FROM accounts WHERE"
	    " id = ?1"),
	S(STMT_ACCOUNT_TOTP_SET,
	    "UPDATE accounts SET totp_sealed = ?2, totp_on = 0, totp_step"
	    " = 0 WHERE id = ?1 AND totp_on = 0"),
	S(STMT_ACCOUNT_TOTP_ON,
	    "UPDATE accounts SET totp_on = 1, totp_step = ?2 WHERE id ="
	    " ?1 AND totp_on = 0 AND totp_sealed IS NOT NULL"),
	S(STMT_ACCOUNT_TOTP_STEP,
	    "UPDATE accounts SET totp_step = ?2 WHERE id = ?1 AND"
	    " totp_step < ?2"),
	S(STMT_ACCOUNT_TOTP_OFF,
	    "UPDATE accounts SET totp_sealed = NULL, totp_on = 0,"
	    " totp_step = 0 WHERE id = ?1"),
	S(STMT_ACCOUNT_ERASE,
	    "UPDATE accounts SET email = 'deleted-' || id || '@invalid',"
	    " pwhash = '!', first_name = '', last_name = '', verified ="
	    " 0, pending_email = '', contact_email = '', phone = '',"
	    " company = '', profile_done = 0, totp_sealed = NULL, totp_on"
	    " = 0, deleted = 1 WHERE id = ?1 AND deleted = 0"),
	S(STMT_ACCOUNT_ERASE_MESSAGES,
	    "UPDATE messages SET author = '' WHERE author_id = ?1"),
	S(STMT_ACCOUNT_ERASE_ACTIVATIONS,
	    "DELETE FROM activations WHERE account_id = ?1"),
	S(STMT_ACCOUNT_VERIFY_IF,
	    "UPDATE accounts SET verified = 1 WHERE id = ?1 AND email = ?2"),
	S(STMT_RECOVERY_DELETE_ALL,
	    "DELETE FROM recovery_codes WHERE account_id = ?1"),
	S(STMT_RECOVERY_ADD,
	    "INSERT INTO recovery_codes (account_id, code_hash) VALUES"
	    " (?1, ?2)"),
	S(STMT_RECOVERY_USE,
	    "DELETE FROM recovery_codes WHERE account_id = ?1 AND"
	    " code_hash = ?2"),
	S(STMT_RECOVERY_COUNT,
	    "SELECT count(*) FROM recovery_codes WHERE account_id = ?1"),
	S(STMT_TOKEN_INSERT,
	    "INSERT INTO account_tokens (account_id, purpose, token_hash,"
	    " email, created, expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
	S(STMT_TOKEN_FIND,
	    "SELECT t.id, t.account_id, t.email FROM account_tokens t"
	    " JOIN accounts a ON a.id = t.account_id WHERE t.token_hash ="
	    " ?1 AND t.purpose = ?2 AND t.expires > ?3 AND a.deleted = 0"),
	S(STMT_TOKEN_DELETE,
	    "DELETE FROM account_tokens WHERE id = ?1"),
	S(STMT_TOKEN_DELETE_PURPOSE,
	    "DELETE FROM account_tokens WHERE account_id = ?1 AND purpose"
	    " = ?2"),
	S(STMT_TOKEN_DELETE_ACCOUNT,
	    "DELETE FROM account_tokens WHERE account_id = ?1"),
	S(STMT_TOKEN_PRUNE,
	    "DELETE FROM account_tokens WHERE expires < ?1"),
	S(STMT_TOKEN_LAST,
	    "SELECT coalesce(max(created), 0) FROM account_tokens WHERE"
	    " account_id = ?1 AND purpose = ?2"),
	S(STMT_SESSION_END,
	    "UPDATE sessions SET ended = ?2 WHERE id = ?1 AND ended = 0"),
	S(STMT_SESSION_EXISTED,
	    "SELECT id, account_id FROM sessions WHERE token_hash = ?1 AND"
	    " mfa_pending = 0"),
	S(STMT_SESSIONS_OF_ACCOUNT,
	    "SELECT id, created, seen, ip, agent FROM sessions WHERE"
	    " account_id = ?1 AND ended = 0 AND mfa_pending = 0 AND seen"
	    " >= ?2 AND created >= ?3 ORDER BY seen DESC, id DESC LIMIT"
	    " 100"),
	S(STMT_SESSION_DELETE_OWN,
	    "DELETE FROM sessions WHERE id = ?1 AND account_id = ?2"),
	S(STMT_SESSION_REKEY,
	    "UPDATE sessions SET token_hash = ?2, csrf = ?3, mfa_pending"
	    " = 0, created = ?4, seen = ?4 WHERE id = ?1"),
	S(STMT_HELD_OF_SESSION,
	    "SELECT count(*) FROM held_replies WHERE session_id = ?1"),
	S(STMT_DATA_ACCOUNT,
	    "SELECT email, first_name, last_name, kind, role, created,"
	    " contact_email, phone, company, country, timezone, lang,"
	    " contact_method, totp_on FROM accounts WHERE id = ?1"),
	S(STMT_DATA_CONTRACTS,
	    "SELECT c.access_id, c.contract_id, c.programme, c.plan,"
	    " c.incidents_total, c.incidents_left, c.start_date,"
	    " c.end_date, a.created FROM activations a JOIN contracts c"
	    " ON c.id = a.contract_id WHERE a.account_id = ?1 ORDER BY"
	    " a.created"),
	S(STMT_DATA_REQUESTS,
	    "SELECT r.id, r.title, r.status, r.severity, r.created,"
	    " r.description, rc.role FROM request_contacts rc JOIN"
	    " requests r ON r.id = rc.request_id WHERE rc.email = (SELECT"
	    " email FROM accounts WHERE id = ?1 AND verified = 1) ORDER"
	    " BY r.id"),
	S(STMT_DATA_MESSAGES,
	    "SELECT m.request_id, m.author, m.body, m.created FROM"
	    " messages m JOIN request_contacts rc ON rc.request_id ="
	    " m.request_id WHERE rc.email = (SELECT email FROM accounts"
	    " WHERE id = ?1 AND verified = 1) ORDER BY m.request_id, m.id"),
	S(STMT_DATA_PURCHASES,
	    "SELECT id, status, amount, currency, created FROM purchases"
	    " WHERE account_id = ?1 ORDER BY id"),
	S(STMT_ATTACH_DELETE_OWN,
	    "DELETE FROM attachments WHERE id = ?1 AND draft_id = (SELECT id"
	    " FROM drafts WHERE id = ?2 AND account_id = ?3"
	    " AND request_id IS NULL) RETURNING stored"),

	/* pay per incident (R6, R11.10; payment.c) */
	S(STMT_REGION_UPSERT,
	    "INSERT INTO ppi_regions (country, currency, price_one, price_five)"
	    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (country) DO UPDATE SET"
	    " currency = excluded.currency, price_one = excluded.price_one,"
	    " price_five = excluded.price_five"),
	/* the country's own row, else the one for every other country */
	S(STMT_REGION_FOR,
	    "SELECT currency, price_one, coalesce(price_five, 0)"
	    " FROM ppi_regions WHERE country IN (?1, '*')"
	    " ORDER BY country = '*' LIMIT 1"),
	S(STMT_CARD_GET,
	    "SELECT holder, brand, last4, exp_month, exp_year, token"
	    " FROM cards WHERE account_id = ?1"),
	S(STMT_CARD_PUT,
	    "INSERT INTO cards (account_id, holder, brand, last4, exp_month,"
	    " exp_year, token, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	    " ON CONFLICT (account_id) DO UPDATE SET holder = excluded.holder,"
	    " brand = excluded.brand, last4 = excluded.last4,"
	    " exp_month = excluded.exp_month, exp_year = excluded.exp_year,"
	    " token = excluded.token, created = excluded.created"),
	S(STMT_CARD_DELETE, "DELETE FROM cards WHERE account_id = ?1"),
	/* R3.2: pay per incident covers the on-premises version chosen */
	S(STMT_PPI_VERSIONS,
	    "SELECT v.id, v.name FROM versions v JOIN products p"
	    " ON p.id = v.product_id JOIN portals po ON po.id = p.portal_id"
	    " WHERE po.code = 'here' AND p.kind <> 'cloud'"
	    " ORDER BY p.sort, v.sort"),
	S(STMT_PPI_VERSION,
	    "SELECT p.code, v.code, v.name FROM versions v JOIN products p"
	    " ON p.id = v.product_id JOIN portals po ON po.id = p.portal_id"
	    " WHERE v.id = ?1 AND po.code = 'here' AND p.kind <> 'cloud'"),
	S(STMT_PURCHASE_INSERT,
	    "INSERT INTO purchases (pay_key, account_id, draft_id, offer,"
	    " incidents, version_id, plan, amount, currency, country,"
	    " card_token, card_brand, card_last4, created, updated)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14, ?14)"),
	/* a purchase of account ?2 (0: of anyone, for supportalctl) */
	S(STMT_PURCHASE_GET,
	    "SELECT id, pay_key, account_id, coalesce(draft_id, 0), offer,"
	    " incidents, version_id, plan, amount, currency, card_token,"
	    " card_brand, card_last4, status, coalesce(charge_id, ''),"
	    " decline, coalesce(contract_id, 0), created, updated"
	    " FROM purchases WHERE id = ?1 AND (?2 = 0 OR account_id = ?2)"),
	S(STMT_PURCHASE_CHARGING,
	    "UPDATE purchases SET status = 'charging', updated = ?2"
	    " WHERE id = ?1 AND status IN ('new', 'charging')"),
	/* a charge that went through always becomes the plan, even after
	 * reconciliation gave up on it (R11.10) */
	S(STMT_PURCHASE_PAID,
	    "UPDATE purchases SET status = 'paid', charge_id = ?2,"
	    " contract_id = ?3, decline = '', updated = ?4"
	    " WHERE id = ?1 AND status <> 'paid'"),
	S(STMT_PURCHASE_FAILED,
	    "UPDATE purchases SET status = 'failed', decline = ?2, updated = ?3"
	    " WHERE id = ?1 AND status = 'charging'"),
	/* Buy pressed at or before ?2 and not finished: of account ?1, or
	 * of everyone when ?1 = 0 */
	S(STMT_PURCHASES_OPEN,
	    "SELECT id FROM purchases WHERE status = 'charging'"
	    " AND updated <= ?2 AND (?1 = 0 OR account_id = ?1) ORDER BY id"),
	S(STMT_PURCHASE_OF_DRAFT,
	    "SELECT id FROM purchases WHERE draft_id = ?1 AND account_id = ?2"
	    " AND status = 'paid' ORDER BY id DESC LIMIT 1"),
	/* the first ledger row of a bought plan says so, with the buyer */
	S(STMT_PURCHASE_LEDGER,
	    "UPDATE incident_ledger SET kind = 'purchase', account_id = ?2"
	    " WHERE contract_id = ?1 AND kind = 'issued'"),
	/* the draft continues with the plan just bought (R6.4) */
	S(STMT_DRAFT_SET_PLAN,
	    "UPDATE drafts SET contract_id = ?3, updated = ?4"
	    " WHERE id = ?1 AND account_id = ?2 AND request_id IS NULL"),
	/* what the receipt shows of the plan bought */
	S(STMT_PURCHASE_PLAN,
	    "SELECT access_id, contract_id, start_date, end_date FROM contracts"
	    " WHERE id = ?1"),

	/* R11.3: a support region's hours and holidays */
	S(STMT_REGION_HOURS,
	    "SELECT open, close FROM region_hours WHERE region = ?1"),
	S(STMT_REGION_HOLIDAYS,
	    "SELECT day FROM holidays WHERE region = ?1 AND day >= ?2"
	    " ORDER BY day LIMIT 400"),
	S(STMT_HOURS_UPSERT,
	    "INSERT INTO region_hours (region, open, close) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (region) DO UPDATE SET open = excluded.open,"
	    " close = excluded.close"),
	S(STMT_HOLIDAY_UPSERT,
	    "INSERT INTO holidays (region, day, name) VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (region, day) DO UPDATE SET name = excluded.name"),
	/* R8.1: engineers and the requests of their regions' queues; a
	 * queue is REGION/severity[/24x7], so a region is a range of it */
	S(STMT_ENGINEER_QUEUE_ADD,
	    "INSERT OR IGNORE INTO engineer_queues (account_id, region)"
	    " VALUES (?1, ?2)"),
	S(STMT_QUEUE_COUNTS,
	    "SELECT r.queue, count(*) FROM engineer_queues q JOIN requests r"
	    " ON r.queue >= q.region || '/' AND r.queue < q.region || '0'"
	    " WHERE q.account_id = ?1"
	    " AND r.status IN ('new', 'in_progress', 'waiting')"
	    " GROUP BY r.queue ORDER BY r.queue"),
	S(STMT_QUEUE_PAGE,
	    "SELECT r.id, r.title, p.name, r.severity, r.status, r.respond_by,"
	    " r.queue, coalesce(o.first_name || ' ' || o.last_name, ''),"
	    " coalesce(r.owner_id, 0) FROM engineer_queues q JOIN requests r"
	    " ON r.queue >= q.region || '/' AND r.queue < q.region || '0'"
	    " JOIN products p ON p.id = r.product_id"
	    " LEFT JOIN accounts o ON o.id = r.owner_id"
	    " WHERE q.account_id = ?1"
	    " AND r.status IN ('new', 'in_progress', 'waiting')"
	    " AND (?2 = '' OR r.queue = ?2) AND (?3 = 0 OR r.owner_id = ?3)"
	    " ORDER BY r.status = 'waiting', r.respond_by, r.id LIMIT 200"),
	/* request ?1 when engineer ?2 works its region (else no row): the
	 * columns of STMT_REQUEST_FOR_CONTACT, then owner and contract */
	S(STMT_REQUEST_FOR_ENGINEER,
	    "SELECT r.id, r.title, r.description, p.name, v.name,"
	    " coalesce(CASE WHEN ?3 = 'pl' THEN c.name_pl ELSE c.name_en END, ''),"
	    " coalesce(CASE WHEN ?3 = 'pl' THEN x.name_pl ELSE x.name_en END, ''),"
	    " r.severity, r.allday, r.status, r.queue, r.country, r.timezone,"
	    " r.respond_by, r.created, r.updated, r.status_at,"
	    " coalesce(r.paused_left, -1), coalesce(r.owner_id, 0),"
	    " coalesce(o.first_name || ' ' || o.last_name, ''), r.contract_id"
	    " FROM requests r JOIN engineer_queues q ON q.account_id = ?2"
	    " AND r.queue >= q.region || '/' AND r.queue < q.region || '0'"
	    " JOIN products p ON p.id = r.product_id"
	    " JOIN versions v ON v.id = r.version_id"
	    " LEFT JOIN categories c ON c.id = r.category_id"
	    " LEFT JOIN problems x ON x.id = r.problem_id"
	    " LEFT JOIN accounts o ON o.id = r.owner_id WHERE r.id = ?1"),
	S(STMT_REQUEST_TAKE,
	    "UPDATE requests SET owner_id = ?2, updated = ?3 WHERE id = ?1"
	    " AND owner_id IS NOT ?2"),
	/* R8.1, R11.3: a status set by an engineer; ?4 the working seconds
	 * left while waiting (NULL otherwise), ?5 the response time */
	S(STMT_REQUEST_SET_STATUS,
	    "UPDATE requests SET status = ?2, status_at = ?3, updated = ?3,"
	    " paused_left = ?4, respond_by = ?5 WHERE id = ?1"
	    " AND status <> ?2"),
	/* the customer answers: the clock runs again from ?2 to ?3 */
	S(STMT_REQUEST_RESUME,
	    "UPDATE requests SET status = 'in_progress', status_at = ?2,"
	    " respond_by = ?3, paused_left = NULL WHERE id = ?1"
	    " AND status = 'waiting'"),
	S(STMT_CONTACT_REMOVE,
	    "DELETE FROM request_contacts WHERE request_id = ?1 AND email = ?2"
	    " AND role = 'secondary'"),
	/* R11.7: the reminders ?1 due on ?2 and not sent yet, one row per
	 * contract and account that activated it */
	S(STMT_REMIND_DUE,
	    "SELECT c.id, c.plan, c.end_date, a.id, a.email,"
	    " a.first_name || ' ' || a.last_name, a.lang"
	    " FROM contracts c JOIN activations x ON x.contract_id = c.id"
	    " JOIN accounts a ON a.id = x.account_id"
	    " WHERE CASE ?1"
	    " WHEN 'expiry30' THEN c.end_date > date(?2, '+7 days')"
	    "  AND c.end_date <= date(?2, '+30 days')"
	    " WHEN 'expiry7' THEN c.end_date >= ?2"
	    "  AND c.end_date <= date(?2, '+7 days')"
	    " ELSE c.incidents_left = 0 AND c.incidents_total > 0"
	    "  AND c.end_date >= ?2 END"
	    " AND NOT EXISTS (SELECT 1 FROM reminders_sent s"
	    " WHERE s.contract_id = c.id AND s.kind = ?1"
	    " AND s.account_id = a.id) ORDER BY c.id, a.id"),
	S(STMT_REMINDER_SENT,
	    "INSERT INTO reminders_sent (contract_id, kind, account_id, sent)"
	    " VALUES (?1, ?2, ?3, ?4)"),
	/* R13.3: supportalctl check */
	S(STMT_INTEGRITY, "PRAGMA integrity_check"),
	S(STMT_BALANCES_WRONG,
	    "SELECT c.id, c.incidents_left, coalesce((SELECT sum(delta)"
	    " FROM incident_ledger WHERE contract_id = c.id), 0) AS l"
	    " FROM contracts c WHERE c.incidents_left <> l ORDER BY c.id"),
	S(STMT_ATTACH_ALL,
	    "SELECT id, stored, size, sha256 FROM attachments ORDER BY id"),
};

#define N(id)	[id] = #id

const char *const sql_name[STMT__MAX] = {
	N(STMT_BEGIN), N(STMT_BEGIN_READ), N(STMT_COMMIT), N(STMT_ROLLBACK),
	N(STMT_ACCOUNT_BY_EMAIL), N(STMT_ACCOUNT_BY_ID),
	N(STMT_ACCOUNT_INSERT), N(STMT_ACCOUNT_SET_HASH),
	N(STMT_ACCOUNT_SET_PROFILE), N(STMT_ACCOUNT_SET_LANG),
	N(STMT_ACCOUNT_SET_ROLE), N(STMT_ACCOUNT_SET_VERIFIED),
	N(STMT_SESSION_INSERT), N(STMT_SESSION_BY_HASH),
	N(STMT_SESSION_TOUCH), N(STMT_SESSION_DELETE),
	N(STMT_SESSION_DELETE_ACCOUNT), N(STMT_SESSION_DELETE_OTHERS),
	N(STMT_SESSION_DELETE_EXPIRED),
	N(STMT_THROTTLE_COUNT), N(STMT_THROTTLE_ADD), N(STMT_THROTTLE_PRUNE),
	N(STMT_THROTTLE_DELETE), N(STMT_THROTTLE_CLEAR_ACCOUNT),
	N(STMT_HEALTH), N(STMT_DATE_END),
	N(STMT_PORTAL_UPSERT), N(STMT_PORTAL_ID), N(STMT_PRODUCT_UPSERT),
	N(STMT_PRODUCT_ID), N(STMT_VERSION_UPSERT),
	N(STMT_VERSION_LATEST_CLEAR), N(STMT_CATEGORY_UPSERT),
	N(STMT_PROBLEM_UPSERT), N(STMT_ARTICLE_UPSERT),
	N(STMT_ARTICLE_FTS_DELETE), N(STMT_ARTICLE_FTS_INSERT),
	N(STMT_START_PRODUCTS),
	N(STMT_CONTRACT_INSERT), N(STMT_CONTRACT_VERSION_ADD),
	N(STMT_CONTRACT_BY_PAIR), N(STMT_ACTIVATION_INSERT),
	N(STMT_CONTRACTS_OF_ACCOUNT), N(STMT_LEDGER_OF_ACCOUNT), N(STMT_LEDGER_OF_CONTRACT),
	N(STMT_LEDGER_ADD), N(STMT_CONTRACT_DEBIT), N(STMT_CONTRACT_CREDIT),
	N(STMT_BALANCE_MISMATCH), N(STMT_ACTIVATIONS_COUNT),
	N(STMT_PLANS_FOR), N(STMT_PRODUCTS_HERE), N(STMT_VERSIONS_OF),
	N(STMT_CATEGORIES_OF), N(STMT_PROBLEMS_OF), N(STMT_CATALOGUE_CHECK),
	N(STMT_KB_SEARCH), N(STMT_KB_ARTICLE),
	N(STMT_DRAFT_INSERT), N(STMT_DRAFT_BY_ID), N(STMT_DRAFT_UPDATE),
	N(STMT_DRAFT_DELETE), N(STMT_DRAFT_SUBMITTED),
	N(STMT_DRAFTS_OF_ACCOUNT), N(STMT_REQUEST_INSERT),
	N(STMT_REQUEST_CONTACT_ADD),
	N(STMT_ATTACH_INSERT), N(STMT_ATTACH_OF_DRAFT),
	N(STMT_ATTACH_COUNT_DRAFT),
	N(STMT_ATTACH_TO_REQUEST), N(STMT_ATTACH_STORED_OF_DRAFT),
	N(STMT_ATTACH_OF_ACCOUNT),
	N(STMT_OUTBOX_INSERT), N(STMT_OUTBOX_PENDING), N(STMT_OUTBOX_SENT),
	N(STMT_OUTBOX_RETRY), N(STMT_ACCOUNT_LANG_BY_EMAIL),
	N(STMT_REQUEST_CONFIRM), N(STMT_ATTACH_DELETE_OWN),
	N(STMT_REQUEST_FOR_CONTACT), N(STMT_CONTACTS_OF_REQUEST),
	N(STMT_MESSAGES_OF_REQUEST), N(STMT_ATTACH_OF_REQUEST),
	N(STMT_MESSAGE_INSERT), N(STMT_ATTACH_INSERT_MSG),
	N(STMT_REQUEST_TOUCH), N(STMT_REQUEST_CLOSE), N(STMT_REQUEST_REOPEN),
	N(STMT_OTHER_CONTACTS), N(STMT_ATTACH_FOR_DOWNLOAD),
	N(STMT_REQUESTS_PAGE), N(STMT_REQUESTS_COUNT),
	N(STMT_REQUESTS_PAGE_PLAIN), N(STMT_REQUESTS_COUNT_PLAIN),
	N(STMT_HELD_PUT), N(STMT_HELD_GET), N(STMT_HELD_DELETE),
	N(STMT_HELD_PRUNE),
	N(STMT_ACCOUNTS_VERIFY_ALL),
	N(STMT_ACCOUNTS_COUNT_UNVERIFIED),
	N(STMT_ACCOUNT_ID_BY_EMAIL),
	N(STMT_ACCOUNT_SET_NAME),
	N(STMT_ACCOUNT_SET_PENDING), N(STMT_ACCOUNT_PENDING_CLEAR),
	N(STMT_ACCOUNT_SET_EMAIL),
	N(STMT_ACCOUNT_TOTP_GET),
	N(STMT_ACCOUNT_TOTP_SET),
	N(STMT_ACCOUNT_TOTP_ON),
	N(STMT_ACCOUNT_TOTP_STEP),
	N(STMT_ACCOUNT_TOTP_OFF),
	N(STMT_ACCOUNT_ERASE),
	N(STMT_ACCOUNT_ERASE_MESSAGES),
	N(STMT_ACCOUNT_ERASE_ACTIVATIONS),
	N(STMT_ACCOUNT_VERIFY_IF),
	N(STMT_RECOVERY_DELETE_ALL),
	N(STMT_RECOVERY_ADD),
	N(STMT_RECOVERY_USE),
	N(STMT_RECOVERY_COUNT),
	N(STMT_TOKEN_INSERT),
	N(STMT_TOKEN_FIND),
	N(STMT_TOKEN_DELETE),
	N(STMT_TOKEN_DELETE_PURPOSE),
	N(STMT_TOKEN_DELETE_ACCOUNT),
	N(STMT_TOKEN_PRUNE),
	N(STMT_TOKEN_LAST),
	N(STMT_SESSION_END),
	N(STMT_SESSION_EXISTED),
	N(STMT_SESSIONS_OF_ACCOUNT),
	N(STMT_SESSION_DELETE_OWN),
	N(STMT_SESSION_REKEY),
	N(STMT_HELD_OF_SESSION),
	N(STMT_DATA_ACCOUNT),
	N(STMT_DATA_CONTRACTS),
	N(STMT_DATA_REQUESTS),
	N(STMT_DATA_MESSAGES),
	N(STMT_DATA_PURCHASES),
	N(STMT_REGION_UPSERT), N(STMT_REGION_FOR), N(STMT_CARD_GET),
	N(STMT_CARD_PUT), N(STMT_CARD_DELETE), N(STMT_PPI_VERSIONS),
	N(STMT_PPI_VERSION), N(STMT_PURCHASE_INSERT), N(STMT_PURCHASE_GET),
	N(STMT_PURCHASE_CHARGING), N(STMT_PURCHASE_PAID),
	N(STMT_PURCHASE_FAILED), N(STMT_PURCHASES_OPEN),
	N(STMT_PURCHASE_OF_DRAFT), N(STMT_PURCHASE_LEDGER),
	N(STMT_DRAFT_SET_PLAN), N(STMT_PURCHASE_PLAN),
	N(STMT_REGION_HOURS), N(STMT_REGION_HOLIDAYS), N(STMT_HOURS_UPSERT),
	N(STMT_HOLIDAY_UPSERT), N(STMT_ENGINEER_QUEUE_ADD),
	N(STMT_QUEUE_COUNTS), N(STMT_QUEUE_PAGE),
	N(STMT_REQUEST_FOR_ENGINEER), N(STMT_REQUEST_TAKE),
	N(STMT_REQUEST_SET_STATUS), N(STMT_REQUEST_RESUME),
	N(STMT_CONTACT_REMOVE), N(STMT_REMIND_DUE), N(STMT_REMINDER_SENT),
	N(STMT_INTEGRITY), N(STMT_BALANCES_WRONG), N(STMT_ATTACH_ALL),
};

/*
 * sql_get_may_write: the writes a GET may make.  Only session bookkeeping
 * (the idle clock, and removing a session found expired); everything
 * else that writes needs a POST with its token (db.c refuses it).
 */
int
sql_get_may_write(enum stmt s)
{
	switch (s) {
	case STMT_BEGIN:
	case STMT_BEGIN_READ:
	case STMT_COMMIT:
	case STMT_ROLLBACK:
	case STMT_SESSION_TOUCH:
	case STMT_SESSION_DELETE:
	case STMT_SESSION_END:
		return 1;
	default:
		return 0;
	}
}

/*
 * The built-in test payment processor's own database, var/testpay.db
 * (payment.c): it stands for a processor elsewhere, so it is a file of
 * its own, never joined with the portal's.  Tokens keep the brand, the
 * last four digits, the expiry and how the test card behaves, never its
 * number; charges are one per idempotency key (R6.5, R11.10).
 */
const char *const tp_schema =
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "CREATE TABLE IF NOT EXISTS tokens ("
    " token TEXT PRIMARY KEY, brand TEXT NOT NULL, last4 TEXT NOT NULL,"
    " exp_month INTEGER NOT NULL, exp_year INTEGER NOT NULL,"
    " behaviour TEXT NOT NULL, created INTEGER NOT NULL) STRICT;"
    "CREATE TABLE IF NOT EXISTS charges ("
    " pay_key TEXT PRIMARY KEY, charge_id TEXT NOT NULL UNIQUE,"
    " token TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0),"
    " currency TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('succeeded', 'declined')),"
    " decline TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1,"
    " created INTEGER NOT NULL) STRICT;";

const char *const tp_sql_text[TP__MAX] = {
	S(TP_BEGIN, "BEGIN IMMEDIATE"),
	S(TP_COMMIT, "COMMIT"),
	S(TP_ROLLBACK, "ROLLBACK"),
	S(TP_TOKEN_INSERT,
	    "INSERT INTO tokens (token, brand, last4, exp_month, exp_year,"
	    " behaviour, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
	S(TP_TOKEN_GET, "SELECT behaviour FROM tokens WHERE token = ?1"),
	S(TP_CHARGE_GET,
	    "SELECT charge_id, status, decline FROM charges"
	    " WHERE pay_key = ?1"),
	S(TP_CHARGE_INSERT,
	    "INSERT INTO charges (pay_key, charge_id, token, amount, currency,"
	    " status, decline, created)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
	S(TP_CHARGE_AGAIN,
	    "UPDATE charges SET attempts = attempts + 1 WHERE pay_key = ?1"),
};
