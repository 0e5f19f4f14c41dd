import { shortChecksum } from "./checksum.js";
import {
  type HistoryRecord,
  isEffectivelyApplied,
  type Migration,
  migrationId,
} from "./migration.js";
import { compareVersions, maxVersion } from "./version.js";

export type MigrationStatusKind =
  /** Applied and the file matches. */
  | "applied"
  /** Applied, but the file changed since. */
  | "changed"
  /** Applied, no file for it here (removed, or this checkout is older). */
  | "missing"
  /** Not applied. */
  | "pending"
  /** Not applied and older than the newest applied migration (merged from a branch). */
  | "out_of_order"
  /** Started outside a transaction and stopped part-way (crash), or another process runs it now. */
  | "running"
  /** Failed; `progress` statements completed before the failure. */
  | "failed"
  /** Being reverted outside a transaction and stopped part-way. */
  | "reverting"
  | "revert_failed";

export interface MigrationStatus {
  readonly version: string;
  readonly id: string;
  readonly status: MigrationStatusKind;
  readonly migration: Migration | undefined;
  readonly record: HistoryRecord | undefined;
}

/** Joins the migrations found in a source with the history table, in version order. */
export function resolveState(
  migrations: readonly Migration[],
  history: readonly HistoryRecord[],
): MigrationStatus[] {
  const records = new Map(history.map((r) => [r.version, r]));
  const files = new Map(migrations.map((m) => [m.version, m]));
  const newestApplied = maxVersion(
    history.filter((r) => isEffectivelyApplied(r)).map((r) => r.version),
  );
  const versions = [...new Set([...files.keys(), ...records.keys()])].sort(compareVersions);
  return versions.map((version) => {
    const migration = files.get(version);
    const record = records.get(version);
    const id = migration ? migrationId(migration) : record ? recordId(record) : version;
    return { version, id, migration, record, status: statusOf(migration, record, newestApplied) };
  });
}

function recordId(r: HistoryRecord): string {
  return r.name ? `${r.version}_${r.name}` : r.version;
}

function statusOf(
  migration: Migration | undefined,
  record: HistoryRecord | undefined,
  newestApplied: string | undefined,
): MigrationStatusKind {
  if (record && record.state !== "applied") {
    if (record.state === "failed" && record.progress === 0) {
      return pendingKind(record.version, newestApplied);
    }
    return record.state;
  }
  if (record) {
    if (!migration) return "missing";
    return migration.checksum === record.checksum ? "applied" : "changed";
  }
  return pendingKind(migration!.version, newestApplied);
}

function pendingKind(version: string, newestApplied: string | undefined): MigrationStatusKind {
  return newestApplied !== undefined && compareVersions(version, newestApplied) < 0
    ? "out_of_order"
    : "pending";
}

/** The version the database is at: the newest migration it holds. */
export function currentVersion(history: readonly HistoryRecord[]): string | undefined {
  return maxVersion(history.filter((r) => isEffectivelyApplied(r)).map((r) => r.version));
}

export function describeChecksumChange(s: MigrationStatus): string {
  return `${shortChecksum(s.record?.checksum ?? "")} recorded, ${shortChecksum(s.migration?.checksum ?? "")} in the file`;
}
