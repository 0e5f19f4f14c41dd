import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PitstopError } from "../core/errors.js";
import type { Migration, SqlScript } from "../core/migration.js";
import { compareVersions } from "../core/version.js";
import { type ParsedName, parseFileName, parseSections, sqlMigration } from "./formats/pitstop.js";
import type { MigrationSource } from "./source.js";

export const DEFAULT_MIGRATIONS_DIR = "migrations";

export interface DirectorySourceOptions {
  /** The folder, as it should appear in messages (relative paths stay relative). */
  dir: string;
  /** Missing folder: empty list instead of an error. */
  allowMissing?: boolean;
}

/** Migrations from a folder of `.sql` files in pitstop's format. */
export function directorySource(options: DirectorySourceOptions): MigrationSource {
  return {
    description: `${options.dir}/`,
    load: () => loadDirectory(options),
  };
}

async function loadDirectory({ dir, allowMissing }: DirectorySourceOptions): Promise<Migration[]> {
  // Let a connection that was just started send its packets before the
  // synchronous reads below: the files are read while the server answers.
  await new Promise<void>((resolve) => setImmediate(resolve));
  let entries: string[];
  try {
    // Sync reads: for a folder of small files they beat fs/promises several times
    // over (no thread-pool round trips), and this runs once per command.
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      if (allowMissing) return [];
      throw new PitstopError("NO_MIGRATIONS_DIR", `migrations folder ${dir}/ does not exist`, {
        hint: "Create it with `pitstop init`, or point --dir (PITSTOP_DIR) at your migrations.",
        exitCode: 2,
      });
    }
    throw error;
  }
  const files = entries.filter((f) => f.endsWith(".sql")).sort();
  const groups = new Map<
    string,
    { name: ParsedName; single?: string; up?: string; down?: string }
  >();
  for (const file of files) {
    const parsed = parseFileName(file);
    if (!parsed) {
      throw new PitstopError("MIGRATION_NAME", `${join(dir, file)}: not a migration file name`, {
        hint: "Name migrations <version>_<name>.sql (or .up.sql/.down.sql), e.g. 20240101120000_create_users.sql, or move the file out of the folder.",
      });
    }
    const key = parsed.versionText;
    const group = groups.get(key) ?? { name: parsed };
    const slot = parsed.direction ?? "single";
    if (
      group[slot] !== undefined ||
      (slot === "single" && (group.up || group.down)) ||
      (slot !== "single" && group.single)
    ) {
      const other = group.single ?? group.up ?? group.down;
      throw new PitstopError(
        "DUPLICATE_VERSION",
        `${join(dir, file)}: version ${key} is also used by ${join(dir, other!)}`,
        {
          hint: "Every migration needs its own version: rename one of them (`pitstop create` picks a free one).",
        },
      );
    }
    group[slot] = file;
    groups.set(key, group);
  }
  const migrations = [...groups.values()].map((g) => loadGroup(dir, g));
  checkUniqueCanonical(dir, migrations);
  return migrations.sort((a, b) => compareVersions(a.version, b.version));
}

function loadGroup(
  dir: string,
  group: { name: ParsedName; single?: string; up?: string; down?: string },
): Migration {
  if (group.single) {
    const file = join(dir, group.single);
    const { up, down } = parseSections(readFileSync(file, "utf8"), file);
    return sqlMigration(group.name, up, down);
  }
  if (!group.up) {
    const file = join(dir, group.down!);
    throw new PitstopError("MIGRATION_FORMAT", `${file}: a down migration without its up file`, {
      hint: `Add ${file.replace(/\.down\.sql$/, ".up.sql")}, or delete the down file.`,
    });
  }
  const up = readScript(join(dir, group.up), false);
  const down = group.down ? readScript(join(dir, group.down), true) : undefined;
  return sqlMigration(parseFileName(group.up)!, up, down);
}

function readScript(file: string, isDown: boolean): SqlScript {
  return parseSections(readFileSync(file, "utf8"), file, isDown).up;
}

/** `1_a.sql` and `001_b.sql` are both version 1. */
function checkUniqueCanonical(dir: string, migrations: Migration[]): void {
  const seen = new Map<string, Migration>();
  for (const m of migrations) {
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
