-- Diary entries carry a row hash (platform trigger function sifa_row_hash, server migration 0018)
-- that their audit entries record: `sifa audit verify` names an entry changed outside the diary.
CREATE TRIGGER diary_entries_row_hash BEFORE INSERT OR UPDATE ON diary_entries
  FOR EACH ROW EXECUTE FUNCTION sifa_row_hash('id', 'org_code', 'org_path', 'day', 'item_code', 'fields', 'author_id',
    'author_name', 'idempotency_key', 'payload_hash', 'created_at', 'updated_at');
--> statement-breakpoint
-- Entries written before row hashes: hashed now, each with one baseline audit entry.
ALTER TABLE diary_entries NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
UPDATE diary_entries SET row_hash = '';
--> statement-breakpoint
SELECT count(sifa_audit_append('migration', 'owner', 'audit.row-baseline', org_path, 'diary_entries', id::text, '', '', row_hash))
  FROM (SELECT org_path, id, row_hash FROM diary_entries ORDER BY org_path, id) baseline;
--> statement-breakpoint
ALTER TABLE diary_entries FORCE ROW LEVEL SECURITY;
