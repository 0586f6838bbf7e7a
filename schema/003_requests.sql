-- 003: drafts of new support requests, requests with their contacts,
-- attachments and the mail outbox (R5, R7, R9.1, R11.9).

-- A request being written (R5): kept on the server, one row per draft.
-- done is the last finished step (0-5); request_id is set by the submit.
CREATE TABLE drafts (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  done          INTEGER NOT NULL DEFAULT 0 CHECK (done BETWEEN 0 AND 5),
  product_id    INTEGER REFERENCES products(id) ON DELETE SET NULL,
  version_id    INTEGER REFERENCES versions(id) ON DELETE SET NULL,
  category_id   INTEGER REFERENCES categories(id) ON DELETE SET NULL,
  problem_id    INTEGER REFERENCES problems(id) ON DELETE SET NULL,
  title         TEXT NOT NULL DEFAULT '',
  description   TEXT NOT NULL DEFAULT '',
  contract_id   INTEGER REFERENCES contracts(id) ON DELETE SET NULL,
  severity      TEXT NOT NULL DEFAULT ''
                  CHECK (severity IN ('', 'critical', 'important', 'moderate')),
  allday        INTEGER NOT NULL DEFAULT 0 CHECK (allday IN (0, 1)),
  country       TEXT NOT NULL DEFAULT '',
  timezone      TEXT NOT NULL DEFAULT '',
  pc_name       TEXT NOT NULL DEFAULT '',
  pc_email      TEXT NOT NULL DEFAULT '',
  pc_phone      TEXT NOT NULL DEFAULT '',
  pc_method     TEXT NOT NULL DEFAULT '' CHECK (pc_method IN ('', 'email', 'phone')),
  secondary     TEXT NOT NULL DEFAULT '',      -- emails, one per line
  add_me        INTEGER NOT NULL DEFAULT 1 CHECK (add_me IN (0, 1)),
  request_id    INTEGER UNIQUE,                -- once submitted
  created       INTEGER NOT NULL,
  updated       INTEGER NOT NULL
) STRICT;
CREATE INDEX drafts_account ON drafts(account_id, request_id, updated);

-- A support request (R5.7, R7).  draft_id is UNIQUE: one submit per
-- draft, whatever arrives at the same moment (H.34).
CREATE TABLE requests (
  id            INTEGER PRIMARY KEY,
  draft_id      INTEGER NOT NULL UNIQUE,
  submitter_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  product_id    INTEGER NOT NULL REFERENCES products(id),
  version_id    INTEGER NOT NULL REFERENCES versions(id),
  category_id   INTEGER REFERENCES categories(id),
  problem_id    INTEGER REFERENCES problems(id),
  title         TEXT NOT NULL,
  description   TEXT NOT NULL,
  contract_id   INTEGER NOT NULL REFERENCES contracts(id),
  severity      TEXT NOT NULL CHECK (severity IN ('critical', 'important', 'moderate')),
  allday        INTEGER NOT NULL CHECK (allday IN (0, 1)),
  country       TEXT NOT NULL,
  timezone      TEXT NOT NULL,
  queue         TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new',
                  'in_progress', 'waiting', 'resolved', 'closed')),
  respond_by    INTEGER NOT NULL,
  created       INTEGER NOT NULL,
  updated       INTEGER NOT NULL
) STRICT;
CREATE INDEX requests_queue ON requests(queue, status, respond_by);

-- Who may see a request: its contacts, by the email they sign in with
-- (R5.8, R7.4).  One primary per request.
CREATE TABLE request_contacts (
  request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  email       TEXT NOT NULL CHECK (email = lower(email)),
  role        TEXT NOT NULL CHECK (role IN ('primary', 'secondary')),
  name        TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  method      TEXT NOT NULL DEFAULT 'email',
  added_by    INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  created     INTEGER NOT NULL,
  PRIMARY KEY (request_id, email)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX request_contacts_primary ON request_contacts(request_id)
  WHERE role = 'primary';
CREATE INDEX request_contacts_email ON request_contacts(email, request_id);

-- Files (R11.9): stored under a generated name in var/attachments/,
-- never the client's; size and SHA-256 recorded.  A file belongs to a
-- draft until the submit moves it to the request.
CREATE TABLE attachments (
  id          INTEGER PRIMARY KEY,
  draft_id    INTEGER REFERENCES drafts(id) ON DELETE CASCADE,
  request_id  INTEGER REFERENCES requests(id) ON DELETE CASCADE,
  account_id  INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  name        TEXT NOT NULL,
  stored      TEXT NOT NULL UNIQUE,
  size        INTEGER NOT NULL CHECK (size >= 0),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  created     INTEGER NOT NULL,
  CHECK (draft_id IS NOT NULL OR request_id IS NOT NULL)
) STRICT;
CREATE INDEX attachments_draft ON attachments(draft_id);
CREATE INDEX attachments_request ON attachments(request_id);

-- The outbox (R9.1): written in the same transaction as the change that
-- causes the mail, delivered by supportalctl send-mail with retries.
CREATE TABLE outbox (
  id          INTEGER PRIMARY KEY,
  recipient   TEXT NOT NULL,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  request_id  INTEGER REFERENCES requests(id) ON DELETE SET NULL,
  created     INTEGER NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  next_try    INTEGER NOT NULL,
  sent        INTEGER,
  last_error  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX outbox_pending ON outbox(next_try) WHERE sent IS NULL;

PRAGMA user_version = 3;
