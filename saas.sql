-- saas: a generated schema for pitstop's large-schema tests.

CREATE DOMAIN public.email AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');

CREATE DOMAIN public.money_amount AS numeric(14,2) CHECK (VALUE >= 0);

CREATE DOMAIN public.rating AS smallint CHECK (VALUE BETWEEN 1 AND 5);

CREATE FUNCTION public.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;

CREATE FUNCTION public.bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version IS DISTINCT FROM OLD.version THEN
    RETURN NEW;
  END IF;
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;

CREATE FUNCTION public.slugify(input text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
RETURN trim(both '-' from regexp_replace(lower(input), '[^a-z0-9]+', '-', 'g'));

CREATE TABLE public.tenants (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug = public.slugify(slug)),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE public.tenants IS 'Every row of every module belongs to a tenant.';

CREATE TABLE public.users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email NOT NULL,
  display_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, email)
);
CREATE INDEX users_lower_email ON public.users (lower(email::text));

CREATE FUNCTION public.current_tenant() RETURNS bigint LANGUAGE sql STABLE
AS $$ SELECT nullif(current_setting('app.tenant', true), '')::bigint $$;

CREATE SCHEMA accounts;

COMMENT ON SCHEMA accounts IS 'The accounts module.';

CREATE TYPE accounts.status AS ENUM ('draft', 'active');

CREATE SEQUENCE accounts.document_number START WITH 1000 INCREMENT BY 1;

CREATE TABLE accounts.accounts_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE accounts.accounts_a IS 'Table 1 of the accounts module.';

COMMENT ON COLUMN accounts.accounts_a.priority IS 'Documented column.';

CREATE TABLE accounts.accounts_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  country char(2),
  name text NOT NULL,
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON accounts.accounts_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE accounts.accounts_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  title varchar(200) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  priority smallint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES accounts.accounts_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON accounts.accounts_c (parent_id);

CREATE INDEX ON accounts.accounts_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF notes, title ON accounts.accounts_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE accounts.accounts_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status accounts.status NOT NULL DEFAULT 'draft',
  notes text COLLATE "C",
  code varchar(32) NOT NULL,
  ends_on date,
  rating public.rating,
  weight_kg numeric(10,3),
  duration interval,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON accounts.accounts_d (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE accounts.accounts_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  email public.email,
  ends_on date,
  duration interval,
  rating public.rating,
  country char(2),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE accounts.accounts_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON accounts.accounts_e USING (tenant_id = public.current_tenant());

CREATE TABLE accounts.accounts_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  country char(2),
  status accounts.status NOT NULL DEFAULT 'draft',
  external_id uuid,
  duration interval,
  weight_kg numeric(10,3),
  name text NOT NULL,
  parent_id bigint REFERENCES accounts.accounts_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON accounts.accounts_f (parent_id);

CREATE INDEX ON accounts.accounts_f (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON accounts.accounts_f USING gin (metadata jsonb_path_ops);

CREATE INDEX ON accounts.accounts_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE accounts.accounts_f IS 'Table 6 of the accounts module.';

CREATE TABLE accounts.accounts_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  name text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES accounts.accounts_d (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON accounts.accounts_g (parent_id);

CREATE INDEX ON accounts.accounts_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE accounts.accounts_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  notes text COLLATE "C",
  score double precision,
  email public.email,
  parent_id bigint REFERENCES accounts.accounts_f (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON accounts.accounts_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN accounts.accounts_h.amount IS 'Documented column.';

CREATE TABLE accounts.accounts_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  status accounts.status NOT NULL DEFAULT 'draft',
  priority smallint NOT NULL DEFAULT 0,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES accounts.accounts_e (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON accounts.accounts_i (parent_id);

CREATE INDEX ON accounts.accounts_i (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON accounts.accounts_i USING gin (metadata jsonb_path_ops);

CREATE INDEX ON accounts.accounts_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE accounts.accounts_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  description text,
  version integer NOT NULL DEFAULT 1,
  score double precision,
  external_id uuid,
  country char(2),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF starts_on, description ON accounts.accounts_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE accounts.accounts_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE accounts.accounts_k IS 'Table 11 of the accounts module.';

CREATE TABLE accounts.accounts_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES accounts.accounts_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON accounts.accounts_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, quantity ON accounts.accounts_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE accounts.accounts_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  price public.money_amount,
  name text NOT NULL,
  country char(2),
  score double precision,
  parent_id bigint REFERENCES accounts.accounts_h (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON accounts.accounts_m (parent_id);

CREATE INDEX ON accounts.accounts_m (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE accounts.accounts_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  title varchar(200) NOT NULL,
  starts_on date,
  CHECK (ends_on >= starts_on),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE accounts.accounts_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON accounts.accounts_n USING (tenant_id = public.current_tenant());

CREATE TABLE accounts.accounts_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  priority smallint NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES accounts.accounts_g (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON accounts.accounts_o (parent_id);

CREATE INDEX ON accounts.accounts_o USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON accounts.accounts_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN accounts.accounts_o.description IS 'Documented column.';

CREATE VIEW accounts.accounts_c_with_parent AS
SELECT c.id, c.tenant_id, c.title, c.tags, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM accounts.accounts_c c JOIN accounts.accounts_b p ON p.id = c.parent_id;

CREATE VIEW accounts.accounts_f_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.metadata, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM accounts.accounts_f c JOIN accounts.accounts_c p ON p.id = c.parent_id;

CREATE VIEW accounts.accounts_g_with_parent AS
SELECT c.id, c.tenant_id, c.title, c.name, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM accounts.accounts_g c JOIN accounts.accounts_d p ON p.id = c.parent_id;

CREATE VIEW accounts.accounts_h_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.score, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM accounts.accounts_h c JOIN accounts.accounts_f p ON p.id = c.parent_id;

CREATE VIEW accounts.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM accounts.accounts_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW accounts.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM accounts.accounts_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON accounts.daily_counts (tenant_id, day);

CREATE FUNCTION accounts.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM accounts.accounts_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION accounts.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'ACCOUNTS-' || nextval('accounts.document_number')::text $$;

CREATE PROCEDURE accounts.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM accounts.accounts_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE accounts.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE accounts.events_2024_q1 PARTITION OF accounts.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE accounts.events_2024_q2 PARTITION OF accounts.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE accounts.events_2024_q3 PARTITION OF accounts.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE accounts.events_2024_q4 PARTITION OF accounts.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE accounts.events_default PARTITION OF accounts.events DEFAULT;

CREATE INDEX ON accounts.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA accounts TO PUBLIC;

GRANT SELECT ON accounts.activity TO PUBLIC;

CREATE SCHEMA projects;

COMMENT ON SCHEMA projects IS 'The projects module.';

CREATE TYPE projects.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE projects.document_number START WITH 2000 INCREMENT BY 2;

CREATE TABLE projects.projects_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  ends_on date,
  code varchar(32) NOT NULL,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE projects.projects_a IS 'Table 1 of the projects module.';

COMMENT ON COLUMN projects.projects_a.weight_kg IS 'Documented column.';

CREATE TABLE projects.projects_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  status projects.status NOT NULL DEFAULT 'draft',
  country char(2),
  parent_id bigint REFERENCES projects.projects_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_b (parent_id);

CREATE INDEX ON projects.projects_b (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE projects.projects_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE projects.projects_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status projects.status NOT NULL DEFAULT 'draft',
  weight_kg numeric(10,3),
  country char(2),
  email public.email,
  ends_on date,
  is_active boolean NOT NULL DEFAULT true,
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_d (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE projects.projects_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  ip inet,
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE projects.projects_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON projects.projects_e USING (tenant_id = public.current_tenant());

CREATE TABLE projects.projects_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  price public.money_amount,
  status projects.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES projects.projects_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_f (parent_id);

CREATE INDEX ON projects.projects_f (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE projects.projects_f IS 'Table 6 of the projects module.';

CREATE TABLE projects.projects_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  title varchar(200) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_g USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE projects.projects_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  email public.email,
  parent_id bigint REFERENCES projects.projects_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_h (parent_id);

CREATE INDEX ON projects.projects_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN projects.projects_h.tags IS 'Documented column.';

CREATE TABLE projects.projects_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  starts_on date,
  email public.email,
  ip inet,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES projects.projects_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE projects.projects_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  code varchar(32) NOT NULL,
  name text NOT NULL,
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES projects.projects_h (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON projects.projects_j (parent_id);

CREATE INDEX ON projects.projects_j (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE projects.projects_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  title varchar(200) NOT NULL,
  name text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE projects.projects_k IS 'Table 11 of the projects module.';

CREATE TABLE projects.projects_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  rating public.rating,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  starts_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_l USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE projects.projects_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  weight_kg numeric(10,3),
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  description text,
  starts_on date,
  parent_id bigint REFERENCES projects.projects_g (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE projects.projects_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  duration interval,
  weight_kg numeric(10,3),
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE projects.projects_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON projects.projects_n USING (tenant_id = public.current_tenant());

CREATE TABLE projects.projects_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  name text NOT NULL,
  score double precision,
  country char(2),
  parent_id bigint REFERENCES projects.projects_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON projects.projects_o (parent_id);

CREATE INDEX ON projects.projects_o (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON projects.projects_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN projects.projects_o.ends_on IS 'Documented column.';

CREATE VIEW projects.projects_b_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.description, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM projects.projects_b c JOIN projects.projects_a p ON p.id = c.parent_id;

CREATE VIEW projects.projects_f_with_parent AS
SELECT c.id, c.tenant_id, c.price, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM projects.projects_f c JOIN projects.projects_c p ON p.id = c.parent_id;

CREATE VIEW projects.projects_h_with_parent AS
SELECT c.id, c.tenant_id, c.tags, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM projects.projects_h c JOIN projects.projects_f p ON p.id = c.parent_id;

CREATE VIEW projects.projects_i_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.email, c.ip, p.id AS parent_ref, p.created_at AS parent_created_at
FROM projects.projects_i c JOIN projects.projects_b p ON p.id = c.parent_id;

CREATE VIEW projects.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM projects.projects_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW projects.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM projects.projects_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON projects.daily_counts (tenant_id, day);

CREATE FUNCTION projects.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM projects.projects_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION projects.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'PROJECTS-' || nextval('projects.document_number')::text $$;

CREATE PROCEDURE projects.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM projects.projects_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA projects TO PUBLIC;

GRANT SELECT ON projects.activity TO PUBLIC;

CREATE SCHEMA issues;

COMMENT ON SCHEMA issues IS 'The issues module.';

CREATE TYPE issues.status AS ENUM ('draft', 'active');

CREATE SEQUENCE issues.document_number START WITH 3000 INCREMENT BY 3;

CREATE TABLE issues.issues_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  description text,
  starts_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_a USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE issues.issues_a IS 'Table 1 of the issues module.';

COMMENT ON COLUMN issues.issues_a.metadata IS 'Documented column.';

CREATE TABLE issues.issues_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  status issues.status NOT NULL DEFAULT 'draft',
  ends_on date,
  country char(2),
  score double precision,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_b (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE issues.issues_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ip inet,
  score double precision,
  parent_id bigint REFERENCES issues.issues_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_c (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE issues.issues_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  email public.email,
  name text NOT NULL,
  ends_on date,
  title varchar(200) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  notes text COLLATE "C",
  parent_id bigint REFERENCES issues.issues_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_d (parent_id);

CREATE INDEX ON issues.issues_d (lower(name));

CREATE INDEX ON issues.issues_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE issues.issues_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  external_id uuid,
  email public.email,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE issues.issues_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON issues.issues_e USING (tenant_id = public.current_tenant());

CREATE TABLE issues.issues_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, is_active ON issues.issues_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE issues.issues_f IS 'Table 6 of the issues module.';

CREATE TABLE issues.issues_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  email public.email,
  version integer NOT NULL DEFAULT 1,
  score double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_g USING gin (metadata jsonb_path_ops);

CREATE INDEX ON issues.issues_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF tags, metadata ON issues.issues_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE issues.issues_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  code varchar(32) NOT NULL,
  external_id uuid,
  country char(2),
  email public.email,
  tags text[] NOT NULL DEFAULT '{}',
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES issues.issues_b (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON issues.issues_h (parent_id);

CREATE INDEX ON issues.issues_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN issues.issues_h.description IS 'Documented column.';

CREATE TABLE issues.issues_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  tags text[] NOT NULL DEFAULT '{}',
  price public.money_amount,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE issues.issues_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  ip inet,
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE issues.issues_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  starts_on date,
  name text NOT NULL,
  email public.email,
  title varchar(200) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES issues.issues_f (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_k (parent_id);

CREATE INDEX ON issues.issues_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE issues.issues_k IS 'Table 11 of the issues module.';

CREATE TABLE issues.issues_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  price public.money_amount,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  country char(2),
  duration interval,
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_l USING gin (metadata jsonb_path_ops);

CREATE INDEX ON issues.issues_l (lower(name));

CREATE INDEX ON issues.issues_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE issues.issues_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ends_on date,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES issues.issues_l (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_m (parent_id);

CREATE INDEX ON issues.issues_m USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, metadata ON issues.issues_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE issues.issues_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  ends_on date,
  priority smallint NOT NULL DEFAULT 0,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE issues.issues_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON issues.issues_n USING (tenant_id = public.current_tenant());

CREATE TABLE issues.issues_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  priority smallint NOT NULL DEFAULT 0,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON issues.issues_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON issues.issues_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN issues.issues_o.ends_on IS 'Documented column.';

CREATE VIEW issues.issues_c_with_parent AS
SELECT c.id, c.tenant_id, c.title, c.ip, c.score, p.id AS parent_ref, p.created_at AS parent_created_at
FROM issues.issues_c c JOIN issues.issues_a p ON p.id = c.parent_id;

CREATE VIEW issues.issues_d_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.email, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM issues.issues_d c JOIN issues.issues_a p ON p.id = c.parent_id;

CREATE VIEW issues.issues_h_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.code, c.external_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM issues.issues_h c JOIN issues.issues_b p ON p.id = c.parent_id;

CREATE VIEW issues.issues_k_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.starts_on, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM issues.issues_k c JOIN issues.issues_f p ON p.id = c.parent_id;

CREATE VIEW issues.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM issues.issues_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW issues.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM issues.issues_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON issues.daily_counts (tenant_id, day);

CREATE FUNCTION issues.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM issues.issues_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION issues.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'ISSUES-' || nextval('issues.document_number')::text $$;

CREATE PROCEDURE issues.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM issues.issues_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA issues TO PUBLIC;

GRANT SELECT ON issues.activity TO PUBLIC;

CREATE SCHEMA boards;

COMMENT ON SCHEMA boards IS 'The boards module.';

CREATE TYPE boards.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE boards.document_number START WITH 4000 INCREMENT BY 1;

CREATE TABLE boards.boards_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  ends_on date,
  score double precision,
  status boards.status NOT NULL DEFAULT 'draft',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_a (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE boards.boards_a IS 'Table 1 of the boards module.';

COMMENT ON COLUMN boards.boards_a.ip IS 'Documented column.';

CREATE TABLE boards.boards_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  duration interval,
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE boards.boards_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  name text NOT NULL,
  price public.money_amount,
  starts_on date,
  parent_id bigint REFERENCES boards.boards_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_c (parent_id);

CREATE INDEX ON boards.boards_c (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE boards.boards_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ends_on date,
  title varchar(200) NOT NULL,
  rating public.rating,
  price public.money_amount,
  name text NOT NULL,
  parent_id bigint REFERENCES boards.boards_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_d (parent_id);

CREATE INDEX ON boards.boards_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON boards.boards_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE boards.boards_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status boards.status NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  description text,
  parent_id bigint REFERENCES boards.boards_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_e (parent_id);

CREATE INDEX ON boards.boards_e (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF status, quantity ON boards.boards_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE boards.boards_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON boards.boards_e USING (tenant_id = public.current_tenant());

CREATE TABLE boards.boards_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  rating public.rating,
  notes text COLLATE "C",
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, rating ON boards.boards_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE boards.boards_f IS 'Table 6 of the boards module.';

CREATE TABLE boards.boards_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  name text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  external_id uuid,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES boards.boards_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_g (parent_id);

CREATE INDEX ON boards.boards_g USING gin (metadata jsonb_path_ops);

CREATE INDEX ON boards.boards_g (lower(name));

CREATE INDEX ON boards.boards_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE boards.boards_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, starts_on ON boards.boards_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN boards.boards_h.version IS 'Documented column.';

CREATE TABLE boards.boards_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  description text,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES boards.boards_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_i (parent_id);

CREATE INDEX ON boards.boards_i USING gin (metadata jsonb_path_ops);

CREATE INDEX ON boards.boards_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE boards.boards_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES boards.boards_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE boards.boards_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  name text NOT NULL,
  code varchar(32) NOT NULL,
  starts_on date,
  parent_id bigint REFERENCES boards.boards_e (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON boards.boards_k (parent_id);

CREATE INDEX ON boards.boards_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE boards.boards_k IS 'Table 11 of the boards module.';

CREATE TABLE boards.boards_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  country char(2),
  duration interval,
  parent_id bigint REFERENCES boards.boards_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE boards.boards_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  external_id uuid,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_m (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE boards.boards_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  email public.email,
  is_active boolean NOT NULL DEFAULT true,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  weight_kg numeric(10,3),
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES boards.boards_m (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_n (parent_id);

CREATE INDEX ON boards.boards_n USING gin (metadata jsonb_path_ops);

CREATE INDEX ON boards.boards_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE boards.boards_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON boards.boards_n USING (tenant_id = public.current_tenant());

CREATE TABLE boards.boards_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  title varchar(200) NOT NULL,
  ip inet,
  price public.money_amount,
  parent_id bigint REFERENCES boards.boards_n (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON boards.boards_o (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON boards.boards_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN boards.boards_o.description IS 'Documented column.';

CREATE VIEW boards.boards_c_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.name, c.price, p.id AS parent_ref, p.created_at AS parent_created_at
FROM boards.boards_c c JOIN boards.boards_b p ON p.id = c.parent_id;

CREATE VIEW boards.boards_d_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.ends_on, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM boards.boards_d c JOIN boards.boards_c p ON p.id = c.parent_id;

CREATE VIEW boards.boards_e_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.quantity, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM boards.boards_e c JOIN boards.boards_a p ON p.id = c.parent_id;

CREATE VIEW boards.boards_g_with_parent AS
SELECT c.id, c.tenant_id, c.weight_kg, c.tags, c.external_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM boards.boards_g c JOIN boards.boards_c p ON p.id = c.parent_id;

CREATE VIEW boards.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM boards.boards_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW boards.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM boards.boards_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON boards.daily_counts (tenant_id, day);

CREATE FUNCTION boards.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM boards.boards_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION boards.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'BOARDS-' || nextval('boards.document_number')::text $$;

CREATE PROCEDURE boards.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM boards.boards_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE boards.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE boards.events_2024_q1 PARTITION OF boards.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE boards.events_2024_q2 PARTITION OF boards.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE boards.events_2024_q3 PARTITION OF boards.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE boards.events_2024_q4 PARTITION OF boards.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE boards.events_default PARTITION OF boards.events DEFAULT;

CREATE INDEX ON boards.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA boards TO PUBLIC;

GRANT SELECT ON boards.activity TO PUBLIC;

CREATE SCHEMA sprints;

COMMENT ON SCHEMA sprints IS 'The sprints module.';

CREATE TYPE sprints.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE sprints.document_number START WITH 5000 INCREMENT BY 2;

CREATE TABLE sprints.sprints_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  price public.money_amount,
  tags text[] NOT NULL DEFAULT '{}',
  rating public.rating,
  code varchar(32) NOT NULL,
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON sprints.sprints_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE sprints.sprints_a IS 'Table 1 of the sprints module.';

COMMENT ON COLUMN sprints.sprints_a.quantity IS 'Documented column.';

CREATE TABLE sprints.sprints_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  name text NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES sprints.sprints_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON sprints.sprints_b (parent_id);

CREATE INDEX ON sprints.sprints_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE sprints.sprints_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  score double precision,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rating public.rating,
  ip inet,
  parent_id bigint REFERENCES sprints.sprints_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON sprints.sprints_c (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE sprints.sprints_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  code varchar(32) NOT NULL,
  name text NOT NULL,
  starts_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON sprints.sprints_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE sprints.sprints_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status sprints.status NOT NULL DEFAULT 'draft',
  email public.email,
  score double precision,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES sprints.sprints_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON sprints.sprints_e (parent_id);

CREATE INDEX ON sprints.sprints_e (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF status, email ON sprints.sprints_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE sprints.sprints_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON sprints.sprints_e USING (tenant_id = public.current_tenant());

CREATE TABLE sprints.sprints_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  starts_on date,
  rating public.rating,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE sprints.sprints_f IS 'Table 6 of the sprints module.';

CREATE TABLE sprints.sprints_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  weight_kg numeric(10,3),
  duration interval,
  priority smallint NOT NULL DEFAULT 0,
  status sprints.status NOT NULL DEFAULT 'draft',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON sprints.sprints_g (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON sprints.sprints_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE sprints.sprints_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  price public.money_amount,
  notes text COLLATE "C",
  rating public.rating,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN sprints.sprints_h.amount IS 'Documented column.';

CREATE TABLE sprints.sprints_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  status sprints.status NOT NULL DEFAULT 'draft',
  title varchar(200) NOT NULL,
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON sprints.sprints_i (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE sprints.sprints_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  tags text[] NOT NULL DEFAULT '{}',
  ends_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES sprints.sprints_g (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON sprints.sprints_j (parent_id);

CREATE INDEX ON sprints.sprints_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE sprints.sprints_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  description text,
  is_active boolean NOT NULL DEFAULT true,
  duration interval,
  parent_id bigint REFERENCES sprints.sprints_h (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON sprints.sprints_k (parent_id);

CREATE INDEX ON sprints.sprints_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE sprints.sprints_k IS 'Table 11 of the sprints module.';

CREATE TABLE sprints.sprints_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE sprints.sprints_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  price public.money_amount,
  code varchar(32) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  status sprints.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES sprints.sprints_g (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON sprints.sprints_m (parent_id);

CREATE INDEX ON sprints.sprints_m (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON sprints.sprints_m USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF country, metadata ON sprints.sprints_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE sprints.sprints_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  rating public.rating,
  score double precision,
  parent_id bigint REFERENCES sprints.sprints_i (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON sprints.sprints_n (parent_id);

CREATE INDEX ON sprints.sprints_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE sprints.sprints_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON sprints.sprints_n USING (tenant_id = public.current_tenant());

CREATE TABLE sprints.sprints_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  name text NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip inet,
  parent_id bigint REFERENCES sprints.sprints_j (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON sprints.sprints_o (parent_id);

CREATE INDEX ON sprints.sprints_o USING gin (metadata jsonb_path_ops);

CREATE INDEX ON sprints.sprints_o (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON sprints.sprints_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN sprints.sprints_o.title IS 'Documented column.';

CREATE VIEW sprints.sprints_b_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM sprints.sprints_b c JOIN sprints.sprints_a p ON p.id = c.parent_id;

CREATE VIEW sprints.sprints_c_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.score, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM sprints.sprints_c c JOIN sprints.sprints_a p ON p.id = c.parent_id;

CREATE VIEW sprints.sprints_e_with_parent AS
SELECT c.id, c.tenant_id, c.status, c.email, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM sprints.sprints_e c JOIN sprints.sprints_c p ON p.id = c.parent_id;

CREATE VIEW sprints.sprints_j_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM sprints.sprints_j c JOIN sprints.sprints_g p ON p.id = c.parent_id;

CREATE VIEW sprints.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM sprints.sprints_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW sprints.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM sprints.sprints_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON sprints.daily_counts (tenant_id, day);

CREATE FUNCTION sprints.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM sprints.sprints_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION sprints.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'SPRINTS-' || nextval('sprints.document_number')::text $$;

CREATE PROCEDURE sprints.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sprints.sprints_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA sprints TO PUBLIC;

GRANT SELECT ON sprints.activity TO PUBLIC;

CREATE SCHEMA docs;

COMMENT ON SCHEMA docs IS 'The docs module.';

CREATE TYPE docs.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE docs.document_number START WITH 6000 INCREMENT BY 3;

CREATE TABLE docs.docs_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  ip inet,
  external_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, name ON docs.docs_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE docs.docs_a IS 'Table 1 of the docs module.';

COMMENT ON COLUMN docs.docs_a.title IS 'Documented column.';

CREATE TABLE docs.docs_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  rating public.rating,
  duration interval,
  email public.email,
  notes text COLLATE "C",
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE docs.docs_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  duration interval,
  is_active boolean NOT NULL DEFAULT true,
  rating public.rating,
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE docs.docs_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  title varchar(200) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  ip inet,
  parent_id bigint REFERENCES docs.docs_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF description, title ON docs.docs_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE docs.docs_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  notes text COLLATE "C",
  country char(2),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  score double precision,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES docs.docs_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE docs.docs_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON docs.docs_e USING (tenant_id = public.current_tenant());

CREATE TABLE docs.docs_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  duration interval,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_f USING gin (metadata jsonb_path_ops);

CREATE INDEX ON docs.docs_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE docs.docs_f IS 'Table 6 of the docs module.';

CREATE TABLE docs.docs_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  code varchar(32) NOT NULL,
  ends_on date,
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE docs.docs_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  email public.email,
  starts_on date,
  parent_id bigint REFERENCES docs.docs_d (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN docs.docs_h.notes IS 'Documented column.';

CREATE TABLE docs.docs_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status docs.status NOT NULL DEFAULT 'draft',
  weight_kg numeric(10,3),
  ends_on date,
  starts_on date,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES docs.docs_g (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_i (parent_id);

CREATE INDEX ON docs.docs_i (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE docs.docs_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  score double precision,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES docs.docs_g (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_j (parent_id);

CREATE INDEX ON docs.docs_j USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE docs.docs_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  ends_on date,
  email public.email,
  parent_id bigint REFERENCES docs.docs_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_k (parent_id);

CREATE INDEX ON docs.docs_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF description, tags ON docs.docs_k FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE docs.docs_k IS 'Table 11 of the docs module.';

CREATE TABLE docs.docs_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  country char(2),
  price public.money_amount,
  version integer NOT NULL DEFAULT 1,
  rating public.rating,
  ip inet,
  score double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, country ON docs.docs_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE docs.docs_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  country char(2),
  name text NOT NULL,
  external_id uuid,
  duration interval,
  parent_id bigint REFERENCES docs.docs_l (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_m (parent_id);

CREATE INDEX ON docs.docs_m (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE docs.docs_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  duration interval,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_n USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE docs.docs_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON docs.docs_n USING (tenant_id = public.current_tenant());

CREATE TABLE docs.docs_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  starts_on date,
  score double precision,
  duration interval,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON docs.docs_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON docs.docs_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN docs.docs_o.tags IS 'Documented column.';

CREATE VIEW docs.docs_d_with_parent AS
SELECT c.id, c.tenant_id, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM docs.docs_d c JOIN docs.docs_a p ON p.id = c.parent_id;

CREATE VIEW docs.docs_e_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.country, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM docs.docs_e c JOIN docs.docs_a p ON p.id = c.parent_id;

CREATE VIEW docs.docs_h_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.email, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM docs.docs_h c JOIN docs.docs_d p ON p.id = c.parent_id;

CREATE VIEW docs.docs_i_with_parent AS
SELECT c.id, c.tenant_id, c.status, c.weight_kg, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM docs.docs_i c JOIN docs.docs_g p ON p.id = c.parent_id;

CREATE VIEW docs.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM docs.docs_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW docs.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM docs.docs_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON docs.daily_counts (tenant_id, day);

CREATE FUNCTION docs.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM docs.docs_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION docs.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'DOCS-' || nextval('docs.document_number')::text $$;

CREATE PROCEDURE docs.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM docs.docs_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA docs TO PUBLIC;

GRANT SELECT ON docs.activity TO PUBLIC;

CREATE SCHEMA wiki;

COMMENT ON SCHEMA wiki IS 'The wiki module.';

CREATE TYPE wiki.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE wiki.document_number START WITH 7000 INCREMENT BY 1;

CREATE TABLE wiki.wiki_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  code varchar(32) NOT NULL,
  country char(2),
  description text,
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON wiki.wiki_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, code ON wiki.wiki_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE wiki.wiki_a IS 'Table 1 of the wiki module.';

COMMENT ON COLUMN wiki.wiki_a.email IS 'Documented column.';

CREATE TABLE wiki.wiki_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  starts_on date,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES wiki.wiki_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_b (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE wiki.wiki_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  status wiki.status NOT NULL DEFAULT 'draft',
  starts_on date,
  ip inet,
  parent_id bigint REFERENCES wiki.wiki_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_c (parent_id);

CREATE INDEX ON wiki.wiki_c (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON wiki.wiki_c USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE wiki.wiki_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  price public.money_amount,
  ends_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES wiki.wiki_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_d (parent_id);

CREATE INDEX ON wiki.wiki_d USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE wiki.wiki_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES wiki.wiki_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE wiki.wiki_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON wiki.wiki_e USING (tenant_id = public.current_tenant());

CREATE TABLE wiki.wiki_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  name text NOT NULL,
  ends_on date,
  email public.email,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES wiki.wiki_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON wiki.wiki_f (parent_id);

CREATE INDEX ON wiki.wiki_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE wiki.wiki_f IS 'Table 6 of the wiki module.';

CREATE TABLE wiki.wiki_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  description text,
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  rating public.rating,
  price public.money_amount,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF starts_on, description ON wiki.wiki_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE wiki.wiki_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  notes text COLLATE "C",
  score double precision,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  external_id uuid,
  parent_id bigint REFERENCES wiki.wiki_g (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, notes ON wiki.wiki_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN wiki.wiki_h.title IS 'Documented column.';

CREATE TABLE wiki.wiki_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  description text,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES wiki.wiki_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE wiki.wiki_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  name text NOT NULL,
  parent_id bigint REFERENCES wiki.wiki_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_j (parent_id);

CREATE INDEX ON wiki.wiki_j (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE wiki.wiki_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  external_id uuid,
  notes text COLLATE "C",
  starts_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  priority smallint NOT NULL DEFAULT 0,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES wiki.wiki_f (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_k (parent_id);

CREATE INDEX ON wiki.wiki_k USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE wiki.wiki_k IS 'Table 11 of the wiki module.';

CREATE TABLE wiki.wiki_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  ip inet,
  status wiki.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES wiki.wiki_j (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_l (parent_id);

CREATE INDEX ON wiki.wiki_l (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON wiki.wiki_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE wiki.wiki_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  status wiki.status NOT NULL DEFAULT 'draft',
  rating public.rating,
  weight_kg numeric(10,3),
  price public.money_amount,
  parent_id bigint REFERENCES wiki.wiki_e (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON wiki.wiki_m (parent_id);

CREATE INDEX ON wiki.wiki_m (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE wiki.wiki_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  email public.email,
  status wiki.status NOT NULL DEFAULT 'draft',
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES wiki.wiki_f (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON wiki.wiki_n (parent_id);

CREATE INDEX ON wiki.wiki_n (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE wiki.wiki_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON wiki.wiki_n USING (tenant_id = public.current_tenant());

CREATE TABLE wiki.wiki_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  starts_on date,
  score double precision,
  duration interval,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON wiki.wiki_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN wiki.wiki_o.code IS 'Documented column.';

CREATE VIEW wiki.wiki_b_with_parent AS
SELECT c.id, c.tenant_id, c.quantity, c.starts_on, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM wiki.wiki_b c JOIN wiki.wiki_a p ON p.id = c.parent_id;

CREATE VIEW wiki.wiki_c_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.status, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM wiki.wiki_c c JOIN wiki.wiki_a p ON p.id = c.parent_id;

CREATE VIEW wiki.wiki_d_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.price, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM wiki.wiki_d c JOIN wiki.wiki_b p ON p.id = c.parent_id;

CREATE VIEW wiki.wiki_e_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.starts_on, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM wiki.wiki_e c JOIN wiki.wiki_a p ON p.id = c.parent_id;

CREATE VIEW wiki.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM wiki.wiki_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW wiki.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM wiki.wiki_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON wiki.daily_counts (tenant_id, day);

CREATE FUNCTION wiki.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM wiki.wiki_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION wiki.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'WIKI-' || nextval('wiki.document_number')::text $$;

CREATE PROCEDURE wiki.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM wiki.wiki_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE wiki.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE wiki.events_2024_q1 PARTITION OF wiki.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE wiki.events_2024_q2 PARTITION OF wiki.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE wiki.events_2024_q3 PARTITION OF wiki.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE wiki.events_2024_q4 PARTITION OF wiki.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE wiki.events_default PARTITION OF wiki.events DEFAULT;

CREATE INDEX ON wiki.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA wiki TO PUBLIC;

GRANT SELECT ON wiki.activity TO PUBLIC;

CREATE SCHEMA chat;

COMMENT ON SCHEMA chat IS 'The chat module.';

CREATE TYPE chat.status AS ENUM ('draft', 'active');

CREATE SEQUENCE chat.document_number START WITH 8000 INCREMENT BY 2;

CREATE TABLE chat.chat_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  tags text[] NOT NULL DEFAULT '{}',
  duration interval,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON chat.chat_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE chat.chat_a IS 'Table 1 of the chat module.';

COMMENT ON COLUMN chat.chat_a.country IS 'Documented column.';

CREATE TABLE chat.chat_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  ip inet,
  country char(2),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE chat.chat_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  price public.money_amount,
  priority smallint NOT NULL DEFAULT 0,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE chat.chat_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  ends_on date,
  priority smallint NOT NULL DEFAULT 0,
  ip inet,
  parent_id bigint REFERENCES chat.chat_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON chat.chat_d (parent_id);

CREATE INDEX ON chat.chat_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON chat.chat_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE chat.chat_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  rating public.rating,
  status chat.status NOT NULL DEFAULT 'draft',
  title varchar(200) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  country char(2),
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES chat.chat_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON chat.chat_e (parent_id);

CREATE INDEX ON chat.chat_e (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF notes, rating ON chat.chat_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE chat.chat_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON chat.chat_e USING (tenant_id = public.current_tenant());

CREATE TABLE chat.chat_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  external_id uuid,
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  weight_kg numeric(10,3),
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, external_id ON chat.chat_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE chat.chat_f IS 'Table 6 of the chat module.';

CREATE TABLE chat.chat_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  status chat.status NOT NULL DEFAULT 'draft',
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES chat.chat_e (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON chat.chat_g (parent_id);

CREATE INDEX ON chat.chat_g (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE chat.chat_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  version integer NOT NULL DEFAULT 1,
  ends_on date,
  code varchar(32) NOT NULL,
  description text,
  price public.money_amount,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES chat.chat_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON chat.chat_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF external_id, ends_on ON chat.chat_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN chat.chat_h.external_id IS 'Documented column.';

CREATE TABLE chat.chat_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  name text NOT NULL,
  score double precision,
  status chat.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON chat.chat_i (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON chat.chat_i (lower(name));

CREATE INDEX ON chat.chat_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE chat.chat_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  score double precision,
  name text NOT NULL,
  weight_kg numeric(10,3),
  country char(2),
  starts_on date,
  parent_id bigint REFERENCES chat.chat_f (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON chat.chat_j (parent_id);

CREATE INDEX ON chat.chat_j (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE chat.chat_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES chat.chat_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON chat.chat_k (parent_id);

CREATE INDEX ON chat.chat_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE chat.chat_k IS 'Table 11 of the chat module.';

CREATE TABLE chat.chat_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status chat.status NOT NULL DEFAULT 'draft',
  duration interval,
  external_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON chat.chat_l (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE chat.chat_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  version integer NOT NULL DEFAULT 1,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  priority smallint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF quantity, amount ON chat.chat_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE chat.chat_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  weight_kg numeric(10,3),
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES chat.chat_l (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON chat.chat_n (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE chat.chat_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON chat.chat_n USING (tenant_id = public.current_tenant());

CREATE TABLE chat.chat_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  code varchar(32) NOT NULL,
  starts_on date,
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON chat.chat_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN chat.chat_o.description IS 'Documented column.';

CREATE VIEW chat.chat_d_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.tags, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM chat.chat_d c JOIN chat.chat_c p ON p.id = c.parent_id;

CREATE VIEW chat.chat_e_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.rating, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM chat.chat_e c JOIN chat.chat_a p ON p.id = c.parent_id;

CREATE VIEW chat.chat_g_with_parent AS
SELECT c.id, c.tenant_id, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM chat.chat_g c JOIN chat.chat_e p ON p.id = c.parent_id;

CREATE VIEW chat.chat_h_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.version, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM chat.chat_h c JOIN chat.chat_b p ON p.id = c.parent_id;

CREATE VIEW chat.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM chat.chat_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW chat.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM chat.chat_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON chat.daily_counts (tenant_id, day);

CREATE FUNCTION chat.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM chat.chat_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION chat.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'CHAT-' || nextval('chat.document_number')::text $$;

CREATE PROCEDURE chat.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM chat.chat_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA chat TO PUBLIC;

GRANT SELECT ON chat.activity TO PUBLIC;

CREATE SCHEMA calendar;

COMMENT ON SCHEMA calendar IS 'The calendar module.';

CREATE TYPE calendar.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE calendar.document_number START WITH 9000 INCREMENT BY 3;

CREATE TABLE calendar.calendar_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status calendar.status NOT NULL DEFAULT 'draft',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  score double precision,
  priority smallint NOT NULL DEFAULT 0,
  duration interval,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_a (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE calendar.calendar_a IS 'Table 1 of the calendar module.';

COMMENT ON COLUMN calendar.calendar_a.status IS 'Documented column.';

CREATE TABLE calendar.calendar_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  email public.email,
  country char(2),
  weight_kg numeric(10,3),
  duration interval,
  name text NOT NULL,
  parent_id bigint REFERENCES calendar.calendar_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_b (parent_id);

CREATE INDEX ON calendar.calendar_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE calendar.calendar_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  code varchar(32) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  score double precision,
  rating public.rating,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON calendar.calendar_c USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE calendar.calendar_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  external_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  ip inet,
  starts_on date,
  name text NOT NULL,
  country char(2),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_d (lower(name));

CREATE INDEX ON calendar.calendar_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE calendar.calendar_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  description text,
  is_active boolean NOT NULL DEFAULT true,
  country char(2),
  priority smallint NOT NULL DEFAULT 0,
  status calendar.status NOT NULL DEFAULT 'draft',
  score double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_e (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE calendar.calendar_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON calendar.calendar_e USING (tenant_id = public.current_tenant());

CREATE TABLE calendar.calendar_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  duration interval,
  title varchar(200) NOT NULL,
  price public.money_amount,
  email public.email,
  parent_id bigint REFERENCES calendar.calendar_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE calendar.calendar_f IS 'Table 6 of the calendar module.';

CREATE TABLE calendar.calendar_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  weight_kg numeric(10,3),
  title varchar(200) NOT NULL,
  email public.email,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF rating, weight_kg ON calendar.calendar_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE calendar.calendar_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  ends_on date,
  notes text COLLATE "C",
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  status calendar.status NOT NULL DEFAULT 'draft',
  code varchar(32) NOT NULL,
  score double precision,
  parent_id bigint REFERENCES calendar.calendar_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON calendar.calendar_h (parent_id);

CREATE INDEX ON calendar.calendar_h (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON calendar.calendar_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN calendar.calendar_h.external_id IS 'Documented column.';

CREATE TABLE calendar.calendar_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  description text,
  weight_kg numeric(10,3),
  code varchar(32) NOT NULL,
  external_id uuid,
  score double precision,
  parent_id bigint REFERENCES calendar.calendar_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON calendar.calendar_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE calendar.calendar_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  title varchar(200) NOT NULL,
  external_id uuid,
  ip inet,
  parent_id bigint REFERENCES calendar.calendar_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_j (parent_id);

CREATE INDEX ON calendar.calendar_j (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, name ON calendar.calendar_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE calendar.calendar_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  starts_on date,
  status calendar.status NOT NULL DEFAULT 'draft',
  country char(2),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES calendar.calendar_g (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_k (parent_id);

CREATE INDEX ON calendar.calendar_k (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON calendar.calendar_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE calendar.calendar_k IS 'Table 11 of the calendar module.';

CREATE TABLE calendar.calendar_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  starts_on date,
  priority smallint NOT NULL DEFAULT 0,
  title varchar(200) NOT NULL,
  country char(2),
  parent_id bigint REFERENCES calendar.calendar_h (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE calendar.calendar_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  price public.money_amount,
  email public.email,
  duration interval,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_m USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE calendar.calendar_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  ends_on date,
  description text,
  parent_id bigint REFERENCES calendar.calendar_h (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON calendar.calendar_n (parent_id);

CREATE INDEX ON calendar.calendar_n USING gin (metadata jsonb_path_ops);

CREATE INDEX ON calendar.calendar_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE calendar.calendar_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON calendar.calendar_n USING (tenant_id = public.current_tenant());

CREATE TABLE calendar.calendar_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  title varchar(200) NOT NULL,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON calendar.calendar_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN calendar.calendar_o.score IS 'Documented column.';

CREATE VIEW calendar.calendar_b_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.country, c.weight_kg, p.id AS parent_ref, p.created_at AS parent_created_at
FROM calendar.calendar_b c JOIN calendar.calendar_a p ON p.id = c.parent_id;

CREATE VIEW calendar.calendar_f_with_parent AS
SELECT c.id, c.tenant_id, c.title, c.price, p.id AS parent_ref, p.created_at AS parent_created_at
FROM calendar.calendar_f c JOIN calendar.calendar_b p ON p.id = c.parent_id;

CREATE VIEW calendar.calendar_h_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.ends_on, c.notes, p.id AS parent_ref, p.created_at AS parent_created_at
FROM calendar.calendar_h c JOIN calendar.calendar_b p ON p.id = c.parent_id;

CREATE VIEW calendar.calendar_i_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.code, c.external_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM calendar.calendar_i c JOIN calendar.calendar_b p ON p.id = c.parent_id;

CREATE VIEW calendar.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM calendar.calendar_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW calendar.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM calendar.calendar_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON calendar.daily_counts (tenant_id, day);

CREATE FUNCTION calendar.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM calendar.calendar_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION calendar.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'CALENDAR-' || nextval('calendar.document_number')::text $$;

CREATE PROCEDURE calendar.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM calendar.calendar_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA calendar TO PUBLIC;

GRANT SELECT ON calendar.activity TO PUBLIC;

CREATE SCHEMA files;

COMMENT ON SCHEMA files IS 'The files module.';

CREATE TYPE files.status AS ENUM ('draft', 'active');

CREATE SEQUENCE files.document_number START WITH 10000 INCREMENT BY 1;

CREATE TABLE files.files_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  version integer NOT NULL DEFAULT 1,
  weight_kg numeric(10,3),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF rating, weight_kg ON files.files_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE files.files_a IS 'Table 1 of the files module.';

COMMENT ON COLUMN files.files_a.rating IS 'Documented column.';

CREATE TABLE files.files_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  parent_id bigint REFERENCES files.files_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON files.files_b (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE files.files_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  ends_on date,
  price public.money_amount,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES files.files_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON files.files_c (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE files.files_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  country char(2),
  ip inet,
  status files.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES files.files_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON files.files_d (parent_id);

CREATE INDEX ON files.files_d (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON files.files_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE files.files_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  rating public.rating,
  status files.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES files.files_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON files.files_e (parent_id);

CREATE INDEX ON files.files_e (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON files.files_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE files.files_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON files.files_e USING (tenant_id = public.current_tenant());

CREATE TABLE files.files_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  duration interval,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  weight_kg numeric(10,3),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON files.files_f USING gin (metadata jsonb_path_ops);

CREATE INDEX ON files.files_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON files.files_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE files.files_f IS 'Table 6 of the files module.';

CREATE TABLE files.files_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  duration interval,
  status files.status NOT NULL DEFAULT 'draft',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON files.files_g (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON files.files_g USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE files.files_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  ip inet,
  ends_on date,
  duration interval,
  rating public.rating,
  parent_id bigint REFERENCES files.files_f (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON files.files_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN files.files_h.description IS 'Documented column.';

CREATE TABLE files.files_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  title varchar(200) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, title ON files.files_i FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE files.files_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  title varchar(200) NOT NULL,
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE files.files_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  rating public.rating,
  notes text COLLATE "C",
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE files.files_k IS 'Table 11 of the files module.';

CREATE TABLE files.files_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  is_active boolean NOT NULL DEFAULT true,
  email public.email,
  price public.money_amount,
  parent_id bigint REFERENCES files.files_e (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON files.files_l (parent_id);

CREATE INDEX ON files.files_l USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON files.files_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE files.files_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  notes text COLLATE "C",
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  status files.status NOT NULL DEFAULT 'draft',
  score double precision,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON files.files_m (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON files.files_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE files.files_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  name text NOT NULL,
  score double precision,
  parent_id bigint REFERENCES files.files_i (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON files.files_n (parent_id);

CREATE INDEX ON files.files_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON files.files_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE files.files_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON files.files_n USING (tenant_id = public.current_tenant());

CREATE TABLE files.files_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  status files.status NOT NULL DEFAULT 'draft',
  title varchar(200) NOT NULL,
  ends_on date,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES files.files_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON files.files_o (parent_id);

CREATE INDEX ON files.files_o (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON files.files_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN files.files_o.is_active IS 'Documented column.';

CREATE VIEW files.files_b_with_parent AS
SELECT c.id, c.tenant_id, c.is_active, c.score, p.id AS parent_ref, p.created_at AS parent_created_at
FROM files.files_b c JOIN files.files_a p ON p.id = c.parent_id;

CREATE VIEW files.files_c_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.price, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM files.files_c c JOIN files.files_b p ON p.id = c.parent_id;

CREATE VIEW files.files_d_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.amount, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM files.files_d c JOIN files.files_a p ON p.id = c.parent_id;

CREATE VIEW files.files_e_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.rating, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM files.files_e c JOIN files.files_c p ON p.id = c.parent_id;

CREATE VIEW files.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM files.files_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW files.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM files.files_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON files.daily_counts (tenant_id, day);

CREATE FUNCTION files.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM files.files_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION files.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'FILES-' || nextval('files.document_number')::text $$;

CREATE PROCEDURE files.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM files.files_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE files.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE files.events_2024_q1 PARTITION OF files.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE files.events_2024_q2 PARTITION OF files.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE files.events_2024_q3 PARTITION OF files.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE files.events_2024_q4 PARTITION OF files.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE files.events_default PARTITION OF files.events DEFAULT;

CREATE INDEX ON files.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA files TO PUBLIC;

GRANT SELECT ON files.activity TO PUBLIC;

CREATE SCHEMA billing;

COMMENT ON SCHEMA billing IS 'The billing module.';

CREATE TYPE billing.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE billing.document_number START WITH 11000 INCREMENT BY 2;

CREATE TABLE billing.billing_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  description text,
  name text NOT NULL,
  email public.email,
  score double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE billing.billing_a IS 'Table 1 of the billing module.';

COMMENT ON COLUMN billing.billing_a.ip IS 'Documented column.';

CREATE TABLE billing.billing_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  status billing.status NOT NULL DEFAULT 'draft',
  name text NOT NULL,
  ip inet,
  rating public.rating,
  parent_id bigint REFERENCES billing.billing_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_b (parent_id);

CREATE INDEX ON billing.billing_b (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON billing.billing_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE billing.billing_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  tags text[] NOT NULL DEFAULT '{}',
  starts_on date,
  parent_id bigint REFERENCES billing.billing_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_c (parent_id);

CREATE INDEX ON billing.billing_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE billing.billing_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  priority smallint NOT NULL DEFAULT 0,
  country char(2),
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE billing.billing_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  name text NOT NULL,
  rating public.rating,
  starts_on date,
  status billing.status NOT NULL DEFAULT 'draft',
  CHECK (ends_on >= starts_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_e (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON billing.billing_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE billing.billing_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON billing.billing_e USING (tenant_id = public.current_tenant());

CREATE TABLE billing.billing_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  weight_kg numeric(10,3),
  starts_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  name text NOT NULL,
  parent_id bigint REFERENCES billing.billing_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_f (parent_id);

CREATE INDEX ON billing.billing_f USING gin (metadata jsonb_path_ops);

CREATE INDEX ON billing.billing_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE billing.billing_f IS 'Table 6 of the billing module.';

CREATE TABLE billing.billing_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  external_id uuid,
  status billing.status NOT NULL DEFAULT 'draft',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_g (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE billing.billing_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES billing.billing_g (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN billing.billing_h.notes IS 'Documented column.';

CREATE TABLE billing.billing_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  country char(2),
  status billing.status NOT NULL DEFAULT 'draft',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_i (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE billing.billing_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  score double precision,
  starts_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  email public.email,
  title varchar(200) NOT NULL,
  status billing.status NOT NULL DEFAULT 'draft',
  description text,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_j (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE billing.billing_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  title varchar(200) NOT NULL,
  email public.email,
  notes text COLLATE "C",
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES billing.billing_g (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_k (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE billing.billing_k IS 'Table 11 of the billing module.';

CREATE TABLE billing.billing_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  rating public.rating,
  duration interval,
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF amount, quantity ON billing.billing_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE billing.billing_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  external_id uuid,
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES billing.billing_e (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_m (parent_id);

CREATE INDEX ON billing.billing_m USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE billing.billing_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  starts_on date,
  tags text[] NOT NULL DEFAULT '{}',
  external_id uuid,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES billing.billing_h (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_n (parent_id);

CREATE INDEX ON billing.billing_n (lower(name));

CREATE INDEX ON billing.billing_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE billing.billing_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON billing.billing_n USING (tenant_id = public.current_tenant());

CREATE TABLE billing.billing_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  title varchar(200) NOT NULL,
  score double precision,
  status billing.status NOT NULL DEFAULT 'draft',
  duration interval,
  notes text COLLATE "C",
  name text NOT NULL,
  parent_id bigint REFERENCES billing.billing_l (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON billing.billing_o (parent_id);

CREATE INDEX ON billing.billing_o (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON billing.billing_o (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON billing.billing_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN billing.billing_o.weight_kg IS 'Documented column.';

CREATE VIEW billing.billing_b_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.status, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM billing.billing_b c JOIN billing.billing_a p ON p.id = c.parent_id;

CREATE VIEW billing.billing_c_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.tags, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM billing.billing_c c JOIN billing.billing_a p ON p.id = c.parent_id;

CREATE VIEW billing.billing_f_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.amount, c.weight_kg, p.id AS parent_ref, p.created_at AS parent_created_at
FROM billing.billing_f c JOIN billing.billing_a p ON p.id = c.parent_id;

CREATE VIEW billing.billing_h_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.rating, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM billing.billing_h c JOIN billing.billing_g p ON p.id = c.parent_id;

CREATE VIEW billing.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM billing.billing_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW billing.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM billing.billing_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON billing.daily_counts (tenant_id, day);

CREATE FUNCTION billing.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM billing.billing_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION billing.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'BILLING-' || nextval('billing.document_number')::text $$;

CREATE PROCEDURE billing.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM billing.billing_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA billing TO PUBLIC;

GRANT SELECT ON billing.activity TO PUBLIC;

CREATE SCHEMA plans;

COMMENT ON SCHEMA plans IS 'The plans module.';

CREATE TYPE plans.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE plans.document_number START WITH 12000 INCREMENT BY 3;

CREATE TABLE plans.plans_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  email public.email,
  version integer NOT NULL DEFAULT 1,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  name text NOT NULL,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF weight_kg, quantity ON plans.plans_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE plans.plans_a IS 'Table 1 of the plans module.';

COMMENT ON COLUMN plans.plans_a.weight_kg IS 'Documented column.';

CREATE TABLE plans.plans_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  email public.email,
  price public.money_amount,
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  ends_on date,
  starts_on date,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES plans.plans_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON plans.plans_b (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF description, email ON plans.plans_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE plans.plans_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  duration interval,
  status plans.status NOT NULL DEFAULT 'draft',
  starts_on date,
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_c (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE plans.plans_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  title varchar(200) NOT NULL,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  external_id uuid,
  parent_id bigint REFERENCES plans.plans_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_d (parent_id);

CREATE INDEX ON plans.plans_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF notes, is_active ON plans.plans_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE plans.plans_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  tags text[] NOT NULL DEFAULT '{}',
  status plans.status NOT NULL DEFAULT 'draft',
  ends_on date,
  name text NOT NULL,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES plans.plans_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON plans.plans_e (parent_id);

CREATE INDEX ON plans.plans_e (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON plans.plans_e (lower(name));

CREATE INDEX ON plans.plans_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE plans.plans_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON plans.plans_e USING (tenant_id = public.current_tenant());

CREATE TABLE plans.plans_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  weight_kg numeric(10,3),
  starts_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE plans.plans_f IS 'Table 6 of the plans module.';

CREATE TABLE plans.plans_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  starts_on date,
  email public.email,
  parent_id bigint REFERENCES plans.plans_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE plans.plans_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  title varchar(200) NOT NULL,
  name text NOT NULL,
  starts_on date,
  tags text[] NOT NULL DEFAULT '{}',
  price public.money_amount,
  parent_id bigint REFERENCES plans.plans_f (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_h (parent_id);

CREATE INDEX ON plans.plans_h (lower(name));

CREATE INDEX ON plans.plans_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN plans.plans_h.notes IS 'Documented column.';

CREATE TABLE plans.plans_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  starts_on date,
  rating public.rating,
  parent_id bigint REFERENCES plans.plans_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE plans.plans_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  price public.money_amount,
  code varchar(32) NOT NULL,
  ip inet,
  parent_id bigint REFERENCES plans.plans_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON plans.plans_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE plans.plans_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  starts_on date,
  email public.email,
  duration interval,
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_k USING gin (metadata jsonb_path_ops);

CREATE INDEX ON plans.plans_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE plans.plans_k IS 'Table 11 of the plans module.';

CREATE TABLE plans.plans_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  title varchar(200) NOT NULL,
  price public.money_amount,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text COLLATE "C",
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_l USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE plans.plans_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  status plans.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES plans.plans_i (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_m (parent_id);

CREATE INDEX ON plans.plans_m (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON plans.plans_m USING gin (metadata jsonb_path_ops);

CREATE INDEX ON plans.plans_m USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE plans.plans_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  weight_kg numeric(10,3),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_n USING gin (metadata jsonb_path_ops);

CREATE INDEX ON plans.plans_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF metadata, name ON plans.plans_n FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE plans.plans_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON plans.plans_n USING (tenant_id = public.current_tenant());

CREATE TABLE plans.plans_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  starts_on date,
  external_id uuid,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES plans.plans_d (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON plans.plans_o (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON plans.plans_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN plans.plans_o.price IS 'Documented column.';

CREATE VIEW plans.plans_b_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.code, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM plans.plans_b c JOIN plans.plans_a p ON p.id = c.parent_id;

CREATE VIEW plans.plans_d_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.is_active, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM plans.plans_d c JOIN plans.plans_a p ON p.id = c.parent_id;

CREATE VIEW plans.plans_e_with_parent AS
SELECT c.id, c.tenant_id, c.quantity, c.tags, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM plans.plans_e c JOIN plans.plans_b p ON p.id = c.parent_id;

CREATE VIEW plans.plans_g_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM plans.plans_g c JOIN plans.plans_b p ON p.id = c.parent_id;

CREATE VIEW plans.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM plans.plans_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW plans.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM plans.plans_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON plans.daily_counts (tenant_id, day);

CREATE FUNCTION plans.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM plans.plans_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION plans.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'PLANS-' || nextval('plans.document_number')::text $$;

CREATE PROCEDURE plans.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM plans.plans_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA plans TO PUBLIC;

GRANT SELECT ON plans.activity TO PUBLIC;

CREATE SCHEMA usage;

COMMENT ON SCHEMA usage IS 'The usage module.';

CREATE TYPE usage.status AS ENUM ('draft', 'active');

CREATE SEQUENCE usage.document_number START WITH 13000 INCREMENT BY 1;

CREATE TABLE usage.usage_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  tags text[] NOT NULL DEFAULT '{}',
  code varchar(32) NOT NULL,
  duration interval,
  ip inet,
  starts_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON usage.usage_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE usage.usage_a IS 'Table 1 of the usage module.';

COMMENT ON COLUMN usage.usage_a.country IS 'Documented column.';

CREATE TABLE usage.usage_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  score double precision,
  status usage.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES usage.usage_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON usage.usage_b (parent_id);

CREATE INDEX ON usage.usage_b (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE usage.usage_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  description text,
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  duration interval,
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON usage.usage_c USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE usage.usage_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  ip inet,
  rating public.rating,
  parent_id bigint REFERENCES usage.usage_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON usage.usage_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE usage.usage_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  duration interval,
  notes text COLLATE "C",
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES usage.usage_d (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON usage.usage_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE usage.usage_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON usage.usage_e USING (tenant_id = public.current_tenant());

CREATE TABLE usage.usage_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  status usage.status NOT NULL DEFAULT 'draft',
  price public.money_amount,
  priority smallint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  external_id uuid,
  parent_id bigint REFERENCES usage.usage_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON usage.usage_f (parent_id);

CREATE INDEX ON usage.usage_f (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON usage.usage_f USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF description, metadata ON usage.usage_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE usage.usage_f IS 'Table 6 of the usage module.';

CREATE TABLE usage.usage_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE usage.usage_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  code varchar(32) NOT NULL,
  ip inet,
  parent_id bigint REFERENCES usage.usage_g (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON usage.usage_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN usage.usage_h.duration IS 'Documented column.';

CREATE TABLE usage.usage_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  score double precision,
  version integer NOT NULL DEFAULT 1,
  duration interval,
  parent_id bigint REFERENCES usage.usage_d (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON usage.usage_i (parent_id);

CREATE INDEX ON usage.usage_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, score ON usage.usage_i FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE usage.usage_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON usage.usage_j USING gin (metadata jsonb_path_ops);

CREATE INDEX ON usage.usage_j (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE usage.usage_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  status usage.status NOT NULL DEFAULT 'draft',
  ends_on date,
  code varchar(32) NOT NULL,
  email public.email,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON usage.usage_k (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON usage.usage_k USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE usage.usage_k IS 'Table 11 of the usage module.';

CREATE TABLE usage.usage_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  priority smallint NOT NULL DEFAULT 0,
  rating public.rating,
  name text NOT NULL,
  notes text COLLATE "C",
  ip inet,
  parent_id bigint REFERENCES usage.usage_g (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON usage.usage_l (parent_id);

CREATE INDEX ON usage.usage_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE usage.usage_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  name text NOT NULL,
  code varchar(32) NOT NULL,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON usage.usage_m (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE usage.usage_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  title varchar(200) NOT NULL,
  code varchar(32) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  duration interval,
  ip inet,
  notes text COLLATE "C",
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON usage.usage_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE usage.usage_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON usage.usage_n USING (tenant_id = public.current_tenant());

CREATE TABLE usage.usage_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  name text NOT NULL,
  parent_id bigint REFERENCES usage.usage_f (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON usage.usage_o (parent_id);

CREATE INDEX ON usage.usage_o USING gin (metadata jsonb_path_ops);

CREATE INDEX ON usage.usage_o (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON usage.usage_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, metadata ON usage.usage_o FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN usage.usage_o.version IS 'Documented column.';

CREATE VIEW usage.usage_b_with_parent AS
SELECT c.id, c.tenant_id, c.priority, c.score, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM usage.usage_b c JOIN usage.usage_a p ON p.id = c.parent_id;

CREATE VIEW usage.usage_d_with_parent AS
SELECT c.id, c.tenant_id, c.priority, c.ip, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM usage.usage_d c JOIN usage.usage_c p ON p.id = c.parent_id;

CREATE VIEW usage.usage_e_with_parent AS
SELECT c.id, c.tenant_id, c.is_active, c.score, c.duration, p.id AS parent_ref, p.created_at AS parent_created_at
FROM usage.usage_e c JOIN usage.usage_d p ON p.id = c.parent_id;

CREATE VIEW usage.usage_f_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.metadata, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM usage.usage_f c JOIN usage.usage_a p ON p.id = c.parent_id;

CREATE VIEW usage.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM usage.usage_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW usage.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM usage.usage_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON usage.daily_counts (tenant_id, day);

CREATE FUNCTION usage.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM usage.usage_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION usage.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'USAGE-' || nextval('usage.document_number')::text $$;

CREATE PROCEDURE usage.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM usage.usage_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE usage.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE usage.events_2024_q1 PARTITION OF usage.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE usage.events_2024_q2 PARTITION OF usage.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE usage.events_2024_q3 PARTITION OF usage.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE usage.events_2024_q4 PARTITION OF usage.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE usage.events_default PARTITION OF usage.events DEFAULT;

CREATE INDEX ON usage.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA usage TO PUBLIC;

GRANT SELECT ON usage.activity TO PUBLIC;

CREATE SCHEMA webhooks;

COMMENT ON SCHEMA webhooks IS 'The webhooks module.';

CREATE TYPE webhooks.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE webhooks.document_number START WITH 14000 INCREMENT BY 2;

CREATE TABLE webhooks.webhooks_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  status webhooks.status NOT NULL DEFAULT 'draft',
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_a (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON webhooks.webhooks_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF tags, is_active ON webhooks.webhooks_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE webhooks.webhooks_a IS 'Table 1 of the webhooks module.';

COMMENT ON COLUMN webhooks.webhooks_a.tags IS 'Documented column.';

CREATE TABLE webhooks.webhooks_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  price public.money_amount,
  name text NOT NULL,
  rating public.rating,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE webhooks.webhooks_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  status webhooks.status NOT NULL DEFAULT 'draft',
  external_id uuid,
  description text,
  parent_id bigint REFERENCES webhooks.webhooks_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_c (parent_id);

CREATE INDEX ON webhooks.webhooks_c (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE webhooks.webhooks_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  duration interval,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES webhooks.webhooks_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF quantity, duration ON webhooks.webhooks_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE webhooks.webhooks_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  price public.money_amount,
  starts_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE webhooks.webhooks_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON webhooks.webhooks_e USING (tenant_id = public.current_tenant());

CREATE TABLE webhooks.webhooks_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  name text NOT NULL,
  description text,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  duration interval,
  parent_id bigint REFERENCES webhooks.webhooks_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON webhooks.webhooks_f (parent_id);

CREATE INDEX ON webhooks.webhooks_f USING gin (metadata jsonb_path_ops);

CREATE INDEX ON webhooks.webhooks_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF price, name ON webhooks.webhooks_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE webhooks.webhooks_f IS 'Table 6 of the webhooks module.';

CREATE TABLE webhooks.webhooks_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  country char(2),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF notes, code ON webhooks.webhooks_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE webhooks.webhooks_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  weight_kg numeric(10,3),
  external_id uuid,
  ip inet,
  rating public.rating,
  name text NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES webhooks.webhooks_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_h (parent_id);

CREATE INDEX ON webhooks.webhooks_h (lower(name));

CREATE INDEX ON webhooks.webhooks_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN webhooks.webhooks_h.email IS 'Documented column.';

CREATE TABLE webhooks.webhooks_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ends_on date,
  description text,
  parent_id bigint REFERENCES webhooks.webhooks_h (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_i (parent_id);

CREATE INDEX ON webhooks.webhooks_i USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE webhooks.webhooks_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  ends_on date,
  rating public.rating,
  duration interval,
  parent_id bigint REFERENCES webhooks.webhooks_g (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE webhooks.webhooks_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  name text NOT NULL,
  parent_id bigint REFERENCES webhooks.webhooks_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_k (parent_id);

CREATE INDEX ON webhooks.webhooks_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE webhooks.webhooks_k IS 'Table 11 of the webhooks module.';

CREATE TABLE webhooks.webhooks_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  duration interval,
  description text,
  name text NOT NULL,
  ip inet,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES webhooks.webhooks_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_l (parent_id);

CREATE INDEX ON webhooks.webhooks_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE webhooks.webhooks_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  duration interval,
  score double precision,
  parent_id bigint REFERENCES webhooks.webhooks_g (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF duration, score ON webhooks.webhooks_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE webhooks.webhooks_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  score double precision,
  is_active boolean NOT NULL DEFAULT true,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON webhooks.webhooks_n USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE webhooks.webhooks_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON webhooks.webhooks_n USING (tenant_id = public.current_tenant());

CREATE TABLE webhooks.webhooks_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  code varchar(32) NOT NULL,
  starts_on date,
  parent_id bigint REFERENCES webhooks.webhooks_m (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON webhooks.webhooks_o (parent_id);

CREATE INDEX ON webhooks.webhooks_o (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON webhooks.webhooks_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN webhooks.webhooks_o.name IS 'Documented column.';

CREATE VIEW webhooks.webhooks_c_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.external_id, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM webhooks.webhooks_c c JOIN webhooks.webhooks_a p ON p.id = c.parent_id;

CREATE VIEW webhooks.webhooks_d_with_parent AS
SELECT c.id, c.tenant_id, c.quantity, c.version, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM webhooks.webhooks_d c JOIN webhooks.webhooks_b p ON p.id = c.parent_id;

CREATE VIEW webhooks.webhooks_f_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.metadata, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM webhooks.webhooks_f c JOIN webhooks.webhooks_b p ON p.id = c.parent_id;

CREATE VIEW webhooks.webhooks_h_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.weight_kg, c.external_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM webhooks.webhooks_h c JOIN webhooks.webhooks_f p ON p.id = c.parent_id;

CREATE VIEW webhooks.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM webhooks.webhooks_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW webhooks.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM webhooks.webhooks_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON webhooks.daily_counts (tenant_id, day);

CREATE FUNCTION webhooks.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM webhooks.webhooks_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION webhooks.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'WEBHOOKS-' || nextval('webhooks.document_number')::text $$;

CREATE PROCEDURE webhooks.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM webhooks.webhooks_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA webhooks TO PUBLIC;

GRANT SELECT ON webhooks.activity TO PUBLIC;

CREATE SCHEMA integrations;

COMMENT ON SCHEMA integrations IS 'The integrations module.';

CREATE TYPE integrations.status AS ENUM ('draft', 'active');

CREATE SEQUENCE integrations.document_number START WITH 15000 INCREMENT BY 3;

CREATE TABLE integrations.integrations_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  duration interval,
  email public.email,
  weight_kg numeric(10,3),
  priority smallint NOT NULL DEFAULT 0,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF amount, duration ON integrations.integrations_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE integrations.integrations_a IS 'Table 1 of the integrations module.';

COMMENT ON COLUMN integrations.integrations_a.version IS 'Documented column.';

CREATE TABLE integrations.integrations_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  parent_id bigint REFERENCES integrations.integrations_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON integrations.integrations_b (parent_id);

CREATE INDEX ON integrations.integrations_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE integrations.integrations_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  score double precision,
  email public.email,
  name text NOT NULL,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES integrations.integrations_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON integrations.integrations_c (parent_id);

CREATE INDEX ON integrations.integrations_c (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE integrations.integrations_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  starts_on date,
  status integrations.status NOT NULL DEFAULT 'draft',
  email public.email,
  code varchar(32) NOT NULL,
  title varchar(200) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON integrations.integrations_d (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON integrations.integrations_d USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE integrations.integrations_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  weight_kg numeric(10,3),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES integrations.integrations_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON integrations.integrations_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE integrations.integrations_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON integrations.integrations_e USING (tenant_id = public.current_tenant());

CREATE TABLE integrations.integrations_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  status integrations.status NOT NULL DEFAULT 'draft',
  duration interval,
  code varchar(32) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES integrations.integrations_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON integrations.integrations_f (parent_id);

CREATE INDEX ON integrations.integrations_f (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON integrations.integrations_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE integrations.integrations_f IS 'Table 6 of the integrations module.';

CREATE TABLE integrations.integrations_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status integrations.status NOT NULL DEFAULT 'draft',
  title varchar(200) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  external_id uuid,
  parent_id bigint REFERENCES integrations.integrations_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON integrations.integrations_g (parent_id);

CREATE INDEX ON integrations.integrations_g (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON integrations.integrations_g USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE integrations.integrations_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  tags text[] NOT NULL DEFAULT '{}',
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES integrations.integrations_e (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON integrations.integrations_h (parent_id);

CREATE INDEX ON integrations.integrations_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN integrations.integrations_h.notes IS 'Documented column.';

CREATE TABLE integrations.integrations_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  priority smallint NOT NULL DEFAULT 0,
  notes text COLLATE "C",
  title varchar(200) NOT NULL,
  score double precision,
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON integrations.integrations_i USING gin (metadata jsonb_path_ops);

CREATE INDEX ON integrations.integrations_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE integrations.integrations_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  ends_on date,
  name text NOT NULL,
  description text,
  status integrations.status NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  price public.money_amount,
  CHECK (ends_on >= starts_on),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON integrations.integrations_j (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON integrations.integrations_j (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF starts_on, ends_on ON integrations.integrations_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE integrations.integrations_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  email public.email,
  duration interval,
  country char(2),
  parent_id bigint REFERENCES integrations.integrations_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON integrations.integrations_k (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE integrations.integrations_k IS 'Table 11 of the integrations module.';

CREATE TABLE integrations.integrations_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  score double precision,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  ends_on date,
  parent_id bigint REFERENCES integrations.integrations_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON integrations.integrations_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE integrations.integrations_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  notes text COLLATE "C",
  code varchar(32) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  rating public.rating,
  parent_id bigint REFERENCES integrations.integrations_d (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON integrations.integrations_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF duration, notes ON integrations.integrations_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE integrations.integrations_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  weight_kg numeric(10,3),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  status integrations.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES integrations.integrations_l (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON integrations.integrations_n (parent_id);

CREATE INDEX ON integrations.integrations_n (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE integrations.integrations_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON integrations.integrations_n USING (tenant_id = public.current_tenant());

CREATE TABLE integrations.integrations_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  external_id uuid,
  ip inet,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES integrations.integrations_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON integrations.integrations_o (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON integrations.integrations_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN integrations.integrations_o.code IS 'Documented column.';

CREATE VIEW integrations.integrations_b_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.external_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM integrations.integrations_b c JOIN integrations.integrations_a p ON p.id = c.parent_id;

CREATE VIEW integrations.integrations_c_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.score, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM integrations.integrations_c c JOIN integrations.integrations_b p ON p.id = c.parent_id;

CREATE VIEW integrations.integrations_e_with_parent AS
SELECT c.id, c.tenant_id, c.rating, c.priority, c.quantity, p.id AS parent_ref, p.created_at AS parent_created_at
FROM integrations.integrations_e c JOIN integrations.integrations_c p ON p.id = c.parent_id;

CREATE VIEW integrations.integrations_f_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.status, c.duration, p.id AS parent_ref, p.created_at AS parent_created_at
FROM integrations.integrations_f c JOIN integrations.integrations_b p ON p.id = c.parent_id;

CREATE VIEW integrations.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM integrations.integrations_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW integrations.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM integrations.integrations_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON integrations.daily_counts (tenant_id, day);

CREATE FUNCTION integrations.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM integrations.integrations_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION integrations.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'INTEGRATIONS-' || nextval('integrations.document_number')::text $$;

CREATE PROCEDURE integrations.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM integrations.integrations_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA integrations TO PUBLIC;

GRANT SELECT ON integrations.activity TO PUBLIC;

CREATE SCHEMA audit;

COMMENT ON SCHEMA audit IS 'The audit module.';

CREATE TYPE audit.status AS ENUM ('draft', 'active');

CREATE SEQUENCE audit.document_number START WITH 16000 INCREMENT BY 1;

CREATE TABLE audit.audit_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  starts_on date,
  tags text[] NOT NULL DEFAULT '{}',
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  description text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_a (lower(name));

CREATE INDEX ON audit.audit_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE audit.audit_a IS 'Table 1 of the audit module.';

COMMENT ON COLUMN audit.audit_a.name IS 'Documented column.';

CREATE TABLE audit.audit_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  description text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE audit.audit_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  ends_on date,
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE audit.audit_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  ip inet,
  starts_on date,
  description text,
  parent_id bigint REFERENCES audit.audit_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_d (parent_id);

CREATE INDEX ON audit.audit_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE audit.audit_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  status audit.status NOT NULL DEFAULT 'draft',
  country char(2),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_e (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE audit.audit_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON audit.audit_e USING (tenant_id = public.current_tenant());

CREATE TABLE audit.audit_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  status audit.status NOT NULL DEFAULT 'draft',
  weight_kg numeric(10,3),
  email public.email,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  parent_id bigint REFERENCES audit.audit_d (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_f (parent_id);

CREATE INDEX ON audit.audit_f (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE audit.audit_f IS 'Table 6 of the audit module.';

CREATE TABLE audit.audit_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  weight_kg numeric(10,3),
  description text,
  parent_id bigint REFERENCES audit.audit_d (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE audit.audit_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  ip inet,
  description text,
  version integer NOT NULL DEFAULT 1,
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES audit.audit_e (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_h (parent_id);

CREATE INDEX ON audit.audit_h USING gin (metadata jsonb_path_ops);

CREATE INDEX ON audit.audit_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, ip ON audit.audit_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN audit.audit_h.name IS 'Documented column.';

CREATE TABLE audit.audit_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  duration interval,
  tags text[] NOT NULL DEFAULT '{}',
  score double precision,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE audit.audit_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  duration interval,
  country char(2),
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  parent_id bigint REFERENCES audit.audit_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_j (parent_id);

CREATE INDEX ON audit.audit_j (lower(name));

CREATE INDEX ON audit.audit_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE audit.audit_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  code varchar(32) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON audit.audit_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE audit.audit_k IS 'Table 11 of the audit module.';

CREATE TABLE audit.audit_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES audit.audit_i (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE audit.audit_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  country char(2),
  priority smallint NOT NULL DEFAULT 0,
  duration interval,
  parent_id bigint REFERENCES audit.audit_d (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF country, priority ON audit.audit_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE audit.audit_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  weight_kg numeric(10,3),
  duration interval,
  email public.email,
  status audit.status NOT NULL DEFAULT 'draft',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON audit.audit_n (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE audit.audit_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON audit.audit_n USING (tenant_id = public.current_tenant());

CREATE TABLE audit.audit_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  weight_kg numeric(10,3),
  email public.email,
  description text,
  ends_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON audit.audit_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON audit.audit_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN audit.audit_o.tags IS 'Documented column.';

CREATE VIEW audit.audit_d_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.is_active, c.ip, p.id AS parent_ref, p.created_at AS parent_created_at
FROM audit.audit_d c JOIN audit.audit_c p ON p.id = c.parent_id;

CREATE VIEW audit.audit_f_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.status, c.weight_kg, p.id AS parent_ref, p.created_at AS parent_created_at
FROM audit.audit_f c JOIN audit.audit_d p ON p.id = c.parent_id;

CREATE VIEW audit.audit_g_with_parent AS
SELECT c.id, c.tenant_id, c.title, c.weight_kg, p.id AS parent_ref, p.created_at AS parent_created_at
FROM audit.audit_g c JOIN audit.audit_d p ON p.id = c.parent_id;

CREATE VIEW audit.audit_h_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.ip, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM audit.audit_h c JOIN audit.audit_e p ON p.id = c.parent_id;

CREATE VIEW audit.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM audit.audit_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW audit.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM audit.audit_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON audit.daily_counts (tenant_id, day);

CREATE FUNCTION audit.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM audit.audit_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION audit.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'AUDIT-' || nextval('audit.document_number')::text $$;

CREATE PROCEDURE audit.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM audit.audit_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE audit.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE audit.events_2024_q1 PARTITION OF audit.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE audit.events_2024_q2 PARTITION OF audit.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE audit.events_2024_q3 PARTITION OF audit.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE audit.events_2024_q4 PARTITION OF audit.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE audit.events_default PARTITION OF audit.events DEFAULT;

CREATE INDEX ON audit.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA audit TO PUBLIC;

GRANT SELECT ON audit.activity TO PUBLIC;

CREATE SCHEMA auth;

COMMENT ON SCHEMA auth IS 'The auth module.';

CREATE TYPE auth.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE auth.document_number START WITH 17000 INCREMENT BY 2;

CREATE TABLE auth.auth_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  description text,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE auth.auth_a IS 'Table 1 of the auth module.';

COMMENT ON COLUMN auth.auth_a.title IS 'Documented column.';

CREATE TABLE auth.auth_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  description text,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  parent_id bigint REFERENCES auth.auth_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON auth.auth_b (parent_id);

CREATE INDEX ON auth.auth_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE auth.auth_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  score double precision,
  status auth.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON auth.auth_c (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON auth.auth_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, status ON auth.auth_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE auth.auth_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES auth.auth_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON auth.auth_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF description, code ON auth.auth_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE auth.auth_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  email public.email,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES auth.auth_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON auth.auth_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, email ON auth.auth_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE auth.auth_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON auth.auth_e USING (tenant_id = public.current_tenant());

CREATE TABLE auth.auth_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  rating public.rating,
  is_active boolean NOT NULL DEFAULT true,
  country char(2),
  parent_id bigint REFERENCES auth.auth_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON auth.auth_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE auth.auth_f IS 'Table 6 of the auth module.';

CREATE TABLE auth.auth_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  title varchar(200) NOT NULL,
  description text,
  parent_id bigint REFERENCES auth.auth_e (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON auth.auth_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE auth.auth_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  version integer NOT NULL DEFAULT 1,
  notes text COLLATE "C",
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  price public.money_amount,
  is_active boolean NOT NULL DEFAULT true,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF rating, notes ON auth.auth_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN auth.auth_h.rating IS 'Documented column.';

CREATE TABLE auth.auth_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  country char(2),
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE auth.auth_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  email public.email,
  weight_kg numeric(10,3),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON auth.auth_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE auth.auth_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  name text NOT NULL,
  parent_id bigint REFERENCES auth.auth_d (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON auth.auth_k (parent_id);

CREATE INDEX ON auth.auth_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE auth.auth_k IS 'Table 11 of the auth module.';

CREATE TABLE auth.auth_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  ends_on date,
  email public.email,
  price public.money_amount,
  notes text COLLATE "C",
  external_id uuid,
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF rating, ends_on ON auth.auth_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE auth.auth_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  status auth.status NOT NULL DEFAULT 'draft',
  starts_on date,
  name text NOT NULL,
  duration interval,
  priority smallint NOT NULL DEFAULT 0,
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON auth.auth_m (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON auth.auth_m (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE auth.auth_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  rating public.rating,
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON auth.auth_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE auth.auth_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON auth.auth_n USING (tenant_id = public.current_tenant());

CREATE TABLE auth.auth_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES auth.auth_n (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON auth.auth_o (parent_id);

CREATE INDEX ON auth.auth_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON auth.auth_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN auth.auth_o.tags IS 'Documented column.';

CREATE VIEW auth.auth_b_with_parent AS
SELECT c.id, c.tenant_id, c.code, c.amount, c.metadata, p.id AS parent_ref, p.created_at AS parent_created_at
FROM auth.auth_b c JOIN auth.auth_a p ON p.id = c.parent_id;

CREATE VIEW auth.auth_d_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM auth.auth_d c JOIN auth.auth_a p ON p.id = c.parent_id;

CREATE VIEW auth.auth_e_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.quantity, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM auth.auth_e c JOIN auth.auth_b p ON p.id = c.parent_id;

CREATE VIEW auth.auth_f_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.quantity, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM auth.auth_f c JOIN auth.auth_c p ON p.id = c.parent_id;

CREATE VIEW auth.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM auth.auth_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW auth.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM auth.auth_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON auth.daily_counts (tenant_id, day);

CREATE FUNCTION auth.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM auth.auth_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION auth.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'AUTH-' || nextval('auth.document_number')::text $$;

CREATE PROCEDURE auth.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM auth.auth_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA auth TO PUBLIC;

GRANT SELECT ON auth.activity TO PUBLIC;

CREATE SCHEMA teams;

COMMENT ON SCHEMA teams IS 'The teams module.';

CREATE TYPE teams.status AS ENUM ('draft', 'active');

CREATE SEQUENCE teams.document_number START WITH 18000 INCREMENT BY 3;

CREATE TABLE teams.teams_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  ends_on date,
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_a USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE teams.teams_a IS 'Table 1 of the teams module.';

COMMENT ON COLUMN teams.teams_a.weight_kg IS 'Documented column.';

CREATE TABLE teams.teams_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  duration interval,
  priority smallint NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  parent_id bigint REFERENCES teams.teams_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_b (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE teams.teams_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  email public.email,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rating public.rating,
  starts_on date,
  title varchar(200) NOT NULL,
  ip inet,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES teams.teams_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_c (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE teams.teams_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  score double precision,
  parent_id bigint REFERENCES teams.teams_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_d (parent_id);

CREATE INDEX ON teams.teams_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON teams.teams_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF quantity, metadata ON teams.teams_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE teams.teams_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  description text,
  status teams.status NOT NULL DEFAULT 'draft',
  notes text COLLATE "C",
  parent_id bigint REFERENCES teams.teams_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_e (parent_id);

CREATE INDEX ON teams.teams_e (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE teams.teams_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON teams.teams_e USING (tenant_id = public.current_tenant());

CREATE TABLE teams.teams_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  title varchar(200) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  price public.money_amount,
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE teams.teams_f IS 'Table 6 of the teams module.';

CREATE TABLE teams.teams_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  name text NOT NULL,
  score double precision,
  notes text COLLATE "C",
  ends_on date,
  rating public.rating,
  parent_id bigint REFERENCES teams.teams_d (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON teams.teams_g (parent_id);

CREATE INDEX ON teams.teams_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE teams.teams_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  notes text COLLATE "C",
  title varchar(200) NOT NULL,
  description text,
  external_id uuid,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES teams.teams_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON teams.teams_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN teams.teams_h.code IS 'Documented column.';

CREATE TABLE teams.teams_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  country char(2),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE teams.teams_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  status teams.status NOT NULL DEFAULT 'draft',
  priority smallint NOT NULL DEFAULT 0,
  score double precision,
  rating public.rating,
  email public.email,
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_j (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE teams.teams_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  title varchar(200) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  status teams.status NOT NULL DEFAULT 'draft',
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_k (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON teams.teams_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE teams.teams_k IS 'Table 11 of the teams module.';

CREATE TABLE teams.teams_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip inet,
  ends_on date,
  status teams.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES teams.teams_j (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_l (parent_id);

CREATE INDEX ON teams.teams_l (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON teams.teams_l USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE teams.teams_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status teams.status NOT NULL DEFAULT 'draft',
  ends_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  price public.money_amount,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES teams.teams_g (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_m (parent_id);

CREATE INDEX ON teams.teams_m (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON teams.teams_m USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE teams.teams_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  rating public.rating,
  ends_on date,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES teams.teams_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_n (parent_id);

CREATE INDEX ON teams.teams_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE teams.teams_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON teams.teams_n USING (tenant_id = public.current_tenant());

CREATE TABLE teams.teams_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ip inet,
  priority smallint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  title varchar(200) NOT NULL,
  rating public.rating,
  parent_id bigint REFERENCES teams.teams_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON teams.teams_o (parent_id);

CREATE INDEX ON teams.teams_o USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON teams.teams_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF price, metadata ON teams.teams_o FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN teams.teams_o.price IS 'Documented column.';

CREATE VIEW teams.teams_b_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.priority, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM teams.teams_b c JOIN teams.teams_a p ON p.id = c.parent_id;

CREATE VIEW teams.teams_c_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.email, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM teams.teams_c c JOIN teams.teams_b p ON p.id = c.parent_id;

CREATE VIEW teams.teams_d_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.version, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM teams.teams_d c JOIN teams.teams_a p ON p.id = c.parent_id;

CREATE VIEW teams.teams_e_with_parent AS
SELECT c.id, c.tenant_id, c.weight_kg, c.description, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM teams.teams_e c JOIN teams.teams_b p ON p.id = c.parent_id;

CREATE VIEW teams.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM teams.teams_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW teams.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM teams.teams_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON teams.daily_counts (tenant_id, day);

CREATE FUNCTION teams.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM teams.teams_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION teams.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'TEAMS-' || nextval('teams.document_number')::text $$;

CREATE PROCEDURE teams.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM teams.teams_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA teams TO PUBLIC;

GRANT SELECT ON teams.activity TO PUBLIC;

CREATE SCHEMA notify;

COMMENT ON SCHEMA notify IS 'The notify module.';

CREATE TYPE notify.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE notify.document_number START WITH 19000 INCREMENT BY 1;

CREATE TABLE notify.notify_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  tags text[] NOT NULL DEFAULT '{}',
  name text NOT NULL,
  email public.email,
  price public.money_amount,
  starts_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON notify.notify_a (lower(name));

CREATE INDEX ON notify.notify_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF tags, name ON notify.notify_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE notify.notify_a IS 'Table 1 of the notify module.';

COMMENT ON COLUMN notify.notify_a.version IS 'Documented column.';

CREATE TABLE notify.notify_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  description text,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  priority smallint NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON notify.notify_b USING gin (metadata jsonb_path_ops);

CREATE INDEX ON notify.notify_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF tags, description ON notify.notify_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE notify.notify_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  external_id uuid,
  version integer NOT NULL DEFAULT 1,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  email public.email,
  title varchar(200) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF price, external_id ON notify.notify_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE notify.notify_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  description text,
  ends_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE notify.notify_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  email public.email,
  is_active boolean NOT NULL DEFAULT true,
  name text NOT NULL,
  parent_id bigint REFERENCES notify.notify_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON notify.notify_e (parent_id);

CREATE INDEX ON notify.notify_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE notify.notify_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON notify.notify_e USING (tenant_id = public.current_tenant());

CREATE TABLE notify.notify_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  country char(2),
  rating public.rating,
  is_active boolean NOT NULL DEFAULT true,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE notify.notify_f IS 'Table 6 of the notify module.';

CREATE TABLE notify.notify_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status notify.status NOT NULL DEFAULT 'draft',
  priority smallint NOT NULL DEFAULT 0,
  title varchar(200) NOT NULL,
  price public.money_amount,
  notes text COLLATE "C",
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON notify.notify_g (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE notify.notify_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  duration interval,
  description text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN notify.notify_h.quantity IS 'Documented column.';

CREATE TABLE notify.notify_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES notify.notify_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON notify.notify_i (parent_id);

CREATE INDEX ON notify.notify_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE notify.notify_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  status notify.status NOT NULL DEFAULT 'draft',
  country char(2),
  weight_kg numeric(10,3),
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  rating public.rating,
  parent_id bigint REFERENCES notify.notify_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON notify.notify_j (parent_id);

CREATE INDEX ON notify.notify_j (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON notify.notify_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE notify.notify_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  starts_on date,
  ip inet,
  code varchar(32) NOT NULL,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON notify.notify_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE notify.notify_k IS 'Table 11 of the notify module.';

CREATE TABLE notify.notify_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  code varchar(32) NOT NULL,
  starts_on date,
  duration interval,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  external_id uuid,
  parent_id bigint REFERENCES notify.notify_i (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON notify.notify_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE notify.notify_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  status notify.status NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES notify.notify_i (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON notify.notify_m (parent_id);

CREATE INDEX ON notify.notify_m (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, status ON notify.notify_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE notify.notify_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  rating public.rating,
  is_active boolean NOT NULL DEFAULT true,
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON notify.notify_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE notify.notify_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON notify.notify_n USING (tenant_id = public.current_tenant());

CREATE TABLE notify.notify_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES notify.notify_m (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON notify.notify_o (parent_id);

CREATE INDEX ON notify.notify_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON notify.notify_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN notify.notify_o.ip IS 'Documented column.';

CREATE VIEW notify.notify_e_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.email, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM notify.notify_e c JOIN notify.notify_d p ON p.id = c.parent_id;

CREATE VIEW notify.notify_i_with_parent AS
SELECT c.id, c.tenant_id, c.tags, c.rating, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM notify.notify_i c JOIN notify.notify_c p ON p.id = c.parent_id;

CREATE VIEW notify.notify_j_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.status, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM notify.notify_j c JOIN notify.notify_a p ON p.id = c.parent_id;

CREATE VIEW notify.notify_l_with_parent AS
SELECT c.id, c.tenant_id, c.code, c.starts_on, c.duration, p.id AS parent_ref, p.created_at AS parent_created_at
FROM notify.notify_l c JOIN notify.notify_i p ON p.id = c.parent_id;

CREATE VIEW notify.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM notify.notify_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW notify.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM notify.notify_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON notify.daily_counts (tenant_id, day);

CREATE FUNCTION notify.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM notify.notify_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION notify.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'NOTIFY-' || nextval('notify.document_number')::text $$;

CREATE PROCEDURE notify.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM notify.notify_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE notify.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE notify.events_2024_q1 PARTITION OF notify.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE notify.events_2024_q2 PARTITION OF notify.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE notify.events_2024_q3 PARTITION OF notify.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE notify.events_2024_q4 PARTITION OF notify.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE notify.events_default PARTITION OF notify.events DEFAULT;

CREATE INDEX ON notify.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA notify TO PUBLIC;

GRANT SELECT ON notify.activity TO PUBLIC;

CREATE SCHEMA insights;

COMMENT ON SCHEMA insights IS 'The insights module.';

CREATE TYPE insights.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE insights.document_number START WITH 20000 INCREMENT BY 2;

CREATE TABLE insights.insights_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  weight_kg numeric(10,3),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  rating public.rating,
  duration interval,
  tags text[] NOT NULL DEFAULT '{}',
  name text NOT NULL,
  notes text COLLATE "C",
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON insights.insights_a (lower(name));

CREATE INDEX ON insights.insights_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE insights.insights_a IS 'Table 1 of the insights module.';

COMMENT ON COLUMN insights.insights_a.ends_on IS 'Documented column.';

CREATE TABLE insights.insights_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  duration interval,
  rating public.rating,
  email public.email,
  parent_id bigint REFERENCES insights.insights_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON insights.insights_b (parent_id);

CREATE INDEX ON insights.insights_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE insights.insights_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  description text,
  country char(2),
  score double precision,
  rating public.rating,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES insights.insights_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON insights.insights_c (parent_id);

CREATE INDEX ON insights.insights_c (lower(name));

CREATE INDEX ON insights.insights_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE insights.insights_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  weight_kg numeric(10,3),
  code varchar(32) NOT NULL,
  country char(2),
  is_active boolean NOT NULL DEFAULT true,
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON insights.insights_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE insights.insights_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  code varchar(32) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  status insights.status NOT NULL DEFAULT 'draft',
  duration interval,
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON insights.insights_e (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON insights.insights_e USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE insights.insights_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON insights.insights_e USING (tenant_id = public.current_tenant());

CREATE TABLE insights.insights_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  email public.email,
  duration interval,
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES insights.insights_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON insights.insights_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF notes, email ON insights.insights_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE insights.insights_f IS 'Table 6 of the insights module.';

CREATE TABLE insights.insights_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  country char(2),
  is_active boolean NOT NULL DEFAULT true,
  priority smallint NOT NULL DEFAULT 0,
  price public.money_amount,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE insights.insights_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  ip inet,
  rating public.rating,
  email public.email,
  notes text COLLATE "C",
  code varchar(32) NOT NULL,
  status insights.status NOT NULL DEFAULT 'draft',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES insights.insights_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON insights.insights_h (parent_id);

CREATE INDEX ON insights.insights_h (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN insights.insights_h.starts_on IS 'Documented column.';

CREATE TABLE insights.insights_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  notes text COLLATE "C",
  name text NOT NULL,
  weight_kg numeric(10,3),
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON insights.insights_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE insights.insights_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  email public.email,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  starts_on date,
  notes text COLLATE "C",
  parent_id bigint REFERENCES insights.insights_i (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON insights.insights_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE insights.insights_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  is_active boolean NOT NULL DEFAULT true,
  status insights.status NOT NULL DEFAULT 'draft',
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES insights.insights_f (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON insights.insights_k (parent_id);

CREATE INDEX ON insights.insights_k (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE insights.insights_k IS 'Table 11 of the insights module.';

CREATE TABLE insights.insights_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  title varchar(200) NOT NULL,
  description text,
  external_id uuid,
  parent_id bigint REFERENCES insights.insights_g (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON insights.insights_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE insights.insights_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  description text,
  ends_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE insights.insights_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  priority smallint NOT NULL DEFAULT 0,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON insights.insights_n (lower(name));

CREATE INDEX ON insights.insights_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, description ON insights.insights_n FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE insights.insights_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON insights.insights_n USING (tenant_id = public.current_tenant());

CREATE TABLE insights.insights_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  is_active boolean NOT NULL DEFAULT true,
  code varchar(32) NOT NULL,
  status insights.status NOT NULL DEFAULT 'draft',
  email public.email,
  parent_id bigint REFERENCES insights.insights_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON insights.insights_o (parent_id);

CREATE INDEX ON insights.insights_o (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON insights.insights_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN insights.insights_o.country IS 'Documented column.';

CREATE VIEW insights.insights_b_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM insights.insights_b c JOIN insights.insights_a p ON p.id = c.parent_id;

CREATE VIEW insights.insights_c_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.country, c.score, p.id AS parent_ref, p.created_at AS parent_created_at
FROM insights.insights_c c JOIN insights.insights_a p ON p.id = c.parent_id;

CREATE VIEW insights.insights_f_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.version, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM insights.insights_f c JOIN insights.insights_b p ON p.id = c.parent_id;

CREATE VIEW insights.insights_h_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.ip, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM insights.insights_h c JOIN insights.insights_d p ON p.id = c.parent_id;

CREATE VIEW insights.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM insights.insights_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW insights.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM insights.insights_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON insights.daily_counts (tenant_id, day);

CREATE FUNCTION insights.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM insights.insights_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION insights.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'INSIGHTS-' || nextval('insights.document_number')::text $$;

CREATE PROCEDURE insights.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM insights.insights_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA insights TO PUBLIC;

GRANT SELECT ON insights.activity TO PUBLIC;
