-- The list of a contact's requests (R7.1, R11.5) read from one index:
-- each contact row carries its request's last change and whether it is
-- open, kept by triggers whatever statement changes the request, so
-- that a page of 25 reads 25 index entries and not every request of the
-- contact, however many there are.
ALTER TABLE request_contacts ADD COLUMN updated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE request_contacts ADD COLUMN open INTEGER NOT NULL DEFAULT 1
  CHECK (open IN (0, 1));
UPDATE request_contacts SET
  updated = (SELECT r.updated FROM requests r WHERE r.id = request_id),
  open = (SELECT r.status IN ('new', 'in_progress', 'waiting')
          FROM requests r WHERE r.id = request_id);
DROP INDEX request_contacts_email;
CREATE INDEX request_contacts_list
  ON request_contacts(email, updated DESC, request_id DESC, open);
DROP INDEX requests_updated;

CREATE TRIGGER request_contacts_list_new AFTER INSERT ON request_contacts
BEGIN
  UPDATE request_contacts SET
    updated = (SELECT r.updated FROM requests r WHERE r.id = NEW.request_id),
    open = (SELECT r.status IN ('new', 'in_progress', 'waiting')
            FROM requests r WHERE r.id = NEW.request_id)
  WHERE request_id = NEW.request_id AND email = NEW.email;
END;
CREATE TRIGGER request_contacts_list_change
AFTER UPDATE OF updated, status ON requests
BEGIN
  UPDATE request_contacts SET updated = NEW.updated,
    open = NEW.status IN ('new', 'in_progress', 'waiting')
  WHERE request_id = NEW.id;
END;

PRAGMA user_version = 8;
