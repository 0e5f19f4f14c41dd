import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";

const A = "-- +up\nCREATE TABLE a (id int);\n-- +down\nDROP TABLE a;\n";
const B = "-- +up\nCREATE TABLE b (id int);\n-- +down\nDROP TABLE b;\n";

describeEachDriver("cli", (ctx) => {
  it("up, status, version, down and status --check, with human and JSON output", async () => {
    const { dir } = migrationsDir({ "000001_a.sql": A, "000002_b.sql": B });
    await ctx.newDriver();
    const url = ctx.url();
    const base = ["--database", url, "--dir", dir];

    const pending = await runCli([...base, "status", "--check"]);
    expect(pending.code).toBe(4);
    expect(pending.stdout).toMatch(/000001\s+a\s+pending/);

    const up = await runCli([...base, "up"]);
    expect(up.stderr).toBe(up.stderr.replace(/password/i, ""));
    expect(up.code).toBe(0);
    expect(up.stdout).toContain("✓ 000001_a");
    expect(up.stdout).toContain("✓ 000002_b");
    expect(up.stdout).toMatch(/Applied 2 migration\(s\) in .*; the database is at version 2\./);

    const status = await runCli([...base, "status", "--json", "--check"]);
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout);
    expect(report.current).toBe("2");
    expect(report.migrations.map((m: { status: string }) => m.status)).toEqual([
      "applied",
      "applied",
    ]);

    const version = await runCli([...base, "version"]);
    expect(version.stdout).toBe("2\n");

    const down = await runCli([...base, "down", "--json"]);
    expect(down.code).toBe(0);
    expect(JSON.parse(down.stdout)).toMatchObject({
      ok: true,
      current: "1",
      results: [{ direction: "down", id: "000002_b", status: "success" }],
    });

    const noop = await runCli([...base, "up", "1", "--dry-run"]);
    expect(noop.stdout).toContain("-- up 000002_b (in a transaction)");
    expect(noop.stdout).toContain("CREATE TABLE b");
  });
});

describe("cli without a database", () => {
  it("create writes timestamped files, or the next sequence number", async () => {
    const { dir } = migrationsDir({});
    const first = await runCli(["--dir", dir, "create", "Add users table"]);
    expect(first.code).toBe(0);
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^\d{14}_add_users_table\.sql$/);
    expect(readFileSync(join(dir, file!), "utf8")).toMatch(/^-- \+up\n[\s\S]*-- \+down\n/);
    const seq = migrationsDir({});
    await runCli(["--dir", seq.dir, "create", "one", "--seq"]);
    await runCli(["--dir", seq.dir, "create", "two"]);
    await runCli(["--dir", seq.dir, "create", "three", "--pair"]);
    expect(readdirSync(seq.dir).sort()).toEqual([
      "000001_one.sql",
      "000002_two.sql",
      "000003_three.down.sql",
      "000003_three.up.sql",
    ]);
  });

  it("init makes the folder, a config file and ignores .pitstop/", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-init-"));
    const r = await runCli(["init"], { cwd });
    expect(r.code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual([".gitignore", "migrations", "pitstop.config.ts"]);
    expect(readFileSync(join(cwd, ".gitignore"), "utf8")).toBe(".pitstop/\n");
    const again = await runCli(["init"], { cwd });
    expect(again.stdout).toContain("Already initialized.");
    expect(again.code).toBe(0);
  });

  it("exits 2 on usage errors", async () => {
    expect((await runCli(["up", "--no-such-flag"])).code).toBe(2);
    expect((await runCli(["frobnicate"])).code).toBe(2);
    const bad = await runCli(["--lock-timeout", "soon", "status"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--lock-timeout");
  });

  it("never prints the password of a database it cannot reach", async () => {
    const { dir } = migrationsDir({ "000001_a.sql": A });
    const r = await runCli([
      "--database",
      "postgres://app:hunter2secret@127.0.0.1:1/app",
      "--dir",
      dir,
      "status",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("127.0.0.1:1");
    expect(`${r.stdout}${r.stderr}`).not.toContain("hunter2secret");
  });

  it("reads the database URL and folder from .env and pitstop.config.json, flags winning", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-cfg-"));
    writeFileSync(
      join(cwd, ".env"),
      "DATABASE_URL=postgres://envuser:envpass@127.0.0.1:1/fromenv\n",
    );
    writeFileSync(
      join(cwd, "pitstop.config.json"),
      JSON.stringify({ database: "postgres://cfg@127.0.0.1:1/fromconfig", dir: "db" }),
    );
    mkdirSync(join(cwd, "db"));
    const fromEnv = await runCli(["status"], { cwd });
    expect(fromEnv.stderr).toContain("fromenv");
    expect(fromEnv.stderr).not.toContain("envpass");
    const fromFlag = await runCli(
      ["--database", "postgres://flag@127.0.0.1:1/fromflag", "status"],
      { cwd },
    );
    expect(fromFlag.stderr).toContain("fromflag");
  });
});

describeEachDriver("cli commands", (ctx) => {
  it("goto, redo, force, repair, validate and reset, with their exit codes", async () => {
    const { dir, write } = migrationsDir({ "000001_a.sql": A, "000002_b.sql": B });
    await ctx.newDriver();
    const base = ["--database", ctx.url(), "--dir", dir];
    expect((await runCli([...base, "goto", "000002"])).code).toBe(0);
    const redo = await runCli([...base, "redo"]);
    expect(redo.stdout).toMatch(/↓ 000002_b[\s\S]*✓ 000002_b/);
    expect((await runCli([...base, "goto", "1"])).stdout).toContain("↓ 000002_b");
    const forced = await runCli([...base, "force", "2"]);
    expect(forced.stdout).toContain("Recorded 000002_b as applied.");
    const unforced = await runCli([...base, "force", "000002", "--unapplied"]);
    expect(unforced.stdout).toContain("Recorded 000002_b as not applied.");
    write({
      "000001_a.sql": A.replace("(id int)", "(id bigint)"),
      "000003_bad.sql": "-- +up\nSELEC 1;\n",
    });
    const invalid = await runCli([...base, "validate"]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("000003_bad.sql:2:1");
    expect(invalid.stderr).toContain("changed after it was applied");
    const repair = await runCli([...base, "repair"]);
    expect(repair.stdout).toContain("repaired: 000001_a");
    write({ "000003_bad.sql": "-- +up\nSELECT 1;\n-- +down\nSELECT 1;\n" });
    expect((await runCli([...base, "validate"])).code).toBe(0);
    const noYes = await runCli([...base, "reset"]);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain("--yes");
    const reset = await runCli([...base, "reset", "--yes", "--json"]);
    expect(JSON.parse(reset.stdout)).toMatchObject({ ok: true, current: null });
  });

  it("wait returns once the database answers, and times out on one that does not", async () => {
    await ctx.newDriver();
    const ok = await runCli(["--database", ctx.url(), "wait", "--timeout", "10s"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("accepts connections");
    if (ctx.driverName === "pg") {
      const dead = await runCli([
        "--database",
        "postgres://x@127.0.0.1:1/x",
        "wait",
        "--timeout",
        "600ms",
        "--interval",
        "100ms",
      ]);
      expect(dead.code).toBe(1);
      expect(dead.stderr).toContain("did not accept connections within");
    }
  });
});
