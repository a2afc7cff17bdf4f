-- Expand: copy what rows written before V4 hold. On a large table, batch this in a
-- non-transactional script instead (see docs/zero-downtime.md).
UPDATE item SET details = description WHERE details IS NULL AND description IS NOT NULL;
