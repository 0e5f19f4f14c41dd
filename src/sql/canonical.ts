import { isParserLoaded, parser } from "./parser.js";

type Json = unknown;

const cache = new Map<string, string>();

/**
 * A form of a view's query that does not depend on the server version that
 * printed it: the parse tree without positions, with column references
 * unqualified where a query level reads a single table. PostgreSQL 16+
 * prints `SELECT id FROM t` where 15 printed `SELECT t.id FROM t`; both give
 * the same canonical form. Without the parser loaded (or on a parse error),
 * the text itself.
 *
 * @example
 * canonicalQuery("SELECT t.id FROM t") === canonicalQuery("SELECT id FROM t") // true
 */
export function canonicalQuery(sql: string): string {
  if (!isParserLoaded()) return sql;
  const known = cache.get(sql);
  if (known !== undefined) return known;
  let result: string;
  try {
    const tree = parser().parseSync(sql) as Json;
    result = JSON.stringify(normalize(tree, undefined));
  } catch {
    result = sql;
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(sql, result);
  return result;
}

/** Same query, whatever server printed it. */
export function sameQuery(a: string, b: string): boolean {
  return a === b || canonicalQuery(a) === canonicalQuery(b);
}

function normalize(node: Json, scope: string | undefined): Json {
  if (Array.isArray(node)) return node.map((n) => normalize(n, scope));
  if (node === null || typeof node !== "object") return node;
  const obj = node as Record<string, Json>;
  if ("SelectStmt" in obj)
    return { SelectStmt: normalize(obj.SelectStmt, singleRelation(obj.SelectStmt)) };
  if ("ColumnRef" in obj && scope !== undefined) {
    const ref = obj.ColumnRef as { fields?: { String?: { sval?: string } }[] };
    const fields = ref.fields ?? [];
    if (fields.length === 2 && fields[0]?.String?.sval === scope)
      return { ColumnRef: { fields: [normalize(fields[1], scope)] } };
  }
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === "location" || key === "stmt_location" || key === "stmt_len") continue;
    out[key] = normalize(value, scope);
  }
  return out;
}

/** The name a query level's only table goes by, when it reads exactly one. */
function singleRelation(select: Json): string | undefined {
  const from = (select as { fromClause?: Json[] }).fromClause;
  if (!Array.isArray(from) || from.length !== 1) return undefined;
  const range = (from[0] as { RangeVar?: { relname?: string; alias?: { aliasname?: string } } })
    .RangeVar;
  if (range === undefined) return undefined;
  return range.alias?.aliasname ?? range.relname;
}
