import { resolve } from "node:path";
import { PitstopError } from "../core/errors.js";
import type { Migration } from "../core/migration.js";
import { canonicalVersion, compareVersions } from "../core/version.js";
import type { Driver } from "../driver/driver.js";
import type { Finding } from "../lint/types.js";
import type { Migrator } from "../runner/migrator.js";
import type { Output } from "./output.js";
import type { Settings } from "./settings.js";

export type LintMode = "warn" | "error" | "off";

const PENDING = new Set(["pending", "out_of_order", "failed", "running"]);

/**
 * Before `pitstop up`: lints the pending migrations and prints what it finds
 * as warnings. With mode `error`, an error-level finding stops the command
 * (exit 3) before anything runs. Never part of the runner: a library
 * `migrate()` does not lint.
 */
export async function lintBeforeUp(
  settings: Settings,
  out: Output,
  ctx: { migrator: Migrator; driver: Driver },
  mode: LintMode,
  scope: { count?: number; to?: string } = {},
): Promise<Finding[]> {
  if (mode === "off") return [];
  const status = await ctx.migrator.status();
  const to = scope.to === undefined ? undefined : canonicalVersion(scope.to);
  // What this `up` will apply: pending migrations in order, up to --to, the first n.
  const planned = status.migrations
    .filter((m) => PENDING.has(m.status))
    .filter((m) => to === undefined || compareVersions(m.version, to) <= 0)
    .slice(0, scope.count);
  const pending = new Set(planned.map((m) => m.version));
  if (pending.size === 0) return [];
  let pgVersion = settings.lint.pgVersion;
  if (pgVersion === undefined) {
    const { rows } = await ctx.driver.query<{ v: string }>(
      "SELECT current_setting('server_version_num') AS v",
    );
    pgVersion = Math.floor(Number(rows[0]!.v) / 10_000);
  }
  const { directorySource } = await import("../source/directory.js");
  const migrations = await directorySource({ dir: settings.dir }).load();
  const findings = await lintMigrations(
    settings,
    migrations,
    (m) => pending.has(m.version),
    pgVersion,
  );
  report(out, findings, "pending migrations");
  const errors = findings.filter((f) => f.severity === "error").length;
  if (mode === "error" && errors > 0)
    throw new PitstopError(
      "LINT_FINDINGS",
      `${errors} error-level lint finding(s) in pending migrations: nothing was applied (--lint=error)`,
      {
        hint: "`pitstop lint` shows each one with the lock it takes and the safe rewrite. Fix them, or accept one deliberately with `-- pitstop-lint-ignore <rule>: <reason>` above the statement.",
        exitCode: 3,
      },
    );
  return findings;
}

/**
 * Lints migration files just written to the migrations folder (`pitstop
 * create`, `pitstop diff`), with the folder's earlier migrations as context,
 * and prints the findings as warnings. Returns them.
 *
 * @example
 * await lintWrittenFiles(settings, out, ["migrations/20240101120000_add_index.sql"]);
 */
export async function lintWrittenFiles(
  settings: Settings,
  out: Output,
  files: readonly string[],
): Promise<Finding[]> {
  const wanted = new Set(files.map((f) => resolve(f)));
  const { directorySource } = await import("../source/directory.js");
  const migrations = await directorySource({ dir: settings.dir }).load();
  const findings = await lintMigrations(
    settings,
    migrations,
    (m) => wanted.has(resolve(m.up.file)),
    settings.lint.pgVersion,
  );
  report(out, findings, "what was written");
  return findings;
}

async function lintMigrations(
  settings: Settings,
  migrations: readonly Migration[],
  select: (m: Migration) => boolean,
  pgVersion: number | undefined,
): Promise<Finding[]> {
  const { loadParser } = await import("../sql/parser.js");
  const { lint } = await import("../lint/lint.js");
  const { DEFAULT_DDL_LOCK_TIMEOUT_MS } = await import("../runner/run.js");
  await loadParser();
  return [
    ...lint(migrations, {
      select,
      ...(pgVersion !== undefined ? { pgVersion } : {}),
      ddlLockTimeoutMs: settings.ddlLockTimeoutMs ?? DEFAULT_DDL_LOCK_TIMEOUT_MS,
      rules: settings.lint.rules,
      history: settings.history,
    }).findings,
  ];
}

/** One warning line a finding, and where to read more. */
function report(out: Output, findings: readonly Finding[], what: string): void {
  if (findings.length === 0 || out.json) return;
  for (const f of findings)
    out.warn(
      `${f.file}:${f.line}:${f.column}: ${f.message} [${f.rule}${f.severity === "error" ? ", error" : ""}]`,
    );
  out.notice(
    `pitstop lint found ${findings.length} problem(s) in ${what}; \`pitstop lint\` shows the lock each takes, why it matters and the safe rewrite.`,
  );
}
