import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "../src/driver/driver.js";
import { createPgDriver } from "../src/driver/pg.js";
import { runCli } from "./helpers/cli.js";
import { enabledTestDrivers } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";
import {
  hasPgbouncer,
  PGBOUNCER_BIN,
  type Pgbouncer,
  startPgbouncer,
} from "./helpers/pgbouncer.js";

const STARTERS = 8;
/**
 * `POOLER_TEST_LOCKER=advisory` runs the starters with the session advisory
 * lock, to see the transaction-mode test fail without the table locker.
 */
const LOCKER = process.env.POOLER_TEST_LOCKER ? ["--locker", process.env.POOLER_TEST_LOCKER] : [];
const SEED_ROWS = 20_000;
const enabled = enabledTestDrivers().includes("pg") && hasPgbouncer();

if (enabledTestDrivers().includes("pg") && !hasPgbouncer())
  it.skip(`behind pgbouncer: ${PGBOUNCER_BIN} is not installed (.ci/run installs Debian's pgbouncer)`, () => {});

/**
 * A non-idempotent data migration (run twice: twice the rows, names with "!!"),
 * a CONCURRENTLY one followed by a plain statement, and a statement-by-statement
 * migration: every one writes a row to `applied_log` each time it runs.
 */
const FOLDER = {
  "000001_tables.sql":
    "-- +up\nCREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);\nCREATE TABLE applied_log (migration text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());\n",
  "000002_seed.sql": `-- +up\nINSERT INTO items (name) SELECT 'item ' || g FROM generate_series(1, ${SEED_ROWS}) g;\nINSERT INTO applied_log (migration) VALUES ('000002');\n`,
  "000003_index.sql":
    "-- +up\nCREATE INDEX CONCURRENTLY items_name_idx ON items (name);\nINSERT INTO applied_log (migration) VALUES ('000003');\n",
  "000004_mark.sql":
    "-- +up no-transaction\nUPDATE items SET name = name || '!' WHERE id % 2 = 0;\nINSERT INTO applied_log (migration) VALUES ('000004');\n",
  "000005_rename.sql":
    "-- +up\nUPDATE items SET name = name || '?' WHERE id % 3 = 0;\nINSERT INTO applied_log (migration) VALUES ('000005');\n",
  "000006_own_transaction.sql":
    "-- +up\nBEGIN;\nUPDATE items SET name = name || '#' WHERE id = 1;\nINSERT INTO applied_log (migration) VALUES ('000006');\nCOMMIT;\n",
};
const MIGRATIONS = Object.keys(FOLDER).length;
/** Added for a second round of starters. */
const ROUND_TWO = {
  "000007_more.sql":
    "-- +up\nINSERT INTO items (name) SELECT 'more ' || g FROM generate_series(1, 1000) g;\nINSERT INTO applied_log (migration) VALUES ('000007');\n",
  "000008_index.sql":
    "-- +up\nCREATE INDEX CONCURRENTLY items_upper_idx ON items (upper(name));\nINSERT INTO applied_log (migration) VALUES ('000008');\n",
};

describe.runIf(enabled)("behind pgbouncer", () => {
  let admin: Driver;
  const bouncers: Pgbouncer[] = [];
  const databases: string[] = [];

  beforeAll(async () => {
    admin = await createPgDriver({ url: inject("pgUrl") });
  });
  afterAll(async () => {
    for (const b of bouncers) await b.stop();
    for (const db of databases) await admin.exec(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.close();
  });

  async function database(): Promise<string> {
    const name = `pooler_${randomBytes(4).toString("hex")}`;
    await admin.exec(`CREATE DATABASE ${name}`);
    databases.push(name);
    return name;
  }

  async function bouncer(poolMode: "transaction" | "session", poolSize = 4): Promise<Pgbouncer> {
    const b = await startPgbouncer({ serverUrl: inject("pgUrl"), poolMode, poolSize });
    bouncers.push(b);
    return b;
  }

  /** The server's own view of the database: counted where no pooler can blur it. */
  async function counts(db: string) {
    const direct = await createPgDriver({ url: inject("pgUrl").replace(/\/[^/]*$/, `/${db}`) });
    try {
      const log = await direct.query<{ migration: string; n: number }>(
        "SELECT migration, count(*)::int AS n FROM applied_log GROUP BY migration ORDER BY migration",
      );
      const items = await direct.query<{ n: number; twice: number }>(
        "SELECT count(*)::int AS n, count(*) FILTER (WHERE name LIKE '%!%!%' OR name LIKE '%?%?%' OR name LIKE '%#%#%')::int AS twice FROM items",
      );
      const index = await direct.query<{ valid: boolean }>(
        "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'items_name_idx'::regclass",
      );
      return { log: log.rows, items: items.rows[0], index: index.rows };
    } finally {
      await direct.close();
    }
  }

  for (const mode of ["transaction", "session"] as const) {
    it(`${mode} mode: ${STARTERS} concurrent starters, two rounds, apply every migration exactly once, history true`, async () => {
      const b = await bouncer(mode);
      const db = await database();
      const url = b.url(db);
      const { dir, write } = migrationsDir(FOLDER);
      const round = async (expected: number) => {
        const runs = await Promise.all(
          Array.from({ length: STARTERS }, () =>
            runCli([
              "--database",
              url,
              "--dir",
              dir,
              "--lock-timeout",
              "120s",
              ...LOCKER,
              "up",
              "--json",
            ]),
          ),
        );
        expect(runs.map((r) => (r.code === 0 ? 0 : `${r.code}: ${r.stderr}`))).toEqual(
          Array(STARTERS).fill(0),
        );
        const outputs = runs.map((r) => JSON.parse(r.stdout));
        const applied = outputs.map((o) => o.results.length as number);
        expect(applied.reduce((a, c) => a + c, 0)).toBe(expected);
        // Every starter saw the pooler and held the lease, not a session advisory lock.
        for (const o of outputs) {
          expect(o.locker.kind).toBe("table");
          expect(o.locker.pooler.announcedPid).toBeTypeOf("number");
        }
        expect(runs.every((r) => /detected.*the migration lock is a lease in/.test(r.stderr))).toBe(
          true,
        );
      };
      await round(MIGRATIONS);
      // A second deploy: the lease table exists, the starters race for it again.
      write(ROUND_TWO);
      await round(Object.keys(ROUND_TWO).length);
      expect(await counts(db)).toEqual({
        log: ["000002", "000003", "000004", "000005", "000006", "000007", "000008"].map(
          (migration) => ({ migration, n: 1 }),
        ),
        items: { n: SEED_ROWS + 1000, twice: 0 },
        index: [{ valid: true }],
      });
      const status = await runCli(["--database", url, "--dir", dir, "status", "--json"]);
      expect(status.code).toBe(0);
      const report = JSON.parse(status.stdout);
      expect(report.problems).toEqual([]);
      expect(report.migrations.map((m: { status: string }) => m.status)).toEqual(
        Array(MIGRATIONS + Object.keys(ROUND_TWO).length).fill("applied"),
      );
    }, 180_000);
  }

  it("transaction mode: nothing pitstop sets is left on the pooled server connection", async () => {
    // One server connection: whatever a run leaves on it, the next client gets.
    const b = await bouncer("transaction", 1);
    const db = await database();
    const url = b.url(db);
    const { dir } = migrationsDir(FOLDER);
    const run = await runCli([
      "--database",
      url,
      "--dir",
      dir,
      "--statement-timeout",
      "45s",
      "--ddl-lock-timeout",
      "3s",
      "up",
      "--json",
    ]);
    expect(run.code === 0 ? 0 : run.stderr).toBe(0);
    const client = await createPgDriver({ url, applicationName: "app" });
    try {
      const { rows } = await client.query(
        `SELECT current_setting('lock_timeout') AS lock_timeout,
                current_setting('statement_timeout') AS statement_timeout,
                current_setting('client_connection_check_interval') AS check_interval,
                current_setting('application_name') AS application_name,
                (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS advisory_locks,
                (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database()) AS backends`,
      );
      expect(rows).toEqual([
        {
          lock_timeout: "0",
          statement_timeout: "0",
          check_interval: "0",
          application_name: "app",
          advisory_locks: 0,
          backends: 1,
        },
      ]);
    } finally {
      await client.close();
    }
  }, 120_000);
});
