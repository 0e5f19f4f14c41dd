import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, inject, it } from "vitest";
import { openDriver } from "../src/driver/connect.js";
import { Migrator } from "../src/runner/migrator.js";
import { directorySource } from "../src/source/directory.js";
import { ROOT, runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { fixtureCopy, migrateAsTool } from "./helpers/foreign.js";
import { migrationsDir } from "./helpers/migrations.js";

describeEachDriver("compat cli", (ctx) => {
  it("status on a goose database says what it found and what to run; adopt; up", async () => {
    const folder = fixtureCopy("goose/basic", ["00001", "00002"]);
    const driver = await ctx.newDriver();
    const url = ctx.url();
    if (ctx.driverName === "pg") {
      await migrateAsTool(driver, "goose", folder.dir, "goose/history.sql");
    } else {
      const own = await openDriver({ url });
      await migrateAsTool(own, "goose", folder.dir, "goose/history.sql");
      await own.close();
    }
    folder.add("00003", "00004");
    const base = ["--database", url, "--dir", folder.dir];

    const status = await runCli([...base, "status", "--check"]);
    expect(status.code).toBe(4);
    expect(status.stderr).toMatch(
      /not adopted: goose_db_version says goose applied 2 of these migrations/,
    );
    expect(status.stderr).toContain("`pitstop adopt`");

    const adopt = await runCli([...base, "adopt"]);
    expect(adopt.code).toBe(0);
    expect(adopt.stdout).toContain(
      "Found goose's history in goose_db_version: 2 migration(s) applied.",
    );
    expect(adopt.stdout).toContain("✓ 00002_users_touch_function");

    const up = await runCli([...base, "up", "--json"]);
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout).results.map((r: { id: string }) => r.id)).toEqual([
      "00003_users_email_index",
      "00004_create_orders",
    ]);
  });
});

describe.runIf(inject("drivers").includes("pg"))("db create / drop on a server", () => {
  it("up --create-db creates the database; db drop asks for --yes off a terminal", async () => {
    const url = new URL(inject("pgUrl"));
    url.pathname = `/pitstop_created_${process.pid}`;
    const { dir } = migrationsDir({ "1_a.sql": "CREATE TABLE a (id int);" });
    const base = ["--database", url.toString(), "--dir", dir];
    const up = await runCli([...base, "up", "--create-db"]);
    expect(up.code).toBe(0);
    expect(up.stderr).toContain(`Created database pitstop_created_${process.pid}.`);
    expect((await runCli([...base, "db", "create"])).stdout).toContain("already exists");
    const refused = await runCli([...base, "db", "drop"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Refusing without --yes");
    const dropped = await runCli([...base, "db", "drop", "--yes"]);
    expect(dropped.stdout).toContain(`Dropped database pitstop_created_${process.pid}.`);
    expect((await runCli([...base, "status"])).code).toBe(1);
  });
});

describe("compat cli without a database", () => {
  it("fix renames timestamped migrations after the sequence; convert writes another format", async () => {
    const { dir } = migrationsDir({
      "00001_a.sql": "-- +goose Up\nSELECT 1;\n",
      "20240201000000_b.sql": "-- +goose Up\nSELECT 2;\n",
      "20240101000000_c.ts": "export async function up() {}\n",
    });
    const fix = await runCli(["--dir", dir, "fix"], { cwd: dir });
    expect(fix.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["00001_a.sql", "00002_c.ts", "00003_b.sql"]);
    const create = await runCli(["--dir", dir, "create", "add x"], { cwd: dir });
    expect(create.stdout).toContain("00004_add_x.sql");
    expect(readFileSync(join(dir, "00004_add_x.sql"), "utf8")).toMatch(/^-- \+goose Up\n/);
    rmSync(join(dir, "00004_add_x.sql"));

    const out = join(dir, "..", `${dir.split("/").pop()}-dbmate`);
    const convert = await runCli(["--dir", dir, "convert", "--to", "dbmate", "--out", out]);
    expect(convert.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["00001_a.sql", "00002_c.ts", "00003_b.sql"]);
    const again = await runCli(["--dir", dir, "convert", "--to", "dbmate", "--out", out]);
    expect(again.code).toBe(2);
  });
});

describeEachDriver("bundle", (ctx) => {
  it("an esbuild-built app migrates from the bundle, and agrees with the files on checksums", async () => {
    const folder = fixtureCopy("goose/basic");
    writeFileSync(
      join(folder.dir, "00005_seed.ts"),
      `import type { MigrationDb } from "pg-pitstop";
export async function up(db: MigrationDb): Promise<void> {
  await db.query("INSERT INTO users (email) VALUES ($1)", ["first@example.com"]);
}
`,
    );
    await ctx.newDriver();
    const url = ctx.url();
    // The first two from the files, the rest from the bundle.
    const files = await openDriver({ url });
    const migrator = (driver: typeof files) =>
      new Migrator({ driver, source: directorySource({ dir: folder.dir }) });
    expect((await migrator(files).up({ to: "2" })).error).toBeUndefined();
    await files.close();

    const app = join(
      ROOT,
      "node_modules/.cache",
      `pitstop-bundle-${process.pid}-${ctx.driverName}`,
    );
    rmSync(app, { recursive: true, force: true });
    mkdirSync(app, { recursive: true });
    const gen = await runCli([
      "--dir",
      folder.dir,
      "bundle",
      "--out",
      join(app, "migrations.gen.ts"),
    ]);
    expect(gen.code).toBe(0);
    expect(gen.stdout).toContain("Wrote 5 migration(s)");
    const bundleCheck = (dir: string) =>
      runCli(["--dir", dir, "bundle", "--check", "--out", join(app, "migrations.gen.ts")]);
    expect((await bundleCheck(folder.dir)).code).toBe(0);
    writeFileSync(join(folder.dir, "00006_more.sql"), "-- +goose Up\nSELECT 1;\n");
    const stale = await bundleCheck(folder.dir);
    expect(stale.code).toBe(4);
    expect(stale.stdout).toContain("is stale");
    rmSync(join(folder.dir, "00006_more.sql"));
    writeFileSync(
      join(app, "main.ts"),
      `import { migrate } from "pg-pitstop";
import { migrations } from "./migrations.gen.js";
const result = await migrate({ url: process.argv[2], migrations });
console.log(JSON.stringify({ error: result.error?.message, ids: result.results.map((r) => r.id) }));
`,
    );
    await build({
      entryPoints: [join(app, "main.ts")],
      outfile: join(app, "app.mjs"),
      bundle: true,
      platform: "node",
      format: "esm",
      alias: { "pg-pitstop": join(ROOT, "dist/index.js") },
      external: ["pg", "pg-native", "@electric-sql/pglite", "libpg-query", "jiti"],
      logLevel: "silent",
    });
    // The migrations folder is gone: the app needs no files at run time.
    rmSync(folder.dir, { recursive: true });
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync(process.execPath, [join(app, "app.mjs"), url], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      ids: ["00003_users_email_index", "00004_create_orders", "00005_seed"],
    });

    // Back to the files: nothing changed, nothing pending.
    const restored = fixtureCopy("goose/basic");
    writeFileSync(
      join(restored.dir, "00005_seed.ts"),
      `import type { MigrationDb } from "pg-pitstop";
export async function up(db: MigrationDb): Promise<void> {
  await db.query("INSERT INTO users (email) VALUES ($1)", ["first@example.com"]);
}
`,
    );
    const again = await openDriver({ url });
    try {
      const status = await new Migrator({
        driver: again,
        source: directorySource({ dir: restored.dir }),
      }).status();
      expect(status.migrations.map((m) => m.status)).toEqual(Array(5).fill("applied"));
      expect((await again.query("SELECT email FROM users")).rows).toEqual([
        { email: "first@example.com" },
      ]);
    } finally {
      await again.close();
      rmSync(app, { recursive: true, force: true });
    }
  }, 60_000);
});
