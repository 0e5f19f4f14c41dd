/** One statement of a plan. */
export interface PlanStatement {
  /** The SQL, without the trailing semicolon. */
  readonly sql: string;
  /** Loses data (or can): dropping a table or column, narrowing a type, removing enum values. */
  readonly destructive?: true;
  /** Why it is destructive, e.g. `drops column users.email and its data`. */
  readonly note?: string;
}

/** What `diff()` returns: the statements in the order to run them, and what it could not do well. */
export interface Plan {
  readonly statements: readonly PlanStatement[];
  /** Changes that need a human (a column added in the middle, a value in use...). */
  readonly warnings: readonly string[];
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
      return `${note}${s.sql};`;
    })
    .join("\n");
}
