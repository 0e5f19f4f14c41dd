import type { ExecutionMode } from "../sql/analyze.js";
import type { StatementFacts } from "../sql/classify.js";
import type { HistoryTable } from "../store/history.js";
import type { Node, RelName } from "./ast.js";
import type { Schema } from "./schema.js";

export type Severity = "error" | "warning";
/** What a config may set a rule to. */
export type RuleSetting = Severity | "off";

/** One problem in one statement. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** One line: what this statement does wrong. */
  readonly message: string;
  readonly file: string;
  /** 1-based, in the file (not the section). */
  readonly line: number;
  readonly column: number;
  /** `20240101120000_add_index`, when the statement belongs to a migration. */
  readonly migration?: string;
  /** The lock the statement takes and what it blocks. */
  readonly lock?: string;
  /** Why it matters for a running application. */
  readonly why: string;
  /** The safe rewrite. */
  readonly fix: string;
  /** The statement as written. */
  readonly statement: string;
  /** Numbered lines around the statement with a caret. */
  readonly frame: string;
}

/** What a rule returns for a statement it objects to. */
export interface Hit {
  readonly message: string;
  /** Byte `location` of the AST node to point at (default: the statement start). */
  readonly location?: number;
  /** Overrides the rule's general text for this case. */
  readonly lock?: string;
  readonly why?: string;
  readonly fix?: string;
}

/** A statement as the linter sees it. */
export interface LintStatement {
  readonly kind: string;
  readonly node: Node;
  readonly text: string;
  /** Character offsets in the script text. */
  readonly start: number;
  readonly end: number;
  readonly facts: StatementFacts;
  /** Found inside a `DO` block (runs when the migration runs). */
  readonly embedded: boolean;
}

/** What a rule knows when it looks at a statement. */
export interface RuleContext {
  /** Target PostgreSQL major version, e.g. 15. */
  readonly pgVersion: number;
  /** Number of the migration being linted in this run (as in `Where.migration`). */
  readonly migration: number;
  /** The schema before this statement: earlier migrations and earlier statements of this one. */
  readonly schema: Schema;
  /** How the runner will run this migration. */
  readonly mode: ExecutionMode;
  /** Inside a BEGIN ... COMMIT block written in the file. */
  readonly inUserTransaction: boolean;
  /** Statements with the same number run in one transaction. */
  readonly transaction: number;
  /** `lock_timeout` in force when the statement runs (0: none, waits forever). */
  readonly lockTimeoutMs: number;
  /** The runner's `lock_timeout` setting (`ddlLockTimeout`); 0 = off. */
  readonly runnerLockTimeoutMs: number;
  readonly history: HistoryTable;
  /** The script's top-level statements, in order (DO block contents are not listed). */
  readonly statements: readonly LintStatement[];
  /** Position of the statement (for one inside a DO block: of the block) in `statements`. */
  readonly index: number;
  /**
   * Top-level statements of the migrations after this one in the folder
   * (parsed on first call; empty when linting a single script).
   */
  later(): readonly LintStatement[];
  /**
   * Whether the relation was created by the migration being linted: new
   * tables are empty and no running code uses them, so locks on them are harmless.
   */
  isNew(rel: RelName | undefined): boolean;
  /** True the first time `key` is asked in this migration (one finding per migration). */
  once(key: string): boolean;
}

/** A lint rule: one file in `src/lint/rules/`. */
export interface Rule {
  /** kebab-case id used in config and ignore comments. */
  readonly id: string;
  readonly severity: Severity;
  /** Statement kinds it looks at (`AlterTableStmt`...); absent: every statement. */
  readonly kinds?: readonly string[];
  /** One line for listings. */
  readonly summary: string;
  /** The lock the flagged statements take. */
  readonly lock: string;
  /** Why it matters to a running application. */
  readonly why: string;
  /** The safe rewrite. */
  readonly fix: string;
  check(statement: LintStatement, ctx: RuleContext): Hit | readonly Hit[] | undefined;
}
