import { UsageError } from "../core/errors.js";

/** The entries of a seeds folder: its files and, per environment folder, that folder's files. */
export interface SeedListing {
  readonly common: readonly string[];
  readonly envs: Readonly<Record<string, readonly string[]>>;
}

export interface SelectOptions {
  /** Also run the seeds of this environment folder. */
  env?: string | undefined;
  /** Only these seeds (`users`, `02_users`, `02_users.sql` or `development/02_users.sql`). */
  names?: readonly string[];
  /** The seeds folder, for messages. */
  dir?: string;
}

export interface SelectedSeed {
  readonly name: string;
  readonly env: string | undefined;
}

const SEED_EXTENSIONS = [".sql", ".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"];

/** Whether a file in a seeds folder is a seed: `.sql` or code; `_helpers.ts`, `.hidden` and `.d.ts` are not. */
export function isSeedFile(name: string): boolean {
  if (name.startsWith("_") || name.startsWith(".") || /\.d\.[cm]?ts$/.test(name)) return false;
  return SEED_EXTENSIONS.some((ext) => name.endsWith(ext));
}

export function seedKind(name: string): "sql" | "code" {
  return name.endsWith(".sql") ? "sql" : "code";
}

/**
 * The seeds to run, in name order: the common ones and those of `env`'s
 * folder interleaved by file name (a common seed first on a tie), narrowed
 * to `names` when given. Throws `UsageError` for a name that matches nothing.
 *
 * @example
 * selectSeeds({ common: ["01_roles.sql"], envs: { dev: ["02_users.ts"] } }, { env: "dev" })
 * // [{ name: "01_roles.sql", env: undefined }, { name: "02_users.ts", env: "dev" }]
 */
export function selectSeeds(listing: SeedListing, options: SelectOptions = {}): SelectedSeed[] {
  const env = options.env;
  const all: SelectedSeed[] = [
    ...listing.common.filter(isSeedFile).map((name) => ({ name, env: undefined })),
    ...(env === undefined ? [] : (listing.envs[env] ?? []))
      .filter(isSeedFile)
      .map((name) => ({ name, env })),
  ];
  all.sort((a, b) => compare(a.name, b.name) || (a.env === undefined ? -1 : 1));
  const names = options.names ?? [];
  if (names.length === 0) return all;
  const unknown = names.filter((n) => !all.some((s) => matches(s, n)));
  if (unknown.length > 0) {
    const dir = options.dir ?? "seeds";
    const available = all.map((s) => label(s)).join(", ") || "none";
    throw new UsageError(
      `no seed named ${unknown.map((n) => JSON.stringify(n)).join(", ")} in ${dir}/${env ? ` or ${dir}/${env}/` : ""}`,
      {
        hint: `Seeds here: ${available}.${env === undefined ? " Seeds of an environment folder need --env <name>." : ""}`,
      },
    );
  }
  return all.filter((s) => names.some((n) => matches(s, n)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function label(s: SelectedSeed): string {
  return s.env === undefined ? s.name : `${s.env}/${s.name}`;
}

/** `users` matches `02_users.sql`; so do `02_users`, `02_users.sql` and `dev/02_users.sql`. */
function matches(s: SelectedSeed, wanted: string): boolean {
  const w = wanted.replace(/\\/g, "/");
  if (w.includes("/")) return w === label(s) || (s.env === undefined && w === `./${s.name}`);
  const bare = s.name.replace(/\.[^.]+$/, "");
  return w === s.name || w === bare || w === bare.replace(/^\d+[_-]/, "");
}
