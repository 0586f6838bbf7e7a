-- 002: the product catalogue, the knowledge base, support contracts,
-- their activations and the incident ledger (R3, R4.1, R10.1, R11.2).
-- Dates (no time of day) are ISO 'YYYY-MM-DD' text; times are UTC epoch
-- seconds.

-- Where a kind of product is supported (R4.1): 'here' for this portal,
-- otherwise a portal elsewhere that the start page links to.
CREATE TABLE portals (
  id    INTEGER PRIMARY KEY,
  code  TEXT NOT NULL UNIQUE,
  name  TEXT NOT NULL,
  url   TEXT NOT NULL CHECK (url = '' OR url LIKE 'https://%'),
  sort  INTEGER NOT NULL
) STRICT;

CREATE TABLE products (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('onprem', 'cloud', 'hybrid')),
  portal_id  INTEGER NOT NULL REFERENCES portals(id) ON DELETE RESTRICT,
  sort       INTEGER NOT NULL
) STRICT;

-- Lifecycle (R3.7): mainstream and extended end dates ('' when none, as
-- for a cloud service); latest = 1 for the newest version of a product.
CREATE TABLE versions (
  id              INTEGER PRIMARY KEY,
  product_id      INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  code            TEXT NOT NULL,
  name            TEXT NOT NULL,
  released        TEXT NOT NULL CHECK (date(released) = released),
  mainstream_end  TEXT NOT NULL CHECK (mainstream_end = '' OR date(mainstream_end) = mainstream_end),
  extended_end    TEXT NOT NULL CHECK (extended_end = '' OR date(extended_end) = extended_end),
  latest          INTEGER NOT NULL DEFAULT 0 CHECK (latest IN (0, 1)),
  sort            INTEGER NOT NULL,
  UNIQUE (product_id, code)
) STRICT;

CREATE TABLE categories (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  code        TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  name_pl     TEXT NOT NULL,
  sort        INTEGER NOT NULL,
  UNIQUE (product_id, code)
) STRICT;

CREATE TABLE problems (
  id           INTEGER PRIMARY KEY,
  category_id  INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  code         TEXT NOT NULL,
  name_en      TEXT NOT NULL,
  name_pl      TEXT NOT NULL,
  sort         INTEGER NOT NULL,
  UNIQUE (category_id, code)
) STRICT;

CREATE TABLE articles (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  code        TEXT NOT NULL,
  lang        TEXT NOT NULL CHECK (lang IN ('en', 'pl')),
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  UNIQUE (product_id, code, lang)
) STRICT;

-- Full-text search over the articles (R5.1).  Its rowid is the article's
-- id; catalogue.c keeps it in step when it imports (triggers that write
-- a virtual table are refused under PRAGMA trusted_schema = OFF).
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, tokenize = 'unicode61 remove_diacritics 2'
);

-- Contracts (R3.1, R3.2).  The pair (access_id, contract_id) is stored
-- normalised (upper case, no separators).  end_date is the last valid
-- day.  incidents_left never goes below zero nor above the total.
CREATE TABLE contracts (
  id               INTEGER PRIMARY KEY,
  access_id        TEXT NOT NULL,
  contract_id      TEXT NOT NULL,
  programme        TEXT NOT NULL CHECK (programme IN ('partner_pack',
                     'partner_core', 'partner_cloud', 'vs', 'sa',
                     'cloud_plan', 'ppi')),
  plan             TEXT NOT NULL,
  incidents_total  INTEGER NOT NULL CHECK (incidents_total > 0),
  incidents_left   INTEGER NOT NULL
                     CHECK (incidents_left >= 0 AND incidents_left <= incidents_total),
  start_date       TEXT NOT NULL CHECK (date(start_date) = start_date),
  end_date         TEXT NOT NULL CHECK (date(end_date) = end_date AND end_date >= start_date),
  scope            TEXT NOT NULL CHECK (scope IN ('onprem', 'cloud', 'both')),
  created          INTEGER NOT NULL,
  UNIQUE (access_id, contract_id)
) STRICT;

-- The versions a contract covers; none listed means every version of
-- its scope.
CREATE TABLE contract_versions (
  contract_id  INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  version_id   INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
  PRIMARY KEY (contract_id, version_id)
) STRICT, WITHOUT ROWID;

-- R3.3, R3.4: a contract activated on a login; many logins may share one.
CREATE TABLE activations (
  id           INTEGER PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  contract_id  INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  created      INTEGER NOT NULL,
  UNIQUE (account_id, contract_id)
) STRICT;
CREATE INDEX activations_contract ON activations(contract_id);

-- R11.2: every change of a balance.  The sum of delta over a contract
-- equals its incidents_left (supportalctl check and the tests verify).
-- kind: issued (+N), debit (-1), return (+1), purchase (+N).
CREATE TABLE incident_ledger (
  id             INTEGER PRIMARY KEY,
  contract_id    INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  delta          INTEGER NOT NULL CHECK (delta <> 0),
  kind           TEXT NOT NULL CHECK (kind IN ('issued', 'debit', 'return', 'purchase')),
  account_id     INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  request_id     INTEGER,
  request_title  TEXT NOT NULL DEFAULT '',
  reason         TEXT NOT NULL DEFAULT '',
  created        INTEGER NOT NULL
) STRICT;
CREATE INDEX incident_ledger_contract ON incident_ledger(contract_id, id);
-- one debit per request and contract (R5.7), one return per request (R8.2)
CREATE UNIQUE INDEX incident_ledger_once ON incident_ledger(request_id, kind)
  WHERE request_id IS NOT NULL AND kind IN ('debit', 'return');

PRAGMA user_version = 2;
