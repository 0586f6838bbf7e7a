-- 019: internal notes (R15.5): what the engineers of a request's queue
-- write for each other about it.  Only the engineers' page reads this
-- table: no statement a customer's page, mail or export runs names it.
-- The body is kept as written; the page escapes it.
CREATE TABLE request_notes (
  id          INTEGER PRIMARY KEY,
  request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  author_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  author      TEXT NOT NULL DEFAULT '',          -- the name, as it was
  body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created     INTEGER NOT NULL
) STRICT;
CREATE INDEX request_notes_request ON request_notes(request_id, id);

PRAGMA user_version = 19;
