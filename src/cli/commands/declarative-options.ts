import path from "node:path";
import { parseDuration } from "../../core/duration.js";
import { UsageError } from "../../core/errors.js";
import type { DeclarativeOptions } from "../../declarative/declarative.js";
import { DEFAULT_CACHE_DIR } from "../../declarative/scratch.js";
import type { WarmScratchUse } from "../../declarative/warm-scratch/client.js";
import { warmScratchSocketExists } from "../../declarative/warm-scratch/paths.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

export const DEFAULT_SCHEMA_FILE = "schema.sql";

/** Flags shared by `diff`, `drift`, `schema dump` and `schema apply`. */
export interface DeclarativeFlags {
  /** Schemas to compare (repeatable or comma-separated). */
  only?: string[];
  /** Schemas or schema.object patterns to leave out (repeatable or comma-separated). */
  exclude?: string[];
  /** A server for the scratch database instead of PGlite (env PITSTOP_DEV_URL). */
  devUrl?: string;
}

export function declarativeOptions(
  settings: Settings,
  flags: DeclarativeFlags,
  out?: Pick<Output, "warn">,
): DeclarativeOptions {
  const devUrl = flags.devUrl ?? process.env.PITSTOP_DEV_URL;
  return {
    history: settings.history,
    // Next to the embedded database: `.pitstop/cache` by default.
    cacheDir: path.join(path.dirname(settings.dataDir), "cache"),
    ...(devUrl ? { devUrl } : {}),
    ...(devUrl ? {} : warmScratchUse(process.env, out)),
    filter: {
      ...(flags.only && flags.only.length > 0 ? { only: flags.only } : {}),
      ...(flags.exclude && flags.exclude.length > 0 ? { exclude: flags.exclude } : {}),
    },
  };
}

const ON = ["1", "on", "true", "yes"];
const OFF = ["0", "off", "false", "no"];

/**
 * The warm scratch (a PGlite process kept started between commands): on by
 * default, off in CI (a one-shot run gains nothing and must leave no
 * process behind) unless PITSTOP_WARM_SCRATCH=on; PITSTOP_WARM_SCRATCH=off
 * turns it off anywhere.
 */
export function warmScratchUse(
  env: NodeJS.ProcessEnv = process.env,
  out?: Pick<Output, "warn">,
): { warm: WarmScratchUse } | Record<string, never> {
  const setting = (env.PITSTOP_WARM_SCRATCH ?? "").trim().toLowerCase();
  if (setting !== "" && !ON.includes(setting) && !OFF.includes(setting)) {
    throw new UsageError(`PITSTOP_WARM_SCRATCH=${env.PITSTOP_WARM_SCRATCH} is neither on nor off`, {
      hint: "Set it to on (start and use a warm scratch process) or off (PGlite in each command).",
    });
  }
  if (OFF.includes(setting)) return {};
  const ci = (env.CI ?? "").trim().toLowerCase();
  if (!ON.includes(setting) && ci !== "" && !OFF.includes(ci)) return {};
  const idle = env.PITSTOP_WARM_SCRATCH_IDLE;
  if (idle !== undefined && parseDuration(idle) === undefined) {
    throw new UsageError(`PITSTOP_WARM_SCRATCH_IDLE=${idle} is not a duration`, {
      hint: "Give a duration such as 10m, 90s or 1h (how long the process waits for the next command).",
    });
  }
  const bin = process.argv[1];
  return {
    warm: {
      ...(bin ? { start: [process.execPath, bin] } : {}),
      ...(idle !== undefined ? { idle } : {}),
      ...(out ? { onLost: (why: string) => out.warn(`${why}; doing it again in-process`) } : {}),
    },
  };
}

/** "an in-process PGlite database" or "a temporary database on <server>", for progress notices. */
export function scratchDescription(options: DeclarativeOptions): string {
  if (options.devUrl) return "a temporary database on the --dev-url server";
  if (options.warm && warmScratchSocketExists(options.cacheDir ?? DEFAULT_CACHE_DIR))
    return "the warm scratch PGlite (`pitstop scratch status`)";
  return "an in-process PGlite database";
}
