/**
 * pitstop: PostgreSQL schema migrations for TypeScript and Node.js.
 *
 * @example Migrate on start-up, from migrations bundled into the build:
 * import { migrate } from "pg-pitstop";
 * import { migrations } from "./migrations.gen.js";
 * const { error } = await migrate({ url: process.env.DATABASE_URL, migrations });
 * if (error) { console.error(error.message); process.exit(1); }
 */
import { asPitstopError } from "./core/errors.js";
import type { Migration } from "./core/migration.js";
import type { Driver } from "./driver/driver.js";
import type { LintOptions, LintReport } from "./lint/lint.js";
import { Migrator, type MigratorOptions, type StatusReport } from "./runner/migrator.js";
import type { RunResult } from "./runner/results.js";
import { directorySource } from "./source/directory.js";
import { listSource, type MigrationDefinition } from "./source/list.js";
import type { MigrationSource } from "./source/source.js";

export type { LintConfig } from "./config.js";
export { defineConfig, type PitstopConfig } from "./config.js";
export type { ForeignTool } from "./core/adoption.js";
export type { Duration } from "./core/duration.js";
export { PitstopError, type SourceLocation, UsageError } from "./core/errors.js";
export type {
  CodeScript,
  HistoryRecord,
  HistoryState,
  Migration,
  MigrationDb,
  Script,
  SqlScript,
} from "./core/migration.js";
export type { MigrationStatus, MigrationStatusKind } from "./core/state.js";
export { maskUrl, type OpenDriverOptions, openDriver } from "./driver/connect.js";
export {
  DatabaseError,
  type Dialect,
  type Driver,
  type Queryable,
  type QueryResult,
  type Session,
} from "./driver/driver.js";
export { createPgDriver, type PgDriverOptions } from "./driver/pg.js";
export { createPGliteDriver, type PGliteDriverOptions } from "./driver/pglite.js";
export {
  DEFAULT_PG_VERSION,
  type Finding,
  type LintOptions,
  type LintReport,
  lint,
  lintScript,
  RULES,
  type Rule,
  type RuleSetting,
  type Severity,
} from "./lint/index.js";
export type {
  AdoptOptions,
  AdoptReport,
  BaselineReport,
  ForeignSummary,
} from "./runner/adopt.js";
export type { LockerInfo, PoolerInfo, RunEvent } from "./runner/events.js";
export {
  Migrator,
  type MigratorOptions,
  type StatusEntry,
  type StatusReport,
  type ValidationReport,
} from "./runner/migrator.js";
export type { MigrationResult, RunResult } from "./runner/results.js";
export { type DirectorySourceOptions, directorySource } from "./source/directory.js";
export type { CodeMigrationModule } from "./source/formats/code.js";
export type { FormatName } from "./source/formats/format.js";
export { listSource, type MigrationDefinition } from "./source/list.js";
export type { MigrationSource } from "./source/source.js";
export { loadParser } from "./sql/parser.js";
export type { LockerKind, LockerSetting } from "./store/locker.js";

export interface ConnectOptions {
  /** A driver you made (e.g. over your app's pg Pool); not closed by pitstop. */
  driver?: Driver;
  /** A database URL (`postgres://...`, `pglite:<dir>`); used when no driver is given. */
  url?: string;
  /** PGlite data directory when neither driver nor url is given (default `.pitstop/pglite`). */
  dataDir?: string;
}

export interface MigrateOptions extends ConnectOptions, Omit<MigratorOptions, "driver" | "source"> {
  /** A folder, an in-memory list (bundled apps), or any MigrationSource. */
  migrations: string | readonly MigrationDefinition[] | MigrationSource;
  /** Stop after this version. */
  to?: string;
}

/**
 * Applies pending migrations under the migration lock: safe when several
 * replicas start at once. Never throws for a migration or connection problem:
 * `result.error` says what stopped it and `result.results` what ran.
 *
 * @example
 * const result = await migrate({ url: process.env.DATABASE_URL, migrations: "migrations" });
 * for (const r of result.results) console.log(r.status, r.id);
 */
export async function migrate(options: MigrateOptions): Promise<RunResult> {
  let opened: Driver | undefined;
  try {
    if (!options.driver) opened = await open(options);
    const driver = options.driver ?? opened!;
    const migrator = new Migrator({ ...options, driver, source: toSource(options.migrations) });
    return await migrator.up(options.to ? { to: options.to } : {});
  } catch (error) {
    const e = asPitstopError(error);
    return { results: [], error: e, warnings: [] };
  } finally {
    await opened?.close();
  }
}

/**
 * The state of every migration.
 *
 * @example
 * const report = await status({ url, migrations: "migrations" });
 * if (report.pending > 0) console.log(`${report.pending} migration(s) pending`);
 */
export async function status(
  options: ConnectOptions & {
    migrations: MigrateOptions["migrations"];
    history?: MigratorOptions["history"];
  },
): Promise<StatusReport> {
  const opened = options.driver ? undefined : await open(options);
  try {
    const driver = options.driver ?? opened!;
    return await new Migrator({
      driver,
      source: toSource(options.migrations),
      ...(options.history ? { history: options.history } : {}),
    }).status();
  } finally {
    await opened?.close();
  }
}

async function open(options: ConnectOptions): Promise<Driver> {
  const { openDriver } = await import("./driver/connect.js");
  const { defaultCacheDir } = await import("./driver/pglite-template.js");
  return openDriver({
    ...(options.url ? { url: options.url } : {}),
    dataDir: options.dataDir ?? ".pitstop/pglite",
    templateCache: defaultCacheDir(),
  });
}

function toSource(migrations: MigrateOptions["migrations"]): MigrationSource {
  if (typeof migrations === "string") return directorySource({ dir: migrations });
  if (Array.isArray(migrations)) return listSource(migrations);
  return migrations as MigrationSource;
}

/**
 * Lints migrations for locks and breaking changes (what `pitstop lint`
 * does), loading the parser and the migrations first. `select` picks the
 * ones to check (default: all); the earlier ones give the schema context.
 *
 * @example
 * const { findings } = await lintMigrations({ migrations: "migrations", pgVersion: 15 });
 * for (const f of findings) console.log(`${f.file}:${f.line} ${f.rule}: ${f.message}`);
 */
export async function lintMigrations(
  options: LintOptions & {
    migrations: MigrateOptions["migrations"];
    select?: (m: Migration) => boolean;
  },
): Promise<LintReport> {
  const [{ loadParser }, { lint }] = await Promise.all([
    import("./sql/parser.js"),
    import("./lint/lint.js"),
  ]);
  await loadParser();
  return lint(await toSource(options.migrations).load(), options);
}

export type { SeedsConfig } from "./config.js";
// Declarative schema: inspect a database into a model, diff two models, dump one as SQL.
export {
  type DeclarativeOptions,
  type MigrationPlan,
  migrationsModel,
  planApply,
  planMigration,
  schemaFileModel,
} from "./declarative/declarative.js";
export { parseRenameHints, type RenameHint } from "./declarative/renames.js";
export { openScratch, type Scratch, type ScratchOptions } from "./declarative/scratch.js";
export { compareModels, type Difference } from "./diff/compare.js";
export { diff } from "./diff/diff.js";
export { type Plan, type PlanStatement, planToSql } from "./diff/plan.js";
export { renderDump } from "./dump/dump.js";
// Fleet: many databases or tenant schemas through the same engine (docs/fleet.md).
export {
  DEFAULT_FLEET_CONCURRENCY,
  type FleetCounts,
  type FleetError,
  type FleetEvent,
  type FleetLimits,
  type FleetOptions,
  type FleetOutcome,
  type FleetProgress,
  type FleetReport,
  type FleetStatusEntry,
  type FleetStatusOptions,
  type FleetStatusReport,
  type FleetTarget,
  type FleetTargetResult,
  type FleetTargetState,
  fleetStatus,
  migrateFleet,
  parseTargets,
  queryTargets,
  tenantSchemas,
} from "./fleet/index.js";
export type { SchemaFilterOptions } from "./inspect/filter.js";
export { type InspectOptions, inspect } from "./inspect/inspect.js";
export type * from "./inspect/model.js";
export { emptyModel } from "./inspect/model.js";
export type { SeedRunResult } from "./seed/run.js";
export type { SeedContext, SeedDb, SeedFunction, SeedResult } from "./seed/seed.js";
export { type SeedDatabaseOptions, seedDatabase } from "./seed/seed-database.js";
// Diagrams of a schema model (docs/diagrams.md): the SVG writer loads its layout library when called.
export { DIAGRAM_FORMATS, type DiagramFormat, renderDiagram } from "./studio/diagram.js";
export { renderDot } from "./studio/dot.js";
export {
  type ErColumn,
  type ErEdge,
  type ErEntity,
  type ErGraph,
  type ErGraphOptions,
  erGraph,
} from "./studio/er-graph.js";
export { renderMermaid } from "./studio/mermaid.js";
export { renderSvg } from "./studio/svg.js";
