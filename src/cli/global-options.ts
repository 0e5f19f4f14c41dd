import { type Command, Option } from "commander";
import type { GlobalFlags } from "./settings.js";

/**
 * Old spellings of global options, kept working with a note: each read like
 * something else (`--schema` like the `schema` commands and a schema file,
 * `--format` like `lint --format`, `--table` like any table).
 */
export const RENAMED_FLAGS = [
  { old: "--schema", now: "--history-schema" },
  { old: "--table", now: "--history-table" },
  { old: "--format", now: "--dir-format" },
] as const;

/** Output formats of `pitstop lint --format` (the old global `--format` named a folder format). */
const LINT_OUTPUT_FORMATS = new Set(["pretty", "json", "github", "sarif"]);

/**
 * Defines the options every command understands on the program.
 *
 * @example
 * const root = addGlobalOptions(new Command("pitstop"));
 */
export function addGlobalOptions(root: Command): Command {
  return root
    .option(
      "-d, --database <url>",
      "database URL (env DATABASE_URL); unset: embedded PGlite in .pitstop/",
    )
    .option("--dir <path>", "migrations folder (env PITSTOP_DIR)", undefined)
    .option(
      "--dir-format <name>",
      "read --dir as pitstop, golang-migrate, goose or dbmate (env PITSTOP_DIR_FORMAT; default: detected)",
    )
    .option("--seeds <dir>", "seeds folder (env PITSTOP_SEEDS; default seeds)")
    .option("-c, --config <file>", "config file (default pitstop.config.{ts,js,json})")
    .option(
      "--history-schema <name>",
      "schema of the history table (env PITSTOP_HISTORY_SCHEMA; default public)",
    )
    .option(
      "--history-table <name>",
      "name of the history table (env PITSTOP_HISTORY_TABLE; default pitstop_migrations)",
    )
    .option("--data-dir <path>", "embedded PGlite data directory (default .pitstop/pglite)")
    .option(
      "--lock-timeout <duration>",
      "wait this long for another process's migration lock (default 60s)",
    )
    .option(
      "--ddl-lock-timeout <duration>",
      "lock_timeout for each migration's DDL (default 5s, 0 = off)",
    )
    .option(
      "--statement-timeout <duration>",
      "statement_timeout for migration statements (default off)",
    )
    .option("--lock-retries <n>", "retries after a DDL lock timeout (default 3)")
    .option(
      "--max-replica-lag <duration>",
      "between migrations, wait while a streaming replica is further behind (default off)",
    )
    .option("--replica-lag-timeout <duration>", "give up waiting for replicas (default 10m)")
    .option(
      "--locker <kind>",
      "migration lock: auto (default), advisory, or table (a lease row; behind transaction poolers)",
    )
    .option(
      "--lease <duration>",
      "table locker: a dead run's lease runs out after this (env PITSTOP_LEASE; default 30s)",
    )
    .option("--allow-out-of-order", "apply pending migrations older than the newest applied one")
    .option("--ignore-checksums", "do not fail on applied migrations whose file changed")
    .option("--json", "machine-readable output")
    .option("--no-color", "no colours (also NO_COLOR)")
    .addOption(new Option("--schema <name>").hideHelp())
    .addOption(new Option("--table <name>").hideHelp())
    .addOption(new Option("--format <name>").hideHelp());
}

/**
 * The program's options as a command sees them. Commander gives an option
 * defined by both the program and a command (`--format`) to the program
 * wherever it is written: for `lint`, an output-format value belongs to the
 * command; for `schema diagram`, any value does.
 */
export function globalFlags(cmd: Command): GlobalFlags {
  const flags = { ...(rootOf(cmd).opts() as GlobalFlags) };
  if (cmd.name() === "lint" && flags.format && LINT_OUTPUT_FORMATS.has(flags.format))
    delete flags.format;
  // `schema diagram --format` is always the drawing's format (a bad value is its error to give).
  if (cmd.name() === "diagram") delete flags.format;
  return flags;
}

/** `schema diagram --format`: its own value, or the one commander handed to the program. */
export function diagramFormat(cmd: Command, own: string | undefined): string | undefined {
  return own ?? (rootOf(cmd).opts() as GlobalFlags).format;
}

/** `lint --format`: its own value, or the one commander handed to the program. */
export function lintOutputFormat(cmd: Command, own: string | undefined): string | undefined {
  if (own) return own;
  const given = (rootOf(cmd).opts() as GlobalFlags).format;
  return given && LINT_OUTPUT_FORMATS.has(given) ? given : undefined;
}

function rootOf(cmd: Command): Command {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root;
}
