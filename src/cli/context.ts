import { existsSync } from "node:fs";
import type { SqlScript } from "../core/migration.js";
import type { Driver } from "../driver/driver.js";
import type { EventListener } from "../runner/events.js";
import { Migrator, type MigratorOptions } from "../runner/migrator.js";
import { directorySource } from "../source/directory.js";
import type { MigrationLockOptions } from "../store/migration-lock.js";
import { lockerNotice, waitNotice } from "./lock-notices.js";
import type { Output } from "./output.js";
import type { Settings } from "./settings.js";

/** Opens the configured database, saying which one when it is the embedded default. */
export async function openDatabase(settings: Settings, out: Output): Promise<Driver> {
  const { locateDatabase, openDriver } = await import("../driver/connect.js");
  let templateCache: string | undefined;
  if (!settings.database) {
    const { defaultCacheDir, ensurePGliteTemplatePath, isNewDataDir } = await import(
      "../driver/pglite-template.js"
    );
    const fresh = isNewDataDir(settings.dataDir);
    templateCache = defaultCacheDir();
    const cached = fresh && existsSync(ensurePGliteTemplatePath(templateCache));
    out.notice(
      !fresh
        ? `Using the embedded PGlite database at ${settings.dataDir} (set DATABASE_URL to use a server).`
        : cached
          ? `Creating the embedded PGlite database at ${settings.dataDir}. Set DATABASE_URL to use a server.`
          : `Creating the embedded PGlite database at ${settings.dataDir} (first time on this machine: a few seconds). Set DATABASE_URL to use a server.`,
    );
  }
  // PGlite loads an extension's code only when it starts.
  const embedded =
    locateDatabase({
      ...(settings.database ? { url: settings.database } : {}),
      dataDir: settings.dataDir,
    }).kind === "pglite";
  const extensions = embedded ? await extensionsInMigrations(settings.dir) : [];
  return openDriver({
    ...(settings.database ? { url: settings.database } : {}),
    ...(extensions.length > 0 ? { extensions } : {}),
    dataDir: settings.dataDir,
    ...(templateCache ? { templateCache } : {}),
    lockTimeoutMs: settings.lockTimeoutMs,
    applicationName: "pitstop",
    onWait: (info) =>
      out.notice(
        `Waiting for another process using ${settings.dataDir}${info.holder ? ` (pid ${info.holder.pid})` : ""}...`,
      ),
  });
}

export interface MigratorContext {
  driver: Driver;
  migrator: Migrator;
}

/** The driver and a Migrator over the configured migrations folder; closes the driver after `fn`. */
export async function withMigrator<T>(
  settings: Settings,
  out: Output,
  options: { dryRun?: boolean; onEvent?: EventListener; beforeRun?: MigratorOptions["beforeRun"] },
  fn: (ctx: MigratorContext) => Promise<T>,
): Promise<T> {
  const driver = await openDatabase(settings, out);
  try {
    const migrator = new Migrator({
      driver,
      source: directorySource({
        dir: settings.dir,
        ...(settings.format ? { format: settings.format } : {}),
      }),
      history: settings.history,
      lockTimeoutMs: settings.lockTimeoutMs,
      ...(settings.ddlLockTimeoutMs !== undefined
        ? { ddlLockTimeoutMs: settings.ddlLockTimeoutMs }
        : {}),
      ...(settings.statementTimeoutMs !== undefined
        ? { statementTimeoutMs: settings.statementTimeoutMs }
        : {}),
      ...(settings.lockRetries !== undefined ? { lockRetries: settings.lockRetries } : {}),
      ...(settings.maxReplicaLagMs !== undefined
        ? { maxReplicaLagMs: settings.maxReplicaLagMs }
        : {}),
      ...(settings.replicaLagTimeoutMs !== undefined
        ? { replicaLagTimeoutMs: settings.replicaLagTimeoutMs }
        : {}),
      locker: settings.locker,
      ...(settings.leaseMs !== undefined ? { leaseMs: settings.leaseMs } : {}),
      allowOutOfOrder: settings.allowOutOfOrder,
      ignoreChecksums: settings.ignoreChecksums,
      dryRun: options.dryRun ?? false,
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      ...(options.beforeRun ? { beforeRun: options.beforeRun } : {}),
    });
    return await fn({ driver, migrator });
  } finally {
    await closeForExit(driver);
  }
}

/**
 * The migration lock for commands other than the migrator (`seed`, `schema
 * apply`): the settings' locker and lease, with the same notices as `up`.
 */
export function migrationLock(settings: Settings, out: Output): MigrationLockOptions {
  return {
    history: settings.history,
    locker: settings.locker,
    timeoutMs: settings.lockTimeoutMs,
    ...(settings.leaseMs !== undefined ? { leaseMs: settings.leaseMs } : {}),
    onWait: (holder) => out.notice(waitNotice(holder)),
    onLocker: (info) => out.notice(lockerNotice(info)),
  };
}

/**
 * A server connection is told goodbye (Terminate) without waiting for the
 * server to hang up: the CLI exits right after, and that wait was ~4 ms of
 * every command. PGlite must finish writing its data dir, so it is awaited.
 */
export async function closeForExit(driver: Driver): Promise<void> {
  if (driver.dialect === "postgres") {
    driver.close().catch(() => {});
    return;
  }
  await driver.close();
}

/**
 * Extensions the migrations create that PGlite ships: PGlite loads an
 * extension's code only when the instance starts. The parser (~70 ms to
 * load) runs only when a file mentions CREATE EXTENSION.
 */
async function extensionsInMigrations(dir: string): Promise<string[]> {
  let scripts: SqlScript[];
  try {
    const migrations = await directorySource({ dir, allowMissing: true }).load();
    scripts = migrations.flatMap((m) => (m.up.kind === "sql" ? [m.up] : []));
  } catch {
    return []; // the command itself reports a broken folder
  }
  const candidates = scripts.filter((s) => /create\s+extension/i.test(s.sql));
  if (candidates.length === 0) return [];
  const { loadParser } = await import("../sql/parser.js");
  const { splitSql } = await import("../sql/split.js");
  const { extensionsCreated } = await import("../declarative/load.js");
  const { pgliteHasExtension } = await import("../driver/pglite.js");
  await loadParser();
  const splits = candidates.flatMap((s) => {
    try {
      return [splitSql(s.sql)];
    } catch {
      return [];
    }
  });
  return extensionsCreated(splits).filter(pgliteHasExtension);
}
