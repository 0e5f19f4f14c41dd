import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "../src/driver/driver.js";
import { createPgDriver } from "../src/driver/pg.js";
import { fleetStatus } from "../src/fleet/fleet-status.js";
import { migrateFleet } from "../src/fleet/migrate-fleet.js";
import type { FleetEvent, FleetReport } from "../src/fleet/report.js";
import type { FleetTarget } from "../src/fleet/targets.js";
import { type PostgresServer, startPostgres } from "../src/testing/pg-server.js";
import { CLI, cleanEnv, runCli } from "./helpers/cli.js";
import { migrationsDir } from "./helpers/migrations.js";

// Fleet is server-only: these run when the pg driver is enabled.
const pgUrl = inject("pgUrl");

const MIGRATIONS = {
  "000001_t1.sql": "-- +up\nCREATE TABLE t1 (id int PRIMARY KEY);\n-- +down\nDROP TABLE t1;\n",
  "000002_t2.sql":
    "-- +up\nCREATE TABLE t2 (id int PRIMARY KEY, t1 int REFERENCES t1);\nINSERT INTO t1 VALUES (1);\n",
  "000003_t2_index.sql": "-- +up\nCREATE INDEX t2_t1_idx ON t2 (t1);\n",
};
const HEAD = "3";
const PASSWORD = "s3cret-fleet-pw";

function urlOf(server: { url: string }, db: string, password?: string): string {
  const u = new URL(server.url);
  u.pathname = `/${db}`;
  if (password) u.password = password;
  return u.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function runProcess(
  cmd: string,
  args: string[],
  extraEnv: Record<string, string>,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { ...cleanEnv(), ...extraEnv, COLUMNS: "200" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

/** Samples pitstop's connections per server while `work` runs: the most seen at once. */
async function peakConnections<T>(
  admins: readonly Driver[],
  work: Promise<T>,
): Promise<{ result: T; peaks: number[] }> {
  const peaks = admins.map(() => 0);
  let running = true;
  const sampling = (async () => {
    while (running) {
      await Promise.all(
        admins.map(async (a, i) => {
          const { rows } = await a.query<{ n: number }>(
            // Only this file's databases: other test files run fleets on the same server.
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'pitstop-fleet' AND datname LIKE 'fleet\\_%'",
          );
          peaks[i] = Math.max(peaks[i]!, rows[0]!.n);
        }),
      );
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  try {
    return { result: await work, peaks };
  } finally {
    running = false;
    await sampling;
  }
}

describe.skipIf(pgUrl === "")("pitstop fleet [pg]", () => {
  let second: PostgresServer;
  let adminA: Driver;
  let adminB: Driver;
  const serverA = { url: pgUrl };
  const env = { FLEET_PW: PASSWORD };
  // The 60 databases of the first test, at the head once it has run.
  let targets = "";
  let fleetDir = "";

  beforeAll(async () => {
    second = await startPostgres();
    adminA = await createPgDriver({ url: pgUrl });
    adminB = await createPgDriver({ url: second.url });
    await adminA.exec("CREATE DATABASE fleet_tpl");
  });

  afterAll(async () => {
    await adminA?.close();
    await adminB?.close();
    await second?.stop();
  });

  /** Databases made from an empty template (fast: a file copy each). */
  async function createDatabases(admin: Driver, names: readonly string[]): Promise<void> {
    for (const name of names) await admin.exec(`CREATE DATABASE ${name} TEMPLATE fleet_tpl`);
  }

  async function onDatabase<T>(url: string, fn: (d: Driver) => Promise<T>): Promise<T> {
    const d = await createPgDriver({ url });
    try {
      return await fn(d);
    } finally {
      await d.close();
    }
  }

  it("migrates 50 databases on one server and 10 on another; a broken one fails alone, and a re-run after the fix migrates only it", async () => {
    await adminB.exec("CREATE DATABASE fleet_tpl");
    const onA = Array.from({ length: 50 }, (_, i) => `fleet_a_${String(i).padStart(2, "0")}`);
    const onB = Array.from({ length: 10 }, (_, i) => `fleet_b_${i}`);
    await createDatabases(adminA, onA);
    await createDatabases(adminB, onB);
    const broken = urlOf(serverA, "fleet_a_17");
    // Its migration 000002 fails there: the table already exists.
    await onDatabase(broken, (d) => d.exec("CREATE TABLE t2 (x int)"));

    const { dir } = migrationsDir(MIGRATIONS);
    const lines = [
      "# tenants on server A (named), then server B (plain URLs)",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the file refers to $FLEET_PW
      ...onA.map((n) => `${n}=${urlOf(serverA, n).replace("postgres@", "postgres:${FLEET_PW}@")}`),
      "",
      ...onB.map((n) => `${urlOf(second, n, PASSWORD)}   # ${n}`),
    ];
    targets = join(dir, "..", `targets-${Date.now()}.txt`);
    writeFileSync(targets, `${lines.join("\n")}\n`);
    fleetDir = dir;
    const args = [
      "--dir",
      dir,
      "fleet",
      "up",
      "--targets",
      targets,
      "--concurrency",
      "6",
      "--per-server",
      "3",
    ];

    const { result: first, peaks } = await peakConnections(
      [adminA, adminB],
      runCli([...args, "--json"], { env }),
    );
    expect(first.stdout + first.stderr).not.toContain(PASSWORD);
    expect(first.code, first.stderr).toBe(1);
    // Never more than --per-server connections to one server (sampled), and both servers worked.
    expect(peaks[0]).toBeLessThanOrEqual(3);
    expect(peaks[1]).toBeLessThanOrEqual(3);
    const report = JSON.parse(first.stdout) as FleetReport;
    expect(report.targets).toHaveLength(60);
    expect(report.head).toBe(HEAD);
    expect(report.counts).toEqual({
      migrated: 59,
      current: 0,
      failed: 1,
      unreachable: 0,
      skipped: 0,
    });
    const bad = report.targets.find((t) => t.outcome !== "migrated")!;
    expect(bad.name).toBe("fleet_a_17");
    expect(bad.outcome).toBe("failed");
    expect(bad.error?.migration).toBe("000002_t2");
    expect(bad.error?.message).toMatch(/"t2" already exists/);
    expect(bad.version).toBe("1");
    expect(report.targets.find((t) => t.name === "fleet_b_4")).toMatchObject({
      outcome: "migrated",
      version: HEAD,
      applied: ["000001_t1", "000002_t2", "000003_t2_index"],
      server: `127.0.0.1:${second.port}`,
    });
    // The targets themselves, read directly.
    const appliedAt = async (db: string, server = serverA) =>
      onDatabase(urlOf(server, db), async (d) => {
        const { rows } = await d.query<{ v: string; at: Date }>(
          "SELECT version::text AS v, applied_at AS at FROM pitstop_migrations ORDER BY version",
        );
        return rows.map((r) => `${r.v}@${r.at.toISOString()}`);
      });
    const before = await appliedAt("fleet_a_03");
    expect(before).toHaveLength(3);
    expect(await appliedAt("fleet_b_9", second)).toHaveLength(3);
    expect(
      await onDatabase(broken, (d) => d.query("SELECT to_regclass('t2_t1_idx') AS i")),
    ).toEqual({
      rows: [{ i: null }],
      rowCount: 1,
    });

    await onDatabase(broken, (d) => d.exec("DROP TABLE t2"));
    const again = await runCli(args, { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout + again.stderr).not.toContain(PASSWORD);
    // Not a terminal: one line per finished target.
    const targetLines = again.stdout.split("\n").filter((l) => / fleet_[ab]_\d+ /.test(`${l} `));
    expect(targetLines).toHaveLength(60);
    expect(targetLines.filter((l) => l.includes("applied"))).toEqual([
      expect.stringMatching(/^✓ fleet_a_17 {2}2 applied, at 3/),
    ]);
    expect(again.stdout).toMatch(/1 migrated, 59 already current, 0 failed/);
    // The others were not touched again.
    expect(await appliedAt("fleet_a_03")).toEqual(before);
    expect(await appliedAt("fleet_a_17")).toHaveLength(3);

    const status = await runCli(
      ["--dir", dir, "fleet", "status", "--targets", targets, "--json", "--check"],
      { env },
    );
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      head: HEAD,
      versions: { [HEAD]: 60 },
      counts: { current: 60, behind: 0, failed: 0, drifted: 0, unreachable: 0 },
    });
  });

  it("migrates 200 tenant schemas in one database, each with its own history table", async () => {
    await adminA.exec("CREATE DATABASE fleet_tenants TEMPLATE fleet_tpl");
    const url = urlOf(serverA, "fleet_tenants");
    await onDatabase(url, (d) =>
      d.exec(
        "DO $$ BEGIN FOR i IN 1..200 LOOP EXECUTE format('CREATE SCHEMA tenant_%s', lpad(i::text, 3, '0')); END LOOP; END $$; CREATE SCHEMA shared",
      ),
    );
    const { dir } = migrationsDir(MIGRATIONS);
    const query = "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' ORDER BY 1";
    const common = ["--database", url, "--dir", dir, "fleet"];
    const r = await runCli([...common, "up", "--tenant-schemas", query, "--concurrency", "8"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/200 target\(s\) in .*: 200 migrated, 0 already current/);
    expect(r.stdout).toMatch(/^✓ tenant_042 {2}3 applied, at 3 /m);
    // The same plan everywhere: linted once, its findings printed once, not 200 times.
    expect(r.stderr.match(/pitstop lint found/g)).toHaveLength(1);
    const counts = await onDatabase(url, async (d) => {
      const { rows } = await d.query<{ t: string; n: number }>(
        "SELECT tablename AS t, count(*)::int AS n FROM pg_tables WHERE schemaname LIKE 'tenant\\_%' GROUP BY 1 ORDER BY 1",
      );
      const history = await d.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM tenant_123.pitstop_migrations WHERE state = 'applied'",
      );
      const elsewhere = await d.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT LIKE 'tenant\\_%' AND schemaname NOT IN ('pg_catalog', 'information_schema')",
      );
      return { tables: rows, history: history.rows[0]!.n, elsewhere: elsewhere.rows[0]!.n };
    });
    expect(counts).toEqual({
      tables: [
        { t: "pitstop_migrations", n: 200 },
        { t: "t1", n: 200 },
        { t: "t2", n: 200 },
      ],
      history: 3,
      elsewhere: 0,
    });
    const status = await runCli([...common, "status", "--tenant-schemas", query, "--check"]);
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toMatch(/200 target\(s\); head 3/);
    expect(status.stdout).toMatch(/3 \(head\)\s+200/);
  });

  it("--targets-query lists the targets from a control database, env values expanded", async () => {
    await adminA.exec("CREATE DATABASE fleet_control");
    const control = urlOf(serverA, "fleet_control");
    await onDatabase(control, (d) =>
      d.exec(
        `CREATE TABLE tenants (slug text, dsn text); INSERT INTO tenants SELECT 'b' || i, replace('${urlOf(second, "fleet_b_X", "PW")}', 'X', i::text) FROM generate_series(0, 9) i; UPDATE tenants SET dsn = replace(dsn, ':PW@', ':' || chr(36) || '{FLEET_PW}@')`,
      ),
    );
    const r = await runCli(
      [
        "--database",
        control,
        "--dir",
        fleetDir,
        "fleet",
        "status",
        "--targets-query",
        "SELECT slug AS name, dsn AS url FROM tenants ORDER BY slug",
        "--json",
      ],
      { env },
    );
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.counts).toMatchObject({ current: 10 });
    expect(report.targets[3]).toMatchObject({ name: "b3", state: "current", version: HEAD });
    expect(r.stdout).not.toContain(PASSWORD);
  });

  it("on a terminal: a live progress line with done, failed, running, left, rate and ETA", async () => {
    const shell = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const command = [process.execPath, CLI, "--dir", fleetDir, "fleet", "up", "--targets", targets]
      .map(shell)
      .join(" ");
    // `script` runs the CLI on a pseudo-terminal.
    const r = await runProcess("script", ["-qefc", command, "/dev/null"], { ...env });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      /\r\x1b\[2Kfleet \d+\/60: \d+ done, 0 failed, \d+ running, \d+ left · [\d.]+\/s · ETA /,
    );
    // Targets at the head are not listed one by one on a terminal; the summary is.
    expect(r.stdout).not.toMatch(/already at/);
    expect(r.stdout).toMatch(/60 target\(s\) in .*0 migrated, 60 already current/);
    expect(r.stdout).not.toContain(PASSWORD);
  });

  describe("from code", () => {
    let dbs: FleetTarget[];
    const { dir, write } = migrationsDir(MIGRATIONS);

    beforeAll(async () => {
      const names = Array.from({ length: 5 }, (_, i) => `fleet_code_${i}`);
      await createDatabases(adminA, names);
      dbs = names.map((name) => ({ name, url: urlOf(serverA, name) }));
      // The first target's migration 000002 fails.
      await onDatabase(dbs[0]!.url, (d) => d.exec("CREATE TABLE t2 (x int)"));
    });

    async function hasHistory(t: FleetTarget): Promise<boolean> {
      return onDatabase(t.url, async (d) => {
        const { rows } = await d.query<{ t: string | null }>(
          "SELECT to_regclass('pitstop_migrations')::text AS t",
        );
        return rows[0]!.t !== null;
      });
    }

    it("a migration that does not parse is refused before any target is touched", async () => {
      const bad = migrationsDir({
        ...MIGRATIONS,
        "000004_typo.sql": "-- +up\nCREATE TABLEE t4 (id int);\n",
      });
      const touched: FleetEvent[] = [];
      await expect(
        migrateFleet(dbs, { migrations: bad.dir, onEvent: (e) => touched.push(e) }),
      ).rejects.toThrow(/000004_typo\.sql:2:8: syntax error at or near "TABLEE"/);
      expect(touched).toEqual([]);
      expect(await hasHistory(dbs[1]!)).toBe(false);
    });

    it("a failed canary stops the rest before they start", async () => {
      const events: FleetEvent[] = [];
      const report = await migrateFleet(dbs, {
        migrations: dir,
        canary: 1,
        onEvent: (e) => events.push(e),
      });
      expect(report.ok).toBe(false);
      expect(report.stopped?.reason).toBe("canary");
      expect(report.targets.map((t) => t.outcome)).toEqual([
        "failed",
        "skipped",
        "skipped",
        "skipped",
        "skipped",
      ]);
      expect(await hasHistory(dbs[1]!)).toBe(false);
      expect(events.filter((e) => e.type === "target-done")).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ type: "stopped", reason: "canary" });
    });

    it("--max-failures stops starting new targets once reached", async () => {
      const report = await migrateFleet([dbs[0]!, dbs[1]!, dbs[2]!], {
        migrations: dir,
        concurrency: 1,
        maxFailures: 1,
      });
      expect(report.targets.map((t) => t.outcome)).toEqual(["failed", "skipped", "skipped"]);
      expect(report.stopped?.reason).toBe("max-failures");
    });

    it("an unreachable target is reported, retried, and the others still reach the head", async () => {
      const dead: FleetTarget = {
        name: "dead",
        url: `postgres://app:${PASSWORD}@127.0.0.1:${await freePort()}/nowhere`,
      };
      const events: FleetEvent[] = [];
      const report = await migrateFleet([dead, dbs[1]!, dbs[2]!], {
        migrations: dir,
        connectRetries: 2,
        connectRetryDelayMs: 20,
        onEvent: (e) => events.push(e),
      });
      expect(report.targets.map((t) => [t.name, t.outcome])).toEqual([
        ["dead", "unreachable"],
        ["fleet_code_1", "migrated"],
        ["fleet_code_2", "migrated"],
      ]);
      expect(report.targets[0]).toMatchObject({
        attempts: 3,
        target: expect.stringContaining("app:****@127.0.0.1"),
        error: { code: "CONNECTION", message: expect.stringMatching(/connection refused/) },
      });
      expect(events.filter((e) => e.type === "target-retry")).toHaveLength(2);
      expect(JSON.stringify(report) + JSON.stringify(events)).not.toContain(PASSWORD);
    });

    it("status: how many at each version, behind, failed with the error, drifted, unreachable", async () => {
      // dbs[1], dbs[2] at the head; dbs[0] failed at 000002; dbs[3], dbs[4] never migrated.
      await migrateFleet([dbs[4]!], { migrations: dir });
      const dead: FleetTarget = { name: "dead", url: `postgres://127.0.0.1:${await freePort()}/x` };
      const before = await fleetStatus([...dbs, dead], { migrations: dir });
      expect(before.versions).toEqual({ "0": 1, "1": 1, "3": 3 });
      expect(before.targets.map((t) => [t.name, t.state])).toEqual([
        ["fleet_code_0", "failed"],
        ["fleet_code_1", "current"],
        ["fleet_code_2", "current"],
        ["fleet_code_3", "behind"],
        ["fleet_code_4", "current"],
        ["dead", "unreachable"],
      ]);
      expect(before.targets[0]?.error).toMatchObject({
        migration: "000002_t2",
        message: expect.stringMatching(/"t2" already exists/),
      });
      expect(before.targets[3]?.pending).toBe(3);
      // An applied file edited afterwards: every target that applied it has drifted.
      write({ "000003_t2_index.sql": "-- +up\nCREATE INDEX t2_t1_idx ON t2 (t1, id);\n" });
      const after = await fleetStatus(dbs, { migrations: dir });
      expect(after.targets.map((t) => t.state)).toEqual([
        "failed",
        "drifted",
        "drifted",
        "behind",
        "drifted",
      ]);
      expect(after.targets[1]?.drifted).toEqual(["000003_t2_index"]);
      expect(after.counts).toEqual({
        current: 0,
        behind: 1,
        failed: 1,
        drifted: 3,
        unreachable: 0,
      });
    });
  });
});
