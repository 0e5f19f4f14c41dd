/**
 * The schema model: what `inspect()` reads from pg_catalog, plain data that
 * survives `JSON.stringify`. Expressions, types and definitions are SQL text
 * as PostgreSQL prints it (`format_type`, `pg_get_expr`, `pg_get_*def`) with
 * `search_path = public`: objects in `public` are unqualified, others are
 * qualified. Optional fields are absent (not `undefined`) when unset, and
 * every list is sorted, so two models of the same schema are deep-equal.
 *
 * `deps` lists the keys (see `objectKey`) of other objects in the model that
 * an object needs, as pg_depend records them (a view on the columns it reads,
 * a default on the function it calls, a column on its enum type...).
 */

export interface SchemaModel {
  /** Non-system schemas other than `public` (which always exists). */
  readonly schemas: readonly SchemaDef[];
  readonly extensions: readonly ExtensionDef[];
  readonly collations: readonly CollationDef[];
  readonly types: readonly TypeDef[];
  readonly sequences: readonly SequenceDef[];
  readonly tables: readonly TableDef[];
  readonly views: readonly ViewDef[];
  readonly functions: readonly FunctionDef[];
  readonly constraints: readonly ConstraintDef[];
  readonly indexes: readonly IndexDef[];
  readonly triggers: readonly TriggerDef[];
  readonly policies: readonly PolicyDef[];
}

/** One privilege a role (or PUBLIC) holds on an object; the owner's own are left out. */
export interface Grant {
  /** Role name, or `PUBLIC`. */
  readonly grantee: string;
  /** `SELECT`, `INSERT`, `USAGE`, `EXECUTE`... */
  readonly privilege: string;
  readonly grantable?: true;
}

interface Named {
  readonly schema: string;
  readonly name: string;
  readonly comment?: string;
}

export interface SchemaDef {
  readonly name: string;
  readonly comment?: string;
  readonly grants?: readonly Grant[];
}

export interface ExtensionDef {
  readonly name: string;
  readonly schema: string;
  readonly version: string;
}

/** `CREATE COLLATION`: libc takes LC_COLLATE and LC_CTYPE, icu and builtin a locale. */
export interface CollationDef extends Named {
  readonly provider: "libc" | "icu" | "builtin";
  readonly locale?: string;
  readonly lcCollate?: string;
  readonly lcCtype?: string;
  /** Absent: deterministic (the default). */
  readonly deterministic?: false;
  /** ICU tailoring rules (PostgreSQL 16+). */
  readonly rules?: string;
}

export type TypeDef = EnumDef | DomainDef | CompositeDef | RangeDef;

export interface EnumDef extends Named {
  readonly kind: "enum";
  readonly labels: readonly string[];
  readonly grants?: readonly Grant[];
}

export interface DomainDef extends Named {
  readonly kind: "domain";
  /** The base type, e.g. `text` or `numeric(10,2)`. */
  readonly type: string;
  readonly notNull: boolean;
  readonly default?: string;
  readonly collation?: string;
  readonly checks: readonly DomainCheck[];
  readonly grants?: readonly Grant[];
  readonly deps?: readonly string[];
}

export interface DomainCheck {
  readonly name: string;
  /** `CHECK ((VALUE > 0))`, with ` NOT VALID` when not validated. */
  readonly definition: string;
}

export interface CompositeDef extends Named {
  readonly kind: "composite";
  readonly attributes: readonly { name: string; type: string; collation?: string }[];
  readonly grants?: readonly Grant[];
  readonly deps?: readonly string[];
}

export interface RangeDef extends Named {
  readonly kind: "range";
  readonly subtype: string;
  /** Non-default options as SQL, e.g. `SUBTYPE_DIFF = float8mi`. */
  readonly options: readonly string[];
  readonly grants?: readonly Grant[];
  readonly deps?: readonly string[];
}

export interface SequenceDef extends Named {
  readonly type: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  /** `OWNED BY` column: the sequence is dropped with it. */
  readonly ownedBy?: { readonly table: string; readonly schema: string; readonly column: string };
  readonly grants?: readonly Grant[];
}

export interface TableDef extends Named {
  readonly kind: "table" | "partitioned";
  readonly unlogged?: true;
  /** `RANGE (created_at)`: the table is partitioned by this key. */
  readonly partitionBy?: string;
  /** The table is a partition of `parent` (qualified SQL name) with this bound. */
  readonly partitionOf?: { readonly parent: string; readonly bound: string };
  /** Parents by plain inheritance (qualified SQL names), in inheritance order. */
  readonly inherits?: readonly string[];
  /** Storage parameters, e.g. `fillfactor=70`. */
  readonly options?: readonly string[];
  readonly rowSecurity?: true;
  readonly forceRowSecurity?: true;
  /** Columns in table order; partitions list none (they have the parent's). Inherited columns are left out. */
  readonly columns: readonly ColumnDef[];
  readonly grants?: readonly Grant[];
  readonly deps?: readonly string[];
}

export interface ColumnDef {
  readonly name: string;
  /** `format_type`: `integer`, `character varying(40)`, `mood[]`. */
  readonly type: string;
  readonly notNull: boolean;
  readonly default?: string;
  /** Objects the default needs (functions, sequences, types). */
  readonly defaultDeps?: readonly string[];
  readonly identity?: IdentityDef;
  readonly generated?: { readonly expression: string; readonly stored: boolean };
  /** Set when it is not the type's default collation, as SQL (`"C"`). */
  readonly collation?: string;
  readonly comment?: string;
  /** Objects the column's type needs (enum, domain, composite, extension). */
  readonly deps?: readonly string[];
}

export interface IdentityDef {
  readonly always: boolean;
  /** Sequence options that differ from the defaults, as SQL (`START WITH 100`). */
  readonly options: readonly string[];
}

export type ConstraintType = "primary" | "unique" | "foreign" | "check" | "exclusion";

export interface ConstraintDef {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly type: ConstraintType;
  /** `pg_get_constraintdef`: `FOREIGN KEY (a) REFERENCES b(id) ON DELETE CASCADE`, ` NOT VALID` included. */
  readonly definition: string;
  readonly comment?: string;
  readonly deps?: readonly string[];
}

export interface IndexDef {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** `CREATE [UNIQUE] INDEX name ON table USING method (...) [INCLUDE ...] [WHERE ...]`. */
  readonly definition: string;
  readonly comment?: string;
  readonly deps?: readonly string[];
}

export interface ViewDef extends Named {
  readonly materialized: boolean;
  /** `pg_get_viewdef(oid, true)`, without the trailing semicolon. */
  readonly query: string;
  /** `security_invoker=true`, `check_option=local`... */
  readonly options?: readonly string[];
  readonly columns: readonly { name: string; type: string; comment?: string }[];
  readonly grants?: readonly Grant[];
  readonly deps?: readonly string[];
}

export interface FunctionDef extends Named {
  readonly kind: "function" | "procedure";
  /** Argument types, the identity: `integer, text`. */
  readonly args: string;
  /** Full argument list with names, modes and defaults. */
  readonly signature: string;
  /** `pg_get_function_result`; absent for procedures. */
  readonly returns?: string;
  readonly language: string;
  /** `CREATE OR REPLACE FUNCTION ...` as `pg_get_functiondef` prints it (name unqualified in public). */
  readonly definition: string;
  readonly grants?: readonly Grant[];
  readonly deps?: readonly string[];
}

export interface TriggerDef {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  /** `CREATE TRIGGER ...` as `pg_get_triggerdef` prints it. */
  readonly definition: string;
  /** `DISABLE`, `ENABLE REPLICA` or `ENABLE ALWAYS` when not the default. */
  readonly enabled?: string;
  readonly comment?: string;
  readonly deps?: readonly string[];
}

export interface PolicyDef {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly permissive: boolean;
  /** `ALL`, `SELECT`, `INSERT`, `UPDATE`, `DELETE`. */
  readonly command: string;
  /** Role names or `PUBLIC`, sorted. */
  readonly roles: readonly string[];
  readonly using?: string;
  readonly withCheck?: string;
  readonly comment?: string;
  readonly deps?: readonly string[];
}

/**
 * A model with nothing in it: the "from" of a dump, the "to" of a teardown.
 *
 * @example
 * const create = diff(emptyModel(), model); // every statement that builds `model`
 */
export function emptyModel(): SchemaModel {
  return {
    schemas: [],
    extensions: [],
    collations: [],
    types: [],
    sequences: [],
    tables: [],
    views: [],
    functions: [],
    constraints: [],
    indexes: [],
    triggers: [],
    policies: [],
  };
}
