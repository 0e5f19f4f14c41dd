import { alteredTable, alterTableCommands, LOCKS, q } from "../helpers.js";
import type { Rule } from "../types.js";

/** ALTER TABLE ... SET TABLESPACE copies the table's files under ACCESS EXCLUSIVE. */
export const setTablespace: Rule = {
  id: "set-tablespace",
  severity: "error",
  kinds: ["AlterTableStmt"],
  summary: "ALTER TABLE ... SET TABLESPACE on an existing table",
  lock: "ACCESS EXCLUSIVE on the table while its files are copied: no reads, no writes",
  why: "Moving a table to another tablespace copies every block of it (its indexes are moved by their own statements) while holding the table's strongest lock: minutes for a large table.",
  fix: "Move it online with pg_repack (`pg_repack --table t --tablespace ts`), outside the migrations; or create new tables in the tablespace from the start (default_tablespace).",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    if (ctx.isNew(rel)) return undefined;
    const hit = alterTableCommands(s.kind, s.node).find((c) => c.subtype === "AT_SetTableSpace");
    if (!hit) return undefined;
    return {
      message: `SET TABLESPACE ${String(hit.cmd.name)} copies ${q(rel)} under ACCESS EXCLUSIVE`,
      lock: LOCKS.accessExclusive(q(rel)),
    };
  },
};
