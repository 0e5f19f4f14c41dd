import type { ColumnRow, RelationRow } from "../catalog.js";
import type { DependencyIndex } from "../depends.js";
import type { SchemaFilter } from "../filter.js";
import { objectKey } from "../ident.js";
import { defaultKeyOf } from "../keys.js";
import type { Relation } from "./context.js";

/**
 * Keys every relation (tables, views, sequences, composite types) and
 * registers it, its row type, its columns and their defaults for
 * dependencies. Relations come first: types, columns and everything on a
 * table hang on them.
 *
 * @example
 * const relations = registerRelations(rows.relations, filter, isHistory, deps);
 */
export function registerRelations(
  rows: readonly RelationRow[],
  filter: SchemaFilter,
  isHistory: (schema: string, name: string) => boolean,
  deps: DependencyIndex,
): Map<string, Relation> {
  const relations = new Map<string, Relation>();
  for (const row of rows) {
    const kind = row.relkind;
    const key =
      kind === "r" || kind === "p"
        ? objectKey.table(row.schema, row.name)
        : kind === "v" || kind === "m"
          ? objectKey.view(row.schema, row.name)
          : kind === "S"
            ? objectKey.sequence(row.schema, row.name)
            : objectKey.type(row.schema, row.name);
    const kept = filter.object(row.schema, row.name) && !isHistory(row.schema, row.name);
    relations.set(row.oid, { row, key, kind, kept });
    deps.register("pg_class", row.oid, key);
    if (kind !== "S" && kind !== "c") deps.register("pg_type", row.rowtype, key);
  }
  return relations;
}

/**
 * Registers each column (a view's or composite type's stands for the whole
 * relation) and each table column's default for dependencies.
 *
 * @example
 * registerColumns(columnsByRelation, relations, deps);
 */
export function registerColumns(
  columns: Map<string, ColumnRow[]>,
  relations: Map<string, Relation>,
  deps: DependencyIndex,
): void {
  for (const [relid, list] of columns) {
    const rel = relations.get(relid);
    if (rel === undefined) continue;
    for (const c of list) {
      const isTable = rel.kind === "r" || rel.kind === "p";
      const columnKey = isTable ? objectKey.column(rel.row.schema, rel.row.name, c.name) : rel.key;
      deps.registerColumn(relid, c.num, columnKey, rel.key);
      if (c.attrdef !== null && isTable)
        deps.register(
          "pg_attrdef",
          c.attrdef,
          defaultKeyOf(rel.row.schema, rel.row.name, c.name),
          columnKey,
        );
    }
  }
}
