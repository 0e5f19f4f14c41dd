/**
 * The one seam between pitstop and a database. Nothing outside `src/driver/`
 * imports a database package; everything else talks to these interfaces.
 */

export type Dialect = "postgres" | "pglite";

export interface QueryResult<R> {
  rows: R[];
  /** Rows affected or returned; null when the server did not say. */
  rowCount: number | null;
}

export interface Queryable {
  /** One statement, with `$1`-style parameters (extended protocol). */
  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /**
   * A script of zero or more statements sent as one simple-protocol message:
   * one round trip. An error's `position` is relative to the whole script.
   */
  exec(sql: string): Promise<void>;
  /** `COPY ... FROM STDIN` with its data (text format, as pg_dump writes it). Returns rows copied. */
  copyFrom(sql: string, data: string): Promise<number>;
}

/** One connection held for a sequence of calls (advisory lock, transactions). */
export interface Session extends Queryable {
  /**
   * The backend pid the server announced when this connection started
   * (BackendKeyData); undefined where there is none (PGlite). A proxy such as
   * PgBouncer announces its own number, so it differs from `pg_backend_pid()`.
   */
  readonly announcedPid?: number | undefined;
}

export interface Driver extends Queryable {
  readonly dialect: Dialect;
  /** Human description of where this driver points; never contains a password. */
  readonly target: string;
  /** Runs `fn` on one connection that nothing else uses meanwhile. */
  session<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  /** Closes connections this driver opened (not ones it was given). */
  close(): Promise<void>;
  /**
   * Optional: another driver to the same database whose calls run while a
   * session of this one is busy (its own connection, or the same pool). The
   * caller closes it. Absent where there is only one connection (PGlite, a
   * client the caller gave).
   */
  fork?(): Promise<Driver>;
}

/** A server error, the same shape from every adapter. */
export class DatabaseError extends Error {
  /** SQLSTATE, e.g. `42P01`. */
  readonly code: string;
  readonly severity: string | undefined;
  /** 1-based character position in the statement text that was sent. */
  readonly position: number | undefined;
  readonly internalPosition: number | undefined;
  readonly internalQuery: string | undefined;
  readonly detail: string | undefined;
  readonly hint: string | undefined;
  readonly where: string | undefined;
  readonly schema: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly constraint: string | undefined;

  constructor(message: string, fields: DatabaseErrorFields) {
    super(message);
    this.name = "DatabaseError";
    this.code = fields.code;
    this.severity = fields.severity;
    this.position = fields.position;
    this.internalPosition = fields.internalPosition;
    this.internalQuery = fields.internalQuery;
    this.detail = fields.detail;
    this.hint = fields.hint;
    this.where = fields.where;
    this.schema = fields.schema;
    this.table = fields.table;
    this.column = fields.column;
    this.constraint = fields.constraint;
  }
}

export interface DatabaseErrorFields {
  code: string;
  severity?: string | undefined;
  position?: number | undefined;
  internalPosition?: number | undefined;
  internalQuery?: string | undefined;
  detail?: string | undefined;
  hint?: string | undefined;
  where?: string | undefined;
  schema?: string | undefined;
  table?: string | undefined;
  column?: string | undefined;
  constraint?: string | undefined;
}

/** SQLSTATE codes pitstop reacts to. */
export const SQLSTATE = {
  lockNotAvailable: "55P03",
  queryCanceled: "57014",
  undefinedTable: "42P01",
  duplicateTable: "42P07",
  duplicateObject: "42710",
  duplicateDatabase: "42P04",
  invalidCatalogName: "3D000",
  activeSqlTransaction: "25001",
  inFailedSqlTransaction: "25P02",
  adminShutdown: "57P01",
  cannotConnectNow: "57P03",
} as const;
