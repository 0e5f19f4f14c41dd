import { DatabaseError } from "./driver.js";

/**
 * An ErrorResponse as pg-protocol parses it. node-postgres and PGlite both
 * raise this shape, with every field a string (so `position` is "28").
 */
export interface ServerErrorLike {
  message: string;
  severity?: string | undefined;
  code: string;
  position?: string | number | undefined;
  internalPosition?: string | number | undefined;
  internalQuery?: string | undefined;
  detail?: string | undefined;
  hint?: string | undefined;
  where?: string | undefined;
  schema?: string | undefined;
  table?: string | undefined;
  column?: string | undefined;
  constraint?: string | undefined;
}

/** True for an error the server sent (it has a SQLSTATE and a severity), not a socket or usage error. */
export function isServerError(error: unknown): error is ServerErrorLike {
  if (!(error instanceof Error)) return false;
  const fields = error as Error & { code?: unknown; severity?: unknown };
  return (
    typeof fields.code === "string" &&
    /^[0-9A-Z]{5}$/.test(fields.code) &&
    typeof fields.severity === "string"
  );
}

/**
 * The server error as pitstop's adapter-neutral `DatabaseError` (positions as numbers).
 *
 * @example
 * try { await client.query(sql) } catch (e) { throw isServerError(e) ? toDatabaseError(e) : e }
 */
export function toDatabaseError(error: ServerErrorLike): DatabaseError {
  return new DatabaseError(error.message, {
    code: error.code,
    severity: error.severity,
    position: toNumber(error.position),
    internalPosition: toNumber(error.internalPosition),
    internalQuery: error.internalQuery,
    detail: error.detail,
    hint: error.hint,
    where: error.where,
    schema: error.schema,
    table: error.table,
    column: error.column,
    constraint: error.constraint,
  });
}

function toNumber(value: string | number | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}
