/**
 * `pitstop diff --expand` as a subprocess: four migrations in a row, `up
 * --to` the switch, then the contract; `lint` finds nothing but the
 * contract's drop, and the next `diff` finds nothing to do.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, inject, it } from "vitest";
import { CLI, cleanEnv, runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";

describeEachDriver("diff --expand CLI", (ctx) => {
  it("writes expand, backfill, switch and contract; up applies them; nothing is left to diff", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "pitstop-expand-cli-"));
    mkdirSync(path.join(cwd, "migrations"));
    writeFileSync(
      path.join(cwd, "migrations/000001_init.sql"),
      "-- +up\nCREATE TABLE orders (id bigint PRIMARY KEY, qty integer NOT NULL DEFAULT 1);\nINSERT INTO orders SELECT g, g FROM generate_series(1, 2000) g;\n",
    );
    writeFileSync(
      path.join(cwd, "schema.sql"),
      "CREATE TABLE orders (id bigint PRIMARY KEY, qty bigint NOT NULL DEFAULT 1);\n",
    );
    let env: Record<string, string>;
    if (ctx.driverName === "pg") {
      await ctx.newDriver();
      env = { DATABASE_URL: ctx.url(), PITSTOP_DEV_URL: inject("pgUrl") };
    } else {
      const template = inject("pgliteTemplate");
      cpSync(template, path.join(cwd, ".pitstop/cache", path.basename(template)), {
        recursive: true,
      });
      env = { DATABASE_URL: ctx.url() };
    }
    const cli = (...args: string[]) => runCli(args, { cwd, env });
    expect((await cli("up")).code).toBe(0);

    const usage = await cli("diff", "x", "--expand", "--offline");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--expand and --offline cannot be combined");

    // Each PGlite run opens the database and a scratch copy (seconds on a busy machine): the
    // dry run and the tail run on pg only.
    if (ctx.driverName === "pg") {
      const dry = await cli("diff", "qty_bigint", "--expand", "--dry-run", "--json");
      expect(dry.code, dry.stderr).toBe(0);
      const json = JSON.parse(dry.stdout) as { expanded: string[]; files: { phase: string }[] };
      expect(json.expanded).toEqual(["orders.qty"]);
      expect(json.files.map((f) => f.phase)).toEqual(["expand", "backfill", "switch", "contract"]);
      expect(readdirSync(path.join(cwd, "migrations"))).toEqual(["000001_init.sql"]);
    }

    const wrote = await cli("diff", "qty_bigint", "--expand");
    expect(wrote.code, wrote.stderr).toBe(0);
    expect(readdirSync(path.join(cwd, "migrations")).sort()).toEqual([
      "000001_init.sql",
      "000002_qty_bigint_expand.sql",
      "000003_qty_bigint_backfill.sql",
      "000004_qty_bigint_switch.sql",
      "000005_qty_bigint_contract.sql",
    ]);
    expect(wrote.stdout).toContain("Expanding orders.qty in 4 migrations");
    expect(wrote.stdout).toContain("pitstop up --to 000004");
    // What diff wrote is linted: only the contract's drop is an error.
    expect(wrote.stderr).toContain("drop-column");
    expect(wrote.stderr).not.toContain("rename-column");
    expect(wrote.stderr).not.toContain("column-type-rewrite");

    if (ctx.driverName !== "pg") return;
    const toSwitch = await cli("up", "--to", "000004");
    expect(toSwitch.code, toSwitch.stderr).toBe(0);
    const contract = await cli("up");
    expect(contract.code, contract.stderr).toBe(0);
    const again = await cli("diff", "again");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("No changes");
  });

  // A real crash in the middle of the backfill: the pitstop process SIGKILLed while its DO
  // block waits on a row another session holds, two batches committed. No timing race: the
  // third batch cannot finish until we let it.
  it.skipIf(ctx.driverName !== "pg")(
    "a backfill killed mid-way resumes with a plain `up`, rewriting nothing it had done",
    async () => {
      const cwd = mkdtempSync(path.join(tmpdir(), "pitstop-expand-crash-"));
      mkdirSync(path.join(cwd, "migrations"));
      writeFileSync(
        path.join(cwd, "migrations/000001_init.sql"),
        "-- +up\nCREATE TABLE orders (id bigint PRIMARY KEY, qty integer NOT NULL, expect_qty bigint);\nINSERT INTO orders SELECT g, g % 500, g % 500 FROM generate_series(1, 12000) g;\n",
      );
      writeFileSync(
        path.join(cwd, "schema.sql"),
        "CREATE TABLE orders (id bigint PRIMARY KEY, qty bigint NOT NULL, expect_qty bigint);\n",
      );
      const db = await ctx.newDriver();
      const env = { DATABASE_URL: ctx.url(), PITSTOP_DEV_URL: inject("pgUrl") };
      const cli = (...args: string[]) => runCli(args, { cwd, env });
      expect((await cli("up")).code).toBe(0);
      expect((await cli("diff", "qty", "--expand")).code).toBe(0);
      expect((await cli("up", "--to", "000002")).code).toBe(0);

      const blocker = await ctx.newConnection();
      await blocker.exec("BEGIN; SELECT 1 FROM orders WHERE id = 11000 FOR UPDATE");
      const child = spawn(process.execPath, [CLI, "up", "--to", "000003"], {
        cwd,
        env: { ...cleanEnv(), ...env },
        stdio: "ignore",
      });
      const exited = new Promise((resolve) => child.on("exit", resolve));
      const done = async () =>
        Number(
          (
            await db.query<{ n: string }>(
              "SELECT count(*) AS n FROM orders WHERE qty_new IS NOT NULL",
            )
          ).rows[0]!.n,
        );
      const deadline = Date.now() + 60_000;
      while ((await done()) < 10_000 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(await done()).toBe(10_000);
      const xmin = async () =>
        (await db.query<{ x: string }>("SELECT xmin::text AS x FROM orders WHERE id = 1")).rows[0]!
          .x;
      const before = await xmin();
      child.kill("SIGKILL");
      await exited;
      await blocker.exec("ROLLBACK");
      await blocker.close();

      const resumed = await cli("up");
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(await xmin()).toBe(before);
      const wrong = await db.query(
        "SELECT id FROM orders WHERE qty IS DISTINCT FROM expect_qty OR pg_typeof(qty) <> 'bigint'::regtype",
      );
      expect(wrong.rows).toEqual([]);
    },
  );
});
