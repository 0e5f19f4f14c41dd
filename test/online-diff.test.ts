/**
 * Online plans on a database that holds rows: each folder of
 * test/fixtures/online has `from.sql` (migration 1), `rows.sql` (data put in
 * after it), `to.sql` (the desired schema) and `expect.json`. The migration
 * `pitstop diff` writes is linted (no error but destructive ones), applied
 * by the real runner (`Migrator.up`) and must give `to`; `down` must give
 * `from` back, with the rows still there.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { planMigration } from "../src/declarative/declarative.js";
import { compareModels } from "../src/diff/compare.js";
import type { Driver } from "../src/driver/driver.js";
import { inspect } from "../src/inspect/inspect.js";
import { Migrator } from "../src/runner/migrator.js";
import { directorySource } from "../src/source/directory.js";
import { loadParser } from "../src/sql/parser.js";
import { DEFAULT_HISTORY } from "../src/store/history.js";
import { describeEachDriver } from "./helpers/databases.js";
import { lintErrors, type OnlineCase, OnlinePlanner, scratchOptions } from "./helpers/online.js";

const ROOT = path.join(import.meta.dirname, "fixtures/online");
const CASES = readdirSync(ROOT).sort();

interface Expectation {
  up?: string[];
  upExcludes?: string[];
  down?: string[];
  /** Text the migration file must contain (comments). */
  text?: string[];
  /** The plan stays one transaction (nothing needs one of its own). */
  transaction?: boolean;
  /** Lint errors the file may have besides destructive ones: flagged changes with no online form. */
  lintErrors?: string[];
  /** Queries giving one number, and the number each must give after `up` (catalog facts). */
  afterUp?: Record<string, number>;
}

const read = (name: string, file: string) => readFileSync(path.join(ROOT, name, file), "utf8");

/** A migrations folder holding `from.sql` as its first migration. */
function project(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `pitstop-online-${name}-`));
  writeFileSync(path.join(dir, "0001_from.sql"), `-- +up\n${read(name, "from.sql")}`);
  return dir;
}

const plans = new Map<string, Promise<OnlineCase>>();
let planner: OnlinePlanner | undefined;

/** The plan is the same on both drivers (the scratch database is PGlite): made once. */
function planFor(name: string): Promise<OnlineCase> {
  let p = plans.get(name);
  if (p === undefined) {
    planner ??= new OnlinePlanner(scratchOptions(inject("pgliteTemplate"), inject("pgUrl")));
    p = planner.plan(read(name, "from.sql"), read(name, "to.sql"));
    plans.set(name, p);
  }
  return p;
}

afterAll(async () => {
  await planner?.close();
});

describeEachDriver("online diff", (ctx) => {
  beforeAll(async () => {
    await loadParser();
  });

  for (const name of CASES) {
    it(`${name}: lint-clean, applied by the runner on rows, gives the schema and back`, async () => {
      const e = JSON.parse(read(name, "expect.json")) as Expectation;
      const plan = await planFor(name);
      const text = plan.text;
      const up = plan.up.statements.map((s) => `${s.sql};`).join("\n");
      const down = plan.down.statements.map((s) => `${s.sql};`).join("\n");
      for (const t of e.up ?? []) expect(up, `up should contain ${t}`).toContain(t);
      for (const t of e.upExcludes ?? []) expect(up, `up should not contain ${t}`).not.toContain(t);
      for (const t of e.down ?? []) expect(down, `down should contain ${t}`).toContain(t);
      for (const t of e.text ?? []) expect(text, `the file should contain ${t}`).toContain(t);
      expect(plan.up.noTransaction === true).toBe(e.transaction !== true);

      const dir = project(name);
      const db = await ctx.newDriver();
      const migrator = new Migrator({ driver: db, source: directorySource({ dir }) });
      expect((await migrator.up()).error).toBeUndefined();
      await db.exec(read(name, "rows.sql"));
      const rows = await counts(db);

      writeFileSync(path.join(dir, "0002_online.sql"), text);
      expect(await lintErrors(dir, "2", e.lintErrors)).toEqual([]);

      const applied = await migrator.up();
      expect(applied.error?.message).toBeUndefined();
      expect((applied.results[0] as { mode?: string } | undefined)?.mode).toBe(
        e.transaction ? "batch" : "steps",
      );
      expect(
        compareModels(await inspect(db, { history: DEFAULT_HISTORY }), plan.to),
        "after up",
      ).toEqual([]);
      expect(await counts(db)).toMatchObject(rows);
      for (const [query, want] of Object.entries(e.afterUp ?? {})) {
        const { rows: got } = await db.query<{ n: string }>(query);
        expect(Number(got[0]!.n), query).toBe(want);
      }

      const reverted = await migrator.down();
      expect(reverted.error?.message).toBeUndefined();
      expect(
        compareModels(await inspect(db, { history: DEFAULT_HISTORY }), plan.from),
        "after down",
      ).toEqual([]);
      expect(await counts(db)).toMatchObject(rows);
    });
  }
});

/** Rows per table of the fixture (tables that exist before the migration). */
async function counts(db: Driver) {
  const { rows } = await db.query<{ relname: string }>(
    "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname <> 'pitstop_migrations' ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const r of rows) {
    const { rows: n } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${r.relname}"`);
    out[r.relname] = Number(n[0]!.n);
  }
  return out;
}

describe("planMigration", () => {
  it("writes the online forms by default and the plain plan with offline", async () => {
    await loadParser();
    const options = scratchOptions(inject("pgliteTemplate"), inject("pgUrl"));
    const to = path.join(ROOT, "fk-check", "to.sql");
    const online = await planMigration(directorySource({ dir: project("fk-check") }), to, options);
    expect(online.up.noTransaction).toBe(true);
    expect(online.up.statements.map((s) => s.sql)).toContain(
      "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey",
    );
    const offline = await planMigration(directorySource({ dir: project("fk-check") }), to, {
      ...options,
      offline: true,
    });
    expect(offline.up.noTransaction).toBeUndefined();
    const sql = offline.up.statements.map((s) => s.sql).join(";\n");
    expect(sql).toContain(
      "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE;",
    );
    expect(sql).not.toContain("NOT VALID");
  });
});

describe("a type change with no cast", () => {
  it("is a plan-time error naming the column, with the hint that fixes it", async () => {
    await loadParser();
    // Twice: on PGlite the second run has both models from the cache and no scratch
    // until the cast must be checked; it must find the same error.
    for (const _run of [1, 2]) {
      const error = await planMigration(
        directorySource({ dir: project("using-hint") }),
        path.join(ROOT, "using-hint", "to-no-cast.sql"),
        scratchOptions(inject("pgliteTemplate"), inject("pgUrl")),
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: "NO_CAST",
        message: expect.stringContaining(
          "column hosts.addr: PostgreSQL has no cast from integer to inet",
        ),
        hint: expect.stringContaining(
          "-- pitstop:using hosts.addr: <expression over the old value>",
        ),
      });
    }
  });
});
