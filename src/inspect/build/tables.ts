import type { ColumnRow, InheritRow, RelationRow } from "../catalog.js";
import { qualifiedName } from "../ident.js";
import type { ColumnDef, Grant, TableDef } from "../model.js";
import { sequenceOptions } from "../sequence-options.js";
import type { Relation } from "./context.js";
import { sequenceSettings } from "./sequences.js";

/**
 * A table's definition: its kind, partitioning or inheritance, options,
 * row security and its own columns.
 *
 * @example
 * tables.push(tableDef(rel, parents.get(rel.row.oid) ?? [], relations, columns, identities, grants));
 */
export function tableDef(
  rel: Relation,
  parents: InheritRow[],
  relations: Map<string, Relation>,
  columns: ColumnRow[],
  identities: ReadonlyMap<string, RelationRow>,
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
    columns: partition
      ? []
      : columns
          .filter((c) => c.is_local || !c.inherited)
          .map((c) => columnDef(c, identities.get(`${c.relid}:${c.num}`))),
    ...(grants !== undefined ? { grants } : {}),
  };
}

/** `sequence`: an identity column's sequence. */
function columnDef(c: ColumnRow, sequence: RelationRow | undefined): ColumnDef {
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
            options: sequenceOptions(sequenceSettings(sequence!), { withType: false }),
          },
        }
      : {}),
    ...(generated ? { generated: { expression: c.default!, stored: c.generated === "s" } } : {}),
    ...(c.collation !== null ? { collation: c.collation } : {}),
    ...(c.comment !== null ? { comment: c.comment } : {}),
  };
}
