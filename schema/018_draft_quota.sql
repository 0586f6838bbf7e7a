-- 018: quotas that hold (R15.9, SECURITY.md M.60): drafts untouched for
-- Draft.ExpireDays expire with their files (supportalctl expire-drafts,
-- every hour); this index finds them without reading every draft.

CREATE INDEX drafts_open_updated ON drafts(updated)
  WHERE request_id IS NULL;

PRAGMA user_version = 18;
