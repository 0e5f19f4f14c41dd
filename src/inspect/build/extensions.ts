import type { ExtensionMemberRow, ExtensionRow } from "../catalog.js";
import { objectKey } from "../ident.js";
import type { ExtensionDef } from "../model.js";
import type { BuildContext } from "./context.js";

/**
 * The extensions in the filter; every extension and the objects that belong
 * to one are registered for dependencies (depending on a member is
 * depending on the extension).
 *
 * @example
 * const extensions = buildExtensions(rows.extensions, rows.members, ctx);
 */
export function buildExtensions(
  rows: readonly ExtensionRow[],
  members: readonly ExtensionMemberRow[],
  ctx: Pick<BuildContext, "filter" | "deps">,
): ExtensionDef[] {
  const names = new Map(rows.map((e) => [e.oid, e.name]));
  for (const m of members) {
    const name = names.get(m.extension);
    if (name !== undefined) ctx.deps.member(m.cls, m.objid, objectKey.extension(name));
  }
  const extensions: ExtensionDef[] = [];
  for (const e of rows) {
    ctx.deps.register("pg_extension", e.oid, objectKey.extension(e.name));
    if (ctx.filter.schema(e.schema))
      extensions.push({ name: e.name, schema: e.schema, version: e.version });
  }
  return extensions;
}
