import type { ColumnRow, RelationRow, SequenceOwnerRow } from "../catalog.js";
import type { Grant, SequenceDef } from "../model.js";
import type { SequenceSettings } from "../sequence-options.js";
import type { Relation } from "./context.js";

/**
 * A sequence's definition, with the column that owns it (`OWNED BY`).
 *
 * @example
 * sequences.push(sequenceDef(rel.row, owners.get(rel.row.oid), relations, columns, grants));
 */
export function sequenceDef(
  row: RelationRow,
  owner: SequenceOwnerRow | undefined,
  relations: Map<string, Relation>,
  columns: Map<string, ColumnRow[]>,
  grants: Grant[] | undefined,
): SequenceDef {
  const ownerRel = owner === undefined ? undefined : relations.get(owner.relid);
  const ownerColumn =
    owner === undefined ? undefined : columns.get(owner.relid)?.find((c) => c.num === owner.num);
  return {
    schema: row.schema,
    name: row.name,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    ...sequenceSettings(row),
    ...(ownerRel !== undefined && ownerColumn !== undefined
      ? {
          ownedBy: {
            schema: ownerRel.row.schema,
            table: ownerRel.row.name,
            column: ownerColumn.name,
          },
        }
      : {}),
    ...(grants !== undefined ? { grants } : {}),
  };
}

/**
 * A sequence relation's settings (pg_sequence), for `CREATE SEQUENCE` or an
 * identity column's options.
 *
 * @example
 * sequenceOptions(sequenceSettings(row), { withType: false }) // ["START WITH 100"]
 */
export function sequenceSettings(row: RelationRow): SequenceSettings {
  return {
    type: row.seq_type!,
    start: row.seq_start!,
    increment: row.seq_increment!,
    min: row.seq_min!,
    max: row.seq_max!,
    cache: row.seq_cache!,
    cycle: row.seq_cycle === true,
  };
}
