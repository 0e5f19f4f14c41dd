/**
 * goose's `fix`: timestamped migrations become the next sequence numbers,
 * in order, so a branch's migrations land after main's. Pure: the CLI reads
 * the folder and renames the files.
 */
import { PitstopError } from "./errors.js";
import {
  canonicalVersion,
  compareVersions,
  DEFAULT_SEQUENCE_WIDTH,
  looksLikeTimestamp,
  maxVersion,
} from "./version.js";

export interface Rename {
  readonly from: string;
  readonly to: string;
  /** The version before and after, as written in the file names. */
  readonly fromVersion: string;
  readonly toVersion: string;
}

/** The version a migration file name starts with (`000001_x.sql`, `20240101_x.up.sql`, `1.sql`). */
export function fileVersion(fileName: string): string | undefined {
  return /^(\d+)(?=[_.])/.exec(fileName)?.[1];
}

export interface FixOptions {
  /** Every name in the folder (default: `files`): a new name must not be taken. */
  readonly existing?: readonly string[];
  /**
   * Canonical versions the database records (applied, or attempted): a
   * migration that is one of them keeps its name, and no new number may be
   * one of them (another branch's migration already holds it).
   */
  readonly recorded?: ReadonlySet<string>;
}

/**
 * Renames for every file of a timestamped migration (`files`: the folder's
 * migration file names). Throws, changing nothing, when a renamed migration
 * is already applied or a new name or number is taken.
 */
export function planFix(files: readonly string[], options: FixOptions = {}): Rename[] {
  const versions = new Map<string, string[]>();
  for (const f of files) {
    const v = fileVersion(f);
    if (v !== undefined) versions.set(v, [...(versions.get(v) ?? []), f]);
  }
  const texts = [...versions.keys()];
  const stamps = texts.filter(looksLikeTimestamp);
  const sequences = texts.filter((v) => !looksLikeTimestamp(v));
  const width = sequences.reduce((w, v) => Math.max(w, v.length), 0) || DEFAULT_SEQUENCE_WIDTH;
  let next = BigInt(maxVersion(sequences.map(canonicalVersion)) ?? "0");
  const renames: Rename[] = [];
  for (const stamp of stamps.sort((a, b) =>
    compareVersions(canonicalVersion(a), canonicalVersion(b)),
  )) {
    next += 1n;
    const toVersion = next.toString().padStart(width, "0");
    for (const from of versions.get(stamp)!.sort()) {
      renames.push({
        from,
        to: toVersion + from.slice(stamp.length),
        fromVersion: stamp,
        toVersion,
      });
    }
  }
  const recorded = options.recorded ?? new Set<string>();
  const applied = renames.filter((r) => recorded.has(canonicalVersion(r.fromVersion)));
  if (applied.length > 0) {
    throw new PitstopError(
      "FIX_APPLIED",
      `${[...new Set(applied.map((r) => r.fromVersion))].join(", ")} ${applied.length > 1 ? "are" : "is"} recorded in the database under ${applied.length > 1 ? "their" : "its"} timestamp: renaming would make the database lose track of ${applied.length > 1 ? "them" : "it"}`,
      {
        hint: "Revert them first (`pitstop down --to V`), or run fix where the database has not applied them (fix is meant for migrations not yet released).",
      },
    );
  }
  const moving = new Set(renames.map((r) => r.from));
  const existing = options.existing ?? files;
  for (const r of renames) {
    if (recorded.has(canonicalVersion(r.toVersion))) {
      throw new PitstopError(
        "FIX_COLLISION",
        `${r.from} would become version ${r.toVersion}, which the database already records for another migration`,
        {
          hint: "This checkout is behind the database: merge the latest migrations first, then run fix again. Nothing was changed.",
        },
      );
    }
    if (existing.includes(r.to) && !moving.has(r.to)) {
      throw new PitstopError(
        "FIX_COLLISION",
        `renaming ${r.from} to ${r.to} would overwrite a file`,
        {
          hint: "Rename one of them by hand first; nothing was changed.",
        },
      );
    }
  }
  const targets = new Set<string>();
  for (const r of renames) {
    if (targets.has(r.to)) {
      throw new PitstopError("FIX_COLLISION", `two files would be renamed to ${r.to}`, {
        hint: "Rename one of them by hand first; nothing was changed.",
      });
    }
    targets.add(r.to);
  }
  return renames;
}
