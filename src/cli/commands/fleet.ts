import { readFileSync } from "node:fs";
import { parseDuration } from "../../core/duration.js";
import { UsageError } from "../../core/errors.js";
import { locateDatabase } from "../../driver/connect.js";
import type { FleetStatusReport } from "../../fleet/fleet-status.js";
import type { FleetOptions } from "../../fleet/migrate-fleet.js";
import type {
  FleetEvent,
  FleetProgress,
  FleetReport,
  FleetTargetResult,
} from "../../fleet/report.js";
import type { FleetTarget } from "../../fleet/targets.js";
import type { Finding } from "../../lint/types.js";
import type { BeforeRunContext } from "../../runner/migrator.js";
import type { MigrationSource } from "../../source/source.js";
import { type LintMode, lintBeforeUp } from "../lint-hook.js";
import { formatDuration, type Output } from "../output.js";
import type { Settings } from "../settings.js";

/** Flags of `pitstop fleet up` and `pitstop fleet status`. */
export interface FleetFlags {
  targets?: string;
  targetsQuery?: string;
  tenantSchemas?: string;
  concurrency?: string;
  perServer?: string;
  connectTimeout?: string;
  canary?: string;
  maxFailures?: string;
  retries?: string;
  lint?: LintMode;
  check?: boolean;
}

/** `pitstop fleet up`: every target to the head; exit 0 only when all are there. */
export async function runFleetUp(
  settings: Settings,
  out: Output,
  flags: FleetFlags,
): Promise<number> {
  const { migrateFleet } = await import("../../fleet/migrate-fleet.js");
  const { targets, unreachable } = await resolveTargets(settings, flags);
  if (targets.length === 0 && unreachable.length === 0) {
    out.notice("No targets: nothing to migrate.");
    if (out.json) out.data({ ok: true, targets: [] });
    return 0;
  }
  const { serverOf } = await import("../../fleet/targets.js");
  const servers = new Set(targets.map((t) => serverOf(t.url)));
  const lint: Finding[] = [];
  const view = new FleetView(out, targets.length);
  if (!out.json)
    out.notice(
      `Migrating ${targets.length} target(s) on ${servers.size} server(s): at most ${limits(flags).concurrency} at once, ${limits(flags).perServer} per server${flags.canary ? `, canary ${flags.canary}` : ""}.`,
    );
  const report = await migrateFleet(targets, {
    ...engineOptions(settings, flags),
    migrations: await migrationsOf(settings),
    canary: whole("--canary", flags.canary, 0) ?? 0,
    ...optional("maxFailures", whole("--max-failures", flags.maxFailures, 1)),
    ...optional("connectRetries", whole("--retries", flags.retries, 0)),
    onEvent: (e) => view.event(e),
    ...lintOnce(settings, out, flags.lint ?? settings.lint.onUp, lint),
  });
  const full = withDiscoveryFailures(report, unreachable);
  if (out.json) {
    out.data({
      ...full,
      ...(lint.length > 0 ? { lint: lint.map(({ frame: _f, ...f }) => f) } : {}),
    });
  } else {
    view.summary(full);
  }
  return full.ok ? 0 : 1;
}

/** `pitstop fleet status`: how many at each version; behind, failed, drifted, unreachable. */
export async function runFleetStatus(
  settings: Settings,
  out: Output,
  flags: FleetFlags,
): Promise<number> {
  const { fleetStatus } = await import("../../fleet/fleet-status.js");
  const { targets, unreachable } = await resolveTargets(settings, flags);
  const report = await fleetStatus(targets, {
    migrations: await migrationsOf(settings),
    history: settings.history,
    ...limits(flags),
    ...connectOptions(flags),
  });
  const full: FleetStatusReport = {
    ...report,
    counts: { ...report.counts, unreachable: report.counts.unreachable + unreachable.length },
    targets: [
      ...report.targets,
      ...unreachable.map((u) => ({
        name: u.name,
        target: u.target,
        server: u.server,
        state: "unreachable" as const,
        pending: 0,
        drifted: [],
        ...(u.error ? { error: u.error } : {}),
      })),
    ],
  };
  if (out.json) out.data(full);
  else printStatus(out, full);
  const clean = full.targets.every((t) => t.state === "current");
  return flags.check && !clean ? 4 : 0;
}

async function resolveTargets(
  settings: Settings,
  flags: FleetFlags,
): Promise<{ targets: FleetTarget[]; unreachable: FleetTargetResult[] }> {
  const { parseTargets, targetsFromRows } = await import("../../fleet/targets.js");
  const { queryTargets, tenantSchemas } = await import("../../fleet/discover.js");
  if (flags.targets && flags.targetsQuery)
    throw new UsageError("give --targets or --targets-query, not both");
  let databases: FleetTarget[];
  if (flags.targets) {
    databases = parseTargets(readTargetsFile(flags.targets), flags.targets, settings.env);
  } else if (flags.targetsQuery) {
    databases = await queryTargets(
      controlDatabase(settings, "--targets-query"),
      flags.targetsQuery,
      settings.env,
      connectOptions(flags),
    );
  } else if (flags.tenantSchemas) {
    databases = targetsFromRows([{ url: controlDatabase(settings, "--tenant-schemas") }], {});
  } else {
    throw new UsageError("pitstop fleet needs its targets", {
      hint: 'Give --targets <file> (one URL or name=url a line), --targets-query "<sql>" run on --database, or --tenant-schemas "<sql>" for schemas in --database.',
    });
  }
  if (!flags.tenantSchemas) return { targets: databases, unreachable: [] };
  return tenantSchemas(databases, flags.tenantSchemas, {
    ...limits(flags),
    ...connectOptions(flags),
  });
}

function readTargetsFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--targets ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : "cannot be read"}`,
      { hint: "Give a text file with one database URL (or name=url) a line." },
    );
  }
}

function controlDatabase(settings: Settings, flag: string): string {
  const url = settings.database;
  if (!url || locateDatabase({ url }).kind !== "postgres")
    throw new UsageError(`${flag} runs on a server: give it with --database (or DATABASE_URL)`, {
      hint: `e.g. pitstop fleet up --database postgres://app@control/app ${flag} "SELECT ..."`,
    });
  return url;
}

function limits(flags: FleetFlags): { concurrency: number; perServer: number } {
  const concurrency = whole("--concurrency", flags.concurrency, 1) ?? 4;
  return { concurrency, perServer: whole("--per-server", flags.perServer, 1) ?? concurrency };
}

function connectOptions(flags: FleetFlags): { connectTimeoutMs?: number } {
  if (flags.connectTimeout === undefined) return {};
  const ms = parseDuration(flags.connectTimeout);
  if (ms === undefined)
    throw new UsageError(
      `--connect-timeout: cannot read ${JSON.stringify(flags.connectTimeout)} as a duration`,
      {
        hint: "Write it like 5s or 500ms.",
      },
    );
  return { connectTimeoutMs: ms };
}

/** The migrations folder, read in the format `--dir-format` forces (else detected). */
async function migrationsOf(settings: Settings): Promise<MigrationSource> {
  const { directorySource } = await import("../../source/directory.js");
  return directorySource({
    dir: settings.dir,
    ...(settings.format ? { format: settings.format } : {}),
  });
}

function engineOptions(
  settings: Settings,
  flags: FleetFlags,
): Omit<FleetOptions, "onEvent" | "migrations"> {
  return {
    history: settings.history,
    lockTimeoutMs: settings.lockTimeoutMs,
    ...optional("ddlLockTimeoutMs", settings.ddlLockTimeoutMs),
    ...optional("statementTimeoutMs", settings.statementTimeoutMs),
    ...optional("lockRetries", settings.lockRetries),
    locker: settings.locker,
    ...optional("leaseMs", settings.leaseMs),
    allowOutOfOrder: settings.allowOutOfOrder,
    ignoreChecksums: settings.ignoreChecksums,
    ...limits(flags),
    ...connectOptions(flags),
  };
}

/**
 * The lint `pitstop up` runs, once per distinct plan rather than once per
 * target: a fleet applies the same files everywhere, so the findings are
 * printed once; with --lint=error every target with that plan stops.
 */
function lintOnce(
  settings: Settings,
  out: Output,
  mode: LintMode,
  sink: Finding[],
): Pick<FleetOptions, "beforeRun"> {
  const hook = lintBeforeUp(settings, out, mode, sink);
  if (!hook) return {};
  const done = new Map<string, Promise<void>>();
  return {
    beforeRun: (_target, ctx: BeforeRunContext) => {
      const key = `${Math.floor(ctx.serverVersion / 10_000)}:${ctx.plan.steps.map((s) => s.migration.version).join(",")}`;
      let run = done.get(key);
      if (!run) {
        run = hook(ctx);
        done.set(key, run);
      }
      return run;
    },
  };
}

function withDiscoveryFailures(report: FleetReport, unreachable: FleetTargetResult[]): FleetReport {
  if (unreachable.length === 0) return report;
  return {
    ...report,
    ok: false,
    counts: { ...report.counts, unreachable: report.counts.unreachable + unreachable.length },
    targets: [...report.targets, ...unreachable],
  };
}

function whole(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(
      `${flag}: ${JSON.stringify(value)} is not a whole number of at least ${min}`,
    );
  return n;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Live progress on a terminal, one line per finished target elsewhere. */
class FleetView {
  readonly #out: Output;
  readonly #started = performance.now();
  readonly #total: number;

  constructor(out: Output, total: number) {
    this.#out = out;
    this.#total = total;
  }

  event(e: FleetEvent): void {
    const out = this.#out;
    if (out.json) return;
    switch (e.type) {
      case "target-start":
        if (out.tty) out.progress(this.#progressLine(e.progress));
        break;
      case "target-retry":
        out.notice(
          `${e.target}: ${e.error.message}; retry ${e.attempt} in ${formatDuration(e.waitMs)}`,
        );
        break;
      case "target-done": {
        const ok = e.result.outcome === "migrated" || e.result.outcome === "current";
        // On a terminal only failures stay on screen; the progress line tells the rest.
        if (!out.tty || !ok) out.line(this.#resultLine(e.result));
        if (out.tty) out.progress(this.#progressLine(e.progress));
        break;
      }
      case "wave":
        if (e.wave === "canary") out.notice(`Canary: ${e.targets} target(s) first.`);
        break;
      case "stopped":
        out.warn(e.message);
        break;
    }
  }

  summary(report: FleetReport): void {
    const out = this.#out;
    const c = report.counts;
    const seconds = report.durationMs / 1000;
    const finished = report.targets.length - c.skipped;
    out.line(
      `${report.targets.length} target(s) in ${formatDuration(report.durationMs)}${seconds > 0 ? ` (${(finished / seconds).toFixed(1)}/s)` : ""}: ${c.migrated} migrated, ${c.current} already current, ${c.failed} failed, ${c.unreachable} unreachable, ${c.skipped} skipped; head ${report.head ?? "0"}.`,
    );
    const bad = report.targets.filter((t) => t.outcome === "failed" || t.outcome === "unreachable");
    if (bad.length > 0) {
      out.line(out.style(`Not at the head (${bad.length}):`, "red", "bold"));
      for (const t of bad) out.line(`  ${this.#resultLine(t)}`);
    }
    if (report.stopped)
      out.line(
        `Stopped: ${report.stopped.message}. Fix and run again: targets at the head are left alone.`,
      );
  }

  #resultLine(r: FleetTargetResult): string {
    const out = this.#out;
    const took = out.style(formatDuration(r.durationMs), "dim");
    switch (r.outcome) {
      case "migrated":
        return `${out.style("✓", "green")} ${r.name}  ${r.applied.length} applied, at ${r.version}  ${took}`;
      case "current":
        return `${out.style("·", "dim")} ${r.name}  already at ${r.version ?? "0"}  ${took}`;
      case "skipped":
        return `- ${r.name}  skipped`;
      default: {
        const at = r.error?.migration ? ` at ${r.error.migration}` : "";
        const tries = r.attempts > 1 ? ` (${r.attempts} attempts)` : "";
        return `${out.style("✗", "red")} ${r.name}  ${r.outcome}${at}${tries}: ${r.error?.message ?? ""}`;
      }
    }
  }

  #progressLine(p: FleetProgress): string {
    const elapsed = (performance.now() - this.#started) / 1000;
    const finished = p.done + p.failed;
    const rate = elapsed > 0 ? finished / elapsed : 0;
    const eta = rate > 0 ? formatDuration(((p.left + p.running) / rate) * 1000) : "…";
    return `fleet ${finished}/${this.#total}: ${p.done} done, ${p.failed} failed, ${p.running} running, ${p.left} left · ${rate.toFixed(1)}/s · ETA ${eta}`;
  }
}

function printStatus(out: Output, report: FleetStatusReport): void {
  const n = report.targets.length;
  out.line(`${n} target(s); head ${report.head ?? "0"}.`);
  const versions = Object.entries(report.versions).sort(
    (a, b) => b[0].length - a[0].length || (b[0] < a[0] ? -1 : b[0] > a[0] ? 1 : 0),
  );
  out.table(
    ["VERSION", "TARGETS"],
    versions.map(([v, count]) => [v === report.head ? `${v} (head)` : v, String(count)]),
  );
  const group = (
    state: string,
    title: string,
    detail: (t: FleetStatusReport["targets"][number]) => string,
  ) => {
    const list = report.targets.filter((t) => t.state === state);
    if (list.length === 0) return;
    out.line();
    out.line(out.style(`${title} (${list.length}):`, "bold"));
    for (const t of list) out.line(`  ${t.name}  ${detail(t)}`);
  };
  group("behind", "Behind", (t) => `at ${t.version ?? "0"}, ${t.pending} pending`);
  group(
    "failed",
    "Failed",
    (t) => `${t.error?.migration ? `${t.error.migration}: ` : ""}${t.error?.message ?? ""}`,
  );
  group("drifted", "Drifted (applied file changed)", (t) => t.drifted.join(", "));
  group("unreachable", "Unreachable", (t) => t.error?.message ?? "");
  if (report.targets.every((t) => t.state === "current")) out.line("Every target is at the head.");
}
