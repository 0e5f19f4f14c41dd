import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backfill, DEFAULT_BATCH_ROWS } from "../src/diff/expand-sql.js";
import type { Relation } from "../src/diff/online-context.js";
import type { Driver, QueryResult, Session } from "../src/driver/driver.js";
import { createPgDriver } from "../src/driver/pg.js";
import type { RunEvent } from "../src/runner/events.js";
import { Migrator } from "../src/runner/migrator.js";
import { listSource, type MigrationDefinition } from "../src/source/list.js";
import { type PostgresServer, startPostgres, startStandby } from "../src/testing/pg-server.js";
import { runCli } from "./helpers/cli.js";
import { migrationsDir } from "./helpers/migrations.js";

/**
 * A real streaming replica: its own primary (wal_level=replica) and a
 * `pg_basebackup -R` copy of it in hot standby. Server-only: PGlite has no
 * replication.
 */
describe.runIf(inject("drivers").includes("pg"))("streaming standby [pg]", () => {
  let primary: PostgresServer;
  let standby: PostgresServer;
  let onPrimary: Driver;
  let onStandby: Driver;
  const drivers: Driver[] = [];

  beforeAll(async () => {
    primary = await startPostgres({ settings: { wal_level: "replica", max_wal_senders: "4" } });
    standby = await startStandby(primary);
    onPrimary = await open(primary.url);
    onStandby = await open(standby.url);
    await until(async () => {
      const { rows } = await onPrimary.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'",
      );
      return rows[0]!.n === 1;
    });
  });

  afterAll(async () => {
    await Promise.all(drivers.map((d) => d.close()));
    await standby?.stop();
    await primary?.stop();
  });

  async function open(url: string): Promise<Driver> {
    const driver = await createPgDriver({ url });
    drivers.push(driver);
    return driver;
  }

  /** A fresh database on the primary, replicated to the standby; URLs to each copy. */
  let seq = 0;
  async function database(): Promise<{ name: string; at(server: PostgresServer): string }> {
    const name = `standby_${++seq}`;
    await onPrimary.exec(`CREATE DATABASE ${name}`);
    const at = (server: PostgresServer) => server.url.replace(/\/postgres$/, `/${name}`);
    await until(async () => {
      const { rows } = await onStandby.query("SELECT 1 FROM pg_database WHERE datname = $1", [
        name,
      ]);
      return rows.length === 1;
    });
    return { name, at };
  }

  it("refuses the standby as a migration target before taking the lock or writing anything", async () => {
    const db = await database();
    const seen: string[] = [];
    const driver = recording(await open(db.at(standby)), seen);
    const migrator = new Migrator({ driver, source: listSource(MIGRATIONS) });
    const result = await migrator.up();
    expect(result.error?.code).toBe("READ_ONLY_TARGET");
    expect(result.error?.message).toContain(`127.0.0.1:${standby.port}`);
    expect(result.error?.message).toMatch(/standby in recovery/);
    expect(result.error?.hint).toContain("target_session_attrs=read-write");
    // One query, the role check: no advisory lock, no history table.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/pg_is_in_recovery/);
    expect(seen.join("\n")).not.toMatch(/advisory|CREATE/i);
    const primaryDb = await open(db.at(primary));
    expect(
      (await primaryDb.query("SELECT to_regclass('pitstop_migrations') AS t")).rows[0],
    ).toEqual({ t: null });

    // Reading works on a standby: status and dry runs do not write.
    const status = await migrator.status();
    expect(status.pending).toBe(2);
    const dry = await new Migrator({ driver, source: listSource(MIGRATIONS), dryRun: true }).up();
    expect(dry.error).toBeUndefined();

    // The CLI says the same, names the host and never prints the password.
    const url = db.at(standby).replace("postgres@", "postgres:s3cret-pw@");
    const cli = await runCli(["up", "--database", url]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`the database at 127.0.0.1:${standby.port}`);
    expect(cli.stderr).toContain("target_session_attrs=read-write");
    expect(cli.stdout + cli.stderr).not.toContain("s3cret-pw");
  });

  it("reaches the primary through a multi-host URL with target_session_attrs=read-write", async () => {
    const db = await database();
    const dead = await closedPort();
    const hosts = `127.0.0.1:${dead},127.0.0.1:${standby.port},127.0.0.1:${primary.port}`;
    const base = db.at(primary).replace(`127.0.0.1:${primary.port}`, hosts);
    const url = `${base}?target_session_attrs=read-write`;

    const driver = await open(url);
    expect(driver.target).toBe(`postgres://postgres@${hosts}/${db.name}`);
    const migrator = new Migrator({ driver, source: listSource(MIGRATIONS) });
    const result = await migrator.up();
    expect(result.error).toBeUndefined();
    expect(result.current).toBe("2");
    const port = await driver.query<{ port: number }>("SELECT inet_server_port() AS port");
    expect(port.rows[0]!.port).toBe(primary.port);

    // The other attributes pick the other server; without any, the first that answers.
    const pick = async (attrs: string) => {
      const d = await open(attrs === "" ? base : `${base}?target_session_attrs=${attrs}`);
      return (await d.query<{ port: number }>("SELECT inet_server_port() AS port")).rows[0]!.port;
    };
    expect(await pick("standby")).toBe(standby.port);
    expect(await pick("prefer-standby")).toBe(standby.port);
    expect(await pick("read-only")).toBe(standby.port);
    expect(await pick("primary")).toBe(primary.port);
    expect(await pick("")).toBe(standby.port);

    // `any` lands on the standby, which a migration then refuses with the hint.
    const anyHost = new Migrator({ driver: await open(base), source: listSource(MIGRATIONS) });
    expect((await anyHost.up()).error?.code).toBe("READ_ONLY_TARGET");

    // No host fits: one error listing each and why.
    const standbyOnly = `${db.at(standby).replace(`127.0.0.1:${standby.port}`, `127.0.0.1:${dead},127.0.0.1:${standby.port}`)}?target_session_attrs=read-write`;
    const refused = await (await open(standbyOnly)).query("SELECT 1").catch((e: Error) => e);
    expect(refused).toMatchObject({ code: "CONNECTION" });
    expect((refused as Error).message).toContain(`127.0.0.1:${dead}: connection refused`);
    expect((refused as Error).message).toContain(
      `127.0.0.1:${standby.port} is a standby (in recovery)`,
    );

    // The standby has the migrated schema once it has replayed; status reads it there.
    await until(async () => {
      const { rows } = await (await open(db.at(standby))).query(
        "SELECT to_regclass('b') IS NOT NULL AS ok",
      );
      return (rows[0] as { ok: boolean }).ok;
    });
    const status = await new Migrator({
      driver: await open(db.at(standby)),
      source: listSource(MIGRATIONS),
    }).status();
    expect(status.current).toBe("2");
    // The CLI, end to end: a database that does not exist yet, created on the primary.
    const { dir } = migrationsDir({ "000001_a.sql": "-- +up\nCREATE TABLE a (x int);\n" });
    const fresh = `${base.replace(/\/[^/]*$/, "/standby_cli")}?target_session_attrs=read-write`;
    const cli = await runCli(["up", "--create-db", "--dir", dir, "--database", fresh]);
    expect(cli.stderr).toContain(`Migrating postgres://postgres@${hosts}/standby_cli`);
    expect(cli.code).toBe(0);
    const created = await open(primary.url.replace(/\/postgres$/, "/standby_cli"));
    expect((await created.query("SELECT to_regclass('a') IS NOT NULL AS ok")).rows).toEqual([
      { ok: true },
    ]);
    const dump = await runCli(["schema", "dump", "--database", db.at(standby)]);
    expect(dump.code).toBe(0);
    expect(dump.stdout).toContain("CREATE TABLE a (");
  });

  it("holds the run while the standby's replay is paused and goes on when it resumes", async () => {
    const db = await database();
    const driver = await open(db.at(primary));
    const other = await open(db.at(primary));
    const log: (RunEvent | { type: string; note?: string })[] = [];
    const waits = { before: signal(), statement: signal() };
    const pauseDuring = signal();
    const migrator = new Migrator({
      driver,
      source: listSource(LAG_MIGRATIONS),
      maxReplicaLagMs: MAX_LAG_MS,
      onEvent: (e) => {
        log.push(e);
        if (e.type === "replica-lag-wait")
          (e.statement === undefined ? waits.before : waits.statement).fire();
        // Step 1 of the statement-by-statement migration waits on this lock while the test pauses the standby.
        if (e.type === "statement" && e.index === 0) pauseDuring.fire();
      },
    });

    // 1. Paused before the run, with WAL the standby has not replayed: held before the first migration.
    await pauseReplay();
    await other.exec("CREATE TABLE filler AS SELECT generate_series(1, 20000) AS n");
    await other.query("SELECT pg_advisory_lock($1)", [STEP_LOCK]);
    const running = migrator.up();
    await firstOf(waits.before.promise, running, "the run did not wait for the paused standby");
    log.push({ type: "test", note: "resume-1" });
    await resumeReplay();

    // 2. Paused between the statements of 000002: held before its second statement.
    await firstOf(pauseDuring.promise, running, "000002 did not start");
    await pauseReplay();
    log.push({ type: "test", note: "paused-2" });
    // Lag is measured from WAL positions pitstop saw: it is certain to pass the bound now.
    await new Promise((r) => setTimeout(r, 2 * MAX_LAG_MS));
    await other.query("SELECT pg_advisory_unlock($1)", [STEP_LOCK]);
    await firstOf(waits.statement.promise, running, "the run did not wait between statements");
    log.push({ type: "test", note: "resume-2" });
    await resumeReplay();

    const result = await running;
    expect(result.error).toBeUndefined();
    expect(result.current).toBe("2");
    const order = log.map(label);
    const at = (entry: string) => {
      const i = order.indexOf(entry);
      expect(i, `${entry} in ${order.join(", ")}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at("wait 000001_a")).toBeLessThan(at("test resume-1"));
    expect(at("test resume-1")).toBeLessThan(at("ok 000001_a"));
    expect(at("ok 000001_a")).toBeLessThan(at("start 000001_a"));
    expect(at("start 000001_a")).toBeLessThan(at("start 000002_b"));
    expect(at("statement 000002_b 0")).toBeLessThan(at("test paused-2"));
    expect(at("test paused-2")).toBeLessThan(at("wait 000002_b 1"));
    expect(at("wait 000002_b 1")).toBeLessThan(at("test resume-2"));
    expect(at("test resume-2")).toBeLessThan(at("ok 000002_b 1"));
    expect(at("ok 000002_b 1")).toBeLessThan(at("statement 000002_b 1"));
    // The wait names the replica and how much WAL it has to replay.
    const wait = log.find((e) => e.type === "replica-lag-wait") as Extract<
      RunEvent,
      { type: "replica-lag-wait" }
    >;
    expect(wait.replicas).toHaveLength(1);
    expect(wait.replicas[0]!.name).toContain("127.0.0.1");
    expect(wait.replicas[0]!.behindBytes).toBeGreaterThan(0);
    expect(wait.maxLagMs).toBe(MAX_LAG_MS);
  });

  it("gives up after --replica-lag-timeout with nothing applied", async () => {
    const db = await database();
    const driver = await open(db.at(primary));
    await pauseReplay();
    try {
      await driver.exec("CREATE TABLE filler AS SELECT generate_series(1, 1000) AS n");
      const result = await new Migrator({
        driver,
        source: listSource(MIGRATIONS),
        maxReplicaLagMs: MAX_LAG_MS,
        replicaLagTimeoutMs: 2 * MAX_LAG_MS,
      }).up();
      expect(result.error?.code).toBe("REPLICA_LAG_TIMEOUT");
      expect(result.error?.message).toContain("before 000001_a");
      expect(result.error?.hint).toContain("--replica-lag-timeout");
      expect(
        (await driver.query("SELECT count(*)::int AS n FROM pitstop_migrations")).rows,
      ).toEqual([{ n: 0 }]);

      // The CLI: the bound from the environment, the give-up from a flag; it says why it waits.
      const { dir } = migrationsDir({ "000001_a.sql": "-- +up\nCREATE TABLE a (x int);\n" });
      const cli = await runCli(["up", "--dir", dir, "--replica-lag-timeout", "1s"], {
        env: { DATABASE_URL: db.at(primary), PITSTOP_MAX_REPLICA_LAG: `${MAX_LAG_MS}ms` },
      });
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(
        /Waiting before 000001_a for replicas to come within 300 ms: .*127\.0\.0\.1.* of WAL to replay/,
      );
      expect(cli.stderr).toContain("gave up before 000001_a");
      const zero = await runCli(["up", "--dir", dir, "--max-replica-lag", "0"], {
        env: { DATABASE_URL: db.at(primary) },
      });
      expect(zero.code).toBe(2);
      expect(zero.stderr).toContain("--max-replica-lag: 0 would wait");
    } finally {
      await resumeReplay();
    }
  });

  it("keeps a `diff --expand` backfill within two batches of a standby whose replay is paused", async () => {
    const db = await database();
    const writer = await open(db.at(primary));
    const watcher = await open(db.at(primary));
    await writer.exec(`
      CREATE TABLE t (id bigint PRIMARY KEY, v integer NOT NULL);
      INSERT INTO t SELECT g, g FROM generate_series(1, ${4 * DEFAULT_BATCH_ROWS}) g;
      ALTER TABLE t ADD COLUMN w bigint;`);
    const sql = backfill({ rel: { sql: "public.t" } as Relation, key: ["id"] }, "w", "v::bigint");
    const filled = async () =>
      (await watcher.query<{ n: number }>("SELECT count(w)::int AS n FROM t")).rows[0]!.n;
    await pauseReplay();
    let running: Promise<void> | undefined;
    try {
      running = writer.exec(sql);
      // Waiting in its replica loop (a sleep between polls), two batches done.
      await until(async () => {
        const { rows } = await watcher.query<{ e: string | null }>(
          "SELECT wait_event AS e FROM pg_stat_activity WHERE query LIKE 'DO $pitstop$%'",
        );
        return rows[0]?.e === "PgSleep" && (await filled()) === 2 * DEFAULT_BATCH_ROWS;
      });
      await new Promise((r) => setTimeout(r, 1000));
      expect(await filled()).toBe(2 * DEFAULT_BATCH_ROWS);
    } finally {
      await resumeReplay();
    }
    await running;
    expect(await filled()).toBe(4 * DEFAULT_BATCH_ROWS);
  });

  async function pauseReplay(): Promise<void> {
    await onStandby.query("SELECT pg_wal_replay_pause()");
    await until(async () => {
      const { rows } = await onStandby.query<{ s: string }>(
        "SELECT pg_get_wal_replay_pause_state() AS s",
      );
      return rows[0]!.s === "paused";
    });
  }

  async function resumeReplay(): Promise<void> {
    await onStandby.query("SELECT pg_wal_replay_resume()");
  }
});

const MAX_LAG_MS = 300;
const STEP_LOCK = 4242;

const MIGRATIONS: MigrationDefinition[] = [
  { version: "000001", name: "a", up: "CREATE TABLE a (x int);" },
  { version: "000002", name: "b", up: "CREATE TABLE b (x int);" },
];

const LAG_MIGRATIONS: MigrationDefinition[] = [
  { version: "000001", name: "a", up: "CREATE TABLE a (x int);" },
  {
    version: "000002",
    name: "b",
    up: `SELECT pg_advisory_xact_lock(${STEP_LOCK});\nCREATE INDEX CONCURRENTLY a_x ON a (x);`,
  },
];

function label(e: RunEvent | { type: string; note?: string }): string {
  const ev = e as RunEvent;
  switch (ev.type) {
    case "replica-lag-wait":
    case "replica-lag-ok": {
      const verb = ev.type === "replica-lag-wait" ? "wait" : "ok";
      const id = `${ev.migration.versionText}_${ev.migration.name}`;
      return ev.statement === undefined ? `${verb} ${id}` : `${verb} ${id} ${ev.statement}`;
    }
    case "migration-start":
      return `start ${ev.migration.versionText}_${ev.migration.name}`;
    case "statement":
      return `statement ${ev.migration.versionText}_${ev.migration.name} ${ev.index}`;
    default:
      return `${e.type}${"note" in e && e.note ? ` ${e.note}` : ""}`;
  }
}

/** Every query the driver sends, in order (the real driver underneath). */
function recording(driver: Driver, seen: string[]): Driver {
  const log = (q: { query: Session["query"]; exec: Session["exec"] }): Session => ({
    query: <R extends object = Record<string, unknown>>(
      sql: string,
      params?: readonly unknown[],
    ) => {
      seen.push(sql);
      return q.query<R>(sql, params) as Promise<QueryResult<R>>;
    },
    exec: (sql: string) => {
      seen.push(sql);
      return q.exec(sql);
    },
    copyFrom: (sql: string, data: string) => {
      seen.push(sql);
      return driver.copyFrom(sql, data);
    },
  });
  return {
    ...log(driver),
    dialect: driver.dialect,
    target: driver.target,
    session: (fn) => driver.session((s) => fn(log(s))),
    close: () => driver.close(),
  };
}

function signal(): { promise: Promise<void>; fire(): void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

/** Waits for `event`; fails if `run` finishes first (the thing awaited never happened). */
async function firstOf(event: Promise<void>, run: Promise<unknown>, why: string): Promise<void> {
  const ended = run.then(() => "ended" as const);
  if ((await Promise.race([event.then(() => "event" as const), ended])) === "ended")
    throw new Error(why);
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the standby");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A port nothing listens on (free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
