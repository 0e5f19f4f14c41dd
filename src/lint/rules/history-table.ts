import { list, qualified, type RelName, relName, strings, unwrap } from "../ast.js";
import type { LintStatement, Rule } from "../types.js";

/** The history table belongs to pitstop. */
export const historyTable: Rule = {
  id: "history-table",
  severity: "error",
  summary:
    "a migration that writes to, alters or drops pitstop's history table (pitstop_migrations)",
  lock: "locks on the history table, which pitstop writes in the same transaction",
  why: "pitstop records each migration in its history table within the migration's own transaction, under the migration lock. A migration that writes to it, alters it or drops it corrupts the record of what is applied (or fails in the middle of pitstop's own bookkeeping). Reading it is fine.",
  fix: "Use pitstop's commands: `pitstop force <version>` records a migration as applied (or not, with --unapplied), `pitstop repair` accepts edited files and clears failed attempts.",
  check(s, ctx) {
    const h = ctx.history;
    const hit = targets(s).some(
      (rel) =>
        rel.name === h.table &&
        (rel.schema === undefined
          ? ctx.schema.searchPath.includes(h.schema)
          : rel.schema === h.schema),
    );
    if (!hit) return undefined;
    return { message: `this statement changes pitstop's history table ${h.schema}.${h.table}` };
  },
};

/** The relations a statement writes or changes (not those it only reads). */
function targets(s: LintStatement): RelName[] {
  const n = s.node;
  if (s.kind === "DropStmt")
    return n.removeType === "OBJECT_TABLE"
      ? list(n.objects)
          .map((o) => qualified(strings(unwrap(o, "List")?.items)))
          .filter((r): r is RelName => r !== undefined)
      : [];
  if (s.kind === "SelectStmt" || s.kind === "ExplainStmt" || s.kind === "ViewStmt") return [];
  const out: RelName[] = [];
  const direct = relName(n.relation);
  if (direct) out.push(direct);
  for (const r of list(n.relations)) {
    const rel = relName(unwrap(r, "RangeVar"));
    if (rel) out.push(rel);
  }
  return out;
}
