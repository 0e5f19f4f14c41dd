import { expect, inject, it } from "vitest";
import { checksum } from "../src/core/checksum.js";
import { describeEachDriver } from "./helpers/databases.js";
import { copyDbmateDatabase, dbmate, fixtureCopy, migrateAsTool } from "./helpers/foreign.js";
import { historyRows, migratorFor, tableNames } from "./helpers/migrations.js";

async function gooseRows(driver: import("../src/driver/driver.js").Driver): Promise<number> {
  const { rows } = await driver.query<{ n: string }>(
    "SELECT count(*)::text AS n FROM goose_db_version",
  );
  return Number(rows[0]!.n);
}

describeEachDriver("adopting another tool's database", (ctx) => {
  it("goose: refuses to re-run, status explains, adopt --dry-run changes nothing, adopt copies, up goes on", async () => {
    const driver = await ctx.newDriver();
    const folder = fixtureCopy("goose/basic", ["00001", "00002"]);
    await migrateAsTool(driver, "goose", folder.dir, "goose/history.sql");
    folder.add("00003", "00004");
    const { migrator } = migratorFor(driver, folder.dir);

    const refused = await migrator.up();
    expect(refused.error?.code).toBe("NOT_ADOPTED");
    expect(refused.error?.message).toContain("migrated by goose");
    expect(refused.error?.hint).toContain("pitstop adopt");
    expect(await tableNames(driver)).toEqual(["goose_db_version", "users"]);

    const status = await migrator.status();
    expect(status.initialized).toBe(false);
    expect(status.foreign).toEqual([
      { tool: "goose", table: "goose_db_version", applied: 2, newest: "2", dirty: false },
    ]);
    expect(status.problems[0]).toMatch(/^not adopted: .*pitstop adopt/);

    const { migrator: dry } = migratorFor(driver, folder.dir, { dryRun: true });
    const preview = await dry.adopt();
    expect(preview.records.map((r) => r.id)).toEqual([
      "00001_create_users",
      "00002_users_touch_function",
    ]);
    expect(await tableNames(driver)).toEqual(["goose_db_version", "users"]);

    const adopted = await migrator.adopt();
    expect(adopted.tool).toBe("goose");
    expect(adopted.records[1]!.appliedAt?.getUTCFullYear()).toBe(2024);
    const rows = await driver.query<{ version: string; checksum: string; applied_by: string }>(
      "SELECT version::text AS version, checksum, applied_by FROM pitstop_migrations ORDER BY version",
    );
    const files = (await import("../src/source/directory.js")).readMigrationFolder({
      dir: folder.dir,
    });
    const sums = (await files).migrations.map((m) => m.checksum);
    expect(rows.rows.map((r) => [r.version, r.checksum])).toEqual([
      ["1", sums[0]],
      ["2", sums[1]],
    ]);
    expect(rows.rows[0]!.applied_by).toMatch(/^goose \(adopted by /);
    expect(await gooseRows(driver)).toBe(5);

    const up = await migrator.up();
    expect(up.error).toBeUndefined();
    expect(up.results.map((r) => r.id)).toEqual(["00003_users_email_index", "00004_create_orders"]);
    expect(await tableNames(driver)).toEqual([
      "goose_db_version",
      "orders",
      "pitstop_migrations",
      "users",
    ]);
  }, 30_000);

  it("goose: adopt twice is refused", async () => {
    const driver = await ctx.newDriver();
    const folder = fixtureCopy("goose/basic", ["00001", "00002"]);
    await migrateAsTool(driver, "goose", folder.dir, "goose/history.sql");
    const { migrator } = migratorFor(driver, folder.dir);
    await migrator.adopt({ from: "goose" });
    await expect(migrator.adopt()).rejects.toMatchObject({ code: "HISTORY_EXISTS" });
  });

  it("golang-migrate: every file up to its version is applied; a dirty flag stops adoption", async () => {
    const driver = await ctx.newDriver();
    const folder = fixtureCopy("golang-migrate/basic", ["000001", "000002"]);
    await migrateAsTool(driver, "golang-migrate", folder.dir, "golang-migrate/history.sql");
    folder.add("000003");
    const { migrator } = migratorFor(driver, folder.dir);
    expect((await migrator.up()).error?.code).toBe("NOT_ADOPTED");
    const adopted = await migrator.adopt();
    expect(adopted.tool).toBe("golang-migrate");
    expect(adopted.from).toBe("schema_migrations");
    expect(adopted.records.map((r) => r.version)).toEqual(["1", "2"]);
    const up = await migrator.up();
    expect(up.error).toBeUndefined();
    expect(up.results.map((r) => r.version)).toEqual(["3"]);
    expect((await historyRows(driver)).map((r) => r.version)).toEqual(["1", "2", "3"]);

    await driver.exec("DROP TABLE pitstop_migrations; DROP TABLE schema_migrations;");
    await driver.exec(
      (await import("node:fs")).readFileSync(
        `${(await import("./helpers/foreign.js")).FORMAT_FIXTURES}/golang-migrate/history-dirty.sql`,
        "utf8",
      ),
    );
    await expect(migrator.adopt()).rejects.toMatchObject({
      code: "ADOPT_DIRTY",
      message: expect.stringContaining("000002_add_users_email_index is dirty"),
    });
    expect((await migrator.status()).foreign?.[0]?.dirty).toBe(true);
  });

  it("baseline V records everything up to V on a database with no history", async () => {
    const driver = await ctx.newDriver();
    const folder = fixtureCopy("golang-migrate/basic");
    await driver.exec("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)");
    const { migrator } = migratorFor(driver, folder.dir);
    await expect(migrator.baseline("7")).rejects.toMatchObject({ code: "UNKNOWN_VERSION" });
    const report = await migrator.baseline("000001");
    expect(report.records.map((r) => r.id)).toEqual(["000001_create_users"]);
    const rows = await driver.query<{ applied_by: string; checksum: string }>(
      "SELECT applied_by, checksum FROM pitstop_migrations",
    );
    expect(rows.rows[0]!.applied_by).toMatch(/^baseline/);
    expect(rows.rows[0]!.checksum).toBe(
      checksum(
        (await import("node:fs")).readFileSync(`${folder.dir}/000001_create_users.up.sql`, "utf8"),
      ),
    );
    const up = await migrator.up();
    expect(up.results.map((r) => r.version)).toEqual(["2", "3"]);
    await expect(migrator.baseline("3")).rejects.toMatchObject({ code: "HISTORY_EXISTS" });
  });

  const dbmateIt = ctx.driverName === "pglite" && inject("pgUrl") === "" ? it.skip : it;
  dbmateIt(
    "dbmate: a database migrated by the real dbmate is adopted and migrated further",
    async () => {
      const driver = await ctx.newDriver();
      const folder = fixtureCopy("dbmate/basic", ["20240101", "20240102"]);
      if (ctx.driverName === "pg") {
        const out = dbmate(ctx.url(), folder.dir, "up");
        expect(out).toContain("Applying: 20240102000000_users_email_index.sql");
      } else {
        await copyDbmateDatabase(folder.dir, driver);
      }
      folder.add("20240103");
      const { migrator } = migratorFor(driver, folder.dir);
      expect((await migrator.up()).error?.code).toBe("NOT_ADOPTED");
      const adopted = await migrator.adopt({ from: "dbmate" });
      expect(adopted.records.map((r) => r.version)).toEqual(["20240101000000", "20240102000000"]);
      const up = await migrator.up();
      expect(up.error).toBeUndefined();
      expect(up.results.map((r) => r.id)).toEqual(["20240103000000_create_orders"]);
      expect(await tableNames(driver)).toEqual([
        "orders",
        "pitstop_migrations",
        "schema_migrations",
        "users",
      ]);
      const { rows } = await driver.query<{ version: string }>(
        "SELECT version FROM schema_migrations ORDER BY 1",
      );
      expect(rows.map((r) => r.version)).toEqual(["20240101000000", "20240102000000"]);
    },
    60_000,
  );
});

describeEachDriver("goose ENVSUB at run time", (ctx) => {
  it("runs the substituted text and points a server error at the line of the file", async () => {
    const driver = await ctx.newDriver();
    const folder = fixtureCopy("goose/envsub");
    const { migrator } = migratorFor(driver, folder.dir);
    process.env.PITSTOP_TEST_REGION = "eu-west-1";
    try {
      const result = await migrator.up();
      expect(result.error?.message).toMatch(
        /00001_regional_settings\.sql:8:\d+: INSERT has more expressions than target columns/,
      );
      expect(result.error?.frame).toContain("('broken', 1, 2)");
    } finally {
      delete process.env.PITSTOP_TEST_REGION;
    }
  });
});
