import { columnType, formatType } from "../column-type.js";
import { columnConstraints, columnDefinitions, q, typeLocation } from "../helpers.js";
import type { Hit, Rule } from "../types.js";

/** A 32-bit (or 16-bit) key runs out. */
export const preferBigint: Rule = {
  id: "prefer-bigint",
  severity: "warning",
  kinds: ["CreateStmt", "AlterTableStmt"],
  summary: "integer or smallint primary key, identity or serial column",
  lock: "none (a type choice); changing it later rewrites the table",
  why: "A key of type integer runs out at 2,147,483,647 (smallint at 32,767); when it does, inserts fail, and changing the column type of a large table rewrites it under ACCESS EXCLUSIVE (and every foreign key pointing at it). bigint costs 4 more bytes a row.",
  fix: "Use bigint for keys and identities:\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
  check(s) {
    const hits: Hit[] = [];
    for (const { def, column } of columnDefinitions(s.kind, s.node)) {
      const type = columnType(def.typeName);
      if (!type || (type.name !== "int4" && type.name !== "int2") || type.array) continue;
      const key =
        type.serial ||
        columnConstraints(def).some(
          (c) => c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_IDENTITY",
        );
      if (!key) continue;
      hits.push({
        message: `column ${q(column)} is ${formatType(type)}: a key that keeps growing runs out (bigint does not)`,
        ...typeLocation(def),
      });
    }
    return hits;
  },
};
