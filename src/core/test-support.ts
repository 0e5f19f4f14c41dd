import { checksum } from "./checksum.js";
import type { HistoryRecord, Migration } from "./migration.js";
import { canonicalVersion } from "./version.js";

/** A migration built in memory for unit tests of pure code. */
export function fakeMigration(
  versionText: string,
  name = `m${versionText}`,
  options: { down?: boolean; sql?: string } = {},
): Migration {
  const sql = options.sql ?? `SELECT ${Number(versionText)};`;
  const file = `migrations/${versionText}_${name}.sql`;
  return {
    version: canonicalVersion(versionText),
    versionText,
    name,
    up: { kind: "sql", sql, file, source: sql, offset: 0 },
    down:
      options.down === false
        ? undefined
        : { kind: "sql", sql: "SELECT 0;", file, source: "SELECT 0;", offset: 0 },
    checksum: checksum(sql),
  };
}

export function appliedRecord(m: Migration, overrides: Partial<HistoryRecord> = {}): HistoryRecord {
  return {
    version: m.version,
    name: m.name,
    checksum: m.checksum,
    state: "applied",
    appliedAt: new Date(0),
    durationMs: 1,
    progress: 0,
    error: null,
    ...overrides,
  };
}
