import type { Duration } from "./core/duration.js";

/** `pitstop.config.ts`: everything here can also come from flags and environment variables. */
export interface PitstopConfig {
  /** Database URL (`postgres://...`); unset = the embedded PGlite database. Env: DATABASE_URL. */
  database?: string;
  /** Migrations folder (default `migrations`). Env: PITSTOP_DIR. */
  dir?: string;
  /**
   * The migrations folder's format (default: detected from the files).
   * Flag: --dir-format; env: PITSTOP_DIR_FORMAT.
   */
  dirFormat?: "pitstop" | "golang-migrate" | "goose" | "dbmate";
  /** @deprecated The old name of `dirFormat` (read like `lint --format`); still read, with a note. */
  format?: "pitstop" | "golang-migrate" | "goose" | "dbmate";
  /**
   * Where the history table lives (default `public.pitstop_migrations`).
   * Flags: --history-schema, --history-table; env: PITSTOP_HISTORY_SCHEMA, PITSTOP_HISTORY_TABLE.
   */
  history?: { schema?: string; table?: string };
  /** Wait for another process's migration lock (default `60s`). */
  lockTimeout?: Duration;
  /** `lock_timeout` for each migration's DDL (default `5s`, `0` turns it off). */
  ddlLockTimeout?: Duration;
  /** `statement_timeout` for migration statements (default off). */
  statementTimeout?: Duration;
  /** Retries after a DDL lock timeout (default 3). */
  lockRetries?: number;
  /**
   * Between migrations (and statements of a statement-by-statement one), wait
   * while any streaming replica replays more than this far behind (default
   * off). Env: PITSTOP_MAX_REPLICA_LAG.
   */
  maxReplicaLag?: Duration;
  /** Give up waiting for replicas after this long (default `10m`). Env: PITSTOP_REPLICA_LAG_TIMEOUT. */
  replicaLagTimeout?: Duration;
  /**
   * The migration lock (default `"auto"`): `"advisory"` (a session advisory
   * lock), `"table"` (a lease row in `<history table>_lock`, checked inside
   * every migration's transaction: right behind a transaction pooler such as
   * PgBouncer), or `"auto"`: advisory on a direct connection, table when a
   * pooler is detected. Env: PITSTOP_LOCKER.
   */
  locker?: "auto" | "advisory" | "table";
  /**
   * The table locker's lease (default `30s`, at least `1s`): how long a run
   * that died (killed, its network gone) keeps others waiting; its heartbeat
   * renews it every third of that. Flag: --lease; env: PITSTOP_LEASE.
   */
  lease?: Duration;
  /** Apply migrations older than the newest applied one (default false). */
  allowOutOfOrder?: boolean;
  /** Version style of `pitstop create` (default `timestamp`). */
  versionStyle?: "timestamp" | "sequence";
  /** The embedded PGlite database used when no URL is set. */
  embedded?: { dataDir?: string };
  /** The migration linter: `pitstop lint`, and the checks `up` runs first. */
  lint?: LintConfig;
  /** `pitstop seed`: where seed files live and which databases it refuses to fill. */
  seeds?: SeedsConfig;
}

/** `lint` in `pitstop.config.ts`. */
export interface LintConfig {
  /** Rule id -> `"off"`, `"warning"` or `"error"` (default: each rule's own severity). */
  rules?: Record<string, "off" | "warning" | "error">;
  /** PostgreSQL major version production runs (default: the database's, else 18). */
  pgVersion?: number;
  /** What `pitstop up` does with findings in pending migrations: print them (`"warn"`, default), refuse to run on error-level ones (`"error"`), or nothing (`"off"`). */
  onUp?: "warn" | "error" | "off";
}

/** `seeds` in `pitstop.config.ts`. */
export interface SeedsConfig {
  /** Seeds folder (default `seeds`). Env: PITSTOP_SEEDS. */
  dir?: string;
  /**
   * Which database URLs look like production, where `pitstop seed` refuses
   * to run without `--force`: a RegExp (or its source as a string) tested
   * against the URL's host name and database name, a function of the whole
   * URL, or `false` to turn the guard off. Default: `prod`, `production` or `prd` as a word of the host or database name.
   */
  productionGuard?: RegExp | string | false | ((url: string) => boolean);
}

/**
 * Typed config for `pitstop.config.ts`.
 *
 * @example
 * import { defineConfig } from "pg-pitstop";
 * export default defineConfig({ dir: "db/migrations", ddlLockTimeout: "3s" });
 */
export function defineConfig(config: PitstopConfig): PitstopConfig {
  return config;
}
