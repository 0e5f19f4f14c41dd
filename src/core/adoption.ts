/**
 * Adopting a database migrated by another tool: which of the folder's
 * migrations its history says are applied, and what pitstop records for them.
 * Pure: the store reads the tables, the runner writes the result.
 */
import { PitstopError } from "./errors.js";
import { type Migration, migrationId } from "./migration.js";
import { compareVersions, maxVersion } from "./version.js";

export type ForeignTool = "golang-migrate" | "goose" | "dbmate";

export const FOREIGN_TOOLS: readonly ForeignTool[] = ["golang-migrate", "goose", "dbmate"];

/** Another tool's history, as read from its table. */
export type ForeignHistory =
  | {
      readonly tool: "goose" | "dbmate";
      /** The table, as shown to users (`public.goose_db_version`). */
      readonly table: string;
      /** Applied canonical versions, with when they were applied where the tool records it. */
      readonly applied: ReadonlyMap<string, Date | null>;
    }
  | {
      readonly tool: "golang-migrate";
      readonly table: string;
      /** golang-migrate keeps one row: the version the database is at (none: nothing applied). */
      readonly current: { readonly version: string; readonly dirty: boolean } | undefined;
    };

/** One row pitstop writes for an adopted (or baselined) migration. */
export interface AdoptedRecord {
  readonly version: string;
  /** `00002_add_index`, or the bare version when there is no file. */
  readonly id: string;
  readonly name: string;
  /** sha256 of the file's up script; empty when the file is missing. */
  readonly checksum: string;
  readonly appliedAt: Date | null;
}

export interface AdoptionPlan {
  readonly tool: ForeignTool;
  readonly table: string;
  readonly records: readonly AdoptedRecord[];
  /** Applied versions with no file in the folder (recorded; `status` shows them as missing). */
  readonly missing: readonly string[];
  /** Files older than the newest applied version that the other tool never applied. */
  readonly notApplied: readonly string[];
}

/**
 * The rows goose's `goose_db_version` keeps, to the applied versions: the
 * latest row of a version says whether it is applied; version 0 is the row
 * goose writes when it creates the table.
 */
export function gooseApplied(
  rows: readonly { version: string; applied: boolean; at: Date | null }[],
): Map<string, Date | null> {
  const latest = new Map<string, { applied: boolean; at: Date | null }>();
  for (const row of rows) latest.set(row.version, row);
  const applied = new Map<string, Date | null>();
  for (const [version, row] of latest) {
    if (version !== "0" && row.applied) applied.set(version, row.at);
  }
  return applied;
}

/**
 * The canonical versions the other tool applied. golang-migrate: every file
 * up to its version (a dirty flag stops adoption, see `planAdoption`).
 */
export function foreignApplied(
  migrations: readonly Migration[],
  foreign: ForeignHistory,
): Map<string, Date | null> {
  if (foreign.tool !== "golang-migrate") return new Map(foreign.applied);
  const current = foreign.current;
  const applied = new Map<string, Date | null>();
  if (!current) return applied;
  for (const m of migrations) {
    if (compareVersions(m.version, current.version) <= 0) applied.set(m.version, null);
  }
  return applied;
}

/** What `pitstop adopt` records. Throws when the other tool's history cannot be trusted. */
export function planAdoption(
  migrations: readonly Migration[],
  foreign: ForeignHistory,
): AdoptionPlan {
  if (foreign.tool === "golang-migrate" && foreign.current) {
    const { version, dirty } = foreign.current;
    const file = migrations.find((m) => m.version === version);
    if (dirty) {
      throw new PitstopError(
        "ADOPT_DIRTY",
        `${foreign.table} says migration ${file ? migrationId(file) : version} is dirty: it failed part-way under golang-migrate, so nobody knows what of it is applied`,
        {
          hint: `Repair the database by hand (finish or undo migration ${version}), mark it clean with golang-migrate (\`migrate force ${version}\`, or the previous version if you undid it), then run \`pitstop adopt\` again.`,
        },
      );
    }
    if (!file) {
      throw new PitstopError(
        "ADOPT_UNKNOWN_VERSION",
        `${foreign.table} says the database is at version ${version}, but no migration in the folder has that version`,
        {
          hint: "golang-migrate records only the latest version, so pitstop cannot tell what is applied without its file. Point --dir at the folder this database was migrated from.",
        },
      );
    }
  }
  const applied = foreignApplied(migrations, foreign);
  const files = new Map(migrations.map((m) => [m.version, m]));
  const records: AdoptedRecord[] = [];
  const missing: string[] = [];
  for (const [version, appliedAt] of [...applied].sort((a, b) => compareVersions(a[0], b[0]))) {
    const m = files.get(version);
    if (!m) missing.push(version);
    records.push({
      version,
      id: m ? migrationId(m) : version,
      name: m?.name ?? "",
      checksum: m?.checksum ?? "",
      appliedAt,
    });
  }
  const newest = maxVersion(applied.keys());
  const notApplied = migrations
    .filter(
      (m) =>
        !applied.has(m.version) && newest !== undefined && compareVersions(m.version, newest) < 0,
    )
    .map(migrationId);
  return { tool: foreign.tool, table: foreign.table, records, missing, notApplied };
}

/** `pitstop baseline V`: every migration up to V, recorded as applied. */
export function planBaseline(migrations: readonly Migration[], version: string): AdoptedRecord[] {
  const v = version.replace(/^0+(?=\d)/, "");
  if (!/^\d+$/.test(v) || !migrations.some((m) => m.version === v)) {
    throw new PitstopError("UNKNOWN_VERSION", `no migration has version ${version}`, {
      hint: "Give the version of the newest migration the database already holds (`pitstop status` lists them).",
      exitCode: 2,
    });
  }
  return migrations
    .filter((m) => compareVersions(m.version, v) <= 0)
    .map((m) => ({
      version: m.version,
      id: migrationId(m),
      name: m.name,
      checksum: m.checksum,
      appliedAt: null,
    }));
}
