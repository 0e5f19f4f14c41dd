/**
 * What the differ knows while it works: the two graphs and, per object key,
 * what happens to it. Each phase (status, rename pairs, cascade, drops,
 * creates) reads and fills one `DiffState`.
 */
import type { TableDef } from "../inspect/model.js";
import type { Change } from "./classify.js";
import { nameOf } from "./ddl.js";
import type { Graph, GraphNode } from "./graph.js";
import type { Orderable } from "./order.js";
import type { PlanStatement } from "./plan.js";

/** `renamed`: the same object under another name (old key in `from`, new key in `to`). */
export type Status = "added" | "removed" | "renamed" | Change;

/** A group of statements about one object, placed in one phase of the plan. */
export interface Action extends Orderable {
  readonly phase: "pre" | "main" | "post";
  readonly covers: string[];
  readonly deps: string[];
  readonly rank: number;
  readonly sort: string;
  readonly statements: PlanStatement[];
}

export interface DiffState {
  /** The schema now. */
  readonly a: Graph;
  /** The schema wanted. */
  readonly b: Graph;
  readonly status: Map<string, Status>;
  readonly typeChanged: Set<string>;
  /** Column key -> the type its values go through when their type is recreated. */
  readonly retyped: Map<string, string>;
  readonly warnings: string[];
  /** New key -> the node it was called in `from`. */
  readonly renamedFrom: Map<string, GraphNode>;
}

/** Kinds whose removal goes first: they hang on others and must not block the drops after them. */
export const DROP_EARLY: ReadonlySet<string> = new Set([
  "view",
  "trigger",
  "policy",
  "constraint",
  "index",
  "default",
  "seqowner",
]);

export function newState(a: Graph, b: Graph): DiffState {
  return {
    a,
    b,
    status: new Map(),
    typeChanged: new Set(),
    retyped: new Map(),
    warnings: [],
    renamedFrom: new Map(),
  };
}

export function dropped(st: DiffState, key: string): boolean {
  const s = st.status.get(key);
  return s === "removed" || s === "recreate";
}

export function created(st: DiffState, key: string): boolean {
  const s = st.status.get(key);
  return s === "added" || s === "recreate";
}

export function tableNamed(graph: Graph, sqlName: string): TableDef | undefined {
  for (const node of graph.nodes.values())
    if (node.kind === "table" && nameOf(node.object) === sqlName) return node.object;
  return undefined;
}
