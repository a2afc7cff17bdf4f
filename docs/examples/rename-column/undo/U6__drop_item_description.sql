-- Brings the column back with the values it would hold. The sync trigger is not restored: with the
-- contract phase undone only releases that write details run, and V6 drops it only if it is there.
ALTER TABLE item ADD COLUMN description text;
UPDATE item SET description = details;
