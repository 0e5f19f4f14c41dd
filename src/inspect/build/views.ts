import type { ColumnRow, RelationRow } from "../catalog.js";
import type { Grant, ViewDef } from "../model.js";

/**
 * A view's or materialized view's definition: its query without the final
 * semicolon, options and columns.
 *
 * @example
 * views.push(viewDef(rel.row, columns.get(rel.row.oid) ?? [], grants));
 */
export function viewDef(
  row: RelationRow,
  columns: ColumnRow[],
  grants: Grant[] | undefined,
): ViewDef {
  const query = row.query!.trim().replace(/;$/, "");
  return {
    schema: row.schema,
    name: row.name,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    materialized: row.relkind === "m",
    query,
    ...(row.options !== null && row.options.length > 0 ? { options: [...row.options].sort() } : {}),
    columns: columns.map((c) => ({
      name: c.name,
      type: c.type,
      ...(c.comment !== null ? { comment: c.comment } : {}),
    })),
    ...(grants !== undefined ? { grants } : {}),
  };
}
