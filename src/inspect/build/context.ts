import type * as q from "../catalog.js";
import type { DependencyIndex } from "../depends.js";
import type { SchemaFilter } from "../filter.js";
import type { Grant } from "../model.js";

/** A pg_class row with its model key. */
export interface Relation {
  row: q.RelationRow;
  key: string;
  /** `relkind`: r, p, v, m, S, c. */
  kind: string;
  /** Inside the filter, and not the history table. */
  kept: boolean;
}

/** What the builders of each object kind share while a model is built. */
export interface BuildContext {
  readonly filter: SchemaFilter;
  readonly deps: DependencyIndex;
  /** Grants by `catalog:oid`. */
  readonly grants: Map<string, Grant[]>;
  /** By pg_class OID. */
  readonly relations: Map<string, Relation>;
  /** Columns (and composite type attributes) by relation OID, in attnum order. */
  readonly columns: Map<string, q.ColumnRow[]>;
}

/** Whether a relation is a table (plain or partitioned). */
export function isTable(rel: Relation): boolean {
  return rel.kind === "r" || rel.kind === "p";
}

/**
 * @example
 * groupBy(rows.columns, (c) => c.relid).get("16385") // the table's columns
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * @example
 * replaceOnce("a b a", "a", "c") // "c b a"
 */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  return at < 0 ? text : text.slice(0, at) + to + text.slice(at + from.length);
}
