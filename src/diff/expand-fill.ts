/**
 * `diff --expand` for a column added with a default that differs per row
 * (`DEFAULT gen_random_uuid()`, `nextval(...)`): written as one statement it
 * rewrites the table under ACCESS EXCLUSIVE. Expanded: the column added
 * without it, the default set for new rows, the old rows filled in batches,
 * and NOT NULL through a validated check. No switch of names, no contract.
 */
import { quoteIdent } from "../inspect/ident.js";
import type { ColumnDef, SchemaModel } from "../inspect/model.js";
import { primaryKey } from "./expand-column.js";
import { backfill } from "./expand-sql.js";
import {
  identifier,
  type OnlineContext,
  type ParsedStatement,
  type Relation,
} from "./online-context.js";
import type { PlanStatement } from "./plan.js";

export interface FillColumn {
  readonly statement: PlanStatement;
  readonly rel: Relation;
  readonly key: readonly string[];
  readonly column: ColumnDef;
  readonly check: string;
}

/** The column a flagged `ADD COLUMN ... DEFAULT <volatile>` adds, or undefined for any other statement. */
export function fillColumn(
  s: ParsedStatement,
  ctx: OnlineContext,
  from: SchemaModel,
): FillColumn | undefined {
  if (!s.statement.comment?.includes("the default calls") || s.kind !== "AlterTableStmt")
    return undefined;
  const cmds = (s.node.cmds as { AlterTableCmd?: Record<string, unknown> }[] | undefined) ?? [];
  const cmd = cmds.length === 1 ? cmds[0]?.AlterTableCmd : undefined;
  const name = (cmd?.def as { ColumnDef?: { colname?: string } } | undefined)?.ColumnDef?.colname;
  const rel = ctx.relation(s.node.relation);
  if (cmd?.subtype !== "AT_AddColumn" || name === undefined || !rel?.existing) return undefined;
  const column = ctx.column(rel, name, "to");
  if (column?.default === undefined || column.identity || column.generated) return undefined;
  return {
    statement: s.statement,
    rel,
    key: primaryKey(from, rel) ?? [],
    column,
    check: identifier(`${rel.name}_${name}_not_null_check`),
  };
}

/** The statements of each phase for one filled column. */
export function fillSteps(f: FillColumn) {
  const t = f.rel.sql;
  const c = quoteIdent(f.column.name);
  const collate = f.column.collation ? ` COLLATE ${f.column.collation}` : "";
  const check = quoteIdent(f.check);
  const addCheck = `ALTER TABLE ${t} ADD CONSTRAINT ${check} CHECK (${c} IS NOT NULL) NOT VALID`;
  const notNull = f.column.notNull;
  return {
    expand: [
      {
        sql: `ALTER TABLE ${t} ADD COLUMN ${c} ${f.column.type}${collate}`,
        comment: `pitstop --expand: ${t}.${c} is added without its default (which would be computed for every row under ACCESS EXCLUSIVE);\nnew rows get it from here on, the backfill step fills the rows there are.`,
      },
      { sql: `ALTER TABLE ${t} ALTER COLUMN ${c} SET DEFAULT ${f.column.default}` },
    ],
    backfillUp: [
      { sql: backfill(f, f.column.name, f.column.default!, `${c} IS NULL`) },
      ...(notNull
        ? [{ sql: addCheck }, { sql: `ALTER TABLE ${t} VALIDATE CONSTRAINT ${check}` }]
        : []),
    ],
    backfillDown: notNull ? [{ sql: `ALTER TABLE ${t} DROP CONSTRAINT IF EXISTS ${check}` }] : [],
    switchUp: notNull
      ? [
          { sql: `ALTER TABLE ${t} ALTER COLUMN ${c} SET NOT NULL` },
          { sql: `ALTER TABLE ${t} DROP CONSTRAINT ${check}` },
        ]
      : [],
    switchDown: notNull
      ? [{ sql: `ALTER TABLE ${t} ALTER COLUMN ${c} DROP NOT NULL` }, { sql: addCheck }]
      : [],
  };
}
