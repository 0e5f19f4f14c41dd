import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PitstopError } from "../core/errors.js";
import { DatabaseError, type Driver, type Queryable } from "../driver/driver.js";

/** Relations above which emptying the PGlite scratch database is slower than opening a fresh copy. */
export const FRESH_COPY_ABOVE = 1000;

/**
 * Inputs up to this many characters of SQL (both sides together) are
 * "small": the PGlite scratch then runs on baseline-compiled WebAssembly and
 * small shared buffers. Measured: half the CPU for 58 tables (2 x 48 KB),
 * a third less for 208 tables (2 x 166 KB); at 1,032 tables (2 x 830 KB)
 * optimized code loads ~20% faster (bench/README.md).
 */
export const SMALL_INPUT_CHARS = 512 * 1024;

/** Shared buffers for a small scratch: initializing PGlite's default 128 MB is a good part of its start. */
const SMALL_SHARED_BUFFERS = "16MB";

/** SQLSTATE 53200: the lock table is full. */
export const OUT_OF_SHARED_MEMORY = "53200";

/** Where the initialized PGlite data dir is kept between runs (one per PGlite version). */
export const DEFAULT_CACHE_DIR = ".pitstop/cache";

export interface ScratchOptions {
  /**
   * A PostgreSQL server to use instead of PGlite: pitstop creates a
   * temporary database there and drops it at the end.
   */
  readonly devUrl?: string;
  /** Cache for PGlite's initialized data dir (default `.pitstop/cache`). */
  readonly cacheDir?: string;
  /** Extensions the inputs create (PGlite loads their code at start). */
  readonly extensions?: readonly string[];
  /**
   * Roles the inputs grant to or name in policies: created (NOLOGIN) in a
   * PGlite scratch database, which starts with none. A server scratch has
   * the server's roles.
   */
  readonly roles?: readonly string[];
  /**
   * How much SQL the inputs hold (characters), when known: up to
   * `SMALL_INPUT_CHARS` PGlite is started for a short run (see there).
   */
  readonly inputChars?: number;
}

/** Whether inputs of this size make a short PGlite run (baseline WebAssembly, small buffers). */
export function isSmallInput(chars: number | undefined): boolean {
  return chars !== undefined && chars <= SMALL_INPUT_CHARS;
}

/** An empty database to load schemas into, thrown away on `close()`. */
export interface Scratch {
  /** The database now (`reset()` may replace it with a fresh one). */
  readonly driver: Driver;
  /** What it is, for messages: `PGlite (scratch)`, `temporary database x on host`. */
  readonly description: string;
  /** A warm scratch process's database (src/declarative/warm-scratch), which others use too. */
  readonly warm?: boolean;
  /** Back to empty: every schema dropped, `public` recreated. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a scratch database: a copy of a cached, initialized PGlite data dir
 * (initdb costs seconds; a copy and open well under one), or a temporary
 * database on `devUrl`.
 *
 * @example
 * const scratch = await openScratch({});
 * try { await scratch.driver.exec(sql); } finally { await scratch.close(); }
 */
export async function openScratch(options: ScratchOptions = {}): Promise<Scratch> {
  if (options.devUrl) return openServerScratch(options.devUrl);
  return openPGliteScratch(options);
}

async function openPGliteScratch(options: ScratchOptions): Promise<Scratch> {
  const { createPGliteDriver, warmUp } = await import("../driver/pglite.js");
  const small = isSmallInput(options.inputChars);
  warmUp({ baseline: small });
  const template = await pgliteTemplate(options.cacheDir ?? DEFAULT_CACHE_DIR);
  let root: string | undefined;
  let copies = 0;
  const connect = async (dataDir: string, lockTimeoutMs?: number): Promise<Driver> =>
    createPGliteDriver({
      dataDir,
      relaxedDurability: true,
      ...(small ? { settings: { shared_buffers: SMALL_SHARED_BUFFERS } } : {}),
      ...(lockTimeoutMs !== undefined ? { lockTimeoutMs } : {}),
      ...(options.extensions && options.extensions.length > 0
        ? { extensions: options.extensions }
        : {}),
    });
  const withRoles = async (db: Driver): Promise<Driver> => {
    if (options.roles && options.roles.length > 0) await createRoles(db, options.roles);
    return db;
  };
  /** A fresh copy of the template in a temp folder, removed on close. */
  const open = async (): Promise<Driver> => {
    root ??= fs.mkdtempSync(path.join(os.tmpdir(), "pitstop-scratch-"));
    const dataDir = path.join(root, `db${++copies}`);
    fs.cpSync(template, dataDir, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
    return withRoles(await connect(dataDir));
  };
  const cleanup = () => {
    if (root !== undefined) fs.rmSync(root, { recursive: true, force: true });
  };
  let driver: Driver;
  /** Set while `driver` is the reusable data dir. */
  let reusable: string | undefined;
  const removals: Promise<void>[] = [];
  /** Closes the driver; a reusable data dir left too full to empty quickly goes (in the background). */
  const release = async (full: boolean) => {
    await driver.close();
    if (reusable !== undefined && full)
      removals.push(fs.promises.rm(reusable, { recursive: true, force: true }));
    reusable = undefined;
  };
  try {
    const kept = await openReusable(template, connect);
    if (kept !== undefined) {
      driver = await withRoles(kept.driver);
      reusable = kept.dataDir;
    } else driver = await open();
  } catch (error) {
    cleanup();
    throw error;
  }
  return {
    get driver() {
      return driver;
    },
    description: "an in-process PGlite database",
    reset: async () => {
      const fresh = async () => {
        await release(true);
        driver = await open();
      };
      // Dropping thousands of objects is slower than a fresh copy, and in one
      // transaction it exhausts the lock table.
      if ((await relationCount(driver)) > FRESH_COPY_ABOVE) return fresh();
      try {
        await resetDatabase(driver);
      } catch (error) {
        if (!(error instanceof DatabaseError) || error.code !== OUT_OF_SHARED_MEMORY) throw error;
        await fresh();
      }
    },
    close: async () => {
      try {
        const full = reusable !== undefined && (await relationCount(driver)) > FRESH_COPY_ABOVE;
        await release(full);
      } finally {
        cleanup();
        await Promise.all(removals);
      }
    },
  };
}

export async function relationCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_class WHERE oid >= 16384",
  );
  return rows[0]?.n ?? 0;
}

/**
 * The project's reusable scratch data dir (beside the template), emptied:
 * copying the template (~1,000 files) and removing the copy afterwards cost
 * more than emptying a database that held a small schema. Undefined when
 * another process has it open, or it held too much to empty quickly (then
 * it is refreshed for the next run) or does not open (then it is removed).
 */
async function openReusable(
  template: string,
  connect: (dataDir: string, lockTimeoutMs?: number) => Promise<Driver>,
): Promise<{ driver: Driver; dataDir: string } | undefined> {
  const dataDir = `${template}-scratch`;
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    const building = fs.mkdtempSync(`${dataDir}.building-`);
    try {
      fs.cpSync(template, building, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
      fs.renameSync(building, dataDir);
    } catch {
      // Another process made it first (or the copy failed): use a temporary copy this time.
      fs.rmSync(building, { recursive: true, force: true });
      return undefined;
    }
  }
  let db: Driver;
  try {
    db = await connect(dataDir, 0);
  } catch (error) {
    if (error instanceof PitstopError && error.code === "LOCK_TIMEOUT") return undefined;
    // Left broken (a crash while it was written): start it afresh next time.
    fs.rmSync(dataDir, { recursive: true, force: true });
    return undefined;
  }
  try {
    if ((await relationCount(db)) <= FRESH_COPY_ABOVE) {
      await resetDatabase(db);
      return { driver: db, dataDir };
    }
  } catch {
    // Falls through: refreshed below.
  }
  await db.close().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
  return undefined;
}

/** Creates the roles that do not exist yet, without login. */
export async function createRoles(db: Driver, roles: readonly string[]): Promise<void> {
  const list = roles.map((r) => `'${r.replaceAll("'", "''")}'`).join(", ");
  await db.exec(`
DO $roles$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY[${list}]::text[] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$roles$`);
}

/** The cached template for the installed PGlite, built atomically (temp sibling, then rename) when missing. */
export async function pgliteTemplate(cacheDir: string): Promise<string> {
  const { createPGliteDriver, pgliteVersion } = await import("../driver/pglite.js");
  const dir = path.resolve(cacheDir, `pglite-${pgliteVersion()}`);
  if (fs.existsSync(path.join(dir, "PG_VERSION"))) return dir;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const building = fs.mkdtempSync(`${dir}.building-`);
  try {
    // One initdb per machine: the project cache starts as a copy of the user-level one.
    const { defaultCacheDir } = await import("../driver/pglite-template.js");
    const driver = await createPGliteDriver({
      dataDir: building,
      templateCache: defaultCacheDir(),
    });
    await driver.close();
    fs.rmSync(`${building}.lock`, { force: true });
    fs.renameSync(building, dir);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    fs.rmSync(`${building}.lock`, { force: true });
    // Another process finished first: theirs is as good as ours.
    if (fs.existsSync(path.join(dir, "PG_VERSION"))) return dir;
    throw error;
  }
  return dir;
}

async function openServerScratch(devUrl: string): Promise<Scratch> {
  const { createPgDriver } = await import("../driver/pg.js");
  const { maskUrl } = await import("../driver/connect.js");
  const admin = await createPgDriver({ url: devUrl, applicationName: "pitstop" });
  const base = `pitstop_scratch_${process.pid}_${randomBytes(4).toString("hex")}`;
  let copies = 0;
  let name = "";
  const open = async (): Promise<Driver> => {
    name = `${base}_${++copies}`;
    await admin.exec(`CREATE DATABASE ${name}`);
    const url = new URL(devUrl);
    url.pathname = `/${name}`;
    try {
      return await createPgDriver({ url: url.toString(), applicationName: "pitstop" });
    } catch (error) {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      throw error;
    }
  };
  const drop = async (d: Driver, db: string) => {
    await d.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  };
  let driver: Driver;
  try {
    driver = await open();
  } catch (error) {
    await admin.close();
    throw error;
  }
  return {
    get driver() {
      return driver;
    },
    description: `a temporary database on ${maskUrl(devUrl)}`,
    // A new database is as cheap as emptying one on a server, and never runs out of locks.
    reset: async () => {
      const old = name;
      await drop(driver, old);
      driver = await open();
    },
    close: async () => {
      try {
        await drop(driver, name);
      } finally {
        await admin.close();
      }
    },
  };
}

/**
 * Empties a database: drops every non-system schema (with what is in them,
 * extensions included) and recreates `public` as a new database has it.
 * Roles are cluster-wide and stay.
 */
export async function resetDatabase(db: Queryable): Promise<void> {
  await db.exec("ROLLBACK").catch(() => {});
  await db.exec("RESET ALL");
  await db.exec(`
DO $reset$
DECLARE r record;
BEGIN
  FOR r IN SELECT nspname FROM pg_namespace
            WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION %I CASCADE', r.extname);
  END LOOP;
  IF current_setting('server_version_num')::int >= 140000 THEN
    CREATE SCHEMA public AUTHORIZATION pg_database_owner;
  ELSE
    CREATE SCHEMA public;
    GRANT CREATE ON SCHEMA public TO PUBLIC;
  END IF;
  GRANT USAGE ON SCHEMA public TO PUBLIC;
  COMMENT ON SCHEMA public IS 'standard public schema';
END
$reset$`);
}
