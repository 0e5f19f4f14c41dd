/**
 * Behind a real pgbouncer in transaction mode, beyond `up`: `seed` and
 * `schema apply` hold the same lease as `up`; `fleet up --tenant-schemas`
 * puts each tenant's search_path in every migration transaction; a lease
 * holder killed mid-migration is taken over once its (short) lease runs out.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "../src/driver/driver.js";
import { createPgDriver } from "../src/driver/pg.js";
import { CLI, type CliResult, cleanEnv, runCli } from "./helpers/cli.js";
import { enabledTestDrivers } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";
import {
  hasPgbouncer,
  PGBOUNCER_BIN,
  type Pgbouncer,
  startPgbouncer,
} from "./helpers/pgbouncer.js";
import { seedsDir } from "./helpers/seeds.js";

/**
 * `POOLER_TEST_LOCKER=advisory` forces the session advisory lock, to see the
 * seed and takeover tests fail without the lease.
 */
const LOCKER = process.env.POOLER_TEST_LOCKER ? ["--locker", process.env.POOLER_TEST_LOCKER] : [];
const SEEDERS = 5;
const enabled = enabledTestDrivers().includes("pg") && hasPgbouncer();

if (enabledTestDrivers().includes("pg") && !hasPgbouncer())
  it.skip(`pooler commands: ${PGBOUNCER_BIN} is not installed (.ci/run installs Debian's pgbouncer)`, () => {});

describe.runIf(enabled)(
  "behind pgbouncer in transaction mode: seed, schema apply, fleet tenants, a killed holder",
  () => {
    let admin: Driver;
    let bouncer: Pgbouncer;
    const databases: string[] = [];

    beforeAll(async () => {
      admin = await createPgDriver({ url: inject("pgUrl") });
      // Few server connections, handed out in turn: consecutive transactions of a client land on different
      // backends, and a session setting or lock one leaves is met by another client.
      bouncer = await startPgbouncer({
        serverUrl: inject("pgUrl"),
        poolMode: "transaction",
        poolSize: 3,
        roundRobin: true,
      });
    });
    afterAll(async () => {
      await bouncer?.stop();
      for (const db of databases) await admin.exec(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await admin?.close();
    });

    async function database(): Promise<{ name: string; pooled: string; direct: string }> {
      const name = `pooler_cmd_${randomBytes(4).toString("hex")}`;
      await admin.exec(`CREATE DATABASE ${name}`);
      databases.push(name);
      return {
        name,
        pooled: bouncer.url(name),
        direct: inject("pgUrl").replace(/\/[^/]*$/, `/${name}`),
      };
    }

    /** Queries on the server directly, where no pooler can blur the answer. */
    async function direct<T>(url: string, fn: (d: Driver) => Promise<T>): Promise<T> {
      const d = await createPgDriver({ url });
      try {
        return await fn(d);
      } finally {
        await d.close();
      }
    }

    const ok = (r: CliResult) => (r.code === 0 ? 0 : `${r.code}: ${r.stderr}`);

    it(`${SEEDERS} concurrent seeds serialize on the lease: a check-then-insert seed inserts once`, async () => {
      const db = await database();
      const { dir } = migrationsDir({
        "000001_seeded.sql":
          "-- +up\nCREATE TABLE seeded (who text NOT NULL);\nCREATE TABLE seeded_too (who text NOT NULL);\n",
      });
      const up = await runCli(["--database", db.pooled, "--dir", dir, "up"]);
      expect(ok(up)).toBe(0);
      // Not idempotent under concurrency: the insert stays uncommitted for a second, so
      // a second run not excluded by the lock does not see it and inserts too.
      const seeds = seedsDir({
        "001_once.sql":
          "INSERT INTO seeded (who) SELECT 'seed' WHERE NOT EXISTS (SELECT 1 FROM seeded);\nSELECT pg_sleep(1);\n",
        // A second transaction: another moment where a broken lock lets a run in.
        "002_once_too.sql":
          "INSERT INTO seeded_too (who) SELECT 'seed' WHERE NOT EXISTS (SELECT 1 FROM seeded_too);\nSELECT pg_sleep(1);\n",
      });
      const runs = await Promise.all(
        Array.from({ length: SEEDERS }, () =>
          runCli([
            "--database",
            db.pooled,
            "--dir",
            dir,
            "--seeds",
            seeds,
            "--lock-timeout",
            "60s",
            ...LOCKER,
            "seed",
          ]),
        ),
      );
      expect(runs.map(ok)).toEqual(Array(SEEDERS).fill(0));
      if (LOCKER.length === 0)
        for (const r of runs) expect(r.stderr).toMatch(/the migration lock is a lease in/);
      const rows = await direct(db.direct, async (d) => {
        const { rows } = await d.query(
          "SELECT (SELECT count(*)::int FROM seeded) AS seeded, (SELECT count(*)::int FROM seeded_too) AS too",
        );
        return rows[0];
      });
      expect(rows).toEqual({ seeded: 1, too: 1 });
    }, 120_000);

    it("schema apply takes the lease and fences its transaction", async () => {
      const db = await database();
      const { dir } = migrationsDir({});
      const schema = join(migrationsDir({}).dir, "schema.sql");
      writeFileSync(schema, "CREATE TABLE widgets (id bigint PRIMARY KEY, name text);\n");
      const r = await runCli([
        "--database",
        db.pooled,
        "--dir",
        dir,
        "schema",
        "apply",
        "-f",
        schema,
        "--auto-approve",
        // A temporary scratch database on the server (direct): quicker than starting PGlite.
        "--dev-url",
        inject("pgUrl"),
      ]);
      expect(ok(r)).toBe(0);
      expect(r.stderr).toMatch(
        /the migration lock is a lease in "public"\."pitstop_migrations_lock"/,
      );
      const state = await direct(db.direct, async (d) => {
        const widgets = await d.query("SELECT to_regclass('public.widgets') IS NOT NULL AS ok");
        const lease = await d.query("SELECT token FROM public.pitstop_migrations_lock");
        return { widgets: widgets.rows, lease: lease.rows };
      });
      // Applied, and the lease given back.
      expect(state).toEqual({ widgets: [{ ok: true }], lease: [{ token: null }] });
    }, 120_000);

    it("fleet up --tenant-schemas: each tenant's tables in its own schema, history right, nothing left on the pool", async () => {
      const db = await database();
      const tenants = ["t_01", "t_02", "t_03", "t_04", "t_05", "t_06"];
      await direct(db.direct, (d) => d.exec(tenants.map((t) => `CREATE SCHEMA ${t};`).join("\n")));
      const { dir } = migrationsDir({
        "000001_items.sql":
          "-- +up\nCREATE TABLE items (id int PRIMARY KEY, name text);\nINSERT INTO items VALUES (1, current_schema());\n",
        // Statement by statement: each runs in a transaction of its own, with the search_path.
        "000002_more.sql":
          "-- +up no-transaction\nCREATE TABLE more (id int);\nINSERT INTO more SELECT id FROM items;\n",
        "000003_code.ts":
          'export async function up(db) {\n  await db.query("CREATE TABLE from_code AS SELECT current_schema() AS s");\n}\n',
      });
      const r = await fleetUpTenants(db.pooled, dir, "--concurrency", "6");
      expect(ok(r)).toBe(0);
      const found = await direct(db.direct, async (d) => {
        const tables = await d.query<{ schema: string; tables: string }>(
          `SELECT schemaname AS schema, string_agg(tablename, ',' ORDER BY tablename) AS tables
           FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') GROUP BY 1 ORDER BY 1`,
        );
        const rows: unknown[] = [];
        for (const t of tenants) {
          const { rows: r } = await d.query(
            `SELECT (SELECT name FROM ${t}.items) AS items, (SELECT count(*)::int FROM ${t}.more) AS more,
                  (SELECT s FROM ${t}.from_code) AS code,
                  (SELECT string_agg(version::text || ':' || state, ',' ORDER BY version) FROM ${t}.pitstop_migrations) AS history`,
          );
          rows.push(r[0]);
        }
        return { tables: tables.rows, rows };
      });
      expect(found.tables).toEqual(
        tenants.map((schema) => ({
          schema,
          tables: "from_code,items,more,pitstop_migrations,pitstop_migrations_lock",
        })),
      );
      expect(found.rows).toEqual(
        tenants.map((t) => ({
          items: t,
          more: 1,
          code: t,
          history: "1:applied,2:applied,3:applied",
        })),
      );
      // No tenant's search_path stayed on a pooled server connection for the next client.
      const paths = await direct(db.pooled, async (d) => {
        const seen = new Set<string>();
        for (let i = 0; i < 6; i++)
          seen.add(
            (await d.query<{ p: string }>("SELECT current_setting('search_path') AS p")).rows[0]!.p,
          );
        return [...seen];
      });
      expect(paths).toEqual(['"$user", public']);
    }, 180_000);

    it("fleet up --tenant-schemas refuses a statement outside a transaction behind the pooler, before anything runs", async () => {
      const db = await database();
      await direct(db.direct, (d) => d.exec("CREATE SCHEMA t_a; CREATE SCHEMA t_b;"));
      const { dir } = migrationsDir({
        "000001_items.sql": "-- +up\nCREATE TABLE items (id int);\n",
        "000002_index.sql": "-- +up\nCREATE INDEX CONCURRENTLY items_id ON items (id);\n",
      });
      const r = await fleetUpTenants(db.pooled, dir);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(
        report.targets.map((t: { outcome: string; error: { code: string } }) => [
          t.outcome,
          t.error.code,
        ]),
      ).toEqual([
        ["failed", "POOLED_SEARCH_PATH"],
        ["failed", "POOLED_SEARCH_PATH"],
      ]);
      expect(report.targets[0].error.message).toMatch(
        /000002_index\.sql: migration 000002_index has a statement that runs outside a transaction \(CREATE INDEX CONCURRENTLY/,
      );
      const items = await direct(
        db.direct,
        async (d) =>
          (await d.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'items'"))
            .rows,
      );
      expect(items).toEqual([{ n: 0 }]);
    }, 120_000);

    it("a lease holder killed mid-migration: the next run waits for the lease to run out, then completes; nothing twice", async () => {
      const db = await database();
      const { dir } = migrationsDir({
        "000001_log.sql":
          "-- +up\nCREATE TABLE applied_log (migration text NOT NULL);\nCREATE TABLE slow (on_ boolean);\nINSERT INTO slow VALUES (true);\n",
        // Slow while the flag is set: the first runner is killed in here.
        "000002_work.sql":
          "-- +up\nINSERT INTO applied_log VALUES ('000002');\nSELECT pg_sleep(CASE WHEN EXISTS (SELECT 1 FROM slow) THEN 120 ELSE 0 END);\n",
        "000003_more.sql": "-- +up\nINSERT INTO applied_log VALUES ('000003');\n",
      });
      const args = [
        "--database",
        db.pooled,
        "--dir",
        dir,
        "--lease",
        "3s",
        ...LOCKER,
        "up",
        "--json",
      ];
      const first = start(args);
      try {
        // Killed while its migration's transaction runs on the server.
        await direct(db.direct, (d) =>
          until(async () => {
            const { rows } = await d.query(
              "SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep(CASE%' AND pid <> pg_backend_pid()",
            );
            return rows.length > 0;
          }),
        );
        first.kill("SIGKILL");
        await new Promise((resolve) => first.once("close", resolve));
      } finally {
        if (first.exitCode === null && first.signalCode === null) first.kill("SIGKILL");
      }
      await direct(db.direct, (d) => d.exec("DELETE FROM slow"));
      const second = await runCli([...args.slice(0, -2), "--lock-timeout", "90s", "up", "--json"]);
      expect(ok(second)).toBe(0);
      if (LOCKER.length === 0) expect(second.stderr).toMatch(/Waiting for the migration lock/);
      expect(JSON.parse(second.stdout).results.map((m: { id: string }) => m.id)).toEqual([
        "000002_work",
        "000003_more",
      ]);
      const state = await direct(db.direct, async (d) => ({
        log: (
          await d.query(
            "SELECT migration, count(*)::int AS n FROM applied_log GROUP BY 1 ORDER BY 1",
          )
        ).rows,
        history: (
          await d.query(
            "SELECT version::text AS v, state FROM public.pitstop_migrations ORDER BY version",
          )
        ).rows,
      }));
      expect(state).toEqual({
        log: [
          { migration: "000002", n: 1 },
          { migration: "000003", n: 1 },
        ],
        history: ["1", "2", "3"].map((v) => ({ v, state: "applied" })),
      });
      const status = JSON.parse(
        (await runCli(["--database", db.pooled, "--dir", dir, "status", "--json"])).stdout,
      );
      expect(status.problems).toEqual([]);
    }, 180_000);
  },
);

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    env: cleanEnv(),
    stdio: ["ignore", "ignore", "ignore"],
  });
}

/** Polls `check` (every 100 ms, up to a minute). */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the condition");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `fleet up --tenant-schemas` over every schema named t_*, through `url`, with a JSON report. */
function fleetUpTenants(url: string, dir: string, ...more: string[]) {
  const query = "SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' ORDER BY 1";
  return runCli([
    "--database",
    url,
    "--dir",
    dir,
    "fleet",
    "up",
    "--tenant-schemas",
    query,
    ...more,
    "--json",
  ]);
}
