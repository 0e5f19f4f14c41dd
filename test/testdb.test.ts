import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { createPgDriver } from "../src/driver/pg.js";
import { readRecipe } from "../src/testing/recipe.js";
import { closeTestDatabases, createTestDatabase } from "../src/testing/test-database.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";
import { seedsDir } from "./helpers/seeds.js";
import { driverOptions, testCacheDir } from "./helpers/testdb.js";

const USERS = `-- +up
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text UNIQUE NOT NULL);
-- +down
DROP TABLE users;
`;
const ROLES =
  "-- +up\nCREATE TABLE roles (name text PRIMARY KEY);\nINSERT INTO roles VALUES ('admin');\n";

afterAll(() => closeTestDatabases());

describeEachDriver("createTestDatabase", (ctx) => {
  const cache = testCacheDir();
  afterAll(() => cache.done());
  const using = () => driverOptions(ctx.driverName, cache.dir);
  // One folder for the tests that do not change it: its template (snapshot) is built once.
  const shared = migrationsDir({ "000001_users.sql": USERS, "000002_roles.sql": ROLES }).dir;

  it("gives each test a migrated database of its own: writes in one are not seen by another", async () => {
    const dir = shared;
    const a = await createTestDatabase({ migrations: dir, ...using() });
    const b = await createTestDatabase({ migrations: dir, ...using() });
    try {
      expect(a.kind).toBe(ctx.driverName === "pg" ? "postgres" : "pglite");
      await a.db.query("INSERT INTO users (email) VALUES ('a@example.com')");
      await b.db.query("INSERT INTO users (email) VALUES ('b@example.com')");
      expect((await a.db.query("SELECT id, email FROM users")).rows).toEqual([
        { id: "1", email: "a@example.com" },
      ]);
      expect((await b.db.query("SELECT id, email FROM users")).rows).toEqual([
        { id: "1", email: "b@example.com" },
      ]);
      expect((await a.db.query("SELECT name FROM roles")).rows).toEqual([{ name: "admin" }]);
      expect((await a.db.query("SELECT count(*)::int AS n FROM pitstop_migrations")).rows).toEqual([
        { n: 2 },
      ]);
    } finally {
      await a.drop();
      await b.drop();
    }
    // The next test's database starts from the migrations again, identity included.
    const c = await createTestDatabase({ migrations: dir, ...using() });
    try {
      expect((await c.db.query("SELECT count(*)::int AS n FROM users")).rows).toEqual([{ n: 0 }]);
      await c.db.query("INSERT INTO users (email) VALUES ('c@example.com')");
      expect((await c.db.query("SELECT id FROM users")).rows).toEqual([{ id: "1" }]);
    } finally {
      await c.drop();
      await c.drop();
    }
    if (ctx.driverName === "pg") {
      const admin = await createPgDriver({ url: inject("pgUrl") });
      const { rows } = await admin.query("SELECT 1 FROM pg_database WHERE datname = ANY($1)", [
        [a.name, b.name, c.name],
      ]);
      await admin.close();
      expect(rows).toEqual([]);
    }
  });

  it("applies seeds, and rebuilds from scratch when a migration changes", async () => {
    const builds = join(tmpdir(), `pitstop-builds-${process.pid}-${ctx.driverName}`);
    writeFileSync(builds, "");
    const migrations = migrationsDir({ "000001_users.sql": USERS });
    const seeds = seedsDir({
      "01_admin.ts": `import { appendFileSync } from "node:fs";
export async function seed(db: any, ctx: any) {
  appendFileSync(ctx.env.BUILDS, "build\\n");
  await db.query("INSERT INTO users (email) VALUES ($1)", [ctx.env.ADMIN_EMAIL]);
}`,
      "test/02_more.sql": "INSERT INTO users (email) VALUES ('fixture@example.com');",
    });
    const options = {
      migrations: migrations.dir,
      seeds,
      seedEnv: "test",
      env: { ADMIN_EMAIL: "root@example.com", BUILDS: builds },
      ...using(),
    };
    const emails = async () => {
      const t = await createTestDatabase(options);
      try {
        return (
          await t.db.query<{ email: string }>("SELECT email FROM users ORDER BY id")
        ).rows.map((r) => r.email);
      } finally {
        await t.drop();
      }
    };
    expect(await emails()).toEqual(["root@example.com", "fixture@example.com"]);
    expect(await emails()).toEqual(["root@example.com", "fixture@example.com"]);
    expect(readFileSync(builds, "utf8")).toBe("build\n");

    migrations.write({
      "000001_users.sql": USERS.replace("email text", "email text CHECK (email LIKE '%@%')"),
      "000002_roles.sql": ROLES,
    });
    const t = await createTestDatabase(options);
    try {
      expect((await t.db.query("SELECT name FROM roles")).rows).toEqual([{ name: "admin" }]);
      await expect(t.db.query("INSERT INTO users (email) VALUES ('nope')")).rejects.toThrow(
        /check constraint/,
      );
    } finally {
      await t.drop();
    }
    // A seed edit changes the checksum the template is named after, as a migration edit does.
    const before = (await readRecipe(options)).checksum;
    appendFileSync(join(seeds, "test/02_more.sql"), "\nINSERT INTO users (email) VALUES ('x@y');");
    expect((await readRecipe(options)).checksum).not.toBe(before);
    expect(readFileSync(builds, "utf8")).toBe("build\nbuild\n");
    // The replaced templates (snapshots) are gone: one is left for this folder.
    const origin = (await readRecipe(options)).origin.slice(0, 8);
    if (ctx.driverName === "pg") {
      const admin = await createPgDriver({ url: inject("pgUrl") });
      const { rows } = await admin.query(
        "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
        [`pitstop_tpl_${origin}_`],
      );
      await admin.close();
      expect(rows).toHaveLength(1);
    } else {
      expect(readdirSync(cache.dir).filter((f) => f.includes(`-${origin}-`))).toHaveLength(1);
    }
  });

  it("a statement that fails leaves the test's next statements working", async () => {
    const t = await createTestDatabase({ migrations: shared, ...using() });
    await t.db.query("INSERT INTO users (email) VALUES ($1)", ["dup@x"]);
    await expect(
      t.db.query("INSERT INTO users (email) VALUES ($1)", ["dup@x"]),
    ).rejects.toMatchObject({ code: "23505" });
    await t.db.query("INSERT INTO users (email) VALUES ($1)", ["other@x"]);
    expect((await t.db.query("SELECT email FROM users ORDER BY email")).rows).toEqual([
      { email: "dup@x" },
      { email: "other@x" },
    ]);
    await t.drop();
  });

  it.skipIf(ctx.driverName === "pg")(
    "PGlite: after a test that commits, the next test is still clean",
    async () => {
      const dir = shared;
      const first = await createTestDatabase({ migrations: dir, ...using() });
      await first.db.exec("INSERT INTO users (email) VALUES ('committed@x'); COMMIT;");
      await first.drop();
      const next = await createTestDatabase({ migrations: dir, ...using() });
      expect(next.pglite).not.toBe(first.pglite);
      expect(first.pglite?.closed).toBe(true);
      expect((await next.db.query("SELECT count(*)::int AS n FROM users")).rows).toEqual([
        { n: 0 },
      ]);
      await next.drop();
      const own = await createTestDatabase({ migrations: dir, ...using(), isolation: "snapshot" });
      await own.db.exec("INSERT INTO users (email) VALUES ('mine@x')");
      expect(own.pglite).not.toBe(next.pglite);
      await own.drop();
      expect(own.pglite?.closed).toBe(true);
    },
  );
});
