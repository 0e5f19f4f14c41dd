import { list, qualified, strings, unwrap } from "../ast.js";
import { LOCKS, q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** Dropping a table loses its data and breaks code that still uses it. */
export const dropTable: Rule = {
  id: "drop-table",
  severity: "error",
  kinds: ["DropStmt"],
  summary: "DROP TABLE of an existing table",
  lock: "ACCESS EXCLUSIVE on the table (and on tables whose foreign keys point at it)",
  why: "The rows are gone for good, and the running application version may still query the table: its queries fail from the moment the drop commits. CASCADE also drops views and foreign keys that depend on it.",
  fix: "Stop using the table in the application and deploy that first (or rename it away and keep it for a while); then drop it, marking the intent:\n  -- pitstop-lint-ignore drop-table: replaced by orders_v2 in v2.0\n  DROP TABLE t;",
  check(s, ctx) {
    if (s.kind !== "DropStmt" || s.node.removeType !== "OBJECT_TABLE") return undefined;
    const hits: Hit[] = [];
    for (const o of list(s.node.objects)) {
      const rel = qualified(strings(unwrap(o, "List")?.items));
      if (!rel || ctx.isNew(rel)) continue;
      hits.push({
        message: `dropping table ${q(rel)} deletes its rows and breaks code that still uses it${s.node.behavior === "DROP_CASCADE" ? " (CASCADE also drops what depends on it)" : ""}`,
        lock: LOCKS.accessExclusive(q(rel)),
      });
    }
    return hits;
  },
};
