-- +up
-- Keyset pagination sorts by (created, id) and by (price, id); these indexes
-- let a page be read without sorting the table.
CREATE INDEX CONCURRENTLY products_created_id_idx ON products (created, id);
CREATE INDEX CONCURRENTLY products_price_id_idx ON products (price, id);

-- +down
DROP INDEX CONCURRENTLY IF EXISTS products_price_id_idx;
DROP INDEX CONCURRENTLY IF EXISTS products_created_id_idx;
