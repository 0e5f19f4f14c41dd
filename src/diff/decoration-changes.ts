/** COMMENT ON and GRANT/REVOKE for objects kept on both sides of a plan. */
import type { Grant } from "../inspect/model.js";
import { commentChange, grantChanges, type Target, target } from "./ddl.js";
import type { GraphNode } from "./graph.js";
import type { PlanStatement } from "./plan.js";

interface Decorated {
  readonly comment?: string;
  readonly grants?: readonly Grant[];
}

/**
 * COMMENT ON and GRANT/REVOKE that turn `a`'s into `b`'s (the same object,
 * kept or renamed).
 *
 * @example
 * decorationChanges(before, after) // [{ sql: "COMMENT ON TABLE users IS 'people'" }]
 */
export function decorationChanges(a: GraphNode, b: GraphNode): PlanStatement[] {
  const t = targetOf(b);
  if (t === undefined) return [];
  const was = a.object as Decorated;
  const now = b.object as Decorated;
  const list = [
    ...commentChange(t, was.comment, now.comment),
    ...grantChanges(t, was.grants, now.grants),
    ...(b.kind === "view" ? viewColumnComments(a, b) : []),
  ];
  return list.map((sql) => ({ sql }));
}

function viewColumnComments(a: GraphNode, b: Extract<GraphNode, { kind: "view" }>): string[] {
  const v = b.object;
  const before = new Map((a.object as typeof v).columns.map((c) => [c.name, c.comment]));
  return v.columns.flatMap((c) =>
    commentChange(target.column(v.schema, v.name, c.name), before.get(c.name), c.comment),
  );
}

/** What COMMENT ON and GRANT name the object by; none for kinds without either. */
function targetOf(n: GraphNode): Target | undefined {
  switch (n.kind) {
    case "schema":
      return target.schema(n.object);
    case "type":
      return target.type(n.object);
    case "collation":
      return target.collation(n.object);
    case "sequence":
      return target.sequence(n.object);
    case "table":
      return target.table(n.object);
    case "function":
      return target.function(n.object);
    case "view":
      return target.view(n.object);
    case "column":
      return target.column(n.table.schema, n.table.name, n.object.name);
    case "constraint":
      return target.constraint(n.object);
    case "index":
      return target.index(n.object);
    case "trigger":
      return target.trigger(n.object);
    case "policy":
      return target.policy(n.object);
    default:
      return undefined;
  }
}
