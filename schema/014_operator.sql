-- 014: the contract holder's and the operator's controls (R17.1, R17.2).
-- An account the operator disabled signs in no more; the ledger takes
-- the operator's rows (incidents added, an end date extended, each with
-- the operator's reason); and every change of access (an activation
-- revoked or removed by its account, a contract re-keyed, an account
-- disabled or enabled, a reset mailed by the operator) is kept in audit.

ALTER TABLE accounts ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0
  CHECK (disabled IN (0, 1));

-- SQLite cannot change a CHECK: the ledger is copied into a new table
-- with the two kinds added.  An extension changes no count (delta 0);
-- note holds the new end date.
CREATE TABLE incident_ledger_014 (
  id             INTEGER PRIMARY KEY,
  contract_id    INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
  delta          INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('issued', 'debit', 'return',
                   'purchase', 'topup', 'extend')),
  account_id     INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  request_id     INTEGER,
  request_title  TEXT NOT NULL DEFAULT '',
  reason         TEXT NOT NULL DEFAULT '',
  created        INTEGER NOT NULL,
  note           TEXT NOT NULL DEFAULT '',
  CHECK ((delta <> 0) = (kind <> 'extend'))
) STRICT;
INSERT INTO incident_ledger_014 (id, contract_id, delta, kind, account_id,
  request_id, request_title, reason, created)
  SELECT id, contract_id, delta, kind, account_id, request_id,
  request_title, reason, created FROM incident_ledger;
DROP TABLE incident_ledger;
ALTER TABLE incident_ledger_014 RENAME TO incident_ledger;
CREATE INDEX incident_ledger_contract ON incident_ledger(contract_id, id);
CREATE UNIQUE INDEX incident_ledger_once ON incident_ledger(request_id, kind)
  WHERE request_id IS NOT NULL AND kind IN ('debit', 'return');

-- by_operator: 1 for supportalctl, 0 for the account itself (a contract
-- removed from it); detail: what changed (a re-key's old IDs)
CREATE TABLE audit (
  id           INTEGER PRIMARY KEY,
  action       TEXT NOT NULL CHECK (action IN ('revoke', 'remove', 'rekey',
                 'disable', 'enable', 'reset')),
  account_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  contract_id  INTEGER REFERENCES contracts(id) ON DELETE SET NULL,
  by_operator  INTEGER NOT NULL CHECK (by_operator IN (0, 1)),
  reason       TEXT NOT NULL DEFAULT '',
  detail       TEXT NOT NULL DEFAULT '',
  created      INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_contract ON audit(contract_id, id);
CREATE INDEX audit_account ON audit(account_id, id);

PRAGMA user_version = 14;
