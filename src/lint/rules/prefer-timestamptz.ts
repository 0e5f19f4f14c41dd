import { columnType } from "../column-type.js";
import { columnDefinitions, q, typeLocation } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** timestamp without time zone stores a wall-clock reading, not a moment. */
export const preferTimestamptz: Rule = {
  id: "prefer-timestamptz",
  severity: "warning",
  kinds: ["CreateStmt", "AlterTableStmt"],
  summary: "timestamp (without time zone) column",
  lock: "none (a type choice); converting later rewrites the table",
  why: "timestamp stores the wall-clock reading with no zone: the same value means different moments for servers or clients in different zones, and daylight-saving changes make some readings ambiguous. timestamptz stores a moment (UTC) and converts for each session; both take 8 bytes.",
  fix: "  created_at timestamptz NOT NULL DEFAULT now()",
  check(s) {
    const hits: Hit[] = [];
    for (const { def, column } of columnDefinitions(s.kind, s.node)) {
      if (columnType(def.typeName)?.name !== "timestamp") continue;
      hits.push({
        message: `column ${q(column)} is timestamp without time zone: use timestamptz`,
        fix: `  ${column} timestamptz`,
        ...typeLocation(def),
      });
    }
    return hits;
  },
};
