/**
 * Reads from a database on one connection that refuses to write: the
 * session's `default_transaction_read_only` is on while `fn` runs, so a
 * statement that changes anything fails with SQLSTATE 25006 (read-only SQL
 * transaction) even if some code path tried. Set back before the connection
 * is handed back (a pooled connection must not stay read-only for others).
 */
import type { Driver, Session } from "../driver/driver.js";

/**
 * Runs `fn` with a driver whose every statement runs on one read-only session of `driver`.
 *
 * @example
 * const model = await readOnly(driver, (db) => inspect(db));
 */
export async function readOnly<T>(driver: Driver, fn: (db: Driver) => Promise<T>): Promise<T> {
  return driver.session(async (session) => {
    await session.exec("SET SESSION default_transaction_read_only = on");
    try {
      return await fn(sessionDriver(driver, session));
    } finally {
      await session.exec("RESET default_transaction_read_only").catch(() => {});
    }
  });
}

/** A Driver that is one session: nested sessions reuse it, close() leaves it open. */
function sessionDriver(driver: Driver, session: Session): Driver {
  return {
    dialect: driver.dialect,
    target: driver.target,
    query: (sql, params) => session.query(sql, params),
    exec: (sql) => session.exec(sql),
    copyFrom: (sql, data) => session.copyFrom(sql, data),
    session: (fn) => fn(session),
    close: async () => {},
  };
}
