/**
 * What `diff --expand` needs to know about one column whose type change
 * rewrites a table: the conversion both ways, the key to batch by, the
 * indexes to copy, and what keeps the column from being expanded at all.
 * Pure: reads the two models and the plan's statements.
 */
import { objectKey, quoteIdent } from "../inspect/ident.js";
import type {
  ColumnDef,
  ConstraintDef,
  IndexDef,
  SchemaModel,
  SequenceDef,
} from "../inspect/model.js";
import { splitSql } from "../sql/split.js";
import type { Relation } from "./online-context.js";
import { identifier } from "./online-context.js";

/** One column to expand and contract, with the names of everything the phases create. */
export interface ExpandColumn {
  readonly rel: Relation;
  readonly before: ColumnDef;
  readonly after: ColumnDef;
  /** The new value from the row, as the plan's `USING` says (`qty::bigint`, or a `-- pitstop:using` hint). */
  readonly upExpression: string;
  /** The old value from the new one (the down plan's `USING`, or a plain cast). */
  readonly downExpression: string;
  /** Primary-key columns to batch by; empty: batches of pages by `ctid`. */
  readonly key: readonly string[];
  /** Indexes of the desired schema on the column: copied onto the new column before the switch. */
  readonly indexes: readonly IndexDef[];
  /**
   * Primary key and unique constraints of the desired schema on the column:
   * their index is built CONCURRENTLY on the new column, and the switch
   * re-attaches the constraint to it (`USING INDEX`).
   */
  readonly keys: readonly KeyConstraint[];
  /** CHECK constraints of the desired schema on the column: copied NOT VALID onto the new column, swapped by rename. */
  readonly checks: readonly ConstraintDef[];
  /** Sequences owned by the column (serial): ownership moves with the switch. */
  readonly sequences: readonly SequenceDef[];
  readonly names: ExpandNames;
}

/** A primary key or unique constraint with its columns. */
export interface KeyConstraint {
  readonly constraint: ConstraintDef;
  readonly columns: readonly string[];
}

/** Names of the new column and of the helpers, at most 63 bytes each. */
export interface ExpandNames {
  /** `<c>_new`: the new column until the switch. */
  readonly next: string;
  /** `<c>_old`: the old column after the switch, until the contract. */
  readonly old: string;
  /** Sync function (old -> new) and its trigger. */
  readonly syncFunction: string;
  readonly syncTrigger: string;
  /** NOT VALID check that proves the backfill complete (and NOT NULL without a scan). */
  readonly check: string;
  /** The same three for the way back (new -> old), used by the switch's down section. */
  readonly revertFunction: string;
  readonly revertTrigger: string;
  readonly revertCheck: string;
}

/**
 * The expansion of `column` of `rel`, or the reasons it cannot be expanded
 * (each names what blocks it: a primary key, a foreign key, a view...).
 *
 * @example
 * const r = expandColumn(from, to, rel, "qty", "qty::bigint", "qty::integer");
 * if ("blockers" in r) console.log(r.blockers.join("; "));
 */
export function expandColumn(
  from: SchemaModel,
  to: SchemaModel,
  rel: Relation,
  column: string,
  upExpression: string,
  downExpression: string,
): ExpandColumn | { blockers: string[] } {
  const table = (m: SchemaModel) =>
    m.tables.find((t) => t.schema === rel.schema && t.name === rel.name);
  const before = table(from)?.columns.find((c) => c.name === column);
  const after = table(to)?.columns.find((c) => c.name === column);
  if (before === undefined || after === undefined)
    return { blockers: ["the column is not in both schemas"] };
  const names = expandNames(rel.name, column);
  const blockers = [
    ...columnBlockers(before, after),
    ...tableBlockers(from, to, rel),
    ...dependentBlockers(from, rel, column),
    ...dependentBlockers(to, rel, column),
  ];
  if (new Set([names.next, names.old, column]).size < 3)
    blockers.push(
      `its name is too long for ${quoteIdent(`${column}_new`)} and ${quoteIdent(`${column}_old`)} (63 bytes)`,
    );
  for (const taken of [names.next, names.old])
    if (
      table(from)?.columns.some((c) => c.name === taken) ||
      table(to)?.columns.some((c) => c.name === taken)
    )
      blockers.push(`the table already has a column ${quoteIdent(taken)}`);
  const columnKey = objectKey.column(rel.schema, rel.name, column);
  const keys: KeyConstraint[] = [];
  for (const k of to.constraints) {
    if (k.schema !== rel.schema || k.table !== rel.name) continue;
    if (k.type !== "primary" && k.type !== "unique") continue;
    const columns = plainKey(k.definition);
    if (columns === undefined) {
      if (k.deps?.includes(columnKey))
        blockers.push(
          `the ${k.type === "primary" ? "primary key" : "unique constraint"} ${quoteIdent(k.name)} has options --expand does not carry over`,
        );
      continue;
    }
    if (columns.includes(column)) keys.push({ constraint: k, columns });
  }
  if (blockers.length > 0) return { blockers: [...new Set(blockers)] };
  return {
    rel,
    before,
    after,
    upExpression,
    downExpression,
    key: primaryKey(from, rel) ?? [],
    keys,
    checks: to.constraints.filter(
      (k) =>
        k.type === "check" &&
        k.schema === rel.schema &&
        k.table === rel.name &&
        k.deps?.includes(columnKey),
    ),
    indexes: to.indexes.filter(
      (i) => i.schema === rel.schema && i.table === rel.name && i.deps?.includes(columnKey),
    ),
    sequences: to.sequences.filter(
      (s) =>
        s.ownedBy?.schema === rel.schema &&
        s.ownedBy.table === rel.name &&
        s.ownedBy.column === column,
    ),
    names,
  };
}

/** The helper names for `column` of `table`. */
export function expandNames(table: string, column: string): ExpandNames {
  const name = (suffix: string) => identifier(`${column}_${suffix}`);
  const helper = (suffix: string) => identifier(`${table}_${column}_${suffix}`);
  return {
    next: name("new"),
    old: name("old"),
    syncFunction: helper("expand_sync"),
    syncTrigger: name("expand_sync"),
    check: helper("expand_check"),
    revertFunction: helper("revert_sync"),
    revertTrigger: name("revert_sync"),
    revertCheck: helper("revert_check"),
  };
}

function columnBlockers(before: ColumnDef, after: ColumnDef): string[] {
  const out: string[] = [];
  if (before.identity || after.identity) out.push("it is an identity column");
  if (before.generated || after.generated) out.push("it is a generated column");
  return out;
}

function tableBlockers(from: SchemaModel, to: SchemaModel, rel: Relation): string[] {
  for (const m of [from, to]) {
    const t = m.tables.find((x) => x.schema === rel.schema && x.name === rel.name);
    if (t?.kind === "partitioned" || t?.partitionOf)
      return [
        "the table is partitioned (or a partition): the column would change on every partition",
      ];
    const parent = `${quoteIdent(rel.schema)}.${quoteIdent(rel.name)}`;
    const children = m.tables.some((x) =>
      x.inherits?.some((p) => p === parent || p === rel.sql || p === rel.name),
    );
    if ((t?.inherits?.length ?? 0) > 0 || children)
      return ["the table is in an inheritance tree: its parent or children share the column"];
  }
  return [];
}

/** Objects of `model` that hang on the column and that the phases do not carry over. */
function dependentBlockers(model: SchemaModel, rel: Relation, column: string): string[] {
  const key = objectKey.column(rel.schema, rel.name, column);
  const on = (o: { deps?: readonly string[] }) => o.deps?.includes(key) === true;
  const out: string[] = [];
  for (const c of model.constraints) {
    const mine = c.schema === rel.schema && c.table === rel.name;
    const references = c.type === "foreign" && referencesColumn(c.definition, rel, column);
    if (!on(c) && !references) continue;
    // Keys and checks are moved to the new column by the switch, foreign keys dropped and added again.
    if (c.type !== "exclusion" || !mine) continue;
    out.push(`the ${c.type} constraint ${quoteIdent(c.name)} uses it`);
  }
  for (const v of model.views)
    if (on(v))
      out.push(
        `the ${v.materialized ? "materialized view" : "view"} ${qualified(v.schema, v.name)} reads it`,
      );
  for (const t of model.triggers) if (on(t)) out.push(`the trigger ${quoteIdent(t.name)} names it`);
  for (const p of model.policies) if (on(p)) out.push(`the policy ${quoteIdent(p.name)} reads it`);
  for (const t of model.tables)
    for (const c of t.columns)
      if (on(c) && !(t.schema === rel.schema && t.name === rel.name && c.name === column))
        out.push(`the column ${qualified(t.schema, t.name)}.${quoteIdent(c.name)} depends on it`);
  return out;
}

function qualified(schema: string, name: string): string {
  return schema === "public" ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** `FOREIGN KEY (a) REFERENCES t(c)`: whether the referenced columns include `column` of `rel`. */
function referencesColumn(definition: string, rel: Relation, column: string): boolean {
  const constraint = parsedConstraint(definition);
  const pk = constraint?.pktable as { schemaname?: string; relname?: string } | undefined;
  if (pk?.relname !== rel.name || (pk.schemaname ?? "public") !== rel.schema) return false;
  return stringList(constraint?.pk_attrs).includes(column);
}

/** `PRIMARY KEY (a, b)` / `UNIQUE (a)` with nothing else: the columns; else undefined. */
function plainKey(definition: string): string[] | undefined {
  const c = parsedConstraint(definition);
  if (c === undefined || !/^(PRIMARY KEY|UNIQUE) \([^()]*\)$/.test(definition)) return undefined;
  if (c.nulls_not_distinct || c.including || c.options) return undefined;
  const keys = stringList(c.keys);
  return keys.length > 0 ? keys : undefined;
}

/** The primary key's columns of `rel` in `model`, or undefined when it has none. */
export function primaryKey(model: SchemaModel, rel: Relation): string[] | undefined {
  const pk = model.constraints.find(
    (c) => c.schema === rel.schema && c.table === rel.name && c.type === "primary",
  );
  if (pk === undefined) return undefined;
  const keys = stringList(parsedConstraint(pk.definition)?.keys);
  return keys.length > 0 ? keys : undefined;
}

function parsedConstraint(definition: string): Record<string, unknown> | undefined {
  try {
    const parsed = splitSql(`ALTER TABLE x ADD CONSTRAINT y ${definition}`).statements[0];
    const cmd = (parsed?.node.cmds as { AlterTableCmd?: { def?: { Constraint?: unknown } } }[])?.[0]
      ?.AlterTableCmd;
    return cmd?.def?.Constraint as Record<string, unknown> | undefined;
  } catch {
    return undefined;
  }
}

function stringList(list: unknown): string[] {
  return ((list as { String?: { sval?: string } }[] | undefined) ?? []).map(
    (n) => n.String?.sval ?? "",
  );
}
