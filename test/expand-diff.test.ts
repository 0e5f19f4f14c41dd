/**
 * `diff --expand` on tables that hold rows: each folder of
 * test/fixtures/expand has `from.sql` (migration 1), `rows.sql`, `to.sql`
 * and `expect.json`. The four files (`_expand`, `_backfill`, `_switch`,
 * `_contract`) are linted (no error but the contract's drop), applied one by
 * one by the real runner with writes in between (the trigger must carry
 * them), and must give `to` with every row converted; `down` four times
 * must give `from` back with the old values.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrationText } from "../src/cli/commands/diff.js";
import { compareModels } from "../src/diff/compare.js";
import { type ExpandedPlan, expandPlan } from "../src/diff/expand.js";
import type { Driver } from "../src/driver/driver.js";
import { inspect } from "../src/inspect/inspect.js";
import { Migrator } from "../src/runner/migrator.js";
import { directorySource } from "../src/source/directory.js";
import { DEFAULT_HISTORY } from "../src/store/history.js";
import { describeEachDriver } from "./helpers/databases.js";
import { lintErrors, type OnlineCase, OnlinePlanner, scratchOptions } from "./helpers/online.js";

const ROOT = path.join(import.meta.dirname, "fixtures/expand");
const CASES = readdirSync(ROOT)
  .filter((name) => readdirSync(path.join(ROOT, name)).includes("expect.json"))
  .sort();

interface Expectation {
  afterExpand: string;
  afterBackfill: string;
  afterSwitch: string;
  /** Rows whose new column is wrong (must return none). */
  check: string;
  /** The same after every down (default: `check`; "" for none). */
  checkDown?: string;
  rows: Record<string, number>;
  columns: string[];
  /** The phases written (default: all four). */
  phases?: string[];
  /** A row the backfill cannot convert: it stops there; `fix` repairs the row, `up` resumes. */
  poison?: { fix: string; firstBatchRow: number };
  /** A write the switched foreign keys must refuse. */
  foreignKeyEnforced?: string;
  /** Rows the old type cannot hold, removed before going down. */
  beforeDown?: string;
}

const read = (name: string, file: string) => readFileSync(path.join(ROOT, name, file), "utf8");

let planner: OnlinePlanner | undefined;
const plans = new Map<string, Promise<{ online: OnlineCase; expanded: ExpandedPlan }>>();

function planFor(name: string) {
  let p = plans.get(name);
  if (p === undefined) {
    planner ??= new OnlinePlanner(scratchOptions(inject("pgliteTemplate"), inject("pgUrl")));
    p = planner.plan(read(name, "from.sql"), read(name, "to.sql")).then((online) => ({
      online,
      expanded: expandPlan(online.up, online.down, online.from, online.to),
    }));
    plans.set(name, p);
  }
  return p;
}

afterAll(async () => {
  await planner?.close();
});

/** Writes the four phase files after `0001_from.sql`; returns their versions. */
function project(name: string, expanded: ExpandedPlan): { dir: string; versions: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), `pitstop-expand-${name}-`));
  writeFileSync(path.join(dir, "0001_from.sql"), `-- +up\n${read(name, "from.sql")}`);
  const versions = expanded.phases.map((phase, i) => {
    const version = String(i + 2).padStart(4, "0");
    writeFileSync(
      path.join(dir, `${version}_change_${phase.name}.sql`),
      migrationText("to.sql", phase.up, phase.down),
    );
    return String(i + 2);
  });
  return { dir, versions };
}

async function wrongRows(db: Driver, sql: string): Promise<unknown[]> {
  return (await db.query(sql)).rows;
}

async function counts(db: Driver, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
  return out;
}

describeEachDriver("diff --expand", (ctx) => {
  for (const name of CASES) {
    it(`${name}: lint-clean phases, applied with writes in between, give the schema and back`, async () => {
      const e = JSON.parse(read(name, "expect.json")) as Expectation;
      const { online, expanded } = await planFor(name);
      expect(expanded.warnings).toEqual([]);
      expect(expanded.columns).toEqual(e.columns);
      expect(expanded.phases.map((p) => p.name)).toEqual(
        e.phases ?? ["expand", "backfill", "switch", "contract"],
      );
      const { dir, versions } = project(name, expanded);
      for (const v of versions) expect(await lintErrors(dir, v), `lint of ${v}`).toEqual([]);

      const db = await ctx.newDriver();
      const migrator = new Migrator({ driver: db, source: directorySource({ dir }) });
      expect((await migrator.up({ to: "1" })).error).toBeUndefined();
      await db.exec(read(name, "rows.sql"));
      const up = async (to: string) => {
        const r = await migrator.up({ to });
        expect(r.error?.message, `up to ${to}`).toBeUndefined();
      };

      await up(versions[0]!);
      await db.exec(e.afterExpand);
      if (e.poison) {
        // The backfill stops at the row it cannot convert; the batches before it stay done.
        const failed = await migrator.up({ to: versions[1]! });
        expect(failed.error?.message).toMatch(/invalid input syntax for type integer/);
        const [column] = e.columns[0]!.split(".").slice(1);
        const table = e.columns[0]!.split(".")[0]!;
        const done = await db.query<{ n: string; xmin: string }>(
          `SELECT count(*) FILTER (WHERE ${column}_new IS NOT NULL) AS n, (SELECT xmin::text FROM ${table} WHERE id = ${e.poison.firstBatchRow}) AS xmin FROM ${table}`,
        );
        expect(Number(done.rows[0]!.n)).toBeGreaterThan(1000);
        await db.exec(e.poison.fix);
        await up(versions[1]!);
        // Running it again only read the rows it had done: the first one was not written again.
        const after = await db.query<{ xmin: string }>(
          `SELECT xmin::text FROM ${table} WHERE id = ${e.poison.firstBatchRow}`,
        );
        expect(after.rows[0]!.xmin).toBe(done.rows[0]!.xmin);
      } else await up(versions[1]!);
      await db.exec(e.afterBackfill);
      if (versions[2] !== undefined) {
        await up(versions[2]);
        await db.exec(e.afterSwitch);
      }
      if (e.foreignKeyEnforced)
        await expect(db.exec(e.foreignKeyEnforced)).rejects.toThrow(/foreign key constraint/);
      if (versions[3] !== undefined) await up(versions[3]);

      const model = await inspect(db, { history: DEFAULT_HISTORY });
      expect(compareModels(model, online.to), "after the four phases").toEqual([]);
      expect(await wrongRows(db, e.check)).toEqual([]);
      expect(await counts(db, Object.keys(e.rows))).toEqual(e.rows);

      if (e.beforeDown) await db.exec(e.beforeDown);
      for (const v of [...versions].reverse()) {
        const r = await migrator.down();
        expect(r.error?.message, `down ${v}`).toBeUndefined();
        if (v === versions[2] && e.checkDown !== "")
          expect(await wrongRows(db, e.checkDown ?? e.check)).toEqual([]);
      }
      expect(
        compareModels(await inspect(db, { history: DEFAULT_HISTORY }), online.from),
        "after down",
      ).toEqual([]);
      if (e.checkDown !== "") expect(await wrongRows(db, e.checkDown ?? e.check)).toEqual([]);
    });
  }
});

describe("diff --expand refuses", () => {
  it("a column a view reads or whose type the plan rebuilds, naming what blocks it, and keeps its change flagged in the expand step", async () => {
    const { expanded } = await planFor("refused-view");
    expect(expanded.warnings).toEqual([
      expect.stringMatching(
        /column accounts\.id is not expanded \(the view account_names reads it\)/,
      ),
      expect.stringMatching(
        /column feelings\.mood is not expanded \(its type mood is rebuilt by the same plan\)/,
      ),
      expect.stringMatching(
        /--expand writes phases for rewriting type changes only: `ALTER TABLE prices ADD COLUMN gross numeric GENERATED ALWAYS AS .* stays as it is, flagged with its recipe \(no statement turns a filled column into a generated one/,
      ),
    ]);
    // The foreign key's column is expanded; the key it references keeps its one-statement change.
    expect(expanded.columns).toEqual(["payments.account_id"]);
    const first = expanded.phases[0]!.up.statements;
    expect(
      first.find((s) => s.sql.startsWith("ALTER TABLE accounts ALTER COLUMN id TYPE bigint"))
        ?.comment,
    ).toContain("expand and contract");
  });
});
