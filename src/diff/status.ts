/**
 * The first phase: what happens to each object (added, removed, changed,
 * recreated...), and which enum types are rebuilt because a column's values
 * move into them.
 */
import { classify } from "./classify.js";
import type { DiffState } from "./diff-state.js";
import type { Graph, GraphNode } from "./graph.js";
import { givenByParent } from "./inheritance.js";

export function classifyAll(st: DiffState): void {
  for (const [key, a] of st.a.nodes) {
    const b = st.b.nodes.get(key);
    if (b === undefined) {
      st.status.set(key, "removed");
      continue;
    }
    const c = classify(a, b);
    st.status.set(key, c.change);
    if (c.typeChanged) st.typeChanged.add(key);
  }
  for (const key of st.b.nodes.keys()) if (!st.a.nodes.has(key)) st.status.set(key, "added");
  for (const [key, node] of st.a.nodes)
    if (st.status.get(key) === "removed" && givenByParent(st, node)) st.status.set(key, "same");
}

/**
 * A column converted from an enum to another type goes through text (there
 * is no cast between two enums). An enum that gains values and receives a
 * column's values in the same plan is rebuilt rather than given the values
 * with ADD VALUE: a value added in a transaction cannot be used until it
 * commits, one created with its type can.
 */
export function enumConversions(st: DiffState): void {
  const enums = (graph: Graph, node: GraphNode) =>
    node.deps.filter((d) => {
      const t = graph.nodes.get(d);
      return t?.kind === "type" && t.object.kind === "enum";
    });
  for (const key of st.typeChanged) {
    const a = st.a.nodes.get(key)!;
    const b = st.b.nodes.get(key)!;
    if (a.kind !== "column" || b.kind !== "column" || a.object.type === b.object.type) continue;
    if (enums(st.a, a).length > 0) st.retyped.set(key, "text");
    for (const t of enums(st.b, b)) if (st.status.get(t) === "changed") st.status.set(t, "retype");
  }
}
