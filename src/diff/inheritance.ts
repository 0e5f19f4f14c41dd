/**
 * Table inheritance: INHERIT and NO INHERIT with the columns they bring or
 * leave behind, and the columns a parent gives that are not to be dropped.
 */
import { quoteIdent } from "../inspect/ident.js";
import type { TableDef } from "../inspect/model.js";
import { columnSql, nameOf } from "./ddl.js";
import { type DiffState, tableNamed } from "./diff-state.js";
import type { Graph, GraphNode } from "./graph.js";
import type { PlanStatement } from "./plan.js";

/**
 * INHERIT needs the parent's columns in the child first; NO INHERIT leaves
 * them behind as the child's own, to drop when the desired table lacks them.
 */
export function inheritance(st: DiffState, a: TableDef, b: TableDef): PlanStatement[] {
  const name = nameOf(b);
  const was = a.inherits ?? [];
  const now = b.inherits ?? [];
  const columnsOf = (graph: Graph, parents: readonly string[]) =>
    new Set(parents.flatMap((p) => tableNamed(graph, p)?.columns.map((c) => c.name) ?? []));
  const out: PlanStatement[] = [];
  const kept = columnsOf(
    st.b,
    now.filter((p) => was.includes(p)),
  );
  for (const parent of was.filter((p) => !now.includes(p))) {
    out.push({ sql: `ALTER TABLE ${name} NO INHERIT ${parent}` });
    for (const column of tableNamed(st.a, parent)?.columns ?? []) {
      // The table's own columns (merged with the parent's) are dropped or kept on their own.
      if (
        kept.has(column.name) ||
        b.columns.some((c) => c.name === column.name) ||
        a.columns.some((c) => c.name === column.name)
      )
        continue;
      out.push({
        sql: `ALTER TABLE ${name} DROP COLUMN ${quoteIdent(column.name)}`,
        destructive: true,
        note: `drops column ${name}.${quoteIdent(column.name)} (it came from ${parent}) and its data`,
      });
    }
  }
  const present = new Set([...a.columns.map((c) => c.name), ...columnsOf(st.a, was)]);
  for (const parent of now.filter((p) => !was.includes(p))) {
    for (const column of tableNamed(st.b, parent)?.columns ?? []) {
      if (present.has(column.name)) continue;
      present.add(column.name);
      out.push({ sql: `ALTER TABLE ${name} ADD COLUMN ${columnSql(column, true)}` });
    }
    out.push({ sql: `ALTER TABLE ${name} INHERIT ${parent}` });
  }
  return out;
}

/** A new column of a kept table that a new parent has: added with the INHERIT (see `inheritance`). */
export function addedWithInherit(st: DiffState, node: GraphNode): boolean {
  if (node.kind !== "column" || st.status.get(node.key) !== "added") return false;
  const before = st.a.nodes.get(node.parent!);
  if (before?.kind !== "table") return false;
  const was = before.object.inherits ?? [];
  return (node.table.inherits ?? [])
    .filter((p) => !was.includes(p))
    .some((p) => tableNamed(st.b, p)?.columns.some((c) => c.name === node.object.name));
}

/**
 * A column of an inheriting table that the desired schema leaves to a
 * parent: the table keeps it as its own too (a column added for INHERIT,
 * or one a parent gained later), as no statement makes an own column
 * inherited-only. Dropping it would fail (it is inherited) or lose data.
 */
export function givenByParent(st: DiffState, node: GraphNode): boolean {
  if (node.kind !== "column") return false;
  const table = st.b.nodes.get(node.parent!);
  if (table?.kind !== "table") return false;
  return (table.object.inherits ?? []).some((parent) =>
    tableNamed(st.b, parent)?.columns.some((c) => c.name === node.object.name),
  );
}
