import { resolve } from "node:path";
import { PitstopError } from "../core/errors.js";
import type { Migration } from "../core/migration.js";
import type { Finding } from "../lint/types.js";
import type { BeforeRunContext } from "../runner/migrator.js";
import type { Output } from "./output.js";
import type { Settings } from "./settings.js";

export type LintMode = "warn" | "error" | "off";

/**
 * Before `pitstop up`: a `beforeRun` hook for the Migrator that lints the
 * migrations the plan will apply (already loaded and, for the runner, parsed
 * once), with the earlier ones as context, and prints what it finds as
 * warnings. With mode `error`, an error-level finding stops the run (exit 3)
 * before anything is applied. Never part of the runner: a library
 * `migrate()` does not lint. Findings are collected into `sink`.
 */
export function lintBeforeUp(
  settings: Settings,
  out: Output,
  mode: LintMode,
  sink: Finding[],
): ((ctx: BeforeRunContext) => Promise<void>) | undefined {
  if (mode === "off") return undefined;
  return async ({ plan, migrations, serverVersion }) => {
    const planned = new Set(
      plan.steps.filter((s) => s.direction === "up").map((s) => s.migration.version),
    );
    if (planned.size === 0) return;
    const pgVersion = settings.lint.pgVersion ?? Math.floor(serverVersion / 10_000);
    // A file that does not parse is the runner's error (it parses every file
    // before running any): reported once, as that error, not also as a finding.
    const findings = (
      await lintMigrations(settings, migrations, (m) => planned.has(m.version), pgVersion)
    ).filter((f) => f.rule !== "syntax-error");
    sink.push(...findings);
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
  };
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
