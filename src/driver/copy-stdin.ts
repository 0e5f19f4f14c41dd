import { PitstopError } from "../core/errors.js";

/** Where the `STDIN` word of `COPY ... FROM STDIN` sits in the statement text. */
export interface StdinSpan {
  readonly start: number;
  readonly end: number;
}

interface Token {
  readonly word: string | undefined;
  readonly start: number;
  readonly end: number;
}

/**
 * Finds `STDIN` in a `COPY ... FROM STDIN` statement, skipping comments,
 * string literals and quoted identifiers (a column named "from" is quoted, so
 * the first `FROM STDIN` word pair outside them is the one). Throws a
 * `PitstopError` (code `COPY_SQL`) when the statement is not one.
 *
 * @example
 * const { start, end } = findCopyFromStdin("COPY t (a) FROM stdin;");
 * // "COPY t (a) FROM '/dev/blob';" === sql.slice(0, start) + "'/dev/blob'" + sql.slice(end)
 */
export function findCopyFromStdin(sql: string): StdinSpan {
  const tokens = tokenize(sql);
  if (tokens[0]?.word === "copy") {
    for (let i = 1; i + 1 < tokens.length; i++) {
      const stdin = tokens[i + 1]!;
      if (tokens[i]!.word === "from" && stdin.word === "stdin") {
        return { start: stdin.start, end: stdin.end };
      }
    }
  }
  throw new PitstopError(
    "COPY_SQL",
    `copyFrom needs a COPY ... FROM STDIN statement, got: ${preview(sql)}`,
    {
      hint: "Pass the COPY statement itself (as pg_dump writes it) and the data separately.",
    },
  );
}

/**
 * Drops the `\.` end-of-data line pg_dump writes after COPY data: the protocol
 * ends the data by itself, and PostgreSQL 18 rejects a `\.` that is not last.
 *
 * @example
 * stripCopyTerminator("1\tone\n\\.\n") // "1\tone\n"
 */
export function stripCopyTerminator(data: string): string {
  const match = /(^|\n)\\\.\r?\n?$/.exec(data);
  return match === null ? data : data.slice(0, match.index + match[1]!.length);
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && next === "-") {
      const eol = sql.indexOf("\n", i);
      i = eol === -1 ? sql.length : eol + 1;
    } else if (c === "/" && next === "*") {
      i = skipBlockComment(sql, i);
    } else if (c === "'") {
      const prefix = tokens.at(-1);
      i = skipQuoted(sql, i, "'", prefix?.word === "e" && prefix.end === i);
    } else if (c === '"') {
      i = skipQuoted(sql, i, '"', false);
    } else if (c === "$" && /[A-Za-z_$]/.test(next ?? "")) {
      i = skipDollarQuoted(sql, i);
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const start = i;
      while (i < sql.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[i]!)) i++;
      tokens.push({ word: sql.slice(start, i).toLowerCase(), start, end: i });
    } else {
      tokens.push({ word: undefined, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

function skipBlockComment(sql: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < sql.length) {
    if (sql.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith("*/", i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return sql.length;
}

function skipQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (backslashEscapes && c === "\\") {
      i += 2;
    } else if (c === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  return sql.length;
}

function skipDollarQuoted(sql: string, from: number): number {
  const tag = /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.exec(sql.slice(from))?.[0];
  if (tag === undefined) return from + 1;
  const close = sql.indexOf(tag, from + tag.length);
  return close === -1 ? sql.length : close + tag.length;
}

function preview(sql: string): string {
  const oneLine = sql.replace(/\s+/g, " ").trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
