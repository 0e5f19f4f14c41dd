import { type Node, strings, walk } from "./ast.js";

export type Volatility = "immutable" | "stable" | "volatile";

/**
 * Built-in and common extension functions that are VOLATILE: a default that
 * calls one is evaluated per row, so adding the column rewrites the table.
 * `now()`, `current_timestamp` and friends are STABLE: evaluated once.
 */
const VOLATILE = new Set([
  "random",
  "random_normal",
  "clock_timestamp",
  "timeofday",
  "gen_random_uuid",
  "uuidv4",
  "uuidv7",
  "uuid_generate_v1",
  "uuid_generate_v1mc",
  "uuid_generate_v4",
  "gen_random_bytes",
  "nextval",
  "setval",
  "txid_current",
  "pg_current_xact_id",
]);

/**
 * The first call in `expr` to a function that is VOLATILE: a known built-in,
 * or a function that an earlier migration created without IMMUTABLE/STABLE.
 * Functions pitstop knows nothing about are taken as not volatile (no noise
 * for extension functions it cannot see); see docs/lint.md.
 */
export function volatileCall(
  expr: unknown,
  userFunctions: ReadonlyMap<string, Volatility>,
): { name: string; location?: number } | undefined {
  let found: { name: string; location?: number } | undefined;
  walk(expr, (kind, node: Node) => {
    if (found) return false;
    if (kind !== "FuncCall") return true;
    const names = strings(node.funcname).map((n) => n.toLowerCase());
    const name = names[names.length - 1] ?? "";
    const declared = userFunctions.get(name);
    const volatile = declared ? declared === "volatile" : VOLATILE.has(name);
    if (volatile) {
      found = {
        name: names.join("."),
        ...(typeof node.location === "number" ? { location: node.location } : {}),
      };
      return false;
    }
    return true;
  });
  return found;
}
