import { displayName, relName } from "../ast.js";
import { LOCKS, q } from "../helpers.js";
import { insertAfterKeyword } from "../rewrite.js";
import type { Rule } from "../types.js";

/** REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks every read of the view. */
export const refreshMaterializedView: Rule = {
  id: "refresh-materialized-view",
  severity: "error",
  kinds: ["RefreshMatViewStmt"],
  summary: "REFRESH MATERIALIZED VIEW without CONCURRENTLY on an existing view",
  lock: "ACCESS EXCLUSIVE on the view while its query runs: every read of it waits",
  why: "A plain refresh re-runs the view's query and swaps the result in while holding the view's strongest lock, so every query that reads the view waits for the whole refresh. CONCURRENTLY computes the new rows beside the old ones under EXCLUSIVE, which lets reads go on.",
  fix: "REFRESH MATERIALIZED VIEW CONCURRENTLY v; (the view needs a UNIQUE index over all its rows: CREATE UNIQUE INDEX CONCURRENTLY ... first).",
  check(s, ctx) {
    const rel = relName(s.node.relation);
    if (s.node.concurrent || s.node.skipData || !rel || ctx.isNew(rel)) return undefined;
    const rewritten = insertAfterKeyword(s.text, "view", "CONCURRENTLY");
    return {
      message: `REFRESH MATERIALIZED VIEW ${displayName(rel)} without CONCURRENTLY blocks every read of ${q(rel)} while it runs`,
      lock: LOCKS.accessExclusive(q(rel)),
      ...(rewritten
        ? {
            fix: `Refresh concurrently (reads go on; the view needs a UNIQUE index over all its rows, built CONCURRENTLY first):\n  ${rewritten.trim()};`,
          }
        : {}),
    };
  },
};
