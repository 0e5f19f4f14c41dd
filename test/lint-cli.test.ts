import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";

const USERS =
  "-- +up\nCREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);\n-- +down\nDROP TABLE users;\n";
const INDEX =
  "-- +up\nCREATE INDEX users_email_idx ON users (email);\n-- +down\nDROP INDEX users_email_idx;\n";
const ACTIVE = "ALTER TABLE users ADD COLUMN active boolean DEFAULT true;\n";

describe("pitstop lint without a database", () => {
  it("checks a folder with its earlier migrations as context, in every format, for a server version", async () => {
    const { dir } = migrationsDir({
      "000001_users.sql": USERS,
      "000002_index.sql": INDEX,
      "000003_active.sql": ACTIVE,
    });
    const pretty = await runCli(["--dir", dir, "lint", "--all"]);
    expect(pretty.code).toBe(3);
    expect(pretty.stdout).toContain(`error[index-concurrently] ${dir}/000002_index.sql:2:1`);
    expect(pretty.stdout).toContain("> 2 | CREATE INDEX users_email_idx ON users (email);");
    expect(pretty.stdout).toMatch(/lock: SHARE on "users"/);
    expect(pretty.stdout).toMatch(/fix: {2}Use CONCURRENTLY/);
    expect(pretty.stdout).toContain("1 error in 3 migrations (rules for PostgreSQL 18)");

    const json = await runCli(["lint", join(dir, "000003_active.sql"), "--format", "json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, checked: 1, findings: [] });
    const old = await runCli(["lint", dir, "--format", "json", "--pg-version", "10"]);
    expect(old.code).toBe(3);
    expect(
      JSON.parse(old.stdout).findings.map((f: { rule: string; line: number }) => [f.rule, f.line]),
    ).toEqual([
      ["index-concurrently", 2],
      ["add-column-rewrite", 1],
    ]);

    const github = await runCli(["lint", dir, "--format", "github"]);
    expect(github.stdout).toMatch(
      /^::error file=.*000002_index\.sql,line=2,col=1,title=pitstop lint%3A index-concurrently::CREATE INDEX .*%0A%0Afix: /m,
    );
    const sarif = JSON.parse((await runCli(["lint", dir, "--format", "sarif"])).stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].tool.driver.rules.length).toBeGreaterThan(20);
    expect(sarif.runs[0].results).toMatchObject([
      {
        ruleId: "index-concurrently",
        level: "error",
        locations: [{ physicalLocation: { region: { startLine: 2, startColumn: 1 } } }],
      },
    ]);
  });

  it("--since lints what git sees added since a ref; without one it lints everything and says so", async () => {
    const repo = mkdtempSync(join(tmpdir(), "pitstop-lint-git-"));
    mkdirSync(join(repo, "migrations"));
    writeFileSync(join(repo, "migrations/000001_users.sql"), USERS);
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: repo,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: "t",
          GIT_AUTHOR_EMAIL: "t@t",
          GIT_COMMITTER_NAME: "t",
          GIT_COMMITTER_EMAIL: "t@t",
        },
      });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "users");
    writeFileSync(join(repo, "migrations/000002_index.sql"), INDEX);
    const since = await runCli(["lint", "--since", "HEAD", "--format", "json"], { cwd: repo });
    expect(since.code).toBe(3);
    const report = JSON.parse(since.stdout);
    expect(report.checked).toBe(1);
    expect(report.findings.map((f: { file: string }) => f.file)).toEqual([
      "migrations/000002_index.sql",
    ]);
    const badRef = await runCli(["lint", "--since", "no-such-ref"], { cwd: repo });
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toContain("no-such-ref");

    const all = await runCli(["lint"], { cwd: repo });
    expect(all.code).toBe(3);
    expect(all.stderr).toContain("No database configured");
    expect(all.stdout).toContain("1 error in 2 migrations");
  });

  it("reads rule settings from the config, refuses unknown rules, and lists the rules", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-lint-config-"));
    mkdirSync(join(cwd, "migrations"));
    writeFileSync(join(cwd, "migrations/000001_users.sql"), USERS);
    writeFileSync(join(cwd, "migrations/000002_index.sql"), INDEX);
    const config = (rules: Record<string, string>) =>
      writeFileSync(join(cwd, "pitstop.config.json"), JSON.stringify({ lint: { rules } }));
    config({ "index-concurrently": "warning" });
    const relaxed = await runCli(["lint", "--all"], { cwd });
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain("warning[index-concurrently]");
    config({ "index-concurency": "off" });
    const typo = await runCli(["lint", "--all"], { cwd });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('there is no rule "index-concurency"');
    const rules = await runCli(["lint", "--rules"]);
    expect(rules.stdout).toMatch(/set-not-null\s+error\s+SET NOT NULL/);
  });
});

describeEachDriver("pitstop lint and up", (ctx) => {
  it("lints what is pending; up warns, or refuses with --lint=error", async () => {
    const { dir } = migrationsDir({ "000001_users.sql": USERS, "000002_index.sql": INDEX });
    await ctx.newDriver();
    const base = ["--database", ctx.url(), "--dir", dir];

    const first = await runCli([...base, "up", "1"]);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain("warning");

    const pending = await runCli([...base, "lint", "--format", "json"]);
    expect(pending.code).toBe(3);
    const report = JSON.parse(pending.stdout);
    expect(report.checked).toBe(1);
    expect(report.pgVersion).toBe(ctx.driverName === "pg" ? 15 : 18);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual(["index-concurrently"]);

    const refused = await runCli([...base, "up", "--lint=error"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("000002_index.sql:2:1: CREATE INDEX users_email_idx");
    expect(refused.stderr).toContain("nothing was applied (--lint=error)");

    const warned = await runCli([...base, "up"]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(
      /warning: .*000002_index\.sql:2:1: .*\[index-concurrently, error\]/,
    );
    expect(warned.stdout).toContain("✓ 000002_index");
  });
});
