ALTER TABLE item DROP COLUMN updated_at;
ALTER TABLE item DROP COLUMN description;
