import {
  defElems,
  list,
  type Node,
  qualified,
  type RelName,
  relName,
  stringConst,
  strings,
  unwrap,
} from "./ast.js";
import { type ColumnType, columnType } from "./column-type.js";
import type { Volatility } from "./volatility.js";

/**
 * The schema as the migrations describe it, replayed symbolically from their
 * statements (no database): which tables exist, their columns and types,
 * constraints, indexes, enums and function volatility. Just enough for the
 * rules; anything pitstop cannot follow is simply unknown, and rules treat
 * an unknown table as one that exists and holds data.
 */

/** When something happened: which migration (0-based in the lint run) and which transaction. */
export interface Where {
  readonly migration: number;
  readonly transaction: number;
}

export interface ColumnInfo {
  name: string;
  type: ColumnType | undefined;
  notNull: boolean;
}

export type ConstraintKind =
  | "check"
  | "foreign"
  | "unique"
  | "primary"
  | "notnull"
  | "exclusion"
  | "other";

export interface ConstraintInfo {
  name: string;
  kind: ConstraintKind;
  /** Validated (added without NOT VALID, or validated since). */
  valid: boolean;
  added: Where;
  /** The constrained columns (PRIMARY KEY, UNIQUE, FOREIGN KEY: its referencing columns). */
  columns: string[];
  /** Columns a valid constraint proves NOT NULL (`CHECK (c IS NOT NULL)`, PostgreSQL 18 `NOT NULL c`). */
  notNullColumns: string[];
}

export interface TableInfo {
  schema: string;
  name: string;
  columns: Map<string, ColumnInfo>;
  /** False for CREATE TABLE AS and the like: columns pitstop cannot see. */
  columnsKnown: boolean;
  constraints: Map<string, ConstraintInfo>;
  created: Where;
  partitioned: boolean;
  /** Its partitions (`CREATE TABLE ... PARTITION OF` it): SET NOT NULL reaches them too. */
  partitions: TableInfo[];
}

export interface EnumInfo {
  values: string[];
  created: Where;
}

export interface IndexInfo {
  schema: string;
  name: string;
  table: TableInfo;
  /** Key columns in order (an expression is `""`). */
  columns: string[];
  /** Partial (`WHERE ...`): not usable to look up every row. */
  partial: boolean;
  created: Where;
}

const DEFAULT_SCHEMA = "public";

export class Schema {
  readonly #tables = new Map<string, TableInfo>();
  readonly #indexes = new Map<string, IndexInfo>();
  readonly #enums = new Map<string, EnumInfo>();
  readonly #schemas = new Map<string, Where>();
  readonly #domains = new Map<string, Where>();
  /** The last DDL that locked a table against writes, by `schema.table` as written. */
  readonly #ddl = new Map<string, Where>();
  /** Volatility of functions created by the migrations, by (unqualified) name. */
  readonly functions = new Map<string, Volatility>();
  #searchPath: string[] = [DEFAULT_SCHEMA];

  get searchPath(): readonly string[] {
    return this.#searchPath;
  }

  /** Session settings end with the migration (the runner resets them). */
  beginMigration(): void {
    this.#searchPath = [DEFAULT_SCHEMA];
  }

  table(rel: RelName | undefined): TableInfo | undefined {
    if (!rel) return undefined;
    if (rel.schema) return this.#tables.get(key(rel.schema, rel.name));
    // An indexed loop: asked by most rules for every statement, on lint's baseline JIT.
    const path = this.#searchPath;
    for (let i = 0; i < path.length; i++) {
      const t = this.#tables.get(key(path[i]!, rel.name));
      if (t) return t;
    }
    return undefined;
  }

  index(rel: RelName | undefined): IndexInfo | undefined {
    if (!rel) return undefined;
    if (rel.schema) return this.#indexes.get(key(rel.schema, rel.name));
    for (const schema of this.#searchPath) {
      const i = this.#indexes.get(key(schema, rel.name));
      if (i) return i;
    }
    return undefined;
  }

  /** When a schema was created, if a migration did. */
  schemaCreated(name: string): Where | undefined {
    return this.#schemas.get(name);
  }

  /** When a domain was created, if a migration did. */
  domainCreated(names: string[]): Where | undefined {
    const rel = qualified(names);
    if (!rel) return undefined;
    if (rel.schema) return this.#domains.get(key(rel.schema, rel.name));
    for (const schema of this.#searchPath) {
      const d = this.#domains.get(key(schema, rel.name));
      if (d) return d;
    }
    return undefined;
  }

  /**
   * The last statement that took a lock blocking writes on the table
   * (ALTER TABLE, CREATE INDEX without CONCURRENTLY, a rename...), known or not.
   */
  lastDdl(rel: RelName | undefined): Where | undefined {
    return rel ? this.#ddl.get(this.#key(rel)) : undefined;
  }

  /** Indexes and PRIMARY KEY/UNIQUE constraints of a table: their key columns. */
  indexedColumns(table: TableInfo): string[][] {
    const out: string[][] = [];
    for (const i of this.#indexes.values())
      if (i.table === table && !i.partial) out.push(i.columns);
    for (const c of table.constraints.values())
      if (c.kind === "primary" || c.kind === "unique" || c.kind === "exclusion")
        out.push(c.columns);
    return out;
  }

  enumType(names: string[]): EnumInfo | undefined {
    const rel = qualified(names);
    if (!rel) return undefined;
    if (rel.schema) return this.#enums.get(key(rel.schema, rel.name));
    for (const schema of this.#searchPath) {
      const e = this.#enums.get(key(schema, rel.name));
      if (e) return e;
    }
    return undefined;
  }

  /** Replays one statement. */
  apply(kind: string, node: Node, at: Where): void {
    this.#noteDdl(kind, node, at);
    switch (kind) {
      case "CreateStmt":
        this.#createTable(node, at);
        return;
      case "CreateTableAsStmt":
        this.#createOpaque(relName((node.into as Node | undefined)?.rel), at);
        return;
      case "SelectStmt":
        this.#createOpaque(relName((node.intoClause as Node | undefined)?.rel), at);
        return;
      case "AlterTableStmt":
        this.#alterTable(node, at);
        return;
      case "RenameStmt":
        this.#rename(node);
        return;
      case "AlterObjectSchemaStmt":
        this.#setSchema(node);
        return;
      case "DropStmt":
        this.#drop(node);
        return;
      case "IndexStmt":
        this.#createIndex(node, at);
        return;
      case "CreateSchemaStmt":
        if (typeof node.schemaname === "string" && !this.#schemas.has(node.schemaname))
          this.#schemas.set(node.schemaname, at);
        return;
      case "CreateDomainStmt": {
        const rel = qualified(strings(node.domainname));
        if (rel) this.#domains.set(this.#key(rel), at);
        return;
      }
      case "CreateEnumStmt": {
        const rel = qualified(strings(node.typeName));
        if (rel) this.#enums.set(this.#key(rel), { values: strings(node.vals), created: at });
        return;
      }
      case "AlterEnumStmt":
        this.#alterEnum(node);
        return;
      case "CreateFunctionStmt": {
        const name = strings(node.funcname).pop()?.toLowerCase();
        const volatility = stringConst(defElems(node.options).get("volatility"));
        if (name) this.functions.set(name, (volatility as Volatility | undefined) ?? "volatile");
        return;
      }
      case "VariableSetStmt":
        if (node.name === "search_path") {
          const path = list(node.args)
            .map((a) => stringConst(a))
            .filter((s): s is string => s !== undefined && s !== "$user");
          this.#searchPath = path.length > 0 ? path : [DEFAULT_SCHEMA];
        }
        return;
    }
  }

  #noteDdl(kind: string, node: Node, at: Where): void {
    let rel: RelName | undefined;
    if (kind === "AlterTableStmt") {
      const cmds = list(node.cmds).map((c) => unwrap(c, "AlterTableCmd")?.subtype);
      // VALIDATE CONSTRAINT and DETACH ... CONCURRENTLY let writes go on.
      const weak = cmds.every((c) => c === "AT_ValidateConstraint" || c === "AT_DetachPartition");
      if ((node.objtype === undefined || node.objtype === "OBJECT_TABLE") && !weak)
        rel = relName(node.relation);
    } else if (kind === "IndexStmt" && !node.concurrent) rel = relName(node.relation);
    else if (kind === "CreateTrigStmt") rel = relName(node.relation);
    else if (kind === "RenameStmt" && node.relation) rel = relName(node.relation);
    if (rel) this.#ddl.set(this.#key(rel), at);
  }

  #key(rel: RelName): string {
    return key(rel.schema ?? this.#searchPath[0]!, rel.name);
  }

  #createTable(node: Node, at: Where): void {
    const rel = relName(node.relation);
    if (!rel) return;
    if (this.table(rel) && node.if_not_exists) return;
    const table = this.#newTable(rel, at);
    table.partitioned = node.partspec !== undefined;
    for (const parent of list(node.inhRelations)) {
      const from = this.table(relName(unwrap(parent, "RangeVar")));
      if (from) for (const [n, c] of from.columns) table.columns.set(n, { ...c });
      else table.columnsKnown = false;
      if (from && node.partbound !== undefined) from.partitions.push(table);
    }
    for (const element of list(node.tableElts)) {
      const column = unwrap(element, "ColumnDef");
      if (column) {
        this.#addColumn(table, column, at);
        continue;
      }
      const constraint = unwrap(element, "Constraint");
      if (constraint) {
        this.#addConstraint(table, constraint, at);
        continue;
      }
      const like = unwrap(element, "TableLikeClause");
      const from = like ? this.table(relName(like.relation)) : undefined;
      if (from) for (const [n, c] of from.columns) table.columns.set(n, { ...c });
      else if (like) table.columnsKnown = false;
    }
  }

  #createOpaque(rel: RelName | undefined, at: Where): void {
    if (!rel) return;
    this.#newTable(rel, at).columnsKnown = false;
  }

  #newTable(rel: RelName, at: Where): TableInfo {
    const schema = rel.schema ?? this.#searchPath[0]!;
    const table: TableInfo = {
      schema,
      name: rel.name,
      columns: new Map(),
      columnsKnown: true,
      constraints: new Map(),
      created: at,
      partitioned: false,
      partitions: [],
    };
    this.#tables.set(key(schema, rel.name), table);
    return table;
  }

  #addColumn(table: TableInfo, def: Node, at: Where): void {
    const name = def.colname as string | undefined;
    if (!name) return;
    let notNull = false;
    for (const c of list(def.constraints)) {
      const constraint = unwrap(c, "Constraint");
      if (!constraint) continue;
      if (constraint.contype === "CONSTR_NOTNULL" || constraint.contype === "CONSTR_PRIMARY")
        notNull = true;
      if (constraint.contype !== "CONSTR_NOTNULL" && constraint.contype !== "CONSTR_DEFAULT")
        this.#addConstraint(table, constraint, at, name);
    }
    table.columns.set(name, { name, type: columnType(def.typeName), notNull });
  }

  #addConstraint(table: TableInfo, c: Node, at: Where, column?: string): void {
    const kind = constraintKind(c.contype);
    const usingIndex =
      typeof c.indexname === "string"
        ? this.#indexes.get(key(table.schema, c.indexname))?.columns
        : undefined;
    const keys = column ? [column] : (usingIndex ?? strings(c.keys));
    const name =
      (c.conname as string | undefined) ??
      defaultConstraintName(table.name, kind, keys.length > 0 ? keys : checkColumns(c));
    const valid = c.skip_validation !== true;
    const notNullColumns =
      kind === "notnull" ? keys : kind === "check" ? provenNotNull(c.raw_expr) : [];
    const columns = kind === "foreign" ? (column ? [column] : strings(c.fk_attrs)) : keys;
    table.constraints.set(name, { name, kind, valid, added: at, columns, notNullColumns });
    if (kind === "primary" || (kind === "notnull" && valid)) {
      for (const k of keys) {
        const col = table.columns.get(k);
        if (col) col.notNull = true;
      }
    }
  }

  #alterTable(node: Node, at: Where): void {
    if (node.objtype !== undefined && node.objtype !== "OBJECT_TABLE") return;
    const table = this.table(relName(node.relation));
    if (!table) return;
    for (const item of list(node.cmds)) {
      const cmd = unwrap(item, "AlterTableCmd");
      if (!cmd) continue;
      const column = typeof cmd.name === "string" ? table.columns.get(cmd.name) : undefined;
      switch (cmd.subtype) {
        case "AT_AddColumn": {
          const def = unwrap(cmd.def, "ColumnDef");
          if (def && !(cmd.missing_ok && table.columns.has(def.colname as string)))
            this.#addColumn(table, def, at);
          break;
        }
        case "AT_DropColumn":
          if (typeof cmd.name === "string") table.columns.delete(cmd.name);
          break;
        case "AT_AlterColumnType":
          if (column) column.type = columnType(unwrap(cmd.def, "ColumnDef")?.typeName);
          break;
        case "AT_SetNotNull":
          if (typeof cmd.name === "string") setNotNull(table, cmd.name);
          break;
        case "AT_DropNotNull":
          if (column) column.notNull = false;
          break;
        case "AT_AddConstraint": {
          const c = unwrap(cmd.def, "Constraint");
          if (c) this.#addConstraint(table, c, at);
          break;
        }
        case "AT_ValidateConstraint": {
          const c = typeof cmd.name === "string" ? table.constraints.get(cmd.name) : undefined;
          if (c) {
            c.valid = true;
            if (c.kind === "notnull")
              for (const n of c.notNullColumns) {
                const col = table.columns.get(n);
                if (col) col.notNull = true;
              }
          }
          break;
        }
        case "AT_DropConstraint":
          if (typeof cmd.name === "string") table.constraints.delete(cmd.name);
          break;
      }
    }
  }

  #rename(node: Node): void {
    const newName = node.newname as string | undefined;
    if (!newName) return;
    switch (node.renameType) {
      case "OBJECT_TABLE": {
        const table = this.table(relName(node.relation));
        if (!table) return;
        this.#tables.delete(key(table.schema, table.name));
        table.name = newName;
        this.#tables.set(key(table.schema, newName), table);
        return;
      }
      case "OBJECT_COLUMN": {
        const table = this.table(relName(node.relation));
        const column = table?.columns.get(node.subname as string);
        if (!table || !column) return;
        table.columns.delete(column.name);
        column.name = newName;
        table.columns.set(newName, column);
        return;
      }
      case "OBJECT_TABCONSTRAINT": {
        const table = this.table(relName(node.relation));
        const c = table?.constraints.get(node.subname as string);
        if (!table || !c) return;
        table.constraints.delete(c.name);
        c.name = newName;
        table.constraints.set(newName, c);
        return;
      }
      case "OBJECT_INDEX": {
        const index = this.index(relName(node.relation));
        if (!index) return;
        this.#indexes.delete(key(index.schema, index.name));
        index.name = newName;
        this.#indexes.set(key(index.schema, newName), index);
        return;
      }
    }
  }

  #setSchema(node: Node): void {
    if (node.objectType !== "OBJECT_TABLE") return;
    const table = this.table(relName(node.relation));
    const schema = node.newschema as string | undefined;
    if (!table || !schema) return;
    this.#tables.delete(key(table.schema, table.name));
    table.schema = schema;
    this.#tables.set(key(schema, table.name), table);
  }

  #drop(node: Node): void {
    const objects = list(node.objects);
    switch (node.removeType) {
      case "OBJECT_TABLE":
        for (const o of objects) {
          const table = this.table(qualified(strings(unwrap(o, "List")?.items)));
          if (table) this.#dropTable(table);
        }
        return;
      case "OBJECT_INDEX":
        for (const o of objects) {
          const index = this.index(qualified(strings(unwrap(o, "List")?.items)));
          if (index) this.#indexes.delete(key(index.schema, index.name));
        }
        return;
      case "OBJECT_SCHEMA": {
        const schemas = new Set(objects.map((o) => stringConst(o)));
        for (const name of schemas) if (name) this.#schemas.delete(name);
        for (const table of [...this.#tables.values()])
          if (schemas.has(table.schema)) this.#dropTable(table);
        return;
      }
      case "OBJECT_TYPE":
        for (const o of objects) {
          const found = this.enumType(strings(unwrap(o, "TypeName")?.names));
          for (const [k, e] of this.#enums) if (e === found) this.#enums.delete(k);
        }
        return;
    }
  }

  #dropTable(table: TableInfo): void {
    this.#tables.delete(key(table.schema, table.name));
    for (const [k, index] of this.#indexes) if (index.table === table) this.#indexes.delete(k);
  }

  #createIndex(node: Node, at: Where): void {
    const table = this.table(relName(node.relation));
    const name = node.idxname as string | undefined;
    if (!table || !name) return;
    const columns = list(node.indexParams).map(
      (p) => (unwrap(p, "IndexElem")?.name as string | undefined) ?? "",
    );
    this.#indexes.set(key(table.schema, name), {
      schema: table.schema,
      name,
      table,
      columns,
      partial: node.whereClause !== undefined,
      created: at,
    });
  }

  #alterEnum(node: Node): void {
    const values = this.enumType(strings(node.typeName))?.values;
    if (!values || typeof node.newVal !== "string") return;
    if (typeof node.oldVal === "string") {
      const i = values.indexOf(node.oldVal);
      if (i >= 0) values[i] = node.newVal;
    } else if (!values.includes(node.newVal)) values.push(node.newVal);
  }
}

function key(schema: string, name: string): string {
  return `${schema}.${name}`;
}

function constraintKind(contype: unknown): ConstraintKind {
  switch (contype) {
    case "CONSTR_CHECK":
      return "check";
    case "CONSTR_FOREIGN":
      return "foreign";
    case "CONSTR_UNIQUE":
      return "unique";
    case "CONSTR_PRIMARY":
      return "primary";
    case "CONSTR_NOTNULL":
      return "notnull";
    case "CONSTR_EXCLUSION":
      return "exclusion";
    default:
      return "other";
  }
}

/** PostgreSQL's default names (close enough for VALIDATE CONSTRAINT lookups). */
function defaultConstraintName(table: string, kind: ConstraintKind, columns: string[]): string {
  const cols = columns.length > 0 ? `_${columns.join("_")}` : "";
  switch (kind) {
    case "primary":
      return `${table}_pkey`;
    case "foreign":
      return `${table}${cols}_fkey`;
    case "unique":
      return `${table}${cols}_key`;
    case "notnull":
      return `${table}${cols}_not_null`;
    case "exclusion":
      return `${table}${cols}_excl`;
    default:
      return `${table}${cols}_check`;
  }
}

/** Columns a CHECK expression mentions first (for its default name). */
function checkColumns(c: Node): string[] {
  const ref = unwrap(unwrap(c.raw_expr, "A_Expr")?.lexpr, "ColumnRef");
  const col = ref ? strings(ref.fields).pop() : undefined;
  return col ? [col] : [];
}

/** Columns that `CHECK (expr)` proves NOT NULL: `c IS NOT NULL`, possibly ANDed with more. */
export function provenNotNull(expr: unknown): string[] {
  const test = unwrap(expr, "NullTest");
  if (test) {
    const ref = unwrap(test.arg, "ColumnRef");
    const col = ref ? strings(ref.fields).pop() : undefined;
    return test.nulltesttype === "IS_NOT_NULL" && col ? [col] : [];
  }
  const bool = unwrap(expr, "BoolExpr");
  if (bool?.boolop === "AND_EXPR") return list(bool.args).flatMap((a) => provenNotNull(a));
  return [];
}

/** SET NOT NULL on a partitioned table sets it on every partition, down the levels. */
function setNotNull(table: TableInfo, name: string): void {
  const column = table.columns.get(name);
  if (column) column.notNull = true;
  for (const partition of table.partitions) setNotNull(partition, name);
}
