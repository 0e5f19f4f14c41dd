/** What the warm scratch loads and inspects at start: a bit of every kind of object a schema has. */
function table(i: number): string {
  const ref = i === 0 ? "" : `,\n  parent_id bigint REFERENCES warm.t${i - 1} (id)`;
  return `CREATE TABLE warm.t${i} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  state warm.state NOT NULL DEFAULT 'new',
  amount numeric(12, 2) CHECK (amount >= 0),
  tags text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name)${ref}
);
CREATE INDEX t${i}_created ON warm.t${i} (created_at) WHERE state <> 'done';
COMMENT ON TABLE warm.t${i} IS 'warm-up';
CREATE TRIGGER t${i}_touch BEFORE UPDATE ON warm.t${i} FOR EACH ROW EXECUTE FUNCTION warm.touch();
CREATE VIEW warm.v${i} AS SELECT state, count(*) AS n, sum(amount) AS total FROM warm.t${i} GROUP BY state;`;
}

export const WARM_UP_SQL = `CREATE SCHEMA warm;
CREATE TYPE warm.state AS ENUM ('new', 'busy', 'done');
CREATE DOMAIN warm.positive AS integer CHECK (VALUE > 0);
CREATE FUNCTION warm.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := now();
  RETURN NEW;
END
$$;
${Array.from({ length: 12 }, (_, i) => table(i)).join("\n")}
CREATE MATERIALIZED VIEW warm.m AS SELECT id, name FROM warm.t0;
`;
