import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileSystemError, PitstopError } from "../core/errors.js";
import type { Migration } from "../core/migration.js";
import { compareVersions, fitsBigint, MAX_VERSION } from "../core/version.js";
import { isCodeMigrationFile, loadCodeMigrations } from "./formats/code.js";
import { dbmateFormat } from "./formats/dbmate.js";
import {
  detectFormat,
  type FormatName,
  type MigrationFormat,
  type SqlFile,
} from "./formats/format.js";
import { golangMigrateFormat } from "./formats/golang-migrate.js";
import { gooseFormat } from "./formats/goose.js";
import { pitstopFormat } from "./formats/pitstop.js";
import { readSourceText } from "./read-text.js";
import type { MigrationSource } from "./source.js";

export const DEFAULT_MIGRATIONS_DIR = "migrations";

/** Every folder format, by name. */
export const FORMATS: Readonly<Record<FormatName, MigrationFormat>> = {
  pitstop: pitstopFormat,
  "golang-migrate": golangMigrateFormat,
  goose: gooseFormat,
  dbmate: dbmateFormat,
};

export interface DirectorySourceOptions {
  /** The folder, as it should appear in messages (relative paths stay relative). */
  dir: string;
  /** Missing folder: empty list instead of an error. */
  allowMissing?: boolean;
  /**
   * Read the folder as this format instead of detecting it from the files
   * (pitstop, golang-migrate, goose, dbmate).
   */
  format?: FormatName;
  /** Environment for goose's ENVSUB (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Migrations from a folder: pitstop's format, golang-migrate, goose or dbmate
 * (detected from the files, one format a folder), plus TypeScript/JavaScript
 * migrations beside them.
 *
 * @example
 * const source = directorySource({ dir: "db/migrations", format: "goose" });
 */
export function directorySource(options: DirectorySourceOptions): MigrationSource {
  return {
    description: `${options.dir}/`,
    load: async () => (await readMigrationFolder(options)).migrations,
  };
}

/** A folder as read: its files, its format and its migrations in version order. */
export interface MigrationFolder {
  readonly format: FormatName;
  readonly sqlFiles: readonly SqlFile[];
  /** Code migration files (paths as shown in messages). */
  readonly codeFiles: readonly string[];
  readonly migrations: Migration[];
}

/** Reads the `.sql` files of a folder and detects (or checks) its format, without loading code. */
export function scanMigrationFolder(
  options: DirectorySourceOptions,
): Omit<MigrationFolder, "migrations"> {
  const { dir } = options;
  let entries: string[];
  // Regular files as the directory listing tells (d_type): read without a stat
  // each. Anything else (a folder, a FIFO, a symlink) is stat'ed and refused
  // or followed by readSourceText.
  const regular = new Set<string>();
  try {
    // Sync reads: for a folder of small files they beat fs/promises several times
    // over (no thread-pool round trips), and this runs once per command.
    entries = readdirSync(dir, { withFileTypes: true }).map((d) => {
      if (d.isFile()) regular.add(d.name);
      return d.name;
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      if (options.allowMissing)
        return { format: options.format ?? "pitstop", sqlFiles: [], codeFiles: [] };
      throw new PitstopError("NO_MIGRATIONS_DIR", `migrations folder ${dir}/ does not exist`, {
        hint: "Create it with `pitstop init`, or point --dir (PITSTOP_DIR) at your migrations.",
        exitCode: 2,
      });
    }
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") {
      throw new PitstopError("NO_MIGRATIONS_DIR", `migrations folder ${dir} is a file`, {
        hint: "Point --dir (PITSTOP_DIR, or `dir` in the config) at the folder that holds the migrations.",
        exitCode: 2,
      });
    }
    throw fileSystemError(error) ?? error;
  }
  entries.sort();
  checkExtensions(dir, entries);
  const goMigration = entries.find(
    (name) => /^\d+_.*\.go$/.test(name) && !name.endsWith("_test.go"),
  );
  if (goMigration) {
    throw new PitstopError(
      "GO_MIGRATION",
      `${join(dir, goMigration)}: a goose Go migration, which pitstop cannot run`,
      {
        hint: "Port it to a TypeScript migration beside it (same version, .ts, `export async function up(db)`; see docs/compat.md), then remove the .go file.",
      },
    );
  }
  const sqlFiles = entries
    .filter((name) => name.endsWith(".sql"))
    .map((name) => {
      const path = join(dir, name);
      return { name, path, text: readSourceText(path, regular.has(name)) };
    });
  const codeFiles = entries.filter(isCodeMigrationFile).map((name) => join(dir, name));
  const format = options.format ?? detectFormat(dir, sqlFiles);
  return { format, sqlFiles, codeFiles };
}

/** `001_a.SQL` would be skipped without a word: ask for the lower-case extension. */
function checkExtensions(dir: string, entries: readonly string[]): void {
  const odd = entries.find((name) => /\.sql$/i.test(name) && !name.endsWith(".sql"));
  if (odd) {
    throw new PitstopError(
      "MIGRATION_NAME",
      `${join(dir, odd)}: the extension must be lower-case .sql to be read as a migration`,
      { hint: `Rename it to ${odd.replace(/\.sql$/i, ".sql")}.` },
    );
  }
}

export async function readMigrationFolder(
  options: DirectorySourceOptions,
): Promise<MigrationFolder> {
  // Let a connection that was just started send its packets before the
  // synchronous reads below: the files are read while the server answers.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const scan = scanMigrationFolder(options);
  const migrations = FORMATS[scan.format].read(scan.sqlFiles, options.env);
  migrations.push(...(await loadCodeMigrations(scan.codeFiles)));
  checkUniqueCanonical(options.dir, migrations);
  migrations.sort((a, b) => compareVersions(a.version, b.version));
  return { ...scan, migrations };
}

/** `1_a.sql` and `001_b.sql` are both version 1; so are `1_a.sql` and `1_b.ts`. */
function checkUniqueCanonical(dir: string, migrations: Migration[]): void {
  const seen = new Map<string, Migration>();
  for (const m of migrations) {
    if (!fitsBigint(m.version)) {
      throw new PitstopError(
        "MIGRATION_NAME",
        `${m.up.file}: version ${m.versionText} is larger than the history table can hold (a bigint, at most ${MAX_VERSION})`,
        {
          hint: "Use a shorter version: a 14-digit timestamp (`pitstop create` writes one) or a sequence number.",
        },
      );
    }
    const other = seen.get(m.version);
    if (other) {
      throw new PitstopError(
        "DUPLICATE_VERSION",
        `${m.up.file}: version ${m.versionText} is the same number as ${other.up.file} (${other.versionText})`,
        { hint: `Rename one of them; versions in ${dir}/ are compared as numbers.` },
      );
    }
    seen.set(m.version, m);
  }
}
