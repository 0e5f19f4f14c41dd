-- Paired files work too (.up.sql / .down.sql, the golang-migrate layout).
ALTER TABLE users ADD COLUMN display_name text;
