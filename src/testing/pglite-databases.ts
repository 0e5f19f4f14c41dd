import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { DatabaseError, type Driver, SQLSTATE } from "../driver/driver.js";
import { acquireFileLock } from "../driver/file-lock.js";
import { createPGliteDriver } from "../driver/pglite.js";
import { openPGliteSnapshot, pgliteVersion, snapshotPGlite } from "../driver/pglite-snapshot.js";
import { applyRecipe, type Recipe } from "./recipe.js";

/** How a PGlite test database is kept apart from the next test's. */
export type PGliteIsolation = "transaction" | "snapshot";

/** Snapshot builds by other processes are waited for this long. */
const BUILD_LOCK_TIMEOUT_MS = 10 * 60_000;
const TX_SETTING = "pitstop.test_tx";

/**
 * Warm instances unused this long are closed: PGlite's own timers would
 * otherwise keep a script (or a test runner without teardown) from exiting.
 * Tests run back to back far closer together than this.
 */
export const IDLE_CLOSE_MS = 3_000;

export interface PGliteDatabase {
  readonly db: Driver;
  readonly pglite: PGlite;
  /** Whether a warm instance was reused (else a snapshot was loaded while the caller waited). */
  readonly reused: boolean;
  release(): Promise<void>;
}

interface Instance {
  readonly pglite: PGlite;
  readonly driver: Driver;
  /** `SELECT setval(...)` putting every sequence back where the snapshot had it. */
  readonly restoreSequences: string | undefined;
}

/**
 * Test databases on PGlite. A migrated snapshot of the recipe is built once
 * (cached on disk across processes and runs, under a file lock). Per worker
 * process, instances are loaded from it (~1 s each) and kept; with
 * `transaction` isolation each test runs inside a transaction on a warm
 * instance that is rolled back afterwards (milliseconds), with `snapshot`
 * each test gets an instance of its own.
 */
export class PGliteDatabases {
  readonly #cacheDir: string;
  readonly #snapshots = new Map<string, Promise<Uint8Array>>();
  readonly #idle = new Map<string, Instance[]>();
  readonly #preloaded = new Map<string, Promise<Instance>>();
  /** The instance that built a snapshot, kept for the first test instead of loading it again. */
  readonly #spare = new Map<string, Promise<Instance>>();
  /** Every instance handed out and not closed yet: PGlite's timers keep the process alive. */
  readonly #open = new Set<PGlite>();
  /** Databases handed out and not released yet. */
  #inUse = 0;
  #idleTimer: NodeJS.Timeout | undefined;

  constructor(cacheDir: string) {
    this.#cacheDir = cacheDir;
  }

  async create(recipe: Recipe, isolation: PGliteIsolation): Promise<PGliteDatabase> {
    this.#inUse++;
    clearTimeout(this.#idleTimer);
    try {
      const made = await this.#create(recipe, isolation);
      let released = false;
      return {
        ...made,
        release: async () => {
          if (released) return;
          released = true;
          try {
            await made.release();
          } finally {
            this.#done();
          }
        },
      };
    } catch (error) {
      this.#done();
      throw error;
    }
  }

  #done(): void {
    if (--this.#inUse > 0) return;
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.#inUse === 0) void this.#closeIdle();
    }, IDLE_CLOSE_MS).unref();
  }

  /** Closes the instances kept for later (not those in use); the snapshots stay in memory. */
  async #closeIdle(): Promise<void> {
    const idle = [...this.#idle.values()].flat().map((i) => i.pglite);
    this.#idle.clear();
    const pending = [...this.#preloaded.values(), ...this.#spare.values()];
    this.#preloaded.clear();
    this.#spare.clear();
    for (const p of pending) {
      const instance = await p.catch(() => undefined);
      if (instance) idle.push(instance.pglite);
    }
    await Promise.all(idle.map((pglite) => this.#close(pglite)));
  }

  async #create(recipe: Recipe, isolation: PGliteIsolation): Promise<PGliteDatabase> {
    const snapshot = await this.#snapshot(recipe);
    if (isolation === "snapshot") return this.#ownInstance(recipe, snapshot);
    const idle = this.#idle.get(recipe.checksum) ?? [];
    this.#idle.set(recipe.checksum, idle);
    const warm = idle.pop() ?? (await this.#takeSpare(recipe));
    const instance = warm ?? (await openInstance(snapshot));
    this.#open.add(instance.pglite);
    const token = randomBytes(8).toString("hex");
    await instance.driver.exec(`BEGIN; SELECT set_config('${TX_SETTING}', '${token}', true)`);
    let released = false;
    return {
      db: statementsApart(borrowed(instance.driver)),
      pglite: instance.pglite,
      reused: warm !== undefined,
      release: async () => {
        if (released) return;
        released = true;
        if (await resetInstance(instance, token)) idle.push(instance);
        else await this.#close(instance.pglite);
      },
    };
  }

  /** Closes every instance this process keeps, in use or not. */
  async close(): Promise<void> {
    const instances = [...this.#idle.values()].flat().map((i) => i.pglite);
    this.#idle.clear();
    const preloaded = [...this.#preloaded.values(), ...this.#spare.values()];
    this.#preloaded.clear();
    this.#spare.clear();
    for (const p of preloaded) {
      const instance = await p.catch(() => undefined);
      if (instance) instances.push(instance.pglite);
    }
    instances.push(...this.#open);
    this.#open.clear();
    await Promise.all(instances.map((i) => (i.closed ? undefined : i.close().catch(() => {}))));
  }

  async #close(pglite: PGlite): Promise<void> {
    this.#open.delete(pglite);
    if (!pglite.closed) await pglite.close().catch(() => {});
  }

  /** A whole instance for one test; the next one is loaded in the background meanwhile. */
  async #ownInstance(recipe: Recipe, snapshot: Uint8Array): Promise<PGliteDatabase> {
    const ready = this.#preloaded.get(recipe.checksum) ?? this.#spare.get(recipe.checksum);
    this.#preloaded.delete(recipe.checksum);
    this.#spare.delete(recipe.checksum);
    const instance = await (ready ?? openInstance(snapshot));
    this.#open.add(instance.pglite);
    const next = openInstance(snapshot);
    next.catch(() => {});
    this.#preloaded.set(recipe.checksum, next);
    return {
      db: borrowed(instance.driver),
      pglite: instance.pglite,
      reused: ready !== undefined,
      release: () => this.#close(instance.pglite),
    };
  }

  async #takeSpare(recipe: Recipe): Promise<Instance | undefined> {
    const spare = this.#spare.get(recipe.checksum);
    this.#spare.delete(recipe.checksum);
    return spare?.catch(() => undefined);
  }

  /** The migrated snapshot's bytes: read from the cache, or built (once across processes). */
  #snapshot(recipe: Recipe): Promise<Uint8Array> {
    let pending = this.#snapshots.get(recipe.checksum);
    if (pending === undefined) {
      pending = this.#readOrBuild(recipe);
      pending.catch(() => this.#snapshots.delete(recipe.checksum));
      this.#snapshots.set(recipe.checksum, pending);
    }
    return pending;
  }

  async #readOrBuild(recipe: Recipe): Promise<Uint8Array> {
    const version = pgliteVersion();
    const file = path.join(
      this.#cacheDir,
      `pglite-${version}-${recipe.origin.slice(0, 8)}-${recipe.checksum.slice(0, 16)}.tar`,
    );
    return cached(file, async () => {
      // A fresh cluster (initdb, ~5 s) only when no base snapshot exists; then it is used right away.
      let fresh: PGlite | undefined;
      const base = await cached(
        path.join(this.#cacheDir, `pglite-${version}-base.tar`),
        async () => {
          fresh = await openPGliteSnapshot();
          return snapshotPGlite(fresh);
        },
      );
      const pglite = fresh ?? (await openPGliteSnapshot(base));
      try {
        await applyRecipe(await createPGliteDriver({ instance: pglite }), recipe);
      } catch (error) {
        await pglite.close().catch(() => {});
        throw error;
      }
      const bytes = await snapshotPGlite(pglite);
      const spare = instanceOf(pglite);
      spare.catch(() => {});
      this.#spare.set(recipe.checksum, spare);
      removeReplaced(this.#cacheDir, version, recipe, file);
      return bytes;
    });
  }
}

/** The default place for PGlite snapshots: `PITSTOP_TEST_CACHE`, else the OS temp dir. */
export function defaultCacheDir(): string {
  return process.env.PITSTOP_TEST_CACHE || path.join(os.tmpdir(), "pitstop-testdb");
}

/** Reads `file`, or makes it with `build` under a lock file so concurrent processes build it once. */
async function cached(file: string, build: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const read = () => (fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : undefined);
  const hit = read();
  if (hit) return hit;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lock = await acquireFileLock(`${file}.lock`, {
    timeoutMs: BUILD_LOCK_TIMEOUT_MS,
    what: `the test database snapshot ${file}`,
  });
  try {
    const built = read();
    if (built) return built;
    const bytes = await build();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
    return bytes;
  } finally {
    lock.release();
  }
}

/** Snapshots of the same migrations folder with other contents are out of date. */
function removeReplaced(dir: string, version: string, recipe: Recipe, current: string): void {
  const prefix = `pglite-${version}-${recipe.origin.slice(0, 8)}-`;
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name.startsWith(prefix) && name.endsWith(".tar") && full !== current) {
      fs.rmSync(full, { force: true });
    }
  }
}

async function openInstance(snapshot: Uint8Array): Promise<Instance> {
  return instanceOf(await openPGliteSnapshot(snapshot));
}

async function instanceOf(pglite: PGlite): Promise<Instance> {
  const driver = await createPGliteDriver({ instance: pglite });
  const { rows } = await driver.query<{ sql: string | null }>(
    `SELECT 'SELECT ' || string_agg(format('setval(%L, %s, %L)', format('%I.%I', schemaname, sequencename),
              coalesce(last_value, start_value), last_value IS NOT NULL), ', ') AS sql
       FROM pg_sequences`,
  );
  return { pglite, driver, restoreSequences: rows[0]?.sql ?? undefined };
}

/**
 * Rolls the test's transaction back and puts the session and sequences back.
 * False when the test ended our transaction itself (COMMIT, ROLLBACK): what
 * it did may have been committed, so the instance must not be reused.
 */
async function resetInstance(instance: Instance, token: string): Promise<boolean> {
  if (instance.pglite.closed) return false;
  let ours: boolean;
  try {
    const { rows } = await instance.driver.query<{ t: string | null }>(
      `SELECT current_setting('${TX_SETTING}', true) AS t`,
    );
    ours = rows[0]?.t === token;
  } catch (error) {
    // Still in our transaction, which an error aborted.
    ours = error instanceof DatabaseError && error.code === SQLSTATE.inFailedSqlTransaction;
  }
  try {
    await instance.driver.exec("ROLLBACK");
    await instance.driver.exec("DISCARD ALL");
    if (ours && instance.restoreSequences) await instance.driver.exec(instance.restoreSequences);
  } catch {
    return false;
  }
  return ours;
}

/** The instance's driver with a close() that leaves the instance to us. */
function borrowed(driver: Driver): Driver {
  return {
    dialect: driver.dialect,
    target: driver.target,
    query: (sql, params) => driver.query(sql, params),
    exec: (sql) => driver.exec(sql),
    copyFrom: (sql, data) => driver.copyFrom(sql, data),
    session: (fn) => driver.session(fn),
    close: async () => {},
  } as Driver;
}

/**
 * Each call in a savepoint of its own: on a server every statement of a test
 * runs apart, and one that fails (a unique violation a test provokes on
 * purpose) leaves the next ones working. In the test's one transaction on
 * PGlite, that failure would abort every later statement without this.
 */
function statementsApart(driver: Driver): Driver {
  const apart = async <T>(call: () => Promise<T>): Promise<T> => {
    // Outside a transaction (the test committed ours), calls run as they are.
    const saved = await driver.exec("SAVEPOINT pitstop_statement").then(
      () => true,
      () => false,
    );
    if (!saved) return call();
    let result: T;
    try {
      result = await call();
    } catch (error) {
      await driver.exec("ROLLBACK TO SAVEPOINT pitstop_statement").catch(() => {});
      throw error;
    }
    // The call may have ended the transaction (COMMIT): then there is nothing to release.
    await driver.exec("RELEASE SAVEPOINT pitstop_statement").catch(() => {});
    return result;
  };
  // `driver` is borrowed()'s plain object: spreading it keeps the rest as they are.
  return {
    ...driver,
    query: (sql, params) => apart(() => driver.query(sql, params)),
    exec: (sql) => apart(() => driver.exec(sql)),
    copyFrom: (sql, data) => apart(() => driver.copyFrom(sql, data)),
  } as Driver;
}
