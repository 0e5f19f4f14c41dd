import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import type { PGlite } from "@electric-sql/pglite";
import { PitstopError } from "../core/errors.js";
import { findCopyFromStdin, stripCopyTerminator } from "./copy-stdin.js";
import type { Driver, Queryable, QueryResult, Session } from "./driver.js";
import { acquireFileLock, type FileLock, type LockWaitInfo } from "./file-lock.js";
import { Mutex } from "./mutex.js";
import { isNewDataDir, seedDataDir } from "./pglite-template.js";

export { pgliteVersion } from "./pglite-template.js";

import { isServerError, toDatabaseError } from "./to-database-error.js";

export type { LockWaitInfo } from "./file-lock.js";
export { DEFAULT_LOCK_TIMEOUT_MS } from "./file-lock.js";

/** The `dataDir` that keeps the database in memory (gone on close). */
export const PGLITE_MEMORY = "memory://";

/** A PGlite database in a directory (created if missing) or in memory. */
export interface PGliteDirOptions {
  /** A directory, or `memory://`. Relative paths are relative to the working directory. */
  dataDir: string;
  /** How long to wait for another process holding the data dir (default 60 s). */
  lockTimeoutMs?: number;
  /** Called when the data dir is locked by another process and we start waiting. */
  onWait?: (info: LockWaitInfo) => void;
  /**
   * A cache folder for a pristine initialized data dir: a new database is a
   * copy of it (~0.3 s) instead of a fresh initdb (~4.5 s). Unset: no cache.
   */
  templateCache?: string;
  /**
   * Extensions shipped with PGlite to load, by `CREATE EXTENSION` name
   * (`hstore`, `pg_trgm`, `uuid-ossp`...): PGlite can only create
   * an extension whose code was loaded when the instance started.
   */
  extensions?: readonly string[];
  /**
   * Do not wait for the file system after each query: faster, and a crash
   * can lose the last transactions (for throwaway databases).
   */
  relaxedDurability?: boolean;
  /**
   * Server settings for this start (`-c name=value`), on top of PGlite's
   * own, e.g. `{ shared_buffers: "16MB" }`.
   */
  settings?: Readonly<Record<string, string>>;
  /**
   * With `memory://`: start from this data dir snapshot (`dumpDataDir`, an
   * uncompressed tarball of the same PGlite version) instead of running initdb.
   */
  loadDataDir?: Uint8Array;
}

/** A PGlite instance the caller owns (not closed by `close()`). */
export interface PGliteInstanceOptions {
  instance: PGlite;
}

export type PGliteDriverOptions = PGliteDirOptions | PGliteInstanceOptions;

type PGliteModule = typeof import("@electric-sql/pglite");
type QueryOptions = NonNullable<Parameters<PGlite["query"]>[2]>;
type Parsers = NonNullable<QueryOptions["parsers"]>;

const INT8_OID = 20;
const INT8_ARRAY_OID = 1016;

/**
 * A driver over PGlite (PostgreSQL in WASM, one connection per instance).
 * PGlite is imported when this is called. Opening a data dir takes a lock
 * file beside it (`<dataDir>.lock`): two processes on one data dir would
 * corrupt it, so a second opener waits (see `onWait`) and gives up after
 * `lockTimeoutMs` with `PitstopError` code `LOCK_TIMEOUT`. Driver calls and
 * sessions take turns on the one connection. `int8` comes back as a string,
 * as with node-postgres.
 *
 * @example
 * const driver = await createPGliteDriver({ dataDir: ".pitstop/db" });
 * try {
 *   await driver.exec("create table t (id int); insert into t values (1);");
 * } finally {
 *   await driver.close();
 * }
 */
export async function createPGliteDriver(options: PGliteDriverOptions): Promise<Driver> {
  const pglite = await import("@electric-sql/pglite");
  const parsers = sameAsPg(pglite);
  if ("instance" in options) {
    const where = options.instance.dataDir;
    const target =
      where === undefined || where === PGLITE_MEMORY ? "PGlite (instance)" : `PGlite at ${where}`;
    return new PGliteDriver(options.instance, target, parsers, undefined);
  }
  const extensions = await loadExtensions(options.extensions ?? []);
  const start: StartOptions = {
    extensions,
    relaxedDurability: options.relaxedDurability === true,
    settings: options.settings ?? {},
    ...(options.loadDataDir && options.dataDir === PGLITE_MEMORY
      ? { loadDataDir: options.loadDataDir }
      : {}),
  };
  if (options.dataDir === PGLITE_MEMORY) {
    const db = await open(pglite, undefined, "PGlite in memory", start);
    return new PGliteDriver(db, "PGlite in memory", parsers, { db, lock: undefined });
  }
  const target = `PGlite at ${options.dataDir}`;
  const dataDir = path.resolve(options.dataDir);
  refuseForeignDir(dataDir, options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lock = await acquireFileLock(`${dataDir}.lock`, {
    timeoutMs: options.lockTimeoutMs,
    onWait: options.onWait,
    what: `the PGlite data dir ${options.dataDir}`,
  });
  try {
    if (options.templateCache && isNewDataDir(dataDir))
      await seedDataDir(dataDir, options.templateCache);
    const db = await open(pglite, dataDir, target, start);
    return new PGliteDriver(db, target, parsers, { db, lock });
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * PGlite fills whatever folder it is given with PostgreSQL files: a data dir
 * must be missing, empty, or already one (it holds `PG_VERSION`).
 */
function refuseForeignDir(dataDir: string, shown: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    if (code === "ENOTDIR") {
      throw new PitstopError("PGLITE_OPEN", `the PGlite data dir ${shown} is a file`, {
        hint: "Point --data-dir (PITSTOP_DATA_DIR) at a new folder, e.g. .pitstop/db.",
        exitCode: 2,
      });
    }
    throw error;
  }
  if (entries.length === 0 || entries.includes("PG_VERSION")) return;
  throw new PitstopError(
    "PGLITE_OPEN",
    `${shown} is not a PGlite data dir (it holds other files, e.g. ${entries.sort()[0]}); pitstop will not fill it with database files`,
    {
      hint: "Point --data-dir (PITSTOP_DATA_DIR) at a new or empty folder, e.g. .pitstop/db.",
      exitCode: 2,
    },
  );
}

/** A compiled `WebAssembly.Module` (the lib settings here have no WebAssembly types). */
type WasmModule = object;
const wasm = (
  globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<WasmModule> } }
).WebAssembly;
let compiled: Promise<WasmModule | undefined> | undefined;

export interface WarmUpOptions {
  /**
   * Compile PGlite's WebAssembly with V8's baseline compiler (Liftoff) only,
   * never tiering up to the optimizing one (TurboFan). For a short-lived
   * instance that runs little SQL (a scratch database for a small schema):
   * optimizing PostgreSQL's hot functions on background threads costs more
   * CPU than it wins back, half of a small `diff` on 2 cores (bench/README.md).
   * Only this module is affected: the V8 flag is set for the compile call
   * and reset right after it.
   */
  readonly baseline?: boolean;
}

/**
 * Starts compiling PGlite's WebAssembly in the background, so that a later
 * open does not wait for it (call it before other start-up work). The first
 * call decides how it is compiled.
 *
 * @example
 * warmUp({ baseline: true }); // then read and parse files
 * const driver = await createPGliteDriver({ dataDir: "memory://" });
 */
export function warmUp(options: WarmUpOptions = {}): void {
  compiled ??= (async () => {
    const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    const bytes = await fs.promises.readFile(path.join(path.dirname(entry), "pglite.wasm"));
    if (!options.baseline || liftoffOnlyGiven()) return wasm.compile(bytes);
    // V8 reads the flag when a compile starts: set for this call only.
    setV8Flag("--liftoff-only");
    try {
      return wasm.compile(bytes);
    } finally {
      setV8Flag("--no-liftoff-only");
    }
  })().catch(() => undefined);
}

/** The user ran node with `--liftoff-only` already: leave the flag as they set it. */
function liftoffOnlyGiven(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) =>
    a.includes("liftoff-only"),
  );
}

function setV8Flag(flag: string): void {
  try {
    setFlagsFromString(flag);
  } catch {
    // A runtime without the flag: compiled as usual.
  }
}

interface StartOptions {
  extensions: Record<string, unknown>;
  relaxedDurability: boolean;
  settings: Readonly<Record<string, string>>;
  loadDataDir?: Uint8Array;
}

async function open(
  pglite: PGliteModule,
  dataDir: string | undefined,
  target: string,
  start: StartOptions,
): Promise<PGlite> {
  const pgliteWasmModule = compiled === undefined ? undefined : await compiled;
  const settings = Object.entries(start.settings).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
  try {
    return await pglite.PGlite.create(dataDir, {
      ...(Object.keys(start.extensions).length > 0
        ? { extensions: start.extensions as never }
        : {}),
      ...(start.relaxedDurability ? { relaxedDurability: true } : {}),
      ...(start.loadDataDir ? { loadDataDir: new Blob([start.loadDataDir]) } : {}),
      ...(pgliteWasmModule ? { pgliteWasmModule: pgliteWasmModule as never } : {}),
      ...(settings.length > 0
        ? { startParams: [...pglite.PGlite.defaultStartParams, ...settings] }
        : {}),
    });
  } catch (error) {
    throw new PitstopError("PGLITE_OPEN", `cannot open ${target}: ${(error as Error).message}`, {
      hint: "The directory must be empty or a PGlite data directory of this PGlite version; move it away to start afresh.",
      cause: error,
    });
  }
}

/** Extensions PGlite ships as `@electric-sql/pglite/contrib/<name>`. */
const PGLITE_EXTENSIONS = new Set(
  (
    "amcheck auto_explain bloom btree_gin btree_gist citext cube dict_int dict_xsyn earthdistance " +
    "file_fdw fuzzystrmatch hstore intarray isn lo ltree moddatetime pageinspect pg_buffercache " +
    "pg_freespacemap pg_stat_statements pg_surgery pg_trgm pg_visibility pg_walinspect pgcrypto seg " +
    "tablefunc tcn tsm_system_rows tsm_system_time unaccent uuid_ossp"
  ).split(" "),
);

/** Whether PGlite can load this extension (by its `CREATE EXTENSION` name). */
export function pgliteHasExtension(name: string): boolean {
  return PGLITE_EXTENSIONS.has(name.replaceAll("-", "_"));
}

async function loadExtensions(names: readonly string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const id = name.replaceAll("-", "_");
    // Built into every database: nothing to load.
    if (id === "plpgsql") continue;
    if (!PGLITE_EXTENSIONS.has(id)) {
      throw new PitstopError("PGLITE_EXTENSION", `PGlite does not ship the extension ${name}`, {
        hint: "Use a PostgreSQL server that has it (for the declarative commands: --dev-url).",
      });
    }
    const mod = (await import(`@electric-sql/pglite/contrib/${id}`)) as Record<string, unknown>;
    out[id] = mod[id];
  }
  return out;
}

/** node-postgres returns int8 as a string (it can exceed 2^53); PGlite as a number. Align on pg. */
function sameAsPg(pglite: PGliteModule): Parsers {
  const asText = (value: string) => value;
  return {
    [INT8_OID]: asText,
    [INT8_ARRAY_OID]: (value: string) => pglite.types.arrayParser(value, asText, INT8_ARRAY_OID),
  };
}

interface Owned {
  db: PGlite;
  lock: FileLock | undefined;
}

class PGliteDriver implements Driver {
  readonly dialect = "pglite" as const;
  readonly target: string;
  readonly #db: PGlite;
  readonly #parsers: Parsers;
  readonly #owned: Owned | undefined;
  readonly #mutex: Mutex;
  #closed = false;

  constructor(db: PGlite, target: string, parsers: Parsers, owned: Owned | undefined) {
    this.#db = db;
    this.target = target;
    this.#parsers = parsers;
    this.#owned = owned;
    this.#mutex = new Mutex(target);
  }

  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> {
    return this.#turn(() => runQuery<R>(this.#db, sql, params, this.#parsers));
  }

  exec(sql: string): Promise<void> {
    return this.#turn(() => runExec(this.#db, sql));
  }

  copyFrom(sql: string, data: string): Promise<number> {
    return this.#turn(() => runCopyFrom(this.#db, sql, data));
  }

  session<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    return this.#turn(async () => {
      const session = new PGliteSession(this.#db, this.target, this.#parsers);
      try {
        return await fn(session);
      } catch (error) {
        // The connection outlives the session: don't leave it in a transaction or holding locks.
        await this.#db.exec("ROLLBACK; SELECT pg_advisory_unlock_all()").catch(() => {});
        throw error;
      } finally {
        session.end();
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const owned = this.#owned;
    if (owned === undefined) return;
    await this.#mutex.run(async () => {
      try {
        if (!owned.db.closed) await owned.db.close();
      } finally {
        owned.lock?.release();
      }
    });
  }

  #turn<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#closed) {
      return Promise.reject(
        new PitstopError("DRIVER_CLOSED", `the driver for ${this.target} is closed`),
      );
    }
    return this.#mutex.run(fn);
  }
}

class PGliteSession implements Queryable {
  readonly #target: string;
  readonly #parsers: Parsers;
  #db: PGlite | undefined;

  constructor(db: PGlite, target: string, parsers: Parsers) {
    this.#db = db;
    this.#target = target;
    this.#parsers = parsers;
  }

  async query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> {
    return runQuery<R>(this.#live(), sql, params, this.#parsers);
  }

  async exec(sql: string): Promise<void> {
    return runExec(this.#live(), sql);
  }

  async copyFrom(sql: string, data: string): Promise<number> {
    return runCopyFrom(this.#live(), sql, data);
  }

  end(): void {
    this.#db = undefined;
  }

  #live(): PGlite {
    if (this.#db === undefined) {
      throw new PitstopError(
        "SESSION_ENDED",
        `a session on ${this.#target} was used after session() returned`,
        {
          hint: "Keep uses of the session inside the function passed to driver.session().",
        },
      );
    }
    return this.#db;
  }
}

async function runQuery<R extends object>(
  db: PGlite,
  sql: string,
  params: readonly unknown[] | undefined,
  parsers: Parsers,
): Promise<QueryResult<R>> {
  try {
    const result = await db.query<R>(sql, params === undefined ? [] : [...params], { parsers });
    return { rows: result.rows, rowCount: result.rowCount ?? null };
  } catch (error) {
    throw convertError(error);
  }
}

async function runExec(db: PGlite, sql: string): Promise<void> {
  try {
    await db.exec(sql);
  } catch (error) {
    throw convertError(error);
  }
}

/** PGlite has no COPY sub-protocol: the data goes in as a Blob read through its `/dev/blob` device. */
async function runCopyFrom(db: PGlite, sql: string, data: string): Promise<number> {
  const stdin = findCopyFromStdin(sql);
  const fromBlob = `${sql.slice(0, stdin.start)}'/dev/blob'${sql.slice(stdin.end)}`;
  try {
    const result = await db.query(fromBlob, [], { blob: new Blob([stripCopyTerminator(data)]) });
    return result.rowCount ?? result.affectedRows ?? 0;
  } catch (error) {
    throw convertError(error);
  }
}

function convertError(error: unknown): unknown {
  return isServerError(error) ? toDatabaseError(error) : error;
}
