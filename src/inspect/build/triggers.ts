import type { TriggerRow } from "../catalog.js";
import { objectKey, qualifiedName } from "../ident.js";
import type { TriggerDef } from "../model.js";
import { type BuildContext, replaceOnce } from "./context.js";

const TRIGGER_STATES: Record<string, string> = {
  D: "DISABLE",
  R: "ENABLE REPLICA",
  A: "ENABLE ALWAYS",
};

/**
 * Triggers on kept relations, the table named as the model names it.
 *
 * @example
 * const triggers = buildTriggers(rows.triggers, ctx);
 */
export function buildTriggers(rows: readonly TriggerRow[], ctx: BuildContext): TriggerDef[] {
  const triggers: TriggerDef[] = [];
  for (const t of rows) {
    const rel = ctx.relations.get(t.relid);
    if (rel === undefined) continue;
    ctx.deps.register(
      "pg_trigger",
      t.oid,
      objectKey.trigger(rel.row.schema, rel.row.name, t.name),
      rel.key,
    );
    if (!rel.kept) continue;
    const enabled = TRIGGER_STATES[t.enabled];
    triggers.push({
      schema: rel.row.schema,
      table: rel.row.name,
      name: t.name,
      definition: replaceOnce(
        t.definition,
        ` ON ${rel.row.printed} `,
        ` ON ${qualifiedName(rel.row.schema, rel.row.name)} `,
      ),
      ...(enabled !== undefined ? { enabled } : {}),
      ...(t.comment !== null ? { comment: t.comment } : {}),
    });
  }
  return triggers;
}
