import { expect, it } from "vitest";
import type { Driver } from "../src/driver/driver.js";
import { lockKey } from "../src/store/lock.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir, migratorFor, tableNames } from "./helpers/migrations.js";

/** Runs `fn` while another session holds `sql`'s lock inside an open transaction. */
async function whileHolding<T>(other: Driver, sql: string, fn: () => Promise<T>): Promise<T> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  const session = other.session(async (s) => {
    await s.exec(`BEGIN; ${sql}`);
    held();
    await released;
    await s.exec("ROLLBACK");
  });
  await holding;
  try {
    return await fn();
  } finally {
    release();
    await session;
  }
}

describeEachDriver("locks", (ctx) => {
  if (ctx.driverName !== "pg") {
    it.skip("need a second connection (PGlite has one per instance; its data dir lock is tested in driver.test.ts)", () => {});
    return;
  }

  it("waits for the migration lock of another process, says so, and gives up after the lock timeout", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({ "000001_a.sql": "-- +up\nCREATE TABLE a (id int);\n" });
    const { migrator, events } = migratorFor(driver, dir, { lockTimeoutMs: 300 });
    const key = lockKey(migrator.historyTable);
    const other = await ctx.newConnection();
    const result = await whileHolding(other, `SELECT pg_advisory_lock(${key})`, async () => {
      // pg_advisory_lock is session-level: it stays held across this other session's transaction.
      return migrator.up();
    });
    expect(events.some((e) => e.type === "lock-wait" && e.holder !== undefined)).toBe(true);
    expect(result.error?.code).toBe("LOCK_TIMEOUT");
    expect(result.error?.message).toMatch(
      /gave up after 300 ms waiting for the migration lock held by pid \d+/,
    );
    expect(await tableNames(driver)).toEqual([]);
  });

  it("retries DDL that cannot get its table lock, then fails without queueing behind it", async () => {
    const driver = await ctx.newDriver();
    await driver.exec("CREATE TABLE busy (id int)");
    const { dir } = migrationsDir({
      "000001_alter.sql": "-- +up\nALTER TABLE busy ADD COLUMN note text;\n",
    });
    const { migrator, events } = migratorFor(driver, dir, {
      ddlLockTimeoutMs: 100,
      lockRetries: 2,
      retryDelayMs: 20,
    });
    const other = await ctx.newConnection();
    const result = await whileHolding(other, "LOCK TABLE busy IN ACCESS SHARE MODE", () =>
      migrator.up(),
    );
    expect(events.filter((e) => e.type === "retry")).toHaveLength(2);
    expect(result.error?.code).toBe("DDL_LOCK_TIMEOUT");
    expect(result.error?.hint).toContain("nothing of it was applied");
    const { rows } = await driver.query("SELECT state, progress FROM pitstop_migrations");
    expect(rows).toEqual([{ state: "failed", progress: 0 }]);
  });

  it("succeeds when the table lock is released between retries", async () => {
    const driver = await ctx.newDriver();
    await driver.exec("CREATE TABLE busy (id int)");
    const { dir } = migrationsDir({
      "000001_alter.sql": "-- +up\nALTER TABLE busy ADD COLUMN note text;\n",
    });
    let releaseLock!: () => void;
    const { migrator } = migratorFor(driver, dir, {
      ddlLockTimeoutMs: 100,
      lockRetries: 5,
      retryDelayMs: 50,
      onEvent: (e) => {
        if (e.type === "retry" && e.attempt === 2) releaseLock();
      },
    });
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    releaseLock = release;
    let held!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const otherDriver = await ctx.newConnection();
    const other = otherDriver.session(async (s) => {
      await s.exec("BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE");
      held();
      await released;
      await s.exec("ROLLBACK");
    });
    await holding;
    const result = await migrator.up();
    await other;
    expect(result.error).toBeUndefined();
    const { rows } = await driver.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'busy' ORDER BY ordinal_position",
    );
    expect(rows).toEqual([{ column_name: "id" }, { column_name: "note" }]);
  });
});
