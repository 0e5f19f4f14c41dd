/**
 * Small readers for libpg_query's JSON AST. Its JSON omits zero values
 * (`false`, `0`, empty lists), so every reader tolerates missing fields.
 */

export type Node = Record<string, unknown>;

/** A relation as written: `schema.name` or just `name`. */
export interface RelName {
  readonly schema?: string;
  readonly name: string;
}

/** `{ Constraint: {...} }` -> `{...}` when the wrapper is `kind`. */
export function unwrap(value: unknown, kind: string): Node | undefined {
  return (value as Node | undefined)?.[kind] as Node | undefined;
}

/** The items of a list field (`undefined` -> `[]`). */
export function list(value: unknown): Node[] {
  return Array.isArray(value) ? (value as Node[]) : [];
}

/** `[{String: {sval: "a"}}, {String: {sval: "b"}}]` -> `["a", "b"]`. */
export function strings(value: unknown): string[] {
  return list(value).map((n) => (unwrap(n, "String")?.sval as string | undefined) ?? "");
}

/** A RangeVar node -> `{ schema, name }`. */
export function relName(rangeVar: unknown): RelName | undefined {
  const r = rangeVar as Node | undefined;
  if (typeof r?.relname !== "string") return undefined;
  return typeof r.schemaname === "string"
    ? { schema: r.schemaname, name: r.relname }
    : { name: r.relname };
}

/** A name list (`[schema, name]` or `[name]`) -> `{ schema, name }`. */
export function qualified(names: string[]): RelName | undefined {
  const name = names[names.length - 1];
  if (!name) return undefined;
  return names.length > 1 ? { schema: names[names.length - 2]!, name } : { name };
}

export function displayName(rel: RelName): string {
  return rel.schema ? `${rel.schema}.${rel.name}` : rel.name;
}

/** The integer of an `A_Const` (zero is an empty `ival`). */
export function intConst(value: unknown): number | undefined {
  const c = unwrap(value, "A_Const");
  const ival = c?.ival as Node | undefined;
  if (!ival) return undefined;
  return typeof ival.ival === "number" ? ival.ival : 0;
}

/** The string of an `A_Const` or a `String` node. */
export function stringConst(value: unknown): string | undefined {
  const s = unwrap(value, "String")?.sval;
  if (typeof s === "string") return s;
  const c = unwrap(value, "A_Const");
  const sval = (c?.sval as Node | undefined)?.sval;
  if (typeof sval === "string") return sval;
  if (c?.sval) return "";
  const ival = c?.ival as Node | undefined;
  if (ival) return String(typeof ival.ival === "number" ? ival.ival : 0);
  return undefined;
}

/** Whether the node is `NULL` (an `A_Const` with `isnull`). */
export function isNullConst(value: unknown): boolean {
  return unwrap(value, "A_Const")?.isnull === true;
}

/** The `location` (a byte offset in the parsed text) of a wrapped or bare node. */
export function locationOf(value: unknown): number | undefined {
  const n = value as Node | undefined;
  if (!n) return undefined;
  if (typeof n.location === "number") return n.location;
  const key = Object.keys(n)[0];
  const inner = key ? (n[key] as Node | undefined) : undefined;
  return typeof inner?.location === "number" ? inner.location : undefined;
}

/**
 * Calls `visit` for every wrapped node under `value` (`{ Kind: {...} }`),
 * depth first. Return `false` from `visit` to skip a node's children.
 */
export function walk(
  value: unknown,
  visit: (kind: string, node: Node) => boolean | undefined,
): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const node = value as Node;
  for (const key in node) {
    const child = node[key];
    if (child === null || typeof child !== "object") continue;
    // Node kinds are capitalized (`FuncCall`, `RangeVar`); fields are not.
    const code = key.charCodeAt(0);
    if (code >= 65 && code <= 90 && !Array.isArray(child)) {
      if (visit(key, child as Node) === false) continue;
    }
    walk(child, visit);
  }
}

/** The options of a statement as `defname -> arg`. */
export function defElems(value: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const n of list(value)) {
    const d = unwrap(n, "DefElem");
    if (typeof d?.defname === "string") out.set(d.defname, d.arg);
  }
  return out;
}
