-- Contract: only once no release that reads description is connected.
DROP TRIGGER IF EXISTS item_sync_details ON item;
DROP FUNCTION IF EXISTS item_sync_details();
ALTER TABLE item DROP COLUMN description;
