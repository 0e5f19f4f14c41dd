-- +up
CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  price numeric(12, 2) NOT NULL CHECK (price >= 0),
  description text NOT NULL DEFAULT '',
  created timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX products_name_key ON products (name);

-- +down
DROP TABLE products;
