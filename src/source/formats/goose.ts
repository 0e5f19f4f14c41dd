import { checksum } from "../../core/checksum.js";
import { PitstopError } from "../../core/errors.js";
import type { Migration, SqlScript } from "../../core/migration.js";
import { canonicalVersion } from "../../core/version.js";
import { splitSql } from "../../sql/split.js";
import { codeFrame, LineIndex } from "../../sql/text.js";
import { substituteEnv } from "./envsub.js";
import {
  type MigrationFormat,
  notThisFormat,
  type PortableMigration,
  type SqlFile,
  tidySection,
} from "./format.js";
import { groupFiles, type ParsedName } from "./pitstop.js";

/**
 * goose: `<version>_<name>.sql` with `-- +goose Up` / `-- +goose Down`
 * annotations (case-insensitive, at the start of a line). `StatementBegin` /
 * `StatementEnd` are comments to the real parser; `NO TRANSACTION` runs the
 * file's scripts without one; `ENVSUB ON` / `OFF` substitutes environment
 * variables in the lines between them, as goose does.
 */

const FILE = /^(\d+)_(.*)\.sql$/;
const ANNOTATION = /^--\s*\+goose\s+(.*?)\s*$/i;

export function parseGooseName(fileName: string): ParsedName | undefined {
  const m = FILE.exec(fileName);
  if (!m) return undefined;
  return { versionText: m[1]!, name: m[2]!, direction: undefined };
}

interface Line {
  /** Offset of the line's first character. */
  readonly start: number;
  /** Offset just past the line (after its newline). */
  readonly next: number;
  readonly text: string;
  /** Normalized annotation (`up`, `statementbegin`, `no transaction`...), if the line is one. */
  readonly annotation: string | undefined;
}

interface GooseFile {
  readonly lines: readonly Line[];
  readonly upStart: number;
  readonly upEnd: number;
  readonly downStart: number | undefined;
  readonly noTransaction: boolean;
  /** Line indexes whose text goose substitutes (between ENVSUB ON and OFF). */
  readonly envsubLines: ReadonlySet<number>;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf("\n", start);
    const next = nl < 0 ? text.length : nl + 1;
    const content = text.slice(start, nl < 0 ? text.length : nl).replace(/\r$/, "");
    const m = ANNOTATION.exec(content);
    lines.push({
      start,
      next,
      text: content,
      annotation: m ? m[1]!.toLowerCase().replace(/\s+/g, " ") : undefined,
    });
    start = next;
  }
  return lines;
}

function fail(file: SqlFile, line: number, message: string, hint: string): PitstopError {
  return new PitstopError("MIGRATION_FORMAT", `${file.path}:${line}:1: ${message}`, {
    location: { file: file.path, line, column: 1 },
    hint,
  });
}

function parseGoose(file: SqlFile): GooseFile {
  const lines = splitLines(file.text);
  let upStart: number | undefined;
  let upEnd: number | undefined;
  let downStart: number | undefined;
  let noTransaction = false;
  let envsub = false;
  let open: number | undefined;
  const envsubLines = new Set<number>();
  lines.forEach((line, i) => {
    const n = i + 1;
    switch (line.annotation) {
      case "up":
        if (upStart !== undefined)
          throw fail(file, n, "a second `-- +goose Up`", "A goose file has one Up section.");
        upStart = line.next;
        return;
      case "down":
        if (upStart === undefined)
          throw fail(
            file,
            n,
            "`-- +goose Down` before `-- +goose Up`",
            "Put the Up section first.",
          );
        if (downStart !== undefined)
          throw fail(file, n, "a second `-- +goose Down`", "A goose file has one Down section.");
        if (open !== undefined) throw unclosed(file, open);
        upEnd = line.start;
        downStart = line.next;
        return;
      case "statementbegin":
        if (open !== undefined) throw unclosed(file, open);
        open = n;
        return;
      case "statementend":
        if (open === undefined)
          throw fail(
            file,
            n,
            "`-- +goose StatementEnd` without a StatementBegin",
            "Pair every StatementEnd with a StatementBegin above it.",
          );
        open = undefined;
        return;
      case "no transaction":
        noTransaction = true;
        return;
      case "envsub on":
      case "envsubst on":
        envsub = true;
        return;
      case "envsub off":
      case "envsubst off":
        envsub = false;
        return;
    }
    if (envsub) envsubLines.add(i);
  });
  if (open !== undefined) throw unclosed(file, open);
  if (upStart === undefined) {
    throw notThisFormat(
      file,
      "goose",
      "no `-- +goose Up` annotation (goose needs one, at the start of a line)",
    );
  }
  return {
    lines,
    upStart,
    upEnd: upEnd ?? file.text.length,
    downStart,
    noTransaction,
    envsubLines,
  };
}

function unclosed(file: SqlFile, line: number): PitstopError {
  return fail(
    file,
    line,
    "`-- +goose StatementBegin` without a StatementEnd",
    "Close the statement with `-- +goose StatementEnd` on its own line.",
  );
}

/**
 * The file with ENVSUB lines substituted, and where each original line now
 * starts. Lines keep their numbers unless a value holds a newline.
 */
function substituted(
  file: SqlFile,
  g: GooseFile,
  env: NodeJS.ProcessEnv,
): { text: string; map: (offset: number) => number } {
  if (g.envsubLines.size === 0) return { text: file.text, map: (o) => o };
  let text = "";
  const starts = new Map<number, number>();
  g.lines.forEach((line, i) => {
    starts.set(line.start, text.length);
    const raw = file.text.slice(line.start, line.next);
    if (!g.envsubLines.has(i)) {
      text += raw;
      return;
    }
    const eol = raw.slice(line.text.length);
    const fail = (column: number, message: string) =>
      envError(file, i + 1, column, line.start + column - 1, message);
    text += substituteEnv(line.text, env, fail) + eol;
  });
  starts.set(file.text.length, text.length);
  return { text, map: (o) => starts.get(o) ?? o };
}

function envError(
  file: SqlFile,
  line: number,
  column: number,
  offset: number,
  message: string,
): PitstopError {
  return new PitstopError("ENVSUB", `${file.path}:${line}:${column}: ${message}`, {
    location: { file: file.path, line, column },
    frame: codeFrame(new LineIndex(file.text), offset),
    hint:
      "Set the variable in the environment (goose ENVSUB reads the process environment), or give it a default: $" +
      "{NAME:-default}.",
  });
}

function script(
  source: string,
  file: string,
  start: number,
  end: number,
  noTransaction: boolean,
): SqlScript {
  return {
    kind: "sql",
    sql: source.slice(start, end),
    file,
    source,
    offset: start,
    ...(noTransaction ? { transaction: false } : {}),
  };
}

function readFile(file: SqlFile, name: ParsedName, env: NodeJS.ProcessEnv): Migration {
  const g = parseGoose(file);
  const { text, map } = substituted(file, g, env);
  const upEnd = map(g.upEnd);
  const up = script(text, file.path, map(g.upStart), upEnd, g.noTransaction);
  // No `-- +goose Down`: goose reverts such a file by running nothing, so does pitstop.
  const down =
    g.downStart === undefined
      ? script(text, file.path, text.length, text.length, g.noTransaction)
      : script(text, file.path, map(g.downStart), text.length, g.noTransaction);
  let sum: string | undefined;
  return {
    version: canonicalVersion(name.versionText),
    versionText: name.versionText,
    name: name.name,
    up,
    down,
    // The file as written, not as substituted: a new value in the environment is not an
    // edit. Hashed on first read (`pitstop lint` never reads it).
    get checksum() {
      sum ??= checksum(file.text.slice(g.upStart, g.upEnd));
      return sum;
    },
  };
}

function badName(file: SqlFile): PitstopError {
  return notThisFormat(file, "goose", "not a goose file name (<version>_<name>.sql)");
}

/** Whether goose's own splitter would end a statement on this line (last word ends with `;`). */
function endsWithSemicolon(line: string): boolean {
  let last = "";
  for (const word of line.split(/\s+/)) {
    if (word.startsWith("--")) break;
    if (word !== "") last = word;
  }
  return last.endsWith(";");
}

/** Section text without goose's annotation lines, for another format. */
function plainSection(g: GooseFile, from: number, to: number): string {
  return tidySection(
    g.lines
      .filter((l) => l.start >= from && l.start < to && l.annotation === undefined)
      .map((l) => `${l.text}\n`)
      .join(""),
  );
}

/**
 * Adds `StatementBegin` / `StatementEnd` around the statements goose's
 * line-based splitter would cut (a function body with `;` at a line end).
 * The parser must be loaded.
 */
export function annotateStatements(sql: string): string {
  const inserts: { at: number; text: string }[] = [];
  for (const s of splitSql(sql).statements) {
    if (!s.text.split("\n").some(endsWithSemicolon)) continue;
    let start = s.start;
    for (;;) {
      const rest = sql.slice(start);
      const skip = /^(\s+|--[^\n]*(\n|$))/.exec(rest);
      if (!skip) break;
      start += skip[0].length;
    }
    const lineStart = sql.lastIndexOf("\n", start - 1) + 1;
    const semicolon = sql.indexOf(";", s.end);
    const eol = sql.indexOf("\n", semicolon < 0 ? s.end : semicolon);
    inserts.push({ at: lineStart, text: "-- +goose StatementBegin\n" });
    inserts.push({ at: eol < 0 ? sql.length : eol + 1, text: "-- +goose StatementEnd\n" });
  }
  let out = sql;
  for (const ins of inserts.reverse()) {
    const before = out.slice(0, ins.at);
    out = `${before}${before === "" || before.endsWith("\n") ? "" : "\n"}${ins.text}${out.slice(ins.at)}`;
  }
  return out;
}

export const gooseFormat: MigrationFormat = {
  name: "goose",
  read: (files, env = process.env) =>
    groupFiles(files, parseGooseName, badName).map((g) => readFile(g.single!, g.name, env)),
  portable: (files) =>
    groupFiles(files, parseGooseName, badName).map((group): PortableMigration => {
      const file = group.single!;
      const g = parseGoose(file);
      if (g.envsubLines.size > 0) {
        throw new PitstopError(
          "CONVERT_ENVSUB",
          `${file.path}: uses goose ENVSUB, which other formats cannot express`,
          {
            hint: "Substitute the variables by hand first, or keep this folder in goose format.",
          },
        );
      }
      return {
        versionText: group.name.versionText,
        name: group.name.name,
        up: plainSection(g, g.upStart, g.upEnd),
        down:
          g.downStart === undefined ? undefined : plainSection(g, g.downStart, file.text.length),
        upTransaction: !g.noTransaction,
        downTransaction: !g.noTransaction,
        header: file.text.slice(0, g.lines.find((l) => l.annotation !== undefined)?.start ?? 0),
      };
    }),
  write(m) {
    const warnings: string[] = [];
    const noTx = !m.upTransaction || (m.down !== undefined && !m.downTransaction);
    if (m.upTransaction !== m.downTransaction && m.down !== undefined) {
      warnings.push(
        `${m.versionText}_${m.name}: goose's NO TRANSACTION covers the whole file; written for both up and down`,
      );
    }
    let text = `${m.header ?? ""}${noTx ? "-- +goose NO TRANSACTION\n" : ""}-- +goose Up\n${annotateStatements(m.up)}`;
    if (m.down !== undefined) text += `\n-- +goose Down\n${annotateStatements(m.down)}`;
    return { files: [{ name: `${m.versionText}_${m.name}.sql`, text }], warnings };
  },
};
