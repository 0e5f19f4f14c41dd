import { type Node, strings, unwrap } from "../ast.js";
import { type ColumnType, changeKeepsData, columnType, formatType } from "../column-type.js";
import { alteredTable, alterTableCommands, LOCKS, q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** ALTER COLUMN TYPE rewrites the table and its indexes unless the change is binary-coercible. */
export const columnTypeRewrite: Rule = {
  id: "column-type-rewrite",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "ALTER COLUMN ... TYPE that rewrites the table (not a binary-coercible change)",
  lock: "ACCESS EXCLUSIVE on the table while it and its indexes are rewritten: no reads, no writes",
  why: "Changing a column's type makes PostgreSQL rewrite every row and rebuild every index of the table under its strongest lock; on a large table that is minutes of downtime. Only changes that keep the stored bytes are instant: varchar(n) to text or to a longer varchar, text to unconstrained varchar, numeric(p,s) to a larger precision with the same scale, cidr to inet, dropping a length or precision limit.",
  fix: "Add a column of the new type, write both from the application (or a trigger), backfill in batches, switch reads to it, then drop the old column in a later release. Widening varchar(n) or moving to text is instant and needs none of this.",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    const commands = alterTableCommands(s.kind, s.node);
    if (commands.length === 0 || ctx.isNew(rel)) return undefined;
    const table = ctx.schema.table(rel);
    const hits: Hit[] = [];
    for (const { subtype, cmd } of commands) {
      if (subtype !== "AT_AlterColumnType") continue;
      const def = (cmd.def as Node | undefined)?.ColumnDef as Node | undefined;
      const to = columnType(def?.typeName);
      const column = cmd.name as string;
      const from = table?.columns.get(column)?.type;
      const location =
        typeof (def?.typeName as Node | undefined)?.location === "number"
          ? { location: (def!.typeName as Node).location as number }
          : {};
      if (def?.raw_default !== undefined && !usingKeepsColumn(def.raw_default, column, from, to)) {
        hits.push({
          message: `ALTER COLUMN ${q(column)} TYPE ${to ? formatType(to) : "?"} USING ... rewrites ${q(rel)} and its indexes under ACCESS EXCLUSIVE`,
          lock: LOCKS.accessExclusive(q(rel)),
          ...location,
        });
        continue;
      }
      if (from && to && changeKeepsData(from, to)) continue;
      hits.push({
        message: from
          ? `ALTER COLUMN ${q(column)} TYPE ${formatType(from)} -> ${to ? formatType(to) : "?"} rewrites ${q(rel)} and its indexes under ACCESS EXCLUSIVE`
          : `ALTER COLUMN ${q(column)} TYPE ${to ? formatType(to) : "?"} rewrites ${q(rel)} under ACCESS EXCLUSIVE unless the change is binary-coercible (pitstop does not know the column's current type: no earlier migration creates it)`,
        lock: LOCKS.accessExclusive(q(rel)),
        ...location,
      });
    }
    return hits;
  },
};

/**
 * Whether `USING expr` is the column itself, possibly cast on the way
 * (`USING c`, `USING c::varchar`): PostgreSQL strips binary-coercible casts
 * and skips the rewrite when what is left is the column, as if there were no
 * USING (the change from the old type to the new one is then judged alone).
 */
function usingKeepsColumn(
  expr: unknown,
  column: string,
  from: ColumnType | undefined,
  to: ColumnType | undefined,
): boolean {
  const casts: ColumnType[] = [];
  let e = expr;
  for (let cast = unwrap(e, "TypeCast"); cast; cast = unwrap(e, "TypeCast")) {
    const via = columnType(cast.typeName);
    if (!via) return false;
    casts.push(via);
    e = cast.arg;
  }
  const ref = unwrap(e, "ColumnRef");
  if (!ref || strings(ref.fields).pop() !== column) return false;
  const [outer, ...inner] = casts;
  // Every cast on the way must keep the old values as they are (no narrowing)...
  if (inner.some((via) => !from || !changeKeepsData(from, via))) return false;
  // ...and the last one be the new type, or coerce to it without a rewrite.
  return (
    !outer ||
    !to ||
    sameType(outer, to) ||
    (from !== undefined && changeKeepsData(from, outer) && changeKeepsData(outer, to))
  );
}

function sameType(a: ColumnType, b: ColumnType): boolean {
  return formatType(a) === formatType(b);
}
