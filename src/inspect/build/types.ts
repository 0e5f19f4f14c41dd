import type { ColumnRow, DomainCheckRow, OidPairRow, TypeRow } from "../catalog.js";
import { objectKey } from "../ident.js";
import type { CompositeDef, DomainDef, EnumDef, Grant, RangeDef, TypeDef } from "../model.js";
import { byKey } from "../sort.js";
import { type BuildContext, groupBy } from "./context.js";

/**
 * Enums, domains (with their checks), ranges and composite types in the
 * filter; every one, its domain checks and array types registered for
 * dependencies.
 *
 * @example
 * const types = buildTypes(rows.types, rows.domainChecks, rows.arrays, ctx);
 */
export function buildTypes(
  rows: readonly TypeRow[],
  domainChecks: readonly DomainCheckRow[],
  arrays: readonly OidPairRow[],
  ctx: BuildContext,
): TypeDef[] {
  const types: TypeDef[] = [];
  const checksByType = groupBy(domainChecks, (c) => c.type_oid);
  for (const t of rows) {
    const key = objectKey.type(t.schema, t.name);
    ctx.deps.register("pg_type", t.oid, key);
    for (const check of checksByType.get(t.oid) ?? [])
      ctx.deps.register("pg_constraint", check.oid, key);
    if (!ctx.filter.object(t.schema, t.name)) continue;
    types.push(
      typeDef(
        t,
        checksByType.get(t.oid) ?? [],
        ctx.columns.get(t.relid) ?? [],
        ctx.grants.get(`pg_type:${t.oid}`),
      ),
    );
  }
  for (const a of arrays) ctx.deps.alias("pg_type", a.oid, a.target);
  return types;
}

function typeDef(
  t: TypeRow,
  checks: DomainCheckRow[],
  attributes: ColumnRow[],
  grants: Grant[] | undefined,
): TypeDef {
  const named = {
    schema: t.schema,
    name: t.name,
    ...(t.comment !== null ? { comment: t.comment } : {}),
  };
  const g = grants !== undefined ? { grants } : {};
  switch (t.typtype) {
    case "e":
      return { ...named, kind: "enum", labels: t.labels ?? [], ...g } satisfies EnumDef;
    case "d":
      return {
        ...named,
        kind: "domain",
        type: t.base!,
        notNull: t.not_null,
        ...(t.default !== null ? { default: t.default } : {}),
        ...(t.collation !== null ? { collation: t.collation } : {}),
        checks: checks
          .map((c) => ({ name: c.name, definition: c.definition }))
          .sort(byKey((c) => c.name)),
        ...g,
      } satisfies DomainDef;
    case "r":
      return {
        ...named,
        kind: "range",
        subtype: t.range_subtype!,
        options: [
          ...(t.range_collation !== null ? [`COLLATION = ${t.range_collation}`] : []),
          ...(t.range_subdiff !== null ? [`SUBTYPE_DIFF = ${t.range_subdiff}`] : []),
        ],
        ...g,
      } satisfies RangeDef;
    default:
      return {
        ...named,
        kind: "composite",
        attributes: attributes.map((a) => ({
          name: a.name,
          type: a.type,
          ...(a.collation !== null ? { collation: a.collation } : {}),
        })),
        ...g,
      } satisfies CompositeDef;
  }
}
