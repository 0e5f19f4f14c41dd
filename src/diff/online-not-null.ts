/** SET NOT NULL on a table that holds rows, proven first by a check validated without blocking. */
import { quoteIdent } from "../inspect/ident.js";
import type { Recipe } from "./online-context.js";
import { identifier, onlyCommand } from "./online-context.js";

/**
 * `SET NOT NULL` scans the table under ACCESS EXCLUSIVE, unless a valid
 * `CHECK (c IS NOT NULL)` proves it (PostgreSQL 12+). So: add the check NOT
 * VALID, validate it (reads and writes go on), SET NOT NULL (no scan), drop
 * the check.
 *
 * @example
 * // ALTER TABLE users ALTER COLUMN email SET NOT NULL
 * // -> ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;
 * //    ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;
 * //    ALTER TABLE users ALTER COLUMN email SET NOT NULL;
 * //    ALTER TABLE users DROP CONSTRAINT users_email_not_null_check
 */
export const setNotNullByCheck: Recipe = (s, ctx) => {
  const only = onlyCommand(s);
  if (only?.subtype !== "AT_SetNotNull" || typeof only.cmd.name !== "string") return undefined;
  const rel = ctx.relation(s.node.relation);
  // On a partitioned table the check reaches every partition, and each SET NOT NULL uses it.
  if (!rel?.existing) return undefined;
  const column = only.cmd.name;
  // Not `<table>_<column>_not_null`: PostgreSQL 18 gives that name to the NOT NULL constraint itself.
  const check = quoteIdent(identifier(`${rel.name}_${column}_not_null_check`));
  return {
    statements: [
      {
        sql: `ALTER TABLE ${rel.sql} ADD CONSTRAINT ${check} CHECK (${quoteIdent(column)} IS NOT NULL) NOT VALID`,
      },
      { sql: `ALTER TABLE ${rel.sql} VALIDATE CONSTRAINT ${check}` },
      s.statement,
      { sql: `ALTER TABLE ${rel.sql} DROP CONSTRAINT ${check}` },
    ],
    separate: true,
  };
};
