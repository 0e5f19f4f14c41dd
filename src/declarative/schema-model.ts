import path from "node:path";
import { pgliteVersion } from "../driver/pglite-template.js";
import type { SchemaFilterOptions } from "../inspect/filter.js";
import { type InspectOptions, inspect, inspectInTransaction } from "../inspect/inspect.js";
import type { SchemaModel } from "../inspect/model.js";
import { classify } from "../sql/classify.js";
import { DEFAULT_HISTORY, type HistoryTable } from "../store/history.js";
import { loadSchema, type SchemaFile } from "./load.js";
import { type ModelCache, modelCache, modelKey } from "./model-cache.js";
import type { Scratch } from "./scratch.js";

/** What decides a schema file's model besides its text. */
export interface SchemaModelOptions {
  readonly filter?: SchemaFilterOptions;
  readonly history?: HistoryTable;
}

export function inspectOptions(options: SchemaModelOptions): InspectOptions {
  return { ...options.filter, history: options.history ?? DEFAULT_HISTORY };
}

/** The models kept in a project's cache dir, for the installed PGlite. */
export function modelsCache(cacheDir: string): ModelCache {
  return modelCache(path.join(cacheDir, `models-pglite-${pgliteVersion()}`));
}

/**
 * The cache key of schema files' model: their names and text, the inspect
 * options, PGlite's version and this build of pitstop.
 *
 * @example
 * const model = modelsCache(".pitstop/cache").get(schemaModelKey({}, files));
 */
export function schemaModelKey(options: SchemaModelOptions, files: readonly SchemaFile[]): string {
  return modelKey([
    "schema",
    pgliteVersion(),
    inspectOptions(options),
    files.map((f) => [f.file, f.text]),
  ]);
}

/**
 * Loads schema files, inspects them and leaves the scratch empty. Files that
 * can all run in one transaction are loaded in one, inspected inside it and
 * rolled back: rolling DDL back costs next to nothing, dropping what it made
 * costs as much as making it. Otherwise (or when that fails: the plain path
 * then reports the error with its location) loaded, inspected and reset.
 *
 * @example
 * const model = await loadAndInspect(scratch, await readSchema("schema.sql"), {});
 */
export async function loadAndInspect(
  scratch: Scratch,
  files: readonly SchemaFile[],
  options: SchemaModelOptions,
): Promise<SchemaModel> {
  if (files.every(inOneTransaction)) {
    const model = await scratch.driver.session(async (s) => {
      await s.exec("BEGIN");
      try {
        await loadSchema(s, files);
        return await inspectInTransaction(s, inspectOptions(options));
      } catch {
        return undefined;
      } finally {
        await s.exec("ROLLBACK");
      }
    });
    if (model !== undefined) return model;
  }
  await loadSchema(scratch.driver, files);
  const model = await inspect(scratch.driver, inspectOptions(options));
  await scratch.reset();
  return model;
}

/** Every statement can run inside an explicit transaction block (and none ends one). */
function inOneTransaction(file: SchemaFile): boolean {
  return (
    file.split.skipped.length === 0 &&
    file.split.statements.every(
      (s) =>
        s.kind !== "TransactionStmt" &&
        s.copyData === undefined &&
        classify(s, 180000).transactional,
    )
  );
}
