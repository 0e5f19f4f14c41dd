import { checksum } from "../../core/checksum.js";
import { PitstopError } from "../../core/errors.js";
import { type Migration, migrationId, type SqlScript } from "../../core/migration.js";
import { canonicalVersion } from "../../core/version.js";
import { LineIndex } from "../../sql/text.js";
import {
  type MigrationFormat,
  type PortableMigration,
  type SqlFile,
  tidySection,
} from "./format.js";

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

/**
 * Lines that look like a section marker but are not one: `-- down`, `-- + down`,
 * `--down:`, an indented `  -- +down`, `-- +dwon`. Read as SQL comments they
 * would put the down script into `up`, so they are refused.
 */
const NEAR_MARKER =
  /^[ \t]*--+[ \t]*\+?[ \t]*(?:up|down)\b[ \t]*:?[ \t]*(?:no-transaction|transaction:[ \t]*false)?[ \t]*\r?$|^[ \t]*--[ \t]*\+[a-z]\w*/gim;

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
  // Line numbers are needed only for a marker: most files have none, or one.
  let index: LineIndex | undefined;
  const lines = () => (index ??= new LineIndex(source));
  checkNearMarkers(source, file, lines);
  for (const m of source.matchAll(MARKER)) {
    const markerStart = m.index;
    const newline = source.indexOf("\n", markerStart);
    sections.push({
      direction: m[1]!.toLowerCase() as "up" | "down",
      start: newline < 0 ? source.length : newline + 1,
      markerStart,
      options: m[2]!.trim(),
      line: lines().locate(markerStart).line,
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

function checkNearMarkers(source: string, file: string, lines: () => LineIndex): void {
  for (const m of source.matchAll(NEAR_MARKER)) {
    const text = m[0].trim();
    if (/^--[ \t]*\+(up|down)\b/i.test(m[0])) continue;
    const line = lines().locate(m.index).line;
    const direction = /down/i.test(text) ? "down" : /up/i.test(text) ? "up" : undefined;
    throw new PitstopError(
      "MIGRATION_FORMAT",
      `${file}:${line}:1: \`${text.slice(0, 60)}\` looks like a section marker but is not one`,
      {
        location: { file, line, column: 1 },
        hint: direction
          ? `Write it as \`-- +${direction}\` at the start of the line (a comment that is not a marker must not be just "${direction}").`
          : "The markers are `-- +up` and `-- +down` (optionally followed by no-transaction); a comment must not start with `-- +`.",
      },
    );
  }
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
  // Hashed on first read: `pitstop lint` never reads it, and loading node:crypto
  // for it cost every lint 6-9 ms (src/core/checksum.ts).
  let sum: string | undefined;
  return {
    version: canonicalVersion(name.versionText),
    versionText: name.versionText,
    name: name.name,
    up,
    down,
    get checksum() {
      sum ??= checksum(up.sql);
      return sum;
    },
  };
}

/** A version's files: one file with sections, or an up/down pair. */
export interface FileGroup {
  readonly name: ParsedName;
  single?: SqlFile;
  up?: SqlFile;
  down?: SqlFile;
}

/** Groups files by version, refusing two files for one slot. */
export function groupFiles(
  files: readonly SqlFile[],
  parse: (fileName: string) => ParsedName | undefined,
  badName: (file: SqlFile) => PitstopError,
): FileGroup[] {
  const groups = new Map<string, FileGroup>();
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const parsed = parse(file.name);
    if (!parsed) throw badName(file);
    const key = parsed.versionText;
    const group: FileGroup = groups.get(key) ?? { name: parsed };
    const slot = parsed.direction ?? "single";
    if (
      group[slot] !== undefined ||
      (slot === "single" && (group.up || group.down)) ||
      (slot !== "single" && group.single)
    ) {
      const other = group.single ?? group.up ?? group.down;
      throw new PitstopError(
        "DUPLICATE_VERSION",
        `${file.path}: version ${key} is also used by ${other!.path}`,
        {
          hint: "Every migration needs its own version: rename one of them (`pitstop create` picks a free one).",
        },
      );
    }
    group[slot] = file;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A down file with no up file beside it. */
export function downWithoutUp(file: SqlFile): PitstopError {
  return new PitstopError(
    "MIGRATION_FORMAT",
    `${file.path}: a down migration without its up file`,
    {
      hint: `Add ${file.path.replace(/\.down\.sql$/, ".up.sql")}, or delete the down file.`,
    },
  );
}

function pitstopName(file: SqlFile): PitstopError {
  return new PitstopError("MIGRATION_NAME", `${file.path}: not a migration file name`, {
    hint: "Name migrations <version>_<name>.sql (or .up.sql/.down.sql), e.g. 20240101120000_create_users.sql, or move the file out of the folder.",
  });
}

function readGroup(group: FileGroup): Migration {
  if (group.single) {
    const { up, down } = parseSections(group.single.text, group.single.path);
    return sqlMigration(group.name, up, down);
  }
  if (!group.up) throw downWithoutUp(group.down!);
  const up = parseSections(group.up.text, group.up.path, false).up;
  const down = group.down ? parseSections(group.down.text, group.down.path, true).up : undefined;
  return sqlMigration(parseFileName(group.up.name)!, up, down);
}

/** Comment lines above the first marker of a file with sections. */
function headerOf(file: SqlFile | undefined): string {
  if (!file) return "";
  MARKER.lastIndex = 0;
  const first = MARKER.exec(file.text);
  MARKER.lastIndex = 0;
  return first ? file.text.slice(0, first.index) : "";
}

function portableGroup(group: FileGroup): PortableMigration {
  const m = readGroup(group);
  const text = (s: SqlScript | undefined) => (s ? tidySection(s.sql) : undefined);
  const up = m.up as SqlScript;
  const down = m.down as SqlScript | undefined;
  return {
    versionText: m.versionText,
    name: m.name,
    up: text(up)!,
    down: text(down),
    upTransaction: up.transaction !== false,
    downTransaction: down?.transaction !== false,
    header: headerOf(group.single ?? group.up),
  };
}

/** pitstop's own format: `-- +up` / `-- +down` sections, or `.up.sql` / `.down.sql` pairs. */
export const pitstopFormat: MigrationFormat = {
  name: "pitstop",
  read: (files) => groupFiles(files, parseFileName, pitstopName).map(readGroup),
  portable: (files) => groupFiles(files, parseFileName, pitstopName).map(portableGroup),
  write(m) {
    const noTx = (tx: boolean) => (tx ? "" : " no-transaction");
    let text = `${m.header ?? ""}-- +up${noTx(m.upTransaction)}\n${m.up}`;
    if (m.down !== undefined) text += `\n-- +down${noTx(m.downTransaction)}\n${m.down}`;
    return { files: [{ name: `${migrationId(m)}.sql`, text }], warnings: [] };
  },
};
