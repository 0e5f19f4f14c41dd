/**
 * The backfill, switch and contract migrations of `diff --expand` (the
 * expand step rides in the plan's own file: `expand.ts`). Foreign keys that
 * touch an expanded column (from either side) are dropped and added again
 * NOT VALID in the switch's transaction, and validated in the contract step.
 */
import { qualifiedName, quoteIdent } from "../inspect/ident.js";
import type { ConstraintDef } from "../inspect/model.js";
import type { ExpandColumn } from "./expand-column.js";
import {
  backfill,
  checkCopy,
  completenessCheck,
  indexCopy,
  indexName,
  keyIndex,
  keyUsingIndex,
  switchColumns,
  syncTrigger,
} from "./expand-sql.js";
import type { Plan, PlanStatement } from "./plan.js";

export interface PhasePlans {
  readonly up: Plan;
  readonly down: Plan;
}

/** The `pitstop --expand: step n of 4` comment. */
export const STEP = (n: number, what: string) =>
  `pitstop --expand: step ${n} of 4 (${what})${n < 4 ? "; the next steps are the migrations after this one" : ""}.`;

const plan = (statements: PlanStatement[], noTransaction: boolean): Plan => ({
  statements,
  warnings: [],
  ...(noTransaction ? { noTransaction: true as const } : {}),
});

export function backfillPhase(columns: readonly ExpandColumn[]): PhasePlans {
  const up: PlanStatement[] = [];
  const down: PlanStatement[] = [];
  for (const c of columns) {
    const n = c.names;
    up.push({ sql: backfill(c, n.next, c.upExpression), comment: STEP(2, "backfill") });
    up.push({ sql: `ALTER TABLE ${c.rel.sql} VALIDATE CONSTRAINT ${quoteIdent(n.check)}` });
    up.push(...validateChecks(c, "new"));
    const built = [
      ...c.indexes.map((i) => ({
        sql: indexCopy(c, i, n.next, indexName(i, "new")),
        name: indexName(i, "new"),
      })),
      ...c.keys.map((k) => ({
        sql: keyIndex(c, k, n.next, indexName(k.constraint, "new")),
        name: indexName(k.constraint, "new"),
      })),
    ];
    for (const b of built) {
      up.push({ sql: b.sql });
      // IF EXISTS: a key's index became the key's own at the switch, and went with it on the way back.
      down.push({
        sql: `DROP INDEX CONCURRENTLY IF EXISTS ${qualifiedName(c.rel.schema, b.name)}`,
      });
    }
  }
  if (down.length === 0)
    down.push({
      sql: "SELECT 1",
      comment: "Nothing to undo: the backfilled column goes with the expand step's down.",
    });
  return { up: plan(up, true), down: plan(down, down[0]!.sql !== "SELECT 1") };
}

const SWAP_IGNORE = (c: ExpandColumn, from: string) =>
  `pitstop-lint-ignore rename-column: expand/contract switch: ${quoteIdent(from)} takes the name ${quoteIdent(c.before.name)} in this same transaction, so the application keeps reading and writing ${c.rel.sql}.${quoteIdent(c.before.name)}`;

/** Lint-ignore comments on the two renames of a switch. */
function withSwapComments(c: ExpandColumn, sql: string[], standby: string): PlanStatement[] {
  return sql.map((s) =>
    / RENAME COLUMN \S+ TO \S+$/.test(s)
      ? { sql: s, comment: SWAP_IGNORE(c, standby) }
      : { sql: s },
  );
}

const dropConstraint = (k: ConstraintDef) =>
  `ALTER TABLE ${qualifiedName(k.schema, k.table)} DROP CONSTRAINT ${quoteIdent(k.name)}`;

/** The foreign key as the desired schema has it, added back NOT VALID (validated later, apart). */
const addForeignKey = (k: ConstraintDef) =>
  `ALTER TABLE ${qualifiedName(k.schema, k.table)} ADD CONSTRAINT ${quoteIdent(k.name)} ${k.definition.replace(/ NOT VALID$/, "")} NOT VALID`;

const validateForeignKeys = (fks: readonly ConstraintDef[]): PlanStatement[] =>
  fks
    .filter((k) => !k.definition.endsWith(" NOT VALID"))
    .map((k) => ({
      sql: `ALTER TABLE ${qualifiedName(k.schema, k.table)} VALIDATE CONSTRAINT ${quoteIdent(k.name)}`,
    }));

/** One direction of the switch for one column: keys off, names swapped, keys on the other column. */
function swap(c: ExpandColumn, direction: "up" | "down"): PlanStatement[] {
  const n = c.names;
  const up = direction === "up";
  const standby = up ? n.next : n.old;
  const steps = switchColumns(c, {
    active: c.before.name,
    standby,
    retiredName: up ? n.old : n.next,
    activeDefault: up ? c.before.default : c.after.default,
    activeNotNull: up ? c.before.notNull : c.after.notNull,
    standbyDefault: up ? c.after.default : c.before.default,
    standbyNotNull: up ? c.after.notNull : c.before.notNull,
    standbyComment: up ? c.after.comment : undefined,
    check: up ? n.check : n.revertCheck,
    trigger: up ? n.syncTrigger : n.revertTrigger,
    fn: up ? n.syncFunction : n.revertFunction,
    indexes: c.indexes.map((i) =>
      up
        ? ([indexName(i, "new"), i.name, indexName(i, "old")] as const)
        : ([indexName(i, "old"), i.name, indexName(i, "new")] as const),
    ),
  });
  return [
    ...c.keys.map((k) => ({ sql: dropConstraint(k.constraint) })),
    ...withSwapComments(c, steps, standby),
    ...c.keys.map((k) => ({
      sql: keyUsingIndex(c, k, indexName(k.constraint, up ? "new" : "old")),
    })),
    ...c.checks.flatMap((k) => [
      { sql: `ALTER TABLE ${c.rel.sql} DROP CONSTRAINT ${quoteIdent(k.name)}` },
      {
        sql: `ALTER TABLE ${c.rel.sql} RENAME CONSTRAINT ${quoteIdent(indexName(k, up ? "new" : "old"))} TO ${quoteIdent(k.name)}`,
      },
    ]),
  ];
}

/** VALIDATE of the copies of the column's checks (`suffix`: `new` or `old`), unless the schema keeps them NOT VALID. */
export function validateChecks(c: ExpandColumn, suffix: string): PlanStatement[] {
  return c.checks
    .filter((k) => !k.definition.endsWith(" NOT VALID"))
    .map((k) => ({
      sql: `ALTER TABLE ${c.rel.sql} VALIDATE CONSTRAINT ${quoteIdent(indexName(k, suffix))}`,
    }));
}

export function switchPhase(
  columns: readonly ExpandColumn[],
  fks: readonly ConstraintDef[],
): PhasePlans {
  const up: PlanStatement[] = fks.map((k) => ({ sql: dropConstraint(k) }));
  for (const c of columns) {
    const steps = swap(c, "up");
    const intro = `${STEP(3, "switch")}\nOne short transaction: ${c.rel.sql}.${quoteIdent(c.names.next)} becomes ${quoteIdent(c.before.name)}, the old column stays as ${quoteIdent(c.names.old)} until the contract step.`;
    steps[0] = {
      ...steps[0]!,
      comment: [intro, steps[0]!.comment].filter((x) => x !== undefined).join("\n"),
    };
    up.push(...steps);
  }
  up.push(...fks.map((k) => ({ sql: addForeignKey(k) })));
  return { up: plan(up, false), down: plan(switchBack(columns, fks), true) };
}

/**
 * The switch undone without losing what was written since: each old column
 * is kept equal to the new one by a reverse trigger, backfilled and proven
 * complete the same way (keys get their index built on it), then the names
 * go back in one transaction and the forward triggers return (the state
 * after the backfill step).
 */
function switchBack(
  columns: readonly ExpandColumn[],
  fks: readonly ConstraintDef[],
): PlanStatement[] {
  const before: PlanStatement[] = [];
  const inside: PlanStatement[] = fks.map((k) => ({ sql: dropConstraint(k) }));
  for (const c of columns) {
    const n = c.names;
    const column = c.before.name;
    const revert = syncTrigger(
      c,
      n.old,
      column,
      c.downExpression,
      n.revertTrigger,
      n.revertFunction,
    );
    before.push(
      ...revert.map((sql) => ({ sql })),
      {
        sql: completenessCheck(c, n.revertCheck, n.old, column, c.downExpression, c.before.notNull),
      },
      ...c.checks.map((k) => ({ sql: checkCopy(c, k, n.old, indexName(k, "old")) })),
      { sql: backfill(c, n.old, c.downExpression) },
      { sql: `ALTER TABLE ${c.rel.sql} VALIDATE CONSTRAINT ${quoteIdent(n.revertCheck)}` },
      ...validateChecks(c, "old"),
      ...c.keys.map((k) => ({ sql: keyIndex(c, k, n.old, indexName(k.constraint, "old")) })),
    );
    const forward = syncTrigger(c, n.next, column, c.upExpression, n.syncTrigger, n.syncFunction);
    inside.push(
      ...swap(c, "down"),
      ...forward.map((sql) => ({ sql })),
      { sql: completenessCheck(c, n.check, n.next, column, c.upExpression, c.after.notNull) },
      ...c.checks.map((k) => ({ sql: checkCopy(c, k, n.next, indexName(k, "new")) })),
    );
  }
  inside.push(...fks.map((k) => ({ sql: addForeignKey(k) })));
  return [
    ...before,
    { sql: "BEGIN", comment: "The names go back in one short transaction." },
    ...inside,
    { sql: "COMMIT" },
    ...validateForeignKeys(fks),
  ];
}

export function contractPhase(
  columns: readonly ExpandColumn[],
  fks: readonly ConstraintDef[],
): PhasePlans {
  const up: PlanStatement[] = validateForeignKeys(fks);
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
    up: plan(up, fks.length > 0),
    down: plan(
      down,
      columns.some((c) => c.indexes.length > 0),
    ),
  };
}
