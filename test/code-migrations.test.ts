import { expect, it } from "vitest";
import { describeEachDriver } from "./helpers/databases.js";
import { migrationsDir, migratorFor, tableNames } from "./helpers/migrations.js";

describeEachDriver("TypeScript migrations beside SQL ones", (ctx) => {
  it("runs up/down with a typed db, honours config.transaction, rolls back a failing one", async () => {
    const driver = await ctx.newDriver();
    const { dir, write } = migrationsDir({
      "000001_users.sql":
        "-- +up\nCREATE TABLE users (id int PRIMARY KEY, email text);\n-- +down\nDROP TABLE users;\n",
      "000002_seed.ts": `import type { MigrationDb } from "pg-pitstop";
export async function up(db: MigrationDb): Promise<void> {
  const { rows } = await db.query<{ n: number }>("SELECT 41 + $1::int AS n", [1]);
  await db.query("INSERT INTO users VALUES ($1, $2)", [rows[0]!.n, "a@example.com"]);
}
export async function down(db: MigrationDb): Promise<void> {
  await db.exec("DELETE FROM users");
}
`,
      "000003_index.mjs": `import { PitstopError } from "pitstop"; // the package's name before pg-pitstop
export const config = { transaction: false };
export async function up(db) {
  if (typeof PitstopError !== "function") throw new Error("the old package name did not resolve");
  await db.exec("CREATE INDEX CONCURRENTLY users_email_idx ON users (email)");
}
export async function down(db) {
  await db.exec("DROP INDEX CONCURRENTLY users_email_idx");
}
`,
    });
    const { migrator } = migratorFor(driver, dir);
    const result = await migrator.up();
    expect(result.error).toBeUndefined();
    expect(result.results.map((r) => r.id)).toEqual([
      "000001_users",
      "000002_seed",
      "000003_index",
    ]);
    expect((await driver.query("SELECT id, email FROM users")).rows).toEqual([
      { id: 42, email: "a@example.com" },
    ]);
    const status = await migrator.status();
    expect(status.migrations.map((m) => m.status)).toEqual(["applied", "applied", "applied"]);

    write({
      "000004_broken.ts": `export async function up(db: { exec(sql: string): Promise<void> }) {
  await db.exec("CREATE TABLE half (id int)");
  throw new Error("boom");
}
`,
    });
    const failed = await migrator.up();
    expect(failed.error?.message).toMatch(
      /000004_broken\.ts: migration 000004_broken failed: boom/,
    );
    expect(await tableNames(driver)).not.toContain("half");

    const down = await migrator.down({ to: "1" });
    expect(down.error).toBeUndefined();
    expect(down.results.map((r) => r.id)).toEqual(["000003_index", "000002_seed"]);
    expect((await driver.query("SELECT count(*)::int AS n FROM users")).rows).toEqual([{ n: 0 }]);
  });
});
