import { asPitstopError, PitstopError } from "../core/errors.js";
import type { Migration } from "../core/migration.js";
import { maxVersion } from "../core/version.js";
import type { Driver } from "../driver/driver.js";
import { type BeforeRunContext, Migrator, type MigratorOptions } from "../runner/migrator.js";
import type { RunResult } from "../runner/results.js";
import { directorySource } from "../source/directory.js";
import type { MigrationSource } from "../source/source.js";
import {
  countOutcomes,
  type FleetEvent,
  type FleetOutcome,
  type FleetProgress,
  type FleetReport,
  type FleetTargetResult,
  isAtHead,
} from "./report.js";
import { type ScheduleOptions, schedule } from "./schedule.js";
import {
  DEFAULT_CONNECT_RETRIES,
  DEFAULT_CONNECT_RETRY_DELAY_MS,
  describeTarget,
  isRetryable,
  openTarget,
  retryWait,
  sleep,
  type TargetConnectOptions,
  targetHistory,
  targetSearchPath,
  toFleetError,
} from "./target-run.js";
import type { FleetTarget } from "./targets.js";

/** Targets migrated at once when not told (and the per-server limit's default). */
export const DEFAULT_FLEET_CONCURRENCY = 4;

export interface FleetLimits {
  /** At most this many targets at once in all (default 4). */
  readonly concurrency?: number;
  /** At most this many connections to one server (default: `concurrency`). */
  readonly perServer?: number;
}

/** How `schedule` spreads fleet targets: `concurrency` in all, `perServer` on any one server. */
export function serverLimits(
  limits: FleetLimits,
): Pick<ScheduleOptions<FleetTarget>, "concurrency" | "perKey" | "key"> {
  const concurrency = limits.concurrency ?? DEFAULT_FLEET_CONCURRENCY;
  return {
    concurrency,
    perKey: limits.perServer ?? concurrency,
    key: (t) => describeTarget(t).server,
  };
}

export interface FleetOptions
  extends FleetLimits,
    TargetConnectOptions,
    Omit<MigratorOptions, "driver" | "source" | "onEvent" | "beforeRun" | "dryRun"> {
  /** The migrations folder, or any MigrationSource. Loaded once for every target. */
  readonly migrations: string | MigrationSource;
  /** Migrate the first `canary` targets first; if any of them fails, stop (default 0). */
  readonly canary?: number;
  /** Start no new target once this many have failed (default: no limit). */
  readonly maxFailures?: number;
  /** Retries of a target whose connection failed for a passing reason (default 2). */
  readonly connectRetries?: number;
  /** First wait before such a retry, doubled each time (default 500 ms). */
  readonly connectRetryDelayMs?: number;
  readonly onEvent?: (event: FleetEvent) => void;
  /** The Migrator's `beforeRun` hook, per target (e.g. lint what it will apply). */
  readonly beforeRun?: (target: FleetTarget, context: BeforeRunContext) => void | Promise<void>;
}

/**
 * Migrates many databases (or tenant schemas) to the head through the same
 * engine as `pitstop up`: each target gets its own Migrator (lock, history,
 * retries) on one connection. The first `canary` targets go first and stop
 * the run if one fails; the rest run with at most `concurrency` at once and
 * `perServer` on one server. A failed target does not stop the others until
 * `maxFailures`. Never throws for a target's problem: the report says, per
 * target, what happened. Throws only when the migrations cannot be loaded
 * or do not parse (then no target is touched).
 *
 * @example
 * const report = await migrateFleet(
 *   [{ name: "acme", url: process.env.ACME_URL! }, { name: "globex", url: process.env.GLOBEX_URL! }],
 *   { migrations: "migrations", concurrency: 8, canary: 1, onEvent: (e) => {
 *     if (e.type === "target-done") console.log(e.result.name, e.result.outcome);
 *   } },
 * );
 * if (!report.ok) process.exit(1);
 */
export async function migrateFleet(
  targets: readonly FleetTarget[],
  options: FleetOptions,
): Promise<FleetReport> {
  const startedAt = new Date();
  const t0 = performance.now();
  const migrations = await loadOnce(options.migrations);
  await refuseSyntaxErrors(migrations);
  const head = maxVersion(migrations.map((m) => m.version));
  const emit = options.onEvent ?? (() => {});
  const results = new Map<FleetTarget, FleetTargetResult>();
  const progress = new Progress(targets.length);
  const source: MigrationSource = {
    description: "fleet migrations",
    load: async () => migrations,
  };
  const runOne = async (target: FleetTarget) => {
    progress.running++;
    const result = await migrateTarget(target, source, head, options, emit, progress);
    progress.running--;
    if (isAtHead(result.outcome)) progress.done++;
    else progress.failed++;
    results.set(target, result);
    emit({ type: "target-done", result, progress: progress.snapshot() });
  };
  const limits = { ...serverLimits(options), run: runOne };
  const canary = targets.slice(0, Math.max(0, options.canary ?? 0));
  let rest = targets.slice(canary.length);
  let stopped: FleetReport["stopped"];
  if (canary.length > 0) {
    emit({ type: "wave", wave: "canary", targets: canary.length });
    await schedule(canary, limits);
    const bad = canary.filter((t) => !isAtHead(results.get(t)!.outcome));
    if (bad.length > 0) {
      stopped = {
        reason: "canary",
        message: `canary ${bad.map((t) => t.name).join(", ")} failed: ${rest.length} other target(s) not started`,
      };
      rest = [];
    }
  }
  const maxFailures = options.maxFailures ?? Number.POSITIVE_INFINITY;
  if (rest.length > 0) {
    emit({ type: "wave", wave: "rest", targets: rest.length });
    const notStarted = await schedule(rest, {
      ...limits,
      stop: () => progress.failed >= maxFailures,
    });
    if (notStarted.length > 0)
      stopped = {
        reason: "max-failures",
        message: `${progress.failed} target(s) failed (--max-failures ${maxFailures}): ${notStarted.length} not started`,
      };
  }
  if (stopped) emit({ type: "stopped", ...stopped });
  const all = targets.map((t) => results.get(t) ?? skipped(t));
  const counts = countOutcomes(all);
  return {
    ok: all.every((r) => isAtHead(r.outcome)),
    head,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    counts,
    ...(stopped ? { stopped } : {}),
    targets: all,
  };
}

class Progress {
  running = 0;
  done = 0;
  failed = 0;
  readonly #total: number;

  constructor(total: number) {
    this.#total = total;
  }

  snapshot(): FleetProgress {
    return {
      total: this.#total,
      done: this.done,
      failed: this.failed,
      running: this.running,
      left: this.#total - this.done - this.failed - this.running,
    };
  }
}

async function loadOnce(migrations: string | MigrationSource): Promise<Migration[]> {
  const source = typeof migrations === "string" ? directorySource({ dir: migrations }) : migrations;
  return source.load();
}

/**
 * A syntax error would otherwise fail every target alike, one connection
 * each: parse every SQL up script once, before any target is touched.
 */
async function refuseSyntaxErrors(migrations: readonly Migration[]): Promise<void> {
  const scripts = migrations.flatMap((m) => (m.up.kind === "sql" ? [m.up] : []));
  if (scripts.length === 0) return;
  const [{ loadParser }, { splitSql }] = await Promise.all([
    import("../sql/parser.js"),
    import("../sql/split.js"),
  ]);
  await loadParser();
  for (const s of scripts) splitSql(s.sql, { file: s.file, source: s.source, offset: s.offset });
}

/** One target, with retries of a connection that failed for a passing reason. */
async function migrateTarget(
  target: FleetTarget,
  source: MigrationSource,
  head: string | undefined,
  options: FleetOptions,
  emit: (e: FleetEvent) => void,
  progress: Progress,
): Promise<FleetTargetResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const retries = options.connectRetries ?? DEFAULT_CONNECT_RETRIES;
  let attempt = 0;
  for (;;) {
    attempt++;
    emit({ type: "target-start", target: target.name, attempt, progress: progress.snapshot() });
    const result = await upOnce(target, source, options, emit);
    const error = result.error;
    if (error && isRetryable(error) && applied(result).length === 0 && attempt <= retries) {
      const waitMs = retryWait(
        attempt,
        options.connectRetryDelayMs ?? DEFAULT_CONNECT_RETRY_DELAY_MS,
      );
      emit({
        type: "target-retry",
        target: target.name,
        attempt,
        waitMs,
        error: toFleetError(error, target),
      });
      await sleep(waitMs);
      continue;
    }
    return {
      name: target.name,
      ...describeTarget(target),
      ...(target.schema === undefined ? {} : { schema: target.schema }),
      ...outcome(result, head, target),
      applied: applied(result),
      attempts: attempt,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
    };
  }
}

async function upOnce(
  target: FleetTarget,
  source: MigrationSource,
  options: FleetOptions,
  emit: (e: FleetEvent) => void,
): Promise<RunResult> {
  let driver: Driver | undefined;
  try {
    driver = await openTarget(target, options);
    const history = targetHistory(target, options.history);
    const searchPath = targetSearchPath(target);
    const { beforeRun, onEvent: _fleetListener, migrations: _folder, ...engine } = options;
    const migrator = new Migrator({
      ...engine,
      driver,
      source,
      history,
      ...(searchPath === undefined ? {} : { searchPath }),
      onEvent: (event) => emit({ type: "run", target: target.name, event }),
      ...(beforeRun ? { beforeRun: (ctx: BeforeRunContext) => beforeRun(target, ctx) } : {}),
    });
    return await migrator.up();
  } catch (error) {
    return { results: [], error: asPitstopError(error), warnings: [] };
  } finally {
    // Closed before the slot frees, so a server never sees more than its limit.
    await driver?.close().catch(() => {});
  }
}

function applied(result: RunResult): string[] {
  return result.results.filter((r) => r.status === "success").map((r) => r.id);
}

function outcome(
  result: RunResult,
  head: string | undefined,
  target: FleetTarget,
): Pick<FleetTargetResult, "outcome" | "version" | "error"> {
  const version = result.current === undefined ? {} : { version: result.current };
  const error = result.error;
  if (error) {
    const failed = result.results.find((r) => r.status === "error");
    const kind: FleetOutcome =
      error.code === "CONNECTION" && applied(result).length === 0 ? "unreachable" : "failed";
    return { outcome: kind, ...version, error: toFleetError(error, target, failed?.id) };
  }
  if (result.current !== head) {
    const e = new PitstopError(
      "NOT_AT_HEAD",
      `at version ${result.current ?? "0"} after the run, but the head is ${head ?? "0"}`,
      {
        hint: "`pitstop status` on this target shows which migrations are missing or out of order.",
      },
    );
    return { outcome: "failed", ...version, error: toFleetError(e, target) };
  }
  return { outcome: applied(result).length > 0 ? "migrated" : "current", ...version };
}

function skipped(target: FleetTarget): FleetTargetResult {
  return {
    name: target.name,
    ...describeTarget(target),
    ...(target.schema === undefined ? {} : { schema: target.schema }),
    outcome: "skipped",
    applied: [],
    attempts: 0,
  };
}
