-- Expand: the new column, kept in step with the old one while both releases write.
ALTER TABLE item ADD COLUMN details text;

CREATE FUNCTION item_sync_details() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.details := coalesce(NEW.details, NEW.description);
        NEW.description := coalesce(NEW.description, NEW.details);
    ELSIF NEW.details IS DISTINCT FROM OLD.details THEN
        NEW.description := NEW.details;
    ELSE
        NEW.details := NEW.description;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER item_sync_details BEFORE INSERT OR UPDATE ON item
    FOR EACH ROW EXECUTE FUNCTION item_sync_details();
