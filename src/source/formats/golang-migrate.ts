import type { PitstopError } from "../../core/errors.js";
import type { Migration, SqlScript } from "../../core/migration.js";
import {
  type MigrationFormat,
  notThisFormat,
  type PortableMigration,
  type SqlFile,
  tidySection,
} from "./format.js";
import {
  downWithoutUp,
  type FileGroup,
  groupFiles,
  type ParsedName,
  sqlMigration,
} from "./pitstop.js";

/**
 * golang-migrate: `<version>_<title>.up.sql` and `<version>_<title>.down.sql`,
 * each file plain SQL run as it is (golang-migrate sends a file as one
 * multi-statement query; pitstop decides the transaction from the statements).
 */

const FILE = /^(\d+)_(.*)\.(up|down)\.sql$/;

export function parseGolangMigrateName(fileName: string): ParsedName | undefined {
  const m = FILE.exec(fileName);
  if (!m) return undefined;
  return { versionText: m[1]!, name: m[2]!, direction: m[3] as "up" | "down" };
}

function badName(file: SqlFile): PitstopError {
  return notThisFormat(
    file,
    "golang-migrate",
    "not a golang-migrate file name (<version>_<title>.up.sql or .down.sql)",
  );
}

function whole(file: SqlFile): SqlScript {
  return { kind: "sql", sql: file.text, file: file.path, source: file.text, offset: 0 };
}

function readGroup(group: FileGroup): Migration {
  if (!group.up) throw downWithoutUp(group.down!);
  return sqlMigration(group.name, whole(group.up), group.down ? whole(group.down) : undefined);
}

/** golang-migrate reverts a migration without a `.down.sql` file by running nothing: so does pitstop. */
function readRunnable(group: FileGroup): Migration {
  const m = readGroup(group);
  if (m.down) return m;
  const path = group.up!.path.replace(/\.up\.sql$/, ".down.sql");
  return { ...m, down: { kind: "sql", sql: "", file: path, source: "", offset: 0 } };
}

export const golangMigrateFormat: MigrationFormat = {
  name: "golang-migrate",
  read: (files) => groupFiles(files, parseGolangMigrateName, badName).map(readRunnable),
  portable: (files) =>
    groupFiles(files, parseGolangMigrateName, badName).map((group): PortableMigration => {
      const m = readGroup(group);
      return {
        versionText: m.versionText,
        name: m.name,
        up: tidySection((m.up as SqlScript).sql),
        down: m.down ? tidySection((m.down as SqlScript).sql) : undefined,
        upTransaction: true,
        downTransaction: true,
      };
    }),
  write(m) {
    const base = `${m.versionText}_${m.name}`;
    // golang-migrate has no markers: a header stays at the top of the up file.
    const files = [{ name: `${base}.up.sql`, text: `${m.header ?? ""}${m.up}` }];
    if (m.down !== undefined) files.push({ name: `${base}.down.sql`, text: m.down });
    const warnings =
      m.upTransaction && m.downTransaction
        ? []
        : [
            `${base}: golang-migrate has no way to say "no transaction"; the file runs as one multi-statement query there (pitstop still detects statements that cannot run in a transaction)`,
          ];
    return { files, warnings };
  },
};
