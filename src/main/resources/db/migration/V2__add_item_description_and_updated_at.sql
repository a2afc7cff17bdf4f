ALTER TABLE item ADD COLUMN description TEXT;
ALTER TABLE item ADD COLUMN updated_at TIMESTAMPTZ;

-- Backfill before the constraint so existing rows stay valid.
UPDATE item SET updated_at = created_at WHERE updated_at IS NULL;

ALTER TABLE item ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE item ALTER COLUMN updated_at SET DEFAULT now();
