import { type ChildProcess, spawn } from "node:child_process";
import { expect, it } from "vitest";
import { openDriver } from "../src/driver/connect.js";
import { CLI, cleanEnv, runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir } from "./helpers/migrations.js";

/**
 * Starts `pitstop up` and SIGKILLs it once it is inside the statement that
 * sleeps: on a server when pg_stat_activity shows the sleep (`sleeping`), on
 * PGlite (no second connection to ask) a generous while after the notice.
 */
async function killDuringMigration(
  args: string[],
  sleeping?: () => Promise<boolean>,
): Promise<void> {
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
      // The notice comes right before the plan runs; the sleeping statement holds for minutes.
      if (stderr.includes("Migrating ") && sleeping === undefined) setTimeout(resolve, 5000);
    });
    child.on("exit", (code) =>
      reject(new Error(`pitstop exited (${code}) before it was killed:\n${stdout}\n${stderr}`)),
    );
    if (sleeping !== undefined) {
      const poll = async (): Promise<void> => {
        if (child.exitCode !== null) return;
        if (await sleeping()) resolve();
        else setTimeout(() => poll().catch(reject), 50);
      };
      poll().catch(reject);
    }
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

/** Sleeps for minutes, until the test creates the table `wake` (the resumed run re-runs it). */
const SLEEP = "SELECT pg_sleep(CASE WHEN to_regclass('wake') IS NULL THEN 300 ELSE 0 END);";

describeEachDriver("killed mid-migration", (ctx) => {
  it("a transactional migration leaves no trace; a non-transactional one is reported and resumed", async () => {
    const { dir, write } = migrationsDir({
      "000001_sleepy.sql": `-- +up\nCREATE TABLE tx_table (id int);\n${SLEEP}\n`,
    });
    if (ctx.driverName === "pg") await ctx.newDriver();
    const url = ctx.url();
    const args = ["--database", url, "--dir", dir];
    const sleeping =
      ctx.driverName === "pg"
        ? async () => {
            const probe = await openDriver({ url });
            try {
              const { rows } = await probe.query(
                "SELECT 1 FROM pg_stat_activity WHERE query LIKE '%pg_sleep(CASE%' AND state = 'active' AND pid <> pg_backend_pid()",
              );
              return rows.length > 0;
            } finally {
              await probe.close();
            }
          }
        : undefined;

    await killDuringMigration(args, sleeping);
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
      "000002_steps.sql": `-- +up\nCREATE TABLE steps_table (id int);\n${SLEEP}\nCREATE INDEX CONCURRENTLY steps_idx ON steps_table (id);\n`,
    });
    const first = await runCli([...args, "up", "1"]);
    expect(`${first.code} ${first.stderr}`).toMatch(/^0 /);
    await killDuringMigration(args, sleeping);

    // On a server the killed client's backend notices within client_connection_check_interval (1 s).
    let report = JSON.parse((await runCli([...args, "status", "--json"])).stdout);
    for (let i = 0; i < 120 && report.migrations[1]?.inProgress; i++) {
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

    driver = await openDriver({ url });
    await driver.exec("CREATE TABLE wake ()").finally(() => driver.close());
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
