import fs from "node:fs";
import path from "node:path";
import { PitstopError } from "../core/errors.js";
import type { Migration } from "../core/migration.js";
import { diff } from "../diff/diff.js";
import { type ExpandedPlan, expandPlan } from "../diff/expand.js";
import { onlinePlan } from "../diff/online.js";
import { withLocks } from "../diff/online-locks.js";
import type { Plan, PlanStatement } from "../diff/plan.js";
import type { Driver } from "../driver/driver.js";
import { renderDump } from "../dump/dump.js";
import type { SchemaFilterOptions } from "../inspect/filter.js";
import { inspect } from "../inspect/inspect.js";
import type { SchemaModel } from "../inspect/model.js";
import { Migrator } from "../runner/migrator.js";
import type { MigrationSource } from "../source/source.js";
import { loadParser } from "../sql/parser.js";
import { splitSql } from "../sql/split.js";
import { DEFAULT_HISTORY, type HistoryTable } from "../store/history.js";
import { extensionsCreated, readSchema, rolesNamed, type SchemaFile } from "./load.js";
import { modelKey } from "./model-cache.js";
import { parseRenameHints, type RenameHint, resolveRenames } from "./renames.js";
import { inspectOptions, loadAndInspect, modelsCache, schemaModelKey } from "./schema-model.js";
import {
  DEFAULT_CACHE_DIR,
  isSmallInput,
  openScratch,
  type Scratch,
  type ScratchOptions,
} from "./scratch.js";
import { parseUsingHints, resolveTypeChanges } from "./type-changes.js";
import {
  isWarmScratchLost,
  openWarmScratch,
  startWarmScratch,
  type WarmScratchUse,
} from "./warm-scratch/client.js";
import { warmScratchSocketExists } from "./warm-scratch/paths.js";

export interface DeclarativeOptions extends Omit<ScratchOptions, "extensions" | "roles"> {
  /** Schemas and objects to compare (default: all but system schemas). */
  readonly filter?: SchemaFilterOptions;
  /** The history table, never part of a schema (default `public.pitstop_migrations`). */
  readonly history?: HistoryTable;
  /**
   * Plain plans (`diff --offline`): no CONCURRENTLY, NOT VALID or USING
   * INDEX forms, one transaction. For empty and development databases.
   */
  readonly offline?: boolean;
  /** `diff --expand`: rewriting type changes become expand/backfill/switch/contract phases. */
  readonly expand?: boolean;
  /**
   * Use the project's warm scratch process (a PGlite kept started between
   * commands) when one runs, and start one for the next command when none
   * does (src/declarative/warm-scratch). Ignored with `devUrl`.
   */
  readonly warm?: WarmScratchUse;
}

export interface MigrationPlan {
  /** The schema the migrations build (after rename hints, if any). */
  readonly from: SchemaModel;
  /** The desired schema. */
  readonly to: SchemaModel;
  /** Renames first, then the diff. Empty: nothing to do. */
  readonly up: Plan;
  /** The reverse: the diff back, then renames undone. */
  readonly down: Plan;
  /** Rename hints already carried out by earlier migrations. */
  readonly appliedHints: readonly RenameHint[];
  /** With `expand`: the phases to write instead of `up`/`down` (none when nothing is expanded). */
  readonly expanded?: ExpandedPlan;
}

/**
 * The migration that takes the schema built by `migrations` to the one in
 * `schema` (a `.sql` file or a folder of them): both are loaded into a
 * scratch database (in-process PGlite, or a temporary database on `devUrl`),
 * inspected and diffed.
 *
 * @example
 * const plan = await planMigration(directorySource({ dir: "migrations" }), "schema.sql", {});
 * if (plan.up.statements.length === 0) console.log("up to date");
 */
export async function planMigration(
  migrations: MigrationSource,
  schema: string,
  options: DeclarativeOptions,
): Promise<MigrationPlan> {
  const list = await migrations.load();
  if (!(options.warm && warmScratchSocketExists(options.cacheDir ?? DEFAULT_CACHE_DIR)))
    warmUpPGlite(options, migrationChars(list) + fileChars(schema));
  const files = await readSchema(schema);
  const hints = parseRenameHints(files);
  await loadParser();
  const cached = await cachedModels(options, files, list);
  const using = parseUsingHints(files);
  const online = (plan: Plan, a: SchemaModel, b: SchemaModel) =>
    options.offline ? plan : onlinePlan(plan, a, b);
  /** `db`: the scratch holding `from`, for the type changes that need a cast checked. */
  const planned = async (
    from: SchemaModel,
    to: SchemaModel,
    renames: ReturnType<typeof resolveRenames>,
    db: () => Promise<Driver>,
  ): Promise<MigrationPlan> => {
    const up = await resolveTypeChanges(db, diff(from, to), from, to, using, "up");
    const down = await resolveTypeChanges(db, diff(to, from), to, from, using, "down");
    const unused = [...up.unused, ...down.unused].map(
      (h) =>
        `${h.file}:${h.line}: the hint for ${h.table}.${h.column} matches no type change; it can go`,
    );
    const plans = withRenames(
      online({ ...up.plan, warnings: [...up.plan.warnings, ...unused] }, from, to),
      online(down.plan, to, from),
      renames.up,
      renames.down,
    );
    const expanded =
      options.expand && !options.offline
        ? { expanded: expandPlan(plans.up, plans.down, from, to) }
        : {};
    return { from, to, ...plans, appliedHints: renames.applied, ...expanded };
  };
  if (cached.to && cached.from) {
    const renames = resolveRenames(hints, cached.from, cached.to);
    // Both models kept from earlier runs: no scratch at all, unless a cast must be checked.
    const noScratch = async (): Promise<Driver> => {
      throw new NeedsScratch();
    };
    if (renames.up.length === 0) {
      try {
        return await planned(cached.from, cached.to, renames, noScratch);
      } catch (error) {
        if (!(error instanceof NeedsScratch)) throw error;
      }
    }
  }
  let knownTo = cached.to;
  /**
   * `withMigrations`: the scratch is opened for the migrations too (their
   * extensions and roles). Parsing them only for that is a good part of a run
   * whose migrations' model is kept; without it, a replay found necessary
   * after all (renames, a cast to check) starts again with them.
   */
  const watched: DeclarativeOptions = options.warm
    ? {
        ...options,
        warm: {
          ...options.warm,
          watch: {
            cwd: process.cwd(),
            schema,
            options: {
              ...(options.filter ? { filter: options.filter } : {}),
              ...(options.history ? { history: options.history } : {}),
            },
          },
        },
      }
    : options;
  const inScratch = (withMigrations: boolean) =>
    withScratch(
      watched,
      [...files.map((f) => f.split), ...(withMigrations ? migrationSplits(list) : [])],
      async (scratch) => {
        const replayHere = async () => {
          if (!withMigrations) throw new NeedsMigrationInputs();
          await replay(scratch.driver, list, options);
        };
        let to = knownTo ?? (scratch.warm ? cached.toAgain() : undefined);
        if (to === undefined) {
          to = await loadAndInspect(scratch, files, options);
          knownTo = to;
          cached.keep("to", to);
        }
        let from = cached.from;
        let renames = from === undefined ? undefined : resolveRenames(hints, from, to);
        let replayed = false;
        if (from === undefined || renames!.up.length > 0) {
          await replayHere();
          replayed = true;
          from = await inspect(scratch.driver, inspectOptions(options));
          cached.keep("from", from);
          renames = resolveRenames(hints, from, to);
        }
        if (renames!.up.length > 0) {
          for (const s of renames!.up) await scratch.driver.exec(s.sql);
          from = await inspect(scratch.driver, inspectOptions(options));
        }
        return await planned(from, to, renames!, async () => {
          if (!replayed) {
            await scratch.reset();
            await replayHere();
            replayed = true;
          }
          return scratch.driver;
        });
      },
    );
  try {
    return await inScratch(cached.from === undefined || hints.length > 0);
  } catch (error) {
    if (!(error instanceof NeedsMigrationInputs)) throw error;
    return inScratch(true);
  }
}

/** The scratch was opened without the migrations' extensions and roles, and a replay is needed. */
class NeedsMigrationInputs extends Error {}

/** The plan needs the scratch database after all (a type change whose cast is checked there). */
class NeedsScratch extends Error {}

/**
 * The models of the schema files and of the migrations as an earlier run
 * left them in the PGlite cache (never for code migrations, whose result
 * the text does not decide, nor with a dev server).
 */
async function cachedModels(
  options: DeclarativeOptions,
  files: readonly SchemaFile[],
  list: readonly Migration[],
): Promise<{
  from?: SchemaModel;
  to?: SchemaModel;
  toAgain(): SchemaModel | undefined;
  keep(side: "from" | "to", model: SchemaModel): void;
}> {
  if (options.devUrl) return { keep: () => {}, toAgain: () => undefined };
  const { pgliteVersion } = await import("../driver/pglite.js");
  const cache = modelsCache(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const common = [pgliteVersion(), inspectOptions(options)];
  const keys = {
    to: schemaModelKey(options, files),
    from: list.every((m) => m.up.kind === "sql")
      ? modelKey(["migrations", ...common, list.map((m) => [m.version, m.name, m.checksum])])
      : undefined,
  };
  const from = keys.from === undefined ? undefined : cache.get(keys.from);
  const to = cache.get(keys.to);
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    // The warm scratch may have loaded it meanwhile (src/declarative/warm-scratch/precompute.ts).
    toAgain: () => cache.get(keys.to),
    keep: (side, model) => {
      const key = keys[side];
      if (key !== undefined) cache.set(key, model);
    },
  };
}

/**
 * What a database must change to match `schema` (for `schema apply`). Rename
 * hints are carried out on a scratch copy of its schema, never on the database.
 *
 * @example
 * const { plan } = await planApply(driver, "schema.sql", {});
 * for (const s of plan.statements) console.log(s.destructive ? "!" : " ", s.sql);
 */
export async function planApply(
  db: Driver,
  schema: string,
  options: DeclarativeOptions,
): Promise<{ from: SchemaModel; to: SchemaModel; plan: Plan }> {
  const files = await readSchema(schema);
  const hints = parseRenameHints(files);
  const live = await inspect(db, inspectOptions(options));
  await loadParser();
  return withScratch(
    options,
    files.map((f) => f.split).concat(dumpSplits(live)),
    async (scratch) => {
      const to = await loadAndInspect(scratch, files, options);
      const renames = resolveRenames(hints, live, to);
      if (renames.up.length === 0)
        return { from: live, to, plan: withLocks(diff(live, to), live, to) };
      // Renames are carried out on a copy of the live schema, never on the database itself.
      await scratch.reset();
      await scratch.driver.exec(renderDump(live));
      for (const s of renames.up) await scratch.driver.exec(s.sql);
      const renamed = await inspect(scratch.driver, inspectOptions(options));
      const plan = withLocks(diff(renamed, to), renamed, to);
      const statements = withLocks({ statements: renames.up, warnings: [] }, live, to).statements;
      return { from: live, to, plan: { ...plan, statements: [...statements, ...plan.statements] } };
    },
    options.devUrl ? [] : rolesOf(live),
  );
}

/** Roles the database's grants and policies name (the scratch copy of its schema needs them). */
function rolesOf(model: SchemaModel): string[] {
  const roles = new Set<string>();
  const lists = [
    model.schemas,
    model.types,
    model.sequences,
    model.tables,
    model.views,
    model.functions,
  ] as unknown as readonly (readonly { grants?: readonly { grantee: string }[] }[])[];
  for (const list of lists)
    for (const o of list) for (const g of o.grants ?? []) roles.add(g.grantee);
  for (const p of model.policies) for (const r of p.roles) roles.add(r);
  roles.delete("PUBLIC");
  return [...roles].sort();
}

/**
 * The schema the migrations build, replayed on a scratch database exactly as
 * `pitstop up` would (for `drift` and `schema dump --from migrations`).
 *
 * @example
 * const expected = await migrationsModel(directorySource({ dir: "migrations" }), {});
 * const differences = compareModels(expected, await inspect(driver));
 */
export async function migrationsModel(
  migrations: MigrationSource,
  options: DeclarativeOptions,
): Promise<SchemaModel> {
  const list = await migrations.load();
  await loadParser();
  return withScratch(options, migrationSplits(list), async (scratch) => {
    await replay(scratch.driver, list, options);
    return inspect(scratch.driver, inspectOptions(options));
  });
}

/**
 * The schema in `schema` (a `.sql` file or a folder of them), loaded on a
 * scratch database and inspected.
 *
 * @example
 * const desired = await schemaFileModel("schema.sql", {});
 */
export async function schemaFileModel(
  schema: string,
  options: DeclarativeOptions,
): Promise<SchemaModel> {
  const files = await readSchema(schema);
  return withScratch(
    options,
    files.map((f) => f.split),
    (scratch) => loadAndInspect(scratch, files, options),
  );
}

/**
 * Starts loading PGlite's code while the inputs are read and parsed (the
 * scratch database opens once the extensions they create are known).
 * `chars`: how much SQL the inputs hold, which decides how it is compiled.
 */
function warmUpPGlite(options: DeclarativeOptions, chars: number): void {
  if (options.devUrl) return;
  const baseline = isSmallInput(chars);
  void import("../driver/pglite.js").then((m) => m.warmUp({ baseline })).catch(() => {});
}

function migrationChars(list: readonly Migration[]): number {
  return list.reduce((n, m) => n + (m.up.kind === "sql" ? m.up.sql.length : 0), 0);
}

/** Bytes of a schema file or of the files under a folder (0 where missing: readSchema reports it). */
function fileChars(at: string): number {
  try {
    const stat = fs.statSync(at);
    if (!stat.isDirectory()) return stat.size;
    let n = 0;
    for (const e of fs.readdirSync(at, { recursive: true, withFileTypes: true }))
      if (e.isFile() && e.name.endsWith(".sql"))
        n += fs.statSync(path.join(e.parentPath, e.name)).size;
    return n;
  } catch {
    return 0;
  }
}

/** Characters of SQL in the inputs' statements. */
function splitChars(inputs: readonly ReturnType<typeof splitSql>[]): number {
  let n = 0;
  for (const split of inputs) for (const s of split.statements) n += s.text.length;
  return n;
}

async function withScratch<T>(
  options: DeclarativeOptions,
  inputs: ReturnType<typeof splitSql>[],
  fn: (scratch: Scratch) => Promise<T>,
  extraRoles: readonly string[] = [],
): Promise<T> {
  const extensions = options.devUrl ? [] : extensionsCreated(inputs);
  const roles = [...new Set([...(options.devUrl ? [] : rolesNamed(inputs)), ...extraRoles])];
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const warm = options.warm && !options.devUrl ? options.warm : undefined;
  if (warm) {
    const scratch = await openWarmScratch(cacheDir, warm, extensions, roles);
    if (scratch) {
      try {
        return await fn(scratch);
      } catch (error) {
        // The process went away mid-way: everything is done again in-process.
        if (!isWarmScratchLost(error)) throw error;
        warm.onLost?.((error as Error).message);
      } finally {
        await scratch.close().catch(() => {});
      }
    }
  }
  const scratch = await openScratch({
    ...(options.devUrl ? { devUrl: options.devUrl } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    extensions,
    inputChars: splitChars(inputs),
    roles,
  });
  try {
    return await fn(scratch);
  } finally {
    await scratch.close();
    if (warm) await startWarmScratch(cacheDir, warm, extensions);
  }
}

/** Applies the migrations exactly as `pitstop up` would (to a scratch database). */
export async function replay(
  driver: Driver,
  migrations: Migration[],
  options: DeclarativeOptions,
): Promise<void> {
  const migrator = new Migrator({
    driver,
    source: { description: "migrations", load: async () => migrations },
    history: options.history ?? DEFAULT_HISTORY,
    // A scratch database has no other clients: nothing to wait for.
    ddlLockTimeoutMs: 0,
  });
  const result = await migrator.up();
  if (result.error) {
    throw new PitstopError(
      result.error.code,
      `replaying the migrations on a scratch database: ${result.error.message}`,
      {
        ...(result.error.hint ? { hint: result.error.hint } : {}),
        ...(result.error.location ? { location: result.error.location } : {}),
        ...(result.error.frame ? { frame: result.error.frame } : {}),
        cause: result.error,
      },
    );
  }
}

/** The migrations' SQL, split (for the extensions and roles a scratch database needs). */
export function migrationSplits(migrations: Migration[]): ReturnType<typeof splitSql>[] {
  const out: ReturnType<typeof splitSql>[] = [];
  for (const m of migrations) {
    if (m.up.kind !== "sql") continue;
    try {
      out.push(splitSql(m.up.sql, { file: m.up.file, source: m.up.source, offset: m.up.offset }));
    } catch {
      // The migrator reports syntax errors with their location when it replays.
    }
  }
  return out;
}

function dumpSplits(model: SchemaModel): ReturnType<typeof splitSql>[] {
  return model.extensions.length === 0
    ? []
    : [
        {
          statements: model.extensions.map((e) => ({
            kind: "CreateExtensionStmt",
            node: { extname: e.name },
            text: "",
            start: 0,
            end: 0,
          })),
          skipped: [],
        },
      ];
}

function withRenames(
  up: Plan,
  down: Plan,
  renameUp: PlanStatement[],
  renameDown: PlanStatement[],
): { up: Plan; down: Plan } {
  return {
    up: { ...up, statements: [...renameUp, ...up.statements] },
    down: { ...down, statements: [...down.statements, ...renameDown] },
  };
}
