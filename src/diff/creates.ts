/**
 * The create phase: one action per object that is added, rebuilt, renamed
 * or changed in place; columns and constraints written inside their table's
 * CREATE TABLE ride on the table's action.
 */
import { quoteIdent } from "../inspect/ident.js";
import type { TableDef } from "../inspect/model.js";
import { alterStatements } from "./alter.js";
import { createStatements, inlined } from "./create-statements.js";
import { createFunction, createView, nameOf } from "./ddl.js";
import { decorationChanges } from "./decoration-changes.js";
import { type Action, created, type DiffState } from "./diff-state.js";
import type { GraphNode } from "./graph.js";
import { addedWithInherit, inheritance } from "./inheritance.js";
import type { PlanStatement } from "./plan.js";
import { renameStatements } from "./rename-pairs.js";

export function createActions(st: DiffState): Action[] {
  const actions = new Map<string, Action>();
  const inline: GraphNode[] = [];
  const action = (node: GraphNode, statements: PlanStatement[]) => {
    const existing = actions.get(node.key);
    if (existing) existing.statements.push(...statements);
    else actions.set(node.key, mainAction(node, statements));
  };
  for (const [key, node] of st.b.nodes) {
    const status = st.status.get(key)!;
    if (status === "added" || status === "recreate" || status === "retype") {
      if (addedWithInherit(st, node)) continue;
      if (inlined(st, node)) {
        inline.push(node);
        continue;
      }
      action(node, createStatements(st, node));
      continue;
    }
    if (status === "renamed") {
      const old = st.renamedFrom.get(key);
      if (old !== undefined)
        action(node, [...renameStatements(old, node), ...decorationChanges(old, node)]);
      continue;
    }
    const a = st.a.nodes.get(key)!;
    const statements = [
      ...(status === "changed" ? changeStatements(st, a, node) : []),
      ...decorationChanges(a, node),
    ];
    if (statements.length > 0) action(node, statements);
  }
  for (const node of inline) joinParent(st, actions, node);
  warnColumnPositions(st);
  return [...actions.values()];
}

function mainAction(node: GraphNode, statements: PlanStatement[]): Action {
  return {
    phase: "main",
    covers: [node.key],
    deps: [...node.deps],
    rank: node.rank,
    sort: node.sort,
    statements,
  };
}

/** A node written inside its parent's statement: the parent's action covers it. */
function joinParent(st: DiffState, actions: Map<string, Action>, node: GraphNode): void {
  let owner: GraphNode | undefined = node;
  while (owner !== undefined && !actions.has(owner.key))
    owner = owner.parent === undefined ? undefined : st.b.nodes.get(owner.parent);
  const into = owner === undefined ? undefined : actions.get(owner.key);
  if (into === undefined) return;
  into.covers.push(node.key);
  into.deps.push(...node.deps);
}

function changeStatements(st: DiffState, a: GraphNode, b: GraphNode): PlanStatement[] {
  if (b.kind === "view") return [{ sql: createView(b.object, true) }];
  if (b.kind === "function") return [{ sql: createFunction(b.object) }];
  if (b.kind === "table")
    return [
      ...inheritance(st, a.object as TableDef, b.object),
      ...alterStatements(a, b, st.retyped.get(b.key)),
    ];
  return alterStatements(a, b, st.retyped.get(b.key));
}

/** ADD COLUMN appends: say so when the desired schema has the new column elsewhere. */
function warnColumnPositions(st: DiffState): void {
  for (const [key, node] of st.b.nodes) {
    if (node.kind !== "column" || st.status.get(key) !== "added" || created(st, node.parent!))
      continue;
    const later = node.table.columns.slice(node.position + 1);
    const kept = later.find((c) =>
      st.a.nodes.has(`${node.parent!.replace(/^table:/, "column:")}.${quoteIdent(c.name)}`),
    );
    if (kept !== undefined)
      st.warnings.push(
        `column ${nameOf(node.table)}.${quoteIdent(node.object.name)} is added at the end of the table, not before ${quoteIdent(kept.name)}`,
      );
  }
}
