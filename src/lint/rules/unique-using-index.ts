import { displayName, locationOf, type Node, strings } from "../ast.js";
import { alteredTable, alterTableCommands, columnConstraints, LOCKS, q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** ADD UNIQUE / PRIMARY KEY builds its index under ACCESS EXCLUSIVE. */
export const uniqueUsingIndex: Rule = {
  id: "unique-using-index",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "ADD UNIQUE or PRIMARY KEY on an existing table without USING INDEX",
  lock: "ACCESS EXCLUSIVE on the table while the index builds: no reads, no writes",
  why: "The constraint's index is built while the table's strongest lock is held: reads and writes stop for the whole build. Built beforehand with CREATE UNIQUE INDEX CONCURRENTLY, the index can be turned into the constraint with a brief lock.",
  fix: "Build the index concurrently (its own migration: pitstop runs it outside a transaction), then attach it:\n  CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nnext migration:\n  ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;\nFor a PRIMARY KEY the columns must already be NOT NULL (see set-not-null), or attaching scans the table.",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    const commands = alterTableCommands(s.kind, s.node);
    if (commands.length === 0 || ctx.isNew(rel)) return undefined;
    const hits: Hit[] = [];
    const t = rel ? displayName(rel) : "t";
    for (const { subtype, cmd } of commands) {
      const def = cmd.def as Node | undefined;
      const found: { c: Node; columns: string[] }[] = [];
      if (subtype === "AT_AddConstraint" && def?.Constraint)
        found.push({ c: def.Constraint as Node, columns: strings((def.Constraint as Node).keys) });
      if (subtype === "AT_AddColumn" && def?.ColumnDef) {
        const column = def.ColumnDef as Node;
        for (const c of columnConstraints(column))
          found.push({ c, columns: [column.colname as string] });
      }
      for (const { c, columns } of found) {
        if (c.contype !== "CONSTR_UNIQUE" && c.contype !== "CONSTR_PRIMARY") continue;
        if (typeof c.indexname === "string") continue;
        const primary = c.contype === "CONSTR_PRIMARY";
        const name =
          typeof c.conname === "string"
            ? c.conname
            : `${rel?.name ?? "t"}_${primary ? "pkey" : `${columns.join("_")}_key`}`;
        const location = locationOf(c);
        hits.push({
          message: `ADD ${primary ? "PRIMARY KEY" : "UNIQUE"} (${columns.join(", ")}) builds its index while ${q(rel)} is locked for reads and writes`,
          lock: LOCKS.accessExclusive(q(rel)),
          ...(location !== undefined ? { location } : {}),
          fix: `Build the index concurrently in its own migration, then attach it:\n  CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${t} (${columns.join(", ")});\nnext migration:\n  ALTER TABLE ${t} ADD CONSTRAINT ${name} ${primary ? "PRIMARY KEY" : "UNIQUE"} USING INDEX ${name};${primary ? "\n(The columns must already be NOT NULL, or attaching scans the table: see set-not-null.)" : ""}`,
        });
      }
    }
    return hits;
  },
};
