-- logistics: a generated schema for pitstop's large-schema tests.

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

CREATE SCHEMA fleet;

COMMENT ON SCHEMA fleet IS 'The fleet module.';

CREATE TYPE fleet.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE fleet.document_number START WITH 1000 INCREMENT BY 1;

CREATE TABLE fleet.fleet_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  notes text COLLATE "C",
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, notes ON fleet.fleet_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE fleet.fleet_a IS 'Table 1 of the fleet module.';

COMMENT ON COLUMN fleet.fleet_a.name IS 'Documented column.';

CREATE TABLE fleet.fleet_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  rating public.rating,
  duration interval,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF quantity, notes ON fleet.fleet_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE fleet.fleet_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status fleet.status NOT NULL DEFAULT 'draft',
  priority smallint NOT NULL DEFAULT 0,
  email public.email,
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_c (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fleet.fleet_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  code varchar(32) NOT NULL,
  ends_on date,
  status fleet.status NOT NULL DEFAULT 'draft',
  duration interval,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON fleet.fleet_d (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF code, ends_on ON fleet.fleet_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE fleet.fleet_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  external_id uuid,
  email public.email,
  ip inet,
  parent_id bigint REFERENCES fleet.fleet_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE fleet.fleet_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON fleet.fleet_e USING (tenant_id = public.current_tenant());

CREATE TABLE fleet.fleet_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  duration interval,
  title varchar(200) NOT NULL,
  email public.email,
  parent_id bigint REFERENCES fleet.fleet_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF duration, title ON fleet.fleet_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE fleet.fleet_f IS 'Table 6 of the fleet module.';

CREATE TABLE fleet.fleet_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  starts_on date,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  parent_id bigint REFERENCES fleet.fleet_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, starts_on ON fleet.fleet_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE fleet.fleet_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  duration interval,
  starts_on date,
  parent_id bigint REFERENCES fleet.fleet_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN fleet.fleet_h.country IS 'Documented column.';

CREATE TABLE fleet.fleet_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  name text NOT NULL,
  rating public.rating,
  notes text COLLATE "C",
  parent_id bigint REFERENCES fleet.fleet_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_i (parent_id);

CREATE INDEX ON fleet.fleet_i USING gin (metadata jsonb_path_ops);

CREATE INDEX ON fleet.fleet_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fleet.fleet_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  status fleet.status NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_j (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON fleet.fleet_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF tags, status ON fleet.fleet_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE fleet.fleet_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  status fleet.status NOT NULL DEFAULT 'draft',
  ends_on date,
  country char(2),
  description text,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_k (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE fleet.fleet_k IS 'Table 11 of the fleet module.';

CREATE TABLE fleet.fleet_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text COLLATE "C",
  starts_on date,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES fleet.fleet_d (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_l (parent_id);

CREATE INDEX ON fleet.fleet_l USING gin (metadata jsonb_path_ops);

CREATE INDEX ON fleet.fleet_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fleet.fleet_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ends_on date,
  parent_id bigint REFERENCES fleet.fleet_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fleet.fleet_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  title varchar(200) NOT NULL,
  price public.money_amount,
  notes text COLLATE "C",
  email public.email,
  parent_id bigint REFERENCES fleet.fleet_f (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_n (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE fleet.fleet_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON fleet.fleet_n USING (tenant_id = public.current_tenant());

CREATE TABLE fleet.fleet_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  country char(2),
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES fleet.fleet_g (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_o (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ends_on, country ON fleet.fleet_o FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN fleet.fleet_o.ends_on IS 'Documented column.';

CREATE TABLE fleet.fleet_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ends_on date,
  score double precision,
  code varchar(32) NOT NULL,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES fleet.fleet_l (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON fleet.fleet_p (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE fleet.fleet_p IS 'Table 16 of the fleet module.';

CREATE TABLE fleet.fleet_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ip inet,
  ends_on date,
  rating public.rating,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fleet.fleet_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  weight_kg numeric(10,3),
  ip inet,
  parent_id bigint REFERENCES fleet.fleet_q (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_r (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fleet.fleet_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  email public.email,
  ip inet,
  external_id uuid,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fleet.fleet_s USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON fleet.fleet_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW fleet.fleet_e_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.external_id, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fleet.fleet_e c JOIN fleet.fleet_a p ON p.id = c.parent_id;

CREATE VIEW fleet.fleet_f_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.duration, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fleet.fleet_f c JOIN fleet.fleet_c p ON p.id = c.parent_id;

CREATE VIEW fleet.fleet_g_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.price, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fleet.fleet_g c JOIN fleet.fleet_a p ON p.id = c.parent_id;

CREATE VIEW fleet.fleet_h_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.duration, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fleet.fleet_h c JOIN fleet.fleet_c p ON p.id = c.parent_id;

CREATE VIEW fleet.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM fleet.fleet_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW fleet.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM fleet.fleet_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON fleet.daily_counts (tenant_id, day);

CREATE FUNCTION fleet.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM fleet.fleet_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION fleet.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'FLEET-' || nextval('fleet.document_number')::text $$;

CREATE PROCEDURE fleet.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fleet.fleet_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE fleet.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE fleet.events_2024_q1 PARTITION OF fleet.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE fleet.events_2024_q2 PARTITION OF fleet.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE fleet.events_2024_q3 PARTITION OF fleet.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE fleet.events_2024_q4 PARTITION OF fleet.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE fleet.events_default PARTITION OF fleet.events DEFAULT;

CREATE INDEX ON fleet.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA fleet TO PUBLIC;

GRANT SELECT ON fleet.activity TO PUBLIC;

CREATE SCHEMA drivers;

COMMENT ON SCHEMA drivers IS 'The drivers module.';

CREATE TYPE drivers.status AS ENUM ('draft', 'active');

CREATE SEQUENCE drivers.document_number START WITH 2000 INCREMENT BY 2;

CREATE TABLE drivers.drivers_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  code varchar(32) NOT NULL,
  country char(2),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON drivers.drivers_a USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE drivers.drivers_a IS 'Table 1 of the drivers module.';

COMMENT ON COLUMN drivers.drivers_a.metadata IS 'Documented column.';

CREATE TABLE drivers.drivers_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  ends_on date,
  tags text[] NOT NULL DEFAULT '{}',
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES drivers.drivers_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_b (parent_id);

CREATE INDEX ON drivers.drivers_b USING gin (metadata jsonb_path_ops);

CREATE INDEX ON drivers.drivers_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE drivers.drivers_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  rating public.rating,
  title varchar(200) NOT NULL,
  weight_kg numeric(10,3),
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF external_id, rating ON drivers.drivers_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE drivers.drivers_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  duration interval,
  code varchar(32) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  description text,
  country char(2),
  parent_id bigint REFERENCES drivers.drivers_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON drivers.drivers_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, duration ON drivers.drivers_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE drivers.drivers_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  price public.money_amount,
  is_active boolean NOT NULL DEFAULT true,
  code varchar(32) NOT NULL,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES drivers.drivers_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON drivers.drivers_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE drivers.drivers_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON drivers.drivers_e USING (tenant_id = public.current_tenant());

CREATE TABLE drivers.drivers_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  is_active boolean NOT NULL DEFAULT true,
  name text NOT NULL,
  external_id uuid,
  parent_id bigint REFERENCES drivers.drivers_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_f (parent_id);

CREATE INDEX ON drivers.drivers_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE drivers.drivers_f IS 'Table 6 of the drivers module.';

CREATE TABLE drivers.drivers_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  external_id uuid,
  ip inet,
  email public.email,
  name text NOT NULL,
  parent_id bigint REFERENCES drivers.drivers_c (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_g (parent_id);

CREATE INDEX ON drivers.drivers_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE drivers.drivers_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  version integer NOT NULL DEFAULT 1,
  status drivers.status NOT NULL DEFAULT 'draft',
  email public.email,
  parent_id bigint REFERENCES drivers.drivers_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_h (parent_id);

CREATE INDEX ON drivers.drivers_h (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF description, status ON drivers.drivers_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN drivers.drivers_h.description IS 'Documented column.';

CREATE TABLE drivers.drivers_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  external_id uuid,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES drivers.drivers_h (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE drivers.drivers_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  duration interval,
  name text NOT NULL,
  parent_id bigint REFERENCES drivers.drivers_g (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_j (parent_id);

CREATE INDEX ON drivers.drivers_j (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE drivers.drivers_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  rating public.rating,
  starts_on date,
  priority smallint NOT NULL DEFAULT 0,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE drivers.drivers_k IS 'Table 11 of the drivers module.';

CREATE TABLE drivers.drivers_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  description text,
  code varchar(32) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON drivers.drivers_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE drivers.drivers_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  country char(2),
  name text NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_m (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE drivers.drivers_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  score double precision,
  country char(2),
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES drivers.drivers_d (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON drivers.drivers_n (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE drivers.drivers_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON drivers.drivers_n USING (tenant_id = public.current_tenant());

CREATE TABLE drivers.drivers_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  rating public.rating,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  price public.money_amount,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES drivers.drivers_e (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_o (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN drivers.drivers_o.external_id IS 'Documented column.';

CREATE TABLE drivers.drivers_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  ip inet,
  status drivers.status NOT NULL DEFAULT 'draft',
  external_id uuid,
  duration interval,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_p (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON drivers.drivers_p USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE drivers.drivers_p IS 'Table 16 of the drivers module.';

CREATE TABLE drivers.drivers_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  code varchar(32) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rating public.rating,
  notes text COLLATE "C",
  priority smallint NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES drivers.drivers_e (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON drivers.drivers_q (parent_id);

CREATE INDEX ON drivers.drivers_q USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE drivers.drivers_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  ip inet,
  description text,
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES drivers.drivers_g (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_r (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF external_id, ip ON drivers.drivers_r FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE drivers.drivers_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status drivers.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  starts_on date,
  country char(2),
  priority smallint NOT NULL DEFAULT 0,
  description text,
  score double precision,
  parent_id bigint REFERENCES drivers.drivers_k (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON drivers.drivers_s (parent_id);

CREATE INDEX ON drivers.drivers_s (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON drivers.drivers_s USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON drivers.drivers_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW drivers.drivers_b_with_parent AS
SELECT c.id, c.tenant_id, c.is_active, c.score, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM drivers.drivers_b c JOIN drivers.drivers_a p ON p.id = c.parent_id;

CREATE VIEW drivers.drivers_d_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.code, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM drivers.drivers_d c JOIN drivers.drivers_c p ON p.id = c.parent_id;

CREATE VIEW drivers.drivers_e_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.price, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM drivers.drivers_e c JOIN drivers.drivers_b p ON p.id = c.parent_id;

CREATE VIEW drivers.drivers_f_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.is_active, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM drivers.drivers_f c JOIN drivers.drivers_a p ON p.id = c.parent_id;

CREATE VIEW drivers.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM drivers.drivers_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW drivers.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM drivers.drivers_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON drivers.daily_counts (tenant_id, day);

CREATE FUNCTION drivers.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM drivers.drivers_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION drivers.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'DRIVERS-' || nextval('drivers.document_number')::text $$;

CREATE PROCEDURE drivers.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM drivers.drivers_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA drivers TO PUBLIC;

GRANT SELECT ON drivers.activity TO PUBLIC;

CREATE SCHEMA routes;

COMMENT ON SCHEMA routes IS 'The routes module.';

CREATE TYPE routes.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE routes.document_number START WITH 3000 INCREMENT BY 3;

CREATE TABLE routes.routes_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  rating public.rating,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE routes.routes_a IS 'Table 1 of the routes module.';

COMMENT ON COLUMN routes.routes_a.is_active IS 'Documented column.';

CREATE TABLE routes.routes_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  code varchar(32) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  name text NOT NULL,
  rating public.rating,
  price public.money_amount,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES routes.routes_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON routes.routes_b (parent_id);

CREATE INDEX ON routes.routes_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF external_id, code ON routes.routes_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE routes.routes_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  duration interval,
  version integer NOT NULL DEFAULT 1,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ip inet,
  is_active boolean NOT NULL DEFAULT true,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF price, duration ON routes.routes_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE routes.routes_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status routes.status NOT NULL DEFAULT 'draft',
  starts_on date,
  external_id uuid,
  parent_id bigint REFERENCES routes.routes_b (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_d (parent_id);

CREATE INDEX ON routes.routes_d (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE routes.routes_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  notes text COLLATE "C",
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, notes ON routes.routes_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE routes.routes_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON routes.routes_e USING (tenant_id = public.current_tenant());

CREATE TABLE routes.routes_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  price public.money_amount,
  priority smallint NOT NULL DEFAULT 0,
  description text,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES routes.routes_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE routes.routes_f IS 'Table 6 of the routes module.';

CREATE TABLE routes.routes_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  ip inet,
  title varchar(200) NOT NULL,
  price public.money_amount,
  external_id uuid,
  priority smallint NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE routes.routes_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  ends_on date,
  starts_on date,
  duration interval,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES routes.routes_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_h (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN routes.routes_h.score IS 'Documented column.';

CREATE TABLE routes.routes_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  external_id uuid,
  name text NOT NULL,
  rating public.rating,
  weight_kg numeric(10,3),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  title varchar(200) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_i USING gin (metadata jsonb_path_ops);

CREATE INDEX ON routes.routes_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE routes.routes_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip inet,
  rating public.rating,
  code varchar(32) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES routes.routes_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON routes.routes_j (parent_id);

CREATE INDEX ON routes.routes_j USING gin (metadata jsonb_path_ops);

CREATE INDEX ON routes.routes_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF metadata, ip ON routes.routes_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE routes.routes_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  notes text COLLATE "C",
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE routes.routes_k IS 'Table 11 of the routes module.';

CREATE TABLE routes.routes_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  rating public.rating,
  starts_on date,
  notes text COLLATE "C",
  weight_kg numeric(10,3),
  score double precision,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES routes.routes_f (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE routes.routes_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  ends_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  starts_on date,
  name text NOT NULL,
  price public.money_amount,
  CHECK (ends_on >= starts_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_m USING gin (metadata jsonb_path_ops);

CREATE INDEX ON routes.routes_m (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE routes.routes_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  duration interval,
  country char(2),
  parent_id bigint REFERENCES routes.routes_d (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_n (parent_id);

CREATE INDEX ON routes.routes_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE routes.routes_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON routes.routes_n USING (tenant_id = public.current_tenant());

CREATE TABLE routes.routes_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, priority ON routes.routes_o FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN routes.routes_o.score IS 'Documented column.';

CREATE TABLE routes.routes_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  ip inet,
  is_active boolean NOT NULL DEFAULT true,
  title varchar(200) NOT NULL,
  price public.money_amount,
  duration interval,
  parent_id bigint REFERENCES routes.routes_e (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_p (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE routes.routes_p IS 'Table 16 of the routes module.';

CREATE TABLE routes.routes_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  description text,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  country char(2),
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_q USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE routes.routes_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  duration interval,
  starts_on date,
  parent_id bigint REFERENCES routes.routes_g (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON routes.routes_r (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE routes.routes_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  name text NOT NULL,
  weight_kg numeric(10,3),
  email public.email,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  score double precision,
  rating public.rating,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON routes.routes_s (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON routes.routes_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW routes.routes_b_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.code, c.quantity, p.id AS parent_ref, p.created_at AS parent_created_at
FROM routes.routes_b c JOIN routes.routes_a p ON p.id = c.parent_id;

CREATE VIEW routes.routes_d_with_parent AS
SELECT c.id, c.tenant_id, c.status, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM routes.routes_d c JOIN routes.routes_b p ON p.id = c.parent_id;

CREATE VIEW routes.routes_f_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.priority, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM routes.routes_f c JOIN routes.routes_a p ON p.id = c.parent_id;

CREATE VIEW routes.routes_h_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.ends_on, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM routes.routes_h c JOIN routes.routes_f p ON p.id = c.parent_id;

CREATE VIEW routes.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM routes.routes_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW routes.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM routes.routes_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON routes.daily_counts (tenant_id, day);

CREATE FUNCTION routes.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM routes.routes_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION routes.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'ROUTES-' || nextval('routes.document_number')::text $$;

CREATE PROCEDURE routes.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM routes.routes_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE routes.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE routes.events_2024_q1 PARTITION OF routes.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE routes.events_2024_q2 PARTITION OF routes.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE routes.events_2024_q3 PARTITION OF routes.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE routes.events_2024_q4 PARTITION OF routes.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE routes.events_default PARTITION OF routes.events DEFAULT;

CREATE INDEX ON routes.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA routes TO PUBLIC;

GRANT SELECT ON routes.activity TO PUBLIC;

CREATE SCHEMA stops;

COMMENT ON SCHEMA stops IS 'The stops module.';

CREATE TYPE stops.status AS ENUM ('draft', 'active');

CREATE SEQUENCE stops.document_number START WITH 4000 INCREMENT BY 1;

CREATE TABLE stops.stops_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE stops.stops_a IS 'Table 1 of the stops module.';

COMMENT ON COLUMN stops.stops_a.description IS 'Documented column.';

CREATE TABLE stops.stops_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  code varchar(32) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  country char(2),
  starts_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE stops.stops_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  duration interval,
  starts_on date,
  score double precision,
  is_active boolean NOT NULL DEFAULT true,
  code varchar(32) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON stops.stops_c (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, duration ON stops.stops_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE stops.stops_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  name text NOT NULL,
  ends_on date,
  notes text COLLATE "C",
  parent_id bigint REFERENCES stops.stops_b (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_d (parent_id);

CREATE INDEX ON stops.stops_d (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE stops.stops_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  external_id uuid,
  country char(2),
  duration interval,
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE stops.stops_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON stops.stops_e USING (tenant_id = public.current_tenant());

CREATE TABLE stops.stops_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  country char(2),
  code varchar(32) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON stops.stops_f USING gin (metadata jsonb_path_ops);

CREATE INDEX ON stops.stops_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE stops.stops_f IS 'Table 6 of the stops module.';

CREATE TABLE stops.stops_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  ip inet,
  starts_on date,
  weight_kg numeric(10,3),
  title varchar(200) NOT NULL,
  name text NOT NULL,
  parent_id bigint REFERENCES stops.stops_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_g (parent_id);

CREATE INDEX ON stops.stops_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ip, starts_on ON stops.stops_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE stops.stops_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  status stops.status NOT NULL DEFAULT 'draft',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ends_on date,
  parent_id bigint REFERENCES stops.stops_g (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_h (parent_id);

CREATE INDEX ON stops.stops_h (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON stops.stops_h USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN stops.stops_h.metadata IS 'Documented column.';

CREATE TABLE stops.stops_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  rating public.rating,
  is_active boolean NOT NULL DEFAULT true,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  priority smallint NOT NULL DEFAULT 0,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_i USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE stops.stops_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  title varchar(200) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  notes text COLLATE "C",
  parent_id bigint REFERENCES stops.stops_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, is_active ON stops.stops_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE stops.stops_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  country char(2),
  tags text[] NOT NULL DEFAULT '{}',
  notes text COLLATE "C",
  parent_id bigint REFERENCES stops.stops_d (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_k (parent_id);

CREATE INDEX ON stops.stops_k (lower(name));

CREATE INDEX ON stops.stops_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE stops.stops_k IS 'Table 11 of the stops module.';

CREATE TABLE stops.stops_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ends_on date,
  weight_kg numeric(10,3),
  rating public.rating,
  parent_id bigint REFERENCES stops.stops_g (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_l (parent_id);

CREATE INDEX ON stops.stops_l USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE stops.stops_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  version integer NOT NULL DEFAULT 1,
  score double precision,
  ends_on date,
  external_id uuid,
  parent_id bigint REFERENCES stops.stops_l (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF duration, score ON stops.stops_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE stops.stops_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ip inet,
  external_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES stops.stops_e (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_n (parent_id);

CREATE INDEX ON stops.stops_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE stops.stops_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON stops.stops_n USING (tenant_id = public.current_tenant());

CREATE TABLE stops.stops_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  status stops.status NOT NULL DEFAULT 'draft',
  ip inet,
  country char(2),
  price public.money_amount,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES stops.stops_g (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_o (parent_id);

CREATE INDEX ON stops.stops_o (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN stops.stops_o.notes IS 'Documented column.';

CREATE TABLE stops.stops_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  ip inet,
  rating public.rating,
  description text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_p (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, ip ON stops.stops_p FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE stops.stops_p IS 'Table 16 of the stops module.';

CREATE TABLE stops.stops_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  weight_kg numeric(10,3),
  starts_on date,
  code varchar(32) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES stops.stops_p (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON stops.stops_q (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE stops.stops_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  name text NOT NULL,
  starts_on date,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES stops.stops_m (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON stops.stops_r (parent_id);

CREATE INDEX ON stops.stops_r (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE stops.stops_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  code varchar(32) NOT NULL,
  duration interval,
  starts_on date,
  parent_id bigint REFERENCES stops.stops_a (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON stops.stops_s (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON stops.stops_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW stops.stops_d_with_parent AS
SELECT c.id, c.tenant_id, c.description, c.name, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM stops.stops_d c JOIN stops.stops_b p ON p.id = c.parent_id;

CREATE VIEW stops.stops_g_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.weight_kg, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM stops.stops_g c JOIN stops.stops_c p ON p.id = c.parent_id;

CREATE VIEW stops.stops_h_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.status, c.quantity, p.id AS parent_ref, p.created_at AS parent_created_at
FROM stops.stops_h c JOIN stops.stops_g p ON p.id = c.parent_id;

CREATE VIEW stops.stops_j_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.title, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM stops.stops_j c JOIN stops.stops_a p ON p.id = c.parent_id;

CREATE VIEW stops.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM stops.stops_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW stops.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM stops.stops_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON stops.daily_counts (tenant_id, day);

CREATE FUNCTION stops.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM stops.stops_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION stops.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'STOPS-' || nextval('stops.document_number')::text $$;

CREATE PROCEDURE stops.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stops.stops_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA stops TO PUBLIC;

GRANT SELECT ON stops.activity TO PUBLIC;

CREATE SCHEMA parcels;

COMMENT ON SCHEMA parcels IS 'The parcels module.';

CREATE TYPE parcels.status AS ENUM ('draft', 'active');

CREATE SEQUENCE parcels.document_number START WITH 5000 INCREMENT BY 2;

CREATE TABLE parcels.parcels_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  ends_on date,
  is_active boolean NOT NULL DEFAULT true,
  code varchar(32) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  starts_on date,
  CHECK (ends_on >= starts_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE parcels.parcels_a IS 'Table 1 of the parcels module.';

COMMENT ON COLUMN parcels.parcels_a.title IS 'Documented column.';

CREATE TABLE parcels.parcels_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  code varchar(32) NOT NULL,
  notes text COLLATE "C",
  price public.money_amount,
  parent_id bigint REFERENCES parcels.parcels_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON parcels.parcels_b (parent_id);

CREATE INDEX ON parcels.parcels_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF amount, metadata ON parcels.parcels_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE parcels.parcels_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  price public.money_amount,
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_c (lower(name));

CREATE INDEX ON parcels.parcels_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, name ON parcels.parcels_c FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE parcels.parcels_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  code varchar(32) NOT NULL,
  starts_on date,
  status parcels.status NOT NULL DEFAULT 'draft',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON parcels.parcels_d (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON parcels.parcels_d USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE parcels.parcels_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  rating public.rating,
  starts_on date,
  price public.money_amount,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES parcels.parcels_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_e (parent_id);

CREATE INDEX ON parcels.parcels_e USING gin (metadata jsonb_path_ops);

CREATE INDEX ON parcels.parcels_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, rating ON parcels.parcels_e FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE parcels.parcels_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON parcels.parcels_e USING (tenant_id = public.current_tenant());

CREATE TABLE parcels.parcels_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  duration interval,
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE parcels.parcels_f IS 'Table 6 of the parcels module.';

CREATE TABLE parcels.parcels_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  rating public.rating,
  description text,
  tags text[] NOT NULL DEFAULT '{}',
  email public.email,
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE parcels.parcels_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 1,
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  starts_on date,
  name text NOT NULL,
  parent_id bigint REFERENCES parcels.parcels_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_h (parent_id);

CREATE INDEX ON parcels.parcels_h USING gin (metadata jsonb_path_ops);

CREATE INDEX ON parcels.parcels_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, metadata ON parcels.parcels_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN parcels.parcels_h.email IS 'Documented column.';

CREATE TABLE parcels.parcels_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES parcels.parcels_h (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_i (parent_id);

CREATE INDEX ON parcels.parcels_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE parcels.parcels_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  weight_kg numeric(10,3),
  tags text[] NOT NULL DEFAULT '{}',
  description text,
  country char(2),
  starts_on date,
  parent_id bigint REFERENCES parcels.parcels_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_j (parent_id);

CREATE INDEX ON parcels.parcels_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, amount ON parcels.parcels_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE parcels.parcels_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  name text NOT NULL,
  description text,
  notes text COLLATE "C",
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES parcels.parcels_d (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_k (parent_id);

CREATE INDEX ON parcels.parcels_k USING gin (metadata jsonb_path_ops);

CREATE INDEX ON parcels.parcels_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE parcels.parcels_k IS 'Table 11 of the parcels module.';

CREATE TABLE parcels.parcels_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  rating public.rating,
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES parcels.parcels_j (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_l (parent_id);

CREATE INDEX ON parcels.parcels_l USING gin (metadata jsonb_path_ops);

CREATE INDEX ON parcels.parcels_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE parcels.parcels_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  title varchar(200) NOT NULL,
  score double precision,
  description text,
  price public.money_amount,
  ends_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE parcels.parcels_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  price public.money_amount,
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, price ON parcels.parcels_n FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE parcels.parcels_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON parcels.parcels_n USING (tenant_id = public.current_tenant());

CREATE TABLE parcels.parcels_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  is_active boolean NOT NULL DEFAULT true,
  ends_on date,
  country char(2),
  tags text[] NOT NULL DEFAULT '{}',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES parcels.parcels_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_o (parent_id);

CREATE INDEX ON parcels.parcels_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN parcels.parcels_o.ip IS 'Documented column.';

CREATE TABLE parcels.parcels_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  priority smallint NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  code varchar(32) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON parcels.parcels_p USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE parcels.parcels_p IS 'Table 16 of the parcels module.';

CREATE TABLE parcels.parcels_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  description text,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  email public.email,
  notes text COLLATE "C",
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF rating, description ON parcels.parcels_q FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE parcels.parcels_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  starts_on date,
  status parcels.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES parcels.parcels_j (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_r (parent_id);

CREATE INDEX ON parcels.parcels_r (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON parcels.parcels_r (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE parcels.parcels_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  title varchar(200) NOT NULL,
  score double precision,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  external_id uuid,
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES parcels.parcels_h (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON parcels.parcels_s (parent_id);

CREATE INDEX ON parcels.parcels_s (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON parcels.parcels_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF price, title ON parcels.parcels_s FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE VIEW parcels.parcels_b_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.metadata, c.notes, p.id AS parent_ref, p.created_at AS parent_created_at
FROM parcels.parcels_b c JOIN parcels.parcels_a p ON p.id = c.parent_id;

CREATE VIEW parcels.parcels_e_with_parent AS
SELECT c.id, c.tenant_id, c.rating, c.starts_on, c.metadata, p.id AS parent_ref, p.created_at AS parent_created_at
FROM parcels.parcels_e c JOIN parcels.parcels_c p ON p.id = c.parent_id;

CREATE VIEW parcels.parcels_h_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.metadata, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM parcels.parcels_h c JOIN parcels.parcels_a p ON p.id = c.parent_id;

CREATE VIEW parcels.parcels_i_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.priority, c.tags, p.id AS parent_ref, p.created_at AS parent_created_at
FROM parcels.parcels_i c JOIN parcels.parcels_h p ON p.id = c.parent_id;

CREATE VIEW parcels.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM parcels.parcels_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW parcels.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM parcels.parcels_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON parcels.daily_counts (tenant_id, day);

CREATE FUNCTION parcels.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM parcels.parcels_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION parcels.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'PARCELS-' || nextval('parcels.document_number')::text $$;

CREATE PROCEDURE parcels.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM parcels.parcels_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE parcels.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE parcels.events_2024_q1 PARTITION OF parcels.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE parcels.events_2024_q2 PARTITION OF parcels.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE parcels.events_2024_q3 PARTITION OF parcels.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE parcels.events_2024_q4 PARTITION OF parcels.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE parcels.events_default PARTITION OF parcels.events DEFAULT;

CREATE INDEX ON parcels.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA parcels TO PUBLIC;

GRANT SELECT ON parcels.activity TO PUBLIC;

CREATE SCHEMA hubs;

COMMENT ON SCHEMA hubs IS 'The hubs module.';

CREATE TYPE hubs.status AS ENUM ('draft', 'active', 'paused', 'closed');

CREATE SEQUENCE hubs.document_number START WITH 6000 INCREMENT BY 3;

CREATE TABLE hubs.hubs_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  description text,
  notes text COLLATE "C",
  country char(2),
  code varchar(32) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE hubs.hubs_a IS 'Table 1 of the hubs module.';

COMMENT ON COLUMN hubs.hubs_a.rating IS 'Documented column.';

CREATE TABLE hubs.hubs_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  code varchar(32) NOT NULL,
  ip inet,
  score double precision,
  status hubs.status NOT NULL DEFAULT 'draft',
  price public.money_amount,
  starts_on date,
  parent_id bigint REFERENCES hubs.hubs_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON hubs.hubs_b (parent_id);

CREATE INDEX ON hubs.hubs_b (tenant_id, status) WHERE status <> 'closed';

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE hubs.hubs_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  external_id uuid,
  priority smallint NOT NULL DEFAULT 0,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  rating public.rating,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES hubs.hubs_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON hubs.hubs_c (parent_id);

CREATE INDEX ON hubs.hubs_c USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE hubs.hubs_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES hubs.hubs_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON hubs.hubs_d (parent_id);

CREATE INDEX ON hubs.hubs_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON hubs.hubs_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE hubs.hubs_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  code varchar(32) NOT NULL,
  email public.email,
  country char(2),
  parent_id bigint REFERENCES hubs.hubs_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON hubs.hubs_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE hubs.hubs_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON hubs.hubs_e USING (tenant_id = public.current_tenant());

CREATE TABLE hubs.hubs_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  country char(2),
  notes text COLLATE "C",
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  price public.money_amount,
  priority smallint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE hubs.hubs_f IS 'Table 6 of the hubs module.';

CREATE TABLE hubs.hubs_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  external_id uuid,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  score double precision,
  code varchar(32) NOT NULL,
  weight_kg numeric(10,3),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, external_id ON hubs.hubs_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE hubs.hubs_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  price public.money_amount,
  priority smallint NOT NULL DEFAULT 0,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN hubs.hubs_h.ends_on IS 'Documented column.';

CREATE TABLE hubs.hubs_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES hubs.hubs_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON hubs.hubs_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active ON hubs.hubs_i FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE hubs.hubs_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  name text NOT NULL,
  starts_on date,
  ends_on date,
  tags text[] NOT NULL DEFAULT '{}',
  external_id uuid,
  notes text COLLATE "C",
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES hubs.hubs_e (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON hubs.hubs_j (parent_id);

CREATE INDEX ON hubs.hubs_j (lower(name));

CREATE INDEX ON hubs.hubs_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, starts_on ON hubs.hubs_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE hubs.hubs_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ends_on date,
  external_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE hubs.hubs_k IS 'Table 11 of the hubs module.';

CREATE TABLE hubs.hubs_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  name text NOT NULL,
  ip inet,
  priority smallint NOT NULL DEFAULT 0,
  description text,
  country char(2),
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON hubs.hubs_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE hubs.hubs_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  starts_on date,
  score double precision,
  description text,
  ends_on date,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES hubs.hubs_g (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON hubs.hubs_m (parent_id);

CREATE INDEX ON hubs.hubs_m USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE hubs.hubs_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  version integer NOT NULL DEFAULT 1,
  email public.email,
  name text NOT NULL,
  score double precision,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES hubs.hubs_j (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON hubs.hubs_n (parent_id);

CREATE INDEX ON hubs.hubs_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF country, email ON hubs.hubs_n FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE hubs.hubs_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON hubs.hubs_n USING (tenant_id = public.current_tenant());

CREATE TABLE hubs.hubs_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status hubs.status NOT NULL DEFAULT 'draft',
  price public.money_amount,
  tags text[] NOT NULL DEFAULT '{}',
  ends_on date,
  description text,
  parent_id bigint REFERENCES hubs.hubs_e (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON hubs.hubs_o (parent_id);

CREATE INDEX ON hubs.hubs_o (tenant_id, status) WHERE status <> 'closed';

CREATE INDEX ON hubs.hubs_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN hubs.hubs_o.status IS 'Documented column.';

CREATE TABLE hubs.hubs_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  code varchar(32) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  score double precision,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON hubs.hubs_p (lower(name));

CREATE INDEX ON hubs.hubs_p USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE hubs.hubs_p IS 'Table 16 of the hubs module.';

CREATE TABLE hubs.hubs_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  notes text COLLATE "C",
  duration interval,
  parent_id bigint REFERENCES hubs.hubs_o (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON hubs.hubs_q (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE hubs.hubs_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  duration interval,
  ip inet,
  external_id uuid,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES hubs.hubs_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON hubs.hubs_r (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE hubs.hubs_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  ends_on date,
  duration interval,
  ip inet,
  tags text[] NOT NULL DEFAULT '{}',
  priority smallint NOT NULL DEFAULT 0,
  title varchar(200) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON hubs.hubs_s USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON hubs.hubs_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW hubs.hubs_b_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.score, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM hubs.hubs_b c JOIN hubs.hubs_a p ON p.id = c.parent_id;

CREATE VIEW hubs.hubs_c_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.priority, c.metadata, p.id AS parent_ref, p.created_at AS parent_created_at
FROM hubs.hubs_c c JOIN hubs.hubs_a p ON p.id = c.parent_id;

CREATE VIEW hubs.hubs_d_with_parent AS
SELECT c.id, c.tenant_id, c.weight_kg, c.metadata, c.tags, p.id AS parent_ref, p.created_at AS parent_created_at
FROM hubs.hubs_d c JOIN hubs.hubs_b p ON p.id = c.parent_id;

CREATE VIEW hubs.hubs_e_with_parent AS
SELECT c.id, c.tenant_id, c.priority, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM hubs.hubs_e c JOIN hubs.hubs_a p ON p.id = c.parent_id;

CREATE VIEW hubs.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM hubs.hubs_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW hubs.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM hubs.hubs_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON hubs.daily_counts (tenant_id, day);

CREATE FUNCTION hubs.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM hubs.hubs_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION hubs.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'HUBS-' || nextval('hubs.document_number')::text $$;

CREATE PROCEDURE hubs.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM hubs.hubs_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA hubs TO PUBLIC;

GRANT SELECT ON hubs.activity TO PUBLIC;

CREATE SCHEMA customs;

COMMENT ON SCHEMA customs IS 'The customs module.';

CREATE TYPE customs.status AS ENUM ('draft', 'active');

CREATE SEQUENCE customs.document_number START WITH 7000 INCREMENT BY 1;

CREATE TABLE customs.customs_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  notes text COLLATE "C",
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  name text NOT NULL,
  starts_on date,
  description text,
  country char(2),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON customs.customs_a USING gin (metadata jsonb_path_ops);

CREATE INDEX ON customs.customs_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE customs.customs_a IS 'Table 1 of the customs module.';

COMMENT ON COLUMN customs.customs_a.weight_kg IS 'Documented column.';

CREATE TABLE customs.customs_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  code varchar(32) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  price public.money_amount,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF description, code ON customs.customs_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE customs.customs_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  starts_on date,
  notes text COLLATE "C",
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES customs.customs_b (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON customs.customs_c (parent_id);

CREATE INDEX ON customs.customs_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE customs.customs_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  code varchar(32) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  email public.email,
  country char(2),
  parent_id bigint REFERENCES customs.customs_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON customs.customs_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE customs.customs_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  description text,
  price public.money_amount,
  parent_id bigint REFERENCES customs.customs_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON customs.customs_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE customs.customs_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON customs.customs_e USING (tenant_id = public.current_tenant());

CREATE TABLE customs.customs_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  version integer NOT NULL DEFAULT 1,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES customs.customs_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON customs.customs_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF quantity, amount ON customs.customs_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE customs.customs_f IS 'Table 6 of the customs module.';

CREATE TABLE customs.customs_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  code varchar(32) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON customs.customs_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE customs.customs_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  score double precision,
  external_id uuid,
  name text NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  parent_id bigint REFERENCES customs.customs_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON customs.customs_h (parent_id);

CREATE INDEX ON customs.customs_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN customs.customs_h.code IS 'Documented column.';

CREATE TABLE customs.customs_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  starts_on date,
  description text,
  code varchar(32) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES customs.customs_g (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON customs.customs_i (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE customs.customs_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  country char(2),
  status customs.status NOT NULL DEFAULT 'draft',
  external_id uuid,
  score double precision,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON customs.customs_j (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON customs.customs_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE customs.customs_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  duration interval,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  country char(2),
  status customs.status NOT NULL DEFAULT 'draft',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON customs.customs_k (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON customs.customs_k USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE customs.customs_k IS 'Table 11 of the customs module.';

CREATE TABLE customs.customs_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  email public.email,
  tags text[] NOT NULL DEFAULT '{}',
  country char(2),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  duration interval,
  parent_id bigint REFERENCES customs.customs_h (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON customs.customs_l (parent_id);

CREATE INDEX ON customs.customs_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE customs.customs_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  parent_id bigint REFERENCES customs.customs_i (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON customs.customs_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE customs.customs_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 1,
  ends_on date,
  rating public.rating,
  parent_id bigint REFERENCES customs.customs_f (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON customs.customs_n (parent_id);

CREATE INDEX ON customs.customs_n USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF metadata, ends_on ON customs.customs_n FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE customs.customs_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON customs.customs_n USING (tenant_id = public.current_tenant());

CREATE TABLE customs.customs_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  priority smallint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  title varchar(200) NOT NULL,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF notes, is_active ON customs.customs_o FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN customs.customs_o.notes IS 'Documented column.';

CREATE TABLE customs.customs_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  duration interval,
  priority smallint NOT NULL DEFAULT 0,
  external_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON customs.customs_p USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE customs.customs_p IS 'Table 16 of the customs module.';

CREATE TABLE customs.customs_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ip inet,
  notes text COLLATE "C",
  ends_on date,
  name text NOT NULL,
  parent_id bigint REFERENCES customs.customs_f (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON customs.customs_q (parent_id);

CREATE INDEX ON customs.customs_q (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE customs.customs_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  price public.money_amount,
  is_active boolean NOT NULL DEFAULT true,
  country char(2),
  starts_on date,
  status customs.status NOT NULL DEFAULT 'draft',
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES customs.customs_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON customs.customs_r (parent_id);

CREATE INDEX ON customs.customs_r (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE customs.customs_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  code varchar(32) NOT NULL,
  starts_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON customs.customs_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW customs.customs_c_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.starts_on, c.notes, p.id AS parent_ref, p.created_at AS parent_created_at
FROM customs.customs_c c JOIN customs.customs_b p ON p.id = c.parent_id;

CREATE VIEW customs.customs_d_with_parent AS
SELECT c.id, c.tenant_id, c.rating, c.code, c.quantity, p.id AS parent_ref, p.created_at AS parent_created_at
FROM customs.customs_d c JOIN customs.customs_a p ON p.id = c.parent_id;

CREATE VIEW customs.customs_e_with_parent AS
SELECT c.id, c.tenant_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM customs.customs_e c JOIN customs.customs_b p ON p.id = c.parent_id;

CREATE VIEW customs.customs_f_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM customs.customs_f c JOIN customs.customs_d p ON p.id = c.parent_id;

CREATE VIEW customs.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM customs.customs_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW customs.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM customs.customs_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON customs.daily_counts (tenant_id, day);

CREATE FUNCTION customs.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM customs.customs_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION customs.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'CUSTOMS-' || nextval('customs.document_number')::text $$;

CREATE PROCEDURE customs.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM customs.customs_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE customs.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE customs.events_2024_q1 PARTITION OF customs.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE customs.events_2024_q2 PARTITION OF customs.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE customs.events_2024_q3 PARTITION OF customs.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE customs.events_2024_q4 PARTITION OF customs.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE customs.events_default PARTITION OF customs.events DEFAULT;

CREATE INDEX ON customs.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA customs TO PUBLIC;

GRANT SELECT ON customs.activity TO PUBLIC;

CREATE SCHEMA tracking;

COMMENT ON SCHEMA tracking IS 'The tracking module.';

CREATE TYPE tracking.status AS ENUM ('draft', 'active');

CREATE SEQUENCE tracking.document_number START WITH 8000 INCREMENT BY 2;

CREATE TABLE tracking.tracking_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  external_id uuid,
  description text,
  rating public.rating,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE tracking.tracking_a IS 'Table 1 of the tracking module.';

COMMENT ON COLUMN tracking.tracking_a.duration IS 'Documented column.';

CREATE TABLE tracking.tracking_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  title varchar(200) NOT NULL,
  external_id uuid,
  parent_id bigint REFERENCES tracking.tracking_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_b (parent_id);

CREATE INDEX ON tracking.tracking_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tracking.tracking_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  score double precision,
  email public.email,
  rating public.rating,
  price public.money_amount,
  parent_id bigint REFERENCES tracking.tracking_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_c (parent_id);

CREATE INDEX ON tracking.tracking_c USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tracking.tracking_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  weight_kg numeric(10,3),
  code varchar(32) NOT NULL,
  score double precision,
  version integer NOT NULL DEFAULT 1,
  description text,
  country char(2),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF duration, weight_kg ON tracking.tracking_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE tracking.tracking_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES tracking.tracking_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE tracking.tracking_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON tracking.tracking_e USING (tenant_id = public.current_tenant());

CREATE TABLE tracking.tracking_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  starts_on date,
  priority smallint NOT NULL DEFAULT 0,
  ip inet,
  name text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  price public.money_amount,
  parent_id bigint REFERENCES tracking.tracking_e (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_f (parent_id);

CREATE INDEX ON tracking.tracking_f (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE tracking.tracking_f IS 'Table 6 of the tracking module.';

CREATE TABLE tracking.tracking_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  starts_on date,
  duration interval,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_g USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tracking.tracking_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  ends_on date,
  duration interval,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_h (lower(name));

CREATE INDEX ON tracking.tracking_h USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN tracking.tracking_h.name IS 'Documented column.';

CREATE TABLE tracking.tracking_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  tags text[] NOT NULL DEFAULT '{}',
  title varchar(200) NOT NULL,
  status tracking.status NOT NULL DEFAULT 'draft',
  code varchar(32) NOT NULL,
  starts_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON tracking.tracking_i (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON tracking.tracking_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tracking.tracking_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  status tracking.status NOT NULL DEFAULT 'draft',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  weight_kg numeric(10,3),
  price public.money_amount,
  score double precision,
  parent_id bigint REFERENCES tracking.tracking_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_j (parent_id);

CREATE INDEX ON tracking.tracking_j (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tracking.tracking_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  price public.money_amount,
  external_id uuid,
  status tracking.status NOT NULL DEFAULT 'draft',
  starts_on date,
  rating public.rating,
  CHECK (ends_on >= starts_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_k (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE tracking.tracking_k IS 'Table 11 of the tracking module.';

CREATE TABLE tracking.tracking_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  status tracking.status NOT NULL DEFAULT 'draft',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  price public.money_amount,
  parent_id bigint REFERENCES tracking.tracking_h (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_l (parent_id);

CREATE INDEX ON tracking.tracking_l (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tracking.tracking_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status tracking.status NOT NULL DEFAULT 'draft',
  ends_on date,
  score double precision,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES tracking.tracking_f (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_m (parent_id);

CREATE INDEX ON tracking.tracking_m (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tracking.tracking_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  parent_id bigint REFERENCES tracking.tracking_k (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_n (parent_id);

CREATE INDEX ON tracking.tracking_n USING gin (metadata jsonb_path_ops);

CREATE INDEX ON tracking.tracking_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE tracking.tracking_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON tracking.tracking_n USING (tenant_id = public.current_tenant());

CREATE TABLE tracking.tracking_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  title varchar(200) NOT NULL,
  rating public.rating,
  is_active boolean NOT NULL DEFAULT true,
  starts_on date,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES tracking.tracking_e (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON tracking.tracking_o (parent_id);

CREATE INDEX ON tracking.tracking_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN tracking.tracking_o.code IS 'Documented column.';

CREATE TABLE tracking.tracking_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  ends_on date,
  rating public.rating,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_p USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE tracking.tracking_p IS 'Table 16 of the tracking module.';

CREATE TABLE tracking.tracking_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  duration interval,
  weight_kg numeric(10,3),
  status tracking.status NOT NULL DEFAULT 'draft',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_q (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE tracking.tracking_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  version integer NOT NULL DEFAULT 1,
  status tracking.status NOT NULL DEFAULT 'draft',
  email public.email,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES tracking.tracking_m (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON tracking.tracking_r (parent_id);

CREATE INDEX ON tracking.tracking_r (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF description, status ON tracking.tracking_r FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE tracking.tracking_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  code varchar(32) NOT NULL,
  duration interval,
  tags text[] NOT NULL DEFAULT '{}',
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON tracking.tracking_s USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON tracking.tracking_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW tracking.tracking_b_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.metadata, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM tracking.tracking_b c JOIN tracking.tracking_a p ON p.id = c.parent_id;

CREATE VIEW tracking.tracking_c_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.email, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM tracking.tracking_c c JOIN tracking.tracking_b p ON p.id = c.parent_id;

CREATE VIEW tracking.tracking_e_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.notes, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM tracking.tracking_e c JOIN tracking.tracking_a p ON p.id = c.parent_id;

CREATE VIEW tracking.tracking_f_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.starts_on, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM tracking.tracking_f c JOIN tracking.tracking_e p ON p.id = c.parent_id;

CREATE VIEW tracking.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM tracking.tracking_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW tracking.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM tracking.tracking_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON tracking.daily_counts (tenant_id, day);

CREATE FUNCTION tracking.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM tracking.tracking_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION tracking.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'TRACKING-' || nextval('tracking.document_number')::text $$;

CREATE PROCEDURE tracking.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tracking.tracking_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA tracking TO PUBLIC;

GRANT SELECT ON tracking.activity TO PUBLIC;

CREATE SCHEMA claims;

COMMENT ON SCHEMA claims IS 'The claims module.';

CREATE TYPE claims.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE claims.document_number START WITH 9000 INCREMENT BY 3;

CREATE TABLE claims.claims_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_a USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE claims.claims_a IS 'Table 1 of the claims module.';

COMMENT ON COLUMN claims.claims_a.quantity IS 'Documented column.';

CREATE TABLE claims.claims_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  email public.email,
  parent_id bigint REFERENCES claims.claims_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_b (parent_id);

CREATE INDEX ON claims.claims_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF metadata, quantity ON claims.claims_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE claims.claims_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  duration interval,
  description text,
  tags text[] NOT NULL DEFAULT '{}',
  parent_id bigint REFERENCES claims.claims_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_c (parent_id);

CREATE INDEX ON claims.claims_c USING gin (metadata jsonb_path_ops);

CREATE INDEX ON claims.claims_c (lower(name));

CREATE INDEX ON claims.claims_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE claims.claims_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  ends_on date,
  status claims.status NOT NULL DEFAULT 'draft',
  description text,
  parent_id bigint REFERENCES claims.claims_c (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_d (parent_id);

CREATE INDEX ON claims.claims_d (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE claims.claims_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  email public.email,
  notes text COLLATE "C",
  status claims.status NOT NULL DEFAULT 'draft',
  is_active boolean NOT NULL DEFAULT true,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_e (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE claims.claims_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON claims.claims_e USING (tenant_id = public.current_tenant());

CREATE TABLE claims.claims_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  version integer NOT NULL DEFAULT 1,
  email public.email,
  title varchar(200) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  rating public.rating,
  parent_id bigint REFERENCES claims.claims_e (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_f (parent_id);

CREATE INDEX ON claims.claims_f USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF metadata, email ON claims.claims_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE claims.claims_f IS 'Table 6 of the claims module.';

CREATE TABLE claims.claims_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  code varchar(32) NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON claims.claims_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE claims.claims_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  status claims.status NOT NULL DEFAULT 'draft',
  price public.money_amount,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  version integer NOT NULL DEFAULT 1,
  email public.email,
  parent_id bigint REFERENCES claims.claims_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_h (parent_id);

CREATE INDEX ON claims.claims_h (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, status ON claims.claims_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN claims.claims_h.title IS 'Documented column.';

CREATE TABLE claims.claims_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  title varchar(200) NOT NULL,
  description text,
  external_id uuid,
  ip inet,
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE claims.claims_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  notes text COLLATE "C",
  score double precision,
  email public.email,
  parent_id bigint REFERENCES claims.claims_f (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_j (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE claims.claims_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  name text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  score double precision,
  parent_id bigint REFERENCES claims.claims_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_k (parent_id);

CREATE INDEX ON claims.claims_k USING gin (metadata jsonb_path_ops);

CREATE INDEX ON claims.claims_k (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE claims.claims_k IS 'Table 11 of the claims module.';

CREATE TABLE claims.claims_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  email public.email,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_l USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE claims.claims_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  priority smallint NOT NULL DEFAULT 0,
  status claims.status NOT NULL DEFAULT 'draft',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  rating public.rating,
  parent_id bigint REFERENCES claims.claims_l (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_m (parent_id);

CREATE INDEX ON claims.claims_m (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON claims.claims_m USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE claims.claims_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  price public.money_amount,
  ip inet,
  status claims.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES claims.claims_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_n (parent_id);

CREATE INDEX ON claims.claims_n (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON claims.claims_n USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE claims.claims_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON claims.claims_n USING (tenant_id = public.current_tenant());

CREATE TABLE claims.claims_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  price public.money_amount,
  rating public.rating,
  version integer NOT NULL DEFAULT 1,
  starts_on date,
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES claims.claims_k (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_o (parent_id);

CREATE INDEX ON claims.claims_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF notes, price ON claims.claims_o FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN claims.claims_o.notes IS 'Documented column.';

CREATE TABLE claims.claims_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  is_active boolean NOT NULL DEFAULT true,
  description text,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE claims.claims_p IS 'Table 16 of the claims module.';

CREATE TABLE claims.claims_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  status claims.status NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  price public.money_amount,
  parent_id bigint REFERENCES claims.claims_g (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON claims.claims_q (parent_id);

CREATE INDEX ON claims.claims_q (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, code ON claims.claims_q FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE claims.claims_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  status claims.status NOT NULL DEFAULT 'draft',
  priority smallint NOT NULL DEFAULT 0,
  country char(2),
  title varchar(200) NOT NULL,
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON claims.claims_r (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON claims.claims_r (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE claims.claims_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  ip inet,
  title varchar(200) NOT NULL,
  description text,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ends_on date,
  code varchar(32) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON claims.claims_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW claims.claims_b_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.priority, c.email, p.id AS parent_ref, p.created_at AS parent_created_at
FROM claims.claims_b c JOIN claims.claims_a p ON p.id = c.parent_id;

CREATE VIEW claims.claims_c_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.duration, c.description, p.id AS parent_ref, p.created_at AS parent_created_at
FROM claims.claims_c c JOIN claims.claims_b p ON p.id = c.parent_id;

CREATE VIEW claims.claims_d_with_parent AS
SELECT c.id, c.tenant_id, c.price, c.ends_on, c.status, p.id AS parent_ref, p.created_at AS parent_created_at
FROM claims.claims_d c JOIN claims.claims_c p ON p.id = c.parent_id;

CREATE VIEW claims.claims_f_with_parent AS
SELECT c.id, c.tenant_id, c.metadata, c.version, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM claims.claims_f c JOIN claims.claims_e p ON p.id = c.parent_id;

CREATE VIEW claims.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM claims.claims_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW claims.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM claims.claims_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON claims.daily_counts (tenant_id, day);

CREATE FUNCTION claims.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM claims.claims_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION claims.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'CLAIMS-' || nextval('claims.document_number')::text $$;

CREATE PROCEDURE claims.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM claims.claims_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE claims.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE claims.events_2024_q1 PARTITION OF claims.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE claims.events_2024_q2 PARTITION OF claims.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE claims.events_2024_q3 PARTITION OF claims.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE claims.events_2024_q4 PARTITION OF claims.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE claims.events_default PARTITION OF claims.events DEFAULT;

CREATE INDEX ON claims.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA claims TO PUBLIC;

GRANT SELECT ON claims.activity TO PUBLIC;

CREATE SCHEMA contracts;

COMMENT ON SCHEMA contracts IS 'The contracts module.';

CREATE TYPE contracts.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE contracts.document_number START WITH 10000 INCREMENT BY 1;

CREATE TABLE contracts.contracts_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  weight_kg numeric(10,3),
  name text NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip inet,
  external_id uuid,
  notes text COLLATE "C",
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_a USING gin (metadata jsonb_path_ops);

CREATE INDEX ON contracts.contracts_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE contracts.contracts_a IS 'Table 1 of the contracts module.';

COMMENT ON COLUMN contracts.contracts_a.quantity IS 'Documented column.';

CREATE TABLE contracts.contracts_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status contracts.status NOT NULL DEFAULT 'draft',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_b (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON contracts.contracts_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE contracts.contracts_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  country char(2),
  notes text COLLATE "C",
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  starts_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_c USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE contracts.contracts_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  parent_id bigint REFERENCES contracts.contracts_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_d (parent_id);

CREATE INDEX ON contracts.contracts_d USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE contracts.contracts_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  description text,
  is_active boolean NOT NULL DEFAULT true,
  duration interval,
  country char(2),
  parent_id bigint REFERENCES contracts.contracts_c (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE contracts.contracts_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON contracts.contracts_e USING (tenant_id = public.current_tenant());

CREATE TABLE contracts.contracts_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  tags text[] NOT NULL DEFAULT '{}',
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES contracts.contracts_c (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_f (parent_id);

CREATE INDEX ON contracts.contracts_f (lower(name));

CREATE INDEX ON contracts.contracts_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF amount, tags ON contracts.contracts_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE contracts.contracts_f IS 'Table 6 of the contracts module.';

CREATE TABLE contracts.contracts_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  status contracts.status NOT NULL DEFAULT 'draft',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  weight_kg numeric(10,3),
  title varchar(200) NOT NULL,
  price public.money_amount,
  parent_id bigint REFERENCES contracts.contracts_e (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON contracts.contracts_g (parent_id);

CREATE INDEX ON contracts.contracts_g (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE contracts.contracts_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  ip inet,
  title varchar(200) NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN contracts.contracts_h.external_id IS 'Documented column.';

CREATE TABLE contracts.contracts_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  price public.money_amount,
  rating public.rating,
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE contracts.contracts_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  code varchar(32) NOT NULL,
  rating public.rating,
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF country, code ON contracts.contracts_j FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE contracts.contracts_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  name text NOT NULL,
  ends_on date,
  tags text[] NOT NULL DEFAULT '{}',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  priority smallint NOT NULL DEFAULT 0,
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES contracts.contracts_e (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_k (parent_id);

CREATE INDEX ON contracts.contracts_k (lower(name));

CREATE INDEX ON contracts.contracts_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE contracts.contracts_k IS 'Table 11 of the contracts module.';

CREATE TABLE contracts.contracts_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  external_id uuid,
  name text NOT NULL,
  parent_id bigint REFERENCES contracts.contracts_d (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_l (parent_id);

CREATE INDEX ON contracts.contracts_l (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE contracts.contracts_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  title varchar(200) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ends_on date,
  parent_id bigint REFERENCES contracts.contracts_h (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON contracts.contracts_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE contracts.contracts_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  external_id uuid,
  title varchar(200) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  name text NOT NULL,
  ip inet,
  email public.email,
  parent_id bigint REFERENCES contracts.contracts_m (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_n (parent_id);

CREATE INDEX ON contracts.contracts_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE contracts.contracts_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON contracts.contracts_n USING (tenant_id = public.current_tenant());

CREATE TABLE contracts.contracts_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  score double precision,
  tags text[] NOT NULL DEFAULT '{}',
  name text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES contracts.contracts_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_o (parent_id);

CREATE INDEX ON contracts.contracts_o (lower(name));

CREATE INDEX ON contracts.contracts_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN contracts.contracts_o.rating IS 'Documented column.';

CREATE TABLE contracts.contracts_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  rating public.rating,
  parent_id bigint REFERENCES contracts.contracts_e (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_p (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE contracts.contracts_p IS 'Table 16 of the contracts module.';

CREATE TABLE contracts.contracts_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  country char(2),
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_q USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF metadata, country ON contracts.contracts_q FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE contracts.contracts_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  starts_on date,
  description text,
  version integer NOT NULL DEFAULT 1,
  duration interval,
  name text NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_r (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, starts_on ON contracts.contracts_r FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE contracts.contracts_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  email public.email,
  description text,
  parent_id bigint REFERENCES contracts.contracts_i (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON contracts.contracts_s (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON contracts.contracts_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW contracts.contracts_d_with_parent AS
SELECT c.id, c.tenant_id, c.is_active, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM contracts.contracts_d c JOIN contracts.contracts_c p ON p.id = c.parent_id;

CREATE VIEW contracts.contracts_e_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.is_active, c.duration, p.id AS parent_ref, p.created_at AS parent_created_at
FROM contracts.contracts_e c JOIN contracts.contracts_c p ON p.id = c.parent_id;

CREATE VIEW contracts.contracts_f_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.tags, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM contracts.contracts_f c JOIN contracts.contracts_c p ON p.id = c.parent_id;

CREATE VIEW contracts.contracts_g_with_parent AS
SELECT c.id, c.tenant_id, c.code, c.status, c.quantity, p.id AS parent_ref, p.created_at AS parent_created_at
FROM contracts.contracts_g c JOIN contracts.contracts_e p ON p.id = c.parent_id;

CREATE VIEW contracts.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM contracts.contracts_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW contracts.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM contracts.contracts_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON contracts.daily_counts (tenant_id, day);

CREATE FUNCTION contracts.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM contracts.contracts_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION contracts.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'CONTRACTS-' || nextval('contracts.document_number')::text $$;

CREATE PROCEDURE contracts.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM contracts.contracts_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA contracts TO PUBLIC;

GRANT SELECT ON contracts.activity TO PUBLIC;

CREATE SCHEMA rates;

COMMENT ON SCHEMA rates IS 'The rates module.';

CREATE TYPE rates.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE rates.document_number START WITH 11000 INCREMENT BY 2;

CREATE TABLE rates.rates_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  name text NOT NULL,
  status rates.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_a (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON rates.rates_a (lower(name));

CREATE INDEX ON rates.rates_a USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE rates.rates_a IS 'Table 1 of the rates module.';

COMMENT ON COLUMN rates.rates_a.starts_on IS 'Documented column.';

CREATE TABLE rates.rates_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  score double precision,
  duration interval,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON rates.rates_b (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE rates.rates_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  starts_on date,
  rating public.rating,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE rates.rates_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  code varchar(32) NOT NULL,
  starts_on date,
  parent_id bigint REFERENCES rates.rates_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON rates.rates_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE rates.rates_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  starts_on date,
  name text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_e (lower(name));

CREATE INDEX ON rates.rates_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE rates.rates_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON rates.rates_e USING (tenant_id = public.current_tenant());

CREATE TABLE rates.rates_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  rating public.rating,
  score double precision,
  code varchar(32) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ends_on date,
  parent_id bigint REFERENCES rates.rates_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON rates.rates_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE rates.rates_f IS 'Table 6 of the rates module.';

CREATE TABLE rates.rates_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES rates.rates_f (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_g (parent_id);

CREATE INDEX ON rates.rates_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, name ON rates.rates_g FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE rates.rates_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  email public.email,
  title varchar(200) NOT NULL,
  status rates.status NOT NULL DEFAULT 'draft',
  notes text COLLATE "C",
  parent_id bigint REFERENCES rates.rates_e (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_h (parent_id);

CREATE INDEX ON rates.rates_h (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON rates.rates_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, email ON rates.rates_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN rates.rates_h.name IS 'Documented column.';

CREATE TABLE rates.rates_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  country char(2),
  code varchar(32) NOT NULL,
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON rates.rates_i USING gin (metadata jsonb_path_ops);

CREATE INDEX ON rates.rates_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE rates.rates_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  email public.email,
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE rates.rates_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  description text,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES rates.rates_h (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_k (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE rates.rates_k IS 'Table 11 of the rates module.';

CREATE TABLE rates.rates_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  notes text COLLATE "C",
  description text,
  rating public.rating,
  country char(2),
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES rates.rates_g (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, quantity ON rates.rates_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE rates.rates_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  external_id uuid,
  description text,
  parent_id bigint REFERENCES rates.rates_k (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_m (parent_id);

CREATE INDEX ON rates.rates_m USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE rates.rates_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  starts_on date,
  tags text[] NOT NULL DEFAULT '{}',
  notes text COLLATE "C",
  score double precision,
  name text NOT NULL,
  parent_id bigint REFERENCES rates.rates_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON rates.rates_n (parent_id);

CREATE INDEX ON rates.rates_n (lower(name));

CREATE INDEX ON rates.rates_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE rates.rates_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON rates.rates_n USING (tenant_id = public.current_tenant());

CREATE TABLE rates.rates_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ip inet,
  parent_id bigint REFERENCES rates.rates_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_o (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN rates.rates_o.price IS 'Documented column.';

CREATE TABLE rates.rates_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  tags text[] NOT NULL DEFAULT '{}',
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  description text,
  duration interval,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_p USING gin (metadata jsonb_path_ops);

CREATE INDEX ON rates.rates_p USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE rates.rates_p IS 'Table 16 of the rates module.';

CREATE TABLE rates.rates_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status rates.status NOT NULL DEFAULT 'draft',
  country char(2),
  title varchar(200) NOT NULL,
  score double precision,
  priority smallint NOT NULL DEFAULT 0,
  external_id uuid,
  ends_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON rates.rates_q (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE rates.rates_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  notes text COLLATE "C",
  status rates.status NOT NULL DEFAULT 'draft',
  email public.email,
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES rates.rates_h (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON rates.rates_r (parent_id);

CREATE INDEX ON rates.rates_r (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE rates.rates_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  country char(2),
  title varchar(200) NOT NULL,
  notes text COLLATE "C",
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON rates.rates_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF country, title ON rates.rates_s FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE VIEW rates.rates_d_with_parent AS
SELECT c.id, c.tenant_id, c.country, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM rates.rates_d c JOIN rates.rates_c p ON p.id = c.parent_id;

CREATE VIEW rates.rates_f_with_parent AS
SELECT c.id, c.tenant_id, c.rating, c.quantity, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM rates.rates_f c JOIN rates.rates_b p ON p.id = c.parent_id;

CREATE VIEW rates.rates_g_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.priority, c.name, p.id AS parent_ref, p.created_at AS parent_created_at
FROM rates.rates_g c JOIN rates.rates_f p ON p.id = c.parent_id;

CREATE VIEW rates.rates_h_with_parent AS
SELECT c.id, c.tenant_id, c.version, c.email, c.title, p.id AS parent_ref, p.created_at AS parent_created_at
FROM rates.rates_h c JOIN rates.rates_e p ON p.id = c.parent_id;

CREATE VIEW rates.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM rates.rates_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW rates.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM rates.rates_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON rates.daily_counts (tenant_id, day);

CREATE FUNCTION rates.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM rates.rates_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION rates.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'RATES-' || nextval('rates.document_number')::text $$;

CREATE PROCEDURE rates.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM rates.rates_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE rates.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE rates.events_2024_q1 PARTITION OF rates.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE rates.events_2024_q2 PARTITION OF rates.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE rates.events_2024_q3 PARTITION OF rates.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE rates.events_2024_q4 PARTITION OF rates.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE rates.events_default PARTITION OF rates.events DEFAULT;

CREATE INDEX ON rates.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA rates TO PUBLIC;

GRANT SELECT ON rates.activity TO PUBLIC;

CREATE SCHEMA fuel;

COMMENT ON SCHEMA fuel IS 'The fuel module.';

CREATE TYPE fuel.status AS ENUM ('draft', 'active', 'paused', 'closed', 'archived');

CREATE SEQUENCE fuel.document_number START WITH 12000 INCREMENT BY 3;

CREATE TABLE fuel.fuel_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  duration interval,
  code varchar(32) NOT NULL,
  ends_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE fuel.fuel_a IS 'Table 1 of the fuel module.';

COMMENT ON COLUMN fuel.fuel_a.ip IS 'Documented column.';

CREATE TABLE fuel.fuel_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  ends_on date,
  duration interval,
  ip inet,
  title varchar(200) NOT NULL,
  score double precision,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status fuel.status NOT NULL DEFAULT 'draft',
  tags text[] NOT NULL DEFAULT '{}',
  duration interval,
  is_active boolean NOT NULL DEFAULT true,
  external_id uuid,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES fuel.fuel_b (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_c (parent_id);

CREATE INDEX ON fuel.fuel_c (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON fuel.fuel_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  tags text[] NOT NULL DEFAULT '{}',
  ip inet,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON fuel.fuel_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  description text,
  priority smallint NOT NULL DEFAULT 0,
  starts_on date,
  ip inet,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES fuel.fuel_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE fuel.fuel_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON fuel.fuel_e USING (tenant_id = public.current_tenant());

CREATE TABLE fuel.fuel_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  ends_on date,
  duration interval,
  weight_kg numeric(10,3),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  rating public.rating,
  email public.email,
  parent_id bigint REFERENCES fuel.fuel_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_f (parent_id);

CREATE INDEX ON fuel.fuel_f USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE fuel.fuel_f IS 'Table 6 of the fuel module.';

CREATE TABLE fuel.fuel_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  country char(2),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  name text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  external_id uuid,
  score double precision,
  country char(2),
  priority smallint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN fuel.fuel_h.starts_on IS 'Documented column.';

CREATE TABLE fuel.fuel_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ip inet,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_i USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  notes text COLLATE "C",
  starts_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  version integer NOT NULL DEFAULT 1,
  tags text[] NOT NULL DEFAULT '{}',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF weight_kg, tags ON fuel.fuel_k FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE fuel.fuel_k IS 'Table 11 of the fuel module.';

CREATE TABLE fuel.fuel_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  notes text COLLATE "C",
  duration interval,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  tags text[] NOT NULL DEFAULT '{}',
  ends_on date,
  code varchar(32) NOT NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON fuel.fuel_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  email public.email,
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip inet,
  parent_id bigint REFERENCES fuel.fuel_e (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_m (parent_id);

CREATE INDEX ON fuel.fuel_m USING gin (metadata jsonb_path_ops);

CREATE INDEX ON fuel.fuel_m USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status fuel.status NOT NULL DEFAULT 'draft',
  starts_on date,
  ends_on date,
  code varchar(32) NOT NULL,
  title varchar(200) NOT NULL,
  country char(2),
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES fuel.fuel_l (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON fuel.fuel_n (parent_id);

CREATE INDEX ON fuel.fuel_n (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE fuel.fuel_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON fuel.fuel_n USING (tenant_id = public.current_tenant());

CREATE TABLE fuel.fuel_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  title varchar(200) NOT NULL,
  price public.money_amount,
  priority smallint NOT NULL DEFAULT 0,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  email public.email,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES fuel.fuel_l (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_o (parent_id);

CREATE INDEX ON fuel.fuel_o USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN fuel.fuel_o.starts_on IS 'Documented column.';

CREATE TABLE fuel.fuel_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status fuel.status NOT NULL DEFAULT 'draft',
  is_active boolean NOT NULL DEFAULT true,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES fuel.fuel_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_p (parent_id);

CREATE INDEX ON fuel.fuel_p (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON fuel.fuel_p USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE fuel.fuel_p IS 'Table 16 of the fuel module.';

CREATE TABLE fuel.fuel_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  tags text[] NOT NULL DEFAULT '{}',
  status fuel.status NOT NULL DEFAULT 'draft',
  external_id uuid,
  price public.money_amount,
  starts_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_q (tenant_id, status) WHERE status <> 'archived';

CREATE INDEX ON fuel.fuel_q USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  priority smallint NOT NULL DEFAULT 0,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE fuel.fuel_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  is_active boolean NOT NULL DEFAULT true,
  title varchar(200) NOT NULL,
  status fuel.status NOT NULL DEFAULT 'draft',
  score double precision,
  parent_id bigint REFERENCES fuel.fuel_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON fuel.fuel_s (parent_id);

CREATE INDEX ON fuel.fuel_s (tenant_id, status) WHERE status <> 'archived';

CREATE TRIGGER touch BEFORE UPDATE ON fuel.fuel_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW fuel.fuel_c_with_parent AS
SELECT c.id, c.tenant_id, c.status, c.tags, c.external_id, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fuel.fuel_c c JOIN fuel.fuel_b p ON p.id = c.parent_id;

CREATE VIEW fuel.fuel_e_with_parent AS
SELECT c.id, c.tenant_id, c.email, c.description, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fuel.fuel_e c JOIN fuel.fuel_c p ON p.id = c.parent_id;

CREATE VIEW fuel.fuel_f_with_parent AS
SELECT c.id, c.tenant_id, c.weight_kg, c.metadata, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fuel.fuel_f c JOIN fuel.fuel_b p ON p.id = c.parent_id;

CREATE VIEW fuel.fuel_m_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.amount, c.tags, p.id AS parent_ref, p.created_at AS parent_created_at
FROM fuel.fuel_m c JOIN fuel.fuel_e p ON p.id = c.parent_id;

CREATE VIEW fuel.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM fuel.fuel_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW fuel.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM fuel.fuel_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON fuel.daily_counts (tenant_id, day);

CREATE FUNCTION fuel.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM fuel.fuel_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION fuel.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'FUEL-' || nextval('fuel.document_number')::text $$;

CREATE PROCEDURE fuel.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM fuel.fuel_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA fuel TO PUBLIC;

GRANT SELECT ON fuel.activity TO PUBLIC;

CREATE SCHEMA maintenance;

COMMENT ON SCHEMA maintenance IS 'The maintenance module.';

CREATE TYPE maintenance.status AS ENUM ('draft', 'active');

CREATE SEQUENCE maintenance.document_number START WITH 13000 INCREMENT BY 1;

CREATE TABLE maintenance.maintenance_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  price public.money_amount,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  duration interval,
  country char(2),
  ends_on date,
  status maintenance.status NOT NULL DEFAULT 'draft',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_a (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON maintenance.maintenance_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE maintenance.maintenance_a IS 'Table 1 of the maintenance module.';

COMMENT ON COLUMN maintenance.maintenance_a.name IS 'Documented column.';

CREATE TABLE maintenance.maintenance_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES maintenance.maintenance_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_b (parent_id);

CREATE INDEX ON maintenance.maintenance_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE maintenance.maintenance_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  starts_on date,
  price public.money_amount,
  ip inet,
  priority smallint NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  parent_id bigint REFERENCES maintenance.maintenance_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_c (parent_id);

CREATE INDEX ON maintenance.maintenance_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE maintenance.maintenance_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  notes text COLLATE "C",
  price public.money_amount,
  description text,
  title varchar(200) NOT NULL,
  code varchar(32) NOT NULL,
  parent_id bigint REFERENCES maintenance.maintenance_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON maintenance.maintenance_d (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE maintenance.maintenance_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  priority smallint NOT NULL DEFAULT 0,
  country char(2),
  name text NOT NULL,
  parent_id bigint REFERENCES maintenance.maintenance_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_e (parent_id);

CREATE INDEX ON maintenance.maintenance_e (lower(name));

CREATE INDEX ON maintenance.maintenance_e USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE maintenance.maintenance_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON maintenance.maintenance_e USING (tenant_id = public.current_tenant());

CREATE TABLE maintenance.maintenance_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  ip inet,
  duration interval,
  parent_id bigint REFERENCES maintenance.maintenance_d (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE maintenance.maintenance_f IS 'Table 6 of the maintenance module.';

CREATE TABLE maintenance.maintenance_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  title varchar(200) NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  country char(2),
  notes text COLLATE "C",
  status maintenance.status NOT NULL DEFAULT 'draft',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_g (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON maintenance.maintenance_g USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE maintenance.maintenance_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  ip inet,
  email public.email,
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  rating public.rating,
  notes text COLLATE "C",
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, ip ON maintenance.maintenance_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN maintenance.maintenance_h.is_active IS 'Documented column.';

CREATE TABLE maintenance.maintenance_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  email public.email,
  rating public.rating,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF quantity, email ON maintenance.maintenance_i FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE maintenance.maintenance_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text COLLATE "C",
  price public.money_amount,
  code varchar(32) NOT NULL,
  ends_on date,
  parent_id bigint REFERENCES maintenance.maintenance_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON maintenance.maintenance_j (parent_id);

CREATE INDEX ON maintenance.maintenance_j USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE maintenance.maintenance_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  weight_kg numeric(10,3),
  tags text[] NOT NULL DEFAULT '{}',
  country char(2),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES maintenance.maintenance_e (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_k (parent_id);

CREATE INDEX ON maintenance.maintenance_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE maintenance.maintenance_k IS 'Table 11 of the maintenance module.';

CREATE TABLE maintenance.maintenance_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  starts_on date,
  country char(2),
  description text,
  ends_on date,
  version integer NOT NULL DEFAULT 1,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES maintenance.maintenance_i (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF external_id, starts_on ON maintenance.maintenance_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE maintenance.maintenance_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  description text,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  ends_on date,
  duration interval,
  rating public.rating,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE maintenance.maintenance_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  weight_kg numeric(10,3),
  duration interval,
  parent_id bigint REFERENCES maintenance.maintenance_g (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_n (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE maintenance.maintenance_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON maintenance.maintenance_n USING (tenant_id = public.current_tenant());

CREATE TABLE maintenance.maintenance_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  title varchar(200) NOT NULL,
  parent_id bigint REFERENCES maintenance.maintenance_h (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_o (parent_id);

CREATE INDEX ON maintenance.maintenance_o USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN maintenance.maintenance_o.external_id IS 'Documented column.';

CREATE TABLE maintenance.maintenance_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  email public.email,
  ends_on date,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF priority, email ON maintenance.maintenance_p FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE maintenance.maintenance_p IS 'Table 16 of the maintenance module.';

CREATE TABLE maintenance.maintenance_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  priority smallint NOT NULL DEFAULT 0,
  name text NOT NULL,
  status maintenance.status NOT NULL DEFAULT 'draft',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  rating public.rating,
  parent_id bigint REFERENCES maintenance.maintenance_i (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_q (parent_id);

CREATE INDEX ON maintenance.maintenance_q (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON maintenance.maintenance_q (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE maintenance.maintenance_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  external_id uuid,
  code varchar(32) NOT NULL,
  ip inet,
  parent_id bigint REFERENCES maintenance.maintenance_o (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON maintenance.maintenance_r (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE maintenance.maintenance_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  starts_on date,
  country char(2),
  tags text[] NOT NULL DEFAULT '{}',
  title varchar(200) NOT NULL,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES maintenance.maintenance_f (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON maintenance.maintenance_s (parent_id);

CREATE INDEX ON maintenance.maintenance_s USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON maintenance.maintenance_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW maintenance.maintenance_b_with_parent AS
SELECT c.id, c.tenant_id, c.is_active, c.external_id, c.metadata, p.id AS parent_ref, p.created_at AS parent_created_at
FROM maintenance.maintenance_b c JOIN maintenance.maintenance_a p ON p.id = c.parent_id;

CREATE VIEW maintenance.maintenance_c_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.tags, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM maintenance.maintenance_c c JOIN maintenance.maintenance_a p ON p.id = c.parent_id;

CREATE VIEW maintenance.maintenance_d_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.notes, c.price, p.id AS parent_ref, p.created_at AS parent_created_at
FROM maintenance.maintenance_d c JOIN maintenance.maintenance_b p ON p.id = c.parent_id;

CREATE VIEW maintenance.maintenance_e_with_parent AS
SELECT c.id, c.tenant_id, c.tags, c.priority, p.id AS parent_ref, p.created_at AS parent_created_at
FROM maintenance.maintenance_e c JOIN maintenance.maintenance_a p ON p.id = c.parent_id;

CREATE VIEW maintenance.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM maintenance.maintenance_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW maintenance.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM maintenance.maintenance_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON maintenance.daily_counts (tenant_id, day);

CREATE FUNCTION maintenance.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM maintenance.maintenance_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION maintenance.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'MAINTENANCE-' || nextval('maintenance.document_number')::text $$;

CREATE PROCEDURE maintenance.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM maintenance.maintenance_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE maintenance.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE maintenance.events_2024_q1 PARTITION OF maintenance.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE maintenance.events_2024_q2 PARTITION OF maintenance.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE maintenance.events_2024_q3 PARTITION OF maintenance.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE maintenance.events_2024_q4 PARTITION OF maintenance.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE maintenance.events_default PARTITION OF maintenance.events DEFAULT;

CREATE INDEX ON maintenance.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA maintenance TO PUBLIC;

GRANT SELECT ON maintenance.activity TO PUBLIC;

CREATE SCHEMA dispatch;

COMMENT ON SCHEMA dispatch IS 'The dispatch module.';

CREATE TYPE dispatch.status AS ENUM ('draft', 'active');

CREATE SEQUENCE dispatch.document_number START WITH 14000 INCREMENT BY 2;

CREATE TABLE dispatch.dispatch_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  email public.email,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_a (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE dispatch.dispatch_a IS 'Table 1 of the dispatch module.';

COMMENT ON COLUMN dispatch.dispatch_a.name IS 'Documented column.';

CREATE TABLE dispatch.dispatch_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  rating public.rating,
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES dispatch.dispatch_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_b (parent_id);

CREATE INDEX ON dispatch.dispatch_b USING gin (metadata jsonb_path_ops);

CREATE INDEX ON dispatch.dispatch_b USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF starts_on, metadata ON dispatch.dispatch_b FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE dispatch.dispatch_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  score double precision,
  notes text COLLATE "C",
  tags text[] NOT NULL DEFAULT '{}',
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE dispatch.dispatch_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ip inet,
  weight_kg numeric(10,3),
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES dispatch.dispatch_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_d (parent_id);

CREATE INDEX ON dispatch.dispatch_d USING gin (metadata jsonb_path_ops);

CREATE INDEX ON dispatch.dispatch_d USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF ip, weight_kg ON dispatch.dispatch_d FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE dispatch.dispatch_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  status dispatch.status NOT NULL DEFAULT 'draft',
  starts_on date,
  parent_id bigint REFERENCES dispatch.dispatch_a (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_e (parent_id);

CREATE INDEX ON dispatch.dispatch_e (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE dispatch.dispatch_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON dispatch.dispatch_e USING (tenant_id = public.current_tenant());

CREATE TABLE dispatch.dispatch_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  notes text COLLATE "C",
  version integer NOT NULL DEFAULT 1,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES dispatch.dispatch_e (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_f (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF external_id, notes ON dispatch.dispatch_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE dispatch.dispatch_f IS 'Table 6 of the dispatch module.';

CREATE TABLE dispatch.dispatch_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  priority smallint NOT NULL DEFAULT 0,
  email public.email,
  duration interval,
  name text NOT NULL,
  ip inet,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_g (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE dispatch.dispatch_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  external_id uuid,
  priority smallint NOT NULL DEFAULT 0,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN dispatch.dispatch_h.duration IS 'Documented column.';

CREATE TABLE dispatch.dispatch_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  status dispatch.status NOT NULL DEFAULT 'draft',
  weight_kg numeric(10,3),
  ends_on date,
  parent_id bigint REFERENCES dispatch.dispatch_h (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON dispatch.dispatch_i (parent_id);

CREATE INDEX ON dispatch.dispatch_i (tenant_id, status) WHERE status <> 'active';

CREATE INDEX ON dispatch.dispatch_i USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE dispatch.dispatch_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  email public.email,
  external_id uuid,
  ip inet,
  notes text COLLATE "C",
  starts_on date,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES dispatch.dispatch_h (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_j (parent_id);

CREATE INDEX ON dispatch.dispatch_j USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE dispatch.dispatch_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  country char(2),
  description text,
  parent_id bigint REFERENCES dispatch.dispatch_e (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_k (parent_id);

CREATE INDEX ON dispatch.dispatch_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE dispatch.dispatch_k IS 'Table 11 of the dispatch module.';

CREATE TABLE dispatch.dispatch_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  title varchar(200) NOT NULL,
  description text,
  country char(2),
  parent_id bigint REFERENCES dispatch.dispatch_d (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_l (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE dispatch.dispatch_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  code varchar(32) NOT NULL,
  ip inet,
  parent_id bigint REFERENCES dispatch.dispatch_h (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON dispatch.dispatch_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, code ON dispatch.dispatch_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE dispatch.dispatch_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  is_active boolean NOT NULL DEFAULT true,
  duration interval,
  weight_kg numeric(10,3),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_n USING gin (metadata jsonb_path_ops);

CREATE INDEX ON dispatch.dispatch_n USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE dispatch.dispatch_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON dispatch.dispatch_n USING (tenant_id = public.current_tenant());

CREATE TABLE dispatch.dispatch_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  status dispatch.status NOT NULL DEFAULT 'draft',
  notes text COLLATE "C",
  external_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_o (tenant_id, status) WHERE status <> 'active';

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN dispatch.dispatch_o.is_active IS 'Documented column.';

CREATE TABLE dispatch.dispatch_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  external_id uuid,
  version integer NOT NULL DEFAULT 1,
  starts_on date,
  rating public.rating,
  price public.money_amount,
  parent_id bigint REFERENCES dispatch.dispatch_m (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_p (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF amount, external_id ON dispatch.dispatch_p FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE dispatch.dispatch_p IS 'Table 16 of the dispatch module.';

CREATE TABLE dispatch.dispatch_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  is_active boolean NOT NULL DEFAULT true,
  external_id uuid,
  ends_on date,
  CHECK (ends_on >= starts_on),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE dispatch.dispatch_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  duration interval,
  title varchar(200) NOT NULL,
  ip inet,
  parent_id bigint REFERENCES dispatch.dispatch_d (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON dispatch.dispatch_r (parent_id);

CREATE INDEX ON dispatch.dispatch_r USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE dispatch.dispatch_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  is_active boolean NOT NULL DEFAULT true,
  ip inet,
  version integer NOT NULL DEFAULT 1,
  starts_on date,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON dispatch.dispatch_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF external_id, is_active ON dispatch.dispatch_s FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE VIEW dispatch.dispatch_b_with_parent AS
SELECT c.id, c.tenant_id, c.starts_on, c.metadata, c.rating, p.id AS parent_ref, p.created_at AS parent_created_at
FROM dispatch.dispatch_b c JOIN dispatch.dispatch_a p ON p.id = c.parent_id;

CREATE VIEW dispatch.dispatch_d_with_parent AS
SELECT c.id, c.tenant_id, c.ip, c.weight_kg, c.is_active, p.id AS parent_ref, p.created_at AS parent_created_at
FROM dispatch.dispatch_d c JOIN dispatch.dispatch_c p ON p.id = c.parent_id;

CREATE VIEW dispatch.dispatch_e_with_parent AS
SELECT c.id, c.tenant_id, c.weight_kg, c.status, c.starts_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM dispatch.dispatch_e c JOIN dispatch.dispatch_a p ON p.id = c.parent_id;

CREATE VIEW dispatch.dispatch_f_with_parent AS
SELECT c.id, c.tenant_id, c.external_id, c.notes, c.version, p.id AS parent_ref, p.created_at AS parent_created_at
FROM dispatch.dispatch_f c JOIN dispatch.dispatch_e p ON p.id = c.parent_id;

CREATE VIEW dispatch.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM dispatch.dispatch_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW dispatch.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM dispatch.dispatch_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON dispatch.daily_counts (tenant_id, day);

CREATE FUNCTION dispatch.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM dispatch.dispatch_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION dispatch.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'DISPATCH-' || nextval('dispatch.document_number')::text $$;

CREATE PROCEDURE dispatch.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dispatch.dispatch_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA dispatch TO PUBLIC;

GRANT SELECT ON dispatch.activity TO PUBLIC;

CREATE SCHEMA yard;

COMMENT ON SCHEMA yard IS 'The yard module.';

CREATE TYPE yard.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE yard.document_number START WITH 15000 INCREMENT BY 3;

CREATE TABLE yard.yard_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  price public.money_amount,
  email public.email,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE yard.yard_a IS 'Table 1 of the yard module.';

COMMENT ON COLUMN yard.yard_a.quantity IS 'Documented column.';

CREATE TABLE yard.yard_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  email public.email,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  score double precision,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON yard.yard_b USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE yard.yard_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  duration interval,
  country char(2),
  ends_on date,
  tags text[] NOT NULL DEFAULT '{}',
  score double precision,
  parent_id bigint REFERENCES yard.yard_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_c (parent_id);

CREATE INDEX ON yard.yard_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE yard.yard_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  description text,
  country char(2),
  notes text COLLATE "C",
  weight_kg numeric(10,3),
  parent_id bigint REFERENCES yard.yard_b (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_d (parent_id);

CREATE INDEX ON yard.yard_d USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE yard.yard_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  notes text COLLATE "C",
  ip inet,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES yard.yard_a (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_e (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE yard.yard_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON yard.yard_e USING (tenant_id = public.current_tenant());

CREATE TABLE yard.yard_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  starts_on date,
  email public.email,
  is_active boolean NOT NULL DEFAULT true,
  description text,
  status yard.status NOT NULL DEFAULT 'draft',
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_f (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON yard.yard_f USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF tags, starts_on ON yard.yard_f FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE yard.yard_f IS 'Table 6 of the yard module.';

CREATE TABLE yard.yard_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  score double precision,
  tags text[] NOT NULL DEFAULT '{}',
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  notes text COLLATE "C",
  parent_id bigint REFERENCES yard.yard_a (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_g (parent_id);

CREATE INDEX ON yard.yard_g USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE yard.yard_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  price public.money_amount,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON COLUMN yard.yard_h.score IS 'Documented column.';

CREATE TABLE yard.yard_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  title varchar(200) NOT NULL,
  ends_on date,
  duration interval,
  name text NOT NULL,
  starts_on date,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES yard.yard_f (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_i (parent_id);

CREATE INDEX ON yard.yard_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE yard.yard_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  country char(2),
  status yard.status NOT NULL DEFAULT 'draft',
  parent_id bigint REFERENCES yard.yard_e (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_j (parent_id);

CREATE INDEX ON yard.yard_j (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE yard.yard_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  ends_on date,
  starts_on date,
  tags text[] NOT NULL DEFAULT '{}',
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES yard.yard_f (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_k (parent_id);

CREATE INDEX ON yard.yard_k USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE yard.yard_k IS 'Table 11 of the yard module.';

CREATE TABLE yard.yard_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  ip inet,
  priority smallint NOT NULL DEFAULT 0,
  notes text COLLATE "C",
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES yard.yard_c (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_l (parent_id);

CREATE INDEX ON yard.yard_l USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF title, tags ON yard.yard_l FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE yard.yard_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  is_active boolean NOT NULL DEFAULT true,
  price public.money_amount,
  ends_on date,
  parent_id bigint REFERENCES yard.yard_h (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_m (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF is_active, price ON yard.yard_m FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE yard.yard_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  priority smallint NOT NULL DEFAULT 0,
  status yard.status NOT NULL DEFAULT 'draft',
  country char(2),
  score double precision,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES yard.yard_d (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_n (parent_id);

CREATE INDEX ON yard.yard_n (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON yard.yard_n (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE yard.yard_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON yard.yard_n USING (tenant_id = public.current_tenant());

CREATE TABLE yard.yard_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  email public.email,
  title varchar(200) NOT NULL,
  name text NOT NULL,
  ends_on date,
  rating public.rating,
  version integer NOT NULL DEFAULT 1,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_o (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF email, title ON yard.yard_o FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN yard.yard_o.email IS 'Documented column.';

CREATE TABLE yard.yard_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  weight_kg numeric(10,3),
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  ends_on date,
  notes text COLLATE "C",
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE yard.yard_p IS 'Table 16 of the yard module.';

CREATE TABLE yard.yard_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  is_active boolean NOT NULL DEFAULT true,
  priority smallint NOT NULL DEFAULT 0,
  description text,
  name text NOT NULL,
  status yard.status NOT NULL DEFAULT 'draft',
  title varchar(200) NOT NULL,
  version integer NOT NULL DEFAULT 1,
  parent_id bigint REFERENCES yard.yard_b (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_q (parent_id);

CREATE INDEX ON yard.yard_q (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON yard.yard_q (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF country, is_active ON yard.yard_q FOR EACH ROW EXECUTE FUNCTION public.bump_version();

CREATE TABLE yard.yard_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  country char(2),
  score double precision,
  priority smallint NOT NULL DEFAULT 0,
  parent_id bigint REFERENCES yard.yard_j (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_r (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE yard.yard_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  weight_kg numeric(10,3),
  duration interval,
  ip inet,
  ends_on date,
  parent_id bigint REFERENCES yard.yard_q (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON yard.yard_s (parent_id);

CREATE INDEX ON yard.yard_s USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON yard.yard_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW yard.yard_c_with_parent AS
SELECT c.id, c.tenant_id, c.duration, c.country, c.ends_on, p.id AS parent_ref, p.created_at AS parent_created_at
FROM yard.yard_c c JOIN yard.yard_a p ON p.id = c.parent_id;

CREATE VIEW yard.yard_d_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.description, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM yard.yard_d c JOIN yard.yard_b p ON p.id = c.parent_id;

CREATE VIEW yard.yard_e_with_parent AS
SELECT c.id, c.tenant_id, c.amount, c.notes, c.ip, p.id AS parent_ref, p.created_at AS parent_created_at
FROM yard.yard_e c JOIN yard.yard_a p ON p.id = c.parent_id;

CREATE VIEW yard.yard_g_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.tags, c.amount, p.id AS parent_ref, p.created_at AS parent_created_at
FROM yard.yard_g c JOIN yard.yard_a p ON p.id = c.parent_id;

CREATE VIEW yard.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM yard.yard_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW yard.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM yard.yard_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON yard.daily_counts (tenant_id, day);

CREATE FUNCTION yard.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM yard.yard_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION yard.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'YARD-' || nextval('yard.document_number')::text $$;

CREATE PROCEDURE yard.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM yard.yard_a WHERE created_at < cutoff;
END
$$;

CREATE TABLE yard.events (
  id bigint NOT NULL,
  tenant_id bigint NOT NULL,
  happened_at timestamptz NOT NULL,
  kind text NOT NULL,
  payload jsonb,
  PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);

CREATE TABLE yard.events_2024_q1 PARTITION OF yard.events
  FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');

CREATE TABLE yard.events_2024_q2 PARTITION OF yard.events
  FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');

CREATE TABLE yard.events_2024_q3 PARTITION OF yard.events
  FOR VALUES FROM ('2024-07-01') TO ('2024-10-01');

CREATE TABLE yard.events_2024_q4 PARTITION OF yard.events
  FOR VALUES FROM ('2024-10-01') TO ('2025-01-01');

CREATE TABLE yard.events_default PARTITION OF yard.events DEFAULT;

CREATE INDEX ON yard.events (tenant_id, happened_at);

GRANT USAGE ON SCHEMA yard TO PUBLIC;

GRANT SELECT ON yard.activity TO PUBLIC;

CREATE SCHEMA compliance;

COMMENT ON SCHEMA compliance IS 'The compliance module.';

CREATE TYPE compliance.status AS ENUM ('draft', 'active', 'paused');

CREATE SEQUENCE compliance.document_number START WITH 16000 INCREMENT BY 1;

CREATE TABLE compliance.compliance_a (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  starts_on date,
  priority smallint NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  description text,
  price public.money_amount,
  email public.email,
  status compliance.status NOT NULL DEFAULT 'draft',
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_a (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_a FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF starts_on, priority ON compliance.compliance_a FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON TABLE compliance.compliance_a IS 'Table 1 of the compliance module.';

COMMENT ON COLUMN compliance.compliance_a.starts_on IS 'Documented column.';

CREATE TABLE compliance.compliance_b (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  notes text COLLATE "C",
  code varchar(32) NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  priority smallint NOT NULL DEFAULT 0,
  description text,
  rating public.rating,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_b FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_c (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  code varchar(32) NOT NULL,
  external_id uuid,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  parent_id bigint REFERENCES compliance.compliance_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON compliance.compliance_c (parent_id);

CREATE INDEX ON compliance.compliance_c USING gin (metadata jsonb_path_ops);

CREATE INDEX ON compliance.compliance_c USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_c FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_d (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  code varchar(32) NOT NULL,
  status compliance.status NOT NULL DEFAULT 'draft',
  external_id uuid,
  country char(2),
  parent_id bigint REFERENCES compliance.compliance_c (id) ON DELETE RESTRICT,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, code)
);

CREATE INDEX ON compliance.compliance_d (parent_id);

CREATE INDEX ON compliance.compliance_d (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_d FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_e (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  weight_kg numeric(10,3),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  description text,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  price public.money_amount,
  parent_id bigint REFERENCES compliance.compliance_a (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_e (parent_id);

CREATE INDEX ON compliance.compliance_e USING gin (metadata jsonb_path_ops);

CREATE INDEX ON compliance.compliance_e (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_e FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

ALTER TABLE compliance.compliance_e ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON compliance.compliance_e USING (tenant_id = public.current_tenant());

CREATE TABLE compliance.compliance_f (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  priority smallint NOT NULL DEFAULT 0,
  status compliance.status NOT NULL DEFAULT 'draft',
  weight_kg numeric(10,3),
  notes text COLLATE "C",
  parent_id bigint REFERENCES compliance.compliance_a (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_f (parent_id);

CREATE INDEX ON compliance.compliance_f (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_f FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE compliance.compliance_f IS 'Table 6 of the compliance module.';

CREATE TABLE compliance.compliance_g (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  description text,
  is_active boolean NOT NULL DEFAULT true,
  duration interval,
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
  parent_id bigint REFERENCES compliance.compliance_e (id) ON DELETE SET NULL,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_g (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_g FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_h (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  name text NOT NULL,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  email public.email,
  is_active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  ends_on date,
  score double precision,
  parent_id bigint REFERENCES compliance.compliance_b (id) ON DELETE CASCADE,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_h (parent_id);

CREATE INDEX ON compliance.compliance_h (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_h FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF name, amount ON compliance.compliance_h FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN compliance.compliance_h.name IS 'Documented column.';

CREATE TABLE compliance.compliance_i (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  name text NOT NULL,
  price public.money_amount,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_i (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_i FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_j (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  external_id uuid,
  priority smallint NOT NULL DEFAULT 0,
  tags text[] NOT NULL DEFAULT '{}',
  country char(2),
  ip inet,
  name text NOT NULL,
  ends_on date,
  starts_on date,
  CHECK (ends_on >= starts_on),
  parent_id bigint REFERENCES compliance.compliance_h (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_j (parent_id);

CREATE INDEX ON compliance.compliance_j (lower(name));

CREATE INDEX ON compliance.compliance_j USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_j FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_k (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  starts_on date,
  score double precision,
  parent_id bigint REFERENCES compliance.compliance_h (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_k (parent_id);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_k FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE compliance.compliance_k IS 'Table 11 of the compliance module.';

CREATE TABLE compliance.compliance_l (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  title varchar(200) NOT NULL,
  ip inet,
  priority smallint NOT NULL DEFAULT 0,
  notes text COLLATE "C",
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_l FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_m (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  price public.money_amount,
  notes text COLLATE "C",
  ends_on date,
  status compliance.status NOT NULL DEFAULT 'draft',
  name text NOT NULL,
  parent_id bigint REFERENCES compliance.compliance_f (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_m (parent_id);

CREATE INDEX ON compliance.compliance_m (tenant_id, status) WHERE status <> 'paused';

CREATE INDEX ON compliance.compliance_m (lower(name));

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_m FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_n (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  status compliance.status NOT NULL DEFAULT 'draft',
  ip inet,
  version integer NOT NULL DEFAULT 1,
  email public.email,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_n (tenant_id, status) WHERE status <> 'paused';

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_n FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF status, ip ON compliance.compliance_n FOR EACH ROW EXECUTE FUNCTION public.bump_version();

ALTER TABLE compliance.compliance_n ENABLE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON compliance.compliance_n USING (tenant_id = public.current_tenant());

CREATE TABLE compliance.compliance_o (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  tags text[] NOT NULL DEFAULT '{}',
  email public.email,
  version integer NOT NULL DEFAULT 1,
  duration interval,
  external_id uuid,
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_o USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_o FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TRIGGER versioned BEFORE UPDATE OF score, tags ON compliance.compliance_o FOR EACH ROW EXECUTE FUNCTION public.bump_version();

COMMENT ON COLUMN compliance.compliance_o.score IS 'Documented column.';

CREATE TABLE compliance.compliance_p (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  score double precision,
  priority smallint NOT NULL DEFAULT 0,
  external_id uuid,
  notes text COLLATE "C",
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_p FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

COMMENT ON TABLE compliance.compliance_p IS 'Table 16 of the compliance module.';

CREATE TABLE compliance.compliance_q (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  is_active boolean NOT NULL DEFAULT true,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  priority smallint NOT NULL DEFAULT 0,
  notes text COLLATE "C",
  parent_id bigint REFERENCES compliance.compliance_b (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_q (parent_id);

CREATE INDEX ON compliance.compliance_q USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_q FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_r (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  country char(2),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  is_active boolean NOT NULL DEFAULT true,
  amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  parent_id bigint REFERENCES compliance.compliance_q (id) ON DELETE RESTRICT,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_r (parent_id);

CREATE INDEX ON compliance.compliance_r USING gin (metadata jsonb_path_ops);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_r FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE TABLE compliance.compliance_s (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id bigint NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
  tags text[] NOT NULL DEFAULT '{}',
  ends_on date,
  weight_kg numeric(10,3),
  owner_id bigint REFERENCES public.users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ON compliance.compliance_s USING gin (tags);

CREATE TRIGGER touch BEFORE UPDATE ON compliance.compliance_s FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW compliance.compliance_c_with_parent AS
SELECT c.id, c.tenant_id, c.score, c.tags, c.code, p.id AS parent_ref, p.created_at AS parent_created_at
FROM compliance.compliance_c c JOIN compliance.compliance_a p ON p.id = c.parent_id;

CREATE VIEW compliance.compliance_d_with_parent AS
SELECT c.id, c.tenant_id, c.status, c.country, p.id AS parent_ref, p.created_at AS parent_created_at
FROM compliance.compliance_d c JOIN compliance.compliance_c p ON p.id = c.parent_id;

CREATE VIEW compliance.compliance_e_with_parent AS
SELECT c.id, c.tenant_id, c.name, c.weight_kg, c.quantity, p.id AS parent_ref, p.created_at AS parent_created_at
FROM compliance.compliance_e c JOIN compliance.compliance_a p ON p.id = c.parent_id;

CREATE VIEW compliance.compliance_f_with_parent AS
SELECT c.id, c.tenant_id, c.weight_kg, c.notes, p.id AS parent_ref, p.created_at AS parent_created_at
FROM compliance.compliance_f c JOIN compliance.compliance_a p ON p.id = c.parent_id;

CREATE VIEW compliance.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change FROM compliance.compliance_a GROUP BY tenant_id;

CREATE MATERIALIZED VIEW compliance.daily_counts AS
SELECT tenant_id, date_trunc('day', created_at) AS day, count(*) AS n FROM compliance.compliance_b GROUP BY 1, 2;

CREATE UNIQUE INDEX ON compliance.daily_counts (tenant_id, day);

CREATE FUNCTION compliance.count_for(tenant bigint) RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT count(*) FROM compliance.compliance_a WHERE tenant_id = tenant;
END;

CREATE FUNCTION compliance.next_document_number() RETURNS text LANGUAGE sql VOLATILE
AS $$ SELECT 'COMPLIANCE-' || nextval('compliance.document_number')::text $$;

CREATE PROCEDURE compliance.archive_before(cutoff timestamptz) LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM compliance.compliance_a WHERE created_at < cutoff;
END
$$;

GRANT USAGE ON SCHEMA compliance TO PUBLIC;

GRANT SELECT ON compliance.activity TO PUBLIC;
