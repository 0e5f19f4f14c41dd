import { asPitstopError, PitstopError } from "../core/errors.js";
import { maxVersion } from "../core/version.js";
import type { Driver } from "../driver/driver.js";
import { Migrator, type StatusReport } from "../runner/migrator.js";
import { directorySource } from "../source/directory.js";
import type { MigrationSource } from "../source/source.js";
import type { HistoryTable } from "../store/history.js";
import { type FleetLimits, serverLimits } from "./migrate-fleet.js";
import type { FleetError } from "./report.js";
import { schedule } from "./schedule.js";
import {
  describeTarget,
  openTarget,
  type TargetConnectOptions,
  targetHistory,
  toFleetError,
} from "./target-run.js";
import type { FleetTarget } from "./targets.js";

/**
 * One target's state: `current` (at the head, nothing wrong), `behind`
 * (migrations pending), `failed` (a failure record), `drifted` (an applied
 * migration's file changed), `unreachable`. The first that applies, in the
 * order unreachable, failed, drifted, behind, current.
 */
export type FleetTargetState = "current" | "behind" | "failed" | "drifted" | "unreachable";

export interface FleetStatusEntry {
  readonly name: string;
  readonly target: string;
  readonly server: string;
  readonly schema?: string;
  readonly state: FleetTargetState;
  /** The version it is at (undefined: nothing applied). */
  readonly version?: string;
  readonly pending: number;
  /** Applied migrations whose file changed since (checksum differs). */
  readonly drifted: readonly string[];
  /** The failed migration and its recorded error, or why the target could not be read. */
  readonly error?: FleetError;
}

export interface FleetStatusReport {
  readonly head: string | undefined;
  /** How many targets are at each version (`"0"`: nothing applied). */
  readonly versions: Readonly<Record<string, number>>;
  readonly counts: Readonly<Record<FleetTargetState, number>>;
  readonly targets: readonly FleetStatusEntry[];
}

export interface FleetStatusOptions extends FleetLimits, TargetConnectOptions {
  readonly migrations: string | MigrationSource;
  readonly history?: Partial<HistoryTable>;
}

/**
 * Reads every target's history (read-only, no lock) with bounded
 * concurrency: how many are at each version, which are behind, failed (with
 * the recorded error), drifted, unreachable.
 *
 * @example
 * const report = await fleetStatus(targets, { migrations: "migrations", concurrency: 8 });
 * for (const t of report.targets) if (t.state !== "current") console.log(t.name, t.state);
 */
export async function fleetStatus(
  targets: readonly FleetTarget[],
  options: FleetStatusOptions,
): Promise<FleetStatusReport> {
  const source =
    typeof options.migrations === "string"
      ? directorySource({ dir: options.migrations })
      : options.migrations;
  const migrations = await source.load();
  const shared: MigrationSource = { description: source.description, load: async () => migrations };
  const head = maxVersion(migrations.map((m) => m.version));
  const entries = new Map<FleetTarget, FleetStatusEntry>();
  await schedule(targets, {
    ...serverLimits(options),
    run: async (t) => {
      entries.set(t, await statusOf(t, shared, options));
    },
  });
  const all = targets.map((t) => entries.get(t)!);
  const versions: Record<string, number> = {};
  const counts = { current: 0, behind: 0, failed: 0, drifted: 0, unreachable: 0 };
  for (const e of all) {
    counts[e.state]++;
    if (e.state !== "unreachable")
      versions[e.version ?? "0"] = (versions[e.version ?? "0"] ?? 0) + 1;
  }
  return { head, versions, counts, targets: all };
}

async function statusOf(
  target: FleetTarget,
  source: MigrationSource,
  options: FleetStatusOptions,
): Promise<FleetStatusEntry> {
  const where = {
    name: target.name,
    ...describeTarget(target),
    ...(target.schema === undefined ? {} : { schema: target.schema }),
  };
  let driver: Driver | undefined;
  let report: StatusReport;
  try {
    driver = await openTarget(target, options);
    const history = targetHistory(target, options.history);
    report = await new Migrator({ driver, source, history }).status();
  } catch (error) {
    const e = asPitstopError(error);
    return {
      ...where,
      state: e.code === "CONNECTION" ? "unreachable" : "failed",
      pending: 0,
      drifted: [],
      error: toFleetError(e, target),
    };
  } finally {
    await driver?.close().catch(() => {});
  }
  const drifted = report.migrations.filter((m) => m.status === "changed").map((m) => m.id);
  const failed = report.migrations.find(
    (m) => m.error !== null && m.status !== "applied" && m.status !== "changed",
  );
  const state =
    failed !== undefined
      ? "failed"
      : drifted.length > 0
        ? "drifted"
        : report.pending > 0
          ? "behind"
          : "current";
  return {
    ...where,
    state,
    ...(report.current === undefined ? {} : { version: report.current }),
    pending: report.pending,
    drifted,
    ...(failed
      ? {
          error: toFleetError(
            new PitstopError("MIGRATION_FAILED", (failed.error ?? "").split("\n")[0]!),
            target,
            failed.id,
          ),
        }
      : {}),
  };
}
