/** What an online recipe knows about a plan statement and the database it runs on. */
import { qualifiedName } from "../inspect/ident.js";
import type { ColumnDef, SchemaModel, TableDef } from "../inspect/model.js";
import type { PlanStatement } from "./plan.js";

/** A plan statement with its parse tree. */
export interface ParsedStatement {
  readonly statement: PlanStatement;
  /** AST node type, e.g. `AlterTableStmt`. */
  readonly kind: string;
  readonly node: Record<string, unknown>;
}

/** A relation the statement touches, as the database has it before the migration. */
export interface Relation {
  readonly schema: string;
  readonly name: string;
  /** SQL name as the plan writes it (`users`, `billing.invoices`). */
  readonly sql: string;
  /** In `from` and not created earlier in the plan: it holds rows and has readers. */
  readonly existing: boolean;
  /** Partitioned tables take no CONCURRENTLY and (before 18) no NOT VALID foreign key. */
  readonly partitioned: boolean;
}

/** What a recipe returns: the statements that replace one, and whether they need their own transactions. */
export interface Rewritten {
  readonly statements: PlanStatement[];
  /** A statement must run outside the transaction of the ones before it. */
  readonly separate?: boolean;
}

/** A recipe: the online form of one statement, or undefined when it is not about this statement. */
export type Recipe = (s: ParsedStatement, ctx: OnlineContext) => Rewritten | undefined;

export class OnlineContext {
  readonly from: SchemaModel;
  readonly to: SchemaModel;
  readonly #tables = new Map<string, TableDef>();
  readonly #matviews = new Set<string>();
  readonly #created = new Set<string>();

  constructor(from: SchemaModel, to: SchemaModel) {
    this.from = from;
    this.to = to;
    for (const t of from.tables) this.#tables.set(key(t.schema, t.name), t);
    for (const v of from.views) if (v.materialized) this.#matviews.add(key(v.schema, v.name));
  }

  /** The relation a `RangeVar` names (unqualified: `public`, as the plan writes it). */
  relation(rangeVar: unknown): Relation | undefined {
    const r = rangeVar as { schemaname?: string; relname?: string } | undefined;
    if (r?.relname === undefined) return undefined;
    return this.named(r.schemaname ?? "public", r.relname);
  }

  named(schema: string, name: string): Relation {
    const k = key(schema, name);
    const table = this.#tables.get(k);
    const existing = (table !== undefined || this.#matviews.has(k)) && !this.#created.has(k);
    return {
      schema,
      name,
      sql: qualifiedName(schema, name),
      existing,
      partitioned: table?.kind === "partitioned",
    };
  }

  /** The plan creates the relation (again): from here on it is new and empty. */
  created(rangeVar: unknown): void {
    const r = rangeVar as { schemaname?: string; relname?: string } | undefined;
    if (r?.relname !== undefined) this.#created.add(key(r.schemaname ?? "public", r.relname));
  }

  /** A column as `from` (side "from") or `to` has it. */
  column(rel: Relation, name: string, side: "from" | "to"): ColumnDef | undefined {
    const model = side === "from" ? this.from : this.to;
    return model.tables
      .find((t) => t.schema === rel.schema && t.name === rel.name)
      ?.columns.find((c) => c.name === name);
  }

  /** The table an index of `from` belongs to. */
  indexTable(schema: string, name: string): Relation | undefined {
    const index = this.from.indexes.find((i) => i.schema === schema && i.name === name);
    return index === undefined ? undefined : this.named(index.schema, index.table);
  }
}

function key(schema: string, name: string): string {
  return `${schema}\u0000${name}`;
}

/** The single ALTER TABLE subcommand of a statement, or undefined (several, or not ALTER TABLE). */
export function onlyCommand(
  s: ParsedStatement,
): { subtype: string; cmd: Record<string, unknown> } | undefined {
  if (s.kind !== "AlterTableStmt") return undefined;
  const cmds = (s.node.cmds as { AlterTableCmd?: Record<string, unknown> }[] | undefined) ?? [];
  if (cmds.length !== 1 || cmds[0]?.AlterTableCmd === undefined) return undefined;
  const cmd = cmds[0].AlterTableCmd;
  return { subtype: String(cmd.subtype), cmd };
}

/** The index a plain `DROP INDEX` (one index, not CONCURRENTLY) names, with its table in `from`. */
export function droppedIndex(
  s: ParsedStatement,
  ctx: OnlineContext,
): { schema: string; name: string; table: Relation } | undefined {
  if (s.kind !== "DropStmt" || s.node.removeType !== "OBJECT_INDEX" || s.node.concurrent)
    return undefined;
  const objects = (s.node.objects as { List?: { items?: unknown } }[] | undefined) ?? [];
  if (objects.length !== 1) return undefined;
  const parts = names(objects[0]?.List?.items);
  const [schema, name] = parts.length === 2 ? parts : ["public", parts[0]!];
  const table = ctx.indexTable(schema!, name!);
  return table === undefined ? undefined : { schema: schema!, name: name!, table };
}

/** The UNIQUE or PRIMARY KEY constraint a single `ADD CONSTRAINT` (not `USING INDEX`) adds. */
export function addedKeyConstraint(
  s: ParsedStatement,
): (Record<string, unknown> & { conname: string }) | undefined {
  const only = onlyCommand(s);
  if (only?.subtype !== "AT_AddConstraint") return undefined;
  const c = (only.cmd.def as { Constraint?: Record<string, unknown> } | undefined)?.Constraint;
  if (c === undefined || typeof c.conname !== "string" || c.indexname !== undefined)
    return undefined;
  if (c.contype !== "CONSTR_UNIQUE" && c.contype !== "CONSTR_PRIMARY") return undefined;
  return c as Record<string, unknown> & { conname: string };
}

/** `{String: {sval}}` list items as strings. */
export function names(list: unknown): string[] {
  return ((list as { String?: { sval?: string } }[] | undefined) ?? []).map(
    (n) => n.String?.sval ?? "",
  );
}

/** A name PostgreSQL keeps: at most 63 bytes. */
export function identifier(name: string): string {
  let out = name;
  while (Buffer.byteLength(out) > 63) out = out.slice(0, -1);
  return out;
}
