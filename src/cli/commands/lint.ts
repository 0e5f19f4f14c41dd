import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import { PitstopError, UsageError } from "../../core/errors.js";
import { formatFindings, LINT_FORMATS, type LintFormat } from "../../lint/format.js";
import { DEFAULT_PG_VERSION, type LintOptions, lint, lintScript } from "../../lint/lint.js";
import { RULES } from "../../lint/rules/index.js";
import type { Finding } from "../../lint/types.js";
import { DEFAULT_DDL_LOCK_TIMEOUT_MS } from "../../runner/run.js";
import { directorySource } from "../../source/directory.js";
import { parseFileName, parseSections } from "../../source/formats/pitstop.js";
import { readSourceText } from "../../source/read-text.js";
import { isParserLoaded, loadParser } from "../../sql/parser.js";
import { withMigrator } from "../context.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

declare const PITSTOP_VERSION: string;

/** Exit code when an error-level finding remains. */
export const EXIT_LINT = 3;

export interface LintCommandOptions {
  since?: string;
  all?: boolean;
  format?: string;
  pgVersion?: string;
  rules?: boolean;
}

/** What to lint: migrations of one folder (the rest of the folder is context), or a loose file. */
type Target =
  | { kind: "folder"; dir: string; select: (file: { up: string; down?: string }) => boolean }
  | { kind: "down"; dir: string; file: string }
  | { kind: "file"; file: string };

/**
 * `lint [paths...]`: checks migrations for locks and breaking changes.
 * Default set: the migrations the database has not applied yet.
 */
export async function runLint(
  settings: Settings,
  out: Output,
  paths: string[],
  o: LintCommandOptions,
): Promise<number> {
  if (o.rules) return listRules(out);
  const format = lintFormat(o.format, out.json);
  const flagVersion = pgVersionFlag(o.pgVersion);
  if (paths.length > 0 && o.since)
    throw new UsageError("give paths or --since, not both", {
      hint: "--since picks the migrations of --dir added since a git ref; paths name files or folders.",
    });
  let dbVersion: number | undefined;
  let targets: Target[];
  if (paths.length > 0) targets = pathTargets(paths, settings.dir);
  else if (o.since) targets = [await sinceTarget(settings.dir, o.since)];
  else if (o.all) targets = [{ kind: "folder", dir: settings.dir, select: () => true }];
  else {
    const pending = await pendingTarget(settings, out);
    targets = [pending.target];
    dbVersion = pending.serverVersion;
  }
  shortLivedJit();
  // The WASM compiles while the files are read.
  const parserReady = loadParser();
  parserReady.catch(() => undefined);
  const options: LintOptions = {
    pgVersion: flagVersion ?? settings.lint.pgVersion ?? dbVersion ?? DEFAULT_PG_VERSION,
    ddlLockTimeoutMs: settings.ddlLockTimeoutMs ?? DEFAULT_DDL_LOCK_TIMEOUT_MS,
    rules: settings.lint.rules,
    history: settings.history,
  };
  const findings: Finding[] = [];
  let checked = 0;
  for (const target of targets) {
    const r = await lintTarget(target, options, parserReady);
    findings.push(...r.findings);
    checked += r.checked;
  }
  process.stdout.write(
    formatFindings(format, {
      findings,
      checked,
      pgVersion: options.pgVersion!,
      toolVersion: typeof PITSTOP_VERSION === "string" ? PITSTOP_VERSION : undefined,
      style: (text, ...styles) => out.style(text, ...styles),
    }),
  );
  return findings.some((f) => f.severity === "error") ? EXIT_LINT : 0;
}

/** V8 flags of a lint run (bin/pitstop.cjs has a copy; test/bin-jit.test.ts compares). */
export const LINT_JIT_FLAGS = ["--liftoff-only", "--always-sparkplug", "--no-opt"] as const;
/** How bin/pitstop.cjs and `lint` tell each other which flags the process runs with. */
const JIT_PROFILE = Symbol.for("pg-pitstop.jit-profile");

/**
 * A lint is a short process: its time goes into compiling code more than
 * into running it (bench/lint, measured on a 2-core machine). So the parser's
 * WASM (1.7 MB) runs on V8's baseline compiler only, and JavaScript on the
 * baseline compiler (Sparkplug) without optimizing tiers: optimizing on
 * background threads costs more CPU than a lint of a few hundred files wins
 * back, and competes with the lint itself. bin/pitstop.cjs sets these flags
 * before the bundle loads when it sees `lint` (so the bundle's code cache
 * matches them); this covers the other ways in (dist/cli.cjs run directly),
 * and tells bin that the flags changed, so it does not write a code cache
 * V8 would reject next time. Only code compiled after the flags are set is
 * affected: with bin/pitstop.cjs that includes PGlite, when `lint` asks the
 * embedded database what is pending (its WASM compiles faster on Liftoff).
 */
function shortLivedJit(): void {
  const global = globalThis as { [JIT_PROFILE]?: string };
  if (isParserLoaded() || global[JIT_PROFILE] === "lint") return;
  for (const flag of LINT_JIT_FLAGS) {
    try {
      setFlagsFromString(flag);
    } catch {
      // A runtime without the flag: compiled as usual.
    }
  }
  global[JIT_PROFILE] = "lint-late";
}

function lintFormat(given: string | undefined, json: boolean): LintFormat {
  const format = given ?? (json ? "json" : "pretty");
  if (!(LINT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format ${format}: not one of ${LINT_FORMATS.join(", ")}`);
  return format as LintFormat;
}

/** `15`, `15.4` or `150004` -> 15. */
export function pgVersionFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)(?:\.\d+)?$/.exec(value.trim());
  const n = m ? Number(m[1]) : Number.NaN;
  const major = n >= 10_000 ? Math.floor(n / 10_000) : n;
  if (!Number.isInteger(major) || major < 10)
    throw new UsageError(`--pg-version ${value}: not a PostgreSQL major version`, {
      hint: "Give the major version production runs, e.g. --pg-version 15.",
    });
  return major;
}

async function lintTarget(
  target: Target,
  options: LintOptions,
  parserReady: Promise<unknown>,
): Promise<{ findings: readonly Finding[]; checked: number }> {
  if (target.kind === "file") {
    const source = readSourceText(target.file);
    const { up } = parseSections(source, target.file, target.file.endsWith(".down.sql"));
    await parserReady;
    return { findings: lintScript(up, options), checked: 1 };
  }
  const migrations = await directorySource({ dir: target.dir }).load();
  await parserReady;
  if (target.kind === "down") {
    const at = migrations.findIndex((m) => m.down?.file === target.file);
    const m = migrations[at]!;
    if (m.down?.kind !== "sql") return { findings: [], checked: 0 };
    return {
      findings: lintScript(m.down, { ...options, context: migrations.slice(0, at + 1) }),
      checked: 1,
    };
  }
  return lint(migrations, {
    ...options,
    select: (m) => target.select({ up: m.up.file, ...(m.down?.file ? { down: m.down.file } : {}) }),
  });
}

/** Folders: all their migrations. Files in a migrations folder: with that folder as context. */
function pathTargets(paths: string[], dir: string): Target[] {
  const targets: Target[] = [];
  const byFolder = new Map<string, Set<string>>();
  for (const path of paths) {
    if (!existsSync(path))
      throw new UsageError(`${path}: no such file or folder`, {
        hint: "Give migration files or folders, e.g. `pitstop lint migrations/`.",
      });
    if (statSync(path).isDirectory()) {
      targets.push({ kind: "folder", dir: path, select: () => true });
      continue;
    }
    const name = parseFileName(basename(path));
    const folder = resolve(dirname(path)) === resolve(dir) ? dir : dirname(path);
    if (!name || !isMigrationFolder(folder)) {
      targets.push({ kind: "file", file: path });
      continue;
    }
    if (name.direction === "down") {
      targets.push({ kind: "down", dir: folder, file: join(folder, basename(path)) });
      continue;
    }
    const set = byFolder.get(folder) ?? new Set<string>();
    set.add(resolve(path));
    byFolder.set(folder, set);
  }
  for (const [folder, files] of byFolder)
    targets.push({ kind: "folder", dir: folder, select: (f) => files.has(resolve(f.up)) });
  return targets;
}

/** A folder whose .sql files all have migration names: it can give schema context. */
function isMigrationFolder(folder: string): boolean {
  try {
    return readdirSql(folder).every((f) => parseFileName(f) !== undefined);
  } catch {
    return false;
  }
}

function readdirSql(folder: string): string[] {
  return readdirSync(folder).filter((f) => f.endsWith(".sql"));
}

/** Migrations of `dir` whose file git sees as added since `ref` (committed or not, or untracked). */
async function sinceTarget(dir: string, ref: string): Promise<Target> {
  // Loaded here: node:child_process costs every other lint a few ms of start-up.
  const { execFileSync } = await import("node:child_process");
  const git = (args: string[]) => {
    try {
      return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
      throw new PitstopError("GIT", `--since ${ref}: git ${args[0]} failed: ${stderr || error}`, {
        hint: "Run it inside the git checkout, with a ref that exists (e.g. origin/main; fetch it first in CI).",
        exitCode: 2,
      });
    }
  };
  const top = git(["rev-parse", "--show-toplevel"]).trim();
  const names = [
    ...git(["diff", "--name-only", "-z", "--diff-filter=ACR", ref, "--", dir]).split("\0"),
    ...git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z", "--", dir]).split(
      "\0",
    ),
  ].filter(Boolean);
  const added = new Set(names.map((n) => resolve(top, n)));
  return { kind: "folder", dir, select: (f) => added.has(resolve(f.up)) };
}

/** The migrations the database has not applied (all of them when there is no database yet). */
async function pendingTarget(
  settings: Settings,
  out: Output,
): Promise<{ target: Target; serverVersion?: number }> {
  if (!settings.database && !existsSync(settings.dataDir)) {
    out.notice(
      `No database configured and no embedded database at ${settings.dataDir}: nothing is applied, so every migration in ${settings.dir}/ is checked. Use --since <git-ref> to check only new ones.`,
    );
    return { target: { kind: "folder", dir: settings.dir, select: () => true } };
  }
  let report: { pending: Set<string>; serverVersion: number };
  try {
    report = await withMigrator(settings, out, {}, async ({ migrator, driver }) => {
      const status = await migrator.status();
      const { rows } = await driver.query<{ v: string }>(
        "SELECT current_setting('server_version_num') AS v",
      );
      const pending = new Set(
        status.migrations
          .filter((m) => ["pending", "out_of_order", "failed", "running"].includes(m.status))
          .map((m) => m.version),
      );
      return { pending, serverVersion: Math.floor(Number(rows[0]!.v) / 10_000) };
    });
  } catch (error) {
    if (!(error instanceof PitstopError) || error.code === "NO_MIGRATIONS_DIR") throw error;
    throw new PitstopError(
      error.code,
      `${error.message} (pitstop lint asks the database which migrations are pending)`,
      {
        hint: "Lint without a database: `pitstop lint --since origin/main` (new in this branch), `--all`, or name files or folders.",
        exitCode: error.exitCode,
        cause: error,
      },
    );
  }
  const files = await directorySource({ dir: settings.dir }).load();
  const pendingFiles = new Set(
    files.filter((m) => report.pending.has(m.version)).map((m) => resolve(m.up.file)),
  );
  return {
    target: { kind: "folder", dir: settings.dir, select: (f) => pendingFiles.has(resolve(f.up)) },
    serverVersion: report.serverVersion,
  };
}

function listRules(out: Output): number {
  if (out.json) {
    out.data(
      RULES.map((r) => ({
        id: r.id,
        severity: r.severity,
        summary: r.summary,
        lock: r.lock,
        why: r.why,
        fix: r.fix,
      })),
    );
    return 0;
  }
  out.table(
    ["rule", "default", "flags"],
    RULES.map((r) => [r.id, r.severity, r.summary]),
  );
  return 0;
}
