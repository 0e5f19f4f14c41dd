import { startPostgres } from "pg-pitstop/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL server the tests make their databases on. */
    pgUrl: string;
  }
}

/**
 * A throwaway PostgreSQL server for the run (initdb in a temp dir, 127.0.0.1),
 * unless PITSTOP_TEST_DATABASE_URL names one already (CI's service container).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.PITSTOP_TEST_DATABASE_URL;
  const server = given ? undefined : await startPostgres();
  project.provide("pgUrl", given ?? server!.url);
  return async () => {
    await server?.stop();
  };
}
