-- 013: partner advisory requests (R16.5).  A partner programme with a
-- current contract may ask about the programme, pre-sales or billing
-- through the same six steps: such a request draws no incident and goes
-- to its region's advisory queue.  Every other request is 'technical'.
ALTER TABLE drafts ADD COLUMN kind TEXT NOT NULL DEFAULT 'technical'
  CHECK (kind IN ('technical', 'programme', 'presales', 'billing'));
ALTER TABLE requests ADD COLUMN kind TEXT NOT NULL DEFAULT 'technical'
  CHECK (kind IN ('technical', 'programme', 'presales', 'billing'));

-- The description stays the last column of both tables (010: what
-- follows a long value is read through its overflow pages).
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

PRAGMA user_version = 13;
