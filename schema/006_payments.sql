-- 006: pay per incident (R6, R11.10): where it is sold and at what
-- price, the card saved on an account, and purchases.  Amounts are
-- integer minor units of an ISO 4217 currency, never floating point.

-- R6.2: the countries and regions that sell pay per incident, from the
-- catalogue file ("region" records).  price_five is NULL where the
-- 5-pack is not sold.  The country '*' stands for every other one.
CREATE TABLE ppi_regions (
  country     TEXT PRIMARY KEY
                CHECK (country = '*' OR (length(country) = 2 AND country = upper(country))),
  currency    TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  price_one   INTEGER NOT NULL CHECK (price_one > 0),
  price_five  INTEGER CHECK (price_five IS NULL OR price_five > 0)
) STRICT;

-- R6.3: one saved card per account.  Only what may be kept: the brand,
-- the last four digits, the expiry and the payment provider's token.
-- The number and the security code are never stored (SECURITY.md I.39).
CREATE TABLE cards (
  account_id  INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  holder      TEXT NOT NULL,
  brand       TEXT NOT NULL CHECK (brand IN ('visa', 'mastercard', 'amex')),
  last4       TEXT NOT NULL CHECK (length(last4) = 4),
  exp_month   INTEGER NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
  exp_year    INTEGER NOT NULL CHECK (exp_year BETWEEN 2000 AND 2100),
  token       TEXT NOT NULL,
  created     INTEGER NOT NULL
) STRICT;

-- R6.4, R11.10: a purchase is written (and committed) before its charge;
-- pay_key is the idempotency key the provider receives, so a reload, a
-- double click or a crash can never charge twice.  status: new (shown,
-- not bought yet), charging (Buy pressed), paid (contract_id is the
-- plan), failed (declined, or no charge found by reconciliation).
CREATE TABLE purchases (
  id           INTEGER PRIMARY KEY,
  pay_key      TEXT NOT NULL UNIQUE,
  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
  draft_id     INTEGER REFERENCES drafts(id) ON DELETE SET NULL,
  offer        TEXT NOT NULL CHECK (offer IN ('one', 'five')),
  incidents    INTEGER NOT NULL CHECK (incidents IN (1, 5)),
  version_id   INTEGER NOT NULL REFERENCES versions(id) ON DELETE RESTRICT,
  plan         TEXT NOT NULL,
  amount       INTEGER NOT NULL CHECK (amount > 0),
  currency     TEXT NOT NULL CHECK (length(currency) = 3),
  country      TEXT NOT NULL,
  card_token   TEXT NOT NULL,
  card_brand   TEXT NOT NULL,
  card_last4   TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'new'
                 CHECK (status IN ('new', 'charging', 'paid', 'failed')),
  charge_id    TEXT,
  decline      TEXT NOT NULL DEFAULT '',
  contract_id  INTEGER UNIQUE REFERENCES contracts(id) ON DELETE RESTRICT,
  created      INTEGER NOT NULL,
  updated      INTEGER NOT NULL,
  CHECK ((status = 'paid') = (contract_id IS NOT NULL AND charge_id IS NOT NULL))
) STRICT;
CREATE INDEX purchases_account ON purchases(account_id, id);
CREATE INDEX purchases_open ON purchases(status, updated)
  WHERE status IN ('new', 'charging');
CREATE INDEX purchases_draft ON purchases(draft_id) WHERE draft_id IS NOT NULL;

PRAGMA user_version = 6;
