import { displayName, relName } from "../ast.js";
import { q } from "../helpers.js";
import type { Rule } from "../types.js";

/** UPDATE or DELETE of every row of an existing table in one statement. */
export const dataChangeWithoutWhere: Rule = {
  id: "data-change-without-where",
  severity: "warning",
  kinds: ["UpdateStmt", "DeleteStmt"],
  summary: "UPDATE or DELETE without WHERE on an existing table",
  lock: "ROW EXCLUSIVE on the table and a row lock on every row, until the migration commits: writes of any row wait",
  why: "One statement touches every row of the table in one transaction: every concurrent write of any row waits for the migration to commit, the table and its indexes gain a dead copy of every row (bloat, a long autovacuum), and replicas lag. On the empty development database it takes no time; on production it may take minutes.",
  fix: "Change the rows in batches, each its own transaction, outside the migration (or in migrations of their own):\n  UPDATE t SET c = ... WHERE id BETWEEN 1 AND 10000;\nIf the table is small by design, say so:\n  -- pitstop-lint-ignore data-change-without-where: settings table, one row",
  check(s, ctx) {
    const rel = relName(s.node.relation);
    if (!rel || ctx.isNew(rel) || s.node.whereClause !== undefined) return undefined;
    // `UPDATE ... FROM other` / `DELETE ... USING other` join, so they are bounded by it.
    if (s.node.fromClause !== undefined || s.node.usingClause !== undefined) return undefined;
    const verb = s.kind === "UpdateStmt" ? "UPDATE" : "DELETE";
    return {
      message: `${verb} ${q(rel)} without WHERE changes every row in one transaction`,
      fix: `Change the rows in batches, each its own transaction, outside the migration (or in migrations of their own):\n  ${s.text.trim()}\n    WHERE id BETWEEN 1 AND 10000;  -- then the next 10000...\nIf ${displayName(rel)} is small by design, say so:\n  -- pitstop-lint-ignore data-change-without-where: <why it is small>`,
    };
  },
};
