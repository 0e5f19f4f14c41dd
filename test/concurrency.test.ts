import { expect, it } from "vitest";
import { openDriver } from "../src/driver/connect.js";
import { runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";

const PROCESSES = 8;
const MIGRATIONS = 12;

describeEachDriver("concurrent up", (ctx) => {
  it(`${PROCESSES} processes started at once apply each migration exactly once and all exit 0`, async () => {
    const files: Record<string, string> = {
      "000000_log.sql":
        "-- +up\nCREATE TABLE applied_log (version int NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());\n",
    };
    for (let i = 1; i <= MIGRATIONS; i++) {
      const v = String(i).padStart(6, "0");
      files[`${v}_m${i}.sql`] =
        `-- +up\nCREATE TABLE t${i} (id int);\nINSERT INTO applied_log (version) VALUES (${i});\n`;
    }
    const { dir } = migrationsDir(files);
    if (ctx.driverName === "pg") await ctx.newDriver();
    const url = ctx.url();
    const runs = await Promise.all(
      Array.from({ length: PROCESSES }, () =>
        runCli(["--database", url, "--dir", dir, "--lock-timeout", "120s", "up", "--json"]),
      ),
    );
    for (const r of runs)
      expect({ code: r.code, stderr: r.stderr.includes("error:") ? r.stderr : "" }).toEqual({
        code: 0,
        stderr: "",
      });
    const applied = runs.map((r) => JSON.parse(r.stdout).results.length as number);
    expect(applied.reduce((a, b) => a + b, 0)).toBe(MIGRATIONS + 1);
    const driver = await openDriver({ url });
    try {
      const { rows } = await driver.query<{ version: number; n: string }>(
        "SELECT version, count(*)::text AS n FROM applied_log GROUP BY version ORDER BY version",
      );
      expect(rows).toEqual(
        Array.from({ length: MIGRATIONS }, (_, i) => ({ version: i + 1, n: "1" })),
      );
      const history = await driver.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM pitstop_migrations WHERE state = 'applied'",
      );
      expect(history.rows[0]!.n).toBe(String(MIGRATIONS + 1));
    } finally {
      await driver.close();
    }
  }, 180_000);
});

describeEachDriver("concurrent up with CREATE INDEX CONCURRENTLY", (ctx) => {
  // A process waiting for the migration lock must not be a running transaction:
  // the index build in the lock holder's migration waits for every one of those.
  it("replicas racing over a migration that builds an index concurrently do not deadlock", async () => {
    const { dir } = migrationsDir({
      "000001_items.sql": "-- +up\nCREATE TABLE items (id int, name text);\n",
      "000002_index.sql": "-- +up\nCREATE INDEX CONCURRENTLY items_name_idx ON items (name);\n",
      "000003_more.sql": "-- +up\nCREATE INDEX CONCURRENTLY items_id_idx ON items (id);\n",
    });
    if (ctx.driverName === "pg") await ctx.newDriver();
    const url = ctx.url();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        runCli(["--database", url, "--dir", dir, "--lock-timeout", "120s", "up", "--json"]),
      ),
    );
    expect(runs.map((r) => (r.code === 0 ? 0 : r.stderr))).toEqual([0, 0, 0, 0]);
    const applied = runs.map((r) => JSON.parse(r.stdout).results.length as number);
    expect(applied.reduce((a, b) => a + b, 0)).toBe(3);
  }, 180_000);
});
