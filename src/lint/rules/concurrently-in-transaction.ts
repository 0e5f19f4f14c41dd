import type { Rule } from "../types.js";

/** A statement that cannot run in a transaction block, written between the file's own BEGIN and COMMIT. */
export const concurrentlyInTransaction: Rule = {
  id: "concurrently-in-transaction",
  severity: "error",
  summary:
    "CONCURRENTLY (or another statement that refuses a transaction) inside the file's own BEGIN ... COMMIT",
  lock: "none taken: PostgreSQL refuses the statement",
  why: "CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM and a few others cannot run inside a transaction block. Between the file's own BEGIN and COMMIT the statement fails when the migration runs, after the statements before the BEGIN were applied.",
  fix: "Move it out of the BEGIN ... COMMIT block; pitstop already runs a migration with such a statement outside a transaction, statement by statement, recording progress after each one. Better still, give it a migration of its own.",
  check(s, ctx) {
    if (s.facts.transactional || !ctx.inUserTransaction) return undefined;
    return {
      message: `${s.facts.reason ?? "this statement"} cannot run inside the BEGIN ... COMMIT block written in this file`,
    };
  },
};
