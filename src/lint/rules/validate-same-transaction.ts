import { displayName } from "../ast.js";
import { alteredTable, alterTableCommands, q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID gains nothing. */
export const validateSameTransaction: Rule = {
  id: "validate-same-transaction",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "VALIDATE CONSTRAINT in the same transaction that added the constraint NOT VALID",
  lock: "the ADD CONSTRAINT lock (ACCESS EXCLUSIVE for CHECK, SHARE ROW EXCLUSIVE for FOREIGN KEY), still held during the validation scan",
  why: "NOT VALID exists to split the change in two: a brief lock to add the constraint, then a scan under a weak lock. Validating in the same transaction keeps the first, strong lock until commit, so the scan blocks the table exactly as if NOT VALID were not there. pitstop runs each migration in one transaction (unless it must run statement by statement).",
  fix: "Move the VALIDATE CONSTRAINT to the next migration:\n  -- 0042_add_fk.sql\n  ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n  -- 0043_validate_fk.sql\n  ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    const commands = alterTableCommands(s.kind, s.node);
    if (commands.length === 0 || ctx.isNew(rel)) return undefined;
    const table = ctx.schema.table(rel);
    const hits: Hit[] = [];
    for (const { subtype, cmd } of commands) {
      if (subtype !== "AT_ValidateConstraint" || typeof cmd.name !== "string") continue;
      const c = table?.constraints.get(cmd.name);
      if (!c || c.valid || c.added.transaction !== ctx.transaction) continue;
      const t = rel ? displayName(rel) : "t";
      hits.push({
        fix: `Keep the ADD CONSTRAINT ... NOT VALID here and move the validation to the next migration (its own transaction):\n  ALTER TABLE ${t} VALIDATE CONSTRAINT ${cmd.name};`,
        message: `VALIDATE CONSTRAINT ${q(cmd.name)} runs in the transaction that added it NOT VALID: the scan happens under the strong lock NOT VALID was meant to avoid`,
      });
    }
    return hits;
  },
};
