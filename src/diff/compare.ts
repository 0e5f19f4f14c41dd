import type { SchemaModel } from "../inspect/model.js";
import { sameQuery } from "../sql/canonical.js";
import { buildGraph, type GraphNode } from "./graph.js";

/** One object that differs between two models. */
export interface Difference {
  /** `table:public.users`, `column:public.users.email`... */
  readonly key: string;
  /** `added`: only in the second model; `removed`: only in the first; `changed`: in both, different. */
  readonly change: "added" | "removed" | "changed";
  /** For `changed`: the properties that differ. */
  readonly fields?: readonly string[];
}

/**
 * The objects that differ between two models, by key, in key order.
 * Empty when the schemas are the same.
 *
 * @example
 * compareModels(expected, actual) // [{ key: "index:public.users_email_idx", change: "removed" }]
 */
export function compareModels(a: SchemaModel, b: SchemaModel): Difference[] {
  const x = buildGraph(a).nodes;
  const y = buildGraph(b).nodes;
  const out: Difference[] = [];
  const keys = [...new Set([...x.keys(), ...y.keys()])].sort();
  for (const key of keys) {
    // Part of the column, and of the sequence.
    if (key.startsWith("default:") || key.startsWith("seqowner:")) continue;
    const p = x.get(key);
    const q = y.get(key);
    if (p === undefined) out.push({ key, change: "added" });
    else if (q === undefined) out.push({ key, change: "removed" });
    else {
      const fields = changedFields(p, q);
      if (fields.length > 0) out.push({ key, change: "changed", fields });
    }
  }
  return out;
}

/** Properties that hold the same schema whatever they say (see `diff`). */
const IGNORED: Record<string, readonly string[]> = {
  table: ["columns", "deps"],
  extension: ["version"],
};

function changedFields(p: GraphNode, q: GraphNode): string[] {
  const a = p.object as unknown as Record<string, unknown>;
  const b = q.object as unknown as Record<string, unknown>;
  const ignored = new Set(IGNORED[p.kind] ?? ["deps", "defaultDeps"]);
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...fields]
    .filter((f) => !ignored.has(f) && JSON.stringify(a[f]) !== JSON.stringify(b[f]))
    .filter((f) => !(p.kind === "view" && f === "query" && sameQuery(String(a[f]), String(b[f]))))
    .sort();
}
