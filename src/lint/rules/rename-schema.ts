import { q } from "../helpers.js";
import type { Rule } from "../types.js";

/** ALTER SCHEMA ... RENAME breaks every query that names the schema. */
export const renameSchema: Rule = {
  id: "rename-schema",
  severity: "error",
  kinds: ["RenameStmt"],
  summary: "ALTER SCHEMA ... RENAME of an existing schema",
  lock: "brief (the schema's catalog row); the damage is to the running application, not a lock",
  why: "Every query, view body written with the schema name, function search_path and connection setting that names the old schema fails as soon as the rename commits, while the application version that uses it is still running.",
  fix: "Keep the old name. To move to a new one: create the new schema, move objects with ALTER ... SET SCHEMA (each its own change), point the application at the new names, and drop the old schema in a later release; or keep both reachable through search_path during the switch.",
  check(s, ctx) {
    if (s.node.renameType !== "OBJECT_SCHEMA") return undefined;
    const old = typeof s.node.subname === "string" ? s.node.subname : undefined;
    if (old && ctx.schema.schemaCreated(old)?.migration === ctx.migration) return undefined;
    return {
      message: `renaming schema ${q(old)} to ${q(String(s.node.newname))} breaks every running query that names ${q(old)}`,
    };
  },
};
