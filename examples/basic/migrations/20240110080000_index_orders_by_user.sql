-- +up
-- CONCURRENTLY cannot run in a transaction: pitstop sees it and runs this
-- migration statement by statement, recording progress after each.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_idx ON orders (user_id);
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_at_idx ON orders (placed_at);

-- +down
DROP INDEX CONCURRENTLY IF EXISTS orders_placed_at_idx;
DROP INDEX CONCURRENTLY IF EXISTS orders_user_id_idx;
