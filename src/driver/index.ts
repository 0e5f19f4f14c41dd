/**
 * The database seam. Importing this module loads neither `pg` nor PGlite:
 * each adapter imports its database package when a driver is created.
 */
export {
  type DatabaseLocation,
  locateDatabase,
  maskUrl,
  type OpenDriverOptions,
  openDriver,
} from "./connect.js";
export {
  DatabaseError,
  type DatabaseErrorFields,
  type Dialect,
  type Driver,
  type Queryable,
  type QueryResult,
  type Session,
  SQLSTATE,
} from "./driver.js";
export type { LockHolder as DataDirLockHolder, LockWaitInfo } from "./file-lock.js";
export {
  createPgDriver,
  DEFAULT_APPLICATION_NAME,
  DEFAULT_CONNECT_TIMEOUT_MS,
  describeUrlTarget,
  type PgClientOptions,
  type PgDriverOptions,
  type PgPoolOptions,
  type PgUrlOptions,
} from "./pg.js";
export {
  createPGliteDriver,
  DEFAULT_LOCK_TIMEOUT_MS,
  PGLITE_MEMORY,
  type PGliteDirOptions,
  type PGliteDriverOptions,
  type PGliteInstanceOptions,
} from "./pglite.js";
