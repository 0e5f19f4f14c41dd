import { fileURLToPath } from "node:url";
import {
  type CreateTestDatabaseOptions,
  createTestDatabase,
  type TestDatabase,
} from "pg-pitstop/testing";
import { inject } from "vitest";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const MIGRATIONS = `${ROOT}migrations`;
export const SEEDS = `${ROOT}seeds`;

export const DRIVERS = ["postgres", "pglite"] as const;
export type DriverName = (typeof DRIVERS)[number];

/** A fresh database with the service's migrations and seeds, on the server of this run or on PGlite. */
export function freshDatabase(
  driver: DriverName,
  options: Partial<CreateTestDatabaseOptions> = {},
): Promise<TestDatabase> {
  return createTestDatabase({
    migrations: MIGRATIONS,
    seeds: SEEDS,
    ...(driver === "postgres" ? { url: inject("pgUrl") } : { driver: "pglite" }),
    ...options,
  });
}
