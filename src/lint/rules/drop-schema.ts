import { list, stringConst } from "../ast.js";
import { q } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** Dropping a schema drops everything in it (with CASCADE) and breaks code that uses it. */
export const dropSchema: Rule = {
  id: "drop-schema",
  severity: "error",
  kinds: ["DropStmt"],
  summary: "DROP SCHEMA of an existing schema",
  lock: "ACCESS EXCLUSIVE on every table in it",
  why: "With CASCADE every table, view, function and type in the schema is dropped with its data; without it the statement fails unless the schema is empty. Code that still uses the schema breaks.",
  fix: "Move or drop what is in it deliberately, one object at a time, after the application stopped using it; then drop the empty schema without CASCADE.",
  check(s, ctx) {
    if (s.kind !== "DropStmt" || s.node.removeType !== "OBJECT_SCHEMA") return undefined;
    const hits: Hit[] = [];
    for (const o of list(s.node.objects)) {
      const name = stringConst(o);
      if (!name || ctx.schema.schemaCreated(name)?.migration === ctx.migration) continue;
      hits.push({
        message:
          s.node.behavior === "DROP_CASCADE"
            ? `DROP SCHEMA ${q(name)} CASCADE deletes every table in it, with its data`
            : `dropping schema ${q(name)} breaks code that still uses it`,
      });
    }
    return hits;
  },
};
