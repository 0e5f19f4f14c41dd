import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Driver } from "../src/driver/driver.js";
import { createPgDriver } from "../src/driver/pg.js";
import { type PostgresServer, startPostgres } from "../src/testing/pg-server.js";
import { CLI, cleanEnv, runCli } from "./helpers/cli.js";
import { enabledTestDrivers } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";
import { crashServer, startServer } from "./helpers/server-control.js";

/**
 * A `CREATE INDEX CONCURRENTLY` that is the FIRST statement of its migration,
 * interrupted for real: the pitstop process SIGKILLed, or the server crashed
 * (`pg_ctl stop -m immediate`, then started again). Both states a crash can
 * leave are reached without timing races:
 * - invalid: another session holds a write transaction on the table, so the
 *   build waits (its INVALID index already committed) until we strike;
 * - finished: a trigger makes pitstop's progress update sleep, so the build
 *   is complete and valid, and its progress is lost when we strike.
 * Then a plain `pitstop up` must complete, and the history tell the truth.
 */
const MIGRATIONS = {
  "000001_t.sql": `-- +up
CREATE TABLE t (id int, x int);
INSERT INTO t SELECT g, g % 100 FROM generate_series(1, 10000) g;
`,
  "000002_idx.sql": `-- +up
CREATE INDEX CONCURRENTLY t_x_idx ON t (x);
CREATE TABLE after_idx (id int);
`,
};
const BUILD = "CREATE INDEX CONCURRENTLY t_x_idx";
/** Generous: a loaded 2-core machine. Polls end as soon as the state is reached. */
const WAIT_MS = 60_000;

type Fault = "sigkill" | "crash";
type Leftover = "invalid" | "finished";

const hasServer = enabledTestDrivers().includes("pg");

describe.skipIf(!hasServer)("a first-statement CONCURRENTLY build interrupted for real", () => {
  let server: PostgresServer;
  let admin: Driver;
  let seq = 0;

  beforeAll(async () => {
    // Commits must survive the crash as on a production server: the suite's
    // default (synchronous_commit off) would lose the last ones with it.
    server = await startPostgres({ settings: { synchronous_commit: "on" } });
    admin = await createPgDriver({ url: server.url });
  }, 120_000);
  afterAll(async () => {
    await admin?.close();
    await server?.stop();
  });

  const cases: [Fault, Leftover][] = [
    ["sigkill", "invalid"],
    ["sigkill", "finished"],
    ["crash", "invalid"],
    ["crash", "finished"],
  ];
  for (const [fault, leftover] of cases) {
    it(`${fault} with the index ${leftover}: the next up completes`, async () => {
      const name = `crash_${++seq}`;
      await admin.exec(`CREATE DATABASE ${name}`);
      const url = withDatabase(server.url, name);
      const { dir } = migrationsDir(MIGRATIONS);
      const args = ["--database", url, "--dir", dir];
      expect((await runCli([...args, "up", "1"])).code).toBe(0);

      const watch = await createPgDriver({ url, applicationName: "test-watch" });
      const other = await createPgDriver({ url, applicationName: "test-other" });
      try {
        if (leftover === "invalid") {
          // An open write transaction: the build waits for it after committing its INVALID index.
          await other.exec("BEGIN; INSERT INTO t VALUES (0, 0)");
        } else {
          await watch.exec(`CREATE FUNCTION slow_progress() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(600); RETURN NEW; END $$;
            CREATE TRIGGER slow_progress BEFORE UPDATE ON pitstop_migrations FOR EACH ROW
              WHEN (NEW.progress > OLD.progress) EXECUTE FUNCTION slow_progress();`);
        }
        const up = startUp(args);
        if (leftover === "invalid") {
          await waitFor(
            watch,
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND query LIKE '${BUILD}%' AND wait_event_type = 'Lock'`,
            up,
          );
        } else {
          await waitFor(
            watch,
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event = 'PgSleep' AND query LIKE 'UPDATE%'`,
            up,
          );
        }
        expect(await indexState(watch)).toBe(leftover === "invalid" ? "invalid" : "valid");

        if (fault === "sigkill") {
          await up.kill();
          // The killed client's backend notices within client_connection_check_interval (1 s).
          await waitFor(
            watch,
            `SELECT (count(*) = 0)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND application_name = 'pitstop'`,
          );
          if (leftover === "invalid") await other.exec("COMMIT");
        } else {
          await crashServer(server);
          expect(await up.exited).not.toBe(0);
          await startServer(server);
        }

        // What the crash left: history `running` at progress 0, and the index as promised.
        const { rows } = await watch.query<{ state: string; progress: number }>(
          "SELECT state, progress FROM pitstop_migrations WHERE version = 2",
        );
        expect(rows).toEqual([{ state: "running", progress: 0 }]);
        expect(await indexState(watch)).toBe(leftover === "invalid" ? "invalid" : "valid");
        if (leftover === "finished")
          await watch.exec("DROP TRIGGER slow_progress ON pitstop_migrations");

        const resumed = await runCli([...args, "up"]);
        expect(`${resumed.code}\n${resumed.stderr}`).toMatch(/^0\n/);
        if (leftover === "invalid")
          expect(resumed.stderr).toContain('DROP INDEX CONCURRENTLY IF EXISTS "public"."t_x_idx"');
        else expect(resumed.stderr).toContain("000002_idx: statement 1 had taken effect");
        const history = await watch.query<{ state: string }>(
          "SELECT state FROM pitstop_migrations ORDER BY version",
        );
        expect(history.rows.map((r) => r.state)).toEqual(["applied", "applied"]);
        expect(await indexState(watch)).toBe("valid");
        const table = await watch.query("SELECT 1 FROM pg_tables WHERE tablename = 'after_idx'");
        expect(table.rows).toHaveLength(1);
        const status = JSON.parse((await runCli([...args, "status", "--json"])).stdout);
        expect(status.migrations.map((m: { status: string }) => m.status)).toEqual([
          "applied",
          "applied",
        ]);
      } finally {
        await other.close();
        await watch.close();
      }
    }, 180_000);
  }
});

interface RunningUp {
  readonly exited: Promise<number | null>;
  kill(): Promise<void>;
  output(): string;
}

function startUp(args: string[]): RunningUp {
  const child = spawn(process.execPath, [CLI, ...args, "up"], {
    env: cleanEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    exited,
    output: () => output,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Polls until the query's `n` is 1 or more; fails early if pitstop exits first. */
async function waitFor(driver: Driver, sql: string, up?: RunningUp): Promise<void> {
  let exited = false;
  void up?.exited.then(() => (exited = true));
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const { rows } = await driver.query<{ n: number }>(sql);
    if ((rows[0]?.n ?? 0) > 0) return;
    if (exited) throw new Error(`pitstop exited before the state was reached:\n${up!.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not reached within ${WAIT_MS} ms: ${sql}\n${up?.output() ?? ""}`);
}

async function indexState(driver: Driver): Promise<"valid" | "invalid" | "missing"> {
  const { rows } = await driver.query<{ valid: boolean }>(
    "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = to_regclass('t_x_idx')",
  );
  if (rows.length === 0) return "missing";
  return rows[0]!.valid ? "valid" : "invalid";
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
