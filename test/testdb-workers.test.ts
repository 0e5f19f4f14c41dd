import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { cleanEnv, ROOT } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { testCacheDir } from "./helpers/testdb.js";

const FIXTURE = join(ROOT, "test/fixtures/testdb-project");

/** A copy of the fixture project that imports `pg-pitstop/testing` (this checkout's dist) as an app would. */
function project(): string {
  if (!existsSync(join(ROOT, "dist/testing.js")))
    throw new Error("dist/testing.js is missing: run `npm run build` first");
  const dir = mkdtempSync(join(tmpdir(), "pitstop-testdb-project-"));
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules/pg-pitstop"), "dir");
  symlinkSync(join(ROOT, "node_modules/vitest"), join(dir, "node_modules/vitest"), "dir");
  return dir;
}

function vitest(
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run"], {
      cwd,
      env: { ...cleanEnv(), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describeEachDriver("test databases in parallel vitest workers", (ctx) => {
  const cache = testCacheDir();
  afterAll(() => cache.done());

  it("builds the template once for two files starting together; every test is isolated", async () => {
    const dir = project();
    const builds = join(dir, "builds.txt");
    writeFileSync(builds, "");
    const env: Record<string, string> =
      ctx.driverName === "pg"
        ? { FIXTURE_DRIVER: "postgres", PITSTOP_TEST_DATABASE_URL: inject("pgUrl") }
        : { FIXTURE_DRIVER: "pglite", PITSTOP_TEST_CACHE: cache.dir };
    const run = await vitest(dir, { ...env, BUILDS: builds });
    expect(run.output).toMatch(/Test Files\s+2 passed \(2\)/);
    expect(run.output).toMatch(/Tests\s+6 passed \(6\)/);
    expect(run.code).toBe(0);
    const builders = readFileSync(builds, "utf8").trim().split("\n");
    expect(builders).toHaveLength(1);
    if (ctx.driverName === "pg") {
      // The template stays on the server: the next run builds nothing. (On PGlite the second
      // file already loaded the snapshot the first one built.)
      const again = await vitest(dir, { ...env, BUILDS: builds });
      expect(again.code).toBe(0);
      expect(readFileSync(builds, "utf8").trim().split("\n")).toEqual(builders);
    }
  });
});
