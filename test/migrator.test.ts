import { expect, it } from "vitest";
import { describeEachDriver } from "./helpers/databases.js";
import { historyRows, migrationsDir, migratorFor, tableNames } from "./helpers/migrations.js";

const CREATE_A = "-- +up\nCREATE TABLE a (id int PRIMARY KEY);\n-- +down\nDROP TABLE a;\n";
const CREATE_B =
  "-- +up\nCREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);\n-- +down\nDROP TABLE b;\n";
const CREATE_C =
  "-- +up\nCREATE TABLE c (id int);\nINSERT INTO c VALUES (1), (2);\n-- +down\nDROP TABLE c;\n";

describeEachDriver("migrator", (ctx) => {
  it("applies pending migrations once, records them, and reports nothing to do after", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_a.sql": CREATE_A,
      "000002_b.sql": CREATE_B,
      "000003_c.sql": CREATE_C,
    });
    const { migrator } = migratorFor(driver, dir);
    const first = await migrator.up();
    expect(first.error).toBeUndefined();
    expect(first.results.map((r) => [r.id, r.status])).toEqual([
      ["000001_a", "success"],
      ["000002_b", "success"],
      ["000003_c", "success"],
    ]);
    expect(first.current).toBe("3");
    expect(await tableNames(driver)).toEqual(["a", "b", "c", "pitstop_migrations"]);
    expect((await historyRows(driver)).map((r) => [r.version, r.state])).toEqual([
      ["1", "applied"],
      ["2", "applied"],
      ["3", "applied"],
    ]);
    const again = await migrator.up();
    expect(again.error).toBeUndefined();
    expect(again.results).toEqual([]);
    expect(await migrator.version()).toBe("3");
  });

  it("goes down, redoes, goes to a version and resets", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_a.sql": CREATE_A,
      "000002_b.sql": CREATE_B,
      "000003_c.sql": CREATE_C,
    });
    const { migrator } = migratorFor(driver, dir);
    await migrator.up();
    const down = await migrator.down();
    expect(down.results.map((r) => [r.direction, r.id])).toEqual([["down", "000003_c"]]);
    expect(await tableNames(driver)).toEqual(["a", "b", "pitstop_migrations"]);
    const redo = await migrator.redo();
    expect(redo.results.map((r) => `${r.direction}:${r.version}`)).toEqual(["down:2", "up:2"]);
    expect(await migrator.version()).toBe("2");
    await migrator.goto("000003");
    expect(await migrator.version()).toBe("3");
    await migrator.goto("1");
    expect(await tableNames(driver)).toEqual(["a", "pitstop_migrations"]);
    const reset = await migrator.reset();
    expect(reset.error).toBeUndefined();
    expect(await tableNames(driver)).toEqual(["pitstop_migrations"]);
    expect(await migrator.version()).toBeUndefined();
  });

  it("refuses a syntax error in any pending file before running anything, naming file:line:col", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_a.sql": CREATE_A,
      "000002_bad.sql": "-- +up\nCREATE TABLE ok (id int);\nCREATE TABEL oops (id int);\n",
    });
    const { migrator } = migratorFor(driver, dir);
    const result = await migrator.up();
    expect(result.error?.code).toBe("SQL_SYNTAX");
    expect(result.error?.message).toContain("000002_bad.sql:3:8");
    expect(result.error?.frame).toContain("CREATE TABEL oops");
    expect(result.results.map((r) => r.status)).toEqual(["not_executed", "not_executed"]);
    expect(await tableNames(driver)).toEqual(["pitstop_migrations"]);
  });

  it("rolls back a failing transactional migration, keeps the ones before, and records the failure", async () => {
    const driver = await ctx.newDriver();
    const { dir, write } = migrationsDir({
      "000001_a.sql": CREATE_A,
      "000002_b.sql":
        "-- +up\nCREATE TABLE b (id int);\n\nINSERT INTO b SELECT * FROM missing_table;\n",
    });
    const { migrator } = migratorFor(driver, dir);
    const result = await migrator.up();
    expect(result.results.map((r) => r.status)).toEqual(["success", "error"]);
    const error = result.error!;
    expect(error.code).toBe("MIGRATION_FAILED");
    expect(error.message).toMatch(/000002_b\.sql:4:29: relation "missing_table" does not exist/);
    expect(error.hint).toContain("rolled back");
    expect(await tableNames(driver)).toEqual(["a", "pitstop_migrations"]);
    expect(await historyRows(driver)).toMatchObject([
      { version: "1", state: "applied" },
      { version: "2", state: "failed", progress: 0 },
    ]);
    const report = await migrator.status();
    expect(report.migrations.map((m) => m.status)).toEqual(["applied", "pending"]);
    expect(report.problems.join("\n")).toContain("missing_table");
    write({ "000002_b.sql": "-- +up\nCREATE TABLE b (id int);\n" });
    const retried = await migrator.up();
    expect(retried.error).toBeUndefined();
    expect((await historyRows(driver)).map((r) => r.state)).toEqual(["applied", "applied"]);
  });

  it("finds the failing statement when the server gives no position", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_a.sql":
        "-- +up\nCREATE TABLE people (id int);\nINSERT INTO people VALUES (1), (1);\n",
      "000002_b.sql":
        "-- +up\nCREATE INDEX people_id ON people (id);\n\n\nCREATE UNIQUE INDEX people_id_unique\n  ON people (id);\n",
    });
    const result = await migratorFor(driver, dir).migrator.up();
    expect(result.error?.message).toMatch(
      /000002_b\.sql:5:1: could not create unique index "people_id_unique"/,
    );
    expect(result.error?.message).toContain("[23505]");
  });

  it("runs a migration with CONCURRENTLY statements outside a transaction", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_a.sql": CREATE_C,
      "000002_idx.sql":
        "-- +up\nCREATE INDEX CONCURRENTLY c_id ON c (id);\nCREATE INDEX CONCURRENTLY c_id_2 ON c (id);\n-- +down\nDROP INDEX CONCURRENTLY c_id_2;\nDROP INDEX CONCURRENTLY c_id;\n",
    });
    const { migrator, events } = migratorFor(driver, dir);
    const result = await migrator.up();
    expect(result.error).toBeUndefined();
    expect(result.results[1]).toMatchObject({ status: "success", mode: "steps" });
    const start = events.find((e) => e.type === "migration-start" && e.migration.version === "2");
    expect(start).toMatchObject({ mode: "steps", reason: "CREATE INDEX CONCURRENTLY" });
    const { rows } = await driver.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM pg_indexes WHERE tablename = 'c'",
    );
    expect(rows[0]!.n).toBe("2");
    expect((await migrator.down()).error).toBeUndefined();
    const after = await driver.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM pg_indexes WHERE tablename = 'c'",
    );
    expect(after.rows[0]!.n).toBe("0");
  });

  it("records progress of a failed non-transactional migration and resumes after the statements that ran", async () => {
    const driver = await ctx.newDriver();
    const { dir, write } = migrationsDir({
      "000001_a.sql": CREATE_C,
      "000002_steps.sql":
        "-- +up\nCREATE TABLE once (id int);\nCREATE INDEX CONCURRENTLY c_id ON c (id);\nCREATE INDEX CONCURRENTLY bad ON nope (id);\nINSERT INTO once VALUES (1);\n",
    });
    const { migrator } = migratorFor(driver, dir);
    const result = await migrator.up();
    expect(result.error?.message).toMatch(/000002_steps\.sql:4:1: relation "nope" does not exist/);
    expect(result.error?.hint).toContain("2 of 4 statements completed");
    expect(await historyRows(driver)).toMatchObject([
      { state: "applied" },
      { version: "2", state: "failed", progress: 2 },
    ]);
    const report = await migrator.status();
    expect(report.migrations[1]!.status).toBe("failed");
    expect(report.pending).toBe(1);
    // Fixing the failing statement resumes at it: CREATE TABLE once would fail if run again.
    write({
      "000002_steps.sql":
        "-- +up\nCREATE TABLE once (id int);\nCREATE INDEX CONCURRENTLY c_id ON c (id);\nCREATE INDEX CONCURRENTLY fixed ON c (id);\nINSERT INTO once VALUES (1);\n",
    });
    const resumed = await migrator.up();
    expect(resumed.error).toBeUndefined();
    expect(await historyRows(driver)).toMatchObject([
      { state: "applied" },
      { state: "applied", progress: 0 },
    ]);
    expect((await driver.query("SELECT * FROM once")).rows).toEqual([{ id: 1 }]);
  });

  it("refuses an applied migration whose file was edited, and repair accepts the edit", async () => {
    const driver = await ctx.newDriver();
    const { dir, write } = migrationsDir({ "000001_a.sql": CREATE_A });
    const { migrator } = migratorFor(driver, dir);
    await migrator.up();
    write({ "000001_a.sql": CREATE_A.replace("id int", "id bigint"), "000002_b.sql": CREATE_B });
    const result = await migrator.up();
    expect(result.error?.code).toBe("CHECKSUM_MISMATCH");
    expect(result.error?.message).toContain("000001_a.sql");
    expect(await tableNames(driver)).toEqual(["a", "pitstop_migrations"]);
    expect(await migrator.repair()).toEqual(["000001_a: recorded checksum updated to the file's"]);
    expect((await migrator.up()).error).toBeUndefined();
    expect(await tableNames(driver)).toEqual(["a", "b", "pitstop_migrations"]);
  });

  it("refuses a migration merged from a branch unless out-of-order is allowed", async () => {
    const driver = await ctx.newDriver();
    const { dir, write } = migrationsDir({ "000001_a.sql": CREATE_A, "000003_c.sql": CREATE_C });
    await migratorFor(driver, dir).migrator.up();
    write({ "000002_b.sql": CREATE_B });
    const refused = await migratorFor(driver, dir).migrator.up();
    expect(refused.error?.code).toBe("OUT_OF_ORDER");
    const allowed = await migratorFor(driver, dir, { allowOutOfOrder: true }).migrator.up();
    expect(allowed.results.map((r) => r.id)).toEqual(["000002_b"]);
  });

  it("force records a migration as applied or not applied", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({ "000001_a.sql": CREATE_A, "000002_b.sql": CREATE_B });
    const { migrator } = migratorFor(driver, dir);
    expect(await migrator.force("000002")).toEqual({ id: "000002_b", action: "applied" });
    expect((await migrator.status()).migrations.map((m) => m.status)).toEqual([
      "out_of_order",
      "applied",
    ]);
    expect(await migrator.force("2", { unapplied: true })).toEqual({
      id: "000002_b",
      action: "unapplied",
    });
    expect((await migrator.status()).migrations.map((m) => m.status)).toEqual([
      "pending",
      "pending",
    ]);
    await expect(migrator.force("9")).rejects.toMatchObject({ code: "UNKNOWN_VERSION" });
  });

  it("runs COPY ... FROM stdin data inside the migration's transaction", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_copy.sql":
        "-- +up\nCREATE TABLE people (id int, name text);\nCOPY people (id, name) FROM stdin;\n1\tO'Brien\n2\t\\N\n\\.\nUPDATE people SET name = 'x' WHERE name IS NULL;\n",
    });
    const result = await migratorFor(driver, dir).migrator.up();
    expect(result.error).toBeUndefined();
    expect(result.results[0]).toMatchObject({ mode: "transaction" });
    expect((await driver.query("SELECT id, name FROM people ORDER BY id")).rows).toEqual([
      { id: 1, name: "O'Brien" },
      { id: 2, name: "x" },
    ]);
  });

  it("runs a file that manages its own transaction, and a session SET does not leak into the next migration", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({
      "000001_own_tx.sql":
        "-- +up\nCREATE SCHEMA app;\nBEGIN;\nCREATE TABLE app.t (id int);\nCOMMIT;\n",
      "000002_set.sql": "-- +up\nSET search_path = app;\nCREATE TABLE inside_app (id int);\n",
      "000003_plain.sql": "-- +up\nCREATE TABLE outside (id int);\n",
    });
    const result = await migratorFor(driver, dir).migrator.up();
    expect(result.error).toBeUndefined();
    expect(result.results.map((r) => r.status === "success" && r.mode)).toEqual([
      "steps",
      "batch",
      "batch",
    ]);
    expect(await tableNames(driver, "app")).toEqual(["inside_app", "t"]);
    expect(await tableNames(driver)).toEqual(["outside", "pitstop_migrations"]);
  });

  it("validate reports syntax errors, edited files and half-done migrations without changing anything", async () => {
    const driver = await ctx.newDriver();
    const { dir, write } = migrationsDir({ "000001_a.sql": CREATE_A });
    const { migrator } = migratorFor(driver, dir);
    expect((await migrator.validate()).errors).toEqual([]);
    await migrator.up();
    write({
      "000001_a.sql": `${CREATE_A}\n-- edited\n`.replace("-- +down", "SELECT 1;\n-- +down"),
      "000002_b.sql": "-- +up\nSELEC 1;\n",
    });
    const report = await migrator.validate();
    expect(report.errors.map((e) => e.code).sort()).toEqual(["CHECKSUM_MISMATCH", "SQL_SYNTAX"]);
  });

  it("keeps the history in a configured schema and table", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir({ "000001_a.sql": CREATE_A });
    const { migrator } = migratorFor(driver, dir, {
      history: { schema: "ops", table: "schema_history" },
    });
    expect((await migrator.up()).error).toBeUndefined();
    expect(await tableNames(driver, "ops")).toEqual(["schema_history"]);
    expect((await migrator.status()).current).toBe("1");
  });
});
