import { relName } from "../ast.js";
import { LOCKS, q } from "../helpers.js";
import type { Rule } from "../types.js";

/** Renaming a column breaks the application version that is running while the migration ships. */
export const renameColumn: Rule = {
  id: "rename-column",
  severity: "error",
  kinds: ["RenameStmt"],
  summary: "RENAME COLUMN on an existing table",
  lock: "ACCESS EXCLUSIVE on the table (brief)",
  why: "Migrations run before (or while) the new application version rolls out: the running version still reads and writes the old name, and every such query fails from the moment the rename commits until the last old instance is gone.",
  fix: "Expand and contract, over several releases: add the new column, write both (application or trigger), backfill, switch reads to the new column, and drop the old one once no running version uses it.",
  check(s, ctx) {
    if (s.kind !== "RenameStmt" || s.node.renameType !== "OBJECT_COLUMN") return undefined;
    if (s.node.relationType !== "OBJECT_TABLE") return undefined;
    const rel = relName(s.node.relation);
    if (ctx.isNew(rel)) return undefined;
    return {
      message: `renaming column ${q(s.node.subname as string)} of ${q(rel)} to ${q(s.node.newname as string)} breaks the running app, which still uses the old name`,
      lock: LOCKS.accessExclusive(q(rel)),
    };
  },
};
