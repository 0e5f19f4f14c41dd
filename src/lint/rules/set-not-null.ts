import { locationOf, type RelName, strings } from "../ast.js";
import { alteredTable, alterTableCommands, LOCKS, provenNotNull, q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** SET NOT NULL scans the whole table under ACCESS EXCLUSIVE, unless a valid check proves it. */
export const setNotNull: Rule = {
  id: "set-not-null",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "SET NOT NULL (or ADD CONSTRAINT ... NOT NULL) on an existing column without a proof",
  lock: "ACCESS EXCLUSIVE on the table while every row is checked: no reads, no writes",
  why: "To make a column NOT NULL, PostgreSQL reads the whole table to check there is no NULL, holding its strongest lock throughout. On PostgreSQL 12+ the scan is skipped when a validated CHECK (col IS NOT NULL) constraint already proves it; that constraint can be added NOT VALID and validated under a lock that lets reads and writes go on.",
  fix: "Prove it first, without blocking:\n  ALTER TABLE t ADD CONSTRAINT t_c_not_null CHECK (c IS NOT NULL) NOT VALID;\nthen, in the next migration:\n  ALTER TABLE t VALIDATE CONSTRAINT t_c_not_null;\n  ALTER TABLE t ALTER COLUMN c SET NOT NULL;\n  ALTER TABLE t DROP CONSTRAINT t_c_not_null;",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    const commands = alterTableCommands(s.kind, s.node);
    if (commands.length === 0 || ctx.isNew(rel)) return undefined;
    const table = ctx.schema.table(rel);
    const hits: Hit[] = [];
    for (const { subtype, cmd } of commands) {
      let columns: string[] = [];
      let location: number | undefined;
      if (subtype === "AT_SetNotNull" && typeof cmd.name === "string") columns = [cmd.name];
      else if (subtype === "AT_AddConstraint") {
        const c = (cmd.def as { Constraint?: Record<string, unknown> }).Constraint;
        if (c?.contype !== "CONSTR_NOTNULL" || c.skip_validation) continue;
        columns = strings(c.keys);
        location = locationOf(c);
      }
      for (const column of columns) {
        if (provenNotNull(table, column, ctx.pgVersion)) continue;
        hits.push({
          message: `making ${q(column)} of ${q(rel)} NOT NULL scans the whole table under ACCESS EXCLUSIVE`,
          lock: LOCKS.accessExclusive(q(rel)),
          fix: rewrite(rel, column, ctx.pgVersion),
          ...(location !== undefined ? { location } : {}),
        });
      }
    }
    return hits;
  },
};

function rewrite(rel: RelName | undefined, column: string, pgVersion: number): string {
  const t = rel ? (rel.schema ? `${rel.schema}.${rel.name}` : rel.name) : "t";
  const name = `${rel?.name ?? "t"}_${column}_not_null`;
  if (pgVersion >= 18)
    return `On PostgreSQL 18, add the constraint NOT VALID (no scan) and validate it in the next migration (reads and writes go on while it scans):\n  ALTER TABLE ${t} ADD CONSTRAINT ${name} NOT NULL ${column} NOT VALID;\nnext migration:\n  ALTER TABLE ${t} VALIDATE CONSTRAINT ${name};`;
  if (pgVersion >= 12)
    return `Prove it with a check first, validated without blocking:\n  ALTER TABLE ${t} ADD CONSTRAINT ${name} CHECK (${column} IS NOT NULL) NOT VALID;\nnext migration:\n  ALTER TABLE ${t} VALIDATE CONSTRAINT ${name};\n  ALTER TABLE ${t} ALTER COLUMN ${column} SET NOT NULL;  -- no scan: the check proves it\n  ALTER TABLE ${t} DROP CONSTRAINT ${name};`;
  return `Before PostgreSQL 12, SET NOT NULL always scans. Keep the column nullable and enforce it with a check validated without blocking:\n  ALTER TABLE ${t} ADD CONSTRAINT ${name} CHECK (${column} IS NOT NULL) NOT VALID;\nnext migration:\n  ALTER TABLE ${t} VALIDATE CONSTRAINT ${name};`;
}
