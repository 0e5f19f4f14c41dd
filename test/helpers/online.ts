/** Shared by the online-plan tests: plans made on one scratch database, lint of what diff wrote. */
import path from "node:path";
import { migrationText } from "../../src/cli/commands/diff.js";
import { openScratch, type Scratch, type ScratchOptions } from "../../src/declarative/scratch.js";
import { parseUsingHints, resolveTypeChanges } from "../../src/declarative/type-changes.js";
import { diff } from "../../src/diff/diff.js";
import { onlinePlan } from "../../src/diff/online.js";
import type { Plan } from "../../src/diff/plan.js";
import { inspect } from "../../src/inspect/inspect.js";
import type { SchemaModel } from "../../src/inspect/model.js";
import { lint } from "../../src/lint/lint.js";
import { directorySource } from "../../src/source/directory.js";
import { loadParser } from "../../src/sql/parser.js";
import { loadSql } from "./schema.js";

/** Lint rules a generated migration may break: its destructive steps, marked in the file. */
export const DESTRUCTIVE_RULES: ReadonlySet<string> = new Set([
  "drop-column",
  "drop-table",
  "drop-schema",
  "truncate",
]);

export interface OnlineCase {
  readonly from: SchemaModel;
  readonly to: SchemaModel;
  readonly up: Plan;
  readonly down: Plan;
  /** The migration file `pitstop diff` writes. */
  readonly text: string;
}

/**
 * What `planMigration` does, on one scratch PGlite kept open for every case
 * (opening one costs seconds): load each side, inspect, diff, USING hints
 * and cast checks, online forms.
 */
export class OnlinePlanner {
  #scratch: Promise<Scratch> | undefined;
  readonly #options: ScratchOptions;

  constructor(options: ScratchOptions) {
    this.#options = options;
  }

  async plan(fromSql: string, toSql: string): Promise<OnlineCase> {
    await loadParser();
    this.#scratch ??= openScratch(this.#options);
    const scratch = await this.#scratch;
    await scratch.reset();
    await loadSql(scratch.driver, toSql, "to.sql");
    const to = await inspect(scratch.driver);
    await scratch.reset();
    await loadSql(scratch.driver, fromSql, "from.sql");
    const from = await inspect(scratch.driver);
    const hints = parseUsingHints([{ file: "to.sql", text: toSql }]);
    const db = scratch.driver;
    const up = await resolveTypeChanges(db, diff(from, to), from, to, hints, "up");
    const down = await resolveTypeChanges(db, diff(to, from), to, from, hints, "down");
    const onlineUp = onlinePlan(up.plan, from, to);
    const onlineDown = onlinePlan(down.plan, to, from);
    return {
      from,
      to,
      up: onlineUp,
      down: onlineDown,
      text: migrationText("to.sql", onlineUp, onlineDown),
    };
  }

  async close(): Promise<void> {
    if (this.#scratch) await (await this.#scratch).close();
  }
}

/** Error-level lint findings on migration `version` of `dir`, but destructive ones and `allowed` rules. */
export async function lintErrors(
  dir: string,
  version: string,
  allowed: readonly string[] = [],
): Promise<string[]> {
  const migrations = await directorySource({ dir }).load();
  return lint(migrations, { select: (m) => m.version === version })
    .findings.filter(
      (f) => f.severity === "error" && !DESTRUCTIVE_RULES.has(f.rule) && !allowed.includes(f.rule),
    )
    .map((f) => `${f.file}:${f.line}: ${f.rule}: ${f.message}`);
}

/**
 * Where tests plan: the cached PGlite template when the PGlite driver runs
 * (what `pitstop diff` uses by default), else a temporary database on the
 * test server (`DRIVERS=pg` builds no PGlite template).
 */
export function scratchOptions(template: string, pgUrl: string): ScratchOptions {
  return template !== "" ? { cacheDir: path.dirname(template) } : { devUrl: pgUrl };
}
