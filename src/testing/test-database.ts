import type { PGlite } from "@electric-sql/pglite";
import { UsageError } from "../core/errors.js";
import type { Driver } from "../driver/driver.js";
import { createPgDriver } from "../driver/pg.js";
import { defaultCacheDir, type PGliteDatabases, type PGliteIsolation } from "./pglite-databases.js";
import { type RecipeOptions, readRecipe } from "./recipe.js";
import type { ServerDatabases } from "./server-databases.js";
import { runningTestServer } from "./test-server.js";

/** Ready clones kept per template on a server (see `pool`). */
export const DEFAULT_POOL_SIZE = 2;

export interface CreateTestDatabaseOptions extends RecipeOptions {
  /**
   * A PostgreSQL server to make the database on (`postgres://...`, any
   * database of it; the user needs CREATEDB). Default:
   * `PITSTOP_TEST_DATABASE_URL`, else the server `pitstop test-server start`
   * runs for this project, else PGlite.
   */
  url?: string;
  /** `pglite` to use PGlite even when a server is configured; `postgres` to require one. */
  driver?: "postgres" | "pglite";
  /**
   * Server: clones made ahead in the background and kept ready on the server
   * for the next tests, shared by every process (default 2; 0 turns it off).
   */
  pool?: number;
  /**
   * PGlite: `transaction` (default) runs each test in a transaction on a
   * warm instance, rolled back by `drop()` (milliseconds); `snapshot` gives
   * each test an instance of its own loaded from the migrated snapshot (~1 s).
   */
  isolation?: PGliteIsolation;
  /** PGlite: where migrated snapshots are cached (default `PITSTOP_TEST_CACHE` or `<tmp>/pitstop-testdb`). */
  cacheDir?: string;
  /** Where `pitstop test-server start` left its state (default `.pitstop/test-server.json`). */
  testServerState?: string;
}

/** A brand-new database with every migration (and seed) applied, for one test. */
export interface TestDatabase extends AsyncDisposable {
  readonly kind: "postgres" | "pglite";
  /** A connection to it: `db.query(sql, params)`, `db.exec(script)`. */
  readonly db: Driver;
  /** Server: its URL, for your app's own pool or client. Undefined on PGlite. */
  readonly url: string | undefined;
  /** Server: the database's name. Undefined on PGlite. */
  readonly name: string | undefined;
  /** PGlite: the instance, for libraries that take one (drizzle, kysely...). */
  readonly pglite: PGlite | undefined;
  /** Whether it was ready ahead of time (a pooled clone, a warm PGlite instance). */
  readonly reused: boolean;
  /** Drops the database (server) or rolls the test back (PGlite). Safe to call twice. */
  drop(): Promise<void>;
}

const servers = new Map<string, ServerDatabases>();
const pglites = new Map<string, PGliteDatabases>();

/**
 * A brand-new database with all migrations (and optional seeds) applied.
 * On a server: the first call builds a template database once per
 * migrations checksum (across processes: safe when vitest runs files in
 * parallel), then every call is `CREATE DATABASE ... TEMPLATE`, usually
 * made ahead. On PGlite: a migrated snapshot is built once and each test runs
 * in a rolled-back transaction on a warm instance.
 *
 * @example
 * const t = await createTestDatabase({ migrations: "migrations", seeds: "seeds", seedEnv: "test" });
 * try {
 *   await t.db.query("INSERT INTO users (email) VALUES ($1)", ["a@example.com"]);
 * } finally {
 *   await t.drop();
 * }
 */
export async function createTestDatabase(
  options: CreateTestDatabaseOptions,
): Promise<TestDatabase> {
  const url = serverUrl(options);
  const recipe = await readRecipe(options);
  if (url !== undefined) {
    let backend = servers.get(url);
    if (backend === undefined) {
      const { ServerDatabases } = await import("./server-databases.js");
      backend = new ServerDatabases(url);
      servers.set(url, backend);
    }
    const made = await backend.create(recipe, { pool: options.pool ?? DEFAULT_POOL_SIZE });
    const db = await createPgDriver({ url: made.url, applicationName: "pitstop-test" });
    const server = backend;
    let dropped: Promise<void> | undefined;
    const drop = () => {
      dropped ??= db.close().then(() => server.drop(made.name));
      return dropped;
    };
    return {
      kind: "postgres",
      db,
      url: made.url,
      name: made.name,
      pglite: undefined,
      reused: made.fromPool,
      drop,
      [Symbol.asyncDispose]: drop,
    };
  }
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  let backend = pglites.get(cacheDir);
  if (backend === undefined) {
    const { PGliteDatabases } = await import("./pglite-databases.js");
    backend = new PGliteDatabases(cacheDir);
    pglites.set(cacheDir, backend);
  }
  const made = await backend.create(recipe, options.isolation ?? "transaction");
  return {
    kind: "pglite",
    db: made.db,
    url: undefined,
    name: undefined,
    pglite: made.pglite,
    reused: made.reused,
    drop: made.release,
    [Symbol.asyncDispose]: made.release,
  };
}

/**
 * Builds what `createTestDatabase(options)` starts from (the migrated PGlite
 * snapshot, cached on disk; or the template database on a server) before the
 * tests run, so the first test does not spend its timeout (vitest: 5 s) on
 * it. Call it in vitest's `globalSetup` with the options the tests use.
 *
 * @example
 * // test/global-setup.ts (vitest.config.ts: test.globalSetup: ["test/global-setup.ts"])
 * import { prepareTestDatabases } from "pg-pitstop/testing";
 * export default () => prepareTestDatabases({ migrations: "migrations" });
 */
export async function prepareTestDatabases(options: CreateTestDatabaseOptions): Promise<void> {
  try {
    const t = await createTestDatabase(options);
    await t.drop();
  } finally {
    await closeTestDatabases();
  }
}

/**
 * Closes the server connections and PGlite instances this process keeps for
 * test databases. Vitest needs no call (it ends its workers); call it in an
 * `after()` hook of runners that wait for the process to go idle.
 */
export async function closeTestDatabases(): Promise<void> {
  const all = [...servers.values(), ...pglites.values()];
  servers.clear();
  pglites.clear();
  await Promise.all(all.map((b) => b.close()));
}

function serverUrl(options: CreateTestDatabaseOptions): string | undefined {
  if (options.driver === "pglite") return undefined;
  const url =
    options.url ||
    process.env.PITSTOP_TEST_DATABASE_URL ||
    runningTestServer(options.testServerState)?.url;
  if (url === undefined && options.driver === "postgres") {
    throw new UsageError('createTestDatabase({ driver: "postgres" }) needs a server', {
      hint: "Pass url, set PITSTOP_TEST_DATABASE_URL, or start one with `npx pitstop test-server start`.",
    });
  }
  return url;
}
