-- 009: support engineers and their queues (R8), the working time of the
-- support regions (R11.3), the clock that stops while a request waits
-- for its customer, and the reminders already sent (R11.7).

-- Business hours of a region, in the request's own zone; without a row,
-- 9 to 17.  Holidays are days of that zone on which nobody counts.
CREATE TABLE region_hours (
  region  TEXT PRIMARY KEY CHECK (region IN ('AMER', 'APAC', 'EMEA')),
  open    INTEGER NOT NULL CHECK (open BETWEEN 0 AND 23),
  close   INTEGER NOT NULL CHECK (close BETWEEN 1 AND 24 AND close > open)
) STRICT;
CREATE TABLE holidays (
  region  TEXT NOT NULL CHECK (region IN ('AMER', 'APAC', 'EMEA')),
  day     TEXT NOT NULL CHECK (day = date(day)),
  name    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (region, day)
) STRICT, WITHOUT ROWID;

-- The regions whose queues an engineer works (R8.1).
CREATE TABLE engineer_queues (
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  region      TEXT NOT NULL CHECK (region IN ('AMER', 'APAC', 'EMEA')),
  PRIMARY KEY (account_id, region)
) STRICT, WITHOUT ROWID;

-- Who owns a request, and, while it waits for the customer, the seconds
-- of working time that were left before the response was due.
ALTER TABLE requests ADD COLUMN owner_id INTEGER REFERENCES accounts(id)
  ON DELETE SET NULL;
ALTER TABLE requests ADD COLUMN paused_left INTEGER;

-- Each reminder once per contract, kind and account (R11.7).
CREATE TABLE reminders_sent (
  contract_id  INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('expiry30', 'expiry7', 'last')),
  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  sent         INTEGER NOT NULL,
  PRIMARY KEY (contract_id, kind, account_id)
) STRICT, WITHOUT ROWID;

PRAGMA user_version = 9;
