import { displayName, type RelName } from "../ast.js";
import { alteredTable, alterTableCommands, q } from "../helpers.js";
import { alterTableBody } from "../rewrite.js";
import type { LintStatement, Rule } from "../types.js";

/**
 * Commands that one ALTER TABLE can carry side by side. Not the steps of the
 * online recipes, which must stay apart: VALIDATE CONSTRAINT (a weaker lock
 * of its own), SET NOT NULL and the DROP CONSTRAINT of the proof after it
 * (dropped in the same statement, the proof would be gone before the check).
 * ADD CONSTRAINT is left alone too: NOT VALID or USING INDEX, it is a step of
 * those recipes (what `pitstop diff` writes); otherwise another rule asks
 * for it to be rewritten first.
 */
const COMBINABLE = new Set([
  "AT_AddColumn",
  "AT_DropColumn",
  "AT_ColumnDefault",
  "AT_DropNotNull",
  "AT_AlterColumnType",
  "AT_SetStatistics",
  "AT_SetStorage",
  "AT_SetCompression",
  "AT_SetRelOptions",
  "AT_ResetRelOptions",
]);

/** Several ALTER TABLE statements on one existing table in one migration. */
export const combineAlters: Rule = {
  id: "combine-alters",
  severity: "warning",
  kinds: ["AlterTableStmt"],
  summary: "several ALTER TABLE statements on one existing table in one migration",
  lock: "ACCESS EXCLUSIVE on the table, taken by each statement (again after each commit when the migration runs statement by statement)",
  why: "Each ALTER TABLE takes the table's strongest lock, and each one that rewrites or scans the table does so on its own. Run statement by statement, every one queues again behind the running queries, blocking every query that arrives after it. One ALTER TABLE with the changes separated by commas takes the lock once and makes one pass.",
  fix: "Combine them into one statement:\n  ALTER TABLE t\n    ADD COLUMN a text,\n    ADD COLUMN b text;",
  check(s, ctx) {
    const rel = alteredTable(s.node);
    if (!rel || !combinable(s) || ctx.isNew(rel)) return undefined;
    const positions = combinableAlters(ctx.statements).get(tableKey(rel)) ?? [];
    if (positions[0] === undefined || positions[0] >= ctx.index) return undefined;
    const key = `combine-alters:${tableKey(rel)}`;
    if (!ctx.once(key)) return undefined;
    const all = positions.map((i) => ctx.statements[i]!);
    const bodies = all.map((t) => alterTableBody(t.text));
    const combined = bodies.every((b) => b !== undefined)
      ? `Combine them into one statement:\n  ALTER TABLE ${displayName(rel)}\n${bodies.map((b) => `    ${b!.replace(/\n/g, "\n    ")}`).join(",\n")};`
      : undefined;
    return {
      message: `${all.length} ALTER TABLE statements on ${q(rel)} in this migration: each takes ACCESS EXCLUSIVE on it${ctx.mode === "steps" && !ctx.inUserTransaction ? " anew" : ""}; one statement would take it once`,
      ...(combined ? { fix: combined } : {}),
    };
  },
};

function combinable(s: LintStatement): boolean {
  if (s.embedded) return false;
  const commands = alterTableCommands(s.kind, s.node);
  return commands.length > 0 && commands.every((c) => COMBINABLE.has(c.subtype));
}

function tableKey(rel: RelName): string {
  return `${rel.schema ?? ""}.${rel.name}`;
}

// Per script: positions of its combinable ALTER TABLEs by table (one pass, not one per statement).
const byScript = new WeakMap<readonly LintStatement[], Map<string, number[]>>();

function combinableAlters(statements: readonly LintStatement[]): Map<string, number[]> {
  let map = byScript.get(statements);
  if (!map) {
    map = new Map();
    statements.forEach((t, i) => {
      const rel = t.kind === "AlterTableStmt" ? alteredTable(t.node) : undefined;
      if (!rel || !combinable(t)) return;
      const k = tableKey(rel);
      const list = map!.get(k);
      if (list) list.push(i);
      else map!.set(k, [i]);
    });
    byScript.set(statements, map);
  }
  return map;
}
