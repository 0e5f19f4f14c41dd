import { alteredTable, alterTableCommands, LOCKS, q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** Dropping a column loses its data and breaks code that still uses it. */
export const dropColumn: Rule = {
  id: "drop-column",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "DROP COLUMN on an existing table",
  lock: "ACCESS EXCLUSIVE on the table (brief: the data stays on disk until rewritten)",
  why: "The data is gone for good, and the running application version may still select, insert or cache the column (ORMs that list columns, SELECT * mapped to a struct): its queries fail from the moment the drop commits.",
  fix: "Contract last: stop using the column in the application and deploy that first; then drop it, marking the intent:\n  -- pitstop-lint-ignore drop-column: no code reads it since v1.42\n  ALTER TABLE t DROP COLUMN c;",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    const commands = alterTableCommands(s.kind, s.node);
    if (commands.length === 0 || ctx.isNew(rel)) return undefined;
    const hits: Hit[] = [];
    for (const { subtype, cmd } of commands) {
      if (subtype !== "AT_DropColumn") continue;
      hits.push({
        message: `dropping column ${q(cmd.name as string)} of ${q(rel)} deletes its data and breaks code that still uses it`,
        lock: LOCKS.accessExclusive(q(rel)),
      });
    }
    return hits;
  },
};
