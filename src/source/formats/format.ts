import { PitstopError } from "../../core/errors.js";
import type { Migration } from "../../core/migration.js";

/** The folder layouts pitstop reads as they are. */
export type FormatName = "pitstop" | "golang-migrate" | "goose" | "dbmate";

export const FORMAT_NAMES: readonly FormatName[] = ["pitstop", "golang-migrate", "goose", "dbmate"];

/** A `.sql` file of a migrations folder, already read. */
export interface SqlFile {
  /** File name inside the folder, e.g. `000001_users.sql`. */
  readonly name: string;
  /** The path shown in messages (`migrations/000001_users.sql`). */
  readonly path: string;
  readonly text: string;
}

/**
 * A migration as plain text, independent of any format: what `convert`
 * moves from one layout to another.
 */
export interface PortableMigration {
  readonly versionText: string;
  readonly name: string;
  readonly up: string;
  readonly down: string | undefined;
  /** `false`: the file asks to run without a transaction. */
  readonly upTransaction: boolean;
  readonly downTransaction: boolean;
  /** Comment lines above the file's first marker (a header), kept as they are; "" for none. */
  readonly header?: string;
}

export interface WrittenFile {
  readonly name: string;
  readonly text: string;
}

export interface MigrationFormat {
  readonly name: FormatName;
  /** Migrations from a folder's `.sql` files (any order in, any order out). */
  read(files: readonly SqlFile[], env?: NodeJS.ProcessEnv): Migration[];
  /** The plain text of each migration, for `convert`. */
  portable(files: readonly SqlFile[]): PortableMigration[];
  /** The files of one migration in this format, and what the format cannot say. */
  write(m: PortableMigration): { files: WrittenFile[]; warnings: string[] };
}

/** What a single `.sql` file looks like, from its name and markers. */
export type FileKind =
  /** `-- +goose Up` */
  | "goose"
  /** `-- migrate:up` */
  | "dbmate"
  /** `-- +up` / `-- +down` */
  | "pitstop"
  /** `.up.sql` / `.down.sql` without markers: golang-migrate, or pitstop's pair layout. */
  | "pair"
  /** One `.sql` file without markers: pitstop reads it all as "up". */
  | "plain";

const GOOSE_UP = /^--\s*\+goose\s+up\b/im;
const DBMATE_UP = /^--\s*migrate:up\b/m;
const PITSTOP_MARKER = /^--[ \t]*\+(up|down)\b/im;
const PAIR_NAME = /\.(up|down)\.sql$/;

export function sniffFile(name: string, text: string): FileKind {
  if (GOOSE_UP.test(text)) return "goose";
  if (DBMATE_UP.test(text)) return "dbmate";
  if (PITSTOP_MARKER.test(text)) return "pitstop";
  return PAIR_NAME.test(name) ? "pair" : "plain";
}

/** Which formats can read a file of each kind. */
const READERS: Record<FileKind, readonly FormatName[]> = {
  goose: ["goose"],
  dbmate: ["dbmate"],
  pitstop: ["pitstop"],
  pair: ["golang-migrate", "pitstop"],
  plain: ["pitstop"],
};

const KIND_LABEL: Record<FileKind, string> = {
  goose: "a goose file (-- +goose Up)",
  dbmate: "a dbmate file (-- migrate:up)",
  pitstop: "a pitstop file (-- +up)",
  pair: "a plain .up.sql/.down.sql file",
  plain: "a plain .sql file without markers",
};

/**
 * The one format a folder is written in. A folder of only `.up.sql` /
 * `.down.sql` pairs is golang-migrate's; pitstop reads pairs too. Files that
 * no single format can read together are an error naming the odd file.
 */
export function detectFormat(dir: string, files: readonly SqlFile[]): FormatName {
  if (files.length === 0) return "pitstop";
  const kinds = files.map((f) => ({ file: f, kind: sniffFile(f.name, f.text) }));
  const candidates = FORMAT_NAMES.filter((format) =>
    kinds.every((k) => READERS[k.kind].includes(format)),
  );
  if (candidates.includes("golang-migrate")) return "golang-migrate";
  refuseStrayPlainFiles(dir, kinds);
  if (candidates.length > 0) return candidates[0]!;
  // No format reads them all: the most common one wins, the first file it cannot read is named.
  const votes = new Map<FormatName, number>();
  for (const k of kinds) {
    for (const format of READERS[k.kind]) votes.set(format, (votes.get(format) ?? 0) + 1);
  }
  const format = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const odd = kinds.find((k) => !READERS[k.kind].includes(format))!;
  const readable = kinds.filter((k) => READERS[k.kind].includes(format));
  const example = readable.find((k) => k.kind !== "pair") ?? readable[0]!;
  throw new PitstopError(
    "MIXED_FORMATS",
    `${odd.file.path} is ${KIND_LABEL[odd.kind]}, but ${dir}/ is in ${format} format (like ${example.file.path}); a folder holds one format`,
    {
      hint: `Rewrite or move ${odd.file.name}, or read the folder as one format with --dir-format (pitstop convert rewrites a folder).`,
      exitCode: 2,
    },
  );
}

/**
 * `.up.sql`/`.down.sql` pairs beside plain files without markers: pitstop's
 * format could read them all, but such a folder is golang-migrate's with a
 * stray file (`2_b_up.sql`), which would run whole as an up. Name them all.
 */
function refuseStrayPlainFiles(dir: string, kinds: readonly { file: SqlFile; kind: FileKind }[]) {
  if (kinds.some((k) => k.kind === "pitstop") || !kinds.some((k) => k.kind === "pair")) return;
  const stray = kinds.filter((k) => k.kind === "plain").map((k) => k.file.path);
  if (stray.length === 0) return;
  throw new PitstopError(
    "MIXED_FORMATS",
    `${dir}/ holds golang-migrate .up.sql/.down.sql pairs and ${stray.length} file(s) that are not: ${stray.join(", ")}`,
    {
      hint: "Rename each to <version>_<title>.up.sql or .down.sql (or move it out of the folder); if the folder is in pitstop's format, say so with --dir-format pitstop.",
      exitCode: 2,
    },
  );
}

/** A file the chosen format cannot read (with `--dir-format`, or a name it does not accept). */
export function notThisFormat(file: SqlFile, format: FormatName, why: string): PitstopError {
  return new PitstopError("MIGRATION_FORMAT", `${file.path}: ${why}`, {
    hint: `The folder is read as ${format} format. Fix the file, or choose another format with --dir-format (${FORMAT_NAMES.join(", ")}).`,
  });
}

export function isFormatName(value: string): value is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(value);
}

/** Text of a section for another format: no surrounding blank lines, one final newline. */
export function tidySection(text: string): string {
  const trimmed = text
    .replace(/\r\n?/g, "\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
  return trimmed === "" ? "" : `${trimmed}\n`;
}
