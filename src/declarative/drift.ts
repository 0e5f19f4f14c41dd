import type { Migration } from "../core/migration.js";
import { compareModels, type Difference } from "../diff/compare.js";
import { diff } from "../diff/diff.js";
import type { PlanStatement } from "../diff/plan.js";
import type { SchemaModel } from "../inspect/model.js";
import type { MigrationSource } from "../source/source.js";
import { type DeclarativeOptions, migrationsModel } from "./declarative.js";

export interface DriftReport {
  /** What differs, `added` meaning only in the database. */
  readonly differences: readonly Difference[];
  /** SQL that would make the database match the migrations. */
  readonly fix: readonly PlanStatement[];
}

/**
 * The live schema against the migrations it has applied (`applied`
 * versions), replayed on a scratch database (for `drift` and `studio`).
 *
 * @example
 * const { differences } = await driftOf(await inspect(driver), applied, source, {});
 */
export async function driftOf(
  live: SchemaModel,
  applied: ReadonlySet<string>,
  source: MigrationSource,
  options: DeclarativeOptions,
): Promise<DriftReport> {
  const all: Migration[] = await source.load();
  const expected = await migrationsModel(
    {
      description: source.description,
      load: async () => all.filter((m) => applied.has(m.version)),
    },
    options,
  );
  return { differences: compareModels(expected, live), fix: diff(live, expected).statements };
}
