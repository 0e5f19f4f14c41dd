import { columnType, formatType } from "../column-type.js";
import { columnDefinitions, q, typeLocation } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** varchar(n) and char(n) put a limit in the type, where changing it is costly. */
export const preferText: Rule = {
  id: "prefer-text",
  severity: "warning",
  kinds: ["CreateStmt", "AlterTableStmt"],
  summary: "varchar(n) or char(n) column",
  lock: "none (a type choice); lowering the limit later rewrites the table",
  why: "In PostgreSQL text and varchar are stored the same way; the (n) is a constraint in disguise. Raising it later is instant, but lowering it rewrites the table under ACCESS EXCLUSIVE. char(n) pads with spaces and compares in surprising ways. A CHECK constraint states the limit and can be changed without a rewrite (NOT VALID, then VALIDATE).",
  fix: "  name text NOT NULL CHECK (char_length(name) <= 200)",
  check(s) {
    const hits: Hit[] = [];
    for (const { def, column } of columnDefinitions(s.kind, s.node)) {
      const type = columnType(def.typeName);
      if (!type) continue;
      const limited = (type.name === "varchar" && type.mods.length > 0) || type.name === "bpchar";
      if (!limited) continue;
      hits.push({
        message: `column ${q(column)} is ${formatType(type)}: use text (with a CHECK on its length if the limit matters)`,
        fix: `text, with the limit in a CHECK that can change without a rewrite:\n  ${column} text CHECK (char_length(${column}) <= ${type.mods[0] ?? 1})`,
        ...typeLocation(def),
      });
    }
    return hits;
  },
};
