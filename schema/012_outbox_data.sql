-- The outbox keeps a mail as data until the edge renders it (#19): the
-- domain queues a template's name, a language and values (vars, lines of
-- "Name<TAB>value"); the worker, or supportalctl, renders subject and body
-- from templates/mail/ after the transaction and empties vars, which may
-- hold a single-use link (R14.1).  A row still holding vars is not
-- delivered.  Rows from before this migration were rendered when queued.
ALTER TABLE outbox ADD COLUMN tpl TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN vars TEXT;
CREATE INDEX outbox_unrendered ON outbox(id) WHERE vars IS NOT NULL;
PRAGMA user_version = 12;
