-- CONCURRENTLY keeps writes to item flowing while the index builds; it cannot run inside a
-- transaction, which V3__index_item_name.sql.conf declares.
CREATE INDEX CONCURRENTLY IF NOT EXISTS item_name_idx ON item (lower(name));
