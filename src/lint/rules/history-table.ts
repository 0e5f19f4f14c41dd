import { list, qualified, type RelName, strings, unwrap, walk } from "../ast.js";
import type { Rule } from "../types.js";

/** The history table belongs to pitstop. */
export const historyTable: Rule = {
  id: "history-table",
  severity: "error",
  summary: "a migration that changes pitstop's history table (pitstop_migrations)",
  lock: "locks on the history table, which pitstop writes in the same transaction",
  why: "pitstop records each migration in its history table within the migration's own transaction, under the migration lock. A migration that writes to it, alters it or drops it corrupts the record of what is applied (or fails in the middle of pitstop's own bookkeeping).",
  fix: "Use pitstop's commands: `pitstop force <version>` records a migration as applied (or not, with --unapplied), `pitstop repair` accepts edited files and clears failed attempts.",
  check(s, ctx) {
    if (s.kind === "SelectStmt" || s.kind === "ExplainStmt") return undefined;
    const h = ctx.history;
    const matches = (rel: RelName | undefined) =>
      rel !== undefined &&
      rel.name === h.table &&
      (rel.schema === undefined
        ? ctx.schema.searchPath.includes(h.schema)
        : rel.schema === h.schema);
    let hit = false;
    if (s.kind === "DropStmt" && s.node.removeType === "OBJECT_TABLE")
      hit = list(s.node.objects).some((o) => matches(qualified(strings(unwrap(o, "List")?.items))));
    else
      walk(s.node, (kind, node) => {
        if (
          kind === "RangeVar" &&
          matches({
            ...(typeof node.schemaname === "string" ? { schema: node.schemaname } : {}),
            name: node.relname as string,
          })
        )
          hit = true;
        return !hit;
      });
    if (!hit) return undefined;
    return {
      message: `this statement changes pitstop's history table ${h.schema}.${h.table}`,
    };
  },
};
