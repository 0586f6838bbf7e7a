-- 016: the engineer's workbench: every request in every state, a page at
-- a time (R15.2).

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

PRAGMA user_version = 16;
