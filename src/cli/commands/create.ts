import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../../core/errors.js";
import { looksLikeTimestamp, nextVersion } from "../../core/version.js";
import { parseFileName } from "../../source/formats/pitstop.js";
import type { Output } from "../output.js";
import type { Settings } from "../settings.js";

export interface CreateOptions {
  seq?: boolean;
  timestamp?: boolean;
  /** Write `.up.sql` and `.down.sql` files instead of one file with sections. */
  pair?: boolean;
}

/** `create <name>`: a new migration file with `-- +up` and `-- +down` sections. */
export async function runCreate(
  settings: Settings,
  out: Output,
  name: string,
  options: CreateOptions,
): Promise<number> {
  const slug = slugify(name);
  const dir = settings.dir;
  const version = await pickVersion(settings, options);
  await mkdir(dir, { recursive: true });
  const files = options.pair
    ? [
        [join(dir, `${version}_${slug}.up.sql`), "-- Write the SQL that applies this migration.\n"],
        [join(dir, `${version}_${slug}.down.sql`), "-- Write the SQL that reverts it.\n"],
      ]
    : [
        [
          join(dir, `${version}_${slug}.sql`),
          "-- +up\n-- Write the SQL that applies this migration.\n\n\n-- +down\n-- Write the SQL that reverts it.\n\n",
        ],
      ];
  for (const [file, body] of files) await writeFile(file!, body!, { flag: "wx" });
  if (out.json) out.data({ ok: true, version, files: files.map((f) => f[0]) });
  else for (const [file] of files) out.line(`Created ${file}`);
  return 0;
}

/** `Add Users!` -> `add_users`; a usage error when nothing is left. */
export function slugify(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug)
    throw new UsageError(`cannot make a file name from ${JSON.stringify(name)}`, {
      hint: "Use words, e.g. `pitstop create add_users_table`.",
    });
  return slug;
}

/**
 * The version of a new migration in the configured folder: a timestamp, or
 * the next sequence number once the folder uses only sequence numbers.
 */
export async function pickVersion(
  settings: Settings,
  options: Pick<CreateOptions, "seq" | "timestamp">,
): Promise<string> {
  const dir = settings.dir;
  const existing = existsSync(dir) ? await readdir(dir) : [];
  const versions = existing
    .map((f) => parseFileName(f)?.versionText)
    .filter((v): v is string => v !== undefined);
  const style = options.seq
    ? "sequence"
    : options.timestamp
      ? "timestamp"
      : settings.versionStyle !== "timestamp"
        ? settings.versionStyle
        : versions.length > 0 && versions.every((v) => !looksLikeTimestamp(v))
          ? "sequence"
          : "timestamp";
  return nextVersion(versions, style);
}
