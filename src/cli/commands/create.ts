import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../../core/errors.js";
import { looksLikeTimestamp, nextVersion } from "../../core/version.js";
import { scanMigrationFolder } from "../../source/directory.js";
import type { FormatName } from "../../source/formats/format.js";
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
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug)
    throw new UsageError(`cannot make a file name from ${JSON.stringify(name)}`, {
      hint: "Use words, e.g. `pitstop create add_users_table`.",
    });
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
  const version = nextVersion(versions, style);
  await mkdir(dir, { recursive: true });
  const format = settings.format ?? scanMigrationFolder({ dir, allowMissing: true }).format;
  const files =
    format !== "pitstop"
      ? foreignTemplate(format, dir, version, slug)
      : options.pair
        ? [
            [
              join(dir, `${version}_${slug}.up.sql`),
              "-- Write the SQL that applies this migration.\n",
            ],
            [join(dir, `${version}_${slug}.down.sql`), "-- Write the SQL that reverts it.\n"],
          ]
        : [
            [
              join(dir, `${version}_${slug}.sql`),
              "-- +up\n-- Write the SQL that applies this migration.\n\n\n-- +down\n-- Write the SQL that reverts it.\n\n",
            ],
          ];
  for (const [file, body] of files) await writeFile(file!, body!, { flag: "wx" });
  // A template holds only comments; lint what holds SQL (and what `diff` writes through the same helper).
  if (files.some(([, body]) => hasStatements(body!))) {
    const { lintWrittenFiles } = await import("../lint-hook.js");
    await lintWrittenFiles(
      settings,
      out,
      files.map(([file]) => file!),
    );
  }
  if (out.json) out.data({ ok: true, version, files: files.map((f) => f[0]) });
  else for (const [file] of files) out.line(`Created ${file}`);
  return 0;
}

/** Anything but comments, blanks and section markers. */
function hasStatements(sql: string): boolean {
  return sql.split("\n").some((line) => {
    const t = line.trim();
    return t !== "" && !t.startsWith("--");
  });
}

/** A new file in the folder's own format, so a goose, dbmate or golang-migrate folder stays one. */
function foreignTemplate(
  format: Exclude<FormatName, "pitstop">,
  dir: string,
  version: string,
  slug: string,
): string[][] {
  const up = "-- Write the SQL that applies this migration.\n";
  const down = "-- Write the SQL that reverts it.\n";
  switch (format) {
    case "golang-migrate":
      return [
        [join(dir, `${version}_${slug}.up.sql`), up],
        [join(dir, `${version}_${slug}.down.sql`), down],
      ];
    case "goose":
      return [
        [join(dir, `${version}_${slug}.sql`), `-- +goose Up\n${up}\n\n-- +goose Down\n${down}`],
      ];
    case "dbmate":
      return [
        [join(dir, `${version}_${slug}.sql`), `-- migrate:up\n${up}\n\n-- migrate:down\n${down}`],
      ];
  }
}
