/**
 * Self-consistency on real-world-sized schemas (test/fixtures/large, 400+
 * tables each): dump -> load into an empty database -> dump again is
 * byte-identical, and diff(empty -> schema) applied gives the schema.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { resetDatabase } from "../src/declarative/scratch.js";
import { compareModels } from "../src/diff/compare.js";
import { diff } from "../src/diff/diff.js";
import type { Driver } from "../src/driver/driver.js";
import { renderDump } from "../src/dump/dump.js";
import { inspect } from "../src/inspect/inspect.js";
import { emptyModel } from "../src/inspect/model.js";
import { loadParser } from "../src/sql/parser.js";
import { describeEachDriver } from "./helpers/databases.js";
import { loadSql, runStatements } from "./helpers/schema.js";

const SCHEMAS = ["commerce", "saas", "logistics"];

describeEachDriver("large schemas", (ctx) => {
  let db: Driver;
  beforeAll(async () => {
    await loadParser();
    db = await ctx.newDriver();
  });

  for (const name of SCHEMAS) {
    it(`${name}: dump round trip is byte-identical, diff from empty gives the schema`, async () => {
      const file = path.join(import.meta.dirname, "fixtures/large", `${name}.sql`);
      await resetDatabase(db);
      await loadSql(db, readFileSync(file, "utf8"), file);
      const model = await inspect(db);
      expect(model.tables.length).toBeGreaterThan(300);
      expect(model.functions.length).toBeGreaterThan(20);
      expect(model.triggers.length).toBeGreaterThan(300);
      expect(model.views.length).toBeGreaterThan(50);
      expect(model.tables.filter((t) => t.partitionOf).length).toBeGreaterThanOrEqual(30);
      const dump = renderDump(model);

      await resetDatabase(db);
      await loadSql(db, dump, `${name}.dump.sql`);
      const reloaded = await inspect(db);
      expect(compareModels(reloaded, model)).toEqual([]);
      expect(renderDump(reloaded)).toBe(dump);

      // diff(empty -> schema) is the dump's statements: the dump just loaded is that plan.
      const plan = diff(emptyModel(), model);
      expect(plan.warnings).toEqual([]);
      const body = dump
        .slice(dump.indexOf("\n\n") + 2)
        .replace(/^-- .*\nSET check_function_bodies = false;\n\n/, "");
      expect(
        plan.statements
          .filter((s) => !s.sql.startsWith("SET LOCAL"))
          .map((s) => `${s.sql};`)
          .join("\n"),
      ).toBe(body.replaceAll("\n\n", "\n").trimEnd());
      if (ctx.driverName === "pg") {
        // And applied statement by statement, as a migration would be (PGlite: the dump load above).
        await resetDatabase(db);
        await runStatements(db, plan.statements);
        expect(compareModels(await inspect(db), model)).toEqual([]);
      }
    });
  }
});
