import { list, relName, unwrap } from "../ast.js";
import { LOCKS, q } from "../helpers.js";
import type { Rule } from "../types.js";

/** TRUNCATE deletes every row at once; CASCADE empties the tables that reference it too. */
export const truncate: Rule = {
  id: "truncate",
  severity: "error",
  kinds: ["TruncateStmt"],
  summary: "TRUNCATE of an existing table (CASCADE: and of every table referencing it)",
  lock: "ACCESS EXCLUSIVE on each table truncated: no reads, no writes",
  why: "Every row is deleted for good, under the table's strongest lock. With CASCADE, every table with a foreign key to it is emptied as well, which the statement does not name; a migration replayed on production data does what it did on the empty development database.",
  fix: "Delete what must go with a DELETE ... WHERE in batches outside the migration, or, if emptying is really intended, name every table and mark the intent:\n  -- pitstop-lint-ignore truncate: staging table, refilled by the importer\n  TRUNCATE import_staging;",
  check(s, ctx) {
    if (s.kind !== "TruncateStmt") return undefined;
    const tables = list(s.node.relations)
      .map((r) => relName(unwrap(r, "RangeVar")))
      .filter((r) => r && !ctx.isNew(r));
    if (tables.length === 0) return undefined;
    const names = tables.map((t) => q(t)).join(", ");
    const cascade = s.node.behavior === "DROP_CASCADE";
    return {
      message: cascade
        ? `TRUNCATE ${names} CASCADE deletes every row, and every row of each table whose foreign keys point at ${tables.length > 1 ? "them" : "it"}`
        : `TRUNCATE ${names} deletes every row`,
      lock: LOCKS.accessExclusive(names),
    };
  },
};
