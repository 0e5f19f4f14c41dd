import fs from "node:fs";
import path from "node:path";
import { DatabaseError, type Driver } from "../../driver/driver.js";
import { inspectInTransaction } from "../../inspect/inspect.js";
import {
  FRESH_COPY_ABOVE,
  OUT_OF_SHARED_MEMORY,
  pgliteTemplate,
  relationCount,
  resetDatabase,
} from "../scratch.js";
import { WARM_UP_SQL } from "./warm-up.js";

/** Shared buffers of the process's PGlite. */
const WARM_SHARED_BUFFERS = "32MB";

/**
 * The warm scratch process's PGlite: in memory, started from a tarball of
 * the project's cached data dir, with the extensions its clients needed so
 * far, warmed up before the first client and emptied after each.
 *
 * @example
 * const held = await HeldDatabase.start(".pitstop/cache", [], console.log);
 * await held.load(["pg_trgm"]);
 * await held.driver.exec("CREATE TABLE t ()");
 * await held.empty();
 */
export class HeldDatabase {
  #driver: Driver;
  #extensions: Set<string>;
  readonly #cacheDir: string;
  readonly #log: (line: string) => void;

  private constructor(
    driver: Driver,
    extensions: Set<string>,
    cacheDir: string,
    log: (line: string) => void,
  ) {
    this.#driver = driver;
    this.#extensions = extensions;
    this.#cacheDir = cacheDir;
    this.#log = log;
  }

  static async start(
    cacheDir: string,
    extensions: readonly string[],
    log: (line: string) => void,
  ): Promise<HeldDatabase> {
    const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
    let t = performance.now();
    const set = new Set(extensions);
    const driver = await open(cacheDir, set, log);
    log(`PGlite started in ${since(t)} (extensions: ${[...set].join(", ") || "none"})`);
    t = performance.now();
    await warmUp(driver);
    log(`warmed up in ${since(t)}`);
    return new HeldDatabase(driver, set, cacheDir, log);
  }

  get driver(): Driver {
    return this.#driver;
  }

  get extensions(): ReadonlySet<string> {
    return this.#extensions;
  }

  /** Makes sure these extensions can be created: PGlite loads their code only at start. */
  async load(extensions: readonly string[]): Promise<void> {
    const wanted = extensions.filter((e) => !this.#extensions.has(e));
    if (wanted.length === 0) return;
    this.#extensions = new Set([...this.#extensions, ...wanted]);
    this.#log(`restarting PGlite with ${wanted.join(", ")}`);
    await this.restart();
  }

  /** Empty, as a new scratch database: dropping thousands of objects costs more than a restart. */
  async empty(): Promise<void> {
    const db = this.#driver;
    await db.exec("ROLLBACK").catch(() => {});
    await db.exec("DISCARD ALL");
    if ((await relationCount(db)) > FRESH_COPY_ABOVE) return this.restart();
    try {
      await resetDatabase(db);
    } catch (error) {
      if (!(error instanceof DatabaseError) || error.code !== OUT_OF_SHARED_MEMORY) throw error;
      await this.restart();
    }
  }

  async restart(): Promise<void> {
    await this.#driver.close().catch(() => {});
    this.#driver = await open(this.#cacheDir, this.#extensions, this.#log);
  }

  close(): Promise<void> {
    return this.#driver.close().catch(() => {});
  }
}

async function open(
  cacheDir: string,
  extensions: ReadonlySet<string>,
  log: (line: string) => void,
): Promise<Driver> {
  const { createPGliteDriver, PGLITE_MEMORY, pgliteVersion } = await import(
    "../../driver/pglite.js"
  );
  let tarball: Uint8Array | undefined;
  try {
    // Read again on a restart rather than kept: 40 MB.
    tarball = await cachedSnapshot(cacheDir, pgliteVersion());
  } catch (error) {
    log(`no snapshot of the cached data dir (${(error as Error).message}): initdb instead`);
  }
  return createPGliteDriver({
    dataDir: PGLITE_MEMORY,
    relaxedDurability: true,
    extensions: [...extensions],
    // The default 128 MB holds far more than a scratch schema needs: ~200 MB less
    // memory for the process, loads as fast (bench/README.md, bench/diff).
    settings: { shared_buffers: WARM_SHARED_BUFFERS },
    ...(tarball ? { loadDataDir: tarball } : {}),
  });
}

/**
 * A few loads and inspections of a small schema, rolled back: V8 optimizes
 * PGlite's hot code (parser, catalog, planner) before the first client.
 */
async function warmUp(db: Driver): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await db.session(async (s) => {
      await s.exec("BEGIN");
      try {
        await s.exec(WARM_UP_SQL);
        await inspectInTransaction(s);
      } finally {
        await s.exec("ROLLBACK");
      }
    });
  }
}

/**
 * The project's initialized data dir as a tarball, kept beside it (made once,
 * ~40 MB): an in-memory PGlite starts from it in about a second, without initdb.
 */
async function cachedSnapshot(cacheDir: string, version: string): Promise<Uint8Array> {
  const file = path.join(cacheDir, `pglite-${version}.tar`);
  try {
    return fs.readFileSync(file);
  } catch {
    // Made below.
  }
  const { snapshotDataDir } = await import("../../driver/pglite-snapshot.js");
  const snapshot = await snapshotDataDir(await pgliteTemplate(cacheDir));
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, snapshot);
  fs.renameSync(temp, file);
  return snapshot;
}
