import type { ColumnRow, InheritRow } from "../catalog.js";
import { qualifiedName } from "../ident.js";
import type { ColumnDef, Grant, TableDef } from "../model.js";
import { sequenceOptions } from "../sequence-options.js";
import type { Relation } from "./context.js";

/**
 * A table's definition: its kind, partitioning or inheritance, options,
 * row security and its own columns.
 *
 * @example
 * tables.push(tableDef(rel, parents.get(rel.row.oid) ?? [], relations, columns, grants));
 */
export function tableDef(
  rel: Relation,
  parents: InheritRow[],
  relations: Map<string, Relation>,
  columns: ColumnRow[],
  grants: Grant[] | undefined,
): TableDef {
  const row = rel.row;
  const parentNames = parents.map((p) => {
    const parent = relations.get(p.parent)!.row;
    return qualifiedName(parent.schema, parent.name);
  });
  const partition = row.is_partition && parentNames.length > 0;
  const inherits = partition ? [] : parentNames;
  return {
    schema: row.schema,
    name: row.name,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    kind: row.relkind === "p" ? "partitioned" : "table",
    ...(row.persistence === "u" ? { unlogged: true as const } : {}),
    ...(row.partition_key !== null ? { partitionBy: row.partition_key } : {}),
    ...(partition ? { partitionOf: { parent: parentNames[0]!, bound: row.bound! } } : {}),
    ...(inherits.length > 0 ? { inherits } : {}),
    ...(row.options !== null && row.options.length > 0 ? { options: [...row.options].sort() } : {}),
    ...(row.row_security ? { rowSecurity: true as const } : {}),
    ...(row.force_row_security ? { forceRowSecurity: true as const } : {}),
    // A partition has its parent's columns; an inheriting table lists its own, those a parent also gives it (merged) included.
    columns: partition ? [] : columns.filter((c) => c.is_local || !c.inherited).map(columnDef),
    ...(grants !== undefined ? { grants } : {}),
  };
}

function columnDef(c: ColumnRow): ColumnDef {
  const generated = c.generated === "s" || c.generated === "v";
  return {
    name: c.name,
    type: c.type,
    notNull: c.not_null,
    ...(c.default !== null && !generated ? { default: c.default } : {}),
    ...(c.identity === "a" || c.identity === "d"
      ? {
          identity: {
            always: c.identity === "a",
            options: sequenceOptions(
              {
                type: c.id_type!,
                start: c.id_start!,
                increment: c.id_increment!,
                min: c.id_min!,
                max: c.id_max!,
                cache: c.id_cache!,
                cycle: c.id_cycle === true,
              },
              { withType: false },
            ),
          },
        }
      : {}),
    ...(generated ? { generated: { expression: c.default!, stored: c.generated === "s" } } : {}),
    ...(c.collation !== null ? { collation: c.collation } : {}),
    ...(c.comment !== null ? { comment: c.comment } : {}),
  };
}
