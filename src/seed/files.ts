import { type Dirent, readdirSync } from "node:fs";
import { join } from "node:path";
import { PitstopError } from "../core/errors.js";
import type { SeedFile } from "./seed.js";
import { type SelectOptions, seedKind, selectSeeds } from "./select.js";

export interface ListSeedsOptions extends Omit<SelectOptions, "dir"> {
  /** The seeds folder, as it should appear in messages. */
  dir: string;
  /** A missing folder is an empty list instead of an error. */
  allowMissing?: boolean;
}

export interface SeedListResult {
  readonly seeds: SeedFile[];
  /** `--env` was given but the folder has no such subfolder. */
  readonly envMissing: boolean;
}

/**
 * The seed files to run from a folder: its own files and those of
 * `<dir>/<env>/`, in name order (see `selectSeeds`).
 *
 * @example
 * listSeeds({ dir: "seeds", env: "development" }).seeds.map((s) => s.file)
 * // ["seeds/01_roles.sql", "seeds/development/02_users.ts"]
 */
export function listSeeds(options: ListSeedsOptions): SeedListResult {
  const { dir, env } = options;
  const entries = readEntries(dir, options.allowMissing ?? false);
  const envDir =
    env === undefined ? undefined : entries.find((e) => e.isDirectory() && e.name === env);
  const envFiles = envDir === undefined ? [] : readEntries(join(dir, env!), false);
  const selected = selectSeeds(
    {
      common: entries.filter((e) => e.isFile()).map((e) => e.name),
      envs:
        env === undefined ? {} : { [env]: envFiles.filter((e) => e.isFile()).map((e) => e.name) },
    },
    { ...options, dir },
  );
  return {
    seeds: selected.map((s) => ({
      name: s.name,
      file: s.env === undefined ? join(dir, s.name) : join(dir, s.env, s.name),
      env: s.env,
      kind: seedKind(s.name),
    })),
    envMissing: env !== undefined && envDir === undefined,
  };
}

function readEntries(dir: string, allowMissing: boolean): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      if (allowMissing) return [];
      throw new PitstopError("NO_SEEDS_DIR", `seeds folder ${dir}/ does not exist`, {
        hint: "Create a seed with `pitstop create-seed <name>`, or point --seeds (PITSTOP_SEEDS) at your seeds.",
        exitCode: 2,
      });
    }
    throw error;
  }
}
