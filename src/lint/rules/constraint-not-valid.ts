import {
  displayName,
  locationOf,
  type Node,
  type RelName,
  relName,
  strings,
  walk,
} from "../ast.js";
import { alteredTable, alterTableCommands, columnConstraints, LOCKS, q } from "../helpers.js";
import { appendWords, indent } from "../rewrite.js";
import type { Hit, Rule } from "../types.js";

/** FOREIGN KEY and CHECK constraints added without NOT VALID scan the table under lock. */
export const constraintNotValid: Rule = {
  id: "constraint-not-valid",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "FOREIGN KEY or CHECK added to an existing table without NOT VALID",
  lock: "CHECK: ACCESS EXCLUSIVE on the table; FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables; held for the whole validation scan",
  why: "Adding the constraint checks every existing row while holding a lock that blocks writes (CHECK: reads too). Added NOT VALID, it is enforced for new rows at once and the scan is skipped; VALIDATE CONSTRAINT later checks the old rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.",
  fix: "Add it NOT VALID, and validate in the next migration (its own transaction):\n  ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nnext migration:\n  ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    const commands = alterTableCommands(s.kind, s.node);
    if (commands.length === 0 || ctx.isNew(rel)) return undefined;
    const hits: Hit[] = [];
    for (const { subtype, cmd } of commands) {
      const def = cmd.def as Node | undefined;
      if (subtype === "AT_AddConstraint") {
        const c = def?.Constraint as Node | undefined;
        if (c && !c.skip_validation) {
          const hit = constraintHit(
            c,
            rel,
            false,
            undefined,
            commands.length === 1 ? s.text : undefined,
          );
          if (hit) hits.push(hit);
        }
      } else if (subtype === "AT_AddColumn") {
        const column = (def?.ColumnDef as Node | undefined) ?? {};
        for (const c of columnConstraints(column)) {
          const hit = constraintHit(c, rel, true, column.colname as string);
          if (hit) hits.push(hit);
        }
      }
    }
    return hits;
  },
};

function constraintHit(
  c: Node,
  rel: RelName | undefined,
  inline: boolean,
  column?: string,
  statement?: string,
): Hit | undefined {
  const name = typeof c.conname === "string" ? `${c.conname} ` : "";
  const t = rel ? displayName(rel) : "t";
  const location = locationOf(c);
  const at = location !== undefined ? { location } : {};
  if (c.contype === "CONSTR_FOREIGN") {
    const target = relName(c.pktable);
    return {
      message: `FOREIGN KEY ${name}${inline ? `on new column ${q(column)} ` : ""}is checked against every row of ${q(rel)} while writes to ${q(rel)} and ${q(target)} are blocked`,
      lock: LOCKS.shareRowExclusive(`${q(rel)} and ${q(target)}`),
      ...at,
      ...(statement ? { fix: notValidFix(statement, t, constraintName(c, rel)) } : {}),
      ...(inline
        ? {
            fix: `Add the column first, then the constraint NOT VALID, and validate it in the next migration:\n  ALTER TABLE ${t} ADD COLUMN ${column} ...;\n  ALTER TABLE ${t} ADD CONSTRAINT ${rel?.name ?? "t"}_${column}_fkey FOREIGN KEY (${column}) REFERENCES ... NOT VALID;`,
          }
        : {}),
    };
  }
  if (c.contype === "CONSTR_CHECK") {
    return {
      message: `CHECK ${name}${inline ? `on new column ${q(column)} ` : ""}is checked against every row of ${q(rel)} under ACCESS EXCLUSIVE`,
      lock: LOCKS.accessExclusive(q(rel)),
      ...at,
      fix: statement
        ? notValidFix(statement, t, constraintName(c, rel))
        : `Add it NOT VALID, and validate it in the next migration:\n  ALTER TABLE ${t} ADD CONSTRAINT ${typeof c.conname === "string" ? c.conname : `${rel?.name ?? "t"}_check`} CHECK (...) NOT VALID;\nnext migration:\n  ALTER TABLE ${t} VALIDATE CONSTRAINT ...;`,
    };
  }
  return undefined;
}

/** The name PostgreSQL gives the constraint (its own, or the default for one column). */
function constraintName(c: Node, rel: RelName | undefined): string {
  if (typeof c.conname === "string") return c.conname;
  const table = rel?.name ?? "t";
  if (c.contype === "CONSTR_FOREIGN") return `${table}_${strings(c.fk_attrs).join("_")}_fkey`;
  let column: string | undefined;
  walk(c.raw_expr, (kind, node) => {
    if (kind === "ColumnRef" && column === undefined) column = strings(node.fields).pop();
    return column === undefined;
  });
  return column ? `${table}_${column}_check` : `${table}_check`;
}

/** The user's statement with NOT VALID, and the VALIDATE for the next migration. */
function notValidFix(statement: string, table: string, name: string): string {
  return `Add it NOT VALID (new rows are checked at once, no scan), and validate it in the next migration (its own transaction; reads and writes go on):\n${indent(appendWords(statement, "NOT VALID"))}\nnext migration:\n  ALTER TABLE ${table} VALIDATE CONSTRAINT ${name};`;
}
