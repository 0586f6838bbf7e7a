-- A description (up to 20,000 characters, R5.4) is the one long value
-- of a draft and of a request.  SQLite keeps what does not fit on a row's
-- page on a chain of overflow pages, so every column stored after it
-- (severity, status, respond_by, updated ...) could only be read by
-- walking that chain: a list of 25 requests with long descriptions read
-- three times the pages it needs.  The column moves to the end of both
-- tables, where the lists, which never show it, never reach it.
CREATE TEMP TABLE moved_texts (kind TEXT, id INTEGER, description TEXT,
  PRIMARY KEY (kind, id)) WITHOUT ROWID;
INSERT INTO moved_texts SELECT 'd', id, description FROM drafts;
INSERT INTO moved_texts SELECT 'r', id, description FROM requests;

ALTER TABLE drafts DROP COLUMN description;
ALTER TABLE drafts ADD COLUMN description TEXT NOT NULL DEFAULT '';
UPDATE drafts SET description = (SELECT m.description FROM moved_texts m
  WHERE m.kind = 'd' AND m.id = drafts.id);

ALTER TABLE requests DROP COLUMN description;
ALTER TABLE requests ADD COLUMN description TEXT NOT NULL DEFAULT '';
UPDATE requests SET description = (SELECT m.description FROM moved_texts m
  WHERE m.kind = 'r' AND m.id = requests.id);
DROP TABLE moved_texts;

PRAGMA user_version = 10;
