import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createPgDriver } from "../src/driver/pg.js";
import { runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";
import { seedsDir } from "./helpers/seeds.js";

const SCHEMA =
  "-- +up\nCREATE TABLE roles (name text PRIMARY KEY);\nCREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE, role text REFERENCES roles);\n";

describeEachDriver("seed cli", (ctx) => {
  // The command is the same on both drivers (seed.test.ts runs the seeds on each); a PGlite
  // CLI process costs seconds, so the end-to-end run is on the server only.
  it.skipIf(ctx.driverName === "pglite")(
    "refuses before migrations are applied, seeds after, and --reset asks first",
    async () => {
      const { dir } = migrationsDir({ "000001_schema.sql": SCHEMA });
      const seeds = seedsDir({
        "01_roles.sql": "INSERT INTO roles VALUES ('admin'), ('member') ON CONFLICT DO NOTHING;",
        "development/02_admin.ts": `export async function seed(db: any, ctx: any) {
  await db.query("INSERT INTO users (email, role) VALUES ($1, 'admin') ON CONFLICT DO NOTHING", [ctx.env.ADMIN_EMAIL]);
}`,
      });
      await ctx.newDriver();
      const base = ["--database", ctx.url(), "--dir", dir, "--seeds", seeds];
      const env = { ADMIN_EMAIL: "root@example.com" };

      const early = await runCli([...base, "seed"], { env });
      expect(early.code).toBe(1);
      expect(early.stderr).toMatch(/1 migration\(s\) pending \(first: 000001_schema, pending\)/);
      expect(early.stderr).toContain("Run `pitstop up` first");

      expect((await runCli([...base, "up"])).code).toBe(0);
      const seeded = await runCli([...base, "seed", "--env", "development"], { env });
      expect(seeded.stderr).toBe(seeded.stderr.replace(/error/i, ""));
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toMatch(/✓ .*01_roles\.sql {2}2 row\(s\)/);
      expect(seeded.stdout).toMatch(/✓ .*development\/02_admin\.ts {2}1 row\(s\)/);
      expect(seeded.stdout).toMatch(/Seeded 2 file\(s\): 3 row\(s\) affected/);

      const reset = await runCli(
        [...base, "seed", "--reset", "--json", "--yes", "--env", "development"],
        {
          env,
        },
      );
      expect(reset.code).toBe(0);
      expect(JSON.parse(reset.stdout)).toMatchObject({
        ok: true,
        rows: 3,
        truncated: ["public.roles", "public.users"],
      });
      const asks = await runCli([...base, "seed", "--reset"]);
      expect(asks.code).toBe(2);
      expect(asks.stdout).toContain("--reset empties 2 table(s)");
      expect(asks.stderr).toContain("Refusing without --yes");
    },
  );
});

describe("seed cli without a database", () => {
  it("refuses a production-looking URL without --force, never printing the password", async () => {
    const r = await runCli([
      "--database",
      "postgres://app:s3cret@db.prod.example.com:5432/shop",
      "seed",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "refusing to seed postgres://app:****@db.prod.example.com:5432/shop: it looks like a production database",
    );
    expect(r.stderr).not.toContain("s3cret");
  });

  it("create-seed numbers seeds across the environment folders", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-create-seed-"));
    expect((await runCli(["create-seed", "Roles"], { cwd })).code).toBe(0);
    expect(
      (await runCli(["create-seed", "admin user", "--ts", "--env", "development"], { cwd })).code,
    ).toBe(0);
    expect(readdirSync(join(cwd, "seeds")).sort()).toEqual(["01_roles.sql", "development"]);
    expect(readdirSync(join(cwd, "seeds/development"))).toEqual(["02_admin_user.ts"]);
    expect(readFileSync(join(cwd, "seeds/01_roles.sql"), "utf8")).toContain("ON CONFLICT");
    expect(readFileSync(join(cwd, "seeds/development/02_admin_user.ts"), "utf8")).toContain(
      "ctx.env.ADMIN_EMAIL",
    );
  });
});

describe.runIf(inject("drivers").includes("pg"))("test-server cli", () => {
  it("starts a server that outlives the command, finds it again, and stops it", async () => {
    const state = join(mkdtempSync(join(tmpdir(), "pitstop-test-server-")), "state.json");
    const start = await runCli(["test-server", "start", "--state", state]);
    expect(start.code).toBe(0);
    const url = start.stdout.trim();
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const { dataDir } = JSON.parse(readFileSync(state, "utf8")) as { dataDir: string };
    try {
      const driver = await createPgDriver({ url });
      expect((await driver.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await driver.close();
      const again = await runCli(["test-server", "start", "--state", state]);
      expect(again.stdout.trim()).toBe(url);
      expect(again.stderr).toContain("Already running");
      expect((await runCli(["test-server", "status", "--state", state])).stdout.trim()).toBe(url);
    } finally {
      const stop = await runCli(["test-server", "stop", "--state", state]);
      expect(stop.stdout).toContain("Stopped");
    }
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(state)).toBe(false);
    expect((await runCli(["test-server", "status", "--state", state])).code).toBe(1);
  });
});
