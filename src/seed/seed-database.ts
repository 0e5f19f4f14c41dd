import { asPitstopError } from "../core/errors.js";
import type { Driver } from "../driver/driver.js";
import { Migrator } from "../runner/migrator.js";
import { directorySource } from "../source/directory.js";
import { listSource, type MigrationDefinition } from "../source/list.js";
import type { MigrationSource } from "../source/source.js";
import { DEFAULT_HISTORY, type HistoryTable } from "../store/history.js";
import type { LockerSetting } from "../store/locker.js";
import { listSeeds } from "./files.js";
import { loadSeeds } from "./load.js";
import { checkMigrated } from "./ready.js";
import { runSeeds, type SeedRunResult } from "./run.js";
import { seededTables } from "./tables.js";
import { planTruncation } from "./truncate.js";

export interface SeedDatabaseOptions {
  /** A driver you made (not closed by pitstop); else `url` is opened. */
  driver?: Driver;
  /** `postgres://...` or `pglite:<dir>`, when no driver is given. */
  url?: string;
  /** The seeds folder (default `seeds`). */
  seeds?: string;
  /** Also run `<seeds>/<env>/`. */
  env?: string;
  /** Only these seeds. */
  names?: readonly string[];
  /** When given, refuse unless these migrations are all applied. */
  migrations?: string | readonly MigrationDefinition[] | MigrationSource;
  /** Empty the tables the seeds fill first (and the tables referencing them), without asking. */
  reset?: boolean;
  /** What seeds see as `ctx.env` (default `process.env`). */
  vars?: Readonly<Record<string, string | undefined>>;
  history?: Partial<HistoryTable>;
  /** Wait this long for the migration lock (default 60 s). */
  lockTimeoutMs?: number;
  /** The migration lock, as `Migrator`'s `locker` (default `auto`: a lease row behind a pooler). */
  locker?: LockerSetting;
  /** Table locker: how long a lease lasts without a heartbeat (default 30 s). */
  leaseMs?: number;
}

/**
 * Runs the seeds of a folder, each in a transaction, under the migration
 * lock. Never throws for a seed or connection problem: `result.error` says
 * what stopped it (file:line:col), `result.results` what ran.
 *
 * @example
 * const result = await seedDatabase({ url: process.env.DATABASE_URL, env: "development", migrations: "migrations" });
 * if (result.error) console.error(result.error.message);
 */
export async function seedDatabase(options: SeedDatabaseOptions): Promise<SeedRunResult> {
  let opened: Driver | undefined;
  try {
    if (!options.driver) {
      const { openDriver } = await import("../driver/connect.js");
      opened = await openDriver({
        ...(options.url ? { url: options.url } : {}),
        dataDir: ".pitstop/pglite",
      });
    }
    const driver = options.driver ?? opened!;
    const history = { ...DEFAULT_HISTORY, ...options.history };
    if (options.migrations !== undefined) {
      const source =
        typeof options.migrations === "string"
          ? directorySource({ dir: options.migrations })
          : Array.isArray(options.migrations)
            ? listSource(options.migrations)
            : (options.migrations as MigrationSource);
      const { error } = checkMigrated(await new Migrator({ driver, source, history }).status());
      if (error) throw error;
    }
    const { seeds } = listSeeds({
      dir: options.seeds ?? "seeds",
      env: options.env,
      ...(options.names ? { names: options.names } : {}),
    });
    const loaded = await loadSeeds(seeds);
    const truncate = options.reset
      ? (await planTruncation(driver, seededTables(loaded).tables, history)).tables
      : [];
    return await runSeeds(driver, loaded, {
      env: options.vars ?? process.env,
      environment: options.env,
      truncate,
      lock: {
        history,
        ...(options.lockTimeoutMs === undefined ? {} : { timeoutMs: options.lockTimeoutMs }),
        ...(options.locker === undefined ? {} : { locker: options.locker }),
        ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
      },
    });
  } catch (error) {
    const e = asPitstopError(error);
    return { results: [], error: e, rows: 0, truncated: [] };
  } finally {
    await opened?.close();
  }
}
