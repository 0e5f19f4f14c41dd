import { displayName, locationOf, type Node } from "../ast.js";
import { alteredTable, alterTableCommands, LOCKS, provenNotNull, q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** ADD PRIMARY KEY USING INDEX makes its columns NOT NULL: a full scan when one is nullable. */
export const primaryKeyNullable: Rule = {
  id: "primary-key-nullable",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "ADD PRIMARY KEY USING INDEX over a column that may hold NULL",
  lock: "ACCESS EXCLUSIVE on the table while every row is checked for NULL: no reads, no writes",
  why: "A primary key's columns must be NOT NULL. Attaching an index as the primary key sets NOT NULL on each column that lacks it, and that scans the whole table under its strongest lock: the index built CONCURRENTLY saved the build but not the scan.",
  fix: "Make the columns NOT NULL first without a long lock (a CHECK (c IS NOT NULL) NOT VALID, validated in a later migration, then SET NOT NULL: see set-not-null), then attach the index.",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    const commands = alterTableCommands(s.kind, s.node);
    if (commands.length === 0 || ctx.isNew(rel)) return undefined;
    const table = ctx.schema.table(rel);
    if (!table) return undefined;
    const hits: Hit[] = [];
    for (const { subtype, cmd } of commands) {
      const c = (cmd.def as Node | undefined)?.Constraint as Node | undefined;
      if (subtype !== "AT_AddConstraint" || c?.contype !== "CONSTR_PRIMARY") continue;
      if (typeof c.indexname !== "string") continue;
      const index = ctx.schema.index({ schema: table.schema, name: c.indexname });
      // Only what pitstop can see: a known index over known, nullable columns.
      const nullable = (index?.columns ?? []).filter(
        (n) => table.columns.has(n) && !provenNotNull(table, n, ctx.pgVersion),
      );
      if (nullable.length === 0) continue;
      const t = displayName(rel!);
      const location = locationOf(c);
      hits.push({
        message: `PRIMARY KEY USING INDEX ${c.indexname} makes ${nullable.map((n) => q(n)).join(", ")} NOT NULL: a scan of ${q(rel)} under ACCESS EXCLUSIVE`,
        lock: LOCKS.accessExclusive(q(rel)),
        ...(location !== undefined ? { location } : {}),
        fix: `Prove the columns NOT NULL first, without blocking:\n${nullable.map((n) => `  ALTER TABLE ${t} ADD CONSTRAINT ${rel!.name}_${n}_not_null CHECK (${n} IS NOT NULL) NOT VALID;`).join("\n")}\nnext migration:\n${nullable.map((n) => `  ALTER TABLE ${t} VALIDATE CONSTRAINT ${rel!.name}_${n}_not_null;\n  ALTER TABLE ${t} ALTER COLUMN ${n} SET NOT NULL;`).join("\n")}\nthen:\n  ${s.text.trim()};`,
      });
    }
    return hits;
  },
};
