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
import { isLockerSetting, LOCKER_SETTINGS, type LockerSetting } from "../store/locker.js";

/** The shortest `--lease` taken. */
export const MIN_LEASE_MS = 1_000;
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
  historySchema?: string;
  historyTable?: string;
  /** Old spelling of `historySchema` (`--schema`), kept working with a note. */
  schema?: string;
  /** Old spelling of `historyTable` (`--table`). */
  table?: string;
  lockTimeout?: string;
  ddlLockTimeout?: string;
  statementTimeout?: string;
  lockRetries?: string;
  maxReplicaLag?: string;
  replicaLagTimeout?: string;
  locker?: string;
  lease?: string;
  allowOutOfOrder?: boolean;
  ignoreChecksums?: boolean;
  dataDir?: string;
  /** `--seeds <dir>`: the seeds folder. */
  seeds?: string;
  dirFormat?: string;
  /** Old spelling of `dirFormat` (`--format`). */
  format?: string;
  json?: boolean;
  color?: boolean;
}

export interface Settings {
  /**
   * Server URL; undefined means the embedded PGlite database at `dataDir`.
   * Reading it throws `UsageError` when the URL was given but empty.
   */
  readonly database: string | undefined;
  readonly databaseFrom: "flag" | "env" | "config" | undefined;
  readonly dataDir: string;
  readonly dir: string;
  /** The folder's format when forced (`--dir-format`); undefined: detected from the files. */
  readonly format: FormatName | undefined;
  readonly history: HistoryTable;
  readonly lockTimeoutMs: number;
  readonly ddlLockTimeoutMs: number | undefined;
  readonly statementTimeoutMs: number | undefined;
  readonly lockRetries: number | undefined;
  /** `--max-replica-lag`: wait between steps while a replica is further behind (undefined: off). */
  readonly maxReplicaLagMs: number | undefined;
  readonly replicaLagTimeoutMs: number | undefined;
  /** The migration lock (`--locker`, PITSTOP_LOCKER, `locker`): auto, advisory or table. */
  readonly locker: LockerSetting;
  /** The table locker's lease (`--lease`, PITSTOP_LEASE, `lease`); undefined: 30 s. */
  readonly leaseMs: number | undefined;
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
  /** Old spellings this run used (`--schema`...), each a note naming the new one, for stderr. */
  readonly deprecations: readonly string[];
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
  const dotEnv = readDotEnv(cwd);
  const e = { ...dotEnv, ...env };
  const configFile = findConfig(flags.config ?? e.PITSTOP_CONFIG, cwd);
  const config = configFile ? await loadConfig(configFile) : {};
  const configName = configFile ? relative(cwd, configFile) || configFile : "the config";
  // An empty value is an error, raised where the database is used: `create`
  // and other commands that never connect are not stopped by it.
  let emptyDatabase: UsageError | undefined;
  let envUrl: string | undefined;
  if (flags.database !== undefined && flags.database.trim() === "") {
    emptyDatabase = new UsageError("--database is empty", {
      hint: "Give a database URL (postgres://user@host:5432/db or pglite:<dir>), or leave --database out for the embedded database.",
    });
  } else if (flags.database === undefined) {
    try {
      envUrl = databaseFromEnv(e, env);
    } catch (error) {
      emptyDatabase = error as UsageError;
    }
  }
  const database = flags.database ?? envUrl ?? config.database;
  if (flags.schema !== undefined && /\.sql$|[/\\]/i.test(flags.schema))
    throw new UsageError(
      `--schema ${flags.schema}: --schema (now --history-schema) names the history table's schema, not a file`,
      {
        hint: "Give the desired schema file with --file (-f), e.g. `pitstop diff add_users -f schema.sql`.",
      },
    );
  const deprecations: string[] = [];
  /** A renamed setting's value (new spellings first at each level), noting an old spelling used. */
  const pick = (
    names: RenamedSetting,
    [flag, oldFlag]: [string | undefined, string | undefined],
    key: string | undefined,
    oldKey?: string,
  ): Picked | undefined => {
    const found: [string | undefined, string, string | undefined][] = [
      [flag, names.flag, undefined],
      [oldFlag, names.oldFlag, names.flag],
      [e[names.env], names.env, undefined],
      [e[names.oldEnv], names.oldEnv, names.env],
      [key, `${names.key} in ${configName}`, undefined],
      [oldKey, `${names.oldKey} in ${configName}`, names.key],
    ];
    const hit = found.find(([value]) => value !== undefined);
    if (!hit) return undefined;
    const [value, from, now] = hit;
    if (now)
      deprecations.push(`${from} is deprecated: it is now ${now} (the old name still works)`);
    return { value: value!, from };
  };
  return {
    get database() {
      if (emptyDatabase) throw emptyDatabase;
      return database;
    },
    databaseFrom: flags.database ? "flag" : envUrl ? "env" : config.database ? "config" : undefined,
    dataDir: flags.dataDir ?? e.PITSTOP_DATA_DIR ?? config.embedded?.dataDir ?? DEFAULT_DATA_DIR,
    dir: flags.dir ?? e.PITSTOP_DIR ?? config.dir ?? DEFAULT_MIGRATIONS_DIR,
    format: format(
      pick(DIR_FORMAT, [flags.dirFormat, flags.format], config.dirFormat, config.format),
    ),
    history: {
      schema: named(
        pick(HISTORY_SCHEMA, [flags.historySchema, flags.schema], config.history?.schema),
        DEFAULT_HISTORY_SCHEMA,
      ),
      table: named(
        pick(HISTORY_TABLE, [flags.historyTable, flags.table], config.history?.table),
        DEFAULT_HISTORY_TABLE,
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
    maxReplicaLagMs: positive(
      "--max-replica-lag",
      duration(
        "--max-replica-lag",
        flags.maxReplicaLag ?? e.PITSTOP_MAX_REPLICA_LAG ?? config.maxReplicaLag,
      ),
    ),
    replicaLagTimeoutMs: duration(
      "--replica-lag-timeout",
      flags.replicaLagTimeout ?? e.PITSTOP_REPLICA_LAG_TIMEOUT ?? config.replicaLagTimeout,
    ),
    locker: locker(flags.locker ?? e.PITSTOP_LOCKER ?? config.locker),
    leaseMs: lease(duration("--lease", flags.lease ?? e.PITSTOP_LEASE ?? config.lease)),
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
    deprecations,
  };
}

/**
 * `PITSTOP_DATABASE_URL`, else `DATABASE_URL`. Set but empty is an error: it
 * is almost always a CI secret that was not defined, and falling back to the
 * embedded database would "migrate" a throwaway copy and report success.
 */
function databaseFromEnv(
  merged: Record<string, string | undefined>,
  processEnv: NodeJS.ProcessEnv,
): string | undefined {
  for (const name of ["PITSTOP_DATABASE_URL", "DATABASE_URL"]) {
    const value = merged[name];
    if (value === undefined) continue;
    if (value.trim() !== "") return value;
    const where = processEnv[name] === undefined ? " (in .env)" : "";
    throw new UsageError(`${name} is set but empty${where}`, {
      hint: `Set ${name} to the database URL (a CI secret that is not defined expands to an empty value), or unset it to use the embedded PGlite database.`,
    });
  }
  return undefined;
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

/** A setting that had another, confusable name: its flag, env var and config key, old and new. */
interface RenamedSetting {
  readonly flag: string;
  readonly oldFlag: string;
  readonly env: string;
  readonly oldEnv: string;
  readonly key: string;
  readonly oldKey?: string;
}

/** A value and where it came from (the flag, env var or config key to name in an error). */
interface Picked {
  readonly value: string;
  readonly from: string;
}

const HISTORY_SCHEMA: RenamedSetting = {
  flag: "--history-schema",
  oldFlag: "--schema",
  env: "PITSTOP_HISTORY_SCHEMA",
  oldEnv: "PITSTOP_SCHEMA",
  key: "history.schema",
};
const HISTORY_TABLE: RenamedSetting = {
  flag: "--history-table",
  oldFlag: "--table",
  env: "PITSTOP_HISTORY_TABLE",
  oldEnv: "PITSTOP_TABLE",
  key: "history.table",
};
const DIR_FORMAT: RenamedSetting = {
  flag: "--dir-format",
  oldFlag: "--format",
  env: "PITSTOP_DIR_FORMAT",
  oldEnv: "PITSTOP_FORMAT",
  key: "dirFormat",
  oldKey: "format",
};

/** A schema or table name: `--history-table ""` would be a zero-length identifier to the server. */
function named(picked: Picked | undefined, fallback: string): string {
  if (picked === undefined) return fallback;
  if (picked.value.trim() === "")
    throw new UsageError(`${picked.from} is empty: it needs a name`, {
      hint: `Leave ${picked.from} out for the default (${fallback}), or give a name.`,
    });
  return picked.value;
}

function format(picked: Picked | undefined): FormatName | undefined {
  if (picked === undefined || picked.value === "") return undefined;
  if (!isFormatName(picked.value))
    throw new UsageError(
      `${picked.from}: unknown migrations folder format ${JSON.stringify(picked.value)}`,
      { hint: `Use one of ${FORMAT_NAMES.join(", ")}.` },
    );
  return picked.value;
}

function locker(value: string | undefined): LockerSetting {
  if (value === undefined || value === "") return "auto";
  if (!isLockerSetting(value))
    throw new UsageError(`--locker: unknown locker ${JSON.stringify(value)}`, {
      hint: `Use one of ${LOCKER_SETTINGS.join(", ")} (flag --locker, env PITSTOP_LOCKER, config locker).`,
    });
  return value;
}

/** Below a second the heartbeat (every third of the lease) would miss beats on a busy machine. */
function lease(ms: number | undefined): number | undefined {
  if (ms !== undefined && ms < MIN_LEASE_MS)
    throw new UsageError(`--lease: ${ms} ms is shorter than ${MIN_LEASE_MS / 1000} s`, {
      hint: "The lease must outlast a few missed heartbeats (one every third of it); the default is 30s. Flag --lease, env PITSTOP_LEASE, config lease.",
    });
  return ms;
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

function positive(name: string, ms: number | undefined): number | undefined {
  if (ms === 0)
    throw new UsageError(`${name}: 0 would wait for every replica to replay everything`, {
      hint: "Give the lag you accept, e.g. 10s; leave the setting out to not wait for replicas.",
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
