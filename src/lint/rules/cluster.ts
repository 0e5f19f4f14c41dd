import { relName } from "../ast.js";
import { LOCKS, q } from "../helpers.js";
import type { Rule } from "../types.js";

/** CLUSTER rewrites the table in index order under ACCESS EXCLUSIVE. */
export const cluster: Rule = {
  id: "cluster",
  severity: "error",
  kinds: ["ClusterStmt"],
  summary: "CLUSTER of an existing table (or of every clustered table)",
  lock: "ACCESS EXCLUSIVE on the table while it is rewritten in index order: no reads, no writes",
  why: "CLUSTER writes a new copy of the table sorted by an index, and rebuilds every index, holding the table's strongest lock throughout. Without a table it re-clusters every table clustered before.",
  fix: "Reorder online with pg_repack (`pg_repack --table t --order-by c`) outside the migrations, or accept the order rows arrive in.",
  check(s, ctx) {
    const rel = relName(s.node.relation);
    if (rel && ctx.isNew(rel)) return undefined;
    const what = rel ? q(rel) : "every clustered table";
    return {
      message: `CLUSTER rewrites ${what} under ACCESS EXCLUSIVE`,
      lock: LOCKS.accessExclusive(what),
    };
  },
};
