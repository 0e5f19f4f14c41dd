import { alteredTable, alterTableCommands, LOCKS, q } from "../helpers.js";
import type { Rule } from "../types.js";

/** SET LOGGED / SET UNLOGGED rewrite the table under ACCESS EXCLUSIVE. */
export const setLogged: Rule = {
  id: "set-logged",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "ALTER TABLE ... SET LOGGED or SET UNLOGGED on an existing table",
  lock: "ACCESS EXCLUSIVE on the table while it is rewritten: no reads, no writes",
  why: "Switching a table between logged and unlogged writes a new copy of it and its indexes (SET LOGGED also writes all of it to the WAL, which replicas must replay) under the table's strongest lock. An unlogged table is emptied after a crash and does not reach replicas.",
  fix: "Decide when the table is created (CREATE UNLOGGED TABLE). To switch a large table online, create a new table of the kind wanted, copy the rows in batches, and swap the names in one short transaction.",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    if (ctx.isNew(rel)) return undefined;
    const hit = alterTableCommands(s.kind, s.node).find(
      (c) => c.subtype === "AT_SetLogged" || c.subtype === "AT_SetUnLogged",
    );
    if (!hit) return undefined;
    const what = hit.subtype === "AT_SetLogged" ? "SET LOGGED" : "SET UNLOGGED";
    return {
      message: `${what} rewrites ${q(rel)} and its indexes under ACCESS EXCLUSIVE`,
      lock: LOCKS.accessExclusive(q(rel)),
    };
  },
};
