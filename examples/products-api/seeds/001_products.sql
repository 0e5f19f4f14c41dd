-- The three consoles every environment starts with. An upsert keyed on the
-- product name: running the seed again changes nothing.
INSERT INTO products (name, price, description, tags) VALUES
  ('Xbox One X', 499.00, 'Microsoft''s 4K console.', ARRAY['console', 'microsoft']),
  ('PlayStation 4', 299.00, 'Sony''s console.', ARRAY['console', 'sony']),
  ('Nintendo Switch', 299.00, 'Nintendo''s hybrid console.', ARRAY['console', 'nintendo'])
ON CONFLICT (name) DO UPDATE
  SET price = EXCLUDED.price, description = EXCLUDED.description, tags = EXCLUDED.tags;
