import { checksum } from "../core/checksum.js";
import { PitstopError } from "../core/errors.js";
import type { CodeScript, Migration, MigrationDb, SqlScript } from "../core/migration.js";
import { canonicalVersion, compareVersions, isVersion } from "../core/version.js";
import type { MigrationSource } from "./source.js";

/** A migration given in code, e.g. embedded in a bundled app. */
export interface MigrationDefinition {
  /** `20240101120000` or `000001`. */
  version: string;
  name: string;
  /** SQL text, or a function for a code migration. */
  up: string | ((db: MigrationDb) => Promise<void>);
  down?: string | ((db: MigrationDb) => Promise<void>);
  /** `false` to run outside a transaction; by default SQL decides by its statements. */
  transaction?: boolean;
  /** The same for the down script, when it differs from `transaction`. */
  downTransaction?: boolean;
  /** Checksum recorded for the up script; computed from the SQL when absent. */
  checksum?: string;
}

/**
 * Migrations from an in-memory list (no files at run time).
 *
 * @example
 * const source = listSource([
 *   { version: "000001", name: "create_users", up: "CREATE TABLE users (id bigint);", down: "DROP TABLE users;" },
 * ]);
 */
export function listSource(
  definitions: readonly MigrationDefinition[],
  description = "bundled migrations",
): MigrationSource {
  return {
    description,
    load: async () =>
      definitions.map(toMigration).sort((a, b) => compareVersions(a.version, b.version)),
  };
}

function toMigration(d: MigrationDefinition): Migration {
  if (!isVersion(d.version)) {
    throw new PitstopError(
      "MIGRATION_NAME",
      `bundled migration ${JSON.stringify(d.name)}: version ${JSON.stringify(d.version)} is not a number`,
      {
        hint: "Use the number from the file name, e.g. 20240101120000.",
      },
    );
  }
  const file = `${d.version}_${d.name}`;
  const up = script(d.up, `${file} (up)`, d.transaction);
  const down =
    d.down === undefined
      ? undefined
      : script(d.down, `${file} (down)`, d.downTransaction ?? d.transaction);
  return {
    version: canonicalVersion(d.version),
    versionText: d.version,
    name: d.name,
    up,
    down,
    checksum: d.checksum ?? (typeof d.up === "string" ? checksum(d.up) : checksum(`code:${file}`)),
  };
}

function script(
  body: MigrationDefinition["up"],
  file: string,
  transaction: boolean | undefined,
): SqlScript | CodeScript {
  const tx = transaction === false ? { transaction: false } : {};
  if (typeof body === "string")
    return { kind: "sql", sql: body, file, source: body, offset: 0, ...tx };
  return { kind: "code", file, run: body, ...tx };
}
