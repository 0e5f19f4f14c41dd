/**
 * The drop phase: one action per object that goes (or is rebuilt), in the
 * `pre` phase when it hangs on others or is rebuilt, else in `post`; objects
 * that go with their parent ride on the parent's action.
 */
import { quoteIdent } from "../inspect/ident.js";
import type { TypeDef } from "../inspect/model.js";
import { nameOf } from "./ddl.js";
import { type Action, type DiffState, DROP_EARLY, dropped } from "./diff-state.js";
import { dropStatements, oldName } from "./drop-statements.js";
import type { Graph, GraphNode } from "./graph.js";

export function dropActions(st: DiffState): Action[] {
  const actions = new Map<string, Action>();
  const implied: GraphNode[] = [];
  const addedNames = relationNames(st.b, (k) => st.status.get(k) === "added");
  for (const [key, node] of st.a.nodes) {
    const status = st.status.get(key);
    if (status === "retype") {
      actions.set(`${key}#rename`, retypeRename(node));
      continue;
    }
    if (status !== "removed" && status !== "recreate") continue;
    if (droppedWithParent(st, node)) {
      implied.push(node);
      continue;
    }
    const early =
      status === "recreate" ||
      DROP_EARLY.has(node.kind) ||
      addedNames.has(relationName(node) ?? "\u0000");
    actions.set(key, {
      phase: early ? "pre" : "post",
      covers: [key],
      deps: [...node.deps],
      rank: node.rank,
      sort: node.sort,
      statements: dropStatements(node),
    });
  }
  for (const node of implied) joinOwner(st, actions, node);
  for (const [key, node] of st.a.nodes)
    if (st.status.get(key) === "retype") actions.set(`${key}#drop`, retypeDrop(node));
  return [...actions.values()];
}

/** An object dropped with its parent: the parent's action covers it and needs what it needs. */
function joinOwner(st: DiffState, actions: Map<string, Action>, node: GraphNode): void {
  let owner: GraphNode | undefined = node;
  while (owner !== undefined && !actions.has(owner.key)) {
    owner = ownerOf(st, owner);
  }
  const action = owner === undefined ? undefined : actions.get(owner.key);
  if (action === undefined) return;
  action.covers.push(node.key);
  action.deps.push(...node.deps);
}

/** The table a column sits on, the column a default belongs to, the sequence of an OWNED BY. */
function ownerOf(st: DiffState, node: GraphNode): GraphNode | undefined {
  if (node.kind === "sequence") {
    const o = node.object.ownedBy;
    if (o === undefined) return undefined;
    return st.a.nodes.get(
      `column:${quoteIdent(o.schema)}.${quoteIdent(o.table)}.${quoteIdent(o.column)}`,
    );
  }
  return node.parent === undefined ? undefined : st.a.nodes.get(node.parent);
}

/** Dropping its parent drops it: no statement of its own. */
function droppedWithParent(st: DiffState, node: GraphNode): boolean {
  const owner = ownerOf(st, node);
  if (owner === undefined || !dropped(st, owner.key)) return false;
  if (node.kind === "constraint" && node.object.type === "foreign") {
    // A foreign key to another table, or to a key or unique index of it, that goes too is
    // dropped first, or the two could not be dropped at all.
    const referenced = node.deps
      .map((d) => st.a.nodes.get(d))
      .filter(
        (n): n is GraphNode =>
          (n?.kind === "column" || n?.kind === "constraint" || n?.kind === "index") &&
          n.parent !== node.parent,
      );
    if (referenced.some((n) => dropped(st, n.key) || dropped(st, n.parent!))) return false;
  }
  return true;
}

function relationNames(graph: Graph, pick: (key: string) => boolean): Set<string> {
  const names = new Set<string>();
  for (const [key, node] of graph.nodes) {
    const name = pick(key) ? relationName(node) : undefined;
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** Tables, views, sequences, indexes and types share one namespace per schema. */
function relationName(node: GraphNode): string | undefined {
  switch (node.kind) {
    case "table":
    case "view":
    case "sequence":
    case "type":
      return `${node.object.schema}.${node.object.name}`;
    case "index":
      return `${node.object.schema}.${node.object.name}`;
    case "constraint":
      return node.object.type === "foreign" || node.object.type === "check"
        ? undefined
        : `${node.object.schema}.${node.object.name}`;
    default:
      return undefined;
  }
}

/** A recreated type first steps aside under its old name... */
function retypeRename(node: GraphNode): Action {
  const t = node.object as TypeDef;
  const word = t.kind === "domain" ? "DOMAIN" : "TYPE";
  return {
    phase: "pre",
    covers: [`${node.key}#rename`],
    deps: [],
    rank: node.rank,
    sort: node.sort,
    statements: [{ sql: `ALTER ${word} ${nameOf(t)} RENAME TO ${quoteIdent(oldName(t.name))}` }],
  };
}

/** ...and goes once its columns have moved to the new one. */
function retypeDrop(node: GraphNode): Action {
  const t = node.object as TypeDef;
  return {
    phase: "post",
    covers: [node.key],
    deps: [],
    rank: node.rank,
    sort: node.sort,
    statements: [
      {
        sql: `DROP ${t.kind === "domain" ? "DOMAIN" : "TYPE"} ${nameOf({ schema: t.schema, name: oldName(t.name) })}`,
      },
    ],
  };
}
