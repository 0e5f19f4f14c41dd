import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

// What users import: the built package through its `exports` map, not src/.
function expectFunctions(module: object, names: readonly string[]): void {
  for (const name of names) {
    expect(typeof (module as Record<string, unknown>)[name], name).toBe("function");
  }
}

describe("the package's public surface", () => {
  it("pitstop exports the migration, driver, lint, seed and declarative entry points", async () => {
    expectFunctions(await import("pg-pitstop"), [
      "migrate",
      "status",
      "Migrator",
      "directorySource",
      "listSource",
      "openDriver",
      "createPgDriver",
      "createPGliteDriver",
      "maskUrl",
      "lint",
      "lintMigrations",
      "seedDatabase",
      "migrateFleet",
      "fleetStatus",
      "parseTargets",
      "queryTargets",
      "tenantSchemas",
      "inspect",
      "diff",
      "renderDump",
      "renderDiagram",
      "renderMermaid",
      "renderDot",
      "renderSvg",
      "erGraph",
      "defineConfig",
      "PitstopError",
      "DatabaseError",
    ]);
  });

  it("pitstop/testing exports the test database helpers", async () => {
    expectFunctions(await import("pg-pitstop/testing"), [
      "createTestDatabase",
      "testDatabaseFixture",
      "closeTestDatabases",
      "prepareTestDatabases",
      "startPostgres",
      "startTestServer",
      "stopTestServer",
    ]);
  });

  it("importing pitstop loads neither pg, PGlite, the parser nor the diagram layout library", async () => {
    const { execFileSync } = await import("node:child_process");
    const probe = (...extra: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, [`${ROOT}/test/helpers/heavy-imports.mjs`, ...extra], {
          cwd: ROOT,
          encoding: "utf8",
        }),
      );
    expect(probe()).toEqual([]);
    // The probe does see them when they are loaded.
    expect(probe("pg")).toEqual(["pg"]);
    expect(probe("@dagrejs/dagre")).toEqual(["@dagrejs/dagre"]);
    // Drawing an SVG through the package does load it (its bundled chunk).
    expect(probe("./draw-svg.mjs")).toEqual(["@dagrejs/dagre"]);
  });
});
