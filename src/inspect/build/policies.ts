import type { PolicyRow } from "../catalog.js";
import { objectKey } from "../ident.js";
import type { PolicyDef } from "../model.js";
import { byKey } from "../sort.js";
import type { BuildContext } from "./context.js";

const POLICY_COMMANDS: Record<string, string> = {
  r: "SELECT",
  a: "INSERT",
  w: "UPDATE",
  d: "DELETE",
  "*": "ALL",
};

/**
 * Row-level security policies on kept tables.
 *
 * @example
 * const policies = buildPolicies(rows.policies, ctx);
 */
export function buildPolicies(rows: readonly PolicyRow[], ctx: BuildContext): PolicyDef[] {
  const policies: PolicyDef[] = [];
  for (const p of rows) {
    const rel = ctx.relations.get(p.relid);
    if (rel === undefined) continue;
    ctx.deps.register(
      "pg_policy",
      p.oid,
      objectKey.policy(rel.row.schema, rel.row.name, p.name),
      rel.key,
    );
    if (!rel.kept) continue;
    policies.push({
      schema: rel.row.schema,
      table: rel.row.name,
      name: p.name,
      permissive: p.permissive,
      command: POLICY_COMMANDS[p.command] ?? "ALL",
      roles: [...p.roles].sort(byKey((r) => r)),
      ...(p.using !== null ? { using: p.using } : {}),
      ...(p.with_check !== null ? { withCheck: p.with_check } : {}),
      ...(p.comment !== null ? { comment: p.comment } : {}),
    });
  }
  return policies;
}
