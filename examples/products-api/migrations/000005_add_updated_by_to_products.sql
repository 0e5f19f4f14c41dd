-- +up
-- Who last wrote each product: the X-User-Id the front proxy vouched for.
-- Nullable with no default: instant, and the running version (which does not
-- write it yet) keeps working while this one rolls out.
ALTER TABLE products ADD COLUMN updated_by text;

-- +down
ALTER TABLE products DROP COLUMN updated_by;
