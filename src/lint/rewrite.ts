import { parser } from "../sql/parser.js";
import { byteToCharMapper } from "../sql/text.js";

/**
 * Rewrites of the flagged statement itself, for a finding's fix: the user's
 * own names and formatting, with the keyword that makes it safe added. Token
 * positions come from PostgreSQL's scanner, so a keyword inside a string, a
 * comment or a quoted name is never taken for one.
 */

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
  let tokens: { start: number; end: number; text: string; keywordKind: number }[];
  try {
    tokens = parser().scanSync(statement).tokens;
  } catch {
    return undefined;
  }
  const token = tokens.find((t) => t.keywordKind !== 0 && t.text.toLowerCase() === keyword);
  if (!token) return undefined;
  const at = byteToCharMapper(statement)(token.end);
  return `${statement.slice(0, at)} ${words}${statement.slice(at)}`;
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
  let tokens: { end: number; text: string; keywordKind: number }[];
  try {
    tokens = parser().scanSync(statement).tokens;
  } catch {
    return undefined;
  }
  const words = tokens.map((t) => t.text.toLowerCase());
  if (words[0] !== "alter" || words[1] !== "table") return undefined;
  let i = 2;
  if (words[i] === "if" && words[i + 1] === "exists") i += 2;
  if (words[i] === "only") i++;
  i++; // the name
  while (words[i] === "." && i + 1 < words.length) i += 2;
  if (words[i] === "*") i++;
  const last = tokens[i - 1];
  if (!last || i >= tokens.length) return undefined;
  return statement.slice(byteToCharMapper(statement)(last.end)).trim();
}
