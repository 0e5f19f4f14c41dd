/**
 * A larger schema (a warehouse: 16 item tables, each pointing at the one
 * before, plus ledgers) evolved in three steps by `pitstop diff`'s online
 * plans, on a database that holds rows: each generated step is lint-clean
 * (no error but destructive steps), applied by the runner, and gives its
 * target; then `down` walks back to the start. The schema is generated
 * here, not copied from any project.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it } from "vitest";
import { compareModels } from "../src/diff/compare.js";
import { inspect } from "../src/inspect/inspect.js";
import { Migrator } from "../src/runner/migrator.js";
import { directorySource } from "../src/source/directory.js";
import { DEFAULT_HISTORY } from "../src/store/history.js";
import { describeEachDriver } from "./helpers/databases.js";
import { lintErrors, type OnlineCase, OnlinePlanner, scratchOptions } from "./helpers/online.js";

const TABLES = 16;
const ROWS = 40;
const STEPS = 3;
const pad = (i: number) => String(i).padStart(2, "0");

/** The desired schema at `step` (0 = what the first migration creates). */
function schemaAt(step: number): string {
  const out: string[] = [];
  for (let i = 0; i < TABLES; i++) {
    const t = `item_${pad(i)}`;
    const code = step >= 2 ? "varchar(80)" : "varchar(40)";
    const price = step >= 2 ? "numeric(14,2)" : "numeric(10,2)";
    const notNull = step >= 1 ? " NOT NULL" : "";
    const columns = [
      "id bigint PRIMARY KEY",
      `code ${code}${notNull}`,
      "parent_id bigint",
      "qty integer NOT NULL DEFAULT 0",
      `price ${price}`,
      ...(step >= 3 && i % 3 === 0 ? [] : ["note text"]),
      "created_at timestamptz NOT NULL DEFAULT now()",
    ];
    const constraints: string[] = [];
    if (step >= 1) {
      constraints.push(`CONSTRAINT ${t}_qty_check CHECK (qty >= 0)`);
      constraints.push(`CONSTRAINT ${t}_code_key UNIQUE (code)`);
      if (i > 0)
        constraints.push(
          `CONSTRAINT ${t}_parent_fkey FOREIGN KEY (parent_id) REFERENCES item_${pad(i - 1)} (id)`,
        );
    }
    out.push(`CREATE TABLE ${t} (\n  ${[...columns, ...constraints].join(",\n  ")}\n);`);
    if (step < 2) out.push(`CREATE INDEX ${t}_created_idx ON ${t} (created_at);`);
    if (step >= 1) out.push(`CREATE INDEX ${t}_parent_idx ON ${t} (parent_id);`);
    if (step >= 3) out.push(`CREATE INDEX ${t}_price_idx ON ${t} (price) WHERE price > 100;`);
  }
  // A ledger without a key at first: it gets a primary key (and NOT NULL) in step 2.
  out.push(
    `CREATE TABLE ledger (entry_id bigint${step >= 2 ? " PRIMARY KEY" : ""}, item_id bigint, amount numeric(12,2) NOT NULL);`,
  );
  if (step >= 2)
    out.push(
      "ALTER TABLE ledger ADD CONSTRAINT ledger_item_fkey FOREIGN KEY (item_id) REFERENCES item_00 (id);",
    );
  // Not in the step that adds ledger's key: diff's down plan would drop the key before this table's foreign key.
  if (step >= 3) {
    out.push(
      "CREATE TABLE ledger_notes (id bigint PRIMARY KEY, entry_id bigint NOT NULL REFERENCES ledger (entry_id), body text NOT NULL);",
    );
    out.push("CREATE INDEX ledger_notes_entry_idx ON ledger_notes (entry_id);");
  }
  return `${out.join("\n")}\n`;
}

function rows(): string {
  const out: string[] = [];
  for (let i = 0; i < TABLES; i++)
    out.push(
      `INSERT INTO item_${pad(i)} (id, code, parent_id, qty, price, note) SELECT g, 'c${i}-' || g, ${i > 0 ? "g" : "NULL"}, g, g * 10.5, 'n' FROM generate_series(1, ${ROWS}) g;`,
    );
  out.push(
    `INSERT INTO ledger SELECT g, 1 + g % ${ROWS}, g FROM generate_series(1, ${ROWS * 5}) g;`,
  );
  return out.join("\n");
}

const planner = { current: undefined as OnlinePlanner | undefined };
const plans = new Map<number, Promise<OnlineCase>>();
function planStep(step: number): Promise<OnlineCase> {
  let p = plans.get(step);
  if (p === undefined) {
    planner.current ??= new OnlinePlanner(
      scratchOptions(inject("pgliteTemplate"), inject("pgUrl")),
    );
    p = planner.current.plan(schemaAt(step - 1), schemaAt(step));
    plans.set(step, p);
  }
  return p;
}
afterAll(async () => {
  await planner.current?.close();
});

describeEachDriver("online evolution", (ctx) => {
  it(`${TABLES + 2} tables with rows, ${STEPS} steps up, every step lint-clean and exact, then down to the start`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pitstop-online-evolution-"));
    writeFileSync(path.join(dir, "0001_start.sql"), `-- +up\n${schemaAt(0)}`);
    const db = await ctx.newDriver();
    const migrator = new Migrator({ driver: db, source: directorySource({ dir }) });
    expect((await migrator.up()).error?.message).toBeUndefined();
    await db.exec(rows());
    const model = () => inspect(db, { history: DEFAULT_HISTORY });

    for (let step = 1; step <= STEPS; step++) {
      const plan = await planStep(step);
      expect(plan.up.statements.length).toBeGreaterThan(0);
      writeFileSync(path.join(dir, `000${step + 1}_step_${step}.sql`), plan.text);
      expect(await lintErrors(dir, String(step + 1)), `step ${step}`).toEqual([]);
      const result = await migrator.up();
      expect(result.error?.message, `step ${step}`).toBeUndefined();
      expect(compareModels(await model(), plan.to), `after step ${step}`).toEqual([]);
    }
    const { rows: left } = await db.query<{ n: string }>("SELECT count(*) AS n FROM item_15");
    expect(Number(left[0]!.n)).toBe(ROWS);

    for (let step = STEPS; step >= 1; step--) {
      const result = await migrator.down();
      expect(result.error?.message, `down step ${step}`).toBeUndefined();
      expect(compareModels(await model(), (await planStep(step)).from), `down ${step}`).toEqual([]);
    }
  }, 300_000);
});
