-- 017: engineers' notifications (R15.1).  An engineer is mailed when a
-- request enters a queue of their regions (submitted, or reopened by its
-- customer), when the customer replies on a request they own, and when a
-- request they own passes its response-by time.  Each engineer chooses
-- which on the account page; without a row, all four.

CREATE TABLE engineer_notify (
  account_id  INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  new_request INTEGER NOT NULL DEFAULT 1 CHECK (new_request IN (0, 1)),
  reopened    INTEGER NOT NULL DEFAULT 1 CHECK (reopened IN (0, 1)),
  reply       INTEGER NOT NULL DEFAULT 1 CHECK (reply IN (0, 1)),
  overdue     INTEGER NOT NULL DEFAULT 1 CHECK (overdue IN (0, 1))
) STRICT;

-- Each response-by passed, once per request and response-by: a later
-- response-by (the clock started again) passes, and is told, once more.
CREATE TABLE overdue_sent (
  request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  respond_by  INTEGER NOT NULL,
  sent        INTEGER NOT NULL,
  PRIMARY KEY (request_id, respond_by)
) STRICT, WITHOUT ROWID;

-- the owned requests whose clock runs, by response-by (supportalctl
-- overdue reads them every hour)
CREATE INDEX requests_due ON requests(respond_by)
  WHERE owner_id IS NOT NULL AND status IN ('new', 'in_progress');

PRAGMA user_version = 17;
