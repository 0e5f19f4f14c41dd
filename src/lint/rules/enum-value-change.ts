import { displayName, list, qualified, relName, strings, unwrap } from "../ast.js";
import { q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** Renaming or removing an enum value breaks code and rows that use the old value. */
export const enumValueChange: Rule = {
  id: "enum-value-change",
  severity: "error",
  kinds: ["AlterEnumStmt", "DeleteStmt", "UpdateStmt", "DropStmt"],
  summary:
    "enum value renamed or removed (RENAME VALUE, writes to pg_enum, DROP TYPE of an enum in use)",
  lock: "the type's catalog rows (and whatever the change does to tables using it)",
  why: "The running application still writes and compares the old label: every such query fails once it is gone. PostgreSQL has no way to remove an enum value; editing pg_enum directly leaves rows holding a value the type no longer has, which breaks reading them and their indexes. Adding a value (ALTER TYPE ... ADD VALUE) is safe.",
  fix: "Add the new value, move the application and the rows to it, and keep the old value (unused) in the type; or replace the enum with a lookup table or a text column with a CHECK constraint, which can change without rewriting.",
  check(s, ctx) {
    if (s.kind === "AlterEnumStmt" && typeof s.node.oldVal === "string") {
      const names = strings(s.node.typeName);
      const e = ctx.schema.enumType(names);
      if (e && e.created.migration === ctx.migration) return undefined;
      return {
        message: `renaming value '${s.node.oldVal}' of enum ${q(qualified(names))} to '${s.node.newVal}' breaks code and queries that still use '${s.node.oldVal}'`,
      };
    }
    if ((s.kind === "DeleteStmt" || s.kind === "UpdateStmt") && isPgEnum(s.node.relation))
      return {
        message: `${s.kind === "DeleteStmt" ? "DELETE FROM" : "UPDATE"} pg_enum edits enum values behind PostgreSQL's back: rows holding a removed value become unreadable`,
      };
    if (s.kind === "DropStmt" && s.node.removeType === "OBJECT_TYPE") {
      const hits: Hit[] = [];
      for (const o of list(s.node.objects)) {
        const names = strings(unwrap(o, "TypeName")?.names);
        const e = ctx.schema.enumType(names);
        if (!e || e.created.migration === ctx.migration) continue;
        const rel = qualified(names);
        hits.push({
          message: `dropping enum ${q(rel)} removes its values${s.node.behavior === "DROP_CASCADE" ? ", and CASCADE drops every column of that type with its data" : ""}`,
          fix: `Drop it only once no column and no running code uses it, marking the intent:\n  -- pitstop-lint-ignore enum-value-change: replaced by ${rel ? displayName(rel) : "it"}_v2\n  DROP TYPE ${rel ? displayName(rel) : "..."};`,
        });
      }
      return hits;
    }
    return undefined;
  },
};

function isPgEnum(relation: unknown): boolean {
  const rel = relName(relation);
  return rel?.name === "pg_enum" && (rel.schema === undefined || rel.schema === "pg_catalog");
}
