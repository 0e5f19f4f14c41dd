import { createHash, randomBytes } from "node:crypto";
import os from "node:os";
import { PitstopError } from "../core/errors.js";
import { maskUrl } from "../driver/connect.js";
import { DatabaseError, type Driver, type Queryable, SQLSTATE } from "../driver/driver.js";
import { createPgDriver } from "../driver/pg.js";
import { quoteIdent } from "../store/sql-text.js";
import { applyRecipe, type Recipe } from "./recipe.js";

/** Templates: `pitstop_tpl_<origin>_<checksum>`; one per recipe, kept on the server across runs. */
const TEMPLATE_PREFIX = "pitstop_tpl_";
/** Ready clones of a template, claimable by any process: `pitstop_p_<checksum>_<random>`. */
const POOL_PREFIX = "pitstop_p_";
/** A test's database: `pitstop_t_<host>_<pid>_<n>`, so a dead process's ones can be swept. */
const TEST_PREFIX = "pitstop_t_";
/** A template being built (only ever under the lock). */
const BUILD_PREFIX = "pitstop_b_";
/** Server connections close after this long without use, so no process is kept alive by them. */
const IDLE_CLOSE_MS = 1_000;
const TEMPLATE_LOCK = createHash("sha256")
  .update("pitstop:test-templates")
  .digest()
  .readBigInt64BE(0)
  .toString();
const HOST_TAG = createHash("sha256").update(os.hostname()).digest("hex").slice(0, 6);

export interface ServerCreateOptions {
  /** Clones kept ready per template (shared by every process using the server). */
  pool: number;
}

/** What the server path hands out; wrapped into a TestDatabase by the caller. */
export interface ServerDatabase {
  readonly name: string;
  readonly url: string;
  /** Whether it came ready from the pool (else it was cloned while the caller waited). */
  readonly fromPool: boolean;
}

/**
 * Test databases on one PostgreSQL server. The template for a recipe is
 * built once, under an advisory lock, so processes (vitest workers) starting
 * together build it once; later each test's database is a clone (CREATE
 * DATABASE ... TEMPLATE), usually one made ahead into the shared pool.
 */
export class ServerDatabases {
  readonly #adminUrl: string;
  /** Claims, drops and the template lock. */
  #admin: Driver | undefined;
  /** Fills the pool in the background, beside the admin connection. */
  #filler: Driver | undefined;
  readonly #templates = new Map<string, Promise<string>>();
  readonly #filling = new Set<string>();
  #seq = 0;
  #busy = 0;
  #idleTimer: NodeJS.Timeout | undefined;
  #swept = false;
  #closed = false;

  constructor(adminUrl: string) {
    this.#adminUrl = adminUrl;
  }

  /** A new database with the recipe applied. */
  async create(recipe: Recipe, options: ServerCreateOptions): Promise<ServerDatabase> {
    return this.#use(async () => {
      const name = `${TEST_PREFIX}${HOST_TAG}_${process.pid}_${++this.#seq}`;
      let template = await this.#template(recipe);
      let fromPool = await this.#claim(recipe, name);
      if (!fromPool) {
        try {
          await this.#clone(template, name, this.#adminDriver());
        } catch (error) {
          // Another run replaced the template (a migration changed): build it again, once.
          if (!isMissingDatabase(error)) throw error;
          this.#templates.delete(recipe.checksum);
          template = await this.#template(recipe);
          fromPool = await this.#claim(recipe, name);
          if (!fromPool) await this.#clone(template, name, this.#adminDriver());
        }
      }
      if (options.pool > 0) this.#fill(recipe, template, options.pool);
      this.#sweep();
      return { name, url: databaseUrl(this.#adminUrl, name), fromPool };
    });
  }

  /** Drops a test's database (closing what is still connected to it). */
  async drop(name: string): Promise<void> {
    await this.#use(() =>
      this.#adminDriver().exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
    );
  }

  /** Closes the server connections and stops filling the pool. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#disconnect();
  }

  /** Closes the connections; the next call opens them again. */
  async #disconnect(): Promise<void> {
    clearTimeout(this.#idleTimer);
    const drivers = [this.#admin, this.#filler];
    this.#admin = undefined;
    this.#filler = undefined;
    await Promise.all(drivers.map((d) => d?.close()));
  }

  /** The template's name, built (once across processes) when it does not exist yet. */
  #template(recipe: Recipe): Promise<string> {
    let pending = this.#templates.get(recipe.checksum);
    if (pending === undefined) {
      pending = this.#ensureTemplate(recipe);
      pending.catch(() => this.#templates.delete(recipe.checksum));
      this.#templates.set(recipe.checksum, pending);
    }
    return pending;
  }

  async #ensureTemplate(recipe: Recipe): Promise<string> {
    const name = templateName(recipe);
    const admin = this.#adminDriver();
    if (await exists(admin, name)) return name;
    return admin.session(async (s) => {
      await s.query("SELECT pg_advisory_lock($1::bigint)", [TEMPLATE_LOCK]);
      try {
        // Another process may have built it while we waited for the lock.
        if (await exists(s, name)) return name;
        await dropReplaced(s, recipe, name);
        const build = `${BUILD_PREFIX}${recipe.checksum.slice(0, 16)}`;
        await s.exec(`DROP DATABASE IF EXISTS ${quoteIdent(build)} WITH (FORCE)`);
        await s.exec(`CREATE DATABASE ${quoteIdent(build)}`);
        const driver = await createPgDriver({
          url: databaseUrl(this.#adminUrl, build),
          applicationName: "pitstop-test-template",
        });
        try {
          await applyRecipe(driver, recipe);
        } catch (error) {
          await driver.close();
          await s.exec(`DROP DATABASE IF EXISTS ${quoteIdent(build)} WITH (FORCE)`).catch(() => {});
          throw error;
        }
        await driver.close();
        await s.exec(`ALTER DATABASE ${quoteIdent(build)} RENAME TO ${quoteIdent(name)}`);
        // Nobody connects to a template by mistake: a connection would make every clone fail.
        // Best effort: its owner (this user) can clone it without the mark.
        await s
          .exec(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`)
          .catch(() => {});
        return name;
      } finally {
        await s.query("SELECT pg_advisory_unlock($1::bigint)", [TEMPLATE_LOCK]).catch(() => {});
      }
    });
  }

  /** Takes a ready clone from the pool by renaming it: the rename succeeds for one process only. */
  async #claim(recipe: Recipe, name: string): Promise<boolean> {
    const admin = this.#adminDriver();
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname",
      [poolPrefix(recipe)],
    );
    for (const { datname } of rows) {
      try {
        await admin.exec(`ALTER DATABASE ${quoteIdent(datname)} RENAME TO ${quoteIdent(name)}`);
        return true;
      } catch (error) {
        if (isMissingDatabase(error)) continue;
        throw error;
      }
    }
    return false;
  }

  /**
   * The server's default strategy (WAL_LOG on 15+): measured here, FILE_COPY
   * is a few ms faster on a RAM disk but twice as slow on a real one, and the
   * pool hides the difference anyway (bench/testdb).
   */
  async #clone(template: string, name: string, driver: Driver): Promise<void> {
    await driver.exec(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
  }

  /** Tops the shared pool up to `size` ready clones, in the background, one at a time. */
  #fill(recipe: Recipe, template: string, size: number): void {
    if (this.#filling.has(recipe.checksum)) return;
    this.#filling.add(recipe.checksum);
    this.#use(async () => {
      try {
        while (!this.#closed) {
          const filler = this.#fillerDriver();
          const { rows } = await filler.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_database WHERE starts_with(datname, $1)",
            [poolPrefix(recipe)],
          );
          if (rows[0]!.n >= size) return;
          const name = `${poolPrefix(recipe)}${randomBytes(4).toString("hex")}`;
          await this.#clone(template, name, filler);
        }
      } finally {
        this.#filling.delete(recipe.checksum);
      }
    }).catch(() => {
      // The pool is an optimization: a failed refill only means the next clone is made on demand.
    });
  }

  /** Once per process: drop test databases left by processes of this host that died. */
  #sweep(): void {
    if (this.#swept) return;
    this.#swept = true;
    this.#use(async () => {
      const filler = this.#fillerDriver();
      const { rows } = await filler.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
        [`${TEST_PREFIX}${HOST_TAG}_`],
      );
      for (const { datname } of rows) {
        const pid = Number(datname.slice(TEST_PREFIX.length + HOST_TAG.length + 1).split("_")[0]);
        if (Number.isInteger(pid) && !isAlive(pid)) await dropQuietly(filler, datname);
      }
    }).catch(() => {});
  }

  #adminDriver(): Driver {
    this.#admin ??= lazyDriver(this.#adminUrl, "pitstop-test-admin");
    return this.#admin;
  }

  #fillerDriver(): Driver {
    this.#filler ??= lazyDriver(this.#adminUrl, "pitstop-test-pool");
    return this.#filler;
  }

  /** Counts work in flight; the connections close once nothing has run for a while. */
  async #use<T>(fn: () => Promise<T>): Promise<T> {
    clearTimeout(this.#idleTimer);
    this.#busy++;
    try {
      return await fn();
    } finally {
      if (--this.#busy === 0) {
        this.#idleTimer = setTimeout(() => {
          if (this.#busy === 0) this.#disconnect().catch(() => {});
        }, IDLE_CLOSE_MS);
        this.#idleTimer.unref();
      }
    }
  }
}

/** A driver whose module loads now but whose connection opens on first use. */
function lazyDriver(url: string, applicationName: string): Driver {
  let driver: Promise<Driver> | undefined;
  const get = () => {
    driver ??= createPgDriver({ url, applicationName });
    return driver;
  };
  return {
    dialect: "postgres",
    target: maskUrl(url),
    query: async (sql, params) => (await get()).query(sql, params),
    exec: async (sql) => (await get()).exec(sql),
    copyFrom: async (sql, data) => (await get()).copyFrom(sql, data),
    session: async (fn) => (await get()).session(fn),
    close: async () => {
      if (driver !== undefined) await (await driver).close();
    },
  } as Driver;
}

/** Templates of the same migrations folder with other contents, and their pools: out of date. */
async function dropReplaced(admin: Queryable, recipe: Recipe, current: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2",
    [`${TEMPLATE_PREFIX}${recipe.origin.slice(0, 8)}_`, current],
  );
  for (const { datname } of rows) {
    const checksum = datname.slice(-16);
    const pool = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [`${POOL_PREFIX}${checksum}_`],
    );
    for (const p of pool.rows) await dropQuietly(admin, p.datname);
    await admin
      .exec(`ALTER DATABASE ${quoteIdent(datname)} WITH IS_TEMPLATE false`)
      .catch(() => {});
    await dropQuietly(admin, datname);
  }
}

function templateName(recipe: Recipe): string {
  return `${TEMPLATE_PREFIX}${recipe.origin.slice(0, 8)}_${recipe.checksum.slice(0, 16)}`;
}

function poolPrefix(recipe: Recipe): string {
  return `${POOL_PREFIX}${recipe.checksum.slice(0, 16)}_`;
}

async function exists(db: Pick<Driver, "query">, name: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return rows.length > 0;
}

async function dropQuietly(db: Pick<Queryable, "exec">, name: string): Promise<void> {
  await db.exec(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => {});
}

function isMissingDatabase(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === SQLSTATE.invalidCatalogName;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server URL with another database name. */
export function databaseUrl(url: string, database: string): string {
  try {
    const u = new URL(url);
    u.pathname = `/${encodeURIComponent(database)}`;
    return u.toString();
  } catch (error) {
    throw new PitstopError("USAGE", "the test server URL does not parse", {
      hint: "Give a URL like postgres://postgres@127.0.0.1:5432/postgres.",
      cause: error,
      exitCode: 2,
    });
  }
}
