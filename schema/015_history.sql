-- 015: the history of a request (R15.7): every event with who and when,
-- appended in the same transaction as the change it records.  Nothing
-- updates or deletes a row: the triggers refuse it, whatever asks.
-- internal marks what only engineers see (the owner, internal notes,
-- the mails sent); the rest is the customer-safe part.
CREATE TABLE request_history (
  id          INTEGER PRIMARY KEY,
  request_id  INTEGER NOT NULL REFERENCES requests(id),
  actor_id    INTEGER REFERENCES accounts(id),   -- NULL: the portal itself
  actor       TEXT NOT NULL DEFAULT '',          -- the name, as it was
  event       TEXT NOT NULL CHECK (event IN ('submitted', 'status', 'owner',
                'contact_added', 'contact_removed', 'primary', 'debited',
                'returned', 'file', 'mail', 'note')),
  detail      TEXT NOT NULL DEFAULT '',
  internal    INTEGER NOT NULL CHECK (internal IN (0, 1)),
  created     INTEGER NOT NULL
) STRICT;
CREATE INDEX request_history_request ON request_history(request_id, id);

CREATE TRIGGER request_history_no_update BEFORE UPDATE ON request_history
BEGIN
  SELECT RAISE(ABORT, 'request_history is append-only');
END;
CREATE TRIGGER request_history_no_delete BEFORE DELETE ON request_history
BEGIN
  SELECT RAISE(ABORT, 'request_history is append-only');
END;

-- what happened before this version: the submission of each request,
-- its debit and its files, so that no request starts with no history
INSERT INTO request_history (request_id, actor_id, actor, event, internal,
  created)
  SELECT r.id, r.submitter_id, coalesce((SELECT a.first_name || ' ' ||
  a.last_name FROM accounts a WHERE a.id = r.submitter_id), ''),
  'submitted', 0, r.created FROM requests r ORDER BY r.id;

PRAGMA user_version = 15;
