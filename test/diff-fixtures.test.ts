/**
 * The diff corpus: each folder of test/fixtures/diff holds `from.sql` and
 * `to.sql` (and optionally `expect.json`). For each: load `from`, apply
 * diff(from, to), inspect -> equals inspecting `to`; apply the reverse plan
 * -> equals `from`. All cases share one database per driver, reset between.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { extensionsCreated } from "../src/declarative/load.js";
import { openScratch, resetDatabase, type Scratch } from "../src/declarative/scratch.js";
import { compareModels } from "../src/diff/compare.js";
import { diff } from "../src/diff/diff.js";
import type { Plan } from "../src/diff/plan.js";
import type { Driver } from "../src/driver/driver.js";
import { inspect } from "../src/inspect/inspect.js";
import { loadParser } from "../src/sql/parser.js";
import { splitSql } from "../src/sql/split.js";
import { describeEachDriver } from "./helpers/databases.js";
import { loadSql, runStatements } from "./helpers/schema.js";

const ROOT = path.join(import.meta.dirname, "fixtures/diff");
const CASES = readdirSync(ROOT)
  .filter((d) => existsSync(path.join(ROOT, d, "to.sql")))
  .sort();

interface Expectation {
  /** Substrings the up plan must contain / must not contain. */
  contains?: string[];
  excludes?: string[];
  /** Whether any up statement is marked destructive. */
  destructive?: boolean;
  /** Number of up statements (0: nothing to do). */
  statements?: number;
  down?: { contains?: string[]; excludes?: string[]; destructive?: boolean };
  /** Leave the case out on a driver (with a reason). */
  skip?: { pglite?: string; pg?: string };
}

function read(name: string, file: string): string {
  const p = path.join(ROOT, name, file);
  return existsSync(p) ? readFileSync(p, "utf8") : "";
}

function expectation(name: string): Expectation {
  const text = read(name, "expect.json");
  return text === "" ? {} : (JSON.parse(text) as Expectation);
}

function check(
  plan: Plan,
  e: { contains?: string[]; excludes?: string[]; destructive?: boolean },
): void {
  const sql = plan.statements.map((s) => s.sql).join(";\n");
  for (const text of e.contains ?? []) expect(sql, `plan should contain ${text}`).toContain(text);
  for (const text of e.excludes ?? [])
    expect(sql, `plan should not contain ${text}`).not.toContain(text);
  if (e.destructive !== undefined)
    expect(
      plan.statements.some((s) => s.destructive === true),
      sql,
    ).toBe(e.destructive);
}

describeEachDriver("diff fixtures", (ctx) => {
  let db: Driver;
  let scratch: Scratch | undefined;
  beforeAll(async () => {
    await loadParser();
    if (ctx.driverName === "pglite") {
      // The scratch database pitstop itself uses, with every extension a fixture creates.
      const splits = CASES.flatMap((c) => [read(c, "from.sql"), read(c, "to.sql")]).map((sql) =>
        splitSql(sql),
      );
      scratch = await openScratch({
        cacheDir: path.dirname(inject("pgliteTemplate")),
        extensions: extensionsCreated(splits),
      });
      db = scratch.driver;
    } else {
      db = await ctx.newDriver();
    }
  });
  afterAll(async () => {
    await scratch?.close();
  });

  for (const name of CASES) {
    const e = expectation(name);
    const skip = e.skip?.[ctx.driverName];
    it.skipIf(skip !== undefined)(name, async () => {
      const from = read(name, "from.sql");
      const to = read(name, "to.sql");
      await resetDatabase(db);
      await loadSql(db, to, `${name}/to.sql`);
      const want = await inspect(db);
      await resetDatabase(db);
      await loadSql(db, from, `${name}/from.sql`);
      const start = await inspect(db);

      const up = diff(start, want);
      const down = diff(want, start);
      check(up, e);
      if (e.statements !== undefined) expect(up.statements.length).toBe(e.statements);
      if (e.down) check(down, e.down);

      await runStatements(db, up.statements);
      const after = await inspect(db);
      expect(compareModels(after, want), "after up").toEqual([]);
      expect(after).toEqual(want);
      expect(diff(after, want).statements).toEqual([]);

      await runStatements(db, down.statements);
      const back = await inspect(db);
      expect(compareModels(back, start), "after down").toEqual([]);
      expect(back).toEqual(start);
    });
  }
});
