/**
 * `pitstop diff`, `drift`, `schema dump` and `schema apply` end to end, as
 * subprocesses: one project per driver, walked through the whole workflow.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, inject, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { describeEachDriver } from "./helpers/databases.js";

// citext: PGlite must load the extension's code (the embedded database and the scratch one).
const SCHEMA = `CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE role AS ENUM ('admin', 'member');
-- pitstop:rename users.email -> users.email_address
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email_address citext NOT NULL UNIQUE,
  role role NOT NULL DEFAULT 'member'
);
CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), title text);
`;

describeEachDriver("declarative CLI", (ctx) => {
  it("diff writes a migration, up applies it, drift and dump --check agree, schema apply guards destructive steps", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "pitstop-decl-cli-"));
    mkdirSync(path.join(cwd, "migrations"));
    writeFileSync(
      path.join(cwd, "migrations/000001_init.sql"),
      "-- +up\nCREATE EXTENSION IF NOT EXISTS citext;\nCREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email citext NOT NULL, legacy text);\n-- +down\nDROP TABLE users;\n",
    );
    writeFileSync(path.join(cwd, "schema.sql"), SCHEMA);
    let env: Record<string, string>;
    if (ctx.driverName === "pg") {
      await ctx.newDriver();
      env = { DATABASE_URL: ctx.url(), PITSTOP_DEV_URL: inject("pgUrl") };
    } else {
      // The scratch cache already initialized (initdb would take seconds).
      const template = inject("pgliteTemplate");
      cpSync(template, path.join(cwd, ".pitstop/cache", path.basename(template)), {
        recursive: true,
      });
      env = { DATABASE_URL: ctx.url() };
    }
    const cli = (...args: string[]) => runCli(args, { cwd, env });
    // Each PGlite run opens the database and a scratch copy (~1-2 s): the long tail runs on pg only.
    const full = ctx.driverName === "pg";

    const first = await cli("up");
    expect(first.code, first.stderr).toBe(0);

    const wrote = await cli("diff", "add_posts");
    expect(wrote.code, wrote.stderr).toBe(0);
    expect(wrote.stdout).toContain("Wrote migrations/000002_add_posts.sql");
    expect(wrote.stdout).toContain("drops column users.legacy and its data");
    // diff lints what it wrote: the drop and the rename break the running app version.
    expect(wrote.stderr).toContain("drop-column");
    expect(wrote.stderr).toContain("rename-column");
    const migration = readFileSync(path.join(cwd, "migrations/000002_add_posts.sql"), "utf8");
    // users holds rows: its new UNIQUE is built concurrently, so the file runs statement by statement.
    expect(wrote.stderr).not.toContain("unique-using-index");
    expect(migration).toMatch(
      /^-- \+up no-transaction\nALTER TABLE users RENAME COLUMN email TO email_address;/m,
    );
    expect(migration).toContain(
      "CREATE UNIQUE INDEX CONCURRENTLY users_email_address_key ON users USING btree (email_address);\n\nALTER TABLE users ADD CONSTRAINT users_email_address_key UNIQUE USING INDEX users_email_address_key;",
    );
    expect(migration).toContain(
      "-- pitstop: destructive: drops column users.legacy and its data\nALTER TABLE users DROP COLUMN legacy;",
    );
    expect(migration).toContain("-- +down\n");

    const applied = await cli("up");
    expect(applied.code, applied.stderr).toBe(0);

    if (full) {
      const again = await cli("diff", "nothing", "--json");
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, changes: false });
      expect(readdirSync(path.join(cwd, "migrations"))).toHaveLength(2);
    }

    const clean = await cli("drift");
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toContain("No drift");

    expect((await cli("schema", "dump", "--out", "schema.dump.sql")).code).toBe(0);
    const dump = readFileSync(path.join(cwd, "schema.dump.sql"), "utf8");
    expect(dump).toContain("CREATE TABLE posts (");
    expect(dump).not.toContain("pitstop_migrations");
    if (full)
      expect((await cli("schema", "dump", "--out", "schema.dump.sql", "--check")).code).toBe(0);
    const fromMigrations = await cli(
      "schema",
      "dump",
      "--from",
      "migrations",
      "--out",
      "schema.dump.sql",
      "--check",
    );
    expect(fromMigrations.code, fromMigrations.stdout + fromMigrations.stderr).toBe(0);

    // Someone changes the database by hand.
    writeFileSync(
      path.join(cwd, "schema.sql"),
      `${SCHEMA}CREATE INDEX posts_title ON posts (title);\n`,
    );
    if (full) {
      const dryRun = await cli("schema", "apply", "--dry-run");
      expect(dryRun.code, dryRun.stderr).toBe(0);
      expect(dryRun.stdout).toContain(
        "-- locks: SHARE on posts (blocks writes while the index builds)\nCREATE INDEX posts_title ON posts USING btree (title);",
      );
      expect(dryRun.stdout).toContain("1 statement(s) lock existing tables");
    }
    const apply = await cli("schema", "apply");
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toContain("Applied 1 statement(s)");

    const drifted = await cli("drift", "--json");
    expect(drifted.code).toBe(4);
    expect(JSON.parse(drifted.stdout).differences).toEqual([
      { key: "index:public.posts_title", change: "added" },
    ]);
    expect((await cli("schema", "dump", "--out", "schema.dump.sql", "--check")).code).toBe(4);
    if (!full) return;

    // Without a terminal, destructive steps need --allow-destructive.
    writeFileSync(path.join(cwd, "schema.sql"), SCHEMA.replace(", title text", ""));
    const refused = await cli("schema", "apply");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refusing 1 destructive step(s) without --allow-destructive");
    const allowed = await cli("schema", "apply", "--allow-destructive", "--json");
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ ok: true, applied: true });
    const done = await cli("schema", "apply", "--json");
    expect(JSON.parse(done.stdout)).toMatchObject({ ok: true, changes: false });
  }, 180_000);
});

// The migrations' model is kept between runs and their text not parsed then; a
// type change whose cast is checked needs them replayed after all.
it("diff checks a type change's cast with the migrations' model kept from the last run", async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), "pitstop-decl-cast-"));
  mkdirSync(path.join(cwd, "migrations"));
  writeFileSync(
    path.join(cwd, "migrations/000001_init.sql"),
    "-- +up\nCREATE TABLE t (id int PRIMARY KEY, n integer);\n",
  );
  writeFileSync(path.join(cwd, "schema.sql"), "CREATE TABLE t (id int PRIMARY KEY, n text);\n");
  const template = inject("pgliteTemplate");
  cpSync(template, path.join(cwd, ".pitstop/cache", path.basename(template)), { recursive: true });
  const diff = () => runCli(["diff", "x", "--dry-run"], { cwd });
  const first = await diff();
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toContain("TYPE text");
  writeFileSync(
    path.join(cwd, "schema.sql"),
    "-- edited\nCREATE TABLE t (id int PRIMARY KEY, n text);\n",
  );
  const second = await diff();
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).toBe(first.stdout);
});
