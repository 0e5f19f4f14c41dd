/**
 * Rewrites of the flagged statement itself, for a finding's fix: the user's
 * own names and formatting, with the keyword that makes it safe added. The
 * parser has already said what the statement is; these read only its first
 * words (skipping comments and quoted names), which libpg_query's scanner
 * would do at ~1 ms a call (bench/lint).
 */

interface Token {
  /** Lower-cased word, `"quoted"` name as written, or one punctuation character. */
  readonly text: string;
  readonly end: number;
}

/** The leading tokens of a statement, up to `max` of them. */
function leadingTokens(statement: string, max: number): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = statement.length;
  while (i < n && out.length < max) {
    const c = statement[i]!;
    const code = statement.charCodeAt(i);
    if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(c))) i++;
    else if (c === "-" && statement[i + 1] === "-") {
      const nl = statement.indexOf("\n", i);
      i = nl < 0 ? n : nl + 1;
    } else if (c === "/" && statement[i + 1] === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        const pair = statement.slice(i, i + 2);
        if (pair === "/*" || pair === "*/") {
          depth += pair === "/*" ? 1 : -1;
          i += 2;
        } else i++;
      }
    } else if (c === '"') {
      let j = i + 1;
      while (j < n && !(statement[j] === '"' && statement[j + 1] !== '"'))
        j += statement[j] === '"' ? 2 : 1;
      out.push({ text: statement.slice(i, j + 1), end: j + 1 });
      i = j + 1;
    } else if (isWordStart(code, c)) {
      let j = i + 1;
      while (j < n && isWordPart(statement, j)) j++;
      out.push({ text: statement.slice(i, j).toLowerCase(), end: j });
      i = j;
    } else {
      out.push({ text: c, end: i + 1 });
      i++;
    }
  }
  return out;
}

// ASCII answered without a regular expression (a Unicode one is slow per
// character on lint's baseline JIT); other characters by the same classes.
function isWordStart(code: number, c: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
  return /[\p{L}_]/u.test(c);
}

function isWordPart(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128)
    return (
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 95 ||
      code === 36
    );
  return /[\p{L}\p{N}_$]/u.test(text[i]!);
}

/**
 * Inserts ` words` after the first `keyword` token of the statement (after
 * `after` tokens of it, counting from 1), or undefined when there is none.
 *
 * @example
 * insertAfterKeyword("CREATE INDEX i ON t (c)", "index", "CONCURRENTLY");
 * // "CREATE INDEX CONCURRENTLY i ON t (c)"
 */
export function insertAfterKeyword(
  statement: string,
  keyword: string,
  words: string,
): string | undefined {
  // The keyword is among the first words (`CREATE UNIQUE INDEX`, `REFRESH MATERIALIZED VIEW`).
  const token = leadingTokens(statement, 4).find((t) => t.text === keyword);
  if (!token) return undefined;
  return `${statement.slice(0, token.end)} ${words}${statement.slice(token.end)}`;
}

/**
 * The statement with ` words` appended (before a trailing semicolon).
 *
 * @example
 * appendWords("ALTER TABLE t ADD CHECK (n > 0)", "NOT VALID"); // "ALTER TABLE t ADD CHECK (n > 0) NOT VALID"
 */
export function appendWords(statement: string, words: string): string {
  const body = statement.trimEnd().replace(/;$/, "").trimEnd();
  return `${body} ${words}`;
}

/** `CREATE INDEX ...;` indented as a fix line (several lines indented alike). */
export function indent(statement: string): string {
  const body = statement.trim().replace(/;?$/, ";");
  return body
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

/**
 * What follows the table name in an `ALTER TABLE` statement (its commands),
 * or undefined when the statement does not start that way.
 *
 * @example
 * alterTableBody('ALTER TABLE ONLY app."T" ADD COLUMN c int'); // "ADD COLUMN c int"
 */
export function alterTableBody(statement: string): string | undefined {
  const tokens = leadingTokens(statement, 12);
  const words = tokens.map((t) => t.text);
  if (words[0] !== "alter" || words[1] !== "table") return undefined;
  let i = 2;
  if (words[i] === "if" && words[i + 1] === "exists") i += 2;
  if (words[i] === "only") i++;
  i++; // the name
  while (words[i] === "." && i + 1 < words.length) i += 2;
  if (words[i] === "*") i++;
  const last = tokens[i - 1];
  if (!last || i >= tokens.length) return undefined;
  return statement.slice(last.end).trim();
}
