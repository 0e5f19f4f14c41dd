import { PitstopError } from "../core/errors.js";
import type { SqlScript } from "../core/migration.js";
import { nodeOf, parser, type RawStmt } from "./parser.js";
import { prepass, type Region } from "./prepass.js";
import { byteToCharMapper, codeFrame, LineIndex } from "./text.js";

/** One SQL statement of a script, with where it sits in its file. */
export interface SqlStatement {
  /** The statement text as written (no trailing semicolon). */
  readonly text: string;
  /** Character offsets in the script text passed to `splitSql`; `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** AST node type, e.g. `CreateStmt`, `IndexStmt`. */
  readonly kind: string;
  /** The AST node under `kind`. */
  readonly node: Record<string, unknown>;
  /** `COPY ... FROM stdin` rows that followed the statement. */
  readonly copyData?: string;
}

export interface SplitResult {
  readonly statements: readonly SqlStatement[];
  /** psql meta-commands that were skipped (`\set`, `\restrict` ...). */
  readonly skipped: readonly Region[];
}

export interface SplitOptions {
  /** File shown in errors. */
  file?: string;
  /** The whole file when `sql` is a part of it: errors then point at file lines. */
  source?: string;
  /** Offset of `sql` inside `source`. */
  offset?: number;
}

/** psql meta-commands that change nothing a migration depends on. */
const HARMLESS_META = new Set([
  "set",
  "unset",
  "restrict",
  "unrestrict",
  "pset",
  "encoding",
  "echo",
  "timing",
]);

/**
 * Splits a script into statements with the real PostgreSQL parser. Call
 * `loadParser()` before. Throws a PitstopError naming file:line:col on a
 * syntax error, before anything runs.
 */
export function splitSql(sql: string, options: SplitOptions = {}): SplitResult {
  const pg = parser();
  const pre = prepass(sql, (statement) => isCopyFromStdin(statement));
  const skipped = pre.regions.filter((r) => r.kind === "meta");
  for (const meta of skipped) checkMeta(meta, sql, options);
  let raw: RawStmt[];
  try {
    // libpg_query refuses an empty string; an empty script is simply no statements.
    raw = pre.sql === "" ? [] : ((pg.parseSync(pre.sql) as { stmts?: RawStmt[] }).stmts ?? []);
  } catch (error) {
    throw syntaxError(error, sql, options);
  }
  const toChar = byteToCharMapper(pre.sql);
  const copies = pre.regions.filter((r) => r.kind === "copy-data");
  const statements: SqlStatement[] = [];
  for (const r of raw) {
    const start = toChar(r.stmt_location ?? 0);
    const end = r.stmt_len
      ? toChar((r.stmt_location ?? 0) + r.stmt_len)
      : trimEnd(pre.sql, pre.sql.length);
    const [kind, node] = nodeOf(r.stmt);
    const copy =
      kind === "CopyStmt"
        ? copies.find(
            (c) =>
              c.afterStatementEnd! >= end && pre.sql.slice(end, c.afterStatementEnd).trim() === "",
          )
        : undefined;
    statements.push({
      text: sql.slice(start, end),
      start,
      end,
      kind,
      node,
      ...(copy ? { copyData: copy.text } : {}),
    });
  }
  return { statements, skipped };
}

function isCopyFromStdin(statement: string): boolean {
  try {
    const raw = (parser().parseSync(statement) as { stmts?: RawStmt[] }).stmts?.[0];
    const [kind, node] = nodeOf(raw?.stmt);
    return (
      kind === "CopyStmt" &&
      node.is_from === true &&
      node.filename === undefined &&
      !node.is_program
    );
  } catch {
    return false;
  }
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function checkMeta(meta: Region, sql: string, options: SplitOptions): void {
  const command = /^\\([A-Za-z]+)/.exec(meta.text)?.[1]?.toLowerCase() ?? "";
  if (HARMLESS_META.has(command)) return;
  const at = (options.offset ?? 0) + meta.start;
  const source = options.source ?? sql;
  const index = new LineIndex(source);
  const { line, column } = index.locate(at);
  const file = options.file ?? "<sql>";
  throw new PitstopError(
    "SQL_META_COMMAND",
    `${file}:${line}:${column}: psql meta-command ${meta.text.split(/\s/)[0]} is not SQL and cannot run in a migration`,
    {
      location: { file, line, column },
      frame: codeFrame(index, at),
      hint: "Remove it or replace it with SQL; pitstop skips only harmless ones (\\set, \\restrict, \\pset, \\echo ...).",
    },
  );
}

function syntaxError(error: unknown, sql: string, options: SplitOptions): PitstopError {
  const details = (error as { sqlDetails?: { cursorPosition?: number; message?: string } })
    .sqlDetails;
  const message = clipQuotes(
    details?.message ?? (error instanceof Error ? error.message : String(error)),
  );
  // Unlike stmt_location (bytes), PostgreSQL reports error positions in characters.
  const charPos = details?.cursorPosition ?? 0;
  const at = (options.offset ?? 0) + Math.min(charPos, sql.length);
  const source = options.source ?? sql;
  const index = new LineIndex(source);
  const { line, column } = index.locate(at);
  const file = options.file ?? "<sql>";
  return new PitstopError("SQL_SYNTAX", `${file}:${line}:${column}: ${message}`, {
    location: { file, line, column },
    frame: codeFrame(index, at),
    hint: "Fix the SQL at the caret; nothing was run. pitstop checks every file with the PostgreSQL 18 parser before applying any.",
    cause: error,
  });
}

/** `at or near "<a 20 MB literal>"`: quoted text in a message, cut to a readable length. */
function clipQuotes(message: string): string {
  return message.replace(/"([^"]{60})[^"]+"/g, '"$1…"');
}

const scriptSplits = new WeakMap<SqlScript, SplitResult>();

/**
 * `splitSql` of a migration script, parsed once however many times it is
 * asked for (the linter and the runner both read what `up` applies).
 */
export function splitScript(script: SqlScript): SplitResult {
  let split = scriptSplits.get(script);
  if (!split) {
    split = splitSql(script.sql, {
      file: script.file,
      source: script.source,
      offset: script.offset,
    });
    scriptSplits.set(script, split);
  }
  return split;
}
