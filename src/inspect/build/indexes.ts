import type { IndexRow, RelationRow } from "../catalog.js";
import { objectKey, qualifiedName } from "../ident.js";
import type { IndexDef } from "../model.js";
import { type BuildContext, replaceOnce } from "./context.js";

/**
 * Indexes that no constraint owns, on kept relations (an index on a
 * partition that belongs to the partitioned table's index is left out).
 *
 * @example
 * const indexes = buildIndexes(rows.indexes, ctx);
 */
export function buildIndexes(rows: readonly IndexRow[], ctx: BuildContext): IndexDef[] {
  const indexes: IndexDef[] = [];
  for (const i of rows) {
    const rel = ctx.relations.get(i.relid);
    if (rel === undefined) continue;
    const key = objectKey.index(rel.row.schema, i.name);
    ctx.deps.register("pg_class", i.oid, key, rel.key);
    if (!rel.kept || i.is_partition) continue;
    indexes.push({
      schema: rel.row.schema,
      table: rel.row.name,
      name: i.name,
      definition: indexDefinition(i.definition!, rel.row),
      ...(i.comment !== null ? { comment: i.comment } : {}),
    });
  }
  return indexes;
}

/** `... ON ONLY public.t USING ...` -> `... ON t USING ...`: partitions get the index too. */
function indexDefinition(definition: string, table: RelationRow): string {
  const name = qualifiedName(table.schema, table.name);
  const only = ` ON ONLY ${table.printed} USING `;
  if (definition.includes(only)) return replaceOnce(definition, only, ` ON ${name} USING `);
  return replaceOnce(definition, ` ON ${table.printed} USING `, ` ON ${name} USING `);
}
