import type { ConstraintRow } from "../catalog.js";
import { objectKey } from "../ident.js";
import type { ConstraintDef, ConstraintType } from "../model.js";
import { type BuildContext, isTable } from "./context.js";

const CONSTRAINT_TYPES: Record<string, ConstraintType> = {
  p: "primary",
  u: "unique",
  f: "foreign",
  c: "check",
  x: "exclusion",
};

/**
 * Table constraints (primary key, unique, foreign key, check, exclusion)
 * declared on kept tables; every one, and the index behind it, registered
 * for dependencies.
 *
 * @example
 * const constraints = buildConstraints(rows.constraints, ctx);
 */
export function buildConstraints(
  rows: readonly ConstraintRow[],
  ctx: BuildContext,
): ConstraintDef[] {
  const constraints: ConstraintDef[] = [];
  for (const c of rows) {
    const rel = ctx.relations.get(c.relid);
    if (rel === undefined || !isTable(rel)) continue;
    const key = objectKey.constraint(rel.row.schema, rel.row.name, c.name);
    ctx.deps.register("pg_constraint", c.oid, key, rel.key);
    if (c.contype !== "f" && c.index !== "0") ctx.deps.register("pg_class", c.index, key, rel.key);
    // Inherited from a parent table or cloned onto a partition: the parent's constraint covers it.
    if (!rel.kept || !c.is_local || c.parent !== "0") continue;
    constraints.push({
      schema: rel.row.schema,
      table: rel.row.name,
      name: c.name,
      type: CONSTRAINT_TYPES[c.contype]!,
      definition: c.definition!,
      ...(c.comment !== null ? { comment: c.comment } : {}),
    });
  }
  return constraints;
}
