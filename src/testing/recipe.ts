import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PitstopError } from "../core/errors.js";
import type { Migration, Script } from "../core/migration.js";
import type { Driver } from "../driver/driver.js";
import { Migrator } from "../runner/migrator.js";
import { listSeeds } from "../seed/files.js";
import { loadSeeds } from "../seed/load.js";
import { runSeeds } from "../seed/run.js";
import type { SeedFile } from "../seed/seed.js";
import { directorySource } from "../source/directory.js";
import { listSource, type MigrationDefinition } from "../source/list.js";
import type { MigrationSource } from "../source/source.js";
import { DEFAULT_HISTORY, type HistoryTable } from "../store/history.js";

/** What a test database is made of: its migrations and, optionally, seeds. */
export interface RecipeOptions {
  /** A migrations folder, an in-memory list, or any MigrationSource. */
  migrations: string | readonly MigrationDefinition[] | MigrationSource;
  /** A seeds folder, run after the migrations (each seed in a transaction). */
  seeds?: string;
  /** Also run the seeds in `<seeds>/<seedEnv>/` (e.g. `test`). */
  seedEnv?: string;
  /** What seeds see as `ctx.env` (default `process.env`). Not part of the checksum. */
  env?: Readonly<Record<string, string | undefined>>;
  /** History table location (default `public.pitstop_migrations`). */
  history?: Partial<HistoryTable>;
}

/** A recipe read from disk: its checksum names the template (or snapshot) built from it. */
export interface Recipe {
  readonly options: RecipeOptions;
  readonly source: MigrationSource;
  readonly migrations: readonly Migration[];
  readonly seeds: readonly SeedFile[];
  readonly history: HistoryTable;
  /** sha256 hex of everything that shapes the database: migrations, seeds, history table. */
  readonly checksum: string;
  /**
   * sha256 hex of where the migrations and seeds come from (folders' absolute
   * paths, seed environment, history table): a new checksum for the same
   * origin replaces the old template.
   */
  readonly origin: string;
}

/** Bumped when the way templates are built changes, so old ones are not reused. */
const RECIPE_VERSION = "pitstop-testdb-1";

/** Reads the migrations and seed files and fingerprints them. */
export async function readRecipe(options: RecipeOptions): Promise<Recipe> {
  const source = toSource(options.migrations);
  const migrations = await source.load();
  const seeds =
    options.seeds === undefined
      ? []
      : listSeeds({ dir: options.seeds, env: options.seedEnv, allowMissing: false }).seeds;
  const history = { ...DEFAULT_HISTORY, ...options.history };
  const hash = createHash("sha256").update(RECIPE_VERSION);
  const add = (...parts: (string | undefined)[]) => {
    for (const p of parts) hash.update(`${p ?? ""}\0`);
  };
  add(history.schema, history.table, options.seedEnv);
  for (const m of migrations) {
    add("migration", m.version, m.name, m.checksum, scriptCode(m.up), scriptCode(m.down));
  }
  for (const s of seeds) {
    add("seed", s.env, s.name);
    hash.update(readFileSync(s.file));
  }
  const checksum = hash.digest("hex");
  // Only a folder has an identity beyond its contents: a list or a custom
  // source never replaces another's template.
  const where =
    typeof options.migrations === "string" ? resolve(options.migrations) : `checksum:${checksum}`;
  const origin = createHash("sha256")
    .update(
      [
        where,
        options.seeds === undefined ? "" : resolve(options.seeds),
        options.seedEnv ?? "",
        history.schema,
        history.table,
      ].join("\0"),
    )
    .digest("hex");
  return {
    options,
    source,
    migrations,
    seeds,
    history,
    checksum,
    origin,
  };
}

/** A code migration's checksum names only its file: its function text tells an edit. */
function scriptCode(script: Script | undefined): string {
  if (script === undefined) return "";
  return script.kind === "code"
    ? `${script.transaction}:${script.run.toString()}`
    : `${script.transaction}`;
}

/**
 * Applies the recipe to an empty database: every migration, then the seeds.
 * Throws `PitstopError` code `TEST_DATABASE_BUILD` naming what failed.
 */
export async function applyRecipe(driver: Driver, recipe: Recipe): Promise<void> {
  const result = await new Migrator({
    driver,
    source: { description: recipe.source.description, load: async () => [...recipe.migrations] },
    history: recipe.history,
  }).up();
  if (result.error) throw buildError("migrating", result.error);
  if (recipe.seeds.length === 0) return;
  const seeded = await runSeeds(driver, await loadSeeds(recipe.seeds), {
    env: recipe.options.env ?? process.env,
    environment: recipe.options.seedEnv,
  });
  if (seeded.error) throw buildError("seeding", seeded.error);
}

function buildError(step: string, error: PitstopError): PitstopError {
  return new PitstopError(
    "TEST_DATABASE_BUILD",
    `building the test database template failed while ${step}: ${error.message}`,
    {
      hint: error.hint,
      ...(error.location ? { location: error.location } : {}),
      ...(error.frame ? { frame: error.frame } : {}),
      cause: error,
    },
  );
}

function toSource(migrations: RecipeOptions["migrations"]): MigrationSource {
  if (typeof migrations === "string") return directorySource({ dir: migrations });
  if (Array.isArray(migrations)) return listSource(migrations);
  return migrations as MigrationSource;
}
