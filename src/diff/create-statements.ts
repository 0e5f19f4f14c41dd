/** The CREATE statements (with comments, grants and row security) of each kind of object. */

import { quoteIdent } from "../inspect/ident.js";
import {
  addConstraint,
  columnSql,
  commentChange,
  createCollation,
  createExtension,
  createFunction,
  createIndex,
  createPolicy,
  createSchema,
  createSequence,
  createTable as createTableSql,
  createTrigger,
  createType,
  createView,
  decorations,
  inlineable,
  nameOf,
  sequenceOwnedBy,
  target,
} from "./ddl.js";
import { created, type DiffState } from "./diff-state.js";
import type { GraphNode } from "./graph.js";
import type { PlanStatement } from "./plan.js";

/** Written inside its parent's CREATE TABLE or ADD COLUMN. */
export function inlined(st: DiffState, node: GraphNode): boolean {
  if (node.parent === undefined || !created(st, node.parent)) return false;
  const parent = st.b.nodes.get(node.parent)!;
  if (node.kind === "default") return parent.kind === "column";
  if (parent.kind !== "table" || parent.object.partitionOf !== undefined) return false;
  if (node.kind === "column") return true;
  return node.kind === "constraint" && inlineable(node.object);
}

export function createStatements(st: DiffState, node: GraphNode): PlanStatement[] {
  const s = (sql: string): PlanStatement => ({ sql });
  const all = (list: string[]) => list.map(s);
  switch (node.kind) {
    case "schema":
      return all([
        createSchema(node.object),
        ...decorations(target.schema(node.object), node.object),
      ]);
    case "extension":
      return [s(createExtension(node.object))];
    case "collation":
      return all([
        createCollation(node.object),
        ...commentChange(target.collation(node.object), undefined, node.object.comment),
      ]);
    case "type":
      return all([
        ...createType(node.object),
        ...decorations(target.type(node.object), node.object),
      ]);
    case "sequence":
      return all([
        createSequence(node.object),
        ...decorations(target.sequence(node.object), node.object),
      ]);
    case "seqowner":
      return [s(sequenceOwnedBy(node.object))];
    case "function":
      return all([
        createFunction(node.object),
        ...decorations(target.function(node.object), node.object),
      ]);
    case "table":
      return all(createTable(st, node as Extract<GraphNode, { kind: "table" }>));
    case "column": {
      const table = nameOf(node.table);
      const withDefault = node.object.default !== undefined;
      return all([
        `ALTER TABLE ${table} ADD COLUMN ${columnSql(node.object, withDefault)}`,
        ...commentChange(
          target.column(node.table.schema, node.table.name, node.object.name),
          undefined,
          node.object.comment,
        ),
      ]);
    }
    case "default":
      return [
        s(
          `ALTER TABLE ${nameOf(node.table)} ALTER COLUMN ${quoteIdent(node.object.name)} SET DEFAULT ${node.object.default}`,
        ),
      ];
    case "constraint":
      return all([
        addConstraint(node.object),
        ...commentChange(target.constraint(node.object), undefined, node.object.comment),
      ]);
    case "index":
      return all([
        createIndex(node.object),
        ...commentChange(target.index(node.object), undefined, node.object.comment),
      ]);
    case "view": {
      const v = node.object;
      return all([
        createView(v),
        ...decorations(target.view(v), v),
        ...v.columns.flatMap((c) =>
          commentChange(target.column(v.schema, v.name, c.name), undefined, c.comment),
        ),
      ]);
    }
    case "trigger":
      return all([
        ...createTrigger(node.object),
        ...commentChange(target.trigger(node.object), undefined, node.object.comment),
      ]);
    case "policy":
      return all([
        createPolicy(node.object),
        ...commentChange(target.policy(node.object), undefined, node.object.comment),
      ]);
  }
}

function createTable(st: DiffState, node: Extract<GraphNode, { kind: "table" }>): string[] {
  const t = node.object;
  const constraints = (st.b.children.get(node.key) ?? [])
    .map((k) => st.b.nodes.get(k)!)
    .filter(
      (n): n is Extract<GraphNode, { kind: "constraint" }> =>
        n.kind === "constraint" && inlined(st, n),
    )
    .map((n) => n.object);
  return [
    createTableSql(t, constraints),
    ...(t.rowSecurity ? [`ALTER TABLE ${nameOf(t)} ENABLE ROW LEVEL SECURITY`] : []),
    ...(t.forceRowSecurity ? [`ALTER TABLE ${nameOf(t)} FORCE ROW LEVEL SECURITY`] : []),
    ...decorations(target.table(t), t),
    ...t.columns.flatMap((c) =>
      commentChange(target.column(t.schema, t.name, c.name), undefined, c.comment),
    ),
    ...constraints.flatMap((c) => commentChange(target.constraint(c), undefined, c.comment)),
  ];
}
