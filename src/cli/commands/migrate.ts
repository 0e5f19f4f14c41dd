import { migrationId } from "../../core/migration.js";
import type { Finding } from "../../lint/types.js";
import type { RunEvent } from "../../runner/events.js";
import type { Migrator } from "../../runner/migrator.js";
import type { RunResult } from "../../runner/results.js";
import { withMigrator } from "../context.js";
import { type LintMode, lintBeforeUp } from "../lint-hook.js";
import { lockerNotice, waitNotice } from "../lock-notices.js";
import { formatDuration, type Output } from "../output.js";
import type { Settings } from "../settings.js";

export type MigrateCommand =
  | { kind: "up"; count?: number; to?: string }
  | { kind: "down"; count?: number; to?: string }
  | { kind: "goto"; to: string }
  | { kind: "redo" }
  | { kind: "reset" };

/** `up`, `down`, `goto`, `redo`, `reset`: run a plan and report each migration. */
export async function runMigrate(
  settings: Settings,
  out: Output,
  command: MigrateCommand,
  dryRun: boolean,
  lintMode: LintMode = settings.lint.onUp,
): Promise<number> {
  const reporter = new Reporter(out, dryRun);
  const lint: Finding[] = [];
  const beforeRun = command.kind === "up" ? lintBeforeUp(settings, out, lintMode, lint) : undefined;
  const result = await withMigrator(
    settings,
    out,
    { dryRun, onEvent: (e) => reporter.event(e), ...(beforeRun ? { beforeRun } : {}) },
    async ({ migrator, driver }) => {
      if (!out.json && !dryRun) out.notice(`${verb(command)} ${driver.target}`);
      return execute(migrator, command);
    },
  );
  for (const w of result.warnings) out.warn(w);
  if (out.json) {
    out.data({
      ok: !result.error,
      dryRun,
      current: result.current ?? null,
      ...(result.locker ? { locker: result.locker } : {}),
      results: result.results.map((r) => ({
        ...r,
        ...(r.status === "error" ? { error: r.error.toJSON() } : {}),
      })),
      ...(result.error ? { error: result.error.toJSON() } : {}),
      ...(lint.length > 0 ? { lint: lint.map(({ frame: _frame, ...f }) => f) } : {}),
    });
    return result.error ? result.error.exitCode : 0;
  }
  if (result.error) {
    out.error(result.error);
    const done = result.results.filter((r) => r.status === "success").length;
    if (done > 0) out.line(`${done} migration(s) completed before the failure.`);
    return result.error.exitCode;
  }
  reporter.summary(result, command);
  return 0;
}

function execute(migrator: Migrator, c: MigrateCommand): Promise<RunResult> {
  switch (c.kind) {
    case "up":
      return migrator.up({
        ...(c.count !== undefined ? { count: c.count } : {}),
        ...(c.to ? { to: c.to } : {}),
      });
    case "down":
      return migrator.down({
        ...(c.count !== undefined ? { count: c.count } : {}),
        ...(c.to ? { to: c.to } : {}),
      });
    case "goto":
      return migrator.goto(c.to);
    case "redo":
      return migrator.redo();
    case "reset":
      return migrator.reset();
  }
}

function verb(c: MigrateCommand): string {
  return c.kind === "up"
    ? "Migrating"
    : c.kind === "goto"
      ? "Moving"
      : c.kind === "redo"
        ? "Redoing on"
        : "Reverting on";
}

class Reporter {
  readonly #out: Output;
  readonly #dryRun: boolean;
  #started: number | undefined;
  #historyCreated: string | undefined;

  constructor(out: Output, dryRun: boolean) {
    this.#out = out;
    this.#dryRun = dryRun;
  }

  event(e: RunEvent): void {
    const out = this.#out;
    switch (e.type) {
      case "lock-wait": {
        out.notice(waitNotice(e.holder));
        break;
      }
      case "locker":
        out.notice(lockerNotice(e.locker));
        break;
      case "history-created":
        // Said once a migration starts (or the run ends well): before a refusal
        // ("nothing was applied") it would read as if something had been.
        if (!this.#dryRun) this.#historyCreated = e.table;
        break;
      case "migration-start": {
        this.#flushHistoryCreated();
        this.#started ??= performance.now();
        const id = migrationId(e.migration);
        if (e.resumeFrom > 0)
          out.notice(`Resuming ${id} at statement ${e.resumeFrom + 1} of ${e.statements}.`);
        out.progress(`${e.direction === "up" ? "applying" : "reverting"} ${id}...`);
        break;
      }
      case "statement":
        out.progress(`${migrationId(e.migration)}: statement ${e.index + 1}/${e.total}`);
        break;
      case "retry":
        out.warn(
          `${migrationId(e.migration)}: lock not available (${e.reason}); retry ${e.attempt} in ${formatDuration(e.waitMs)}`,
        );
        break;
      case "replica-lag-wait": {
        const where =
          e.statement === undefined
            ? migrationId(e.migration)
            : `statement ${e.statement + 1} of ${migrationId(e.migration)}`;
        const who = e.replicas
          .map(
            (r) =>
              `${r.name} has ${formatBytes(r.behindBytes)} of WAL to replay${r.atLeastMs > 0 ? `, at least ${formatDuration(r.atLeastMs)} behind` : ""}`,
          )
          .join("; ");
        out.notice(
          `Waiting before ${where} for replicas to come within ${formatDuration(e.maxLagMs)}: ${who} (waited ${formatDuration(e.waitedMs)})`,
        );
        break;
      }
      case "replica-lag-ok":
        out.notice(`Replicas caught up after ${formatDuration(e.waitedMs)}; going on.`);
        break;
      case "cleanup":
        out.notice(`${migrationId(e.migration)}: ${e.reason}; running ${e.sql}`);
        break;
      case "already-done":
        out.notice(
          `${migrationId(e.migration)}: statement ${e.index + 1} had taken effect before the run was interrupted (${e.reason}); counted as done.`,
        );
        break;
      case "migration-done": {
        const arrow =
          e.direction === "up" ? this.#out.style("✓", "green") : this.#out.style("↓", "yellow");
        out.line(
          `  ${arrow} ${migrationId(e.migration)}  ${this.#out.style(formatDuration(e.durationMs), "dim")}`,
        );
        break;
      }
      case "migration-failed":
        out.line(`  ${this.#out.style("✗", "red")} ${migrationId(e.migration)}`);
        break;
      case "dry-run": {
        const mode = e.mode === "steps" ? `no transaction: ${e.reason}` : "in a transaction";
        out.line(
          this.#out.style(`-- ${e.direction} ${migrationId(e.migration)} (${mode})`, "cyan"),
        );
        out.line(e.sql);
        out.line();
        break;
      }
    }
  }

  #flushHistoryCreated(): void {
    if (this.#historyCreated === undefined) return;
    this.#out.notice(`Created the history table ${this.#historyCreated}.`);
    this.#historyCreated = undefined;
  }

  summary(result: RunResult, c: MigrateCommand): void {
    this.#flushHistoryCreated();
    const out = this.#out;
    const at = result.current ? `version ${result.current}` : "no migrations applied";
    if (this.#dryRun) {
      out.line(
        result.results.length === 0
          ? `Nothing to do (the database is at ${at}).`
          : `Dry run: ${result.results.length} step(s) shown, nothing changed.`,
      );
      return;
    }
    const n = result.results.length;
    if (n === 0) {
      out.line(
        c.kind === "up"
          ? `Nothing to apply: the database is up to date (${at}).`
          : `Nothing to revert (${at}).`,
      );
      return;
    }
    const ups = result.results.filter((r) => r.direction === "up").length;
    const downs = n - ups;
    const parts = [ups ? `applied ${ups}` : "", downs ? `reverted ${downs}` : ""]
      .filter(Boolean)
      .join(", ");
    out.line(
      `${parts[0]!.toUpperCase()}${parts.slice(1)} migration(s) in ${formatDuration(performance.now() - (this.#started ?? performance.now()))}; the database is at ${at}.`,
    );
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
