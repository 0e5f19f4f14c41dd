import type { Rule } from "../types.js";

/** A BEGIN written in the file with no COMMIT or ROLLBACK after it. */
export const unclosedTransaction: Rule = {
  id: "unclosed-transaction",
  severity: "error",
  kinds: ["TransactionStmt"],
  summary: "BEGIN with no COMMIT or ROLLBACK after it in the file",
  lock: "every lock taken after the BEGIN, held until the session ends",
  why: "A migration that opens a transaction and never ends it leaves its locks held and its changes uncommitted: on a pooled or reused connection the next statements run inside it, and when the session closes everything after the BEGIN is rolled back although pitstop recorded the migration.",
  fix: "End the block with COMMIT; or remove the BEGIN: pitstop already runs each migration in a transaction of its own.",
  check(s, ctx) {
    if (s.facts.transactionControl !== "begin") return undefined;
    const ended = ctx.statements
      .slice(ctx.index + 1)
      .some(
        (t) => t.facts.transactionControl === "commit" || t.facts.transactionControl === "rollback",
      );
    if (ended) return undefined;
    return { message: "this BEGIN is never committed or rolled back in the file" };
  },
};
