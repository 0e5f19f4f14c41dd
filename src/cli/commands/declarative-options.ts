import path from "node:path";
import type { DeclarativeOptions } from "../../declarative/declarative.js";
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
): DeclarativeOptions {
  const devUrl = flags.devUrl ?? process.env.PITSTOP_DEV_URL;
  return {
    history: settings.history,
    // Next to the embedded database: `.pitstop/cache` by default.
    cacheDir: path.join(path.dirname(settings.dataDir), "cache"),
    ...(devUrl ? { devUrl } : {}),
    filter: {
      ...(flags.only && flags.only.length > 0 ? { only: flags.only } : {}),
      ...(flags.exclude && flags.exclude.length > 0 ? { exclude: flags.exclude } : {}),
    },
  };
}

/** "an in-process PGlite database" or "a temporary database on <server>", for progress notices. */
export function scratchDescription(options: DeclarativeOptions): string {
  return options.devUrl
    ? "a temporary database on the --dev-url server"
    : "an in-process PGlite database";
}
