import type { CollationRow } from "../catalog.js";
import { objectKey } from "../ident.js";
import type { CollationDef } from "../model.js";
import type { BuildContext } from "./context.js";

/**
 * @example
 * const collations = buildCollations(rows.collations, ctx);
 */
export function buildCollations(
  rows: readonly CollationRow[],
  ctx: Pick<BuildContext, "filter" | "deps">,
): CollationDef[] {
  const collations: CollationDef[] = [];
  for (const c of rows) {
    ctx.deps.register("pg_collation", c.oid, objectKey.collation(c.schema, c.name));
    if (ctx.filter.object(c.schema, c.name)) collations.push(collationDef(c));
  }
  return collations;
}

const COLLATION_PROVIDERS: Record<string, CollationDef["provider"]> = {
  c: "libc",
  i: "icu",
  b: "builtin",
};

function collationDef(c: CollationRow): CollationDef {
  const r = c.row;
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const provider = COLLATION_PROVIDERS[String(r.collprovider)] ?? "libc";
  const stored = text(r.colllocale) ?? text(r.colliculocale);
  const locale = provider === "icu" && stored !== undefined ? icuLanguageTag(stored) : stored;
  const rules = text(r.collicurules);
  return {
    schema: c.schema,
    name: c.name,
    ...(c.comment !== null ? { comment: c.comment } : {}),
    provider,
    ...(provider !== "libc" && locale !== undefined ? { locale } : {}),
    ...(provider === "libc" && text(r.collcollate) !== undefined
      ? { lcCollate: text(r.collcollate)!, lcCtype: text(r.collctype) ?? text(r.collcollate)! }
      : {}),
    ...(r.collisdeterministic === false ? { deterministic: false as const } : {}),
    ...(rules !== undefined ? { rules } : {}),
  };
}

/**
 * PostgreSQL 16+ stores an ICU locale as its BCP 47 language tag
 * (`en-u-kn-true` becomes `en-u-kn`, `en_US` becomes `en-US`); 15 stores it as
 * written. The same collation reads the same from both: the common cases of
 * that canonical form.
 */
function icuLanguageTag(locale: string): string {
  const parts = locale.replaceAll("_", "-").split("-");
  const u = parts.findIndex((p) => p.toLowerCase() === "u");
  if (u < 0) return parts.join("-");
  return parts
    .filter(
      (p, i) => !(i > u + 1 && p.toLowerCase() === "true" && /^[a-z0-9]{2}$/i.test(parts[i - 1]!)),
    )
    .join("-");
}
