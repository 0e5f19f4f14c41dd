import type { Driver, QueryResult, Session } from "../driver/driver.js";
import { quoteIdent } from "../store/sql-text.js";

/**
 * A driver whose every session first sets `search_path` to a tenant's
 * schema, so unqualified names in migrations land in it. Calls outside a
 * session go through one too. A `SET` per session (one round trip), rather
 * than a startup `options` parameter, works through pgbouncer and on PGlite.
 *
 * @example
 * const tenant = withSearchPath(await openDriver({ url }), "tenant_42");
 */
export function withSearchPath(driver: Driver, schema: string): Driver {
  const set = `SET search_path TO ${quoteIdent(schema)}`;
  const session = <T>(fn: (s: Session) => Promise<T>): Promise<T> =>
    driver.session(async (s) => {
      await s.exec(set);
      return fn(s);
    });
  return {
    dialect: driver.dialect,
    target: `${driver.target} (schema ${schema})`,
    session,
    query: <R extends object = Record<string, unknown>>(
      sql: string,
      params?: readonly unknown[],
    ): Promise<QueryResult<R>> => session((s) => s.query<R>(sql, params)),
    exec: (sql) => session((s) => s.exec(sql)),
    copyFrom: (sql, data) => session((s) => s.copyFrom(sql, data)),
    close: () => driver.close(),
  };
}
