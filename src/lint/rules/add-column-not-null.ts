import { displayName, isNullConst, type Node } from "../ast.js";
import { columnType, formatType } from "../column-type.js";
import { alteredTable, alterTableCommands, columnConstraints, q } from "../helpers.js";
import { appendWords, indent } from "../rewrite.js";
import type { Hit, Rule } from "../types.js";

/** ADD COLUMN ... NOT NULL without a default fails on a table with rows. */
export const addColumnNotNull: Rule = {
  id: "add-column-not-null",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "ADD COLUMN ... NOT NULL without a default on an existing table",
  lock: "ACCESS EXCLUSIVE on the table (brief, but the statement fails when the table has rows)",
  why: "Existing rows have no value for the new column, so the statement fails as soon as the table holds a row (it passes on an empty development database and fails in production). Once it passes, the running application's INSERTs, which do not know the column, fail too.",
  fix: "Give it a constant default (instant on PostgreSQL 11+):\n  ALTER TABLE t ADD COLUMN c text NOT NULL DEFAULT '';\nor add it nullable, backfill, then make it NOT NULL without a long lock (see set-not-null).",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    const commands = alterTableCommands(s.kind, s.node);
    if (commands.length === 0 || ctx.isNew(rel)) return undefined;
    const hits: Hit[] = [];
    for (const { subtype, cmd } of commands) {
      const def = (cmd.def as Node | undefined)?.ColumnDef as Node | undefined;
      if (subtype !== "AT_AddColumn" || !def) continue;
      const constraints = columnConstraints(def);
      const notNull = constraints.find(
        (c) => c.contype === "CONSTR_NOTNULL" || c.contype === "CONSTR_PRIMARY",
      );
      const filled = constraints.some(
        (c) =>
          (c.contype === "CONSTR_DEFAULT" && !isNullConst(c.raw_expr)) ||
          c.contype === "CONSTR_IDENTITY" ||
          c.contype === "CONSTR_GENERATED",
      );
      const type = columnType(def.typeName);
      if (!notNull || filled || type?.serial) continue;
      const t = rel ? displayName(rel) : "t";
      const example = defaultFor(type?.name);
      hits.push({
        fix: `Give it a constant default (instant on PostgreSQL 11+; pick the value existing rows should have):\n${indent(commands.length === 1 ? appendWords(s.text, `DEFAULT ${example}`) : `ALTER TABLE ${t} ADD COLUMN ${def.colname as string} ${type ? formatType(type) : "..."} NOT NULL DEFAULT ${example}`)}\nor add it nullable, backfill, then make it NOT NULL without a long lock (see set-not-null).`,
        message: `ADD COLUMN ${q(def.colname as string)} is NOT NULL without a default: fails when ${q(rel)} has rows, and breaks the running app's INSERTs`,
        ...(typeof notNull.location === "number" ? { location: notNull.location } : {}),
      });
    }
    return hits;
  },
};

/** A placeholder default of the column's type, for the fix. */
function defaultFor(type: string | undefined): string {
  if (type && /^(int[248]|numeric|float[48])$/.test(type)) return "0";
  if (type === "bool") return "false";
  if (type === "timestamptz" || type === "timestamp" || type === "date") return "now()";
  if (type === "jsonb" || type === "json") return "'{}'";
  return "''";
}
