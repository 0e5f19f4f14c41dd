import { list, type Node, type RelName, relName, unwrap } from "./ast.js";
import type { TableInfo } from "./schema.js";

/** What a lock blocks, for messages. */
export const LOCKS = {
  accessExclusive: (t: string) =>
    `ACCESS EXCLUSIVE on ${t}: blocks every read and write of it, and every query that arrives after it queues`,
  share: (t: string) => `SHARE on ${t}: blocks INSERT, UPDATE and DELETE (reads go on)`,
  shareRowExclusive: (tables: string) =>
    `SHARE ROW EXCLUSIVE on ${tables}: blocks INSERT, UPDATE and DELETE (reads go on)`,
  shareUpdateExclusive: (t: string) =>
    `SHARE UPDATE EXCLUSIVE on ${t}: reads and writes go on; only other DDL and VACUUM wait`,
} as const;

/** `"users"` or `"app.users"`, quoted for messages. */
export function q(name: string | RelName | undefined): string {
  if (name === undefined) return "?";
  if (typeof name === "string") return `"${name}"`;
  return name.schema ? `"${name.schema}.${name.name}"` : `"${name.name}"`;
}

export interface AlterCommand {
  readonly subtype: string;
  readonly cmd: Node;
}

// Most rules ask for these; each statement's answer is computed once.
const commandsCache = new WeakMap<Node, AlterCommand[]>();
const definitionsCache = new WeakMap<Node, ColumnDefinition[]>();
const NONE: never[] = [];

/** The commands of an `ALTER TABLE` on a table (not on an index, view...). */
export function alterTableCommands(kind: string, node: Node): AlterCommand[] {
  if (kind !== "AlterTableStmt") return NONE;
  if (node.objtype !== undefined && node.objtype !== "OBJECT_TABLE") return NONE;
  let commands = commandsCache.get(node);
  if (!commands) {
    commands = readCommands(node);
    commandsCache.set(node, commands);
  }
  return commands;
}

function readCommands(node: Node): AlterCommand[] {
  return list(node.cmds)
    .map((c) => unwrap(c, "AlterTableCmd"))
    .filter((c): c is Node => c !== undefined)
    .map((cmd) => ({ subtype: String(cmd.subtype), cmd }));
}

/** The table an `ALTER TABLE` acts on. */
export function alteredTable(node: Node): RelName | undefined {
  return relName(node.relation);
}

/** The constraints of a column definition. */
export function columnConstraints(def: Node): Node[] {
  return list(def.constraints)
    .map((c) => unwrap(c, "Constraint"))
    .filter((c): c is Node => c !== undefined);
}

export interface ColumnDefinition {
  readonly table: RelName | undefined;
  readonly def: Node;
  readonly column: string;
  readonly create: boolean;
}

/** Column definitions a statement writes: CREATE TABLE columns, ADD COLUMN, ALTER COLUMN TYPE. */
export function columnDefinitions(kind: string, node: Node): ColumnDefinition[] {
  if (kind !== "CreateStmt" && kind !== "AlterTableStmt") return NONE;
  let defs = definitionsCache.get(node);
  if (!defs) {
    defs = readDefinitions(kind, node);
    definitionsCache.set(node, defs);
  }
  return defs;
}

function readDefinitions(kind: string, node: Node): ColumnDefinition[] {
  if (kind === "CreateStmt") {
    const table = relName(node.relation);
    const primary = new Set(
      list(node.tableElts)
        .map((e) => unwrap(e, "Constraint"))
        .filter((c) => c?.contype === "CONSTR_PRIMARY")
        .flatMap((c) => list(c!.keys).map((k) => unwrap(k, "String")?.sval as string)),
    );
    return list(node.tableElts)
      .map((e) => unwrap(e, "ColumnDef"))
      .filter((d): d is Node => d !== undefined)
      .map((def) => ({
        table,
        def: primary.has(def.colname as string) ? withPrimaryKey(def) : def,
        column: def.colname as string,
        create: true,
      }));
  }
  const table = relName(node.relation);
  return alterTableCommands(kind, node).flatMap(({ subtype, cmd }) => {
    const def = unwrap(cmd.def, "ColumnDef");
    if (!def) return [];
    if (subtype === "AT_AddColumn")
      return [{ table, def, column: def.colname as string, create: false }];
    if (subtype === "AT_AlterColumnType")
      return [{ table, def, column: cmd.name as string, create: false }];
    return [];
  });
}

/** A column named in a table-level PRIMARY KEY: seen as if declared on the column. */
function withPrimaryKey(def: Node): Node {
  return {
    ...def,
    constraints: [...list(def.constraints), { Constraint: { contype: "CONSTR_PRIMARY" } }],
  };
}

/** Where a column definition's type is written (for the caret). */
export function typeLocation(def: Node): { location?: number } {
  const t = def.typeName as { location?: number } | undefined;
  return typeof t?.location === "number" ? { location: t.location } : {};
}

/**
 * Whether making the column NOT NULL needs no scan: it already is, or (12+)
 * a validated `CHECK (c IS NOT NULL)` proves it.
 */
export function provenNotNull(
  table: TableInfo | undefined,
  column: string,
  pgVersion: number,
): boolean {
  if (!table) return false;
  if (table.columns.get(column)?.notNull) return true;
  if (pgVersion < 12) return false;
  for (const c of table.constraints.values())
    if (c.valid && c.kind === "check" && c.notNullColumns.includes(column)) return true;
  return false;
}
