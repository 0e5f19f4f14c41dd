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
 * included: they may run). `EXECUTE 'CREATE INDEX ...'` with a string
 * literal is followed like the statement itself; a string built at run time
 * (`format()`, `||`) is not.
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

/** The SQL of `EXECUTE '<literal>'`: the expression must be one string constant. */
function literalSql(expression: string): string | undefined {
  try {
    const raw = (parser().parseSync(`SELECT ${expression}`) as { stmts?: RawStmt[] }).stmts;
    if (raw?.length !== 1) return undefined;
    const [kind, select] = nodeOf(raw[0]!.stmt);
    const targets = select.targetList as Node[] | undefined;
    if (kind !== "SelectStmt" || targets?.length !== 1 || select.fromClause) return undefined;
    const value = (targets[0]!.ResTarget as Node | undefined)?.val as Node | undefined;
    const sval = ((value?.A_Const as Node | undefined)?.sval as Node | undefined)?.sval;
    return typeof sval === "string" && sval.trim() !== "" ? sval : undefined;
  } catch {
    return undefined;
  }
}

/** Every `PLpgSQL_stmt_execsql` (and `EXECUTE` of a literal) under `value`, in order. */
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
  const dynamic = (value as Node).PLpgSQL_stmt_dynexecute as Node | undefined;
  if (dynamic) {
    const expr = (dynamic.query as Node | undefined)?.PLpgSQL_expr as Node | undefined;
    const sql = typeof expr?.query === "string" ? literalSql(expr.query) : undefined;
    if (sql) found(sql, typeof dynamic.lineno === "number" ? dynamic.lineno : 1);
    return;
  }
  for (const child of Object.values(value as Node)) collect(child, found);
}
