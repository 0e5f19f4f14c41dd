/**
 * `Migrator({ searchPath })` on a direct connection (what a fleet tenant
 * gets): every migration runs with it, the history is where it is told, and
 * the session's own search_path is back afterwards. (Behind a pooler:
 * test/pooler-commands.test.ts.)
 */
import { expect, it } from "vitest";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir, migratorFor, tableNames } from "./helpers/migrations.js";

describeEachDriver("migrator searchPath", (ctx) => {
  it("runs every migration in the given schema and puts the session's search_path back", async () => {
    const driver = await ctx.newDriver();
    await driver.exec('CREATE SCHEMA "tenant one"');
    const { dir } = migrationsDir({
      "000001_a.sql": "-- +up\nCREATE TABLE a (s text DEFAULT current_schema());\n",
      // A migration that changes search_path itself: the next one still gets the tenant's.
      "000002_b.sql": "-- +up\nSET search_path TO public;\nCREATE TABLE in_public (id int);\n",
      "000003_c.sql": "-- +up\nCREATE TABLE c (id int);\nINSERT INTO a DEFAULT VALUES;\n",
      "000004_d.sql": "-- +up no-transaction\nCREATE TABLE d (id int);\n",
    });
    const { migrator } = migratorFor(driver, dir, {
      searchPath: '"tenant one"',
      history: { schema: "tenant one" },
    });
    const path = "SELECT current_setting('search_path') AS p";
    const before = (await driver.query(path)).rows;
    const result = await migrator.up();
    expect(result.error).toBeUndefined();
    expect(await tableNames(driver, "tenant one")).toEqual(["a", "c", "d", "pitstop_migrations"]);
    expect(await tableNames(driver)).toEqual(["in_public"]);
    expect((await driver.query('SELECT s FROM "tenant one".a')).rows).toEqual([
      { s: "tenant one" },
    ]);
    expect((await driver.query(path)).rows).toEqual(before);
  });
});
