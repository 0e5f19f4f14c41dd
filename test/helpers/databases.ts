import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, inject, onTestFinished } from "vitest";
import type { Driver, QueryResult, Session } from "../../src/driver/driver.js";
import { createPgDriver } from "../../src/driver/pg.js";
import { createPGliteDriver } from "../../src/driver/pglite.js";

export type TestDriverName = "pglite" | "pg";

export interface TestDriverContext {
  readonly driverName: TestDriverName;
  /**
   * A driver on a database that is clean for this test. Measured on this
   * 2-core machine (idle; roughly double while another suite runs):
   * - pg: a new database each call (CREATE DATABASE from template1, then
   *   connect and a first query: 40-100 ms), dropped in afterAll. A driver made
   *   inside a test is closed when the test ends, one made in beforeAll in afterAll.
   * - pglite: the block's one PGlite instance, reset first (ROLLBACK, DISCARD
   *   ALL, drop every non-system schema, recreate `public`: 15-25 ms). The
   *   block's first call copies the template (~0.3 s) and opens it (~0.5 s)
   *   instead. Its close() leaves the shared instance open.
   */
  newDriver(): Promise<Driver>;
  /**
   * pg only: another driver, with its own connection, to the database of the
   * latest `newDriver()`: "another process" for lock and concurrency tests.
   * A driver from a URL has ONE connection, so a second session on the same
   * driver waits for the first to end instead of running beside it. PGlite
   * has one connection per instance: this throws there.
   */
  newConnection(): Promise<Driver>;
  /**
   * A URL for a subprocess (the CLI). pg: the database of the latest
   * `newDriver()` (throws if there is none yet). pglite: `pglite:<dir>` of a
   * fresh copy of the template (~0.3 s), not the instance `newDriver()` uses
   * (one PGlite data dir must never be open in two processes).
   */
  url(): string;
}

/**
 * Runs `fn`'s tests once per enabled driver (`DRIVERS=pglite,pg`), each in a
 * describe block named `<name> [<driver>]`.
 *
 * @example
 * describeEachDriver("history", (ctx) => {
 *   it("starts empty", async () => {
 *     const driver = await ctx.newDriver();
 *     expect((await driver.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
 *   });
 * });
 */
export function describeEachDriver(name: string, fn: (ctx: TestDriverContext) => void): void {
  for (const driverName of enabledTestDrivers()) {
    describe(`${name} [${driverName}]`, () => {
      const ctx = driverName === "pg" ? pgContext() : pgliteContext();
      afterAll(() => ctx.cleanup());
      fn(ctx);
    });
  }
}

export function enabledTestDrivers(): TestDriverName[] {
  return inject("drivers").filter(
    (name): name is TestDriverName => name === "pg" || name === "pglite",
  );
}

interface ContextWithCleanup extends TestDriverContext {
  cleanup(): Promise<void>;
}

let databaseSeq = 0;

function pgContext(): ContextWithCleanup {
  const adminUrl = inject("pgUrl");
  let admin: Driver | undefined;
  const databases: string[] = [];
  const drivers: Driver[] = [];

  const createDatabase = async (): Promise<string> => {
    admin ??= await createPgDriver({ url: adminUrl });
    const name = `pitstop_test_${process.pid}_${++databaseSeq}_${randomBytes(3).toString("hex")}`;
    await admin.exec(`CREATE DATABASE ${name}`);
    databases.push(name);
    return name;
  };

  return {
    driverName: "pg",
    async newDriver() {
      const driver = await createPgDriver({ url: databaseUrl(adminUrl, await createDatabase()) });
      drivers.push(driver);
      closeAtTestEnd(driver);
      return driver;
    },
    async newConnection() {
      const driver = await createPgDriver({
        url: this.url(),
        applicationName: "pitstop-test-other",
      });
      drivers.push(driver);
      closeAtTestEnd(driver);
      return driver;
    },
    url() {
      const latest = databases.at(-1);
      if (latest === undefined) {
        throw new Error(
          "ctx.url() on pg names the latest newDriver() database: call newDriver() first",
        );
      }
      return databaseUrl(adminUrl, latest);
    },
    async cleanup() {
      await Promise.all(drivers.map((driver) => driver.close()));
      if (admin === undefined) return;
      for (const name of databases)
        await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/**
 * A driver made in a test (or its beforeEach) closes when the test ends, so a
 * block of many tests does not pile up connections; one made in beforeAll
 * closes in afterAll.
 */
function closeAtTestEnd(driver: Driver): void {
  try {
    onTestFinished(() => driver.close());
  } catch {
    // Not inside a test: the block's afterAll closes it.
  }
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** After ROLLBACK and DISCARD ALL, puts a used PGlite database back to the template's state. */
const RESET_PGLITE = `
DO $reset$
DECLARE r record;
BEGIN
  FOR r IN SELECT evtname FROM pg_event_trigger LOOP
    EXECUTE format('DROP EVENT TRIGGER %I', r.evtname);
  END LOOP;
  FOR r IN SELECT pubname FROM pg_publication LOOP
    EXECUTE format('DROP PUBLICATION %I', r.pubname);
  END LOOP;
  FOR r IN SELECT nspname FROM pg_namespace
            WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
              AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  PERFORM lo_unlink(oid) FROM pg_largeobject_metadata;
  EXECUTE format('ALTER DATABASE %I RESET ALL', current_database());
END
$reset$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
`;

function pgliteContext(): ContextWithCleanup {
  const template = inject("pgliteTemplate");
  const dirs: string[] = [];
  let shared: Promise<Driver> | undefined;
  let used = false;

  const copyTemplate = (): string => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "pitstop-pglite-"));
    dirs.push(root);
    const dataDir = path.join(root, "db");
    // A reflink where the file system has them (btrfs, xfs), else a plain copy.
    fs.cpSync(template, dataDir, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
    return dataDir;
  };

  return {
    driverName: "pglite",
    async newDriver() {
      shared ??= createPGliteDriver({ dataDir: copyTemplate() });
      const driver = await shared;
      if (used) {
        // A test that failed inside BEGIN leaves the transaction open; DISCARD ALL refuses to run in one.
        await driver.exec("ROLLBACK");
        // Not part of the script: several statements in one exec form a transaction block.
        await driver.exec("DISCARD ALL");
        await driver.exec(RESET_PGLITE);
      }
      used = true;
      return borrowed(driver);
    },
    async newConnection() {
      throw new Error(
        "PGlite has one connection per instance: skip this test on pglite (ctx.driverName)",
      );
    },
    url() {
      return `pglite:${copyTemplate()}`;
    },
    async cleanup() {
      if (shared !== undefined) await (await shared).close();
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The shared driver with a close() that leaves it open (the block closes it in afterAll). */
function borrowed(driver: Driver): Driver {
  return {
    dialect: driver.dialect,
    target: driver.target,
    query: <R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]) =>
      driver.query<R>(sql, params) as Promise<QueryResult<R>>,
    exec: (sql: string) => driver.exec(sql),
    copyFrom: (sql: string, data: string) => driver.copyFrom(sql, data),
    session: <T>(fn: (session: Session) => Promise<T>) => driver.session(fn),
    close: async () => {},
  };
}
