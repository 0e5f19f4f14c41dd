import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseEnv } from "node:util";
import type { LintConfig, PitstopConfig, SeedsConfig } from "../config.js";
import { type Duration, parseDuration } from "../core/duration.js";
import { UsageError } from "../core/errors.js";
import { DEFAULT_MIGRATIONS_DIR } from "../source/directory.js";
import { FORMAT_NAMES, type FormatName, isFormatName } from "../source/formats/format.js";
import { ownAliases } from "../source/own-entry.js";
import { readSourceText } from "../source/read-text.js";
import {
  DEFAULT_HISTORY_SCHEMA,
  DEFAULT_HISTORY_TABLE,
  type HistoryTable,
} from "../store/history.js";
import { DEFAULT_LOCK_TIMEOUT_MS } from "../store/lock.js";

export const DEFAULT_DATA_DIR = ".pitstop/pglite";
export const DEFAULT_SEEDS_DIR = "seeds";
export const CONFIG_FILES = [
  "pitstop.config.ts",
  "pitstop.config.mts",
  "pitstop.config.js",
  "pitstop.config.mjs",
  "pitstop.config.json",
];

/** Flags every command understands (commander's camelCase names). */
export interface GlobalFlags {
  database?: string;
  dir?: string;
  config?: string;
  schema?: string;
  table?: string;
  lockTimeout?: string;
  ddlLockTimeout?: string;
  statementTimeout?: string;
  lockRetries?: string;
  allowOutOfOrder?: boolean;
  ignoreChecksums?: boolean;
  dataDir?: string;
  /** `--seeds <dir>`: the seeds folder. */
  seeds?: string;
  format?: string;
  json?: boolean;
  color?: boolean;
}

export interface Settings {
  /** Server URL; undefined means the embedded PGlite database at `dataDir`. */
  readonly database: string | undefined;
  readonly databaseFrom: "flag" | "env" | "config" | undefined;
  readonly dataDir: string;
  readonly dir: string;
  /** The folder's format when forced (`--format`); undefined: detected from the files. */
  readonly format: FormatName | undefined;
  readonly history: HistoryTable;
  readonly lockTimeoutMs: number;
  readonly ddlLockTimeoutMs: number | undefined;
  readonly statementTimeoutMs: number | undefined;
  readonly lockRetries: number | undefined;
  readonly allowOutOfOrder: boolean;
  readonly ignoreChecksums: boolean;
  readonly versionStyle: "timestamp" | "sequence";
  readonly configFile: string | undefined;
  readonly json: boolean;
  readonly seedsDir: string;
  /** `seeds.productionGuard` of the config file (undefined: the default guard). */
  readonly productionGuard: SeedsConfig["productionGuard"];
  /** The merged environment (`.env` under the process's): what seeds see as `ctx.env`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly lint: LintSettings;
}

export interface LintSettings {
  readonly rules: Readonly<Record<string, "off" | "warning" | "error">>;
  readonly pgVersion: number | undefined;
  readonly onUp: "warn" | "error" | "off";
}

/**
 * flags > environment (`DATABASE_URL`, `PITSTOP_*`, then `.env`) >
 * `pitstop.config.*` > defaults.
 */
export async function resolveSettings(
  flags: GlobalFlags,
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Promise<Settings> {
  const e = { ...readDotEnv(cwd), ...env };
  const configFile = findConfig(flags.config ?? e.PITSTOP_CONFIG, cwd);
  const config = configFile ? await loadConfig(configFile) : {};
  const envUrl = e.PITSTOP_DATABASE_URL ?? e.DATABASE_URL;
  const database = flags.database ?? (envUrl || undefined) ?? config.database;
  return {
    database,
    databaseFrom: flags.database ? "flag" : envUrl ? "env" : config.database ? "config" : undefined,
    dataDir: flags.dataDir ?? e.PITSTOP_DATA_DIR ?? config.embedded?.dataDir ?? DEFAULT_DATA_DIR,
    dir: flags.dir ?? e.PITSTOP_DIR ?? config.dir ?? DEFAULT_MIGRATIONS_DIR,
    format: format(flags.format ?? e.PITSTOP_FORMAT ?? config.format),
    history: {
      schema: named(
        "--schema",
        flags.schema ?? e.PITSTOP_SCHEMA ?? config.history?.schema ?? DEFAULT_HISTORY_SCHEMA,
      ),
      table: named(
        "--table",
        flags.table ?? e.PITSTOP_TABLE ?? config.history?.table ?? DEFAULT_HISTORY_TABLE,
      ),
    },
    lockTimeoutMs:
      duration(
        "--lock-timeout",
        flags.lockTimeout ?? e.PITSTOP_LOCK_TIMEOUT ?? config.lockTimeout,
      ) ?? DEFAULT_LOCK_TIMEOUT_MS,
    ddlLockTimeoutMs: duration(
      "--ddl-lock-timeout",
      flags.ddlLockTimeout ?? e.PITSTOP_DDL_LOCK_TIMEOUT ?? config.ddlLockTimeout,
    ),
    statementTimeoutMs: duration(
      "--statement-timeout",
      flags.statementTimeout ?? e.PITSTOP_STATEMENT_TIMEOUT ?? config.statementTimeout,
    ),
    lockRetries: integer(
      "--lock-retries",
      flags.lockRetries ?? e.PITSTOP_LOCK_RETRIES ?? config.lockRetries,
    ),
    allowOutOfOrder:
      flags.allowOutOfOrder ??
      bool(e.PITSTOP_ALLOW_OUT_OF_ORDER) ??
      config.allowOutOfOrder ??
      false,
    ignoreChecksums: flags.ignoreChecksums ?? false,
    versionStyle: config.versionStyle ?? "timestamp",
    configFile,
    json: flags.json ?? false,
    seedsDir: flags.seeds ?? e.PITSTOP_SEEDS ?? config.seeds?.dir ?? DEFAULT_SEEDS_DIR,
    productionGuard: config.seeds?.productionGuard,
    env: e,
    lint: lintSettings(config.lint),
  };
}

/** Shapes only: rule names are checked by the linter, which knows them. */
function lintSettings(config: LintConfig | undefined): LintSettings {
  const onUp = config?.onUp ?? "warn";
  if (onUp !== "warn" && onUp !== "error" && onUp !== "off")
    throw new UsageError(`lint.onUp: ${JSON.stringify(onUp)} is not "warn", "error" or "off"`);
  const pgVersion = config?.pgVersion;
  if (pgVersion !== undefined && !Number.isInteger(pgVersion))
    throw new UsageError(`lint.pgVersion: ${JSON.stringify(pgVersion)} is not a major version`, {
      hint: "Write the major version as a number, e.g. pgVersion: 15.",
    });
  return { rules: config?.rules ?? {}, pgVersion, onUp };
}

function readDotEnv(cwd: string): Record<string, string> {
  const file = join(cwd, ".env");
  if (!existsSync(file)) return {};
  return parseEnv(readFileSync(file, "utf8")) as Record<string, string>;
}

function findConfig(given: string | undefined, cwd: string): string | undefined {
  if (given) {
    const file = resolve(cwd, given);
    if (!existsSync(file))
      throw new UsageError(`config file ${given} does not exist`, {
        hint: "Check --config / PITSTOP_CONFIG.",
      });
    return file;
  }
  const found = CONFIG_FILES.filter((name) => existsSync(join(cwd, name)));
  if (found.length > 1)
    throw new UsageError(`two config files: ${found.join(" and ")}; pitstop reads one`, {
      hint: `Merge them into ${found[0]} and delete the other, or choose one with --config.`,
    });
  return found.length === 1 ? join(cwd, found[0]!) : undefined;
}

async function loadConfig(file: string): Promise<PitstopConfig> {
  const { checkConfig } = await import("./config-check.js");
  const shown = relative(process.cwd(), file) || file;
  let value: unknown;
  try {
    if (file.endsWith(".json")) value = JSON.parse(readSourceText(file));
    else {
      // TypeScript and JavaScript configs alike go through jiti (no build step),
      // which is loaded only when such a file exists.
      const { createJiti } = await import("jiti");
      // `import { defineConfig } from "pg-pitstop"` resolves to this copy even where pitstop is not a dependency.
      const jiti = createJiti(import.meta.url, ownAliases());
      const mod = (await jiti.import(file)) as Record<string, unknown>;
      value = mod !== null && typeof mod === "object" && "default" in mod ? mod.default : mod;
    }
  } catch (error) {
    throw new UsageError(
      `cannot load ${shown}: ${error instanceof Error ? error.message : String(error)}`,
      {
        hint: "The config file must export default defineConfig({...}).",
        cause: error,
      },
    );
  }
  return checkConfig(value, shown);
}

/** A schema or table name: `--table ""` would be a zero-length identifier to the server. */
function named(option: string, value: string): string {
  if (value.trim() === "")
    throw new UsageError(`${option} is empty: it needs a name`, {
      hint: `Leave ${option} out for the default (${option === "--table" ? DEFAULT_HISTORY_TABLE : DEFAULT_HISTORY_SCHEMA}), or give a name.`,
    });
  return value;
}

function format(value: string | undefined): FormatName | undefined {
  if (value === undefined || value === "") return undefined;
  if (!isFormatName(value))
    throw new UsageError(`--format: unknown format ${JSON.stringify(value)}`, {
      hint: `Use one of ${FORMAT_NAMES.join(", ")}.`,
    });
  return value;
}

function duration(name: string, value: Duration | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const ms = parseDuration(value);
  if (ms === undefined)
    throw new UsageError(`${name}: cannot read ${JSON.stringify(value)} as a duration`, {
      hint: "Write it like 5s, 500ms, 2m or a number of milliseconds.",
    });
  return ms;
}

function integer(name: string, value: string | number | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`${name}: ${JSON.stringify(value)} is not a whole number`);
  return n;
}

function bool(value: string | undefined): boolean | undefined {
  if (value === undefined || value === "") return undefined;
  return /^(1|true|yes|on)$/i.test(value);
}
