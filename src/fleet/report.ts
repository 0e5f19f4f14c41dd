import type { RunEvent } from "../runner/events.js";

/**
 * What happened to one target:
 * - `migrated`: pending migrations applied, now at the head;
 * - `current`: already at the head, nothing applied;
 * - `failed`: a migration (or the lint, lock, history checks) failed;
 * - `unreachable`: no connection (after the retries);
 * - `skipped`: not started (the canary failed, or `maxFailures` was reached).
 */
export type FleetOutcome = "migrated" | "current" | "failed" | "unreachable" | "skipped";

/** An error as the report keeps it: never with a password in it. */
export interface FleetError {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  /** The migration that failed (`000002_add_email`), when one did. */
  readonly migration?: string;
}

export interface FleetTargetResult {
  readonly name: string;
  /** Where it is, password masked. */
  readonly target: string;
  /** `host:port` the per-server limit counts. */
  readonly server: string;
  readonly schema?: string;
  readonly outcome: FleetOutcome;
  /** The version after the run (undefined: nothing applied, or not reached). */
  readonly version?: string;
  /** Ids of the migrations applied by this run. */
  readonly applied: readonly string[];
  /** Connection attempts made (0 when skipped). */
  readonly attempts: number;
  /** ISO time the first attempt started. */
  readonly startedAt?: string;
  readonly durationMs?: number;
  readonly error?: FleetError;
}

export interface FleetCounts {
  readonly migrated: number;
  readonly current: number;
  readonly failed: number;
  readonly unreachable: number;
  readonly skipped: number;
}

/** The outcome of `migrateFleet`: one entry a target, in the order given. */
export interface FleetReport {
  /** True when every target is at the head. */
  readonly ok: boolean;
  /** The newest migration's version (undefined: no migrations). */
  readonly head: string | undefined;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly counts: FleetCounts;
  /** Why targets were left unstarted, if they were. */
  readonly stopped?: { readonly reason: "canary" | "max-failures"; readonly message: string };
  readonly targets: readonly FleetTargetResult[];
}

/** Live counts while a fleet runs (`done` = at the head, `failed` includes unreachable). */
export interface FleetProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly running: number;
  readonly left: number;
}

/** Progress of a fleet run, for output and for teams' own deploy code. */
export type FleetEvent =
  | { type: "wave"; wave: "canary" | "rest"; targets: number }
  | { type: "target-start"; target: string; attempt: number; progress: FleetProgress }
  | { type: "target-retry"; target: string; attempt: number; waitMs: number; error: FleetError }
  | { type: "target-done"; result: FleetTargetResult; progress: FleetProgress }
  /** The runner's own events for one target (migration started, done, lock wait...). */
  | { type: "run"; target: string; event: RunEvent }
  | { type: "stopped"; reason: "canary" | "max-failures"; message: string };

export function countOutcomes(results: readonly FleetTargetResult[]): FleetCounts {
  const counts = { migrated: 0, current: 0, failed: 0, unreachable: 0, skipped: 0 };
  for (const r of results) counts[r.outcome]++;
  return counts;
}

export function isAtHead(outcome: FleetOutcome): boolean {
  return outcome === "migrated" || outcome === "current";
}
