import {
  displayName,
  list,
  locationOf,
  type Node,
  type RelName,
  relName,
  strings,
  unwrap,
} from "../ast.js";
import { alterTableCommands, columnConstraints, q } from "../helpers.js";
import type { Hit, LintStatement, Rule, RuleContext } from "../types.js";

/** A foreign key whose referencing columns lead no index of the table. */
export const foreignKeyIndex: Rule = {
  id: "foreign-key-index",
  severity: "warning",
  kinds: ["CreateStmt", "AlterTableStmt"],
  summary: "FOREIGN KEY whose referencing columns have no index",
  lock: "later, not now: each DELETE or key UPDATE of the referenced table scans this table (holding its row locks) to find the rows pointing at it",
  why: "PostgreSQL indexes the referenced key, not the referencing columns. Without an index on them, every DELETE of a parent row (and every update of its key, and ON DELETE CASCADE) reads the whole child table, and joins from parent to children scan it too: fine on the development database, minutes of locked rows on a large one.",
  fix: "Index the referencing columns (CONCURRENTLY when the table already holds rows):\n  CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);",
  check(s, ctx) {
    const rel = relName(s.node.relation);
    if (!rel) return undefined;
    const keys = foreignKeys(s);
    if (keys.length === 0) return undefined;
    const indexed = indexedColumns(s, rel, ctx);
    if (!indexed) return undefined;
    let future: string[][] | undefined;
    const hits: Hit[] = [];
    for (const { columns, c } of keys) {
      if (columns.length === 0 || indexed.some((i) => leads(i, columns))) continue;
      // An index in a later migration of the folder counts too (often its own, CONCURRENTLY).
      future ??= statementIndexes(ctx.later(), rel);
      if (future.some((i) => leads(i, columns))) continue;
      const name = `${rel.name}_${columns.join("_")}_idx`;
      const location = locationOf(c);
      const concurrently = ctx.isNew(rel) ? "" : " CONCURRENTLY";
      hits.push({
        message: `FOREIGN KEY (${columns.join(", ")}) of ${q(rel)} has no index on its columns: deleting a referenced row scans ${q(rel)}`,
        ...(location !== undefined ? { location } : {}),
        fix: `Index the referencing columns${concurrently ? " (CONCURRENTLY, in a migration of its own: the table holds rows)" : " (in this migration: the table is new)"}:\n  CREATE INDEX${concurrently} ${name} ON ${displayName(rel)} (${columns.join(", ")});`,
      });
    }
    return hits;
  },
};

interface ForeignKey {
  readonly columns: string[];
  readonly c: Node;
}

function foreignKeys(s: LintStatement): ForeignKey[] {
  const out: ForeignKey[] = [];
  const fromColumn = (def: Node | undefined) => {
    for (const c of def ? columnConstraints(def) : [])
      if (c.contype === "CONSTR_FOREIGN") out.push({ columns: [def!.colname as string], c });
  };
  const fromConstraint = (c: Node | undefined) => {
    if (c?.contype === "CONSTR_FOREIGN") out.push({ columns: strings(c.fk_attrs), c });
  };
  if (s.kind === "CreateStmt")
    for (const e of list(s.node.tableElts)) {
      fromColumn(unwrap(e, "ColumnDef"));
      fromConstraint(unwrap(e, "Constraint"));
    }
  for (const { subtype, cmd } of alterTableCommands(s.kind, s.node)) {
    if (subtype === "AT_AddColumn") fromColumn(unwrap(cmd.def, "ColumnDef"));
    if (subtype === "AT_AddConstraint") fromConstraint(unwrap(cmd.def, "Constraint"));
  }
  return out;
}

/**
 * Key columns of every index the table has or gets in this migration: earlier
 * ones from the replayed schema, its own PRIMARY KEY/UNIQUE, and the indexes
 * created later in the file. Undefined when pitstop cannot know them (a table
 * no migration it sees creates).
 */
function indexedColumns(s: LintStatement, rel: RelName, ctx: RuleContext): string[][] | undefined {
  const out: string[][] = [];
  if (s.kind === "AlterTableStmt") {
    const table = ctx.schema.table(rel);
    if (!table) return undefined;
    out.push(...ctx.schema.indexedColumns(table));
  }
  out.push(...statementIndexes([s], rel));
  for (const { at, columns } of scriptIndexes(ctx.statements).get(relKey(rel)) ?? [])
    if (at > ctx.index) out.push(columns);
  return out;
}

function relKey(rel: RelName): string {
  return `${rel.schema ?? ""}.${rel.name}`;
}

// Per script: the index columns each statement gives each table (one pass, not one per statement).
const byScript = new WeakMap<
  readonly LintStatement[],
  Map<string, { at: number; columns: string[] }[]>
>();

function scriptIndexes(
  statements: readonly LintStatement[],
): Map<string, { at: number; columns: string[] }[]> {
  let map = byScript.get(statements);
  if (!map) {
    map = new Map();
    statements.forEach((t, at) => {
      const rel = relName(t.node.relation);
      if (!rel) return;
      for (const columns of statementIndexes([t], rel)) {
        const list = map!.get(relKey(rel));
        if (list) list.push({ at, columns });
        else map!.set(relKey(rel), [{ at, columns }]);
      }
    });
    byScript.set(statements, map);
  }
  return map;
}

/** Key columns of the indexes, primary keys and unique constraints the statements give the table. */
function statementIndexes(statements: readonly LintStatement[], rel: RelName): string[][] {
  const out: string[][] = [];
  const same = (r: RelName | undefined) =>
    r !== undefined && r.name === rel.name && (r.schema ?? "") === (rel.schema ?? "");
  for (const t of statements) {
    if (t.kind !== "IndexStmt" && t.kind !== "CreateStmt" && t.kind !== "AlterTableStmt") continue;
    if (!same(relName(t.node.relation))) continue;
    if (t.kind === "IndexStmt" && !t.node.whereClause)
      out.push(list(t.node.indexParams).map((p) => (unwrap(p, "IndexElem")?.name as string) ?? ""));
    // Keys in the order they are written: a column's own, then the table's constraints.
    if (t.kind === "CreateStmt")
      for (const e of list(t.node.tableElts)) {
        const column = unwrap(e, "ColumnDef");
        if (column)
          for (const c of columnConstraints(column))
            if (isKey(c)) out.push([(column.colname as string | undefined) ?? ""]);
        const c = unwrap(e, "Constraint");
        if (c && isKey(c)) out.push(strings(c.keys));
      }
    if (t.kind === "AlterTableStmt")
      for (const { subtype, cmd } of alterTableCommands(t.kind, t.node)) {
        const c = subtype === "AT_AddConstraint" ? unwrap(cmd.def, "Constraint") : undefined;
        if (c && isKey(c)) out.push(strings(c.keys));
      }
  }
  return out;
}

function isKey(c: Node): boolean {
  return c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_UNIQUE";
}

/** Whether an index on `index` serves lookups by `columns`: they are its leading columns. */
function leads(index: string[], columns: string[]): boolean {
  if (index.length < columns.length) return false;
  const head = new Set(index.slice(0, columns.length));
  return columns.every((c) => head.has(c));
}
