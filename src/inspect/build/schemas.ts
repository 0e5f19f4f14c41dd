import type { SchemaRow } from "../catalog.js";
import { objectKey } from "../ident.js";
import type { SchemaDef } from "../model.js";
import type { BuildContext } from "./context.js";

/**
 * Schemas in the filter but `public` (every database has it); the history
 * table's schema only when something else is in it (`used`: the schemas
 * that hold a kept object).
 *
 * @example
 * const schemas = buildSchemas(rows.schemas, used, options.history, ctx);
 */
export function buildSchemas(
  rows: readonly SchemaRow[],
  used: ReadonlySet<string>,
  history: { readonly schema: string } | undefined,
  ctx: BuildContext,
): SchemaDef[] {
  const schemas: SchemaDef[] = [];
  for (const s of rows) {
    ctx.deps.register("pg_namespace", s.oid, objectKey.schema(s.name));
    if (s.name === "public" || !ctx.filter.schema(s.name)) continue;
    if (history !== undefined && s.name === history.schema && !used.has(s.name)) continue;
    const g = ctx.grants.get(`pg_namespace:${s.oid}`);
    schemas.push({
      name: s.name,
      ...(s.comment !== null ? { comment: s.comment } : {}),
      ...(g !== undefined ? { grants: g } : {}),
    });
  }
  return schemas;
}
