/**
 * Objects that go under one name and come back identical under another are
 * renamed, not rebuilt.
 */
import { quoteIdent } from "../inspect/ident.js";
import { nameOf, tableName } from "./ddl.js";
import type { DiffState } from "./diff-state.js";
import type { GraphNode } from "./graph.js";
import type { PlanStatement } from "./plan.js";

/**
 * A constraint, index or owned sequence that goes under one name and comes
 * back identical under another (after a table rename, say) is renamed:
 * nothing is rebuilt and a sequence keeps its value. Tables and columns are
 * never matched this way (see rename hints).
 */
export function pairRenames(st: DiffState): void {
  const removed = new Map<string, GraphNode>();
  for (const [key, node] of st.a.nodes) {
    if (st.status.get(key) !== "removed") continue;
    const identity = renameIdentity(st, node);
    if (identity !== undefined && !removed.has(identity)) removed.set(identity, node);
  }
  if (removed.size === 0) return;
  for (const [key, node] of st.b.nodes) {
    if (st.status.get(key) !== "added") continue;
    const identity = renameIdentity(st, node);
    const old = identity === undefined ? undefined : removed.get(identity);
    if (old === undefined) continue;
    removed.delete(identity!);
    st.status.set(old.key, "renamed");
    st.status.set(key, "renamed");
    st.renamedFrom.set(key, old);
    if (node.kind === "sequence") pairSequenceOwners(st, old.key, key);
  }
}

/** A renamed owned sequence keeps its OWNED BY: renamed along, not dropped and set again. */
function pairSequenceOwners(st: DiffState, oldKey: string, key: string): void {
  const owner = (k: string) => `seqowner:${k.slice("sequence:".length)}`;
  if (st.a.nodes.has(owner(oldKey)) && st.b.nodes.has(owner(key))) {
    st.status.set(owner(oldKey), "renamed");
    st.status.set(owner(key), "renamed");
  }
}

/** What must be equal for two differently named objects to be one renamed. */
function renameIdentity(st: DiffState, node: GraphNode): string | undefined {
  const tableKept = (parent: string | undefined) => {
    const s = parent === undefined ? undefined : st.status.get(parent);
    return s === "same" || s === "changed";
  };
  switch (node.kind) {
    case "constraint":
      if (!tableKept(node.parent)) return undefined;
      return JSON.stringify(["constraint", node.parent, node.object.type, node.object.definition]);
    case "index": {
      if (!tableKept(node.parent)) return undefined;
      const i = node.object;
      const definition = i.definition.replace(` INDEX ${quoteIdent(i.name)} ON `, " INDEX ON ");
      return JSON.stringify(["index", node.parent, definition]);
    }
    case "sequence": {
      const s = node.object;
      if (s.ownedBy === undefined) return undefined;
      const { name: _n, comment: _c, grants: _g, ...settings } = s;
      return JSON.stringify(["sequence", settings]);
    }
    default:
      return undefined;
  }
}

/** The RENAME for an object paired by `pairRenames`. */
export function renameStatements(old: GraphNode, node: GraphNode): PlanStatement[] {
  switch (node.kind) {
    case "constraint":
      return [
        {
          sql: `ALTER TABLE ${tableName(node.object)} RENAME CONSTRAINT ${quoteIdent((old.object as typeof node.object).name)} TO ${quoteIdent(node.object.name)}`,
        },
      ];
    case "index":
      return [
        {
          sql: `ALTER INDEX ${nameOf(old.object as typeof node.object)} RENAME TO ${quoteIdent(node.object.name)}`,
        },
      ];
    case "sequence":
      return [
        {
          sql: `ALTER SEQUENCE ${nameOf(old.object as typeof node.object)} RENAME TO ${quoteIdent(node.object.name)}`,
        },
      ];
    default:
      return [];
  }
}
