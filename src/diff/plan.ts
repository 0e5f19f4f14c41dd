/** One statement of a plan. */
export interface PlanStatement {
  /** The SQL, without the trailing semicolon. */
  readonly sql: string;
  /** Loses data (or can): dropping a table or column, narrowing a type, removing enum values. */
  readonly destructive?: true;
  /** Why it is destructive, e.g. `drops column users.email and its data`. */
  readonly note?: string;
  /**
   * Written above the statement in a migration file: why it locks or
   * rewrites a table that has no online form, and the recipe to do instead.
   */
  readonly comment?: string;
  /** The lock it takes on a table that already exists, e.g. `ACCESS EXCLUSIVE on users (rewrites it)`. */
  readonly lock?: string;
}

/** What `diff()` returns: the statements in the order to run them, and what it could not do well. */
export interface Plan {
  readonly statements: readonly PlanStatement[];
  /** Changes that need a human (a column added in the middle, a value in use...). */
  readonly warnings: readonly string[];
  /**
   * The statements must not run in one transaction (CONCURRENTLY, or
   * VALIDATE after ADD ... NOT VALID): a migration file marks its section
   * `no-transaction`, and the runner runs it statement by statement,
   * recording progress after each.
   */
  readonly noTransaction?: true;
}

/**
 * The plan as a script, destructive statements preceded by a comment saying why.
 *
 * @example
 * writeFileSync("plan.sql", planToSql(diff(current, desired)));
 */
export function planToSql(plan: Plan, options: { annotate?: boolean } = {}): string {
  const annotate = options.annotate ?? true;
  return plan.statements
    .map((s) => {
      const note =
        annotate && s.destructive ? `-- pitstop: destructive: ${s.note ?? "may lose data"}\n` : "";
      return `${annotate ? commentLines(s.comment) : ""}${note}${s.sql};`;
    })
    .join("\n");
}

/** `text` as `-- ` lines (empty for none), each ending in a newline. */
export function commentLines(text: string | undefined): string {
  if (text === undefined) return "";
  return text
    .split("\n")
    .map((line) => `-- ${line}`.trimEnd())
    .join("\n")
    .concat("\n");
}
