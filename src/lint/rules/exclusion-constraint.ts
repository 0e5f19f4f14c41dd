import { displayName, locationOf, type Node } from "../ast.js";
import { alteredTable, alterTableCommands, LOCKS, q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** ADD CONSTRAINT ... EXCLUDE builds an index and checks every row under ACCESS EXCLUSIVE. */
export const exclusionConstraint: Rule = {
  id: "exclusion-constraint",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "ADD CONSTRAINT ... EXCLUDE on an existing table",
  lock: "ACCESS EXCLUSIVE on the table while the constraint's index is built and every row checked: no reads, no writes",
  why: "An exclusion constraint builds its index and checks every existing row against every other while holding the table's strongest lock. Unlike FOREIGN KEY and CHECK it has no NOT VALID form, and unlike UNIQUE it cannot be attached from an index built CONCURRENTLY.",
  fix: "There is no online form. Add it when the table is created, or in a maintenance window with a short lock_timeout; to keep the table online, build a new table with the constraint, copy the rows in batches (a trigger keeps them in step), and swap the names in one short transaction.",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    const commands = alterTableCommands(s.kind, s.node);
    if (commands.length === 0 || ctx.isNew(rel)) return undefined;
    const hits: Hit[] = [];
    for (const { subtype, cmd } of commands) {
      const c = (cmd.def as Node | undefined)?.Constraint as Node | undefined;
      if (subtype !== "AT_AddConstraint" || c?.contype !== "CONSTR_EXCLUSION") continue;
      const name = typeof c.conname === "string" ? `${c.conname} ` : "";
      const location = locationOf(c);
      hits.push({
        message: `EXCLUDE constraint ${name}on ${q(rel)} builds its index and checks every row under ACCESS EXCLUSIVE (there is no NOT VALID form)`,
        lock: LOCKS.accessExclusive(q(rel)),
        ...(location !== undefined ? { location } : {}),
        fix: `There is no online form. Either run it in a maintenance window with a short lock_timeout:\n  SET lock_timeout = '2s';\n  ${s.text.trim()};\nor create a new table with the constraint, copy ${rel ? displayName(rel) : "the table"}'s rows in batches (a trigger keeps them in step), and swap the names in one short transaction.`,
      });
    }
    return hits;
  },
};
