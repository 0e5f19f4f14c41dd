import type { SqlScript } from "../core/migration.js";
import { classify, type StatementFacts } from "./classify.js";
import { type SqlStatement, splitScript } from "./split.js";

export interface AnalyzedStatement extends SqlStatement {
  readonly facts: StatementFacts;
}

export type ExecutionMode =
  /** The whole script and its history row in one transaction, sent in one round trip. */
  | "batch"
  /** One transaction, statements sent one by one (COPY data needs its own call). */
  | "transaction"
  /** No transaction: statement by statement, progress recorded after each. */
  | "steps";

export interface AnalyzedScript {
  readonly statements: readonly AnalyzedStatement[];
  readonly mode: ExecutionMode;
  /** Why the script runs outside a transaction. */
  readonly reason: string | undefined;
}

/** Splits and classifies a SQL script. The parser must be loaded. */
export function analyzeScript(script: SqlScript, serverVersion: number): AnalyzedScript {
  const { statements } = splitScript(script);
  const analyzed = statements.map((s) => ({ ...s, facts: classify(s, serverVersion) }));
  const blocker = analyzed.find((s) => !s.facts.transactional);
  const control = analyzed.find((s) => s.facts.transactionControl);
  if (script.transaction === false) {
    return {
      statements: analyzed,
      mode: "steps",
      reason: "the file asks for no transaction",
    };
  }
  if (blocker) {
    return { statements: analyzed, mode: "steps", reason: blocker.facts.reason };
  }
  if (control) {
    return {
      statements: analyzed,
      mode: "steps",
      reason: "the file manages its own transactions",
    };
  }
  const hasCopy = analyzed.some((s) => s.copyData !== undefined);
  return {
    statements: analyzed,
    mode: hasCopy ? "transaction" : "batch",
    reason: undefined,
  };
}
