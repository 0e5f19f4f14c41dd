import { relName } from "../ast.js";
import { LOCKS, q } from "../helpers.js";
import type { Rule } from "../types.js";

/** Renaming a table breaks the application version that is running while the migration ships. */
export const renameTable: Rule = {
  id: "rename-table",
  severity: "error",
  kinds: ["RenameStmt"],
  summary: "RENAME of an existing table",
  lock: "ACCESS EXCLUSIVE on the table (brief)",
  why: "The running application version still queries the old name; every such query fails from the moment the rename commits until the last old instance is gone.",
  fix: "Rename it and leave a view under the old name for the running version (a simple view is updatable), then drop the view in a later release:\n  ALTER TABLE old_name RENAME TO new_name;\n  CREATE VIEW old_name AS SELECT * FROM new_name;",
  check(s, ctx) {
    if (s.kind !== "RenameStmt" || s.node.renameType !== "OBJECT_TABLE") return undefined;
    const rel = relName(s.node.relation);
    if (ctx.isNew(rel)) return undefined;
    const to = s.node.newname as string;
    return {
      message: `renaming table ${q(rel)} to ${q(to)} breaks the running app, which still uses the old name`,
      lock: LOCKS.accessExclusive(q(rel)),
      fix: `Leave a view under the old name for the running version, and drop it in a later release:\n  ALTER TABLE ${rel!.name} RENAME TO ${to};\n  CREATE VIEW ${rel!.name} AS SELECT * FROM ${to};`,
    };
  },
};
