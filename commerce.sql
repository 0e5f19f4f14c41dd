-- commerce: a generated schema for pitstop's large-schema tests.

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

CREATE SCHEMA catalog;

COMMENT ON SCHEMA catalog IS 'The catalog module.';

CREATE TYPE catalog.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE catalog.document_number START WITH 1000 INCREMENT BY 1;

CREATE TABLE catalog.catalog_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  ip inet,
  ends_on date,
  title varchar(200) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE catalog.catalog_a IS 'Table 1 of the catalog module.';

COMMENT ON COLUMN catalog.catalog_a.is_active IS 'Documented column.';

CREATE TABLE catalog.catalog_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  external_id uuid,
  parent_id bigint REFERENCES catalog.catalog_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON catalog.catalog_b (parent_id);

CREATE INDEX ON catalog.catalog_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE catalog.catalog_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  status catalog.status NOT NULL DEFAULT 'draft',
  is_active boolean NOT NULL DEFAULT true,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON catalog.catalog_c (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON catalog.catalog_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE catalog.catalog_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  title varchar(200) NOT NULL,
  notes text COLLATE "C",
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES catalog.catalog_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON catalog.catalog_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, is_active ON catalog.catalog_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE catalog.catalog_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  status catalog.status NOT NULL DEFAULT 'draft',
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  name text NOT NULL,
  parent_id bigint REFERENCES catalog.catalog_d (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON catalog.catalog_e (parent_id);

CREATE INDEX ON catalog.catalog_e (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON catalog.catalog_e USING gin (metadata jsonb_path_ops);

CREATE INDEX ON catalog.catalog_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE catalog.catalog_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON catalog.catalog_e USING (tenant_id = public.current_tenant());

CREATE TABLE catalog.catalog_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  notes text COLLATE "C",
  description text,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES catalog.catalog_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON catalog.catalog_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE catalog.catalog_f IS 'Table 6 of the catalog module.';

CREATE TABLE catalog.catalog_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  code varchar(32) NOT NULL,
  title varchar(200) NOT NULL,
  notes text COLLATE "C",
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON catalog.catalog_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE catalog.catalog_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  ip inet,
  status catalog.status NOT NULL DEFAULT 'draft',
  description text,
  priority smallint NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES catalog.catalog_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON catalog.catalog_h (parent_id);

CREATE INDEX ON catalog.catalog_h (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN catalog.catalog_h.code IS 'Documented column.';

CREATE TABLE catalog.catalog_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  rating public.rating,
  is_active boolean NOT NULL DEFAULT true,
  tags text[] NOT NULL DEFAULT '{}',
  email public.email,
  ends_on date,
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON catalog.catalog_i USING gin (metadata jsonb_path_ops);

CREATE INDEX ON catalog.catalog_i (lower(name));

CREATE INDEX ON catalog.catalog_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE catalog.catalog_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  title varchar(200) NOT NULL,
  notes text COLLATE "C",
  score double precision,
  ends_on date,
  parent_id bigint REFERENCES catalog.catalog_f (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON catalog.catalog_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE catalog.catalog_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  starts_on date,
  description text,
  priority smallint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, score ON catalog.catalog_k FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE catalog.catalog_k IS 'Table 11 of the catalog module.';

CREATE TABLE catalog.catalog_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON catalog.catalog_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, code ON catalog.catalog_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE VIEW catalog.catalog_b_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.tags, c.external_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM catalog.catalog_b c JOIN catalog.catalog_a p ON p.id = c.parent_id;

CREATE VIEW catalog.catalog_d_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.price, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM catalog.catalog_d c JOIN catalog.catalog_c p ON p.id = c.parent_id;

CREATE VIEW catalog.catalog_e_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.status, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM catalog.catalog_e c JOIN catalog.catalog_d p ON p.id = c.parent_id;

CREATE VIEW catalog.catalog_f_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.notes, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM catalog.catalog_f c JOIN catalog.catalog_c p ON p.id = c.parent_id;

CREATE VIEW catalog.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM catalog.catalog_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW catalog.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM catalog.catalog_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON catalog.daily_counts (tenant_id, day);

CREATE FUNCTION catalog.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM catalog.catalog_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION catalog.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'CATALOG-' || nextval('catalog.document_number')::text $$;

CREATE PROCEDURE catalog.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM catalog.catalog_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE catalog.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE catalog.events_2024_q1 PARTITION OF catalog.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE catalog.events_2024_q2 PARTITION OF catalog.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE catalog.events_2024_q3 PARTITION OF catalog.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE catalog.events_2024_q4 PARTITION OF catalog.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE catalog.events_default PARTITION OF catalog.events DEFAULT;

CREATE INDEX ON catalog.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA catalog TO PUBLIC;

GRANT SELECT ON catalog.activity TO PUBLIC;

CREATE SCHEMA pricing;

COMMENT ON SCHEMA pricing IS 'The pricing module.';

CREATE TYPE pricing.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE pricing.document_number START WITH 2000 INCREMENT BY 2;

CREATE TABLE pricing.pricing_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  price public.money_amount,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE pricing.pricing_a IS 'Table 1 of the pricing module.';

COMMENT ON COLUMN pricing.pricing_a.title IS 'Documented column.';

CREATE TABLE pricing.pricing_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  score double precision,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON pricing.pricing_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE pricing.pricing_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  ip inet,
  score double precision,
  external_id uuid,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES pricing.pricing_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON pricing.pricing_c (parent_id);

CREATE INDEX ON pricing.pricing_c (lower(name));

CREATE INDEX ON pricing.pricing_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE pricing.pricing_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF description, is_active ON pricing.pricing_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE pricing.pricing_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  title varchar(200) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  is_active boolean NOT NULL DEFAULT true,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  ends_on date,
  parent_id bigint REFERENCES pricing.pricing_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON pricing.pricing_e (parent_id);

CREATE INDEX ON pricing.pricing_e USING gin (metadata jsonb_path_ops);

CREATE INDEX ON pricing.pricing_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, amount ON pricing.pricing_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE pricing.pricing_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON pricing.pricing_e USING (tenant_id = public.current_tenant());

CREATE TABLE pricing.pricing_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  email public.email,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES pricing.pricing_d (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON pricing.pricing_f (parent_id);

CREATE INDEX ON pricing.pricing_f USING gin (metadata jsonb_path_ops);

CREATE INDEX ON pricing.pricing_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF metadata, code ON pricing.pricing_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE pricing.pricing_f IS 'Table 6 of the pricing module.';

CREATE TABLE pricing.pricing_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  status pricing.status NOT NULL DEFAULT 'draft',
  country char(2),
  parent_id bigint REFERENCES pricing.pricing_d (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON pricing.pricing_g (parent_id);

CREATE INDEX ON pricing.pricing_g (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON pricing.pricing_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE pricing.pricing_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  code varchar(32) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN pricing.pricing_h.description IS 'Documented column.';

CREATE TABLE pricing.pricing_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  weight_kg numeric(10,3),
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES pricing.pricing_f (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON pricing.pricing_i (parent_id);

CREATE INDEX ON pricing.pricing_i USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE pricing.pricing_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  ends_on date,
  duration interval,
  title varchar(200) NOT NULL,
  weight_kg numeric(10,3),
  price public.money_amount,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES pricing.pricing_h (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON pricing.pricing_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ip, ends_on ON pricing.pricing_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE pricing.pricing_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  starts_on date,
  tags text[] NOT NULL DEFAULT '{}',
  description text,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rating public.rating,
  parent_id bigint REFERENCES pricing.pricing_f (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON pricing.pricing_k (parent_id);

CREATE INDEX ON pricing.pricing_k USING gin (metadata jsonb_path_ops);

CREATE INDEX ON pricing.pricing_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE pricing.pricing_k IS 'Table 11 of the pricing module.';

CREATE TABLE pricing.pricing_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  price public.money_amount,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES pricing.pricing_e (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON pricing.pricing_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON pricing.pricing_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW pricing.pricing_c_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.tags, c.ip, p.id AS parent_ref, p.created_at AS parent_created_at
FROM pricing.pricing_c c JOIN pricing.pricing_a p ON p.id = c.parent_id;

CREATE VIEW pricing.pricing_e_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.title, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM pricing.pricing_e c JOIN pricing.pricing_b p ON p.id = c.parent_id;

CREATE VIEW pricing.pricing_f_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.code, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM pricing.pricing_f c JOIN pricing.pricing_d p ON p.id = c.parent_id;

CREATE VIEW pricing.pricing_g_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.status, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM pricing.pricing_g c JOIN pricing.pricing_d p ON p.id = c.parent_id;

CREATE VIEW pricing.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM pricing.pricing_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW pricing.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM pricing.pricing_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON pricing.daily_counts (tenant_id, day);

CREATE FUNCTION pricing.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM pricing.pricing_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION pricing.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'PRICING-' || nextval('pricing.document_number')::text $$;

CREATE PROCEDURE pricing.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM pricing.pricing_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA pricing TO PUBLIC;

GRANT SELECT ON pricing.activity TO PUBLIC;

CREATE SCHEMA cart;

COMMENT ON SCHEMA cart IS 'The cart module.';

CREATE TYPE cart.status AS ENUM ('draft', 'active');

CREATE SEQUENCE cart.document_number START WITH 3000 INCREMENT BY 3;

CREATE TABLE cart.cart_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  starts_on date,
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  price public.money_amount,
  ends_on date,
  CHECK (ends_on >= starts_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, starts_on ON cart.cart_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE cart.cart_a IS 'Table 1 of the cart module.';

COMMENT ON COLUMN cart.cart_a.score IS 'Documented column.';

CREATE TABLE cart.cart_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  status cart.status NOT NULL DEFAULT 'draft',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_b (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON cart.cart_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE cart.cart_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  status cart.status NOT NULL DEFAULT 'draft',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES cart.cart_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_c (parent_id);

CREATE INDEX ON cart.cart_c (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE cart.cart_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  weight_kg numeric(10,3),
  rating public.rating,
  email public.email,
  notes text COLLATE "C",
  description text,
  status cart.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES cart.cart_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_d (parent_id);

CREATE INDEX ON cart.cart_d (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON cart.cart_d USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE cart.cart_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status cart.status NOT NULL DEFAULT 'draft',
  duration interval,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text COLLATE "C",
  score double precision,
  weight_kg numeric(10,3),
  version integer NOT NULL DEFAULT 1,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES cart.cart_b (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_e (parent_id);

CREATE INDEX ON cart.cart_e (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON cart.cart_e USING gin (metadata jsonb_path_ops);

CREATE INDEX ON cart.cart_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF status, duration ON cart.cart_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE cart.cart_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON cart.cart_e USING (tenant_id = public.current_tenant());

CREATE TABLE cart.cart_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  description text,
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE cart.cart_f IS 'Table 6 of the cart module.';

CREATE TABLE cart.cart_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  description text,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  name text NOT NULL,
  rating public.rating,
  price public.money_amount,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES cart.cart_b (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_g (parent_id);

CREATE INDEX ON cart.cart_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE cart.cart_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  score double precision,
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_h USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, country ON cart.cart_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN cart.cart_h.version IS 'Documented column.';

CREATE TABLE cart.cart_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  external_id uuid,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  price public.money_amount,
  parent_id bigint REFERENCES cart.cart_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_i (parent_id);

CREATE INDEX ON cart.cart_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE cart.cart_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  tags text[] NOT NULL DEFAULT '{}',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES cart.cart_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_j (parent_id);

CREATE INDEX ON cart.cart_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE cart.cart_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  name text NOT NULL,
  parent_id bigint REFERENCES cart.cart_f (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON cart.cart_k (parent_id);

CREATE INDEX ON cart.cart_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE cart.cart_k IS 'Table 11 of the cart module.';

CREATE TABLE cart.cart_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  status cart.status NOT NULL DEFAULT 'draft',
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON cart.cart_l (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON cart.cart_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW cart.cart_c_with_parent AS
SELECT c.id, c.tenant_id, c.notes, p.id AS parent_ref, p.created_at AS parent_created_at
FROM cart.cart_c c JOIN cart.cart_b p ON p.id = c.parent_id;

CREATE VIEW cart.cart_d_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.weight_kg, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM cart.cart_d c JOIN cart.cart_c p ON p.id = c.parent_id;

CREATE VIEW cart.cart_e_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.notes, c.score, p.id AS parent_ref, p.created_at AS parent_created_at
FROM cart.cart_e c JOIN cart.cart_b p ON p.id = c.parent_id;

CREATE VIEW cart.cart_g_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.description, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM cart.cart_g c JOIN cart.cart_b p ON p.id = c.parent_id;

CREATE VIEW cart.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM cart.cart_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW cart.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM cart.cart_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON cart.daily_counts (tenant_id, day);

CREATE FUNCTION cart.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM cart.cart_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION cart.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'CART-' || nextval('cart.document_number')::text $$;

CREATE PROCEDURE cart.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM cart.cart_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA cart TO PUBLIC;

GRANT SELECT ON cart.activity TO PUBLIC;

CREATE SCHEMA orders;

COMMENT ON SCHEMA orders IS 'The orders module.';

CREATE TYPE orders.status AS ENUM ('draft', 'active');

CREATE SEQUENCE orders.document_number START WITH 4000 INCREMENT BY 1;

CREATE TABLE orders.orders_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  notes text COLLATE "C",
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE orders.orders_a IS 'Table 1 of the orders module.';

COMMENT ON COLUMN orders.orders_a.ip IS 'Documented column.';

CREATE TABLE orders.orders_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  country char(2),
  starts_on date,
  parent_id bigint REFERENCES orders.orders_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_b (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE orders.orders_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  ip inet,
  duration interval,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  code varchar(32) NOT NULL,
  description text,
  parent_id bigint REFERENCES orders.orders_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON orders.orders_c (parent_id);

CREATE INDEX ON orders.orders_c (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE orders.orders_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip inet,
  starts_on date,
  email public.email,
  is_active boolean NOT NULL DEFAULT true,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES orders.orders_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_d (parent_id);

CREATE INDEX ON orders.orders_d USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE orders.orders_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  email public.email,
  priority smallint NOT NULL DEFAULT 0,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES orders.orders_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, priority ON orders.orders_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE orders.orders_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON orders.orders_e USING (tenant_id = public.current_tenant());

CREATE TABLE orders.orders_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  code varchar(32) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  name text NOT NULL,
  duration interval,
  parent_id bigint REFERENCES orders.orders_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON orders.orders_f (parent_id);

CREATE INDEX ON orders.orders_f USING gin (metadata jsonb_path_ops);

CREATE INDEX ON orders.orders_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF amount, metadata ON orders.orders_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE orders.orders_f IS 'Table 6 of the orders module.';

CREATE TABLE orders.orders_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  parent_id bigint REFERENCES orders.orders_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_g (parent_id);

CREATE INDEX ON orders.orders_g USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE orders.orders_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  email public.email,
  is_active boolean NOT NULL DEFAULT true,
  starts_on date,
  parent_id bigint REFERENCES orders.orders_d (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN orders.orders_h.title IS 'Documented column.';

CREATE TABLE orders.orders_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  tags text[] NOT NULL DEFAULT '{}',
  description text,
  external_id uuid,
  email public.email,
  status orders.status NOT NULL DEFAULT 'draft',
  priority smallint NOT NULL DEFAULT 0,
  price public.money_amount,
  parent_id bigint REFERENCES orders.orders_f (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_i (parent_id);

CREATE INDEX ON orders.orders_i (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON orders.orders_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE orders.orders_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  title varchar(200) NOT NULL,
  email public.email,
  parent_id bigint REFERENCES orders.orders_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_j (parent_id);

CREATE INDEX ON orders.orders_j (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE orders.orders_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  external_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  duration interval,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  weight_kg numeric(10,3),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES orders.orders_j (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_k (parent_id);

CREATE INDEX ON orders.orders_k USING gin (metadata jsonb_path_ops);

CREATE INDEX ON orders.orders_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE orders.orders_k IS 'Table 11 of the orders module.';

CREATE TABLE orders.orders_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  price public.money_amount,
  name text NOT NULL,
  status orders.status NOT NULL DEFAULT 'draft',
  starts_on date,
  external_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON orders.orders_l (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON orders.orders_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON orders.orders_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW orders.orders_b_with_parent AS
SELECT c.id, c.tenant_id, c.quantity, c.country, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM orders.orders_b c JOIN orders.orders_a p ON p.id = c.parent_id;

CREATE VIEW orders.orders_c_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.quantity, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM orders.orders_c c JOIN orders.orders_a p ON p.id = c.parent_id;

CREATE VIEW orders.orders_d_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.starts_on, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM orders.orders_d c JOIN orders.orders_c p ON p.id = c.parent_id;

CREATE VIEW orders.orders_e_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.email, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM orders.orders_e c JOIN orders.orders_c p ON p.id = c.parent_id;

CREATE VIEW orders.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM orders.orders_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW orders.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM orders.orders_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON orders.daily_counts (tenant_id, day);

CREATE FUNCTION orders.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM orders.orders_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION orders.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'ORDERS-' || nextval('orders.document_number')::text $$;

CREATE PROCEDURE orders.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM orders.orders_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE orders.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE orders.events_2024_q1 PARTITION OF orders.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE orders.events_2024_q2 PARTITION OF orders.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE orders.events_2024_q3 PARTITION OF orders.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE orders.events_2024_q4 PARTITION OF orders.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE orders.events_default PARTITION OF orders.events DEFAULT;

CREATE INDEX ON orders.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA orders TO PUBLIC;

GRANT SELECT ON orders.activity TO PUBLIC;

CREATE SCHEMA payments;

COMMENT ON SCHEMA payments IS 'The payments module.';

CREATE TYPE payments.status AS ENUM ('draft', 'active');

CREATE SEQUENCE payments.document_number START WITH 5000 INCREMENT BY 2;

CREATE TABLE payments.payments_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  description text,
  email public.email,
  ends_on date,
  country char(2),
  rating public.rating,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, description ON payments.payments_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE payments.payments_a IS 'Table 1 of the payments module.';

COMMENT ON COLUMN payments.payments_a.version IS 'Documented column.';

CREATE TABLE payments.payments_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  rating public.rating,
  is_active boolean NOT NULL DEFAULT true,
  starts_on date,
  parent_id bigint REFERENCES payments.payments_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON payments.payments_b (parent_id);

CREATE INDEX ON payments.payments_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE payments.payments_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  rating public.rating,
  status payments.status NOT NULL DEFAULT 'draft',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  is_active boolean NOT NULL DEFAULT true,
  country char(2),
  email public.email,
  price public.money_amount,
  parent_id bigint REFERENCES payments.payments_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON payments.payments_c (parent_id);

CREATE INDEX ON payments.payments_c (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE payments.payments_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON payments.payments_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON payments.payments_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE payments.payments_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  rating public.rating,
  status payments.status NOT NULL DEFAULT 'draft',
  name text NOT NULL,
  parent_id bigint REFERENCES payments.payments_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON payments.payments_e (parent_id);

CREATE INDEX ON payments.payments_e (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON payments.payments_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE payments.payments_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON payments.payments_e USING (tenant_id = public.current_tenant());

CREATE TABLE payments.payments_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status payments.status NOT NULL DEFAULT 'draft',
  weight_kg numeric(10,3),
  name text NOT NULL,
  title varchar(200) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON payments.payments_f (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON payments.payments_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE payments.payments_f IS 'Table 6 of the payments module.';

CREATE TABLE payments.payments_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  weight_kg numeric(10,3),
  price public.money_amount,
  title varchar(200) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  description text,
  parent_id bigint REFERENCES payments.payments_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON payments.payments_g (parent_id);

CREATE INDEX ON payments.payments_g USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE payments.payments_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  duration interval,
  notes text COLLATE "C",
  status payments.status NOT NULL DEFAULT 'draft',
  ends_on date,
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  CHECK (ends_on >= starts_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON payments.payments_h (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON payments.payments_h USING gin (metadata jsonb_path_ops);

CREATE INDEX ON payments.payments_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN payments.payments_h.starts_on IS 'Documented column.';

CREATE TABLE payments.payments_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  score double precision,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES payments.payments_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON payments.payments_i (parent_id);

CREATE INDEX ON payments.payments_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, tags ON payments.payments_i FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE payments.payments_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  version integer NOT NULL DEFAULT 1,
  tags text[] NOT NULL DEFAULT '{}',
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES payments.payments_g (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON payments.payments_j (parent_id);

CREATE INDEX ON payments.payments_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF weight_kg, tags ON payments.payments_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE payments.payments_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  score double precision,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON payments.payments_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE payments.payments_k IS 'Table 11 of the payments module.';

CREATE TABLE payments.payments_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  description text,
  code varchar(32) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  price public.money_amount,
  status payments.status NOT NULL DEFAULT 'draft',
  country char(2),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES payments.payments_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON payments.payments_l (parent_id);

CREATE INDEX ON payments.payments_l (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON payments.payments_l USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON payments.payments_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW payments.payments_b_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.is_active, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM payments.payments_b c JOIN payments.payments_a p ON p.id = c.parent_id;

CREATE VIEW payments.payments_c_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.status, c.quantity, p.id AS parent_ref, p.created_at AS parent_created_at
FROM payments.payments_c c JOIN payments.payments_a p ON p.id = c.parent_id;

CREATE VIEW payments.payments_e_with_parent AS
SELECT c.id, c.tenant_id, c.quantity, c.status, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM payments.payments_e c JOIN payments.payments_a p ON p.id = c.parent_id;

CREATE VIEW payments.payments_g_with_parent AS
SELECT c.id, c.tenant_id, c.priority, c.weight_kg, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM payments.payments_g c JOIN payments.payments_c p ON p.id = c.parent_id;

CREATE VIEW payments.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM payments.payments_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW payments.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM payments.payments_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON payments.daily_counts (tenant_id, day);

CREATE FUNCTION payments.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM payments.payments_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION payments.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'PAYMENTS-' || nextval('payments.document_number')::text $$;

CREATE PROCEDURE payments.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM payments.payments_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA payments TO PUBLIC;

GRANT SELECT ON payments.activity TO PUBLIC;

CREATE SCHEMA invoices;

COMMENT ON SCHEMA invoices IS 'The invoices module.';

CREATE TYPE invoices.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE invoices.document_number START WITH 6000 INCREMENT BY 3;

CREATE TABLE invoices.invoices_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  rating public.rating,
  status invoices.status NOT NULL DEFAULT 'draft',
  notes text COLLATE "C",
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON invoices.invoices_a (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON invoices.invoices_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE invoices.invoices_a IS 'Table 1 of the invoices module.';

COMMENT ON COLUMN invoices.invoices_a.starts_on IS 'Documented column.';

CREATE TABLE invoices.invoices_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  ends_on date,
  external_id uuid,
  name text NOT NULL,
  email public.email,
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON invoices.invoices_b (lower(name));

CREATE INDEX ON invoices.invoices_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE invoices.invoices_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  priority smallint NOT NULL DEFAULT 0,
  country char(2),
  name text NOT NULL,
  notes text COLLATE "C",
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES invoices.invoices_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON invoices.invoices_c (parent_id);

CREATE INDEX ON invoices.invoices_c (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE invoices.invoices_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status invoices.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON invoices.invoices_d (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON invoices.invoices_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON invoices.invoices_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE invoices.invoices_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  status invoices.status NOT NULL DEFAULT 'draft',
  name text NOT NULL,
  score double precision,
  rating public.rating,
  external_id uuid,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  email public.email,
  parent_id bigint REFERENCES invoices.invoices_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON invoices.invoices_e (parent_id);

CREATE INDEX ON invoices.invoices_e (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON invoices.invoices_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE invoices.invoices_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON invoices.invoices_e USING (tenant_id = public.current_tenant());

CREATE TABLE invoices.invoices_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES invoices.invoices_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON invoices.invoices_f (parent_id);

CREATE INDEX ON invoices.invoices_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF tags, title ON invoices.invoices_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE invoices.invoices_f IS 'Table 6 of the invoices module.';

CREATE TABLE invoices.invoices_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  email public.email,
  score double precision,
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE invoices.invoices_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  rating public.rating,
  ends_on date,
  ip inet,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES invoices.invoices_g (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON invoices.invoices_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN invoices.invoices_h.notes IS 'Documented column.';

CREATE TABLE invoices.invoices_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status invoices.status NOT NULL DEFAULT 'draft',
  email public.email,
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON invoices.invoices_i (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE invoices.invoices_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  title varchar(200) NOT NULL,
  country char(2),
  status invoices.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES invoices.invoices_i (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON invoices.invoices_j (parent_id);

CREATE INDEX ON invoices.invoices_j (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON invoices.invoices_j USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE invoices.invoices_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  rating public.rating,
  notes text COLLATE "C",
  ip inet,
  parent_id bigint REFERENCES invoices.invoices_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON invoices.invoices_k (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE invoices.invoices_k IS 'Table 11 of the invoices module.';

CREATE TABLE invoices.invoices_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  score double precision,
  duration interval,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON invoices.invoices_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON invoices.invoices_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW invoices.invoices_c_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.priority, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM invoices.invoices_c c JOIN invoices.invoices_b p ON p.id = c.parent_id;

CREATE VIEW invoices.invoices_e_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.name, c.score, p.id AS parent_ref, p.created_at AS parent_created_at
FROM invoices.invoices_e c JOIN invoices.invoices_a p ON p.id = c.parent_id;

CREATE VIEW invoices.invoices_f_with_parent AS
SELECT c.id, c.tenant_id, c.title, c.priority, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM invoices.invoices_f c JOIN invoices.invoices_a p ON p.id = c.parent_id;

CREATE VIEW invoices.invoices_h_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.is_active, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM invoices.invoices_h c JOIN invoices.invoices_g p ON p.id = c.parent_id;

CREATE VIEW invoices.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM invoices.invoices_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW invoices.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM invoices.invoices_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON invoices.daily_counts (tenant_id, day);

CREATE FUNCTION invoices.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM invoices.invoices_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION invoices.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'INVOICES-' || nextval('invoices.document_number')::text $$;

CREATE PROCEDURE invoices.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM invoices.invoices_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA invoices TO PUBLIC;

GRANT SELECT ON invoices.activity TO PUBLIC;

CREATE SCHEMA shipping;

COMMENT ON SCHEMA shipping IS 'The shipping module.';

CREATE TYPE shipping.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE shipping.document_number START WITH 7000 INCREMENT BY 1;

CREATE TABLE shipping.shipping_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  status shipping.status NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  price public.money_amount,
  email public.email,
  notes text COLLATE "C",
  external_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON shipping.shipping_a (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF amount, status ON shipping.shipping_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE shipping.shipping_a IS 'Table 1 of the shipping module.';

COMMENT ON COLUMN shipping.shipping_a.amount IS 'Documented column.';

CREATE TABLE shipping.shipping_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  description text,
  title varchar(200) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES shipping.shipping_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON shipping.shipping_b (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE shipping.shipping_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status shipping.status NOT NULL DEFAULT 'draft',
  external_id uuid,
  version integer NOT NULL DEFAULT 1,
  notes text COLLATE "C",
  price public.money_amount,
  parent_id bigint REFERENCES shipping.shipping_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON shipping.shipping_c (parent_id);

CREATE INDEX ON shipping.shipping_c (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF status, external_id ON shipping.shipping_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE shipping.shipping_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  description text,
  score double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE shipping.shipping_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  country char(2),
  ends_on date,
  starts_on date,
  duration interval,
  description text,
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  CHECK (ends_on >= starts_on),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE shipping.shipping_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON shipping.shipping_e USING (tenant_id = public.current_tenant());

CREATE TABLE shipping.shipping_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  external_id uuid,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES shipping.shipping_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON shipping.shipping_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, external_id ON shipping.shipping_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE shipping.shipping_f IS 'Table 6 of the shipping module.';

CREATE TABLE shipping.shipping_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  duration interval,
  score double precision,
  title varchar(200) NOT NULL,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES shipping.shipping_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON shipping.shipping_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE shipping.shipping_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  email public.email,
  status shipping.status NOT NULL DEFAULT 'draft',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON shipping.shipping_h (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON shipping.shipping_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN shipping.shipping_h.name IS 'Documented column.';

CREATE TABLE shipping.shipping_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  price public.money_amount,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES shipping.shipping_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON shipping.shipping_i (parent_id);

CREATE INDEX ON shipping.shipping_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE shipping.shipping_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  status shipping.status NOT NULL DEFAULT 'draft',
  description text,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON shipping.shipping_j (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE shipping.shipping_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  external_id uuid,
  country char(2),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE shipping.shipping_k IS 'Table 11 of the shipping module.';

CREATE TABLE shipping.shipping_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  code varchar(32) NOT NULL,
  ip inet,
  name text NOT NULL,
  notes text COLLATE "C",
  parent_id bigint REFERENCES shipping.shipping_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON shipping.shipping_l (parent_id);

CREATE INDEX ON shipping.shipping_l USING gin (metadata jsonb_path_ops);

CREATE INDEX ON shipping.shipping_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON shipping.shipping_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW shipping.shipping_b_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.title, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM shipping.shipping_b c JOIN shipping.shipping_a p ON p.id = c.parent_id;

CREATE VIEW shipping.shipping_c_with_parent AS
SELECT c.id, c.tenant_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM shipping.shipping_c c JOIN shipping.shipping_a p ON p.id = c.parent_id;

CREATE VIEW shipping.shipping_f_with_parent AS
SELECT c.id, c.tenant_id, c.title, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM shipping.shipping_f c JOIN shipping.shipping_a p ON p.id = c.parent_id;

CREATE VIEW shipping.shipping_g_with_parent AS
SELECT c.id, c.tenant_id, c.priority, c.duration, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM shipping.shipping_g c JOIN shipping.shipping_d p ON p.id = c.parent_id;

CREATE VIEW shipping.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM shipping.shipping_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW shipping.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM shipping.shipping_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON shipping.daily_counts (tenant_id, day);

CREATE FUNCTION shipping.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM shipping.shipping_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION shipping.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'SHIPPING-' || nextval('shipping.document_number')::text $$;

CREATE PROCEDURE shipping.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM shipping.shipping_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE shipping.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE shipping.events_2024_q1 PARTITION OF shipping.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE shipping.events_2024_q2 PARTITION OF shipping.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE shipping.events_2024_q3 PARTITION OF shipping.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE shipping.events_2024_q4 PARTITION OF shipping.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE shipping.events_default PARTITION OF shipping.events DEFAULT;

CREATE INDEX ON shipping.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA shipping TO PUBLIC;

GRANT SELECT ON shipping.activity TO PUBLIC;

CREATE SCHEMA returns;

COMMENT ON SCHEMA returns IS 'The returns module.';

CREATE TYPE returns.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE returns.document_number START WITH 8000 INCREMENT BY 2;

CREATE TABLE returns.returns_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  tags text[] NOT NULL DEFAULT '{}',
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE returns.returns_a IS 'Table 1 of the returns module.';

COMMENT ON COLUMN returns.returns_a.duration IS 'Documented column.';

CREATE TABLE returns.returns_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  status returns.status NOT NULL DEFAULT 'draft',
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES returns.returns_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_b (parent_id);

CREATE INDEX ON returns.returns_b (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE returns.returns_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ip inet,
  ends_on date,
  parent_id bigint REFERENCES returns.returns_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_c (parent_id);

CREATE INDEX ON returns.returns_c (lower(name));

CREATE INDEX ON returns.returns_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, tags ON returns.returns_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE returns.returns_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  starts_on date,
  country char(2),
  status returns.status NOT NULL DEFAULT 'draft',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  external_id uuid,
  parent_id bigint REFERENCES returns.returns_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_d (parent_id);

CREATE INDEX ON returns.returns_d (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF starts_on, country ON returns.returns_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE returns.returns_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  ip inet,
  rating public.rating,
  starts_on date,
  name text NOT NULL,
  parent_id bigint REFERENCES returns.returns_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_e (parent_id);

CREATE INDEX ON returns.returns_e (lower(name));

CREATE INDEX ON returns.returns_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE returns.returns_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON returns.returns_e USING (tenant_id = public.current_tenant());

CREATE TABLE returns.returns_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  external_id uuid,
  rating public.rating,
  parent_id bigint REFERENCES returns.returns_e (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE returns.returns_f IS 'Table 6 of the returns module.';

CREATE TABLE returns.returns_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  code varchar(32) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF quantity, notes ON returns.returns_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE returns.returns_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  title varchar(200) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ip, title ON returns.returns_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN returns.returns_h.ip IS 'Documented column.';

CREATE TABLE returns.returns_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  notes text COLLATE "C",
  priority smallint NOT NULL DEFAULT 0,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  country char(2),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE returns.returns_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  status returns.status NOT NULL DEFAULT 'draft',
  external_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_j (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE returns.returns_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  ip inet,
  rating public.rating,
  external_id uuid,
  notes text COLLATE "C",
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES returns.returns_g (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_k (parent_id);

CREATE INDEX ON returns.returns_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE returns.returns_k IS 'Table 11 of the returns module.';

CREATE TABLE returns.returns_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  ip inet,
  parent_id bigint REFERENCES returns.returns_i (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON returns.returns_l (parent_id);

CREATE INDEX ON returns.returns_l USING gin (metadata jsonb_path_ops);

CREATE INDEX ON returns.returns_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON returns.returns_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW returns.returns_b_with_parent AS
SELECT c.id, c.tenant_id, c.rating, c.status, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM returns.returns_b c JOIN returns.returns_a p ON p.id = c.parent_id;

CREATE VIEW returns.returns_c_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.tags, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM returns.returns_c c JOIN returns.returns_b p ON p.id = c.parent_id;

CREATE VIEW returns.returns_d_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.country, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM returns.returns_d c JOIN returns.returns_c p ON p.id = c.parent_id;

CREATE VIEW returns.returns_e_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.rating, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM returns.returns_e c JOIN returns.returns_a p ON p.id = c.parent_id;

CREATE VIEW returns.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM returns.returns_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW returns.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM returns.returns_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON returns.daily_counts (tenant_id, day);

CREATE FUNCTION returns.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM returns.returns_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION returns.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'RETURNS-' || nextval('returns.document_number')::text $$;

CREATE PROCEDURE returns.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM returns.returns_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA returns TO PUBLIC;

GRANT SELECT ON returns.activity TO PUBLIC;

CREATE SCHEMA inventory;

COMMENT ON SCHEMA inventory IS 'The inventory module.';

CREATE TYPE inventory.status AS ENUM ('draft', 'active');

CREATE SEQUENCE inventory.document_number START WITH 9000 INCREMENT BY 3;

CREATE TABLE inventory.inventory_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  status inventory.status NOT NULL DEFAULT 'draft',
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON inventory.inventory_a (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE inventory.inventory_a IS 'Table 1 of the inventory module.';

COMMENT ON COLUMN inventory.inventory_a.rating IS 'Documented column.';

CREATE TABLE inventory.inventory_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  price public.money_amount,
  ends_on date,
  duration interval,
  is_active boolean NOT NULL DEFAULT true,
  external_id uuid,
  parent_id bigint REFERENCES inventory.inventory_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON inventory.inventory_b (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE inventory.inventory_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  version integer NOT NULL DEFAULT 1,
  ends_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  code varchar(32) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, ends_on ON inventory.inventory_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE inventory.inventory_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  email public.email,
  ip inet,
  country char(2),
  parent_id bigint REFERENCES inventory.inventory_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON inventory.inventory_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE inventory.inventory_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  title varchar(200) NOT NULL,
  description text,
  parent_id bigint REFERENCES inventory.inventory_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON inventory.inventory_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE inventory.inventory_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON inventory.inventory_e USING (tenant_id = public.current_tenant());

CREATE TABLE inventory.inventory_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  rating public.rating,
  tags text[] NOT NULL DEFAULT '{}',
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON inventory.inventory_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE inventory.inventory_f IS 'Table 6 of the inventory module.';

CREATE TABLE inventory.inventory_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  ends_on date,
  ip inet,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES inventory.inventory_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON inventory.inventory_g (parent_id);

CREATE INDEX ON inventory.inventory_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE inventory.inventory_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  name text NOT NULL,
  email public.email,
  tags text[] NOT NULL DEFAULT '{}',
  country char(2),
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON inventory.inventory_h (lower(name));

CREATE INDEX ON inventory.inventory_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN inventory.inventory_h.rating IS 'Documented column.';

CREATE TABLE inventory.inventory_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  status inventory.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES inventory.inventory_d (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON inventory.inventory_i (parent_id);

CREATE INDEX ON inventory.inventory_i (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON inventory.inventory_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE inventory.inventory_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  external_id uuid,
  parent_id bigint REFERENCES inventory.inventory_h (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON inventory.inventory_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE inventory.inventory_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  ends_on date,
  is_active boolean NOT NULL DEFAULT true,
  duration interval,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  rating public.rating,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE inventory.inventory_k IS 'Table 11 of the inventory module.';

CREATE TABLE inventory.inventory_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON inventory.inventory_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON inventory.inventory_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name ON inventory.inventory_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE VIEW inventory.inventory_b_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.price, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM inventory.inventory_b c JOIN inventory.inventory_a p ON p.id = c.parent_id;

CREATE VIEW inventory.inventory_d_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.ip, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM inventory.inventory_d c JOIN inventory.inventory_a p ON p.id = c.parent_id;

CREATE VIEW inventory.inventory_e_with_parent AS
SELECT c.id, c.tenant_id, c.title, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM inventory.inventory_e c JOIN inventory.inventory_b p ON p.id = c.parent_id;

CREATE VIEW inventory.inventory_g_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.priority, c.ip, p.id AS parent_ref, p.created_at AS parent_created_at
FROM inventory.inventory_g c JOIN inventory.inventory_c p ON p.id = c.parent_id;

CREATE VIEW inventory.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM inventory.inventory_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW inventory.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM inventory.inventory_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON inventory.daily_counts (tenant_id, day);

CREATE FUNCTION inventory.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM inventory.inventory_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION inventory.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'INVENTORY-' || nextval('inventory.document_number')::text $$;

CREATE PROCEDURE inventory.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inventory.inventory_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA inventory TO PUBLIC;

GRANT SELECT ON inventory.activity TO PUBLIC;

CREATE SCHEMA warehouse;

COMMENT ON SCHEMA warehouse IS 'The warehouse module.';

CREATE TYPE warehouse.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE warehouse.document_number START WITH 10000 INCREMENT BY 1;

CREATE TABLE warehouse.warehouse_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  duration interval,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  status warehouse.status NOT NULL DEFAULT 'draft',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON warehouse.warehouse_a (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, duration ON warehouse.warehouse_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE warehouse.warehouse_a IS 'Table 1 of the warehouse module.';

COMMENT ON COLUMN warehouse.warehouse_a.is_active IS 'Documented column.';

CREATE TABLE warehouse.warehouse_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  starts_on date,
  country char(2),
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES warehouse.warehouse_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON warehouse.warehouse_b (parent_id);

CREATE INDEX ON warehouse.warehouse_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE warehouse.warehouse_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  weight_kg numeric(10,3),
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES warehouse.warehouse_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON warehouse.warehouse_c (parent_id);

CREATE INDEX ON warehouse.warehouse_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF code, weight_kg ON warehouse.warehouse_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE warehouse.warehouse_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  notes text COLLATE "C",
  name text NOT NULL,
  duration interval,
  parent_id bigint REFERENCES warehouse.warehouse_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON warehouse.warehouse_d (parent_id);

CREATE INDEX ON warehouse.warehouse_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE warehouse.warehouse_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  weight_kg numeric(10,3),
  title varchar(200) NOT NULL,
  starts_on date,
  ip inet,
  parent_id bigint REFERENCES warehouse.warehouse_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON warehouse.warehouse_e (parent_id);

CREATE INDEX ON warehouse.warehouse_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE warehouse.warehouse_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON warehouse.warehouse_e USING (tenant_id = public.current_tenant());

CREATE TABLE warehouse.warehouse_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES warehouse.warehouse_e (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON warehouse.warehouse_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE warehouse.warehouse_f IS 'Table 6 of the warehouse module.';

CREATE TABLE warehouse.warehouse_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  email public.email,
  ends_on date,
  starts_on date,
  priority smallint NOT NULL DEFAULT 0,
  code varchar(32) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES warehouse.warehouse_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON warehouse.warehouse_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE warehouse.warehouse_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  duration interval,
  price public.money_amount,
  version integer NOT NULL DEFAULT 1,
  description text,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON warehouse.warehouse_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF tags, duration ON warehouse.warehouse_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN warehouse.warehouse_h.tags IS 'Documented column.';

CREATE TABLE warehouse.warehouse_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  ends_on date,
  weight_kg numeric(10,3),
  price public.money_amount,
  version integer NOT NULL DEFAULT 1,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, ends_on ON warehouse.warehouse_i FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE warehouse.warehouse_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ends_on date,
  notes text COLLATE "C",
  title varchar(200) NOT NULL,
  rating public.rating,
  parent_id bigint REFERENCES warehouse.warehouse_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON warehouse.warehouse_j (parent_id);

CREATE INDEX ON warehouse.warehouse_j USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE warehouse.warehouse_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  name text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES warehouse.warehouse_j (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON warehouse.warehouse_k (parent_id);

CREATE INDEX ON warehouse.warehouse_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE warehouse.warehouse_k IS 'Table 11 of the warehouse module.';

CREATE TABLE warehouse.warehouse_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  score double precision,
  duration interval,
  notes text COLLATE "C",
  ends_on date,
  code varchar(32) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON warehouse.warehouse_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW warehouse.warehouse_b_with_parent AS
SELECT c.id, c.tenant_id, c.code, c.starts_on, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM warehouse.warehouse_b c JOIN warehouse.warehouse_a p ON p.id = c.parent_id;

CREATE VIEW warehouse.warehouse_c_with_parent AS
SELECT c.id, c.tenant_id, c.code, c.weight_kg, c.tags, p.id AS parent_ref, p.created_at AS parent_created_at
FROM warehouse.warehouse_c c JOIN warehouse.warehouse_a p ON p.id = c.parent_id;

CREATE VIEW warehouse.warehouse_d_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.notes, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM warehouse.warehouse_d c JOIN warehouse.warehouse_c p ON p.id = c.parent_id;

CREATE VIEW warehouse.warehouse_e_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.weight_kg, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM warehouse.warehouse_e c JOIN warehouse.warehouse_a p ON p.id = c.parent_id;

CREATE VIEW warehouse.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM warehouse.warehouse_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW warehouse.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM warehouse.warehouse_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON warehouse.daily_counts (tenant_id, day);

CREATE FUNCTION warehouse.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM warehouse.warehouse_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION warehouse.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'WAREHOUSE-' || nextval('warehouse.document_number')::text $$;

CREATE PROCEDURE warehouse.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM warehouse.warehouse_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE warehouse.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE warehouse.events_2024_q1 PARTITION OF warehouse.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE warehouse.events_2024_q2 PARTITION OF warehouse.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE warehouse.events_2024_q3 PARTITION OF warehouse.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE warehouse.events_2024_q4 PARTITION OF warehouse.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE warehouse.events_default PARTITION OF warehouse.events DEFAULT;

CREATE INDEX ON warehouse.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA warehouse TO PUBLIC;

GRANT SELECT ON warehouse.activity TO PUBLIC;

CREATE SCHEMA suppliers;

COMMENT ON SCHEMA suppliers IS 'The suppliers module.';

CREATE TYPE suppliers.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE suppliers.document_number START WITH 11000 INCREMENT BY 2;

CREATE TABLE suppliers.suppliers_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  rating public.rating,
  external_id uuid,
  ip inet,
  description text,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE suppliers.suppliers_a IS 'Table 1 of the suppliers module.';

COMMENT ON COLUMN suppliers.suppliers_a.duration IS 'Documented column.';

CREATE TABLE suppliers.suppliers_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  status suppliers.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES suppliers.suppliers_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON suppliers.suppliers_b (parent_id);

CREATE INDEX ON suppliers.suppliers_b (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE suppliers.suppliers_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  name text NOT NULL,
  starts_on date,
  price public.money_amount,
  rating public.rating,
  country char(2),
  is_active boolean NOT NULL DEFAULT true,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON suppliers.suppliers_c (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE suppliers.suppliers_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  ip inet,
  priority smallint NOT NULL DEFAULT 0,
  title varchar(200) NOT NULL,
  duration interval,
  parent_id bigint REFERENCES suppliers.suppliers_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON suppliers.suppliers_d (parent_id);

CREATE INDEX ON suppliers.suppliers_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE suppliers.suppliers_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status suppliers.status NOT NULL DEFAULT 'draft',
  code varchar(32) NOT NULL,
  rating public.rating,
  starts_on date,
  parent_id bigint REFERENCES suppliers.suppliers_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON suppliers.suppliers_e (parent_id);

CREATE INDEX ON suppliers.suppliers_e (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE suppliers.suppliers_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON suppliers.suppliers_e USING (tenant_id = public.current_tenant());

CREATE TABLE suppliers.suppliers_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  weight_kg numeric(10,3),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip inet,
  external_id uuid,
  score double precision,
  description text,
  parent_id bigint REFERENCES suppliers.suppliers_e (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON suppliers.suppliers_f (parent_id);

CREATE INDEX ON suppliers.suppliers_f USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE suppliers.suppliers_f IS 'Table 6 of the suppliers module.';

CREATE TABLE suppliers.suppliers_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  version integer NOT NULL DEFAULT 1,
  email public.email,
  status suppliers.status NOT NULL DEFAULT 'draft',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  duration interval,
  ip inet,
  notes text COLLATE "C",
  parent_id bigint REFERENCES suppliers.suppliers_d (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON suppliers.suppliers_g (parent_id);

CREATE INDEX ON suppliers.suppliers_g (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF rating, email ON suppliers.suppliers_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE suppliers.suppliers_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  email public.email,
  name text NOT NULL,
  title varchar(200) NOT NULL,
  weight_kg numeric(10,3),
  is_active boolean NOT NULL DEFAULT true,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON suppliers.suppliers_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN suppliers.suppliers_h.priority IS 'Documented column.';

CREATE TABLE suppliers.suppliers_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  weight_kg numeric(10,3),
  duration interval,
  name text NOT NULL,
  description text,
  parent_id bigint REFERENCES suppliers.suppliers_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON suppliers.suppliers_i (parent_id);

CREATE INDEX ON suppliers.suppliers_i USING gin (metadata jsonb_path_ops);

CREATE INDEX ON suppliers.suppliers_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE suppliers.suppliers_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  duration interval,
  email public.email,
  ip inet,
  parent_id bigint REFERENCES suppliers.suppliers_e (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON suppliers.suppliers_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE suppliers.suppliers_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  email public.email,
  code varchar(32) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  ends_on date,
  parent_id bigint REFERENCES suppliers.suppliers_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON suppliers.suppliers_k (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF external_id, email ON suppliers.suppliers_k FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE suppliers.suppliers_k IS 'Table 11 of the suppliers module.';

CREATE TABLE suppliers.suppliers_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  status suppliers.status NOT NULL DEFAULT 'draft',
  code varchar(32) NOT NULL,
  starts_on date,
  rating public.rating,
  parent_id bigint REFERENCES suppliers.suppliers_j (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON suppliers.suppliers_l (parent_id);

CREATE INDEX ON suppliers.suppliers_l (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON suppliers.suppliers_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW suppliers.suppliers_b_with_parent AS
SELECT c.id, c.tenant_id, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM suppliers.suppliers_b c JOIN suppliers.suppliers_a p ON p.id = c.parent_id;

CREATE VIEW suppliers.suppliers_d_with_parent AS
SELECT c.id, c.tenant_id, c.tags, c.ip, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM suppliers.suppliers_d c JOIN suppliers.suppliers_c p ON p.id = c.parent_id;

CREATE VIEW suppliers.suppliers_e_with_parent AS
SELECT c.id, c.tenant_id, c.status, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM suppliers.suppliers_e c JOIN suppliers.suppliers_c p ON p.id = c.parent_id;

CREATE VIEW suppliers.suppliers_f_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.weight_kg, c.metadata, p.id AS parent_ref, p.created_at AS parent_created_at
FROM suppliers.suppliers_f c JOIN suppliers.suppliers_e p ON p.id = c.parent_id;

CREATE VIEW suppliers.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM suppliers.suppliers_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW suppliers.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM suppliers.suppliers_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON suppliers.daily_counts (tenant_id, day);

CREATE FUNCTION suppliers.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM suppliers.suppliers_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION suppliers.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'SUPPLIERS-' || nextval('suppliers.document_number')::text $$;

CREATE PROCEDURE suppliers.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM suppliers.suppliers_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA suppliers TO PUBLIC;

GRANT SELECT ON suppliers.activity TO PUBLIC;

CREATE SCHEMA marketing;

COMMENT ON SCHEMA marketing IS 'The marketing module.';

CREATE TYPE marketing.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE marketing.document_number START WITH 12000 INCREMENT BY 3;

CREATE TABLE marketing.marketing_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  status marketing.status NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON marketing.marketing_a (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON marketing.marketing_a (lower(name));

CREATE INDEX ON marketing.marketing_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF tags, status ON marketing.marketing_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE marketing.marketing_a IS 'Table 1 of the marketing module.';

COMMENT ON COLUMN marketing.marketing_a.tags IS 'Documented column.';

CREATE TABLE marketing.marketing_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  duration interval,
  score double precision,
  name text NOT NULL,
  email public.email,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES marketing.marketing_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON marketing.marketing_b (parent_id);

CREATE INDEX ON marketing.marketing_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE marketing.marketing_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  weight_kg numeric(10,3),
  email public.email,
  name text NOT NULL,
  title varchar(200) NOT NULL,
  ip inet,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON marketing.marketing_c (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE marketing.marketing_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  priority smallint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  weight_kg numeric(10,3),
  status marketing.status NOT NULL DEFAULT 'draft',
  ends_on date,
  parent_id bigint REFERENCES marketing.marketing_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON marketing.marketing_d (parent_id);

CREATE INDEX ON marketing.marketing_d (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF price, amount ON marketing.marketing_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE marketing.marketing_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ends_on date,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  external_id uuid,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES marketing.marketing_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON marketing.marketing_e (parent_id);

CREATE INDEX ON marketing.marketing_e USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF quantity, metadata ON marketing.marketing_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE marketing.marketing_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON marketing.marketing_e USING (tenant_id = public.current_tenant());

CREATE TABLE marketing.marketing_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  duration interval,
  code varchar(32) NOT NULL,
  starts_on date,
  parent_id bigint REFERENCES marketing.marketing_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON marketing.marketing_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE marketing.marketing_f IS 'Table 6 of the marketing module.';

CREATE TABLE marketing.marketing_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  tags text[] NOT NULL DEFAULT '{}',
  title varchar(200) NOT NULL,
  weight_kg numeric(10,3),
  rating public.rating,
  external_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON marketing.marketing_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE marketing.marketing_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  rating public.rating,
  ends_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  title varchar(200) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES marketing.marketing_b (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON marketing.marketing_h (parent_id);

CREATE INDEX ON marketing.marketing_h USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN marketing.marketing_h.ip IS 'Documented column.';

CREATE TABLE marketing.marketing_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  country char(2),
  tags text[] NOT NULL DEFAULT '{}',
  description text,
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON marketing.marketing_i (lower(name));

CREATE INDEX ON marketing.marketing_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE marketing.marketing_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  rating public.rating,
  email public.email,
  parent_id bigint REFERENCES marketing.marketing_g (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON marketing.marketing_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE marketing.marketing_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  ip inet,
  description text,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ip, description ON marketing.marketing_k FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE marketing.marketing_k IS 'Table 11 of the marketing module.';

CREATE TABLE marketing.marketing_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  priority smallint NOT NULL DEFAULT 0,
  rating public.rating,
  version integer NOT NULL DEFAULT 1,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON marketing.marketing_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, score ON marketing.marketing_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE VIEW marketing.marketing_b_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.amount, c.duration, p.id AS parent_ref, p.created_at AS parent_created_at
FROM marketing.marketing_b c JOIN marketing.marketing_a p ON p.id = c.parent_id;

CREATE VIEW marketing.marketing_d_with_parent AS
SELECT c.id, c.tenant_id, c.price, c.amount, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM marketing.marketing_d c JOIN marketing.marketing_c p ON p.id = c.parent_id;

CREATE VIEW marketing.marketing_e_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.ends_on, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM marketing.marketing_e c JOIN marketing.marketing_c p ON p.id = c.parent_id;

CREATE VIEW marketing.marketing_f_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.duration, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM marketing.marketing_f c JOIN marketing.marketing_c p ON p.id = c.parent_id;

CREATE VIEW marketing.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM marketing.marketing_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW marketing.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM marketing.marketing_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON marketing.daily_counts (tenant_id, day);

CREATE FUNCTION marketing.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM marketing.marketing_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION marketing.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'MARKETING-' || nextval('marketing.document_number')::text $$;

CREATE PROCEDURE marketing.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM marketing.marketing_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA marketing TO PUBLIC;

GRANT SELECT ON marketing.activity TO PUBLIC;

CREATE SCHEMA coupons;

COMMENT ON SCHEMA coupons IS 'The coupons module.';

CREATE TYPE coupons.status AS ENUM ('draft', 'active');

CREATE SEQUENCE coupons.document_number START WITH 13000 INCREMENT BY 1;

CREATE TABLE coupons.coupons_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  external_id uuid,
  version integer NOT NULL DEFAULT 1,
  score double precision,
  rating public.rating,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons.coupons_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, external_id ON coupons.coupons_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE coupons.coupons_a IS 'Table 1 of the coupons module.';

COMMENT ON COLUMN coupons.coupons_a.title IS 'Documented column.';

CREATE TABLE coupons.coupons_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  price public.money_amount,
  is_active boolean NOT NULL DEFAULT true,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES coupons.coupons_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons.coupons_b (parent_id);

CREATE INDEX ON coupons.coupons_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, price ON coupons.coupons_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE coupons.coupons_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  ip inet,
  external_id uuid,
  version integer NOT NULL DEFAULT 1,
  rating public.rating,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, ip ON coupons.coupons_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE coupons.coupons_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  status coupons.status NOT NULL DEFAULT 'draft',
  duration interval,
  parent_id bigint REFERENCES coupons.coupons_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons.coupons_d (parent_id);

CREATE INDEX ON coupons.coupons_d (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF status, duration ON coupons.coupons_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE coupons.coupons_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  rating public.rating,
  parent_id bigint REFERENCES coupons.coupons_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons.coupons_e (parent_id);

CREATE INDEX ON coupons.coupons_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE coupons.coupons_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON coupons.coupons_e USING (tenant_id = public.current_tenant());

CREATE TABLE coupons.coupons_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  rating public.rating,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  duration interval,
  title varchar(200) NOT NULL,
  external_id uuid,
  is_active boolean NOT NULL DEFAULT true,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons.coupons_f USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE coupons.coupons_f IS 'Table 6 of the coupons module.';

CREATE TABLE coupons.coupons_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  status coupons.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  country char(2),
  notes text COLLATE "C",
  parent_id bigint REFERENCES coupons.coupons_d (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons.coupons_g (parent_id);

CREATE INDEX ON coupons.coupons_g (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON coupons.coupons_g USING gin (metadata jsonb_path_ops);

CREATE INDEX ON coupons.coupons_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE coupons.coupons_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status coupons.status NOT NULL DEFAULT 'draft',
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  is_active boolean NOT NULL DEFAULT true,
  weight_kg numeric(10,3),
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons.coupons_h (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON coupons.coupons_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN coupons.coupons_h.status IS 'Documented column.';

CREATE TABLE coupons.coupons_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  duration interval,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ends_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES coupons.coupons_f (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons.coupons_i (parent_id);

CREATE INDEX ON coupons.coupons_i USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE coupons.coupons_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  score double precision,
  version integer NOT NULL DEFAULT 1,
  ends_on date,
  parent_id bigint REFERENCES coupons.coupons_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON coupons.coupons_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF amount, score ON coupons.coupons_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE coupons.coupons_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  notes text COLLATE "C",
  code varchar(32) NOT NULL,
  description text,
  tags text[] NOT NULL DEFAULT '{}',
  price public.money_amount,
  external_id uuid,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON coupons.coupons_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE coupons.coupons_k IS 'Table 11 of the coupons module.';

CREATE TABLE coupons.coupons_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  is_active boolean NOT NULL DEFAULT true,
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON coupons.coupons_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW coupons.coupons_b_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.price, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM coupons.coupons_b c JOIN coupons.coupons_a p ON p.id = c.parent_id;

CREATE VIEW coupons.coupons_d_with_parent AS
SELECT c.id, c.tenant_id, c.status, c.duration, p.id AS parent_ref, p.created_at AS parent_created_at
FROM coupons.coupons_d c JOIN coupons.coupons_b p ON p.id = c.parent_id;

CREATE VIEW coupons.coupons_e_with_parent AS
SELECT c.id, c.tenant_id, c.priority, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM coupons.coupons_e c JOIN coupons.coupons_a p ON p.id = c.parent_id;

CREATE VIEW coupons.coupons_g_with_parent AS
SELECT c.id, c.tenant_id, c.price, c.metadata, c.tags, p.id AS parent_ref, p.created_at AS parent_created_at
FROM coupons.coupons_g c JOIN coupons.coupons_d p ON p.id = c.parent_id;

CREATE VIEW coupons.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM coupons.coupons_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW coupons.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM coupons.coupons_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON coupons.daily_counts (tenant_id, day);

CREATE FUNCTION coupons.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM coupons.coupons_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION coupons.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'COUPONS-' || nextval('coupons.document_number')::text $$;

CREATE PROCEDURE coupons.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM coupons.coupons_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE coupons.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE coupons.events_2024_q1 PARTITION OF coupons.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE coupons.events_2024_q2 PARTITION OF coupons.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE coupons.events_2024_q3 PARTITION OF coupons.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE coupons.events_2024_q4 PARTITION OF coupons.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE coupons.events_default PARTITION OF coupons.events DEFAULT;

CREATE INDEX ON coupons.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA coupons TO PUBLIC;

GRANT SELECT ON coupons.activity TO PUBLIC;

CREATE SCHEMA reviews;

COMMENT ON SCHEMA reviews IS 'The reviews module.';

CREATE TYPE reviews.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE reviews.document_number START WITH 14000 INCREMENT BY 2;

CREATE TABLE reviews.reviews_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  description text,
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  status reviews.status NOT NULL DEFAULT 'draft',
  score double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_a (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON reviews.reviews_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE reviews.reviews_a IS 'Table 1 of the reviews module.';

COMMENT ON COLUMN reviews.reviews_a.tags IS 'Documented column.';

CREATE TABLE reviews.reviews_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  notes text COLLATE "C",
  priority smallint NOT NULL DEFAULT 0,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES reviews.reviews_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_b (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reviews.reviews_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  ends_on date,
  notes text COLLATE "C",
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reviews.reviews_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  status reviews.status NOT NULL DEFAULT 'draft',
  ends_on date,
  parent_id bigint REFERENCES reviews.reviews_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_d (parent_id);

CREATE INDEX ON reviews.reviews_d (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reviews.reviews_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  priority smallint NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  duration interval,
  score double precision,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES reviews.reviews_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_e (parent_id);

CREATE INDEX ON reviews.reviews_e USING gin (metadata jsonb_path_ops);

CREATE INDEX ON reviews.reviews_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF notes, priority ON reviews.reviews_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE reviews.reviews_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON reviews.reviews_e USING (tenant_id = public.current_tenant());

CREATE TABLE reviews.reviews_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  price public.money_amount,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  is_active boolean NOT NULL DEFAULT true,
  ip inet,
  parent_id bigint REFERENCES reviews.reviews_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_f (parent_id);

CREATE INDEX ON reviews.reviews_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE reviews.reviews_f IS 'Table 6 of the reviews module.';

CREATE TABLE reviews.reviews_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status reviews.status NOT NULL DEFAULT 'draft',
  score double precision,
  notes text COLLATE "C",
  parent_id bigint REFERENCES reviews.reviews_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_g (parent_id);

CREATE INDEX ON reviews.reviews_g (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reviews.reviews_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  tags text[] NOT NULL DEFAULT '{}',
  rating public.rating,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN reviews.reviews_h.country IS 'Documented column.';

CREATE TABLE reviews.reviews_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  ends_on date,
  external_id uuid,
  description text,
  title varchar(200) NOT NULL,
  email public.email,
  score double precision,
  parent_id bigint REFERENCES reviews.reviews_h (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ends_on, external_id ON reviews.reviews_i FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE reviews.reviews_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  status reviews.status NOT NULL DEFAULT 'draft',
  duration interval,
  ip inet,
  title varchar(200) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES reviews.reviews_h (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_j (parent_id);

CREATE INDEX ON reviews.reviews_j (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reviews.reviews_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rating public.rating,
  ends_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE reviews.reviews_k IS 'Table 11 of the reviews module.';

CREATE TABLE reviews.reviews_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  title varchar(200) NOT NULL,
  ip inet,
  description text,
  name text NOT NULL,
  parent_id bigint REFERENCES reviews.reviews_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reviews.reviews_l (parent_id);

CREATE INDEX ON reviews.reviews_l USING gin (metadata jsonb_path_ops);

CREATE INDEX ON reviews.reviews_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON reviews.reviews_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW reviews.reviews_b_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.priority, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM reviews.reviews_b c JOIN reviews.reviews_a p ON p.id = c.parent_id;

CREATE VIEW reviews.reviews_d_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM reviews.reviews_d c JOIN reviews.reviews_a p ON p.id = c.parent_id;

CREATE VIEW reviews.reviews_e_with_parent AS
SELECT c.id, c.tenant_id, c.priority, c.metadata, c.tags, p.id AS parent_ref, p.created_at AS parent_created_at
FROM reviews.reviews_e c JOIN reviews.reviews_c p ON p.id = c.parent_id;

CREATE VIEW reviews.reviews_f_with_parent AS
SELECT c.id, c.tenant_id, c.price, c.is_active, c.ip, p.id AS parent_ref, p.created_at AS parent_created_at
FROM reviews.reviews_f c JOIN reviews.reviews_a p ON p.id = c.parent_id;

CREATE VIEW reviews.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM reviews.reviews_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW reviews.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM reviews.reviews_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON reviews.daily_counts (tenant_id, day);

CREATE FUNCTION reviews.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM reviews.reviews_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION reviews.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'REVIEWS-' || nextval('reviews.document_number')::text $$;

CREATE PROCEDURE reviews.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM reviews.reviews_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA reviews TO PUBLIC;

GRANT SELECT ON reviews.activity TO PUBLIC;

CREATE SCHEMA support;

COMMENT ON SCHEMA support IS 'The support module.';

CREATE TYPE support.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE support.document_number START WITH 15000 INCREMENT BY 3;

CREATE TABLE support.support_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  duration interval,
  external_id uuid,
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON support.support_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE support.support_a IS 'Table 1 of the support module.';

COMMENT ON COLUMN support.support_a.ends_on IS 'Documented column.';

CREATE TABLE support.support_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  rating public.rating,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON support.support_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF metadata, score ON support.support_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE support.support_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  country char(2),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  name text NOT NULL,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_c (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON support.support_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE support.support_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  weight_kg numeric(10,3),
  title varchar(200) NOT NULL,
  ip inet,
  price public.money_amount,
  external_id uuid,
  parent_id bigint REFERENCES support.support_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_d (parent_id);

CREATE INDEX ON support.support_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON support.support_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE support.support_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  email public.email,
  status support.status NOT NULL DEFAULT 'draft',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_e (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON support.support_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON support.support_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE support.support_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON support.support_e USING (tenant_id = public.current_tenant());

CREATE TABLE support.support_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  duration interval,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES support.support_b (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON support.support_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE support.support_f IS 'Table 6 of the support module.';

CREATE TABLE support.support_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  rating public.rating,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  score double precision,
  parent_id bigint REFERENCES support.support_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON support.support_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE support.support_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON support.support_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN support.support_h.ends_on IS 'Documented column.';

CREATE TABLE support.support_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  external_id uuid,
  email public.email,
  parent_id bigint REFERENCES support.support_e (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON support.support_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE support.support_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  weight_kg numeric(10,3),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_j USING gin (metadata jsonb_path_ops);

CREATE INDEX ON support.support_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON support.support_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE support.support_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  external_id uuid,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  starts_on date,
  parent_id bigint REFERENCES support.support_e (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_k (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON support.support_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE support.support_k IS 'Table 11 of the support module.';

CREATE TABLE support.support_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  ends_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES support.support_f (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON support.support_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON support.support_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW support.support_d_with_parent AS
SELECT c.id, c.tenant_id, c.weight_kg, c.ip, c.price, p.id AS parent_ref, p.created_at AS parent_created_at
FROM support.support_d c JOIN support.support_c p ON p.id = c.parent_id;

CREATE VIEW support.support_f_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM support.support_f c JOIN support.support_b p ON p.id = c.parent_id;

CREATE VIEW support.support_g_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.rating, c.score, p.id AS parent_ref, p.created_at AS parent_created_at
FROM support.support_g c JOIN support.support_c p ON p.id = c.parent_id;

CREATE VIEW support.support_i_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.external_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM support.support_i c JOIN support.support_e p ON p.id = c.parent_id;

CREATE VIEW support.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM support.support_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW support.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM support.support_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON support.daily_counts (tenant_id, day);

CREATE FUNCTION support.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM support.support_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION support.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'SUPPORT-' || nextval('support.document_number')::text $$;

CREATE PROCEDURE support.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM support.support_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA support TO PUBLIC;

GRANT SELECT ON support.activity TO PUBLIC;

CREATE SCHEMA loyalty;

COMMENT ON SCHEMA loyalty IS 'The loyalty module.';

CREATE TYPE loyalty.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE loyalty.document_number START WITH 16000 INCREMENT BY 1;

CREATE TABLE loyalty.loyalty_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  email public.email,
  status loyalty.status NOT NULL DEFAULT 'draft',
  notes text COLLATE "C",
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_a (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE loyalty.loyalty_a IS 'Table 1 of the loyalty module.';

COMMENT ON COLUMN loyalty.loyalty_a.ip IS 'Documented column.';

CREATE TABLE loyalty.loyalty_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  starts_on date,
  ends_on date,
  price public.money_amount,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES loyalty.loyalty_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_b (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE loyalty.loyalty_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  title varchar(200) NOT NULL,
  starts_on date,
  duration interval,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE loyalty.loyalty_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  price public.money_amount,
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES loyalty.loyalty_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_d (parent_id);

CREATE INDEX ON loyalty.loyalty_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON loyalty.loyalty_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, price ON loyalty.loyalty_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE loyalty.loyalty_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  status loyalty.status NOT NULL DEFAULT 'draft',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  external_id uuid,
  country char(2),
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES loyalty.loyalty_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_e (parent_id);

CREATE INDEX ON loyalty.loyalty_e (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE loyalty.loyalty_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON loyalty.loyalty_e USING (tenant_id = public.current_tenant());

CREATE TABLE loyalty.loyalty_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  duration interval,
  parent_id bigint REFERENCES loyalty.loyalty_e (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE loyalty.loyalty_f IS 'Table 6 of the loyalty module.';

CREATE TABLE loyalty.loyalty_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  rating public.rating,
  description text,
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE loyalty.loyalty_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES loyalty.loyalty_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_h (parent_id);

CREATE INDEX ON loyalty.loyalty_h USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN loyalty.loyalty_h.score IS 'Documented column.';

CREATE TABLE loyalty.loyalty_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  country char(2),
  external_id uuid,
  ip inet,
  notes text COLLATE "C",
  status loyalty.status NOT NULL DEFAULT 'draft',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_i (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE loyalty.loyalty_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  rating public.rating,
  score double precision,
  duration interval,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  price public.money_amount,
  parent_id bigint REFERENCES loyalty.loyalty_d (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_j (parent_id);

CREATE INDEX ON loyalty.loyalty_j USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF rating, score ON loyalty.loyalty_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE loyalty.loyalty_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  external_id uuid,
  country char(2),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE loyalty.loyalty_k IS 'Table 11 of the loyalty module.';

CREATE TABLE loyalty.loyalty_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  external_id uuid,
  description text,
  email public.email,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  country char(2),
  ip inet,
  parent_id bigint REFERENCES loyalty.loyalty_e (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON loyalty.loyalty_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON loyalty.loyalty_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW loyalty.loyalty_b_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.starts_on, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM loyalty.loyalty_b c JOIN loyalty.loyalty_a p ON p.id = c.parent_id;

CREATE VIEW loyalty.loyalty_d_with_parent AS
SELECT c.id, c.tenant_id, c.price, c.is_active, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM loyalty.loyalty_d c JOIN loyalty.loyalty_c p ON p.id = c.parent_id;

CREATE VIEW loyalty.loyalty_e_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.status, c.quantity, p.id AS parent_ref, p.created_at AS parent_created_at
FROM loyalty.loyalty_e c JOIN loyalty.loyalty_d p ON p.id = c.parent_id;

CREATE VIEW loyalty.loyalty_f_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.amount, c.duration, p.id AS parent_ref, p.created_at AS parent_created_at
FROM loyalty.loyalty_f c JOIN loyalty.loyalty_e p ON p.id = c.parent_id;

CREATE VIEW loyalty.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM loyalty.loyalty_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW loyalty.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM loyalty.loyalty_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON loyalty.daily_counts (tenant_id, day);

CREATE FUNCTION loyalty.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM loyalty.loyalty_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION loyalty.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'LOYALTY-' || nextval('loyalty.document_number')::text $$;

CREATE PROCEDURE loyalty.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM loyalty.loyalty_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE loyalty.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE loyalty.events_2024_q1 PARTITION OF loyalty.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE loyalty.events_2024_q2 PARTITION OF loyalty.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE loyalty.events_2024_q3 PARTITION OF loyalty.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE loyalty.events_2024_q4 PARTITION OF loyalty.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE loyalty.events_default PARTITION OF loyalty.events DEFAULT;

CREATE INDEX ON loyalty.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA loyalty TO PUBLIC;

GRANT SELECT ON loyalty.activity TO PUBLIC;

CREATE SCHEMA search;

COMMENT ON SCHEMA search IS 'The search module.';

CREATE TYPE search.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE search.document_number START WITH 17000 INCREMENT BY 2;

CREATE TABLE search.search_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  duration interval,
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_a USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, metadata ON search.search_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE search.search_a IS 'Table 1 of the search module.';

COMMENT ON COLUMN search.search_a.email IS 'Documented column.';

CREATE TABLE search.search_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  score double precision,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  weight_kg numeric(10,3),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE search.search_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  duration interval,
  tags text[] NOT NULL DEFAULT '{}',
  price public.money_amount,
  name text NOT NULL,
  parent_id bigint REFERENCES search.search_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_c (parent_id);

CREATE INDEX ON search.search_c (lower(name));

CREATE INDEX ON search.search_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE search.search_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  price public.money_amount,
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES search.search_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_d (parent_id);

CREATE INDEX ON search.search_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON search.search_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE search.search_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  code varchar(32) NOT NULL,
  status search.status NOT NULL DEFAULT 'draft',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  duration interval,
  is_active boolean NOT NULL DEFAULT true,
  rating public.rating,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON search.search_e (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON search.search_e USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE search.search_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON search.search_e USING (tenant_id = public.current_tenant());

CREATE TABLE search.search_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  starts_on date,
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE search.search_f IS 'Table 6 of the search module.';

CREATE TABLE search.search_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  ip inet,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES search.search_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_g (parent_id);

CREATE INDEX ON search.search_g USING gin (metadata jsonb_path_ops);

CREATE INDEX ON search.search_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON search.search_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE search.search_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES search.search_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN search.search_h.ends_on IS 'Documented column.';

CREATE TABLE search.search_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  notes text COLLATE "C",
  starts_on date,
  description text,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ends_on date,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES search.search_e (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE search.search_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status search.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  country char(2),
  parent_id bigint REFERENCES search.search_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_j (parent_id);

CREATE INDEX ON search.search_j (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON search.search_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF status, tags ON search.search_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE search.search_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  name text NOT NULL,
  ip inet,
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON search.search_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE search.search_k IS 'Table 11 of the search module.';

CREATE TABLE search.search_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  is_active boolean NOT NULL DEFAULT true,
  priority smallint NOT NULL DEFAULT 0,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  parent_id bigint REFERENCES search.search_h (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON search.search_l (parent_id);

CREATE INDEX ON search.search_l USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON search.search_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW search.search_c_with_parent AS
SELECT c.id, c.tenant_id, c.rating, c.duration, c.tags, p.id AS parent_ref, p.created_at AS parent_created_at
FROM search.search_c c JOIN search.search_b p ON p.id = c.parent_id;

CREATE VIEW search.search_d_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.metadata, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM search.search_d c JOIN search.search_c p ON p.id = c.parent_id;

CREATE VIEW search.search_g_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.ip, p.id AS parent_ref, p.created_at AS parent_created_at
FROM search.search_g c JOIN search.search_a p ON p.id = c.parent_id;

CREATE VIEW search.search_h_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.amount, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM search.search_h c JOIN search.search_b p ON p.id = c.parent_id;

CREATE VIEW search.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM search.search_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW search.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM search.search_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON search.daily_counts (tenant_id, day);

CREATE FUNCTION search.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM search.search_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION search.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'SEARCH-' || nextval('search.document_number')::text $$;

CREATE PROCEDURE search.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search.search_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA search TO PUBLIC;

GRANT SELECT ON search.activity TO PUBLIC;

CREATE SCHEMA recommend;

COMMENT ON SCHEMA recommend IS 'The recommend module.';

CREATE TYPE recommend.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE recommend.document_number START WITH 18000 INCREMENT BY 3;

CREATE TABLE recommend.recommend_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  name text NOT NULL,
  ip inet,
  starts_on date,
  email public.email,
  description text,
  score double precision,
  CHECK (ends_on >= starts_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON recommend.recommend_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE recommend.recommend_a IS 'Table 1 of the recommend module.';

COMMENT ON COLUMN recommend.recommend_a.ends_on IS 'Documented column.';

CREATE TABLE recommend.recommend_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  code varchar(32) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  priority smallint NOT NULL DEFAULT 0,
  country char(2),
  starts_on date,
  ends_on date,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES recommend.recommend_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON recommend.recommend_b (parent_id);

CREATE INDEX ON recommend.recommend_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE recommend.recommend_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  rating public.rating,
  duration interval,
  status recommend.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES recommend.recommend_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON recommend.recommend_c (parent_id);

CREATE INDEX ON recommend.recommend_c (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE recommend.recommend_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text COLLATE "C",
  duration interval,
  rating public.rating,
  country char(2),
  parent_id bigint REFERENCES recommend.recommend_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON recommend.recommend_d (parent_id);

CREATE INDEX ON recommend.recommend_d USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE recommend.recommend_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  tags text[] NOT NULL DEFAULT '{}',
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES recommend.recommend_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON recommend.recommend_e (parent_id);

CREATE INDEX ON recommend.recommend_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE recommend.recommend_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON recommend.recommend_e USING (tenant_id = public.current_tenant());

CREATE TABLE recommend.recommend_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  notes text COLLATE "C",
  rating public.rating,
  external_id uuid,
  parent_id bigint REFERENCES recommend.recommend_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON recommend.recommend_f (parent_id);

CREATE INDEX ON recommend.recommend_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE recommend.recommend_f IS 'Table 6 of the recommend module.';

CREATE TABLE recommend.recommend_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  ends_on date,
  weight_kg numeric(10,3),
  title varchar(200) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES recommend.recommend_d (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON recommend.recommend_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF duration, ends_on ON recommend.recommend_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE recommend.recommend_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  priority smallint NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES recommend.recommend_f (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON recommend.recommend_h (parent_id);

CREATE INDEX ON recommend.recommend_h USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN recommend.recommend_h.starts_on IS 'Documented column.';

CREATE TABLE recommend.recommend_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  tags text[] NOT NULL DEFAULT '{}',
  price public.money_amount,
  external_id uuid,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rating public.rating,
  parent_id bigint REFERENCES recommend.recommend_h (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON recommend.recommend_i (parent_id);

CREATE INDEX ON recommend.recommend_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE recommend.recommend_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status recommend.status NOT NULL DEFAULT 'draft',
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON recommend.recommend_j (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE recommend.recommend_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  score double precision,
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  country char(2),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON recommend.recommend_k USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, score ON recommend.recommend_k FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE recommend.recommend_k IS 'Table 11 of the recommend module.';

CREATE TABLE recommend.recommend_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  starts_on date,
  duration interval,
  priority smallint NOT NULL DEFAULT 0,
  external_id uuid,
  price public.money_amount,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON recommend.recommend_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW recommend.recommend_b_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.code, c.tags, p.id AS parent_ref, p.created_at AS parent_created_at
FROM recommend.recommend_b c JOIN recommend.recommend_a p ON p.id = c.parent_id;

CREATE VIEW recommend.recommend_c_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.description, c.quantity, p.id AS parent_ref, p.created_at AS parent_created_at
FROM recommend.recommend_c c JOIN recommend.recommend_b p ON p.id = c.parent_id;

CREATE VIEW recommend.recommend_d_with_parent AS
SELECT c.id, c.tenant_id, c.code, c.metadata, c.notes, p.id AS parent_ref, p.created_at AS parent_created_at
FROM recommend.recommend_d c JOIN recommend.recommend_a p ON p.id = c.parent_id;

CREATE VIEW recommend.recommend_e_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.is_active, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM recommend.recommend_e c JOIN recommend.recommend_b p ON p.id = c.parent_id;

CREATE VIEW recommend.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM recommend.recommend_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW recommend.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM recommend.recommend_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON recommend.daily_counts (tenant_id, day);

CREATE FUNCTION recommend.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM recommend.recommend_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION recommend.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'RECOMMEND-' || nextval('recommend.document_number')::text $$;

CREATE PROCEDURE recommend.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM recommend.recommend_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA recommend TO PUBLIC;

GRANT SELECT ON recommend.activity TO PUBLIC;

CREATE SCHEMA fraud;

COMMENT ON SCHEMA fraud IS 'The fraud module.';

CREATE TYPE fraud.status AS ENUM ('draft', 'active');

CREATE SEQUENCE fraud.document_number START WITH 19000 INCREMENT BY 1;

CREATE TABLE fraud.fraud_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  name text NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  email public.email,
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fraud.fraud_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE fraud.fraud_a IS 'Table 1 of the fraud module.';

COMMENT ON COLUMN fraud.fraud_a.price IS 'Documented column.';

CREATE TABLE fraud.fraud_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  price public.money_amount,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES fraud.fraud_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fraud.fraud_b (parent_id);

CREATE INDEX ON fraud.fraud_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fraud.fraud_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  ip inet,
  starts_on date,
  code varchar(32) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES fraud.fraud_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON fraud.fraud_c (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fraud.fraud_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  starts_on date,
  parent_id bigint REFERENCES fraud.fraud_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fraud.fraud_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fraud.fraud_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  email public.email,
  score double precision,
  parent_id bigint REFERENCES fraud.fraud_d (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON fraud.fraud_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE fraud.fraud_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON fraud.fraud_e USING (tenant_id = public.current_tenant());

CREATE TABLE fraud.fraud_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  duration interval,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  price public.money_amount,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES fraud.fraud_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fraud.fraud_f (parent_id);

CREATE INDEX ON fraud.fraud_f USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE fraud.fraud_f IS 'Table 6 of the fraud module.';

CREATE TABLE fraud.fraud_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status fraud.status NOT NULL DEFAULT 'draft',
  code varchar(32) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  duration interval,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON fraud.fraud_g (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF status, code ON fraud.fraud_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE fraud.fraud_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  external_id uuid,
  score double precision,
  parent_id bigint REFERENCES fraud.fraud_f (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fraud.fraud_h (parent_id);

CREATE INDEX ON fraud.fraud_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN fraud.fraud_h.tags IS 'Documented column.';

CREATE TABLE fraud.fraud_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  rating public.rating,
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fraud.fraud_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES fraud.fraud_g (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fraud.fraud_j (parent_id);

CREATE INDEX ON fraud.fraud_j USING gin (metadata jsonb_path_ops);

CREATE INDEX ON fraud.fraud_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fraud.fraud_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  title varchar(200) NOT NULL,
  status fraud.status NOT NULL DEFAULT 'draft',
  notes text COLLATE "C",
  parent_id bigint REFERENCES fraud.fraud_i (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fraud.fraud_k (parent_id);

CREATE INDEX ON fraud.fraud_k (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE fraud.fraud_k IS 'Table 11 of the fraud module.';

CREATE TABLE fraud.fraud_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  notes text COLLATE "C",
  description text,
  score double precision,
  code varchar(32) NOT NULL,
  ends_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES fraud.fraud_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON fraud.fraud_l (parent_id);

CREATE INDEX ON fraud.fraud_l USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON fraud.fraud_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW fraud.fraud_b_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.metadata, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fraud.fraud_b c JOIN fraud.fraud_a p ON p.id = c.parent_id;

CREATE VIEW fraud.fraud_c_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.starts_on, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fraud.fraud_c c JOIN fraud.fraud_a p ON p.id = c.parent_id;

CREATE VIEW fraud.fraud_d_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.is_active, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fraud.fraud_d c JOIN fraud.fraud_b p ON p.id = c.parent_id;

CREATE VIEW fraud.fraud_e_with_parent AS
SELECT c.id, c.tenant_id, c.code, c.email, c.score, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fraud.fraud_e c JOIN fraud.fraud_d p ON p.id = c.parent_id;

CREATE VIEW fraud.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM fraud.fraud_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW fraud.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM fraud.fraud_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON fraud.daily_counts (tenant_id, day);

CREATE FUNCTION fraud.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM fraud.fraud_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION fraud.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'FRAUD-' || nextval('fraud.document_number')::text $$;

CREATE PROCEDURE fraud.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fraud.fraud_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE fraud.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE fraud.events_2024_q1 PARTITION OF fraud.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE fraud.events_2024_q2 PARTITION OF fraud.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE fraud.events_2024_q3 PARTITION OF fraud.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE fraud.events_2024_q4 PARTITION OF fraud.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE fraud.events_default PARTITION OF fraud.events DEFAULT;

CREATE INDEX ON fraud.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA fraud TO PUBLIC;

GRANT SELECT ON fraud.activity TO PUBLIC;

CREATE SCHEMA tax;

COMMENT ON SCHEMA tax IS 'The tax module.';

CREATE TYPE tax.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE tax.document_number START WITH 20000 INCREMENT BY 2;

CREATE TABLE tax.tax_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  status tax.status NOT NULL DEFAULT 'draft',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON tax.tax_a (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE tax.tax_a IS 'Table 1 of the tax module.';

COMMENT ON COLUMN tax.tax_a.code IS 'Documented column.';

CREATE TABLE tax.tax_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  status tax.status NOT NULL DEFAULT 'draft',
  email public.email,
  rating public.rating,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  duration interval,
  parent_id bigint REFERENCES tax.tax_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON tax.tax_b (parent_id);

CREATE INDEX ON tax.tax_b (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON tax.tax_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tax.tax_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tax.tax_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  rating public.rating,
  email public.email,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  status tax.status NOT NULL DEFAULT 'draft',
  ends_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tax.tax_d (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tax.tax_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  priority smallint NOT NULL DEFAULT 0,
  email public.email,
  parent_id bigint REFERENCES tax.tax_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tax.tax_e (parent_id);

CREATE INDEX ON tax.tax_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE tax.tax_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON tax.tax_e USING (tenant_id = public.current_tenant());

CREATE TABLE tax.tax_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  score double precision,
  country char(2),
  code varchar(32) NOT NULL,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES tax.tax_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON tax.tax_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE tax.tax_f IS 'Table 6 of the tax module.';

CREATE TABLE tax.tax_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text COLLATE "C",
  external_id uuid,
  parent_id bigint REFERENCES tax.tax_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tax.tax_g (parent_id);

CREATE INDEX ON tax.tax_g USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tax.tax_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  code varchar(32) NOT NULL,
  notes text COLLATE "C",
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN tax.tax_h.title IS 'Documented column.';

CREATE TABLE tax.tax_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  price public.money_amount,
  status tax.status NOT NULL DEFAULT 'draft',
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tax.tax_i (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF price, status ON tax.tax_i FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE tax.tax_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  external_id uuid,
  parent_id bigint REFERENCES tax.tax_i (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tax.tax_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tax.tax_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  description text,
  notes text COLLATE "C",
  status tax.status NOT NULL DEFAULT 'draft',
  score double precision,
  priority smallint NOT NULL DEFAULT 0,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tax.tax_k (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON tax.tax_k USING gin (metadata jsonb_path_ops);

CREATE INDEX ON tax.tax_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE tax.tax_k IS 'Table 11 of the tax module.';

CREATE TABLE tax.tax_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  rating public.rating,
  notes text COLLATE "C",
  ip inet,
  email public.email,
  status tax.status NOT NULL DEFAULT 'draft',
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tax.tax_l (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON tax.tax_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW tax.tax_b_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.email, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM tax.tax_b c JOIN tax.tax_a p ON p.id = c.parent_id;

CREATE VIEW tax.tax_e_with_parent AS
SELECT c.id, c.tenant_id, c.tags, c.priority, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM tax.tax_e c JOIN tax.tax_a p ON p.id = c.parent_id;

CREATE VIEW tax.tax_f_with_parent AS
SELECT c.id, c.tenant_id, c.title, c.score, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM tax.tax_f c JOIN tax.tax_c p ON p.id = c.parent_id;

CREATE VIEW tax.tax_g_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.external_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM tax.tax_g c JOIN tax.tax_b p ON p.id = c.parent_id;

CREATE VIEW tax.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM tax.tax_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW tax.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM tax.tax_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON tax.daily_counts (tenant_id, day);

CREATE FUNCTION tax.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM tax.tax_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION tax.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'TAX-' || nextval('tax.document_number')::text $$;

CREATE PROCEDURE tax.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tax.tax_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA tax TO PUBLIC;

GRANT SELECT ON tax.activity TO PUBLIC;

CREATE SCHEMA reports;

COMMENT ON SCHEMA reports IS 'The reports module.';

CREATE TYPE reports.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE reports.document_number START WITH 21000 INCREMENT BY 3;

CREATE TABLE reports.reports_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  external_id uuid,
  code varchar(32) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE reports.reports_a IS 'Table 1 of the reports module.';

COMMENT ON COLUMN reports.reports_a.email IS 'Documented column.';

CREATE TABLE reports.reports_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  is_active boolean NOT NULL DEFAULT true,
  notes text COLLATE "C",
  price public.money_amount,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reports.reports_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reports.reports_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  score double precision,
  duration interval,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reports.reports_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  notes text COLLATE "C",
  external_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reports.reports_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reports.reports_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  duration interval,
  version integer NOT NULL DEFAULT 1,
  score double precision,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF rating, duration ON reports.reports_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE reports.reports_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON reports.reports_e USING (tenant_id = public.current_tenant());

CREATE TABLE reports.reports_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON reports.reports_f USING gin (metadata jsonb_path_ops);

CREATE INDEX ON reports.reports_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE reports.reports_f IS 'Table 6 of the reports module.';

CREATE TABLE reports.reports_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  status reports.status NOT NULL DEFAULT 'draft',
  email public.email,
  parent_id bigint REFERENCES reports.reports_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reports.reports_g (parent_id);

CREATE INDEX ON reports.reports_g (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reports.reports_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  score double precision,
  title varchar(200) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES reports.reports_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reports.reports_h (parent_id);

CREATE INDEX ON reports.reports_h (lower(name));

CREATE INDEX ON reports.reports_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, score ON reports.reports_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN reports.reports_h.name IS 'Documented column.';

CREATE TABLE reports.reports_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  status reports.status NOT NULL DEFAULT 'draft',
  code varchar(32) NOT NULL,
  score double precision,
  parent_id bigint REFERENCES reports.reports_e (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON reports.reports_i (parent_id);

CREATE INDEX ON reports.reports_i (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON reports.reports_i USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE reports.reports_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  description text,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  ends_on date,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES reports.reports_i (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON reports.reports_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF notes, description ON reports.reports_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE reports.reports_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  external_id uuid,
  weight_kg numeric(10,3),
  price public.money_amount,
  ip inet,
  status reports.status NOT NULL DEFAULT 'draft',
  title varchar(200) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON reports.reports_k (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON reports.reports_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE reports.reports_k IS 'Table 11 of the reports module.';

CREATE TABLE reports.reports_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  is_active boolean NOT NULL DEFAULT true,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  weight_kg numeric(10,3),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON reports.reports_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW reports.reports_g_with_parent AS
SELECT c.id, c.tenant_id, c.quantity, c.status, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM reports.reports_g c JOIN reports.reports_c p ON p.id = c.parent_id;

CREATE VIEW reports.reports_h_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.title, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM reports.reports_h c JOIN reports.reports_f p ON p.id = c.parent_id;

CREATE VIEW reports.reports_i_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.metadata, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM reports.reports_i c JOIN reports.reports_e p ON p.id = c.parent_id;

CREATE VIEW reports.reports_j_with_parent AS
SELECT c.id, c.tenant_id, c.notes, c.description, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM reports.reports_j c JOIN reports.reports_i p ON p.id = c.parent_id;

CREATE VIEW reports.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM reports.reports_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW reports.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM reports.reports_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON reports.daily_counts (tenant_id, day);

CREATE FUNCTION reports.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM reports.reports_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION reports.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'REPORTS-' || nextval('reports.document_number')::text $$;

CREATE PROCEDURE reports.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM reports.reports_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA reports TO PUBLIC;

GRANT SELECT ON reports.activity TO PUBLIC;

CREATE SCHEMA partners;

COMMENT ON SCHEMA partners IS 'The partners module.';

CREATE TYPE partners.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE partners.document_number START WITH 22000 INCREMENT BY 1;

CREATE TABLE partners.partners_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  starts_on date,
  weight_kg numeric(10,3),
  description text,
  CHECK (ends_on >= starts_on),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE partners.partners_a IS 'Table 1 of the partners module.';

COMMENT ON COLUMN partners.partners_a.code IS 'Documented column.';

CREATE TABLE partners.partners_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  code varchar(32) NOT NULL,
  status partners.status NOT NULL DEFAULT 'draft',
  weight_kg numeric(10,3),
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  priority smallint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON partners.partners_b (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON partners.partners_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE partners.partners_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  status partners.status NOT NULL DEFAULT 'draft',
  code varchar(32) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  weight_kg numeric(10,3),
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON partners.partners_c (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, status ON partners.partners_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE partners.partners_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  title varchar(200) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  priority smallint NOT NULL DEFAULT 0,
  code varchar(32) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON partners.partners_d USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE partners.partners_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  country char(2),
  email public.email,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES partners.partners_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON partners.partners_e (parent_id);

CREATE INDEX ON partners.partners_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE partners.partners_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON partners.partners_e USING (tenant_id = public.current_tenant());

CREATE TABLE partners.partners_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  parent_id bigint REFERENCES partners.partners_d (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON partners.partners_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE partners.partners_f IS 'Table 6 of the partners module.';

CREATE TABLE partners.partners_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  rating public.rating,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE partners.partners_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  starts_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  code varchar(32) NOT NULL,
  title varchar(200) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON partners.partners_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN partners.partners_h.ip IS 'Documented column.';

CREATE TABLE partners.partners_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  external_id uuid,
  rating public.rating,
  title varchar(200) NOT NULL,
  status partners.status NOT NULL DEFAULT 'draft',
  country char(2),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON partners.partners_i (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE partners.partners_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  description text,
  version integer NOT NULL DEFAULT 1,
  weight_kg numeric(10,3),
  starts_on date,
  is_active boolean NOT NULL DEFAULT true,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES partners.partners_h (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON partners.partners_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ends_on, description ON partners.partners_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE partners.partners_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status partners.status NOT NULL DEFAULT 'draft',
  rating public.rating,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  duration interval,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON partners.partners_k (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE partners.partners_k IS 'Table 11 of the partners module.';

CREATE TABLE partners.partners_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  score double precision,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON partners.partners_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON partners.partners_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW partners.partners_e_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.country, c.tags, p.id AS parent_ref, p.created_at AS parent_created_at
FROM partners.partners_e c JOIN partners.partners_c p ON p.id = c.parent_id;

CREATE VIEW partners.partners_f_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM partners.partners_f c JOIN partners.partners_d p ON p.id = c.parent_id;

CREATE VIEW partners.partners_j_with_parent AS
SELECT c.id, c.tenant_id, c.ends_on, c.description, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM partners.partners_j c JOIN partners.partners_h p ON p.id = c.parent_id;

CREATE VIEW partners.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM partners.partners_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW partners.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM partners.partners_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON partners.daily_counts (tenant_id, day);

CREATE FUNCTION partners.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM partners.partners_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION partners.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'PARTNERS-' || nextval('partners.document_number')::text $$;

CREATE PROCEDURE partners.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM partners.partners_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE partners.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE partners.events_2024_q1 PARTITION OF partners.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE partners.events_2024_q2 PARTITION OF partners.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE partners.events_2024_q3 PARTITION OF partners.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE partners.events_2024_q4 PARTITION OF partners.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE partners.events_default PARTITION OF partners.events DEFAULT;

CREATE INDEX ON partners.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA partners TO PUBLIC;

GRANT SELECT ON partners.activity TO PUBLIC;

CREATE SCHEMA content;

COMMENT ON SCHEMA content IS 'The content module.';

CREATE TYPE content.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE content.document_number START WITH 23000 INCREMENT BY 2;

CREATE TABLE content.content_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  ip inet,
  priority smallint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON content.content_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ip, priority ON content.content_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE content.content_a IS 'Table 1 of the content module.';

COMMENT ON COLUMN content.content_a.version IS 'Documented column.';

CREATE TABLE content.content_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  score double precision,
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON content.content_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE content.content_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  weight_kg numeric(10,3),
  starts_on date,
  country char(2),
  score double precision,
  parent_id bigint REFERENCES content.content_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_c (parent_id);

CREATE INDEX ON content.content_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON content.content_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE content.content_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  score double precision,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  name text NOT NULL,
  parent_id bigint REFERENCES content.content_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_d (parent_id);

CREATE INDEX ON content.content_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON content.content_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON content.content_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE content.content_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status content.status NOT NULL DEFAULT 'draft',
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES content.content_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_e (parent_id);

CREATE INDEX ON content.content_e (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON content.content_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE content.content_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON content.content_e USING (tenant_id = public.current_tenant());

CREATE TABLE content.content_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  price public.money_amount,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  country char(2),
  name text NOT NULL,
  rating public.rating,
  parent_id bigint REFERENCES content.content_d (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_f (parent_id);

CREATE INDEX ON content.content_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON content.content_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE content.content_f IS 'Table 6 of the content module.';

CREATE TABLE content.content_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  starts_on date,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON content.content_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE content.content_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  status content.status NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_h (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON content.content_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, status ON content.content_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN content.content_h.score IS 'Documented column.';

CREATE TABLE content.content_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  ends_on date,
  notes text COLLATE "C",
  country char(2),
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  email public.email,
  status content.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES content.content_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON content.content_i (parent_id);

CREATE INDEX ON content.content_i (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON content.content_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE content.content_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  price public.money_amount,
  starts_on date,
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  rating public.rating,
  parent_id bigint REFERENCES content.content_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON content.content_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE content.content_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  score double precision,
  external_id uuid,
  email public.email,
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  status content.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES content.content_f (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_k (parent_id);

CREATE INDEX ON content.content_k (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON content.content_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON content.content_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE content.content_k IS 'Table 11 of the content module.';

CREATE TABLE content.content_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  title varchar(200) NOT NULL,
  starts_on date,
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES content.content_g (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON content.content_l (parent_id);

CREATE INDEX ON content.content_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON content.content_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, starts_on ON content.content_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE VIEW content.content_c_with_parent AS
SELECT c.id, c.tenant_id, c.priority, c.weight_kg, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM content.content_c c JOIN content.content_b p ON p.id = c.parent_id;

CREATE VIEW content.content_d_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.amount, c.score, p.id AS parent_ref, p.created_at AS parent_created_at
FROM content.content_d c JOIN content.content_a p ON p.id = c.parent_id;

CREATE VIEW content.content_e_with_parent AS
SELECT c.id, c.tenant_id, c.status, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM content.content_e c JOIN content.content_c p ON p.id = c.parent_id;

CREATE VIEW content.content_f_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.price, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM content.content_f c JOIN content.content_d p ON p.id = c.parent_id;

CREATE VIEW content.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM content.content_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW content.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM content.content_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON content.daily_counts (tenant_id, day);

CREATE FUNCTION content.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM content.content_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION content.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'CONTENT-' || nextval('content.document_number')::text $$;

CREATE PROCEDURE content.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM content.content_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA content TO PUBLIC;

GRANT SELECT ON content.activity TO PUBLIC;

CREATE SCHEMA media;

COMMENT ON SCHEMA media IS 'The media module.';

CREATE TYPE media.status AS ENUM ('draft', 'active');

CREATE SEQUENCE media.document_number START WITH 24000 INCREMENT BY 3;

CREATE TABLE media.media_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  price public.money_amount,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  name text NOT NULL,
  ip inet,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON media.media_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON media.media_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE media.media_a IS 'Table 1 of the media module.';

COMMENT ON COLUMN media.media_a.country IS 'Documented column.';

CREATE TABLE media.media_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  score double precision,
  country char(2),
  name text NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES media.media_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON media.media_b (parent_id);

CREATE INDEX ON media.media_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON media.media_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF amount, score ON media.media_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE media.media_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  status media.status NOT NULL DEFAULT 'draft',
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES media.media_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON media.media_c (parent_id);

CREATE INDEX ON media.media_c (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON media.media_c USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON media.media_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE media.media_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  country char(2),
  ends_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES media.media_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON media.media_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON media.media_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE media.media_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  code varchar(32) NOT NULL,
  rating public.rating,
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON media.media_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON media.media_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE media.media_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON media.media_e USING (tenant_id = public.current_tenant());

CREATE TABLE media.media_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  ends_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES media.media_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON media.media_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON media.media_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE media.media_f IS 'Table 6 of the media module.';

CREATE TABLE media.media_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  price public.money_amount,
  code varchar(32) NOT NULL,
  description text,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES media.media_b (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON media.media_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON media.media_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF price, code ON media.media_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE media.media_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  price public.money_amount,
  name text NOT NULL,
  country char(2),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  priority smallint NOT NULL DEFAULT 0,
  external_id uuid,
  duration interval,
  parent_id bigint REFERENCES media.media_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON media.media_h (parent_id);

CREATE INDEX ON media.media_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON media.media_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN media.media_h.score IS 'Documented column.';

CREATE TABLE media.media_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status media.status NOT NULL DEFAULT 'draft',
  duration interval,
  score double precision,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON media.media_i (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON media.media_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE media.media_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES media.media_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON media.media_j (parent_id);

CREATE INDEX ON media.media_j USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON media.media_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE media.media_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  duration interval,
  version integer NOT NULL DEFAULT 1,
  title varchar(200) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON media.media_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, starts_on ON media.media_k FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE media.media_k IS 'Table 11 of the media module.';

CREATE TABLE media.media_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  email public.email,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  country char(2),
  ip inet,
  parent_id bigint REFERENCES media.media_j (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON media.media_l (parent_id);

CREATE INDEX ON media.media_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON media.media_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW media.media_b_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.version, c.score, p.id AS parent_ref, p.created_at AS parent_created_at
FROM media.media_b c JOIN media.media_a p ON p.id = c.parent_id;

CREATE VIEW media.media_c_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.metadata, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM media.media_c c JOIN media.media_a p ON p.id = c.parent_id;

CREATE VIEW media.media_d_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM media.media_d c JOIN media.media_a p ON p.id = c.parent_id;

CREATE VIEW media.media_f_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.ends_on, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM media.media_f c JOIN media.media_c p ON p.id = c.parent_id;

CREATE VIEW media.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM media.media_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW media.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM media.media_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON media.daily_counts (tenant_id, day);

CREATE FUNCTION media.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM media.media_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION media.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'MEDIA-' || nextval('media.document_number')::text $$;

CREATE PROCEDURE media.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM media.media_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA media TO PUBLIC;

GRANT SELECT ON media.activity TO PUBLIC;

CREATE SCHEMA gifts;

COMMENT ON SCHEMA gifts IS 'The gifts module.';

CREATE TYPE gifts.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE gifts.document_number START WITH 25000 INCREMENT BY 1;

CREATE TABLE gifts.gifts_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  price public.money_amount,
  code varchar(32) NOT NULL,
  status gifts.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON gifts.gifts_a (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON gifts.gifts_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE gifts.gifts_a IS 'Table 1 of the gifts module.';

COMMENT ON COLUMN gifts.gifts_a.amount IS 'Documented column.';

CREATE TABLE gifts.gifts_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  description text,
  tags text[] NOT NULL DEFAULT '{}',
  code varchar(32) NOT NULL,
  notes text COLLATE "C",
  parent_id bigint REFERENCES gifts.gifts_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON gifts.gifts_b (parent_id);

CREATE INDEX ON gifts.gifts_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE gifts.gifts_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  rating public.rating,
  name text NOT NULL,
  notes text COLLATE "C",
  parent_id bigint REFERENCES gifts.gifts_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON gifts.gifts_c (parent_id);

CREATE INDEX ON gifts.gifts_c (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE gifts.gifts_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  email public.email,
  status gifts.status NOT NULL DEFAULT 'draft',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON gifts.gifts_d (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE gifts.gifts_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  ends_on date,
  title varchar(200) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  CHECK (ends_on >= starts_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE gifts.gifts_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON gifts.gifts_e USING (tenant_id = public.current_tenant());

CREATE TABLE gifts.gifts_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  ends_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  description text,
  is_active boolean NOT NULL DEFAULT true,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON gifts.gifts_f USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ends_on, metadata ON gifts.gifts_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE gifts.gifts_f IS 'Table 6 of the gifts module.';

CREATE TABLE gifts.gifts_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  name text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  duration interval,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON gifts.gifts_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE gifts.gifts_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  name text NOT NULL,
  starts_on date,
  notes text COLLATE "C",
  parent_id bigint REFERENCES gifts.gifts_g (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON gifts.gifts_h (parent_id);

CREATE INDEX ON gifts.gifts_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN gifts.gifts_h.ip IS 'Documented column.';

CREATE TABLE gifts.gifts_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  code varchar(32) NOT NULL,
  external_id uuid,
  score double precision,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE gifts.gifts_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  external_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON gifts.gifts_j USING gin (metadata jsonb_path_ops);

CREATE INDEX ON gifts.gifts_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE gifts.gifts_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  starts_on date,
  version integer NOT NULL DEFAULT 1,
  description text,
  weight_kg numeric(10,3),
  external_id uuid,
  parent_id bigint REFERENCES gifts.gifts_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON gifts.gifts_k (parent_id);

CREATE INDEX ON gifts.gifts_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, tags ON gifts.gifts_k FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE gifts.gifts_k IS 'Table 11 of the gifts module.';

CREATE TABLE gifts.gifts_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  code varchar(32) NOT NULL,
  price public.money_amount,
  status gifts.status NOT NULL DEFAULT 'draft',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rating public.rating,
  parent_id bigint REFERENCES gifts.gifts_j (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON gifts.gifts_l (parent_id);

CREATE INDEX ON gifts.gifts_l (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON gifts.gifts_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW gifts.gifts_b_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.description, c.notes, p.id AS parent_ref, p.created_at AS parent_created_at
FROM gifts.gifts_b c JOIN gifts.gifts_a p ON p.id = c.parent_id;

CREATE VIEW gifts.gifts_c_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.rating, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM gifts.gifts_c c JOIN gifts.gifts_b p ON p.id = c.parent_id;

CREATE VIEW gifts.gifts_h_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.starts_on, c.notes, p.id AS parent_ref, p.created_at AS parent_created_at
FROM gifts.gifts_h c JOIN gifts.gifts_g p ON p.id = c.parent_id;

CREATE VIEW gifts.gifts_k_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.version, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM gifts.gifts_k c JOIN gifts.gifts_a p ON p.id = c.parent_id;

CREATE VIEW gifts.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM gifts.gifts_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW gifts.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM gifts.gifts_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON gifts.daily_counts (tenant_id, day);

CREATE FUNCTION gifts.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM gifts.gifts_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION gifts.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'GIFTS-' || nextval('gifts.document_number')::text $$;

CREATE PROCEDURE gifts.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM gifts.gifts_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE gifts.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE gifts.events_2024_q1 PARTITION OF gifts.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE gifts.events_2024_q2 PARTITION OF gifts.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE gifts.events_2024_q3 PARTITION OF gifts.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE gifts.events_2024_q4 PARTITION OF gifts.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE gifts.events_default PARTITION OF gifts.events DEFAULT;

CREATE INDEX ON gifts.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA gifts TO PUBLIC;

GRANT SELECT ON gifts.activity TO PUBLIC;
