/**
 * Which tables differ between two schema models, by entity id (`schema.name`):
 * a table counts as changed when it, one of its constraints, indexes or
 * triggers was added, removed or altered. For the diagram a migration carries.
 */
import type { SchemaModel } from "../inspect/model.js";
import { entityId } from "./er-graph.js";

/**
 * Entity ids of the tables `from` -> `to` touches (added, removed or changed).
 *
 * @example
 * changedTables(plan.from, plan.to) // Set { "public.orders", "sales.invoices" }
 */
export function changedTables(from: SchemaModel, to: SchemaModel): Set<string> {
  const a = tableStates(from);
  const b = tableStates(to);
  const changed = new Set<string>();
  for (const id of new Set([...a.keys(), ...b.keys()]))
    if (a.get(id) !== b.get(id)) changed.add(id);
  return changed;
}

/** Each table's definition and everything attached to it, as one comparable string. */
function tableStates(model: SchemaModel): Map<string, string> {
  const parts = new Map<string, unknown[]>();
  const add = (schema: string, table: string, item: unknown) => {
    const id = entityId(schema, table);
    const list = parts.get(id);
    if (list) list.push(item);
    else parts.set(id, [item]);
  };
  for (const t of model.tables) add(t.schema, t.name, { ...t, deps: undefined });
  for (const list of [model.constraints, model.indexes, model.triggers])
    for (const x of list)
      if (parts.has(entityId(x.schema, x.table))) add(x.schema, x.table, { ...x, deps: undefined });
  return new Map([...parts].map(([id, items]) => [id, JSON.stringify(items)]));
}
