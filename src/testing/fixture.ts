import {
  type CreateTestDatabaseOptions,
  createTestDatabase,
  type TestDatabase,
} from "./test-database.js";

/**
 * A vitest fixture: each test that asks for it gets a brand-new migrated
 * database, dropped (or rolled back) when the test ends.
 *
 * @example
 * import { test as base } from "vitest";
 * import { type TestDatabase, testDatabaseFixture } from "pg-pitstop/testing";
 *
 * export const test = base.extend<{ db: TestDatabase }>({
 *   db: testDatabaseFixture({ migrations: "migrations" }),
 * });
 *
 * test("stores a user", async ({ db }) => {
 *   await db.db.query("INSERT INTO users (email) VALUES ('a@example.com')");
 * });
 */
export function testDatabaseFixture(
  options: CreateTestDatabaseOptions,
): (context: object, use: (database: TestDatabase) => Promise<void>) => Promise<void> {
  // Vitest reads a fixture's parameters from its source: the first must be a destructuring pattern.
  // biome-ignore lint/correctness/noEmptyPattern: see above
  return async ({}, use) => {
    const database = await createTestDatabase(options);
    try {
      await use(database);
    } finally {
      await database.drop();
    }
  };
}
