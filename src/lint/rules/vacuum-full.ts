import { displayName, list, relName, unwrap } from "../ast.js";
import { LOCKS, q } from "../helpers.js";
import type { Rule } from "../types.js";

/** VACUUM FULL rewrites the table under ACCESS EXCLUSIVE. */
export const vacuumFull: Rule = {
  id: "vacuum-full",
  severity: "error",
  kinds: ["VacuumStmt"],
  summary: "VACUUM FULL (of an existing table, or of the whole database)",
  lock: "ACCESS EXCLUSIVE on each table while it is rewritten: no reads, no writes",
  why: "VACUUM FULL writes a new copy of the table and its indexes, holding the table's strongest lock throughout, and needs room for both copies on disk. Without a table it does so for every table of the database, one after another.",
  fix: "Plain VACUUM (or autovacuum) reclaims space for reuse without blocking. To shrink a bloated table online, use pg_repack or pg_squeeze, outside the migrations.",
  check(s, ctx) {
    const full = list(s.node.options).some((o) => unwrap(o, "DefElem")?.defname === "full");
    if (!full || !s.node.is_vacuumcmd) return undefined;
    const rels = list(s.node.rels).map((r) => relName(unwrap(r, "VacuumRelation")?.relation));
    const existing = rels.filter((r) => r && !ctx.isNew(r));
    if (rels.length > 0 && existing.length === 0) return undefined;
    const what = existing.length > 0 ? existing.map((r) => q(r)).join(", ") : "every table";
    return {
      message: `VACUUM FULL rewrites ${what} under ACCESS EXCLUSIVE`,
      lock: LOCKS.accessExclusive(what),
      fix: `Run plain VACUUM instead (space is reused, nothing is blocked)${existing.length > 0 ? `:\n  VACUUM ${existing.map((r) => displayName(r!)).join(", ")};` : "."}\nTo shrink a bloated table online, use pg_repack or pg_squeeze outside the migrations.`,
    };
  },
};
