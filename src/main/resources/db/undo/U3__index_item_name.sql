DROP INDEX item_name_idx;
