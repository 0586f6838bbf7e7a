-- 011: identity (R14).  Access that follows an email address follows a
-- proven one: an account is verified once its owner followed a link
-- mailed to it.  Existing accounts start unverified, except engineers
-- (created by the operator); `supportalctl migrate --trust-existing`
-- marks every existing account verified instead, for an operator who
-- knows the addresses are real (README, "Upgrading").

ALTER TABLE accounts ADD COLUMN verified INTEGER NOT NULL DEFAULT 0
  CHECK (verified IN (0, 1));
UPDATE accounts SET verified = 1 WHERE role = 'engineer';
-- a new address waiting for its link (R14.8); '' when none
ALTER TABLE accounts ADD COLUMN pending_email TEXT NOT NULL DEFAULT ''
  CHECK (pending_email = lower(pending_email));
-- TOTP (R14.6): the secret sealed with the key of the configuration
-- (libsodium secretbox, nonce first), the last time step accepted, so
-- that a code works once; enabled once confirmed by a first code
ALTER TABLE accounts ADD COLUMN totp_sealed BLOB;
ALTER TABLE accounts ADD COLUMN totp_on INTEGER NOT NULL DEFAULT 0
  CHECK (totp_on IN (0, 1));
ALTER TABLE accounts ADD COLUMN totp_step INTEGER NOT NULL DEFAULT 0;
-- a deleted account (R14.9) keeps its row for the ledger and the
-- threads, under "former user": no email, no password, no profile
ALTER TABLE accounts ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0
  CHECK (deleted IN (0, 1));

-- Single-use links mailed to an address (R14.1, R14.3, R14.8): only the
-- SHA-256 of the token is kept.  purpose: verify (the sign-up address),
-- reset (a password), email (a new address, in email).
CREATE TABLE account_tokens (
  id          INTEGER PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  purpose     TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'email')),
  token_hash  TEXT NOT NULL UNIQUE,
  email       TEXT NOT NULL,
  created     INTEGER NOT NULL,
  expires     INTEGER NOT NULL
) STRICT;
CREATE INDEX account_tokens_account ON account_tokens(account_id, purpose);
CREATE INDEX account_tokens_expires ON account_tokens(expires);

-- TOTP recovery codes (R14.6): ten a set, each usable once, hashed.
CREATE TABLE recovery_codes (
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  code_hash   TEXT NOT NULL,
  PRIMARY KEY (account_id, code_hash)
) STRICT, WITHOUT ROWID;

-- The sessions page (R14.7) names each browser; an expired session's
-- row is kept a day (ended = when), so that a reply typed in it can be
-- held (R14.11), and is never live again.  mfa: 1 while a session has
-- passed the password but not yet its code.
ALTER TABLE sessions ADD COLUMN agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN mfa_pending INTEGER NOT NULL DEFAULT 0
  CHECK (mfa_pending IN (0, 1));

-- One held reply per expired session (R14.11), given back only to the
-- account that session was of.
DELETE FROM held_replies;
ALTER TABLE held_replies ADD COLUMN session_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE held_replies ADD COLUMN account_id INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX held_replies_session ON held_replies(session_id);

-- A mail that carries a single-use link is emptied once delivered, so
-- that the outbox keeps no usable token (R14.1, R14.3).
ALTER TABLE outbox ADD COLUMN secret INTEGER NOT NULL DEFAULT 0
  CHECK (secret IN (0, 1));

PRAGMA user_version = 11;
