import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { inspect } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PitstopError, UsageError } from "../src/core/errors.js";
import { locateDatabase, maskUrl } from "../src/driver/connect.js";
import { findCopyFromStdin, stripCopyTerminator } from "../src/driver/copy-stdin.js";
import { acquireFileLock, type LockWaitInfo } from "../src/driver/file-lock.js";
import { createPgDriver, describeUrlTarget } from "../src/driver/pg.js";
import { createPGliteDriver } from "../src/driver/pglite.js";
import { runDriverSuite } from "./driver-suite.js";
import { describeEachDriver, enabledTestDrivers } from "./helpers/databases.js";

describeEachDriver("driver", runDriverSuite);

describeEachDriver("test helpers", (ctx) => {
  it.runIf(ctx.driverName === "pg")(
    "newConnection() reaches the latest database on its own connection",
    async () => {
      const driver = await ctx.newDriver();
      await driver.exec("CREATE TABLE mine (id int)");
      const other = await ctx.newConnection();
      await driver.session(async (session) => {
        await session.exec("BEGIN; LOCK TABLE mine IN ACCESS EXCLUSIVE MODE;");
        await other.exec("SET lock_timeout = '50ms'");
        await expect(other.query("SELECT * FROM mine")).rejects.toMatchObject({ code: "55P03" });
        await session.exec("ROLLBACK");
      });
    },
  );
});

const PASSWORD = "s3cr3t-P@ss/w0rd";
const ENCODED_PASSWORD = encodeURIComponent(PASSWORD);

/** Everything an error could show a user or a log: message, hint, causes, stacks. */
function everythingIn(error: unknown): string {
  return `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`;
}

function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.runIf(enabledTestDrivers().includes("pg"))("pg driver", () => {
  const adminUrl = () => inject("pgUrl");

  it("reports a refused connection as CONNECTION, naming the target without the password", async () => {
    const port = await unusedPort();
    const driver = await createPgDriver({
      url: `postgres://alice:${ENCODED_PASSWORD}@127.0.0.1:${port}/app`,
    });
    expect(driver.target).toBe(`postgres://alice@127.0.0.1:${port}/app`);
    const error = (await driver.query("SELECT 1").catch((e: unknown) => e)) as PitstopError;
    expect(error).toBeInstanceOf(PitstopError);
    expect(error.code).toBe("CONNECTION");
    expect(error.message).toBe(
      `cannot connect to postgres://alice@127.0.0.1:${port}/app: connection refused`,
    );
    expect(error.hint).toMatch(/running/);
    const shown = everythingIn(error);
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain(ENCODED_PASSWORD);
    expect(shown).not.toContain("s3cr3t");
    await driver.close();
  });

  it("reports a missing database as CONNECTION with a hint to create it", async () => {
    // A connection that worked first: sslmode=prefer then remembers that this server
    // takes plain connections and tries that first (the case that hid the real error).
    const working = await createPgDriver({ url: adminUrl() });
    await working.exec("SELECT 1");
    await working.close();
    const url = new URL(adminUrl());
    url.password = ENCODED_PASSWORD;
    url.pathname = "/no_such_database";
    const driver = await createPgDriver({ url: url.toString() });
    const error = (await driver.exec("SELECT 1").catch((e: unknown) => e)) as PitstopError;
    expect(error).toMatchObject({ code: "CONNECTION" });
    expect(error.message).toMatch(
      /^cannot connect to postgres:\/\/postgres@127\.0\.0\.1:\d+\/no_such_database: /,
    );
    expect(error.message).toMatch(/does not exist/);
    expect(error.hint).toMatch(/pitstop db create/);
    expect(everythingIn(error)).not.toContain("s3cr3t");
    await driver.close();
  });

  it("gives up connecting after connectTimeoutMs to a server that never answers", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const driver = await createPgDriver({
        url: `postgres://bob:${ENCODED_PASSWORD}@127.0.0.1:${port}/db`,
        connectTimeoutMs: 200,
      });
      const error = (await driver.query("SELECT 1").catch((e: unknown) => e)) as PitstopError;
      expect(error).toMatchObject({ code: "CONNECTION" });
      expect(error.message).toBe(
        `cannot connect to postgres://bob@127.0.0.1:${port}/db: timed out after 200 ms`,
      );
      expect(everythingIn(error)).not.toContain("s3cr3t");
      await driver.close();
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("reconnects after the server ends its connection", async () => {
    const driver = await createPgDriver({ url: adminUrl() });
    const killer = await createPgDriver({ url: adminUrl(), applicationName: "killer" });
    try {
      const { rows } = await driver.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await killer.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
      await sleep(50);
      // Usually the loss is seen while idle and the next call reconnects; if not, it fails as CONNECTION.
      const next = await driver.query("SELECT 1").catch((e: unknown) => e);
      if (next instanceof Error) expect(next).toMatchObject({ code: "CONNECTION" });
      const again = await driver.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      expect(again.rows[0]!.pid).not.toBe(rows[0]!.pid);
    } finally {
      await driver.close();
      await killer.close();
    }
  });

  it("sees an advisory lock held by another connection", async () => {
    const a = await createPgDriver({ url: adminUrl() });
    const b = await createPgDriver({ url: adminUrl() });
    try {
      await a.session(async (session) => {
        await session.query("SELECT pg_advisory_lock(4242)");
        const other = await b.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(4242) AS ok");
        expect(other.rows).toEqual([{ ok: false }]);
        await session.query("SELECT pg_advisory_unlock(4242)");
      });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("over a pool: parallel sessions on separate connections, a failed one discarded, the pool left open", async () => {
    const pool = new pg.Pool({ connectionString: adminUrl(), max: 3 });
    const driver = await createPgDriver({ pool });
    const observer = await createPgDriver({ url: adminUrl() });
    try {
      expect(driver.target).toBe("PostgreSQL (pool)");
      let inside = 0;
      let bothInside = false;
      const pids = await Promise.all(
        [1, 2].map(() =>
          driver.session(async (session) => {
            inside++;
            await sleep(50);
            bothInside ||= inside === 2;
            const { rows } = await session.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
            inside--;
            return rows[0]!.pid;
          }),
        ),
      );
      expect(bothInside).toBe(true);
      expect(new Set(pids).size).toBe(2);

      const failed = driver.session(async (session) => {
        await session.query("SELECT pg_advisory_lock(777)");
        await session.exec("BEGIN");
        throw new Error("boom");
      });
      await expect(failed).rejects.toThrow("boom");
      await expect(driver.copyFrom("COPY nowhere FROM STDIN", "1\n")).rejects.toMatchObject({
        code: "42P01",
      });
      // A driver-level BEGIN must not leave a pooled connection inside a transaction.
      await driver.exec("BEGIN");
      const idleInTransaction = async () => {
        const { rows } = await observer.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'",
        );
        return rows[0]!.n;
      };
      let left = await idleInTransaction();
      for (let i = 0; i < 50 && left > 0; i++) {
        await sleep(20);
        left = await idleInTransaction();
      }
      expect(left).toBe(0);
      // The discarded connection's backend frees the lock as it exits.
      let free = false;
      for (let i = 0; i < 50 && !free; i++) {
        free = (await driver.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(777) AS ok"))
          .rows[0]!.ok;
        if (!free) await sleep(20);
      }
      expect(free).toBe(true);
      await driver.close();
      expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await observer.close();
      await pool.end();
    }
  });

  it("over a given client: uses it, and leaves it connected on close()", async () => {
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    try {
      const driver = await createPgDriver({ client, target: "the test client" });
      expect(driver.target).toBe("the test client");
      await driver.exec("CREATE TEMP TABLE given (id int)");
      expect(await driver.copyFrom("COPY given FROM STDIN", "1\n2\n")).toBe(2);
      await driver.close();
      expect((await client.query("SELECT count(*)::int AS n FROM given")).rows).toEqual([{ n: 2 }]);
    } finally {
      await client.end();
    }
  });

  it("copies data larger than one CopyData chunk", async () => {
    const driver = await createPgDriver({ url: adminUrl() });
    try {
      await driver.exec("CREATE TEMP TABLE big (id int, pad text)");
      const lines = Array.from({ length: 5000 }, (_, i) => `${i}\t${"é".repeat(40)}`);
      expect(await driver.copyFrom("COPY big FROM STDIN", `${lines.join("\n")}\n`)).toBe(5000);
      const { rows } = await driver.query(
        "SELECT count(*)::int AS n, min(length(pad)) AS len FROM big",
      );
      expect(rows).toEqual([{ n: 5000, len: 40 }]);
    } finally {
      await driver.close();
    }
  });
});

describe("database URLs", () => {
  it("masks passwords in URLs and password parameters", () => {
    expect(maskUrl("postgres://app:s3cret@db:5432/app")).toBe("postgres://app:****@db:5432/app");
    expect(maskUrl("postgresql://app:p%40ss@db/app?sslmode=require")).toBe(
      "postgresql://app:****@db/app?sslmode=require",
    );
    expect(maskUrl("postgres://app:p@ss/w@db:5432/app")).toBe("postgres://app:****@db:5432/app");
    expect(maskUrl("postgres://app@db:5432/app")).toBe("postgres://app@db:5432/app");
    expect(maskUrl("postgres://db/app?user=x&password=hunter2&sslpassword=k")).toBe(
      "postgres://db/app?user=x&password=****&sslpassword=****",
    );
    expect(maskUrl("host=db user=app password='a b c' dbname=app")).toBe(
      "host=db user=app password=**** dbname=app",
    );
    expect(maskUrl("pglite:.pitstop/db")).toBe("pglite:.pitstop/db");
  });

  it("describes a target without password or parameters", () => {
    expect(describeUrlTarget("postgres://u:pw@h:6543/db?sslmode=require")).toBe(
      "postgres://u@h:6543/db",
    );
    expect(describeUrlTarget("postgresql://h/db")).toBe("postgresql://h:5432/db");
    expect(describeUrlTarget("postgres:///db?host=/var/run/postgresql")).toBe(
      "postgres:///db?host=/var/run/postgresql",
    );
    expect(describeUrlTarget("postgres://u:p/w@h/db")).not.toContain("p/w");
  });

  it("picks the adapter from the URL scheme", () => {
    expect(locateDatabase({ url: "postgres://h/db" })).toEqual({
      kind: "postgres",
      url: "postgres://h/db",
    });
    expect(locateDatabase({ url: "POSTGRESQL://h/db" }).kind).toBe("postgres");
    expect(locateDatabase({ url: "pglite:.pitstop/db" })).toEqual({
      kind: "pglite",
      dataDir: ".pitstop/db",
    });
    expect(locateDatabase({ url: "pglite:///abs/dir" })).toEqual({
      kind: "pglite",
      dataDir: "/abs/dir",
    });
    expect(locateDatabase({ url: "pglite:memory" })).toEqual({
      kind: "pglite",
      dataDir: "memory://",
    });
    expect(locateDatabase({ dataDir: "d" })).toEqual({ kind: "pglite", dataDir: "d" });
    expect(() => locateDatabase({})).toThrow(UsageError);
    expect(() => locateDatabase({ url: "pglite:" })).toThrow(UsageError);
    const error = (() => {
      try {
        locateDatabase({ url: "mysql://root:hunter2@h/db" });
      } catch (e) {
        return e as UsageError;
      }
    })();
    expect(error?.message).toBe("unsupported database URL mysql://root:****@h/db");
  });
});

describe("COPY statements", () => {
  const stdinOf = (sql: string) => {
    const { start, end } = findCopyFromStdin(sql);
    return [sql.slice(0, start), sql.slice(end)];
  };

  it("finds FROM STDIN past comments, quoted names and strings", () => {
    expect(stdinOf("COPY t FROM stdin;")).toEqual(["COPY t FROM ", ";"]);
    expect(
      stdinOf(
        'COPY "from" ("stdin", b) -- from stdin\n /* from /* stdin */ */ FROM STDIN WITH (NULL E\'\\\' from stdin\')',
      ),
    ).toEqual([
      'COPY "from" ("stdin", b) -- from stdin\n /* from /* stdin */ */ FROM ',
      " WITH (NULL E'\\' from stdin')",
    ]);
    expect(() => findCopyFromStdin("COPY t FROM '/tmp/file'")).toThrow(PitstopError);
    expect(() => findCopyFromStdin("SELECT 'COPY t FROM STDIN'")).toThrow(/COPY \.\.\. FROM STDIN/);
  });

  it("drops pg_dump's end-of-data line only", () => {
    expect(stripCopyTerminator("1\n2\n\\.\n")).toBe("1\n2\n");
    expect(stripCopyTerminator("1\n\\.")).toBe("1\n");
    expect(stripCopyTerminator("\\.\n")).toBe("");
    expect(stripCopyTerminator("1\n\\.x\n")).toBe("1\n\\.x\n");
    expect(stripCopyTerminator("1\n")).toBe("1\n");
  });
});

describe("data dir lock file", () => {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pitstop-lockfile-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const holder = (pid: number, processStart?: number) =>
    JSON.stringify({
      pid,
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
      processStart,
      token: "x",
    });

  it("takes over a lock whose pid now belongs to a process started later (pid reused)", async () => {
    const file = path.join(dir, "reused.lock");
    fs.writeFileSync(file, holder(1, -1));
    const lock = await acquireFileLock(file, {
      timeoutMs: 1_000,
      onWait: () => expect.fail("waited"),
    });
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("waits for a live process on this host, and for one on another host", async () => {
    const live = path.join(dir, "live.lock");
    fs.writeFileSync(live, holder(1));
    await expect(acquireFileLock(live, { timeoutMs: 50 })).rejects.toMatchObject({
      code: "LOCK_TIMEOUT",
    });
    const remote = path.join(dir, "remote.lock");
    fs.writeFileSync(
      remote,
      JSON.stringify({ pid: 999_999_999, hostname: "elsewhere", startedAt: "x", token: "y" }),
    );
    await expect(acquireFileLock(remote, { timeoutMs: 50 })).rejects.toThrow(
      /pid 999999999 on elsewhere/,
    );
  });

  it("treats an unreadable lock file as being written, then as stale once old", async () => {
    const file = path.join(dir, "garbage.lock");
    fs.writeFileSync(file, "");
    await expect(acquireFileLock(file, { timeoutMs: 50 })).rejects.toMatchObject({
      code: "LOCK_TIMEOUT",
    });
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    (await acquireFileLock(file, { timeoutMs: 1_000 })).release();
  });
});

describe.runIf(enabledTestDrivers().includes("pglite"))("pglite driver", () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });
  const templateCopy = () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "pitstop-pglite-lock-"));
    roots.push(root);
    const dataDir = path.join(root, "db");
    fs.cpSync(inject("pgliteTemplate"), dataDir, { recursive: true });
    return dataDir;
  };

  it("makes a second opener of a data dir wait, then give up with LOCK_TIMEOUT", async () => {
    const dataDir = templateCopy();
    const first = await createPGliteDriver({ dataDir });
    try {
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);
      const waits: LockWaitInfo[] = [];
      const started = Date.now();
      const error = (await createPGliteDriver({
        dataDir,
        lockTimeoutMs: 300,
        onWait: (info) => waits.push(info),
      }).catch((e: unknown) => e)) as PitstopError;
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(error).toBeInstanceOf(PitstopError);
      expect(error.code).toBe("LOCK_TIMEOUT");
      expect(error.message).toContain(`locked by pid ${process.pid} on ${os.hostname()}`);
      expect(error.hint).toContain(`${dataDir}.lock`);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toMatchObject({
        lockFile: `${dataDir}.lock`,
        holder: { pid: process.pid },
        timeoutMs: 300,
      });
    } finally {
      await first.close();
    }
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("opens once the holder closes", async () => {
    const dataDir = templateCopy();
    const first = await createPGliteDriver({ dataDir });
    await first.exec("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1);");
    let waited = false;
    const second = createPGliteDriver({
      dataDir,
      lockTimeoutMs: 20_000,
      onWait: () => (waited = true),
    });
    await sleep(150);
    await first.close();
    const driver = await second;
    try {
      expect(waited).toBe(true);
      expect((await driver.query("SELECT id FROM kept")).rows).toEqual([{ id: 1 }]);
    } finally {
      await driver.close();
    }
  });

  it("starts with the given server settings on top of PGlite's own", async () => {
    const db = await createPGliteDriver({
      dataDir: templateCopy(),
      settings: { shared_buffers: "16MB", work_mem: "1MB" },
    });
    try {
      const { rows } = await db.query<{ sb: string; wm: string; sp: string }>(
        "SELECT current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm, current_setting('search_path') AS sp",
      );
      // search_path=public is one of PGlite's own start parameters: kept.
      expect(rows[0]).toEqual({ sb: "16MB", wm: "1MB", sp: "public" });
    } finally {
      await db.close();
    }
  });

  it("takes over a stale lock left by a dead process, and names the dir as given", async () => {
    const dataDir = templateCopy();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const stale = {
      pid: dead,
      hostname: os.hostname(),
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      token: "t",
    };
    fs.writeFileSync(`${dataDir}.lock`, JSON.stringify(stale));
    const relative = path.relative(process.cwd(), dataDir);
    const driver = await createPGliteDriver({
      dataDir: relative,
      lockTimeoutMs: 2_000,
      onWait: () => expect.fail("waited"),
    });
    try {
      expect(driver.target).toBe(`PGlite at ${relative}`);
      const holder = JSON.parse(fs.readFileSync(`${dataDir}.lock`, "utf8")) as { pid: number };
      expect(holder.pid).toBe(process.pid);
    } finally {
      await driver.close();
    }
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
