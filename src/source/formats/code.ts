import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { checksum } from "../../core/checksum.js";
import { PitstopError } from "../../core/errors.js";
import type { CodeScript, Migration, MigrationDb } from "../../core/migration.js";
import { canonicalVersion } from "../../core/version.js";
import { ownAliases } from "../own-entry.js";

/**
 * TypeScript/JavaScript migrations beside SQL ones: `<version>_<name>.ts`
 * (or .mts, .cts, .js, .mjs, .cjs) exporting `up(db)`, optionally `down(db)`
 * and `config = { transaction: false }`. Loaded with jiti, no build step.
 */

const CODE_FILE = /^(\d+)_(.+?)\.(ts|mts|cts|js|mjs|cjs)$/;

export function isCodeMigrationFile(fileName: string): boolean {
  return CODE_FILE.test(fileName) && !/\.d\.[mc]?ts$/.test(fileName);
}

/** What a code migration module exports. */
export interface CodeMigrationModule {
  up(db: MigrationDb): Promise<void>;
  down?(db: MigrationDb): Promise<void>;
  config?: { transaction?: boolean };
}

type Jiti = { import(id: string): Promise<unknown> };

let jiti: Promise<Jiti> | undefined;

async function loader(): Promise<Jiti> {
  jiti ??= import("jiti").then(({ createJiti }) => createJiti(import.meta.url, ownAliases()));
  return jiti;
}

/** Loads code migrations (`files` are paths as shown in messages). */
export async function loadCodeMigrations(files: readonly string[]): Promise<Migration[]> {
  if (files.length === 0) return [];
  const jiti = await loader();
  return Promise.all(files.map((file) => loadOne(jiti, file)));
}

async function loadOne(jiti: Jiti, file: string): Promise<Migration> {
  const m = CODE_FILE.exec(file.split(/[\\/]/).pop()!)!;
  const text = readFileSync(file, "utf8");
  let mod: Partial<CodeMigrationModule> & { default?: Partial<CodeMigrationModule> };
  try {
    mod = (await jiti.import(resolve(file))) as typeof mod;
  } catch (error) {
    throw new PitstopError(
      "CODE_MIGRATION",
      `${file}: cannot load: ${error instanceof Error ? error.message : String(error)}`,
      {
        hint: "Fix the module so that it loads; it is run with jiti (TypeScript without a build step).",
        cause: error,
      },
    );
  }
  const exports = typeof mod.up === "function" ? mod : (mod.default ?? mod);
  if (typeof exports.up !== "function") {
    throw new PitstopError("CODE_MIGRATION", `${file}: exports no up() function`, {
      hint: "Write `export async function up(db: MigrationDb) { ... }` (and optionally down).",
    });
  }
  if (exports.down !== undefined && typeof exports.down !== "function") {
    throw new PitstopError("CODE_MIGRATION", `${file}: down is exported but is not a function`, {
      hint: "Export `async function down(db)`, or nothing named down.",
    });
  }
  const tx = exports.config?.transaction === false ? { transaction: false } : {};
  const script = (fn: (db: MigrationDb) => Promise<void>): CodeScript => ({
    kind: "code",
    file,
    run: (db) => fn(db),
    ...tx,
  });
  return {
    version: canonicalVersion(m[1]!),
    versionText: m[1]!,
    name: m[2]!,
    up: script(exports.up.bind(exports)),
    down: exports.down ? script(exports.down.bind(exports)) : undefined,
    checksum: checksum(text),
  };
}
