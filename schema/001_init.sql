-- 001_init: accounts, sessions and the throttle (R1, R2).
-- Times are UTC epoch seconds.  Emails are stored in lower case.

CREATE TABLE accounts (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
  pwhash         TEXT NOT NULL,                 -- libscrypt MCF, parameters inside
  first_name     TEXT NOT NULL,
  last_name      TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('personal', 'work')),
  role           TEXT NOT NULL DEFAULT 'customer'
                   CHECK (role IN ('customer', 'engineer')),
  created        INTEGER NOT NULL,
  profile_done   INTEGER NOT NULL DEFAULT 0 CHECK (profile_done IN (0, 1)),
  contact_email  TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  company        TEXT NOT NULL DEFAULT '',
  country        TEXT NOT NULL DEFAULT '',      -- ISO 3166-1 alpha-2
  timezone       TEXT NOT NULL DEFAULT '',      -- IANA
  lang           TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'pl')),
  contact_method TEXT NOT NULL DEFAULT 'email'
                   CHECK (contact_method IN ('email', 'phone'))
) STRICT;

-- One row per signed-in browser.  Only the SHA-256 of the cookie is kept.
CREATE TABLE sessions (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf        TEXT NOT NULL,
  created     INTEGER NOT NULL,
  seen        INTEGER NOT NULL,
  ip          TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_account ON sessions(account_id);

-- Failed attempts, counted per kind and key over a window (A.6, C.14).
CREATE TABLE throttle (
  kind  INTEGER NOT NULL,
  key   TEXT NOT NULL,
  at    INTEGER NOT NULL
) STRICT;
CREATE INDEX throttle_key ON throttle(kind, key, at);

PRAGMA user_version = 1;
