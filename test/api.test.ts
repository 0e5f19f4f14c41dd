import { expect, it } from "vitest";
import { listSource, type MigrationDefinition, migrate, status } from "../src/index.js";
import { directorySource } from "../src/source/directory.js";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir, tableNames } from "./helpers/migrations.js";

const FILES = {
  "000001_users.sql":
    "-- +up\nCREATE TABLE users (id int PRIMARY KEY);\n-- +down\nDROP TABLE users;\n",
  "000002_orders.sql":
    "-- +up\nCREATE TABLE orders (id int PRIMARY KEY);\n-- +down\nDROP TABLE orders;\n",
};

describeEachDriver("public API", (ctx) => {
  it("migrate() applies a bundled list; the same migrations from files agree on checksums", async () => {
    const driver = await ctx.newDriver();
    const { dir } = migrationsDir(FILES);
    const fromFiles = await directorySource({ dir }).load();
    const bundled: MigrationDefinition[] = fromFiles.map((m) => ({
      version: m.versionText,
      name: m.name,
      up: m.up.kind === "sql" ? m.up.sql : "",
    }));
    const first = await migrate({ driver, migrations: bundled.slice(0, 1) });
    expect(first.results.map((r) => [r.id, r.status])).toEqual([["000001_users", "success"]]);
    // Then the folder: no checksum complaint, only the second migration runs.
    const second = await migrate({ driver, migrations: dir });
    expect(second.error).toBeUndefined();
    expect(second.results.map((r) => r.id)).toEqual(["000002_orders"]);
    const report = await status({ driver, migrations: dir });
    expect(report.current).toBe("2");
    expect(report.pending).toBe(0);
  });

  it("runs code migrations in a transaction unless told otherwise, and reports errors without throwing", async () => {
    const driver = await ctx.newDriver();
    const migrations = listSource([
      {
        version: "1",
        name: "code",
        up: async (db) => {
          await db.exec("CREATE TABLE from_code (id int)");
          await db.query("INSERT INTO from_code VALUES ($1)", [42]);
        },
      },
      {
        version: "2",
        name: "broken",
        up: async (db) => {
          await db.exec("CREATE TABLE half (id int)");
          throw new Error("boom in code");
        },
      },
    ]);
    const result = await migrate({ driver, migrations });
    expect(result.results.map((r) => r.status)).toEqual(["success", "error"]);
    expect(result.error?.message).toContain("boom in code");
    expect((await driver.query("SELECT id FROM from_code")).rows).toEqual([{ id: 42 }]);
    expect(await tableNames(driver)).not.toContain("half");
  });

  it("migrate() turns an unreachable database into a result error", async () => {
    const result = await migrate({
      url: "postgres://nobody:secret@127.0.0.1:1/none",
      migrations: [],
    });
    expect(result.error?.code).toBe("CONNECTION");
    expect(result.error?.message).not.toContain("secret");
  });
});
