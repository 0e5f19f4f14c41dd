import { expect, it } from "vitest";
import { PitstopError } from "../src/core/errors.js";
import type { Driver } from "../src/driver/driver.js";
import {
  checkMigrated,
  listSeeds,
  loadSeeds,
  planTruncation,
  runSeeds,
  seededTables,
} from "../src/seed/index.js";
import { seedDatabase } from "../src/seed/seed-database.js";
import { DEFAULT_HISTORY } from "../src/store/history.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir, migratorFor } from "./helpers/migrations.js";
import { seedsDir } from "./helpers/seeds.js";

const SCHEMA = `CREATE TABLE roles (name text PRIMARY KEY, description text);
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text UNIQUE NOT NULL, role text REFERENCES roles);
CREATE TABLE sessions (id serial PRIMARY KEY, user_id bigint REFERENCES users);
CREATE TABLE audit (id serial PRIMARY KEY, note text);`;

const ROLES = `INSERT INTO roles (name) VALUES ('admin'), ('member')
ON CONFLICT (name) DO NOTHING;
SELECT name FROM roles;
UPDATE roles SET description = 'all' WHERE name = 'admin' AND description IS NULL;
`;

const ADMIN_TS = `import type { SeedContext, SeedDb } from "pg-pitstop";
export const tables = ["users"];
export async function seed(db: SeedDb, ctx: SeedContext) {
  await db.query("SELECT * FROM users");
  await db.query(
    "INSERT INTO users (email, role) VALUES ($1, 'admin') ON CONFLICT (email) DO NOTHING",
    [ctx.env.ADMIN_EMAIL],
  );
  ctx.log(\`admin \${ctx.env.ADMIN_EMAIL} for \${ctx.environment}\`);
}
`;

async function seed(driver: Driver, dir: string, options: { env?: string; reset?: boolean } = {}) {
  const loaded = await loadSeeds(listSeeds({ dir, env: options.env }).seeds);
  const truncate = options.reset
    ? (await planTruncation(driver, seededTables(loaded).tables, DEFAULT_HISTORY)).tables
    : [];
  return runSeeds(driver, loaded, {
    env: { ADMIN_EMAIL: "root@example.com" },
    environment: options.env,
    truncate,
  });
}

describeEachDriver("seeds", (ctx) => {
  it("runs SQL and TypeScript seeds in name order, counts rows changed, and again changes nothing", async () => {
    const driver = await ctx.newDriver();
    await driver.exec(SCHEMA);
    const dir = seedsDir({
      "01_roles.sql": ROLES,
      "development/02_admin.ts": ADMIN_TS,
      "test/02_other.sql": "INSERT INTO audit (note) VALUES ('test only');",
    });
    const first = await seed(driver, dir, { env: "development" });
    expect(first.error).toBeUndefined();
    expect(
      first.results.map((r) => [r.file.slice(dir.length + 1), r.status, "rows" in r && r.rows]),
    ).toEqual([
      ["01_roles.sql", "success", 3],
      ["development/02_admin.ts", "success", 1],
    ]);
    expect(first.rows).toBe(4);
    const admin = first.results[1]!;
    expect(admin.status === "success" && admin.logs).toEqual([
      "admin root@example.com for development",
    ]);
    expect((await driver.query("SELECT email, role FROM users")).rows).toEqual([
      { email: "root@example.com", role: "admin" },
    ]);
    const again = await seed(driver, dir, { env: "development" });
    expect(again.error).toBeUndefined();
    expect(again.rows).toBe(0);
    expect((await driver.query("SELECT count(*)::int AS n FROM audit")).rows).toEqual([{ n: 0 }]);
  });

  it("rolls back a failing seed, keeps the ones before, names file:line:col", async () => {
    const driver = await ctx.newDriver();
    await driver.exec(SCHEMA);
    const dir = seedsDir({
      "01_roles.sql": ROLES,
      "02_users.sql":
        "INSERT INTO users (email, role) VALUES ('a@x', 'member');\n\nINSERT INTO users (email, role)\n  VALUES ('b@x', 'nosuchrole');\n",
      "03_audit.sql": "INSERT INTO audit (note) VALUES ('never');",
    });
    const result = await seed(driver, dir);
    expect(result.results.map((r) => r.status)).toEqual(["success", "error", "not_executed"]);
    expect(result.error?.code).toBe("SEED_FAILED");
    expect(result.error?.message).toMatch(
      new RegExp(
        `^${dir}/02_users\\.sql:3:1: insert or update on table "users" violates foreign key constraint`,
      ),
    );
    expect(result.error?.frame).toContain("> 3 | INSERT INTO users (email, role)");
    expect(result.error?.hint).toContain("rolled back");
    expect((await driver.query("SELECT count(*)::int AS n FROM roles")).rows).toEqual([{ n: 2 }]);
    expect((await driver.query("SELECT count(*)::int AS n FROM users")).rows).toEqual([{ n: 0 }]);
  });

  it("points at the line of a code seed that failed", async () => {
    const driver = await ctx.newDriver();
    await driver.exec(SCHEMA);
    const dir = seedsDir({
      "01_bad.ts": `export async function seed(db: any) {\n  const x: number = 1;\n  await db.query("INSERT INTO nosuch VALUES ($1)", [x]);\n}\n`,
    });
    const result = await seed(driver, dir);
    expect(result.error?.message).toMatch(
      new RegExp(
        `^${dir}/01_bad\\.ts:3:\\d+: seed 01_bad\\.ts failed: relation "nosuch" does not exist \\[42P01\\]`,
      ),
    );
  });

  it("refuses a seed that cannot run in a transaction before running any", async () => {
    const dir = seedsDir({
      "01_ok.sql": "SELECT 1;",
      "02_vacuum.sql": "SELECT 1;\n  VACUUM roles;\n",
    });
    const error = await loadSeeds(listSeeds({ dir }).seeds).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PitstopError);
    expect((error as PitstopError).message).toBe(
      `${dir}/02_vacuum.sql:2:3: the seed runs VACUUM, which cannot run in a transaction`,
    );
    const commit = seedsDir({ "01.sql": "BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\n" });
    await expect(loadSeeds(listSeeds({ dir: commit }).seeds)).rejects.toThrow(
      /01\.sql:1:1: the seed manages its own transaction/,
    );
  });

  it("--reset empties the seeded tables and those referencing them, in the seeds' transaction", async () => {
    const driver = await ctx.newDriver();
    await driver.exec(SCHEMA);
    await driver.exec(
      "INSERT INTO roles VALUES ('old'); INSERT INTO users (email, role) VALUES ('old@x', 'old'); INSERT INTO sessions (user_id) SELECT id FROM users; INSERT INTO audit (note) VALUES ('kept');",
    );
    const dir = seedsDir({ "01_roles.sql": ROLES, "02_admin.ts": ADMIN_TS });
    const loaded = await loadSeeds(listSeeds({ dir }).seeds);
    expect(seededTables(loaded)).toEqual({ tables: ['"roles"', "users"], unknown: [] });
    const plan = await planTruncation(driver, ['"roles"', "users", "nosuch"], DEFAULT_HISTORY);
    expect(plan.tables).toEqual([
      { name: "public.roles", references: undefined },
      { name: "public.sessions", references: "public.users" },
      { name: "public.users", references: undefined },
    ]);
    expect(plan.missing).toEqual(["nosuch"]);

    const failing = seedsDir({
      "01_roles.sql": ROLES,
      "02_bad.sql": "INSERT INTO roles VALUES (NULL);",
    });
    const failed = await seed(driver, failing, { reset: true });
    expect(failed.error?.hint).toContain("as it was before");
    expect((await driver.query("SELECT name FROM roles")).rows).toEqual([{ name: "old" }]);

    const result = await seed(driver, dir, { reset: true });
    expect(result.error).toBeUndefined();
    expect(result.truncated).toEqual(["public.roles", "public.sessions", "public.users"]);
    expect((await driver.query("SELECT id, email FROM users")).rows).toEqual([
      { id: "1", email: "root@example.com" },
    ]);
    expect((await driver.query("SELECT count(*)::int AS n FROM sessions")).rows).toEqual([
      { n: 0 },
    ]);
    expect((await driver.query("SELECT note FROM audit")).rows).toEqual([{ note: "kept" }]);
  });

  it("refuses while migrations are pending, saying which", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_a.sql": "-- +up\nCREATE TABLE a (id int);\n",
      "000002_b.sql": "-- +up\nCREATE TABLE b (id int);\n",
    });
    const { migrator } = migratorFor(driver, dir);
    await migrator.up({ count: 1 });
    const { error } = checkMigrated(await migrator.status());
    expect(error?.code).toBe("MIGRATIONS_PENDING");
    expect(error?.message).toMatch(/1 migration\(s\) pending \(first: 000002_b, pending\)/);
    const seeds = seedsDir({ "01_a.sql": "INSERT INTO a VALUES (1);" });
    const refused = await seedDatabase({ driver, migrations: dir, seeds });
    expect(refused.error?.code).toBe("MIGRATIONS_PENDING");
    await migrator.up();
    expect(checkMigrated(await migrator.status()).error).toBeUndefined();
    const seeded = await seedDatabase({ driver, migrations: dir, seeds });
    expect(seeded.error).toBeUndefined();
    expect(seeded.rows).toBe(1);
  });
});
