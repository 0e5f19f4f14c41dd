/**
 * The same schema inspected on PostgreSQL 15 (the test server) and on PGlite
 * (PostgreSQL 18) gives the same model, so `drift` and `schema apply` can plan
 * against a server with PGlite as the scratch database.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { extensionsCreated } from "../src/declarative/load.js";
import { openScratch, resetDatabase, type Scratch } from "../src/declarative/scratch.js";
import { compareModels } from "../src/diff/compare.js";
import type { Driver } from "../src/driver/driver.js";
import { createPgDriver } from "../src/driver/pg.js";
import { inspect } from "../src/inspect/inspect.js";
import { loadParser } from "../src/sql/parser.js";
import { splitSql } from "../src/sql/split.js";
import { loadSql } from "./helpers/schema.js";

const ROOT = path.join(import.meta.dirname, "fixtures/diff");
const CASES = readdirSync(ROOT)
  .filter((d) => existsSync(path.join(ROOT, d, "to.sql")))
  .sort();
const both = inject("drivers").includes("pg") && inject("drivers").includes("pglite");

describe.skipIf(!both)("one model on PostgreSQL 15 and PGlite 18", () => {
  let scratch: Scratch;
  let pg: Driver;
  let admin: Driver;
  const database = `pitstop_cross_${process.pid}`;
  beforeAll(async () => {
    await loadParser();
    const sql = CASES.map((c) => readFileSync(path.join(ROOT, c, "to.sql"), "utf8"));
    scratch = await openScratch({
      cacheDir: path.dirname(inject("pgliteTemplate")),
      extensions: extensionsCreated(sql.map((s) => splitSql(s))),
    });
    admin = await createPgDriver({ url: inject("pgUrl") });
    await admin.exec(`CREATE DATABASE ${database}`);
    const url = new URL(inject("pgUrl"));
    url.pathname = `/${database}`;
    pg = await createPgDriver({ url: url.toString() });
  });
  afterAll(async () => {
    await scratch?.close();
    await pg?.close();
    await admin?.exec(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.close();
  });

  it("for every to.sql of the diff corpus", async () => {
    const mismatches: Record<string, unknown> = {};
    for (const name of CASES) {
      const sql = readFileSync(path.join(ROOT, name, "to.sql"), "utf8");
      await resetDatabase(pg);
      await loadSql(pg, sql, `${name}/to.sql`);
      await resetDatabase(scratch.driver);
      await loadSql(scratch.driver, sql, `${name}/to.sql`);
      const a = await inspect(pg);
      const b = await inspect(scratch.driver);
      const differences = compareModels(a, b);
      if (differences.length > 0) mismatches[name] = differences;
    }
    expect(mismatches).toEqual({});
  });
});
