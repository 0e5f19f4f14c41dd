import { shortChecksum } from "./checksum.js";
import { PitstopError } from "./errors.js";
import { type HistoryRecord, isEffectivelyApplied, type Migration } from "./migration.js";
import { type MigrationStatus, resolveState } from "./state.js";
import { canonicalVersion, compareVersions, isVersion } from "./version.js";

export type Direction = "up" | "down";

export interface PlanStep {
  readonly direction: Direction;
  readonly migration: Migration;
  /** Statements of the script already done by an interrupted run (0 = start). */
  readonly resumeFrom: number;
  /** The history row this step continues, if any. */
  readonly record: HistoryRecord | undefined;
}

export interface Plan {
  readonly steps: readonly PlanStep[];
  readonly warnings: readonly string[];
}

export interface PlanOptions {
  /** Apply pending migrations older than the newest applied one. */
  readonly allowOutOfOrder?: boolean;
  /** Do not fail on applied migrations whose file changed. */
  readonly ignoreChecksums?: boolean;
}

export interface UpOptions extends PlanOptions {
  /** At most this many migrations. */
  readonly count?: number;
  /** Up to and including this version. */
  readonly to?: string;
}

export interface DownOptions extends PlanOptions {
  /** This many migrations (default 1). */
  readonly count?: number;
  /** Down to this version, which stays applied (`0` reverts everything). */
  readonly to?: string;
}

/** Steps that bring the database up: interrupted migrations first resumed, then pending ones. */
export function planUp(
  migrations: readonly Migration[],
  history: readonly HistoryRecord[],
  options: UpOptions = {},
): Plan {
  const states = resolveState(migrations, history);
  const warnings = checkHistory(states, options);
  const to = options.to === undefined ? undefined : knownTarget(options.to, migrations);
  const steps: PlanStep[] = [];
  for (const s of states) {
    if (to !== undefined && compareVersions(s.version, to) > 0) break;
    if (s.status === "reverting" || s.status === "revert_failed") throw halfReverted(s);
    if (s.status === "out_of_order" && !options.allowOutOfOrder) throw outOfOrder(s, states);
    if (!isUpCandidate(s)) continue;
    if (!s.migration) throw missingFile(s, "resume");
    steps.push({
      direction: "up",
      migration: s.migration,
      resumeFrom: s.record?.progress ?? 0,
      record: s.record,
    });
  }
  return { steps: limit(steps, options.count), warnings };
}

function isUpCandidate(s: MigrationStatus): boolean {
  return (
    s.status === "pending" ||
    s.status === "out_of_order" ||
    s.status === "running" ||
    s.status === "failed"
  );
}

/** Steps that revert the newest applied migrations, newest first. */
export function planDown(
  migrations: readonly Migration[],
  history: readonly HistoryRecord[],
  options: DownOptions = {},
): Plan {
  const states = resolveState(migrations, history);
  const warnings = checkHistory(states, options);
  const to = options.to === undefined ? undefined : downTarget(options.to, migrations, history);
  const applied = states.filter((s) => s.record && isEffectivelyApplied(s.record)).reverse();
  const chosen =
    to !== undefined
      ? applied.filter((s) => compareVersions(s.version, to) > 0)
      : applied.slice(0, options.count ?? 1);
  return { steps: chosen.map(downStep), warnings };
}

function downStep(s: MigrationStatus): PlanStep {
  if (s.status === "running" || s.status === "failed") {
    throw new PitstopError(
      "PARTIALLY_APPLIED",
      `migration ${s.id} is partially applied (${s.record!.progress} statement(s) done, state ${s.record!.state}): it cannot be reverted as a whole`,
      {
        hint: "Finish it with `pitstop up`, or fix the database by hand and record the outcome with `pitstop force`.",
      },
    );
  }
  if (!s.migration) throw missingFile(s, "revert");
  if (!s.migration.down) {
    throw new PitstopError("NO_DOWN", `migration ${s.id} has no down script`, {
      hint: `Add a \`-- +down\` section to ${s.migration.up.file}, or revert by hand and run \`pitstop force ${s.migration.versionText} --unapplied\`.`,
    });
  }
  const resuming = s.status === "reverting" || s.status === "revert_failed";
  return {
    direction: "down",
    migration: s.migration,
    resumeFrom: resuming ? s.record!.progress : 0,
    record: s.record,
  };
}

/** Steps that leave exactly the migrations up to `target` applied. */
export function planGoto(
  migrations: readonly Migration[],
  history: readonly HistoryRecord[],
  target: string,
  options: PlanOptions = {},
): Plan {
  const to = downTarget(target, migrations, history);
  const down = planDown(migrations, history, { ...options, to });
  const up = planUp(migrations, history, {
    ...options,
    ...(to === "0" ? { count: 0 } : { to }),
  });
  return { steps: [...down.steps, ...up.steps], warnings: [...down.warnings] };
}

/** Reverts the newest applied migration and applies it again. */
export function planRedo(
  migrations: readonly Migration[],
  history: readonly HistoryRecord[],
  options: PlanOptions = {},
): Plan {
  const down = planDown(migrations, history, { ...options, count: 1 });
  const step = down.steps[0];
  if (!step) return down;
  const up: PlanStep = {
    direction: "up",
    migration: step.migration,
    resumeFrom: 0,
    record: undefined,
  };
  return { steps: [step, up], warnings: down.warnings };
}

/** Applied migrations whose file changed fail the plan unless told otherwise. */
function checkHistory(states: readonly MigrationStatus[], options: PlanOptions): string[] {
  const warnings: string[] = [];
  for (const s of states) {
    if (s.status === "changed") {
      const message = `migration ${s.id} was changed after it was applied: ${s.migration!.up.file} has checksum ${shortChecksum(s.migration!.checksum)}, the database recorded ${shortChecksum(s.record!.checksum)}`;
      if (!options.ignoreChecksums) {
        throw new PitstopError("CHECKSUM_MISMATCH", message, {
          hint: "Restore the file as it was applied and put the change in a new migration, or accept the edit with `pitstop repair`.",
        });
      }
      warnings.push(message);
    }
  }
  return warnings;
}

function limit<T>(items: T[], count: number | undefined): T[] {
  return count === undefined ? items : items.slice(0, Math.max(0, count));
}

function knownTarget(target: string, migrations: readonly Migration[]): string {
  const v = parseTarget(target);
  if (!migrations.some((m) => m.version === v)) {
    throw new PitstopError("UNKNOWN_VERSION", `no migration has version ${target}`, {
      hint: "Run `pitstop status` to list the versions.",
      exitCode: 2,
    });
  }
  return v;
}

function downTarget(
  target: string,
  migrations: readonly Migration[],
  history: readonly HistoryRecord[],
): string {
  const v = parseTarget(target);
  if (v === "0" || history.some((r) => r.version === v)) return v;
  return knownTarget(target, migrations);
}

function parseTarget(target: string): string {
  if (!isVersion(target)) {
    throw new PitstopError("UNKNOWN_VERSION", `not a version: ${JSON.stringify(target)}`, {
      hint: "A version is the number at the start of a migration file name, e.g. 20240101120000.",
      exitCode: 2,
    });
  }
  return canonicalVersion(target);
}

function halfReverted(s: MigrationStatus): PitstopError {
  return new PitstopError(
    "PARTIALLY_REVERTED",
    `migration ${s.id} was being reverted and stopped part-way (${s.record!.progress} statement(s) of its down script done)`,
    {
      hint: "Finish reverting it with `pitstop down`, or fix the database by hand and record the outcome with `pitstop force`.",
    },
  );
}

function outOfOrder(s: MigrationStatus, states: readonly MigrationStatus[]): PitstopError {
  const newest = states.filter((o) => o.record && isEffectivelyApplied(o.record)).at(-1);
  return new PitstopError(
    "OUT_OF_ORDER",
    `migration ${s.id} is not applied but is older than the newest applied migration ${newest?.id ?? ""} (merged from another branch?)`,
    {
      hint: "Give it a newer version (rename the file, or `pitstop fix` for sequence numbers), or apply it anyway with --allow-out-of-order.",
    },
  );
}

function missingFile(s: MigrationStatus, what: string): PitstopError {
  return new PitstopError(
    "MISSING_FILE",
    `cannot ${what} migration ${s.id}: the database has a record of it but no file for it was found`,
    { hint: "Check out the branch that has the file, or resolve the record with `pitstop force`." },
  );
}
