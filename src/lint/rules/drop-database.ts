import type { Rule } from "../types.js";

/** DROP DATABASE in a migration. */
export const dropDatabase: Rule = {
  id: "drop-database",
  severity: "error",
  kinds: ["DropdbStmt"],
  summary: "DROP DATABASE",
  lock: "an exclusive lock on the database: it fails while anyone is connected (WITH (FORCE) disconnects them)",
  why: "Every table, row and object of the database is gone, for good, and not as part of any transaction: a rollback does not bring it back. A migration replayed against the wrong target (a connection string mix-up, CI against production) destroys it.",
  fix: "Do not drop databases from migrations. Manage databases outside them (infrastructure code, or `pitstop db drop` for development databases).",
  check(s) {
    const name = typeof s.node.dbname === "string" ? ` ${s.node.dbname}` : "";
    return { message: `DROP DATABASE${name} destroys the whole database, outside any transaction` };
  },
};
