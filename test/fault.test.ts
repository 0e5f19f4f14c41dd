import { type ChildProcess, spawn } from "node:child_process";
import { expect, it } from "vitest";
import { openDriver } from "../src/driver/connect.js";
import { CLI, cleanEnv, runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";

/** Starts `pitstop up` and SIGKILLs it once it is inside the migration that sleeps. */
async function killDuringMigration(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [CLI, ...args, "up"], {
    env: cleanEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  child.stdout!.on("data", (d) => (stdout += d));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (d) => {
      stderr += d;
      // The notice comes right before the plan runs; the sleeping statement holds for 5 s.
      if (stderr.includes("Migrating ")) setTimeout(resolve, 1500);
    });
    child.on("exit", (code) =>
      reject(new Error(`pitstop exited (${code}) before it was killed:\n${stdout}\n${stderr}`)),
    );
  });
  await kill(child);
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describeEachDriver("killed mid-migration", (ctx) => {
  it("a transactional migration leaves no trace; a non-transactional one is reported and resumed", async () => {
    const { dir, write } = migrationsDir({
      "000001_sleepy.sql": "-- +up\nCREATE TABLE tx_table (id int);\nSELECT pg_sleep(5);\n",
    });
    if (ctx.driverName === "pg") await ctx.newDriver();
    const url = ctx.url();
    const args = ["--database", url, "--dir", dir];

    await killDuringMigration(args);
    let driver = await openDriver({ url });
    try {
      const tables = await driver.query("SELECT 1 FROM pg_tables WHERE tablename = 'tx_table'");
      expect(tables.rows).toEqual([]);
      const { rows } = await driver.query("SELECT version FROM pitstop_migrations");
      expect(rows).toEqual([]);
    } finally {
      await driver.close();
    }

    write({
      "000001_sleepy.sql": "-- +up\nCREATE TABLE tx_table (id int);\n",
      "000002_steps.sql":
        "-- +up\nCREATE TABLE steps_table (id int);\nSELECT pg_sleep(5);\nCREATE INDEX CONCURRENTLY steps_idx ON steps_table (id);\n",
    });
    const first = await runCli([...args, "up", "1"]);
    expect(`${first.code} ${first.stderr}`).toMatch(/^0 /);
    await killDuringMigration(args);

    // On a server the killed client's backend notices within client_connection_check_interval (1 s).
    let report = JSON.parse((await runCli([...args, "status", "--json"])).stdout);
    for (let i = 0; i < 20 && report.migrations[1]?.inProgress; i++) {
      await new Promise((r) => setTimeout(r, 250));
      report = JSON.parse((await runCli([...args, "status", "--json"])).stdout);
    }
    expect(report.migrations[1]).toMatchObject({
      id: "000002_steps",
      status: "running",
      progress: 1,
      inProgress: false,
    });
    const human = await runCli([...args, "status"]);
    expect(human.stderr).toContain("000002_steps: stopped after 1 statement(s)");

    // Re-running resumes at statement 2: CREATE TABLE steps_table would fail if it ran again.
    const resumed = await runCli([...args, "up"]);
    expect(resumed.stderr).toContain("Resuming 000002_steps at statement 2 of 3.");
    expect(resumed.code).toBe(0);
    driver = await openDriver({ url });
    try {
      const { rows } = await driver.query<{ state: string }>(
        "SELECT state FROM pitstop_migrations ORDER BY version",
      );
      expect(rows.map((r) => r.state)).toEqual(["applied", "applied"]);
      const idx = await driver.query("SELECT 1 FROM pg_indexes WHERE indexname = 'steps_idx'");
      expect(idx.rows).toHaveLength(1);
    } finally {
      await driver.close();
    }
  }, 120_000);
});
