/**
 * `pg-pitstop/testing`: real databases for tests.
 *
 * @example
 * import { createTestDatabase } from "pg-pitstop/testing";
 * const t = await createTestDatabase({ migrations: "migrations" });
 * await t.db.query("select count(*) from users");
 * await t.drop();
 */
export { testDatabaseFixture } from "./fixture.js";
export {
  DEFAULT_SERVER_SETTINGS,
  defaultBaseDir,
  findPostgresBindir,
  type PostgresServer,
  type StartPostgresOptions,
  type StartStandbyOptions,
  startPostgres,
  startStandby,
  stopPostgres,
} from "./pg-server.js";
export type { PGliteIsolation } from "./pglite-databases.js";
export type { RecipeOptions } from "./recipe.js";
export {
  type CreateTestDatabaseOptions,
  closeTestDatabases,
  createTestDatabase,
  DEFAULT_POOL_SIZE,
  prepareTestDatabases,
  type TestDatabase,
} from "./test-database.js";
export {
  DEFAULT_TEST_SERVER_STATE,
  runningTestServer,
  startTestServer,
  stopTestServer,
  type TestServerState,
} from "./test-server.js";
