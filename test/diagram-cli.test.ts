/**
 * `pitstop schema diagram` and `pitstop diff --diagram` as subprocesses, on
 * each driver: the file is written in the asked (or implied) format from the
 * database, the migrations or a schema file; a bad --format is refused.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import mermaid from "mermaid";
import { expect, inject, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { describeEachDriver, enabledTestDrivers } from "./helpers/databases.js";

const FIXTURE = path.join(import.meta.dirname, "fixtures/diagram/schema.sql");

/** pg when it runs, else PGlite. */
const once = (driver: string) => driver === "pg" || !enabledTestDrivers().includes("pg");

const INIT = `-- +up
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));
CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);
-- +down
DROP TABLE orders;
DROP TABLE customers;
DROP TABLE audit_log;
`;

describeEachDriver("schema diagram CLI", (ctx) => {
  async function project(): Promise<{ cwd: string; env: Record<string, string> }> {
    const cwd = mkdtempSync(path.join(tmpdir(), "pitstop-diagram-cli-"));
    mkdirSync(path.join(cwd, "migrations"));
    writeFileSync(path.join(cwd, "migrations/000001_init.sql"), INIT);
    if (ctx.driverName === "pg") {
      await ctx.newDriver();
      return { cwd, env: { DATABASE_URL: ctx.url(), PITSTOP_DEV_URL: inject("pgUrl") } };
    }
    // The scratch cache already initialized (initdb would take seconds).
    const template = inject("pgliteTemplate");
    cpSync(template, path.join(cwd, ".pitstop/cache", path.basename(template)), {
      recursive: true,
    });
    return { cwd, env: { DATABASE_URL: ctx.url() } };
  }

  it("draws the database, the migrations and a schema file; refuses a bad --format", async () => {
    const { cwd, env } = await project();
    const cli = (...args: string[]) => runCli(args, { cwd, env });

    const bad = await cli("schema", "diagram", "--format", "png", "-o", "schema.png");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format png: not a diagram format");
    expect(bad.stderr).toContain("mermaid, svg, dot");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(cwd, "schema.png"))).toBe(false);

    expect((await cli("up")).code).toBe(0);
    const db = await cli("schema", "diagram", "-o", "schema.svg");
    expect(db.code, db.stderr).toBe(0);
    const svg = readFileSync(path.join(cwd, "schema.svg"), "utf8");
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const t of ["customers", "orders", "audit_log"])
      expect(svg).toContain(`id="table:public.${t}"`);
    expect(svg).toContain('id="fk:public.orders.orders_customer_id_fkey"');
    // The history table is pitstop's, not the schema's.
    expect(svg).not.toContain("pitstop_migrations");

    // Each PGlite run opens the database or a scratch copy (seconds on a busy machine): the
    // other sources (the same writers, a scratch database either way) run on one driver only.
    if (!once(ctx.driverName)) return;
    const fromMigrations = await cli(
      "--json",
      "schema",
      "diagram",
      "--from",
      "migrations",
      "--format",
      "dot",
    );
    expect(fromMigrations.code, fromMigrations.stderr).toBe(0);
    const json = JSON.parse(fromMigrations.stdout) as {
      ok: boolean;
      format: string;
      diagram: string;
    };
    expect(json).toMatchObject({ ok: true, format: "dot" });
    expect(json.diagram).toMatch(/^digraph schema \{/);
    expect(json.diagram).toContain('id="fk:public.orders.orders_customer_id_fkey"');

    const file = await cli("schema", "diagram", "--file", FIXTURE, "--views", "-o", "schema.mmd");
    expect(file.code, file.stderr).toBe(0);
    const text = readFileSync(path.join(cwd, "schema.mmd"), "utf8");
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: "er" });
    expect(text).toContain('"sales.line items" {');
    expect(text).toContain('"sales.order_totals" {');
    expect(text).not.toContain('"audit_log"');
  });

  it.skipIf(!once(ctx.driverName))(
    "warns when a mermaid diagram is too long for mermaid's default limit",
    async () => {
      const { cwd, env } = await project();
      const tables = Array.from(
        { length: 300 },
        (_, i) =>
          `CREATE TABLE table_number_${i} (id bigint PRIMARY KEY, parent_id bigint REFERENCES table_number_${Math.floor(i / 2)} (id), description text, created_at timestamptz NOT NULL);`,
      );
      writeFileSync(path.join(cwd, "big.sql"), tables.join("\n"));
      const big = await runCli(["schema", "diagram", "--file", "big.sql", "-o", "big.mmd"], {
        cwd,
        env,
      });
      expect(big.code, big.stderr).toBe(0);
      expect(big.stderr).toMatch(
        /the diagram is \d+ characters: mermaid \(and GitHub\) refuse more than 50000/,
      );
      expect(readFileSync(path.join(cwd, "big.mmd"), "utf8").length).toBeGreaterThan(50_000);
      const small = await runCli(["schema", "diagram", "--file", "big.sql", "--only", "nothing"], {
        cwd,
        env,
      });
      expect(small.code, small.stderr).toBe(0);
      expect(small.stderr).not.toContain("refuse more than");
    },
  );

  it.skipIf(!once(ctx.driverName))(
    "diff --diagram puts the changed tables and their neighbours in the header as mermaid",
    async () => {
      const { cwd, env } = await project();
      writeFileSync(
        path.join(cwd, "schema.sql"),
        `${INIT.split("-- +down")[0]!.replace("-- +up", "")}
CREATE TABLE order_notes (order_id bigint NOT NULL REFERENCES orders (id), note text);
`,
      );
      const wrote = await runCli(["diff", "add_notes", "--diagram", "--seq"], { cwd, env });
      expect(wrote.code, wrote.stderr).toBe(0);
      const migration = readFileSync(path.join(cwd, "migrations/000002_add_notes.sql"), "utf8");
      const header = migration.slice(0, migration.indexOf("-- +up"));
      const block = header.match(/-- ```mermaid\n([\s\S]*?)-- ```\n/);
      expect(block, header).not.toBeNull();
      const text = block![1]!.replace(/^-- ?/gm, "");
      await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: "er" });
      // The new table and the one it references; not their neighbours' neighbours, not the unrelated table.
      expect(text).toContain('"order_notes" {');
      expect(text).toContain('"orders" {');
      expect(text).toContain('"order_notes" }o..|| "orders" : "order_notes_order_id_fkey"');
      expect(text).not.toContain('"customers"');
      expect(text).not.toContain('"audit_log"');
      // The file still runs: the diagram is comments.
      const up = await runCli(["up"], { cwd, env });
      expect(up.code, up.stderr).toBe(0);
    },
  );
});
