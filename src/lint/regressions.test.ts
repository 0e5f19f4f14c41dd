import { beforeAll, describe, expect, it } from "vitest";
import type { Migration } from "../core/migration.js";
import { parseSections, sqlMigration } from "../source/formats/pitstop.js";
import { loadParser } from "../sql/parser.js";
import { lint, lintScript } from "./lint.js";

beforeAll(async () => {
  await loadParser();
});

function migration(version: string, source: string): Migration {
  const { up, down } = parseSections(source, `migrations/${version}_m.sql`);
  return sqlMigration({ versionText: version, name: "m", direction: undefined }, up, down);
}

const SETUP = migration(
  "1",
  `CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(255) NOT NULL, name text);
CREATE TABLE events (kind text, at timestamptz) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE legacy (name text);`,
);

/** The varchar columns here are on purpose. */
const STYLE_OFF = { "prefer-text": "off" } as const;

const rules = (sql: string, options: Parameters<typeof lintScript>[1] = {}) =>
  lintScript(sql, { context: [SETUP], rules: STYLE_OFF, ...options }).map((f) => f.rule);

describe("findings that were wrong (issue 14)", () => {
  it("a bigserial PRIMARY KEY column has a default: not add-column-not-null", () => {
    const found = rules(`ALTER TABLE legacy ADD "id" bigserial PRIMARY KEY;`);
    expect(found).not.toContain("add-column-not-null");
    // It still rewrites the table and builds the key's index under ACCESS EXCLUSIVE.
    expect(found).toEqual(expect.arrayContaining(["add-column-rewrite", "unique-using-index"]));
    expect(rules("ALTER TABLE legacy ADD n bigint PRIMARY KEY;")).toContain("add-column-not-null");
  });

  it("a file holding only DETACH PARTITION ... CONCURRENTLY: no lock_timeout warning", () => {
    const detach = "ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;";
    expect(rules(detach)).toEqual([]);
    expect(rules(detach, { ddlLockTimeoutMs: 0 })).toEqual([]);
    // A plain DETACH blocks the parent: still a finding when no lock_timeout is in force.
    expect(
      rules("ALTER TABLE events DETACH PARTITION events_2024;", { ddlLockTimeoutMs: 0 }),
    ).toEqual(["lock-timeout"]);
  });

  it("USING a binary-coercible cast of the column itself is no rewrite", () => {
    const type = (using: string) =>
      rules(`ALTER TABLE users ALTER COLUMN email TYPE varchar ${using};`);
    expect(type("USING email::varchar")).toEqual([]);
    expect(type("USING email")).toEqual([]);
    expect(type("USING email::text::varchar")).toEqual([]);
    expect(type("USING lower(email)")).toEqual(["column-type-rewrite"]);
    expect(type("USING name::varchar")).toEqual(["column-type-rewrite"]);
    // Narrowing on the way changes the values: a rewrite.
    expect(type("USING email::varchar(10)::varchar")).toEqual(["column-type-rewrite"]);
    expect(
      rules("ALTER TABLE users ALTER COLUMN email TYPE varchar(10) USING email::varchar(10);"),
    ).toEqual(["column-type-rewrite"]);
  });

  it("the fix is the flagged statement rewritten with the user's names", () => {
    const fix = (sql: string, rule: string) =>
      lintScript(sql, { context: [SETUP] }).find((f) => f.rule === rule)?.fix ?? "";
    const index = fix(
      "CREATE INDEX users_name_lower ON users (lower(name));",
      "index-concurrently",
    );
    expect(index).toContain("CREATE INDEX CONCURRENTLY users_name_lower ON users (lower(name));");
    expect(index).not.toContain("orders");
    const drop = fix("DROP INDEX IF EXISTS users_name_lower;", "index-concurrently");
    expect(drop).toContain("DROP INDEX CONCURRENTLY IF EXISTS users_name_lower;");
    const fk = fix(
      "ALTER TABLE legacy ADD CONSTRAINT legacy_owner FOREIGN KEY (name) REFERENCES users (email);",
      "constraint-not-valid",
    );
    expect(fk).toContain(
      "ALTER TABLE legacy ADD CONSTRAINT legacy_owner FOREIGN KEY (name) REFERENCES users (email) NOT VALID;",
    );
    expect(fk).toContain("ALTER TABLE legacy VALIDATE CONSTRAINT legacy_owner;");
    const check = fix("ALTER TABLE users ADD CHECK (name <> '');", "constraint-not-valid");
    expect(check).toContain("ALTER TABLE users ADD CHECK (name <> '') NOT VALID;");
    expect(check).toContain("VALIDATE CONSTRAINT users_name_check;");
    const notNull = fix(
      "ALTER TABLE users ADD COLUMN age integer NOT NULL;",
      "add-column-not-null",
    );
    expect(notNull).toContain("ALTER TABLE users ADD COLUMN age integer NOT NULL DEFAULT 0;");
    const validate = fix(
      "ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_check;",
      "validate-same-transaction",
    );
    expect(validate).toContain("ALTER TABLE users VALIDATE CONSTRAINT users_email_check;");
    const combine = fix(
      "ALTER TABLE users ADD COLUMN bio text;\nALTER TABLE ONLY users ADD COLUMN avatar text, DROP COLUMN name;",
      "combine-alters",
    );
    expect(combine).toContain(
      "ALTER TABLE users\n    ADD COLUMN bio text,\n    ADD COLUMN avatar text, DROP COLUMN name;",
    );
  });
});

describe("no false alarms on the safe forms", () => {
  it("new tables, nullable columns, NOT VALID then VALIDATE, CONCURRENTLY, binary-coercible changes", () => {
    const migrations = [
      SETUP,
      migration(
        "2",
        `CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), note varchar(20));
CREATE INDEX orders_user_id_idx ON orders (user_id);
ALTER TABLE orders ADD COLUMN total bigint NOT NULL DEFAULT 0;
ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
UPDATE orders SET total = 1;
ALTER TABLE users ADD COLUMN nickname text;`,
      ),
      migration(
        "3",
        `ALTER TABLE users ADD CONSTRAINT users_name_not_null CHECK (name IS NOT NULL) NOT VALID;`,
      ),
      migration(
        "4",
        `ALTER TABLE users VALIDATE CONSTRAINT users_name_not_null;
ALTER TABLE users ALTER COLUMN name SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_name_not_null;`,
      ),
      migration("5", "CREATE UNIQUE INDEX CONCURRENTLY users_nickname_key ON users (nickname);"),
      migration(
        "6",
        "ALTER TABLE users ADD CONSTRAINT users_nickname_key UNIQUE USING INDEX users_nickname_key;",
      ),
      migration(
        "7",
        "ALTER TABLE users ALTER COLUMN email TYPE varchar(320), ALTER COLUMN nickname TYPE varchar;",
      ),
      migration("8", "DROP INDEX CONCURRENTLY orders_user_id_idx;"),
    ];
    expect(
      lint(migrations, { rules: STYLE_OFF }).findings.map(
        (f) => `${f.migration} ${f.rule}: ${f.message}`,
      ),
    ).toEqual([]);
  });
});
