-- +up
-- A constant default: instant on PostgreSQL 11 and later, no table rewrite.
ALTER TABLE products ADD COLUMN tags text[] NOT NULL DEFAULT '{}';

-- Filtering by tag (`tags @> ARRAY[$1]`) reads this index; the table may
-- already be in use, so it is built without blocking writes.
CREATE INDEX CONCURRENTLY products_tags_idx ON products USING gin (tags);

-- +down
DROP INDEX CONCURRENTLY IF EXISTS products_tags_idx;
ALTER TABLE products DROP COLUMN tags;
