import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, cleanEnv, runCli } from "./helpers/cli.js";
import { describeEachDriver, enabledTestDrivers } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";

describe("an empty database URL", () => {
  it("DATABASE_URL set but empty is a usage error naming it, not the embedded database", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-emptyurl-"));
    const r = await runCli(["status"], { cwd, env: { DATABASE_URL: "" } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DATABASE_URL is set but empty");
    expect(r.stderr).toContain("hint:");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Nothing was created: the embedded default was not opened.
    expect(existsSync(join(cwd, ".pitstop"))).toBe(false);
  });

  it("names PITSTOP_DATABASE_URL, a .env entry and an empty --database", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-emptyurl-"));
    const own = await runCli(["status"], { cwd, env: { PITSTOP_DATABASE_URL: " " } });
    expect(own.code).toBe(2);
    expect(own.stderr).toContain("PITSTOP_DATABASE_URL is set but empty");

    writeFileSync(join(cwd, ".env"), "DATABASE_URL=\n");
    const dotEnv = await runCli(["status"], { cwd });
    expect(dotEnv.code).toBe(2);
    expect(dotEnv.stderr).toContain("DATABASE_URL is set but empty (in .env)");

    const flag = await runCli(["--database", "", "status"], { cwd });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("--database is empty");
    expect(existsSync(join(cwd, ".pitstop"))).toBe(false);
  });

  it("does not stop a command that never connects", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "pitstop-emptyurl-"));
    const r = await runCli(["--dir", "migrations", "create", "--seq", "first"], {
      cwd,
      env: { DATABASE_URL: "" },
    });
    expect(`${r.code} ${r.stderr}`).toMatch(/^0 /);
    expect(existsSync(join(cwd, "migrations", "000001_first.sql"))).toBe(true);
  });
});

/**
 * `pitstop status | head -1` through a real pipe: head exits after one line
 * while pitstop still has far more than a pipe buffer (64 KiB) to write, so
 * its next write fails with EPIPE every time, not by timing.
 */
describeEachDriver("a closed stdout", (ctx) => {
  // Not about the database: one driver is enough (the server, faster with 1,200 migrations).
  const skip = ctx.driverName === "pglite" && enabledTestDrivers().includes("pg");
  it.skipIf(skip)(
    "ends `status | head -1` quietly, with status's own exit code",
    async () => {
      const files: Record<string, string> = {};
      const name = "a_migration_with_a_long_descriptive_name_".repeat(2);
      for (let i = 1; i <= 1200; i++)
        files[`${String(i).padStart(6, "0")}_${name}${i}.sql`] = `-- +up\nSELECT ${i};\n`;
      const { dir } = migrationsDir(files);
      if (ctx.driverName === "pg") await ctx.newDriver();
      const full = await runCli(["--database", ctx.url(), "--dir", dir, "status"]);
      expect(full.stdout.length).toBeGreaterThan(100 * 1024);

      const command = `"${process.execPath}" "${CLI}" --database "${ctx.url()}" --dir "${dir}" status | head -1; echo "pitstop exited $\{PIPESTATUS[0]}" >&2`;
      const child = spawn("bash", ["-c", command], {
        env: cleanEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      await new Promise((resolve) => child.on("close", resolve));
      expect(stdout.trim().split("\n")).toHaveLength(1);
      expect(stderr).not.toContain("EPIPE");
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stderr).toContain(`pitstop exited ${full.code}`);
    },
    120_000,
  );
});
