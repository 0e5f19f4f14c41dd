import { resolve } from "node:path";
import { PitstopError } from "../core/errors.js";
import type { SqlScript } from "../core/migration.js";
import { readSourceText } from "../source/read-text.js";
import type { AnalyzedStatement } from "../sql/analyze.js";
import { classify } from "../sql/classify.js";
import { loadParser } from "../sql/parser.js";
import { splitSql } from "../sql/split.js";
import { codeFrame, LineIndex } from "../sql/text.js";
import type { SeedFile, SeedFunction } from "./seed.js";

/** A seed read and checked, ready to run. */
export type LoadedSeed =
  | {
      readonly seed: SeedFile;
      readonly kind: "sql";
      readonly script: SqlScript;
      readonly statements: readonly AnalyzedStatement[];
    }
  | {
      readonly seed: SeedFile;
      readonly kind: "code";
      readonly run: SeedFunction;
      /** `export const tables = [...]`: what `--reset` empties for this seed. */
      readonly tables: readonly string[] | undefined;
    };

/** Newest server we know about: `classify` only looks at versions for pre-12 behaviour. */
const ANY_SERVER = 999_999;

/**
 * Reads every seed before any runs: SQL is split and checked with the
 * PostgreSQL parser (a syntax error names file:line:col), code is imported
 * through jiti. A seed that cannot run in a transaction is refused.
 */
export async function loadSeeds(
  seeds: readonly SeedFile[],
  serverVersion = ANY_SERVER,
): Promise<LoadedSeed[]> {
  await loadParser();
  const loaded: LoadedSeed[] = [];
  for (const seed of seeds) {
    loaded.push(seed.kind === "sql" ? loadSql(seed, serverVersion) : await loadCode(seed));
  }
  return loaded;
}

function loadSql(seed: SeedFile, serverVersion: number): LoadedSeed {
  const source = readSourceText(seed.file);
  const script: SqlScript = { kind: "sql", sql: source, file: seed.file, source, offset: 0 };
  const { statements } = splitSql(source, { file: seed.file });
  const analyzed = statements.map((s) => ({ ...s, facts: classify(s, serverVersion) }));
  for (const s of analyzed) {
    if (s.facts.transactionControl) {
      throw refusal(seed, source, s.start, "manages its own transaction", [
        "Every seed runs in a transaction of its own: remove BEGIN/COMMIT/ROLLBACK/SAVEPOINT.",
      ]);
    }
    if (!s.facts.transactional) {
      throw refusal(
        seed,
        source,
        s.start,
        `runs ${s.facts.reason}, which cannot run in a transaction`,
        ["Seeds run in a transaction; put this statement in a migration instead."],
      );
    }
  }
  return { seed, kind: "sql", script, statements: analyzed };
}

function refusal(
  seed: SeedFile,
  source: string,
  offset: number,
  what: string,
  hint: string[],
): PitstopError {
  const index = new LineIndex(source);
  const { line, column } = index.locate(offset);
  return new PitstopError("SEED_FORMAT", `${seed.file}:${line}:${column}: the seed ${what}`, {
    location: { file: seed.file, line, column },
    frame: codeFrame(index, offset),
    hint: `${hint.join(" ")} Nothing was run.`,
  });
}

async function loadCode(seed: SeedFile): Promise<LoadedSeed> {
  const { importCode } = await import("../source/load-code.js");
  let mod: Record<string, unknown>;
  try {
    mod = await importCode(resolve(seed.file), { fresh: true });
  } catch (error) {
    throw new PitstopError(
      "SEED_FORMAT",
      `${seed.file}: cannot load the seed: ${error instanceof Error ? error.message : String(error)}`,
      { hint: "Fix the file so it compiles and imports; nothing was run.", cause: error },
    );
  }
  const run = mod.seed ?? mod.default;
  if (typeof run !== "function") {
    throw new PitstopError("SEED_FORMAT", `${seed.file}: exports no seed function`, {
      hint: "Write `export async function seed(db, ctx) { ... }` (or export it as default).",
    });
  }
  const tables = mod.tables;
  if (
    tables !== undefined &&
    !(Array.isArray(tables) && tables.every((t) => typeof t === "string"))
  ) {
    throw new PitstopError(
      "SEED_FORMAT",
      `${seed.file}: \`tables\` must be an array of table names`,
      {
        hint: 'Write `export const tables = ["users", "app.roles"];`: the tables `--reset` empties for this seed.',
      },
    );
  }
  return { seed, kind: "code", run: run as SeedFunction, tables: tables as string[] | undefined };
}
