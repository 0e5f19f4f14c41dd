import { execFileSync, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, ROOT } from "./helpers/cli.js";

/**
 * What a user gets: `npm pack`, the tarball installed into a brand-new
 * project (dependencies from the local npm cache, else the registry), then
 * the first-run path of the README and docs/testing.md.
 */

const VITEST_VERSION = (
  JSON.parse(readFileSync(join(ROOT, "node_modules/vitest/package.json"), "utf8")) as {
    version: string;
  }
).version;

/** npm's own variables from the outer `npm test` (workspace, lifecycle) must not leak in. */
function projectEnv(): Record<string, string | undefined> {
  const env = cleanEnv();
  for (const key of Object.keys(env)) {
    if (/^npm_(package|lifecycle|command|config_workspace|config_global)/i.test(key))
      delete env[key];
    if (key === "INIT_CWD" || key.startsWith("VITEST")) delete env[key];
  }
  return env;
}

function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** Relative links of a Markdown file (no URLs, no anchors within the page). */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!.split("#")[0]!)
    .filter((l) => l !== "" && !/^[a-z]+:/i.test(l));
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md") && !f.split(/[\\/]/).includes("node_modules"))
    .map((f) => join(dir, f));
}

describe("the packed package in a new project", () => {
  const app = mkdtempSync(join(tmpdir(), "pitstop-app-"));
  // The default snapshot cache (<tmp>/pitstop-testdb): its base cluster is shared with other runs.
  const env = projectEnv();
  const installed = join(app, "node_modules/pg-pitstop");
  const npx = (...args: string[]) => run("npx", ["--no", "--", ...args], app, env);

  beforeAll(async () => {
    const packDir = mkdtempSync(join(tmpdir(), "pitstop-pack-"));
    // The suite has built dist/ already (npm test does); `prepack` would build it again.
    const packed = JSON.parse(
      execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], {
        cwd: ROOT,
        env: projectEnv(),
        encoding: "utf8",
      }),
    ) as { filename: string }[];
    writeFileSync(
      join(app, "package.json"),
      JSON.stringify({ name: "app", private: true, type: "module" }),
    );
    const install = await run(
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        join(packDir, packed[0]!.filename),
        `vitest@${VITEST_VERSION}`,
      ],
      app,
      env,
    );
    expect(install.stderr).not.toMatch(/npm error/);
    expect(install.code).toBe(0);
  }, 600_000);

  it("ships no install script that needs files outside the tarball", () => {
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    };
    for (const name of ["preinstall", "install", "postinstall", "prepare"])
      expect(pkg.scripts?.[name]).toBeUndefined();
  });

  it("init, create, up and status work with npx pitstop", async () => {
    expect((await npx("pitstop", "init")).code).toBe(0);
    const created = await npx("pitstop", "create", "users");
    expect(created.code).toBe(0);
    const file = readdirSync(join(app, "migrations")).find((f) => f.endsWith("_users.sql"))!;
    // Running the blank template is refused: nothing to apply yet.
    const blank = await npx("pitstop", "up");
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain("has no SQL statement to apply");
    writeFileSync(
      join(app, "migrations", file),
      "-- +up\nCREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);\n-- +down\nDROP TABLE users;\n",
    );
    const up = await npx("pitstop", "up");
    expect(up.stderr).not.toMatch(/error|warning/i);
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/Applied 1 migration/);
    const status = await npx("pitstop", "status");
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/users\s+applied/);
  }, 300_000);

  it("--help names docs that are in the package, and every link in them resolves", async () => {
    const help = await npx("pitstop", "--help");
    const docs = /Docs: (\S+)/.exec(help.stdout)?.[1];
    expect(docs).toBeDefined();
    expect(existsSync(resolve(app, docs!))).toBe(true);
    const broken: string[] = [];
    for (const md of markdownFiles(installed)) {
      for (const link of relativeLinks(readFileSync(md, "utf8"))) {
        if (!existsSync(resolve(dirname(md), link))) broken.push(`${md}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
    expect(existsSync(join(installed, "docs/testing.md"))).toBe(true);
  }, 120_000);

  it("docs/testing.md: the intro snippet exits", async () => {
    const snippet = /```ts\n(import \{ createTestDatabase \}[\s\S]*?)```/.exec(
      readFileSync(join(installed, "docs/testing.md"), "utf8"),
    )![1]!;
    writeFileSync(join(app, "intro.mjs"), snippet);
    const r = await run(process.execPath, ["intro.mjs"], app, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  }, 300_000);

  it("docs/testing.md: a vitest suite with the fixture and the global setup passes", async () => {
    mkdirSync(join(app, "test"), { recursive: true });
    writeFileSync(
      join(app, "vitest.config.ts"),
      'import { defineConfig } from "vitest/config";\n\nexport default defineConfig({ test: { include: ["test/**/*.test.ts"], globalSetup: ["test/global-setup.ts"], testTimeout: 60_000 } });\n',
    );
    writeFileSync(
      join(app, "test/global-setup.ts"),
      'import { prepareTestDatabases } from "pg-pitstop/testing";\n\nexport default () => prepareTestDatabases({ migrations: "migrations" });\n',
    );
    writeFileSync(
      join(app, "test/db.ts"),
      'import { type TestDatabase, testDatabaseFixture } from "pg-pitstop/testing";\nimport { test as base } from "vitest";\n\nexport const test = base.extend<{ db: TestDatabase }>({\n  db: testDatabaseFixture({ migrations: "migrations" }),\n});\n',
    );
    writeFileSync(
      join(app, "test/users.test.ts"),
      'import { expect } from "vitest";\nimport { test } from "./db.js";\n\ntest("a user", async ({ db }) => {\n  await db.db.query("INSERT INTO users (email) VALUES ($1)", ["a@example.com"]);\n  const { rows } = await db.db.query("SELECT count(*)::int AS n FROM users");\n  expect(rows).toEqual([{ n: 1 }]);\n});\n\ntest("starts empty again", async ({ db }) => {\n  const { rows } = await db.db.query("SELECT count(*)::int AS n FROM users");\n  expect(rows).toEqual([{ n: 0 }]);\n});\n',
    );
    const r = await npx("vitest", "run");
    expect(r.stdout).toMatch(/2 passed/);
    expect(r.code).toBe(0);
  }, 300_000);
});
