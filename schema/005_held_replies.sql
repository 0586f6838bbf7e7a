-- 005: a reply typed when the session had expired is held until its
-- author signs in again (R11.8).  Only the SHA-256 of the browser's
-- cookie is kept; a held reply older than a day is forgotten.

CREATE TABLE held_replies (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  path        TEXT NOT NULL,
  body        TEXT NOT NULL,
  created     INTEGER NOT NULL
) STRICT;
CREATE INDEX held_replies_created ON held_replies(created);

PRAGMA user_version = 5;
