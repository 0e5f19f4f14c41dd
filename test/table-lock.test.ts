import { expect, it } from "vitest";
import { resolveSettings } from "../src/cli/settings.js";
import { DatabaseError } from "../src/driver/driver.js";
import { DEFAULT_HISTORY } from "../src/store/history.js";
import { LEASE_LOST_SQLSTATE, leaseHolderOf, TableLocker } from "../src/store/table-lock.js";
import { describeEachDriver } from "./helpers/databases.js";
import { historyRows, migrationsDir, migratorFor } from "./helpers/migrations.js";

describeEachDriver("table locker", (ctx) => {
  it("--locker table: applies, reports the lease table, and leaves the lease free", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_a.sql": "-- +up\nCREATE TABLE a (id int);\n",
      "000002_b.sql":
        "-- +up\nCREATE INDEX CONCURRENTLY a_id ON a (id);\nINSERT INTO a VALUES (1);\n",
    });
    const { migrator, events } = migratorFor(driver, dir, { locker: "table" });
    const result = await migrator.up();
    expect(result.error).toBeUndefined();
    expect(result.locker).toEqual({ kind: "table", table: '"public"."pitstop_migrations_lock"' });
    expect(events.find((e) => e.type === "locker")).toBeDefined();
    expect((await historyRows(driver)).map((r) => r.state)).toEqual(["applied", "applied"]);
    const lease = await driver.query("SELECT name, token FROM pitstop_migrations_lock");
    expect(lease.rows).toEqual([{ name: "migrations", token: null }]);
    // Someone emptied the table: the next run puts the row back rather than wait for it.
    await driver.exec("DELETE FROM pitstop_migrations_lock");
    expect((await migrator.up()).error).toBeUndefined();
  });

  it("a dry run with the table locker creates no lease table", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({ "000001_a.sql": "-- +up\nCREATE TABLE a (id int);\n" });
    const { migrator } = migratorFor(driver, dir, { locker: "table", dryRun: true });
    const result = await migrator.up();
    expect(result.error).toBeUndefined();
    const { rows } = await driver.query(
      "SELECT to_regclass('pitstop_migrations_lock') IS NULL AS none, to_regclass('a') IS NULL AS no_a",
    );
    expect(rows).toEqual([{ none: true, no_a: true }]);
  });

  it("a migration transaction does not commit once the lease is someone else's", async () => {
    const driver = await ctx.newDriver();
    const locker = new TableLocker(DEFAULT_HISTORY);
    await driver.session(async (s) => {
      await s.exec("CREATE TABLE t (id int)");
      await locker.lock(s, { timeoutMs: 1000 });
      await s.exec(`BEGIN; ${locker.check}; INSERT INTO t VALUES (1); COMMIT`);
      // Another run took the lease over (ours ran out).
      await s.exec("UPDATE pitstop_migrations_lock SET token = 'thief'");
      const error = await s
        .exec(`BEGIN; ${locker.check}; INSERT INTO t VALUES (2); COMMIT`)
        .catch((e: unknown) => e);
      await s.exec("ROLLBACK");
      expect(error).toBeInstanceOf(DatabaseError);
      expect((error as DatabaseError).code).toBe(LEASE_LOST_SQLSTATE);
      await expect(locker.renew(s)).rejects.toMatchObject({ code: "LEASE_LOST" });
      await locker.unlock(s);
    });
    expect((await driver.query("SELECT id FROM t")).rows).toEqual([{ id: 1 }]);
  });

  it("a lease that runs out (a crashed holder) is taken over; its old holder is refused", async () => {
    const driver = await ctx.newDriver();
    // Neither has a heartbeat: the lease is not tied to any session, so one connection can play both.
    const crashed = new TableLocker(DEFAULT_HISTORY);
    const next = new TableLocker(DEFAULT_HISTORY);
    await driver.session(async (s) => {
      await crashed.lock(s, { timeoutMs: 1000 });
      const waits: unknown[] = [];
      const refused = await next
        .lock(s, { timeoutMs: 100, onWait: (h) => waits.push(h) })
        .catch((e: { code: string; message: string }) => e);
      expect(refused).toMatchObject({
        code: "LOCK_TIMEOUT",
        message: expect.stringContaining(`held by pid ${process.pid} (pitstop on `),
      });
      expect(waits).toEqual([expect.objectContaining({ pid: process.pid })]);
      // Its lease runs out: no heartbeat came.
      await s.exec("UPDATE pitstop_migrations_lock SET expires_at = now() - interval '1 second'");
      await next.lock(s, { timeoutMs: 1000 });
      await expect(crashed.renew(s)).rejects.toMatchObject({ code: "LEASE_LOST" });
      expect(await leaseHolderOf(s, DEFAULT_HISTORY)).toMatchObject({ pid: process.pid });
      await next.unlock(s);
      expect(await leaseHolderOf(s, DEFAULT_HISTORY)).toBeUndefined();
    });
  });

  it("a run that lost its lease stops before the next migration and writes no history over the new holder's", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_steal.sql":
        "-- +up\nUPDATE pitstop_migrations_lock SET token = 'thief', expires_at = now() + interval '1 hour';\n",
      "000002_b.sql": "-- +up\nCREATE TABLE b (id int);\n",
      "000003_c.sql": "-- +up no-transaction\nCREATE TABLE c (id int);\n",
    });
    const { migrator } = migratorFor(driver, dir, { locker: "table" });
    const result = await migrator.up();
    expect(result.error?.code).toBe("LEASE_LOST");
    expect(result.results.map((r) => r.status)).toEqual(["success", "error", "not_executed"]);
    expect((await historyRows(driver)).map((r) => [r.version, r.state])).toEqual([
      ["1", "applied"],
    ]);
    const b = await driver.query("SELECT to_regclass('b') IS NULL AS gone");
    expect(b.rows).toEqual([{ gone: true }]);
  });

  if (ctx.driverName === "pg") {
    it("the heartbeat keeps a short lease alive while the run's own connection is busy", async () => {
      const driver = await ctx.newDriver();
      const other = await ctx.newConnection();
      // Beats every ~330 ms; a beat may come late on a busy machine, not a whole lease late.
      const holder = new TableLocker(DEFAULT_HISTORY, {
        leaseMs: 1000,
        fork: () => driver.fork!(),
      });
      await driver.session(async (s) => {
        await holder.lock(s, { timeoutMs: 1000 });
        // Busy for three leases: only the heartbeat's connection can renew it.
        await s.exec("SELECT pg_sleep(3)");
        const waiter = new TableLocker(DEFAULT_HISTORY);
        const taken = await other
          .session((o) => waiter.lock(o, { timeoutMs: 200 }))
          .catch((e: { code: string }) => e.code);
        expect(taken).toBe("LOCK_TIMEOUT");
        await holder.renew(s);
        await holder.unlock(s);
      });
    });
  }
});

it("--locker, PITSTOP_LOCKER and config `locker` pick the locker; a bad value names the setting", async () => {
  const dir = migrationsDir({}).dir;
  expect((await resolveSettings({}, {}, dir)).locker).toBe("auto");
  expect((await resolveSettings({}, { PITSTOP_LOCKER: "table" }, dir)).locker).toBe("table");
  expect(
    (await resolveSettings({ locker: "advisory" }, { PITSTOP_LOCKER: "table" }, dir)).locker,
  ).toBe("advisory");
  await expect(resolveSettings({ locker: "lease" }, {}, dir)).rejects.toMatchObject({
    message: expect.stringContaining('--locker: unknown locker "lease"'),
    hint: expect.stringContaining("auto, advisory, table"),
  });
});
