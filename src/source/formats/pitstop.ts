import { checksum } from "../../core/checksum.js";
import { PitstopError } from "../../core/errors.js";
import type { Migration, SqlScript } from "../../core/migration.js";
import { canonicalVersion } from "../../core/version.js";
import { LineIndex } from "../../sql/text.js";

/**
 * pitstop's own format: `<version>_<name>.sql` with `-- +up` / `-- +down`
 * sections, or a pair `<version>_<name>.up.sql` / `.down.sql`. A marker may
 * carry `no-transaction` (or `transaction:false`).
 */

export const FILE_PATTERN = /^(\d+)(?:_(.*?))?(?:\.(up|down))?\.sql$/;

export interface ParsedName {
  versionText: string;
  name: string;
  direction: "up" | "down" | undefined;
}

export function parseFileName(fileName: string): ParsedName | undefined {
  const m = FILE_PATTERN.exec(fileName);
  if (!m) return undefined;
  return { versionText: m[1]!, name: m[2] ?? "", direction: m[3] as "up" | "down" | undefined };
}

const MARKER = /^--[ \t]*\+(up|down)\b([^\n]*)$/gim;

interface Section {
  direction: "up" | "down";
  /** Offset of the first character after the marker line. */
  start: number;
  /** Offset of the marker line itself. */
  markerStart: number;
  options: string;
  line: number;
}

/**
 * Splits a file into its `-- +up` and `-- +down` sections. With `downOnly`
 * (a `.down.sql` file) a lone `-- +down` section is returned as `up`.
 */
export function parseSections(
  source: string,
  file: string,
  downOnly = false,
): { up: SqlScript; down: SqlScript | undefined } {
  const sections: Section[] = [];
  const lines = new LineIndex(source);
  for (const m of source.matchAll(MARKER)) {
    const markerStart = m.index;
    const newline = source.indexOf("\n", markerStart);
    sections.push({
      direction: m[1]!.toLowerCase() as "up" | "down",
      start: newline < 0 ? source.length : newline + 1,
      markerStart,
      options: m[2]!.trim(),
      line: lines.locate(markerStart).line,
    });
  }
  if (sections.length === 0)
    return { up: script(source, file, 0, source.length, ""), down: undefined };
  const seen = new Map<string, Section>();
  for (const s of sections) {
    const previous = seen.get(s.direction);
    if (previous) {
      throw new PitstopError(
        "MIGRATION_FORMAT",
        `${file}:${s.line}:1: a second \`-- +${s.direction}\` section (the first is on line ${previous.line})`,
        {
          location: { file, line: s.line, column: 1 },
          hint: "A migration file has at most one `-- +up` and one `-- +down` section.",
        },
      );
    }
    seen.set(s.direction, s);
  }
  const up = seen.get("up");
  const down = seen.get("down");
  if (!up && down && downOnly) {
    return { up: script(source, file, down.start, source.length, down.options), down: undefined };
  }
  if (!up) {
    throw new PitstopError(
      "MIGRATION_FORMAT",
      `${file}:${down!.line}:1: a \`-- +down\` section but no \`-- +up\``,
      {
        location: { file, line: down!.line, column: 1 },
        hint: "Put `-- +up` above the statements that apply the migration.",
      },
    );
  }
  const end = (s: Section) => {
    const next = sections.find((o) => o.markerStart > s.markerStart);
    return next ? next.markerStart : source.length;
  };
  return {
    up: script(source, file, up.start, end(up), up.options),
    down: down ? script(source, file, down.start, end(down), down.options) : undefined,
  };
}

function script(
  source: string,
  file: string,
  start: number,
  end: number,
  options: string,
): SqlScript {
  const noTransaction = /\b(no-transaction|transaction:\s*false)\b/i.test(options);
  return {
    kind: "sql",
    sql: source.slice(start, end),
    file,
    source,
    offset: start,
    ...(noTransaction ? { transaction: false } : {}),
  };
}

/** Builds a migration from its up and down scripts. */
export function sqlMigration(
  name: ParsedName,
  up: SqlScript,
  down: SqlScript | undefined,
): Migration {
  return {
    version: canonicalVersion(name.versionText),
    versionText: name.versionText,
    name: name.name,
    up,
    down,
    checksum: checksum(up.sql),
  };
}
