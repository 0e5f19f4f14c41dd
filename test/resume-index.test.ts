import { expect, it } from "vitest";
import type { Driver } from "../src/driver/driver.js";
import { describeEachDriver } from "./helpers/databases.js";
import { historyRows, migrationsDir, migratorFor } from "./helpers/migrations.js";

/**
 * Resuming the statement an interrupted run stopped in, in-process on both
 * drivers. The states a crash leaves are made deterministically: a failing
 * unique build leaves an INVALID index (as a killed build does), and a
 * trigger that refuses every history update loses the progress of a
 * statement that did finish (as a crash right after it does).
 * test/crash-index.test.ts does the same with real SIGKILLs and server crashes.
 */
const TABLE = `-- +up
CREATE TABLE t (id int, x int, name varchar(40));
INSERT INTO t SELECT g, g % 50, 'n' || g FROM generate_series(1, 200) g;
`;

/** From now on the history cannot record progress: the run stops right after a statement. */
async function loseProgress(driver: Driver): Promise<void> {
  await driver.exec(`CREATE OR REPLACE FUNCTION refuse_history() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'history write refused by the test'; END $$;
    CREATE TRIGGER refuse_history BEFORE UPDATE ON pitstop_migrations
      FOR EACH ROW EXECUTE FUNCTION refuse_history();`);
}

async function restoreHistory(driver: Driver): Promise<void> {
  await driver.exec("DROP TRIGGER refuse_history ON pitstop_migrations");
}

async function indexes(driver: Driver): Promise<{ name: string; valid: boolean }[]> {
  const { rows } = await driver.query<{ name: string; valid: boolean }>(
    `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 't'::regclass ORDER BY 1`,
  );
  return rows;
}

describeEachDriver("resuming a statement-by-statement migration", (ctx) => {
  it("drops the INVALID index its first CREATE INDEX CONCURRENTLY left, and builds it again", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_t.sql": TABLE,
      "000002_idx.sql":
        "-- +up\nCREATE UNIQUE INDEX CONCURRENTLY t_x_key ON t (x);\nCREATE INDEX CONCURRENTLY t_name_idx ON t (name);\n",
    });
    const { migrator, events } = migratorFor(driver, dir);
    const failed = await migrator.up();
    expect(failed.error?.message).toMatch(/could not create unique index/);
    expect(await indexes(driver)).toEqual([{ name: "t_x_key", valid: false }]);
    expect(await historyRows(driver)).toMatchObject([
      { state: "applied" },
      { state: "failed", progress: 0 },
    ]);

    await driver.exec("DELETE FROM t WHERE id > 50");
    const resumed = await migrator.up();
    expect(resumed.error).toBeUndefined();
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "cleanup",
        sql: 'DROP INDEX CONCURRENTLY IF EXISTS "public"."t_x_key"',
      }),
    );
    expect(await indexes(driver)).toEqual([
      { name: "t_name_idx", valid: true },
      { name: "t_x_key", valid: true },
    ]);
    expect(await historyRows(driver)).toMatchObject([
      { state: "applied" },
      { state: "applied", progress: 0 },
    ]);
  });

  it("counts a finished build as done when the index matches (casts printed by the server included)", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_t.sql": TABLE,
      "000002_idx.sql":
        "-- +up\nCREATE INDEX CONCURRENTLY t_lower_idx ON public.t USING btree (lower(name)) WHERE t.x > 1;\nCREATE INDEX CONCURRENTLY ON t (x);\nCREATE TABLE after_idx (id int);\n",
    });
    const { migrator, events } = migratorFor(driver, dir);
    expect((await migrator.up({ count: 1 })).error).toBeUndefined();
    await loseProgress(driver);
    const lost = await migrator.up();
    expect(lost.error?.message).toContain("history write refused");
    expect(await historyRows(driver)).toMatchObject([{}, { state: "running", progress: 0 }]);
    expect(await indexes(driver)).toEqual([{ name: "t_lower_idx", valid: true }]);

    await restoreHistory(driver);
    const resumed = await migrator.up();
    expect(resumed.error).toBeUndefined();
    expect(events).toContainEqual(expect.objectContaining({ type: "already-done", index: 0 }));
    // Not built twice, and the rest of the migration ran.
    expect(await indexes(driver)).toEqual([
      { name: "t_lower_idx", valid: true },
      { name: "t_x_idx", valid: true },
    ]);
    expect(await historyRows(driver)).toMatchObject([{}, { state: "applied" }]);

    // An unnamed build that finished is found by its definition, not built a second time.
    const { dir: dir2 } = migrationsDir({
      "000001_t.sql": TABLE,
      "000002_idx.sql": "-- +up\nCREATE INDEX CONCURRENTLY ON t (id);\nSELECT 1;\n",
    });
    const driver2 = await ctx.newDriver();
    const m2 = migratorFor(driver2, dir2);
    expect((await m2.migrator.up({ count: 1 })).error).toBeUndefined();
    await loseProgress(driver2);
    expect((await m2.migrator.up()).error).toBeDefined();
    await restoreHistory(driver2);
    expect((await m2.migrator.up()).error).toBeUndefined();
    expect(m2.events).toContainEqual(expect.objectContaining({ type: "already-done" }));
    expect(await indexes(driver2)).toEqual([{ name: "t_id_idx", valid: true }]);
  });

  it("refuses a valid index of that name with another definition, naming both", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_t.sql": TABLE,
      "000002_idx.sql": "-- +up\nCREATE INDEX CONCURRENTLY t_idx ON t (x);\nSELECT 1;\n",
    });
    const { migrator } = migratorFor(driver, dir);
    expect((await migrator.up({ count: 1 })).error).toBeUndefined();
    await loseProgress(driver);
    expect((await migrator.up()).error).toBeDefined();
    await restoreHistory(driver);
    await driver.exec("DROP INDEX t_idx; CREATE INDEX t_idx ON t (id)");
    const refused = await migrator.up();
    expect(refused.error?.code).toBe("INDEX_EXISTS");
    expect(refused.error?.message).toContain("CREATE INDEX t_idx ON public.t USING btree (id)");
    expect(refused.error?.message).toContain("USING btree (x)");
    expect(refused.error?.hint).toContain('DROP INDEX CONCURRENTLY "public"."t_idx"');
  });

  it("counts a DROP INDEX CONCURRENTLY that finished as done, and drops REINDEX leftovers", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_t.sql": `${TABLE}CREATE INDEX t_x_idx ON t (x);\nCREATE INDEX t_id_idx ON t (id);\n`,
      "000002_drop.sql": "-- +up\nDROP INDEX CONCURRENTLY t_x_idx;\nSELECT 1;\n",
      "000003_reindex.sql": "-- +up\nREINDEX INDEX CONCURRENTLY t_id_idx;\nSELECT 1;\n",
    });
    const { migrator, events } = migratorFor(driver, dir);
    expect((await migrator.up({ count: 1 })).error).toBeUndefined();
    await loseProgress(driver);
    expect((await migrator.up({ count: 1 })).error).toBeDefined();
    await restoreHistory(driver);
    expect((await migrator.up({ count: 1 })).error).toBeUndefined();
    expect(events).toContainEqual(
      expect.objectContaining({ type: "already-done", reason: 'index "t_x_idx" no longer exists' }),
    );

    await loseProgress(driver);
    expect((await migrator.up()).error).toBeDefined();
    await restoreHistory(driver);
    // What an interrupted REINDEX CONCURRENTLY leaves: an invalid copy named <index>_ccnew.
    await driver.exec("INSERT INTO t SELECT 1, 1, 'dup'");
    await driver.exec("CREATE UNIQUE INDEX CONCURRENTLY t_id_idx_ccnew ON t (id)").catch(() => {});
    expect(await indexes(driver)).toContainEqual({ name: "t_id_idx_ccnew", valid: false });
    expect((await migrator.up()).error).toBeUndefined();
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "cleanup",
        sql: 'DROP INDEX CONCURRENTLY IF EXISTS "public"."t_id_idx_ccnew"',
      }),
    );
    expect(await indexes(driver)).toEqual([{ name: "t_id_idx", valid: true }]);
    expect((await historyRows(driver)).map((r) => r.state)).toEqual([
      "applied",
      "applied",
      "applied",
    ]);
  });

  it("counts a DETACH PARTITION CONCURRENTLY that finished as done, and finalizes one left pending", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_p.sql": `-- +up
CREATE TABLE p (id int) PARTITION BY RANGE (id);
CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (100);
CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (100) TO (200);
`,
      "000002_detach.sql": "-- +up\nALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;\nSELECT 1;\n",
      "000003_detach.sql": "-- +up\nALTER TABLE p DETACH PARTITION p2 CONCURRENTLY;\nSELECT 1;\n",
    });
    const { migrator, events } = migratorFor(driver, dir);
    expect((await migrator.up({ count: 1 })).error).toBeUndefined();
    await loseProgress(driver);
    expect((await migrator.up({ count: 1 })).error).toBeDefined();
    await restoreHistory(driver);
    expect((await migrator.up({ count: 1 })).error).toBeUndefined();
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "already-done",
        reason: 'partition "p1" is no longer attached to "p"',
      }),
    );
    if (ctx.driverName !== "pg") return;

    // A reader holds the parent open: the detach waits after marking p2 pending, and times out.
    const reader = await ctx.newConnection();
    await reader.exec("BEGIN; SELECT count(*) FROM p");
    const { migrator: impatient } = migratorFor(driver, dir, { statementTimeoutMs: 1000 });
    expect((await impatient.up()).error?.message).toMatch(/statement timeout/);
    const pending = await driver.query<{ pending: boolean }>(
      "SELECT inhdetachpending AS pending FROM pg_inherits WHERE inhrelid = 'p2'::regclass",
    );
    expect(pending.rows).toEqual([{ pending: true }]);
    await reader.exec("COMMIT");
    expect((await migrator.up()).error).toBeUndefined();
    expect(events).toContainEqual(
      expect.objectContaining({
        type: "already-done",
        reason: 'partition "p2" was left detach pending: finalized',
      }),
    );
    const attached = await driver.query(
      "SELECT 1 FROM pg_inherits WHERE inhparent = 'p'::regclass",
    );
    expect(attached.rows).toEqual([]);
    expect((await historyRows(driver)).map((r) => r.state)).toEqual([
      "applied",
      "applied",
      "applied",
    ]);
  });
});
