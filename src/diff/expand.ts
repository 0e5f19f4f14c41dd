/**
 * `pitstop diff --expand`: a type change that rewrites a table in use
 * becomes four migrations instead of one flagged statement, the way a DBA
 * changes a column of a busy table:
 *
 * 1. expand (the plan's own file): the new column `<c>_new`, a trigger that
 *    keeps it equal to the conversion of `<c>` on every write, and a NOT
 *    VALID check that will prove it complete;
 * 2. backfill: the old rows in batches, a transaction each (a `DO` block
 *    that commits), then the check validated (no write blocked) and the
 *    column's indexes built CONCURRENTLY on the new column;
 * 3. switch: one short transaction: NOT NULL (proven by the check, no
 *    scan), trigger dropped, default, sequence ownership and indexes moved,
 *    `<c>` renamed `<c>_old` and `<c>_new` renamed `<c>`;
 * 4. contract: `<c>_old` dropped, in a file of its own, to run once no
 *    deployed application reads it.
 *
 * Pure: the online plans (up and down) and the two models in, the phases out.
 */
import { objectKey, quoteIdent } from "../inspect/ident.js";
import type { SchemaModel } from "../inspect/model.js";
import { splitSql } from "../sql/split.js";
import { type ExpandColumn, expandColumn } from "./expand-column.js";
import { type FillColumn, fillColumn, fillSteps } from "./expand-fill.js";
import { backfillPhase, contractPhase, STEP, switchPhase } from "./expand-phases.js";
import {
  checkCopy,
  completenessCheck,
  dropSyncTrigger,
  indexName,
  syncTrigger,
} from "./expand-sql.js";
import { identifier, OnlineContext, type ParsedStatement } from "./online-context.js";
import { typeChange } from "./online-type.js";
import type { Plan, PlanStatement } from "./plan.js";

/** The phases in the order they run; `expand` replaces the plan's own migration. */
export const EXPAND_PHASES = ["expand", "backfill", "switch", "contract"] as const;
export type ExpandPhaseName = (typeof EXPAND_PHASES)[number];

export interface ExpandPhase {
  readonly name: ExpandPhaseName;
  readonly up: Plan;
  readonly down: Plan;
}

export interface ExpandedPlan {
  /** Four phases, or none when no column is expanded (the plan is written as one file). */
  readonly phases: readonly ExpandPhase[];
  /** The columns expanded, as `table.column`. */
  readonly columns: readonly string[];
  /** Columns that could not be expanded, and why (their change stays flagged with the recipe). */
  readonly warnings: readonly string[];
}

/**
 * The expand/contract phases of `up`/`down` (the online plans from `from`
 * to `to` and back). Call `loadParser()` first.
 *
 * @example
 * const up = onlinePlan(diff(from, to), from, to);
 * const down = onlinePlan(diff(to, from), to, from);
 * const { phases } = expandPlan(up, down, from, to);
 * for (const p of phases) writeFile(`${version++}_${name}_${p.name}.sql`, migrationText(p.up, p.down));
 */
export function expandPlan(up: Plan, down: Plan, from: SchemaModel, to: SchemaModel): ExpandedPlan {
  const ctx = new OnlineContext(from, to);
  const back = new OnlineContext(to, from);
  const columns: ExpandColumn[] = [];
  const fills: FillColumn[] = [];
  const warnings: string[] = [];
  for (const statement of up.statements) {
    if (statement.lock === undefined) continue;
    const parsed = parse(statement);
    const fill = parsed && fillColumn(parsed, ctx, from);
    if (fill) {
      fills.push(fill);
      continue;
    }
    const change = parsed && typeChange(parsed, ctx);
    if (!change?.rel.existing) {
      if (statement.comment !== undefined) warnings.push(notExpanded(statement));
      continue;
    }
    const name = change.after.name;
    const reverse = down.statements.find((s) => {
      const p = parse(s);
      const r = p && typeChange(p, back);
      return r?.rel.sql === change.rel.sql && r.after.name === name;
    });
    const result = expandColumn(
      from,
      to,
      change.rel,
      name,
      usingOf(statement.sql) ?? `${quoteIdent(name)}::${change.after.type}`,
      (reverse && usingOf(reverse)) ?? `${quoteIdent(name)}::${change.before.type}`,
    );
    const rebuilt = rebuiltType(up, change.before.deps);
    const blockers =
      "blockers" in result
        ? result.blockers
        : rebuilt !== undefined
          ? [`its type ${rebuilt} is rebuilt by the same plan`]
          : undefined;
    if (blockers === undefined) columns.push(result as ExpandColumn);
    else
      warnings.push(
        `--expand: column ${change.rel.sql}.${quoteIdent(name)} is not expanded (${blockers.join("; ")}); its type change stays one statement, flagged with the recipe`,
      );
  }
  if (columns.length === 0 && fills.length === 0) return { phases: [], columns: [], warnings };
  const keys = new Set(
    columns.map((c) => objectKey.column(c.rel.schema, c.rel.name, c.before.name)),
  );
  const fks = to.constraints.filter(
    (k) => k.type === "foreign" && k.deps?.some((d) => keys.has(d)),
  );
  const steps = fills.map((f) => ({ f, ...fillSteps(f) }));
  const expandUp = replaceColumnSteps(up, columns, ctx, (c) => expandSteps(c));
  const phases: ExpandPhase[] = [
    {
      name: "expand",
      up: {
        ...expandUp,
        statements: expandUp.statements.flatMap(
          (s) => steps.find((x) => x.f.statement === s)?.expand ?? [s],
        ),
      },
      down: replaceColumnSteps(down, columns, back, (c) => expandUndo(c)),
    },
  ];
  const backfill = columns.length > 0 ? backfillPhase(columns) : undefined;
  phases.push({
    name: "backfill",
    up: {
      statements: [...(backfill?.up.statements ?? []), ...steps.flatMap((x) => x.backfillUp)],
      warnings: [],
      noTransaction: true,
    },
    down: withSteps(
      backfill?.down,
      steps.flatMap((x) => x.backfillDown),
    ),
  });
  const switchUp = steps.flatMap((x) => x.switchUp);
  if (columns.length > 0 || switchUp.length > 0) {
    const switched = columns.length > 0 ? switchPhase(columns, fks) : undefined;
    phases.push({
      name: "switch",
      up: { statements: [...(switched?.up.statements ?? []), ...switchUp], warnings: [] },
      down: withSteps(
        switched?.down,
        steps.flatMap((x) => x.switchDown),
      ),
    });
  }
  if (columns.length > 0) phases.push({ name: "contract", ...contractPhase(columns, fks) });
  return {
    phases,
    columns: [
      ...columns.map((c) => `${c.rel.sql}.${quoteIdent(c.before.name)}`),
      ...fills.map((f) => `${f.rel.sql}.${quoteIdent(f.column.name)}`),
    ],
    warnings,
  };
}

/** `plan` (a down section, or none) with `extra` statements after it; `SELECT 1` when empty. */
function withSteps(plan: Plan | undefined, extra: PlanStatement[]): Plan {
  const own = (plan?.statements ?? []).filter((s) => s.sql !== "SELECT 1");
  const statements = [...own, ...extra];
  if (statements.length === 0)
    return {
      statements: [
        { sql: "SELECT 1", comment: "Nothing to undo here: the expand step's down does it." },
      ],
      warnings: [],
    };
  return { statements, warnings: [], ...(plan?.noTransaction ? { noTransaction: true } : {}) };
}

/**
 * A user type of the old column that the plan drops or renames away (an
 * enum rebuilt without a value, a domain whose base type changes): the old
 * column must keep it until the contract step, so the column is not expanded.
 */
function rebuiltType(plan: Plan, deps: readonly string[] | undefined): string | undefined {
  for (const dep of deps ?? []) {
    if (!dep.startsWith("type:")) continue;
    const name = dep.slice("type:".length).split(".").at(-1)!;
    const touched = plan.statements.some(
      (s) =>
        /^(DROP TYPE|DROP DOMAIN|ALTER TYPE|ALTER DOMAIN) /.test(s.sql) && s.sql.includes(name),
    );
    if (touched) return name;
  }
  return undefined;
}

/** A flagged step that is not a type change: `--expand` says it leaves it as it is. */
function notExpanded(statement: PlanStatement): string {
  const why = statement.comment?.includes("STORED generated column")
    ? " (no statement turns a filled column into a generated one: on PostgreSQL 18 a VIRTUAL column rewrites nothing)"
    : "";
  return `--expand writes phases for rewriting type changes only: \`${statement.sql.split("\n")[0]}\` stays as it is, flagged with its recipe${why}`;
}

/** `ALTER TABLE ... TYPE t USING <expr>` -> `<expr>`. */
function usingOf(sql: string | { sql: string }): string | undefined {
  const text = typeof sql === "string" ? sql : sql.sql;
  const at = text.indexOf(" USING ");
  return at < 0 ? undefined : text.slice(at + " USING ".length);
}

function parse(statement: PlanStatement): ParsedStatement | undefined {
  if (!statement.sql.startsWith("ALTER TABLE ")) return undefined;
  const parsed = splitSql(statement.sql).statements;
  if (parsed.length !== 1) return undefined;
  return { statement, kind: parsed[0]!.kind, node: parsed[0]!.node };
}

const COLUMN_COMMANDS = new Set([
  "AT_AlterColumnType",
  "AT_ColumnDefault",
  "AT_SetNotNull",
  "AT_DropNotNull",
]);

/**
 * `plan` with each expanded column's type change replaced by `steps(c)`,
 * and the plan's other changes of that column (its default dropped and set
 * again around the type change, the NOT NULL recipe) left out: the switch
 * gives the new column the desired default and NOT NULL.
 */
function replaceColumnSteps(
  plan: Plan,
  columns: readonly ExpandColumn[],
  ctx: OnlineContext,
  steps: (c: ExpandColumn) => PlanStatement[],
): Plan {
  const out: PlanStatement[] = [];
  for (const statement of plan.statements) {
    const parsed = parse(statement);
    const rel = parsed && ctx.relation(parsed.node.relation);
    const c = rel && columns.find((x) => x.rel.sql === rel.sql);
    const cmds = ((parsed?.node.cmds as { AlterTableCmd?: Record<string, unknown> }[]) ?? []).map(
      (x) => x.AlterTableCmd ?? {},
    );
    if (c === undefined || cmds.length !== 1) {
      out.push(statement);
      continue;
    }
    const cmd = cmds[0]!;
    const column = c.before.name;
    const proof = identifier(`${c.rel.name}_${column}_not_null_check`);
    const constraint = (cmd.def as { Constraint?: { conname?: string } } | undefined)?.Constraint;
    if (cmd.subtype === "AT_AlterColumnType" && cmd.name === column) out.push(...steps(c));
    else if (COLUMN_COMMANDS.has(String(cmd.subtype)) && cmd.name === column) continue;
    else if (cmd.name === proof || constraint?.conname === proof) continue;
    else out.push(statement);
  }
  return { ...plan, statements: out };
}

function expandSteps(c: ExpandColumn): PlanStatement[] {
  const n = c.names;
  const collate = c.after.collation ? ` COLLATE ${c.after.collation}` : "";
  return [
    {
      sql: `ALTER TABLE ${c.rel.sql} ADD COLUMN ${quoteIdent(n.next)} ${c.after.type}${collate}`,
      comment: `${STEP(1, "expand")}\n${c.rel.sql}.${quoteIdent(c.before.name)} ${c.before.type} -> ${c.after.type}: a new column, filled by a trigger on every write.`,
    },
    ...syncTrigger(c, n.next, c.before.name, c.upExpression, n.syncTrigger, n.syncFunction).map(
      (sql) => ({ sql }),
    ),
    {
      sql: completenessCheck(c, n.check, n.next, c.before.name, c.upExpression, c.after.notNull),
    },
    ...c.checks.map((k) => ({ sql: checkCopy(c, k, n.next, indexName(k, "new")) })),
  ];
}

function expandUndo(c: ExpandColumn): PlanStatement[] {
  const n = c.names;
  return [
    { sql: `ALTER TABLE ${c.rel.sql} DROP CONSTRAINT ${quoteIdent(n.check)}` },
    ...dropSyncTrigger(c, n.syncTrigger, n.syncFunction).map((sql) => ({ sql })),
    { sql: `ALTER TABLE ${c.rel.sql} DROP COLUMN ${quoteIdent(n.next)}` },
  ];
}
