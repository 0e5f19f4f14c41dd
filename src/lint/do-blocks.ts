import { nodeOf, parser, type RawStmt } from "../sql/parser.js";
import { defElems, type Node, stringConst } from "./ast.js";

/** A SQL statement found in the body of a `DO` block. */
export interface EmbeddedStatement {
  readonly kind: string;
  readonly node: Node;
  readonly text: string;
  /** Character offset of the statement's line in the DO statement's text. */
  readonly offset: number;
}

/**
 * The SQL statements a PL/pgSQL `DO` block runs (conditionals and loops
 * included: they may run). Dynamic `EXECUTE '...'` strings are not followed.
 * A body that does not parse yields nothing: the server will say why.
 */
export function doBlockStatements(doText: string, node: Node): EmbeddedStatement[] {
  const options = defElems(node.args);
  const language = stringConst(options.get("language"))?.toLowerCase() ?? "plpgsql";
  const body = stringConst(options.get("as"));
  if (language !== "plpgsql" || !body) return [];
  let parsed: unknown;
  try {
    parsed = parser().parsePlPgSQLSync(doText);
  } catch {
    return [];
  }
  const bodyStart = Math.max(0, doText.indexOf(body));
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const out: EmbeddedStatement[] = [];
  collect(parsed, (query, lineno) => {
    let stmts: RawStmt[];
    try {
      stmts = (parser().parseSync(query) as { stmts?: RawStmt[] }).stmts ?? [];
    } catch {
      return;
    }
    let at = bodyStart + (lineStarts[Math.max(0, lineno - 1)] ?? 0);
    while (at < doText.length && /[ \t]/.test(doText[at]!)) at++;
    for (const raw of stmts) {
      const [kind, stmt] = nodeOf(raw.stmt);
      out.push({ kind, node: stmt, text: query, offset: at });
    }
  });
  return out;
}

/** Every `PLpgSQL_stmt_execsql` under `value`, in order. */
function collect(value: unknown, found: (query: string, lineno: number) => void): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, found);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const exec = (value as Node).PLpgSQL_stmt_execsql as Node | undefined;
  if (exec) {
    const expr = (exec.sqlstmt as Node | undefined)?.PLpgSQL_expr as Node | undefined;
    if (typeof expr?.query === "string")
      found(expr.query, typeof exec.lineno === "number" ? exec.lineno : 1);
    return;
  }
  for (const child of Object.values(value as Node)) collect(child, found);
}
