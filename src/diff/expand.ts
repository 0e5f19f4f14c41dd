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
import { quoteIdent } from "../inspect/ident.js";
import type { SchemaModel } from "../inspect/model.js";
import { splitSql } from "../sql/split.js";
import { type ExpandColumn, expandColumn } from "./expand-column.js";
import {
  backfill,
  completenessCheck,
  dropSyncTrigger,
  indexCopy,
  indexName,
  switchColumns,
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
  const warnings: string[] = [];
  for (const statement of up.statements) {
    if (statement.lock === undefined) continue;
    const parsed = parse(statement);
    const change = parsed && typeChange(parsed, ctx);
    if (!change?.rel.existing) continue;
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
    if ("blockers" in result)
      warnings.push(
        `--expand: column ${change.rel.sql}.${quoteIdent(name)} is not expanded (${result.blockers.join("; ")}); its type change stays one statement, flagged with the recipe`,
      );
    else columns.push(result);
  }
  if (columns.length === 0) return { phases: [], columns: [], warnings };
  return {
    phases: [
      {
        name: "expand",
        up: replaceColumnSteps(up, columns, ctx, (c) => expandSteps(c)),
        down: replaceColumnSteps(down, columns, back, (c) => expandUndo(c)),
      },
      backfillPhase(columns),
      switchPhase(columns),
      contractPhase(columns),
    ],
    columns: columns.map((c) => `${c.rel.sql}.${quoteIdent(c.before.name)}`),
    warnings,
  };
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

const STEP = (n: number, what: string) =>
  `pitstop --expand: step ${n} of 4 (${what})${n < 4 ? "; the next steps are the migrations after this one" : ""}.`;

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

function backfillPhase(columns: readonly ExpandColumn[]): ExpandPhase {
  const up: PlanStatement[] = [];
  const down: PlanStatement[] = [];
  for (const c of columns) {
    const n = c.names;
    up.push({ sql: backfill(c, n.next, c.upExpression), comment: STEP(2, "backfill") });
    up.push({ sql: `ALTER TABLE ${c.rel.sql} VALIDATE CONSTRAINT ${quoteIdent(n.check)}` });
    for (const i of c.indexes) {
      up.push({ sql: indexCopy(c, i, n.next, indexName(i, "new")) });
      down.push({ sql: `DROP INDEX CONCURRENTLY ${quoteIdent(indexName(i, "new"))}` });
    }
  }
  return {
    name: "backfill",
    up: { statements: up, warnings: [], noTransaction: true },
    down:
      down.length > 0
        ? { statements: down, warnings: [], noTransaction: true }
        : {
            statements: [
              {
                sql: "SELECT 1",
                comment: "Nothing to undo: the backfilled column goes with the expand step's down.",
              },
            ],
            warnings: [],
          },
  };
}

const SWAP_IGNORE = (c: ExpandColumn, from: string, to: string) =>
  `pitstop-lint-ignore rename-column: expand/contract switch: ${quoteIdent(from)} takes the name ${quoteIdent(to)} in this same transaction, so the application keeps reading and writing ${c.rel.sql}.${quoteIdent(c.before.name)}`;

/** Lint-ignore comments on the two renames of a switch. */
function withSwapComments(c: ExpandColumn, sql: string[], standby: string): PlanStatement[] {
  const column = quoteIdent(c.before.name);
  return sql.map((s) => {
    const rename = / RENAME COLUMN (\S+) TO (\S+)$/.exec(s);
    if (rename === null) return { sql: s };
    const partner = rename[1] === column ? quoteIdent(standby) : rename[1]!;
    return { sql: s, comment: SWAP_IGNORE(c, partner, c.before.name) };
  });
}

function switchPhase(columns: readonly ExpandColumn[]): ExpandPhase {
  const up: PlanStatement[] = [];
  const down: PlanStatement[] = [];
  for (const c of columns) {
    const n = c.names;
    const copies = c.indexes.map(
      (i) => [indexName(i, "new"), i.name, indexName(i, "old")] as const,
    );
    const steps = switchColumns(c, {
      active: c.before.name,
      standby: n.next,
      retiredName: n.old,
      activeDefault: c.before.default,
      activeNotNull: c.before.notNull,
      standbyDefault: c.after.default,
      standbyNotNull: c.after.notNull,
      standbyComment: c.after.comment,
      check: n.check,
      trigger: n.syncTrigger,
      fn: n.syncFunction,
      indexes: copies,
    });
    const first = withSwapComments(c, steps, n.next);
    first[0] = {
      ...first[0]!,
      comment: [
        `${STEP(3, "switch")}\nOne short transaction: ${c.rel.sql}.${quoteIdent(n.next)} becomes ${quoteIdent(c.before.name)}, the old column stays as ${quoteIdent(n.old)} until the contract step.`,
        first[0]!.comment,
      ]
        .filter((x) => x !== undefined)
        .join("\n"),
    };
    up.push(...first);
    down.push(...switchBack(c));
  }
  return {
    name: "switch",
    up: { statements: up, warnings: [] },
    down: { statements: down, warnings: [], noTransaction: true },
  };
}

/**
 * The switch undone without losing what was written since: the old column
 * is kept equal to the new one by a reverse trigger, backfilled and proven
 * complete the same way, then the names go back in one transaction and the
 * forward trigger returns (the state after the backfill step).
 */
function switchBack(c: ExpandColumn): PlanStatement[] {
  const n = c.names;
  const column = c.before.name;
  const revert = syncTrigger(c, n.old, column, c.downExpression, n.revertTrigger, n.revertFunction);
  const steps = switchColumns(c, {
    active: column,
    standby: n.old,
    retiredName: n.next,
    activeDefault: c.after.default,
    activeNotNull: c.after.notNull,
    standbyDefault: c.before.default,
    standbyNotNull: c.before.notNull,
    standbyComment: undefined,
    check: n.revertCheck,
    trigger: n.revertTrigger,
    fn: n.revertFunction,
    indexes: c.indexes.map((i) => [indexName(i, "old"), i.name, indexName(i, "new")] as const),
  });
  const forward = syncTrigger(c, n.next, column, c.upExpression, n.syncTrigger, n.syncFunction);
  return [
    ...revert.map((sql) => ({ sql })),
    {
      sql: completenessCheck(c, n.revertCheck, n.old, column, c.downExpression, c.before.notNull),
    },
    { sql: backfill(c, n.old, c.downExpression) },
    { sql: `ALTER TABLE ${c.rel.sql} VALIDATE CONSTRAINT ${quoteIdent(n.revertCheck)}` },
    { sql: "BEGIN", comment: "The names go back in one short transaction." },
    ...withSwapComments(c, steps, n.old),
    ...forward.map((sql) => ({ sql })),
    {
      sql: completenessCheck(c, n.check, n.next, column, c.upExpression, c.after.notNull),
    },
    { sql: "COMMIT" },
  ];
}

function contractPhase(columns: readonly ExpandColumn[]): ExpandPhase {
  const up: PlanStatement[] = [];
  const down: PlanStatement[] = [];
  for (const c of columns) {
    const n = c.names;
    const old = `${c.rel.sql}.${quoteIdent(n.old)}`;
    up.push({
      sql: `ALTER TABLE ${c.rel.sql} DROP COLUMN ${quoteIdent(n.old)}`,
      destructive: true,
      note: `drops column ${old}, the values of ${c.rel.sql}.${quoteIdent(c.before.name)} before the switch`,
      comment: `${STEP(4, "contract")}\nRun it only once no deployed version of the application reads ${old} (or selects *).`,
    });
    const collate = c.before.collation ? ` COLLATE ${c.before.collation}` : "";
    down.push({
      sql: `ALTER TABLE ${c.rel.sql} ADD COLUMN ${quoteIdent(n.old)} ${c.before.type}${collate}`,
      comment: `The old column comes back empty: the switch's down fills it from ${quoteIdent(c.before.name)}.`,
    });
    for (const i of c.indexes) down.push({ sql: indexCopy(c, i, n.old, indexName(i, "old")) });
  }
  return {
    name: "contract",
    up: { statements: up, warnings: [] },
    down: {
      statements: down,
      warnings: [],
      ...(columns.some((c) => c.indexes.length > 0) ? { noTransaction: true as const } : {}),
    },
  };
}
