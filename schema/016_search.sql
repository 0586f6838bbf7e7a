-- 016: the engineer's workbench: every request in every state, a page at
-- a time (R15.2), and full-text search (R15.3).

-- R15.2: each view of the queue page reads its page from an index, in
-- the order it shows, whatever the number of requests.  A request's
-- region is the head of its queue (REGION/severity[/24x7], or
-- REGION/advisory), its stage what a view asks of its status: the new
-- and the in-progress ones are the active, which are answered first,
-- soonest due first; waiting, resolved and closed are each their own.
-- Both are computed, never stored: a virtual column takes no room in the
-- row (010: the description stays the last stored column).  The columns
-- after id let a view test status, owner and queue in the index, without
-- reading the row.  engineer_queues names an engineer's regions; each
-- view is one such search per region, merged (sql.def, STMT_VIEW_*).
ALTER TABLE requests ADD COLUMN region TEXT
  GENERATED ALWAYS AS (substr(queue, 1, instr(queue, '/') - 1)) VIRTUAL;
ALTER TABLE requests ADD COLUMN stage TEXT
  GENERATED ALWAYS AS (CASE WHEN status IN ('new', 'in_progress')
    THEN 'active' ELSE status END) VIRTUAL;
CREATE INDEX requests_view_due
  ON requests(region, stage, respond_by, id, status, owner_id, queue);
CREATE INDEX requests_view_updated
  ON requests(region, stage, updated, id, status, owner_id, queue);

-- R15.3: what customers may see of a request, its title and
-- description and the bodies of its messages, in two FTS5 tables whose
-- content is the tables themselves (external content): they hold the
-- index only, and the triggers below keep it in step with every
-- statement that writes a request or a message, from the portal or not.
-- Nothing else is indexed: an engineer's internal note must never reach
-- these tables, so that no customer can find a request by one.
--
-- unicode61 with remove_diacritics 2 folds ą ć ę ń ó ś ź ż to their base
-- letters ("zrodlo" finds "źródło"), but not ł: U+0142 has no Unicode
-- decomposition, so SQLite leaves it as it is.  The text indexed is the
-- text with ł and Ł replaced by l and L, here by replace(), in plain SQL
-- that every connection understands (the worker's, supportalctl's and
-- the sqlite3 shell's alike, where a tokenizer of our own would have to
-- be registered on each); domain/search.c folds what is searched the
-- same way.  The views are that folded text, what FTS5's 'rebuild'
-- (supportalctl search-rebuild) reads.
--
-- A migration that drops or renames title, description or body (as 010
-- and 013 moved description) must drop the triggers and the views first
-- and create them again after: SQLite refuses to drop a column they name.
CREATE VIEW requests_words (id, title, description) AS
  SELECT id, replace(replace(title, 'ł', 'l'), 'Ł', 'L'),
    replace(replace(description, 'ł', 'l'), 'Ł', 'L') FROM requests;
CREATE VIRTUAL TABLE requests_fts USING fts5(
  title, description, content = 'requests_words', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIEW messages_words (id, body) AS
  SELECT id, replace(replace(body, 'ł', 'l'), 'Ł', 'L') FROM messages;
CREATE VIRTUAL TABLE messages_fts USING fts5(
  body, content = 'messages_words', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- An external-content index forgets a row by being given the values it
-- indexed ('delete'), the old row's folded as above.
CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests
BEGIN
  INSERT INTO requests_fts (rowid, title, description) VALUES (NEW.id,
    replace(replace(NEW.title, 'ł', 'l'), 'Ł', 'L'),
    replace(replace(NEW.description, 'ł', 'l'), 'Ł', 'L'));
END;
CREATE TRIGGER requests_fts_update
AFTER UPDATE OF id, title, description ON requests
BEGIN
  INSERT INTO requests_fts (requests_fts, rowid, title, description)
    VALUES ('delete', OLD.id,
    replace(replace(OLD.title, 'ł', 'l'), 'Ł', 'L'),
    replace(replace(OLD.description, 'ł', 'l'), 'Ł', 'L'));
  INSERT INTO requests_fts (rowid, title, description) VALUES (NEW.id,
    replace(replace(NEW.title, 'ł', 'l'), 'Ł', 'L'),
    replace(replace(NEW.description, 'ł', 'l'), 'Ł', 'L'));
END;
CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests
BEGIN
  INSERT INTO requests_fts (requests_fts, rowid, title, description)
    VALUES ('delete', OLD.id,
    replace(replace(OLD.title, 'ł', 'l'), 'Ł', 'L'),
    replace(replace(OLD.description, 'ł', 'l'), 'Ł', 'L'));
END;
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages
BEGIN
  INSERT INTO messages_fts (rowid, body) VALUES (NEW.id,
    replace(replace(NEW.body, 'ł', 'l'), 'Ł', 'L'));
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF id, body ON messages
BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete',
    OLD.id, replace(replace(OLD.body, 'ł', 'l'), 'Ł', 'L'));
  INSERT INTO messages_fts (rowid, body) VALUES (NEW.id,
    replace(replace(NEW.body, 'ł', 'l'), 'Ł', 'L'));
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages
BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete',
    OLD.id, replace(replace(OLD.body, 'ł', 'l'), 'Ł', 'L'));
END;

-- what was there before
INSERT INTO requests_fts (requests_fts) VALUES ('rebuild');
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

PRAGMA user_version = 16;
