import { describe, expect, it } from "vitest";
import { PitstopError } from "../src/core/errors.js";
import { FORMATS, readMigrationFolder, scanMigrationFolder } from "../src/source/directory.js";
import { loadParser } from "../src/sql/parser.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir, migratorFor, tableNames } from "./helpers/migrations.js";

describeEachDriver("other tools' folders", (ctx) => {
  it("a golang-migrate migration without a .down.sql file reverts as an empty down", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "1_a.up.sql": "CREATE TABLE a (id int);",
      "1_a.down.sql": "DROP TABLE a;",
      "2_b.up.sql": "CREATE TABLE b (id int);",
    });
    const { migrator } = migratorFor(driver, dir);
    expect((await migrator.up()).error).toBeUndefined();
    const down = await migrator.down();
    expect(down.error).toBeUndefined();
    expect(await migrator.version()).toBe("1");
    // Nothing ran for the missing down: golang-migrate does the same.
    expect(await tableNames(driver)).toEqual(["a", "b", "pitstop_migrations"]);
  });

  it("a goose file without `-- +goose Down` reverts as an empty down", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "00001_a.sql": "-- +goose Up\nCREATE TABLE a (id int);\n",
    });
    const { migrator } = migratorFor(driver, dir);
    await migrator.up();
    expect((await migrator.down()).error).toBeUndefined();
    expect(await migrator.version()).toBeUndefined();
  });

  it("a dbmate history in another schema is seen: up refuses, status warns, a failed first attempt does not block adopt", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "20240101000000_users.sql":
        "-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\nDROP TABLE users;\n",
      "20240102000000_posts.sql":
        "-- migrate:up\nCREATE TABLE posts (id int);\n\n-- migrate:down\nDROP TABLE posts;\n",
    });
    // What dbmate --migrations-table tools.schema_migrations leaves, after a first
    // pitstop up that failed (before the history in another schema was seen).
    await driver.exec("CREATE TABLE users (id int)");
    const { migrator } = migratorFor(driver, dir);
    const failed = await migrator.up();
    expect(failed.error?.message).toMatch(/already exists/);
    await driver.exec(
      "CREATE SCHEMA tools; CREATE TABLE tools.schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO tools.schema_migrations VALUES ('20240101000000')",
    );
    const status = await migrator.status();
    expect(status.foreign).toEqual([
      {
        tool: "dbmate",
        table: "tools.schema_migrations",
        applied: 1,
        newest: "20240101000000",
        dirty: false,
      },
    ]);
    expect(status.problems[0]).toMatch(/^not adopted: tools\.schema_migrations/);
    const adopted = await migrator.adopt();
    expect(adopted.records.map((r) => r.id)).toEqual(["20240101000000_users"]);
    const up = await migrator.up();
    expect(up.error).toBeUndefined();
    expect(await migrator.version()).toBe("20240102000000");
  });

  it("up refuses on a database whose dbmate history is in another schema", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "20240101000000_users.sql": "-- migrate:up\nCREATE TABLE users (id int);\n",
    });
    await driver.exec(
      "CREATE TABLE users (id int); CREATE SCHEMA tools; CREATE TABLE tools.schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO tools.schema_migrations VALUES ('20240101000000')",
    );
    const { migrator } = migratorFor(driver, dir);
    const refused = await migrator.up();
    expect(refused.error?.code).toBe("NOT_ADOPTED");
    expect(refused.error?.message).toContain("tools.schema_migrations");
  });
});

describe("detecting and converting folders", () => {
  it("a golang-migrate folder with a stray file names it instead of reading the folder as pitstop's", async () => {
    const { dir } = migrationsDir({
      "1_a.up.sql": "CREATE TABLE a (id int);",
      "1_a.down.sql": "DROP TABLE a;",
      "2_b_up.sql": "DROP TABLE a;",
      "3_c.up.sql": "CREATE TABLE c (id int);",
    });
    const error = await readMigrationFolder({ dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PitstopError);
    expect((error as PitstopError).code).toBe("MIXED_FORMATS");
    expect((error as PitstopError).message).toMatch(/1 file\(s\) that are not: .*2_b_up\.sql$/);
  });

  it("convert --to dbmate warns about a transaction:false block of several statements", async () => {
    await loadParser();
    const written = FORMATS.dbmate.write({
      versionText: "20240101000000",
      name: "indexes",
      up: "CREATE INDEX CONCURRENTLY a_x ON a (x);\nCREATE INDEX CONCURRENTLY a_y ON a (y);\n",
      down: "DROP INDEX a_x;\n",
      upTransaction: false,
      downTransaction: true,
    });
    expect(written.warnings).toHaveLength(1);
    expect(written.warnings[0]).toMatch(
      /up block is transaction:false with 2 statements; dbmate sends such a block as one query/,
    );
  });

  it.each<[string, string, Record<string, string>]>([
    [
      "goose",
      "pitstop",
      {
        "00001_users.sql":
          "-- Users of the app.\n-- Owner: team-a\n\n-- +goose Up\nCREATE TABLE users (id int);\n\n-- +goose Down\nDROP TABLE users;\n",
      },
    ],
    [
      "dbmate",
      "pitstop",
      {
        "20240101000000_users.sql":
          "-- Users of the app.\n-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\nDROP TABLE users;\n",
      },
    ],
    [
      "pitstop",
      "goose",
      {
        "000001_users.sql":
          "-- Users of the app.\n-- +up\nCREATE TABLE users (id int);\n\n-- +down\nDROP TABLE users;\n",
      },
    ],
  ])("convert %s -> %s -> back keeps header comments, byte for byte", async (from, via, files) => {
    await loadParser();
    const { dir } = migrationsDir(files);
    const round = (
      sqlFiles: { name: string; path: string; text: string }[],
      a: string,
      b: string,
    ) =>
      FORMATS[a as "goose"]
        .portable(sqlFiles)
        .flatMap((m) => FORMATS[b as "goose"].write(m).files)
        .map((f) => ({ name: f.name, path: f.name, text: f.text }));
    const original = scanMigrationFolder({ dir, format: from as "goose" }).sqlFiles;
    const back = round(round([...original], from, via), via, from);
    expect(back.map((f) => [f.name, f.text])).toEqual(original.map((f) => [f.name, f.text]));
  });
});
