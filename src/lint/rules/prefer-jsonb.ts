import { columnType } from "../column-type.js";
import { columnDefinitions, q, typeLocation } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** json keeps the text; jsonb is what can be indexed and compared. */
export const preferJsonb: Rule = {
  id: "prefer-jsonb",
  severity: "warning",
  kinds: ["CreateStmt", "AlterTableStmt"],
  summary: "json column",
  lock: "none (a type choice); converting later rewrites the table",
  why: "json stores the text as given and re-parses it on every access; it has no equality operator (so no DISTINCT, GROUP BY or UNIQUE) and no GIN indexing. jsonb is parsed once, indexable and comparable. Keep json only to preserve key order or duplicate keys.",
  fix: "  payload jsonb NOT NULL",
  check(s) {
    const hits: Hit[] = [];
    for (const { def, column } of columnDefinitions(s.kind, s.node)) {
      if (columnType(def.typeName)?.name !== "json") continue;
      hits.push({
        message: `column ${q(column)} is json: use jsonb`,
        fix: `  ${column} jsonb`,
        ...typeLocation(def),
      });
    }
    return hits;
  },
};
