-- 004: the thread of a request (R7.2): messages of its contacts and its
-- engineers, their attachments, and when the status last changed (for
-- reopening within 30 days, R11.6).

CREATE TABLE messages (
  id          INTEGER PRIMARY KEY,
  request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  author_id   INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  author      TEXT NOT NULL,                 -- the name shown, kept as written
  body        TEXT NOT NULL,
  created     INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_request ON messages(request_id, id);

ALTER TABLE attachments ADD COLUMN message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL;
ALTER TABLE requests ADD COLUMN status_at INTEGER NOT NULL DEFAULT 0;
UPDATE requests SET status_at = created;

-- the list of a contact's requests (R7.1, R11.5), newest first
CREATE INDEX requests_updated ON requests(updated DESC, id);

PRAGMA user_version = 4;
