import {
  type AdoptedRecord,
  type ForeignHistory,
  type ForeignTool,
  foreignApplied,
  planAdoption,
  planBaseline,
} from "../core/adoption.js";
import { PitstopError } from "../core/errors.js";
import { type HistoryRecord, type Migration, migrationId } from "../core/migration.js";
import { maxVersion } from "../core/version.js";
import type { Queryable, Session } from "../driver/driver.js";
import { adoptionSql } from "../store/adopt.js";
import {
  FOREIGN_TABLES,
  findForeignHistory,
  readForeignHistory,
} from "../store/foreign-history.js";
import { type HistoryTable, qualifiedName } from "../store/history.js";

export interface AdoptOptions {
  /** The tool whose history to take over; detected when there is only one. */
  readonly from?: ForeignTool;
  /** Its table, when not the tool's default name (`schema_migrations`, `goose_db_version`). */
  readonly table?: string;
}

export interface AdoptReport {
  readonly tool: ForeignTool;
  /** The other tool's table, left as it was. */
  readonly from: string;
  readonly historyTable: string;
  readonly records: readonly AdoptedRecord[];
  readonly missing: readonly string[];
  readonly notApplied: readonly string[];
  readonly dryRun: boolean;
}

export interface BaselineReport {
  readonly historyTable: string;
  readonly records: readonly AdoptedRecord[];
  readonly dryRun: boolean;
}

/** What another tool left, summarized for `status`. */
export interface ForeignSummary {
  readonly tool: ForeignTool;
  readonly table: string;
  /** Migrations of the folder that tool applied. */
  readonly applied: number;
  /** The newest of them (canonical version). */
  readonly newest: string | undefined;
  /** golang-migrate's dirty flag. */
  readonly dirty: boolean;
}

const DEFAULT_TABLE: Record<ForeignTool, string> = {
  "golang-migrate": "schema_migrations",
  goose: "goose_db_version",
  dbmate: "schema_migrations",
};

/** The other tools' histories on this database, with how much of the folder each applied. */
export async function foreignSummaries(
  db: Queryable,
  migrations: readonly Migration[],
): Promise<ForeignSummary[]> {
  const out: ForeignSummary[] = [];
  for (const t of await findForeignHistory(db)) {
    const foreign = await readForeignHistory(db, t);
    const applied = [...foreignApplied(migrations, foreign).keys()];
    out.push({
      tool: t.tool,
      table: t.table,
      applied: applied.length,
      newest: maxVersion(applied),
      dirty: foreign.tool === "golang-migrate" && foreign.current?.dirty === true,
    });
  }
  return out;
}

/**
 * Refuses to run migrations on a database that another tool migrated and
 * pitstop has not adopted: they would run a second time.
 */
export async function guardNotAdopted(
  db: Queryable,
  migrations: readonly Migration[],
): Promise<void> {
  for (const s of await foreignSummaries(db, migrations)) {
    if (s.applied === 0) continue;
    const newest = migrations.find((m) => m.version === s.newest);
    throw new PitstopError(
      "NOT_ADOPTED",
      `this database was migrated by ${s.tool} (${s.table}: ${s.applied} of these migrations applied, newest ${newest ? migrationId(newest) : s.newest}) and has no pitstop history; running them again would fail or do harm`,
      {
        hint: `Run \`pitstop adopt\` to take over ${s.tool}'s history without running anything (add --dry-run to preview), then \`pitstop up\`.`,
      },
    );
  }
}

/** `pitstop adopt`: copies another tool's history into pitstop's, under the lock, in one transaction. */
export async function adopt(
  session: Session,
  migrations: readonly Migration[],
  history: readonly HistoryRecord[],
  h: HistoryTable,
  options: AdoptOptions & { dryRun: boolean },
): Promise<AdoptReport> {
  refuseExistingHistory(history, h, "adopt");
  const foreign = await chooseForeign(session, options);
  const plan = planAdoption(migrations, foreign);
  if (!options.dryRun)
    await session.exec(withoutFailedAttempts(history, h, adoptionSql(h, plan.records, plan.tool)));
  return {
    tool: plan.tool,
    from: plan.table,
    historyTable: qualifiedName(h),
    records: plan.records,
    missing: plan.missing,
    notApplied: plan.notApplied,
    dryRun: options.dryRun,
  };
}

/** `pitstop baseline V`: records every migration up to V as applied on a database pitstop never ran on. */
export async function baseline(
  session: Session,
  migrations: readonly Migration[],
  history: readonly HistoryRecord[],
  h: HistoryTable,
  version: string,
  dryRun: boolean,
): Promise<BaselineReport> {
  refuseExistingHistory(history, h, "baseline");
  const records = planBaseline(migrations, version);
  if (!dryRun)
    await session.exec(withoutFailedAttempts(history, h, adoptionSql(h, records, "baseline")));
  return { historyTable: qualifiedName(h), records, dryRun };
}

/**
 * A migration that failed in its transaction (or before its first statement
 * outside one) left a `failed` row and nothing else: it does not count as
 * history, and adopt or baseline may start one.
 */
function isFailedAttempt(r: HistoryRecord): boolean {
  return r.state === "failed" && r.progress === 0;
}

/** The adoption script, with the rows of failed attempts deleted first (in its transaction). */
function withoutFailedAttempts(
  history: readonly HistoryRecord[],
  h: HistoryTable,
  script: string,
): string {
  if (!history.some(isFailedAttempt)) return script;
  return script.replace(
    /^BEGIN;\n/,
    `BEGIN;\nDELETE FROM ${qualifiedName(h)} WHERE state = 'failed' AND progress = 0;\n`,
  );
}

function refuseExistingHistory(
  history: readonly HistoryRecord[],
  h: HistoryTable,
  command: string,
): void {
  const kept = history.filter((r) => !isFailedAttempt(r));
  if (kept.length === 0) return;
  throw new PitstopError(
    "HISTORY_EXISTS",
    `${qualifiedName(h)} already records ${kept.length} migration(s); \`pitstop ${command}\` only starts a history`,
    {
      hint: "The database is already managed by pitstop: see `pitstop status`. To record one migration by hand, use `pitstop force V`.",
    },
  );
}

async function chooseForeign(db: Queryable, options: AdoptOptions): Promise<ForeignHistory> {
  // Without a table named, every schema is searched (`tools.schema_migrations` too).
  const wanted = options.table
    ? [options.table]
    : options.from
      ? [DEFAULT_TABLE[options.from]]
      : [...FOREIGN_TABLES];
  let found = await findForeignHistory(db, options.table ? wanted : undefined);
  if (options.from) found = found.filter((t) => t.tool === options.from);
  if (found.length === 0) {
    const what = options.from
      ? `${options.from}'s history table`
      : "a history table of golang-migrate, goose or dbmate";
    throw new PitstopError(
      "ADOPT_NOTHING",
      `found no ${what} (looked for ${wanted.join(", ")}${options.table ? " on the search path" : " in every schema"})`,
      {
        hint: "Name the table with --from-table (schema.table) if the tool was configured with another one, or use `pitstop baseline V` for a database that has no history at all.",
        exitCode: 2,
      },
    );
  }
  if (found.length > 1) {
    throw new PitstopError(
      "ADOPT_AMBIGUOUS",
      `found several histories: ${found.map((t) => `${t.table} (${t.tool})`).join(", ")}`,
      { hint: "Choose one with --from golang-migrate|goose|dbmate.", exitCode: 2 },
    );
  }
  return readForeignHistory(db, found[0]!);
}
