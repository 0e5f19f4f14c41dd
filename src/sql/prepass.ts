/**
 * Parts of a psql script that are not SQL: `COPY ... FROM stdin` data (up to a
 * `\.` line) and psql meta-commands (`\set`, the `\restrict` lines newer
 * pg_dump writes). They are blanked out (same length, newlines kept) so that
 * the parser sees only SQL and every offset still points into the file.
 *
 * To know whether a line starts outside a string or comment, this walks the
 * text with the lexical states of PostgreSQL's scanner (quotes, dollar quotes,
 * nested comments). It only finds statement ends; the parser does the real
 * splitting.
 */

export interface Region {
  readonly kind: "copy-data" | "meta";
  /** Character offsets in the original text; `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** For copy-data: the rows without the `\.` line. For meta: the command line. */
  readonly text: string;
  /** For copy-data: offset of the `;` that ends the COPY statement. */
  readonly afterStatementEnd?: number;
}

export interface Prepass {
  /** The input with regions replaced by spaces (newlines kept). */
  readonly sql: string;
  readonly regions: readonly Region[];
}

const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*)?\$/y;

/**
 * @param isCopyFromStdin decides (with the real parser) whether a statement is
 *   `COPY ... FROM STDIN`; only called for statements whose first word is COPY.
 */
export function prepass(text: string, isCopyFromStdin: (statement: string) => boolean): Prepass {
  // A region starts at a backslash (a meta-command) or after a statement whose
  // first word is COPY: a text with neither has none (most migrations), and
  // walking it character by character was ~1% of a lint (bench/lint).
  if (!text.includes("\\") && !/copy/i.test(text)) return { sql: text, regions: [] };
  const regions: Region[] = [];
  let out: string[] | undefined;
  const blank = (start: number, end: number) => {
    // UTF-16 units, as offsets are: `[...text]` would split by code point.
    out ??= text.split("");
    for (let k = start; k < end; k++) if (out[k] !== "\n") out[k] = " ";
  };
  let i = 0;
  let statementStart = 0;
  let atLineStart = true;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (atLineStart) {
      const lineEnd = endOfLine(text, i);
      const trimmedStart = skipBlanks(text, i, lineEnd);
      if (text[trimmedStart] === "\\" && onlyBlanks(text, statementStart, i)) {
        regions.push({
          kind: "meta",
          start: trimmedStart,
          end: lineEnd,
          text: text.slice(trimmedStart, lineEnd).trimEnd(),
        });
        blank(trimmedStart, lineEnd);
        i = lineEnd;
        statementStart = lineEnd;
        continue;
      }
    }
    atLineStart = false;
    if (c === "\n") {
      atLineStart = true;
      i++;
    } else if (c === "-" && text[i + 1] === "-") {
      i = endOfLine(text, i);
    } else if (c === "/" && text[i + 1] === "*") {
      i = endOfBlockComment(text, i);
    } else if (c === "'") {
      const escapes = /[eE]$/.test(text.slice(Math.max(0, i - 1), i)) && !isIdentChar(text[i - 2]);
      i = endOfQuoted(text, i, "'", escapes);
    } else if (c === '"') {
      i = endOfQuoted(text, i, '"', false);
    } else if (c === "$" && !isIdentChar(text[i - 1])) {
      DOLLAR_TAG.lastIndex = i;
      const m = DOLLAR_TAG.exec(text);
      if (m) {
        const close = text.indexOf(m[0], i + m[0].length);
        i = close < 0 ? n : close + m[0].length;
      } else i++;
    } else if (c === ";") {
      const statement = text.slice(statementStart, i);
      if (firstWordIs(statement, "copy") && isCopyFromStdin(statement)) {
        const dataStart = endOfLine(text, i) + 1;
        const { end, dataEnd } = copyDataEnd(text, dataStart);
        regions.push({
          kind: "copy-data",
          start: Math.min(dataStart, n),
          end,
          text: text.slice(Math.min(dataStart, n), dataEnd),
          afterStatementEnd: i,
        });
        blank(Math.min(dataStart, n), end);
        i = end;
        statementStart = end;
        atLineStart = true;
        continue;
      }
      i++;
      statementStart = i;
    } else {
      i++;
    }
  }
  return { sql: out ? out.join("") : text, regions };
}

function endOfLine(text: string, i: number): number {
  const nl = text.indexOf("\n", i);
  return nl < 0 ? text.length : nl;
}

function skipBlanks(text: string, i: number, end: number): number {
  while (i < end && (text[i] === " " || text[i] === "\t" || text[i] === "\r")) i++;
  return i;
}

/** True when `text[from, to)` holds only whitespace and comments: we are between statements. */
function onlyBlanks(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\r" || c === "\n") i++;
    else if (c === "-" && text[i + 1] === "-") i = endOfLine(text, i);
    else if (c === "/" && text[i + 1] === "*") i = endOfBlockComment(text, i);
    else return false;
  }
  return true;
}

function endOfBlockComment(text: string, i: number): number {
  let depth = 0;
  while (i < text.length) {
    if (text[i] === "/" && text[i + 1] === "*") {
      depth++;
      i += 2;
    } else if (text[i] === "*" && text[i + 1] === "/") {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}

function endOfQuoted(text: string, i: number, quote: string, backslashEscapes: boolean): number {
  i++;
  while (i < text.length) {
    const c = text[i];
    if (backslashEscapes && c === "\\") i += 2;
    else if (c === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

function isIdentChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
}

function firstWordIs(statement: string, word: string): boolean {
  let i = 0;
  const n = statement.length;
  while (i < n) {
    const c = statement[i]!;
    if (c === " " || c === "\t" || c === "\r" || c === "\n") i++;
    else if (c === "-" && statement[i + 1] === "-") i = endOfLine(statement, i);
    else if (c === "/" && statement[i + 1] === "*") i = endOfBlockComment(statement, i);
    else break;
  }
  return (
    statement.slice(i, i + word.length).toLowerCase() === word &&
    !isIdentChar(statement[i + word.length])
  );
}

/** COPY data runs to a line that is exactly `\.` (or to the end of the file). */
function copyDataEnd(text: string, start: number): { end: number; dataEnd: number } {
  let i = start;
  while (i < text.length) {
    const lineEnd = endOfLine(text, i);
    if (text.slice(i, lineEnd).replace(/\r$/, "") === "\\.") {
      return { end: lineEnd, dataEnd: i };
    }
    i = lineEnd + 1;
  }
  return { end: text.length, dataEnd: text.length };
}
