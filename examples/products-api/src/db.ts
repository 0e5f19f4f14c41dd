import type { Pool } from "pg";
import type { Driver } from "pg-pitstop";
import type { Config } from "./config.js";

/** What the repository needs from a database: pg's Pool, a pitstop Driver and PGlite all fit. */
export interface Db {
  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** The service's database: one pool for requests, and a pitstop driver over it for migrations. */
export interface Database {
  readonly db: Db;
  /** pitstop's view of the same connections: migrations, status. */
  readonly driver: Driver;
  /** Where it points, password masked. */
  readonly target: string;
  stats(): PoolStats;
  close(): Promise<void>;
}

export async function openDatabase(config: Config): Promise<Database> {
  const { createPgDriver, createPGliteDriver, maskUrl } = await import("pg-pitstop");
  if (config.dbUrl === undefined) {
    // One in-process connection: the embedded default for development and the demo.
    const driver = await createPGliteDriver({ dataDir: config.dataDir });
    return {
      db: driver,
      driver,
      target: driver.target,
      stats: () => ({ total: 1, idle: 1, waiting: 0 }),
      close: () => driver.close(),
    };
  }
  const pg = (await import("pg")).default;
  const pool: Pool = new pg.Pool({
    connectionString: config.dbUrl,
    // TLS by default, verifying the server; off only when asked (a private network, tests).
    ssl: config.dbDisableTls ? false : { rejectUnauthorized: true },
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: "products-api",
  });
  // An idle connection the server drops must not crash the process.
  pool.on("error", () => {});
  const target = maskUrl(config.dbUrl);
  const driver = await createPgDriver({ pool, target });
  return {
    db: pool,
    driver,
    target,
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      await driver.close();
      await pool.end();
    },
  };
}
