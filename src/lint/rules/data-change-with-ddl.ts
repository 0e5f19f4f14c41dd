import { displayName, relName } from "../ast.js";
import { q } from "../helpers.js";
import type { Rule } from "../types.js";

/** UPDATE/DELETE after DDL on the same table, in one transaction: the DDL's lock is held for the whole data change. */
export const dataChangeWithDdl: Rule = {
  id: "data-change-with-ddl",
  severity: "error",
  kinds: ["UpdateStmt", "DeleteStmt"],
  summary: "UPDATE or DELETE of a table in the transaction that already ran DDL on it",
  lock: "the earlier DDL's lock (ALTER TABLE: ACCESS EXCLUSIVE; CREATE INDEX: SHARE), held until the data change commits",
  why: "Locks last until the transaction ends. After `ALTER TABLE t ADD COLUMN ...`, a backfill `UPDATE t SET ...` in the same transaction runs while the table's strongest lock is still held: every read and write of the table waits for the whole backfill, and every row it touches is locked too.",
  fix: "Commit the DDL first, and backfill in batches outside the migration (or in a later migration of its own):\n  -- this migration\n  ALTER TABLE t ADD COLUMN c text;\n  -- then, batch by batch\n  UPDATE t SET c = ... WHERE id BETWEEN 1 AND 10000;",
  check(s, ctx) {
    const rel = relName(s.node.relation);
    if (!rel || ctx.isNew(rel)) return undefined;
    const ddl = ctx.schema.lastDdl(rel);
    if (!ddl || ddl.migration !== ctx.migration || ddl.transaction !== ctx.transaction)
      return undefined;
    const verb = s.kind === "UpdateStmt" ? "UPDATE" : "DELETE";
    const t = displayName(rel);
    return {
      message: `${verb} of ${q(rel)} runs in the transaction that already ran DDL on it: the DDL's lock is held until this ${verb} commits`,
      fix: `Commit the DDL first: move this ${verb} to a migration of its own (or run it in batches outside the migrations):\n  -- next migration, or a batched job\n  ${s.text.trim()};\nA backfill of a large table is best done in batches (WHERE id BETWEEN ...), each its own transaction, so no lock is held long: ${t} stays writable throughout.`,
    };
  },
};
