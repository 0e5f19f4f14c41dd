/**
 * The declarative workflow in-process: migrations replayed and a desired
 * schema loaded on a scratch database (PGlite, or a temporary database on a
 * server with devUrl), diffed, renames, errors that point at the file.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { PitstopError } from "../src/core/errors.js";
import {
  type DeclarativeOptions,
  migrationsModel,
  planApply,
  planMigration,
  schemaFileModel,
} from "../src/declarative/declarative.js";
import { parseRenameHints } from "../src/declarative/renames.js";
import { compareModels } from "../src/diff/compare.js";
import { quoteIdent } from "../src/inspect/ident.js";
import type { SchemaModel } from "../src/inspect/model.js";
import { directorySource } from "../src/source/directory.js";
import { describeEachDriver } from "./helpers/databases.js";
import { loadSql, runStatements } from "./helpers/schema.js";

const INIT = `-- +up
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL, legacy text);
CREATE TABLE notes (id int PRIMARY KEY, body text);
-- +down
DROP TABLE notes;
DROP TABLE users;
`;

/** A temp project: migrations/ with these files, schema files beside it. */
function project(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pitstop-decl-"));
  mkdirSync(path.join(dir, "migrations"));
  for (const [name, text] of Object.entries(migrations))
    writeFileSync(path.join(dir, "migrations", name), text);
  return dir;
}

/** A scratch cache with the initialized template and nothing kept from earlier runs. */
function freshCache(): string {
  const cacheDir = mkdtempSync(path.join(tmpdir(), "pitstop-cache-"));
  const template = inject("pgliteTemplate");
  cpSync(template, path.join(cacheDir, path.basename(template)), { recursive: true });
  return cacheDir;
}

async function caught(promise: Promise<unknown>): Promise<PitstopError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PitstopError) return error;
    throw error;
  }
  throw new Error("expected a PitstopError");
}

describeEachDriver("declarative", (ctx) => {
  let options: DeclarativeOptions;
  beforeAll(() => {
    options =
      ctx.driverName === "pg"
        ? { devUrl: inject("pgUrl") }
        : { cacheDir: path.dirname(inject("pgliteTemplate")) };
  });

  it("plans the migration from the migrations to the schema file, and nothing when they agree", async () => {
    const dir = project({ "000001_init.sql": INIT });
    const schema = path.join(dir, "schema.sql");
    writeFileSync(
      schema,
      `CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, legacy text);
CREATE TABLE notes (id int PRIMARY KEY, body text, user_id bigint REFERENCES users (id));
CREATE VIEW user_notes AS SELECT u.email, n.body FROM users u JOIN notes n ON n.user_id = u.id;
`,
    );
    const source = directorySource({ dir: path.join(dir, "migrations") });
    const plan = await planMigration(source, schema, options);
    const up = plan.up.statements.map((s) => s.sql);
    expect(up).toContain("ALTER TABLE notes ADD COLUMN user_id bigint");
    // users exists (the migrations built it): its new key is built concurrently, then attached.
    expect(up).toContain(
      "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users USING btree (email)",
    );
    expect(up).toContain(
      "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key",
    );
    expect(plan.up.noTransaction).toBe(true);
    // The foreign key needs the column and the key it references; the view, the foreign key's columns.
    const fk = up.findIndex((s) => s.includes("FOREIGN KEY"));
    expect(fk).toBeGreaterThan(up.indexOf("ALTER TABLE notes ADD COLUMN user_id bigint"));
    expect(up.findIndex((s) => s.startsWith("CREATE VIEW user_notes"))).toBeGreaterThan(
      up.indexOf("ALTER TABLE notes ADD COLUMN user_id bigint"),
    );
    expect(plan.down.statements.map((s) => s.sql)).toContain("DROP VIEW user_notes");

    // The plan written as the next migration: now the two agree.
    writeFileSync(
      path.join(dir, "migrations/000002_next.sql"),
      `-- +up no-transaction\n${up.map((s) => `${s};`).join("\n")}\n-- +down\n${plan.down.statements.map((s) => `${s.sql};`).join("\n")}\n`,
    );
    const again = await planMigration(source, schema, options);
    expect(again.up.statements).toEqual([]);
    expect(compareModels(await migrationsModel(source, options), again.to)).toEqual([]);
  });

  it("loads a schema with its own COMMIT or a CONCURRENTLY statement the plain way, leaving nothing for the replay", async () => {
    const dir = project({ "000001_init.sql": INIT });
    const schema = path.join(dir, "schema.sql");
    const tables = `CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL, legacy text);
CREATE TABLE notes (id int PRIMARY KEY, body text);
`;
    const source = directorySource({ dir: path.join(dir, "migrations") });
    // Nothing kept: the migrations are replayed on the scratch the schema was loaded into.
    const fresh = ctx.driverName === "pg" ? options : { cacheDir: freshCache() };
    // A schema loaded in one transaction is rolled back; its own COMMIT would have kept it,
    // and the migrations' replay on the same scratch would then find users already there.
    writeFileSync(schema, `${tables}BEGIN;\nCREATE TABLE extra (id int);\nCOMMIT;\n`);
    const committed = await planMigration(source, schema, fresh);
    expect(committed.up.statements.map((s) => s.sql.replace(/\s+/g, " "))).toEqual([
      "CREATE TABLE extra ( id integer )",
    ]);
    writeFileSync(schema, `${tables}CREATE INDEX CONCURRENTLY notes_body ON notes (body);\n`);
    const concurrent = await planMigration(source, schema, fresh);
    expect(concurrent.up.statements.map((s) => s.sql)).toEqual([
      "CREATE INDEX CONCURRENTLY notes_body ON notes USING btree (body)",
    ]);
  });

  it("turns rename hints into renames instead of drop and add, and forgets applied ones", async () => {
    const dir = project({ "000001_init.sql": INIT });
    const schema = path.join(dir, "schema.sql");
    writeFileSync(
      schema,
      `-- pitstop:rename users.email -> users.email_address
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email_address text NOT NULL, legacy text);
-- pitstop:rename notes -> memos
CREATE TABLE memos (id int PRIMARY KEY, body text);
`,
    );
    const source = directorySource({ dir: path.join(dir, "migrations") });
    const plan = await planMigration(source, schema, options);
    expect(plan.up.statements.map((s) => s.sql)).toEqual([
      "ALTER TABLE users RENAME COLUMN email TO email_address",
      "ALTER TABLE notes RENAME TO memos",
      // The primary key keeps its name, where the desired schema calls it memos_pkey: renamed too.
      "ALTER TABLE memos RENAME CONSTRAINT notes_pkey TO memos_pkey",
    ]);
    expect(plan.up.statements.some((s) => s.destructive)).toBe(false);
    expect(plan.down.statements.slice(-2).map((s) => s.sql)).toEqual([
      "ALTER TABLE memos RENAME TO notes",
      "ALTER TABLE users RENAME COLUMN email_address TO email",
    ]);

    writeFileSync(
      path.join(dir, "migrations/000002_renames.sql"),
      `-- +up\n${plan.up.statements.map((s) => `${s.sql};`).join("\n")}\n`,
    );
    const after = await planMigration(source, schema, options);
    expect(after.up.statements).toEqual([]);
    expect(after.appliedHints.map((h) => h.line)).toEqual([1, 3]);
  });

  it("points at file:line:col for a schema that does not load, and at the hint that matches nothing", async () => {
    const dir = project({ "000001_init.sql": INIT });
    const source = directorySource({ dir: path.join(dir, "migrations") });
    const broken = path.join(dir, "broken.sql");
    writeFileSync(
      broken,
      "CREATE TABLE a (id int);\n\nCREATE VIEW b AS SELECT id FROM missing_table;\n",
    );
    const error = await caught(planMigration(source, broken, options));
    expect(error.code).toBe("SCHEMA_LOAD");
    expect(error.message).toContain(`${broken}:3:`);
    expect(error.message).toContain("missing_table");

    const syntax = path.join(dir, "syntax.sql");
    writeFileSync(syntax, "CREATE TABLE a (id int);\nCREATE TABLE b (id int,);\n");
    const syntaxError = await caught(planMigration(source, syntax, options));
    expect(syntaxError.code).toBe("SQL_SYNTAX");
    expect(syntaxError.location).toMatchObject({ file: syntax, line: 2 });

    const hinted = path.join(dir, "hinted.sql");
    writeFileSync(
      hinted,
      "\n-- pitstop:rename users.nope -> users.email2\nCREATE TABLE users (id int);\n",
    );
    const hintError = await caught(planMigration(source, hinted, options));
    expect(hintError.code).toBe("RENAME_HINT");
    expect(hintError.message).toContain(`${hinted}:2:`);
  });

  it("loads a folder of schema files in path order and applies a plan to a live database", async () => {
    const dir = project({});
    await mkdir(path.join(dir, "schema/tables"), { recursive: true });
    writeFileSync(
      path.join(dir, "schema/00_types.sql"),
      "CREATE TYPE mood AS ENUM ('ok', 'great');\n",
    );
    writeFileSync(
      path.join(dir, "schema/tables/people.sql"),
      "CREATE TABLE people (id int PRIMARY KEY, mood mood NOT NULL DEFAULT 'ok');\n",
    );
    const desired = await schemaFileModel(path.join(dir, "schema"), options);
    expect(desired.tables.map((t) => t.name)).toEqual(["people"]);

    const live = await ctx.newDriver();
    await loadSql(live, "CREATE TABLE people (id int PRIMARY KEY); CREATE TABLE gone (id int);");
    const { plan } = await planApply(live, path.join(dir, "schema"), options);
    expect(plan.statements.filter((s) => s.destructive).map((s) => s.sql)).toEqual([
      "DROP TABLE gone",
    ]);
    await runStatements(live, plan.statements);
    const { plan: again } = await planApply(live, path.join(dir, "schema"), options);
    expect(again.statements).toEqual([]);
  });

  it("creates the roles that grants and policies name in the PGlite scratch database", async () => {
    // The roles exist on the target only; the scratch database is always a fresh PGlite here.
    const live = await ctx.newDriver();
    for (const role of ["pitstop_fx_app_reader", "pitstop_fx_auditor", "Pitstop Fx Owner"])
      await live.exec(
        `DO $$ BEGIN CREATE ROLE ${quoteIdent(role)} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
      );
    await loadSql(
      live,
      `CREATE TABLE legacy_docs (id int PRIMARY KEY, body text);
       GRANT SELECT ON legacy_docs TO pitstop_fx_auditor;`,
    );
    // A cache of its own: a kept scratch database would still have roles from an earlier run.
    const scratch = { cacheDir: freshCache() };
    const dir = project({});
    const schema = path.join(dir, "schema.sql");
    writeFileSync(
      schema,
      `-- pitstop:rename legacy_docs -> docs
CREATE TABLE docs (id int PRIMARY KEY, body text);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON docs TO pitstop_fx_app_reader;
GRANT pitstop_fx_app_reader TO "Pitstop Fx Owner";
CREATE POLICY readers ON docs FOR SELECT TO pitstop_fx_app_reader, "Pitstop Fx Owner" USING (true);
`,
    );
    // The live schema (with its grant to pitstop_fx_auditor) is copied into the scratch for the rename.
    const { plan } = await planApply(live, schema, scratch);
    const up = plan.statements.map((s) => s.sql);
    expect(up).toContain("ALTER TABLE legacy_docs RENAME TO docs");
    expect(up).toContain("GRANT SELECT ON TABLE docs TO pitstop_fx_app_reader");
    expect(up).toContain("REVOKE SELECT ON TABLE docs FROM pitstop_fx_auditor");
    expect(up.some((s) => s.startsWith("CREATE POLICY readers ON docs"))).toBe(true);
    await runStatements(live, plan.statements);
    expect((await planApply(live, schema, scratch)).plan.statements).toEqual([]);

    // The same schema (without the rename) from a migrations folder: both sides load in the scratch.
    const next = path.join(dir, "next.sql");
    writeFileSync(next, readFileSync(schema, "utf8").replace(/^-- pitstop:rename .*\n/, ""));
    const fromMigrations = await planMigration(
      directorySource({ dir: path.join(dir, "migrations") }),
      next,
      scratch,
    );
    expect(fromMigrations.up.statements.map((s) => s.sql)).toContain(
      "GRANT SELECT ON TABLE docs TO pitstop_fx_app_reader",
    );
  });
});

describe("model cache", () => {
  it("reuses the models of unchanged inputs and replays again when a migration changes", async () => {
    const cacheDir = freshCache();
    const options = { cacheDir };
    const dir = project({ "000001_init.sql": INIT });
    const schema = path.join(dir, "schema.sql");
    writeFileSync(
      schema,
      "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL, legacy text);\nCREATE TABLE notes (id int PRIMARY KEY, body text);\n",
    );
    const source = directorySource({ dir: path.join(dir, "migrations") });
    expect((await planMigration(source, schema, options)).up.statements).toEqual([]);

    // Both models are kept; a doctored one proves the next run reads them instead of loading.
    const models = readdirSync(cacheDir).find((f) => f.startsWith("models-"))!;
    const entries = readdirSync(path.join(cacheDir, models));
    expect(entries).toHaveLength(2);
    const file = path.join(cacheDir, models, entries[0]!);
    const original = readFileSync(file, "utf8");
    const model = JSON.parse(original) as SchemaModel;
    writeFileSync(
      file,
      JSON.stringify({ ...model, tables: model.tables.filter((t) => t.name !== "notes") }),
    );
    const doctored = await planMigration(source, schema, options);
    expect(doctored.up.statements.map((s) => s.sql).join("\n")).toMatch(/TABLE notes/);

    // A new migration: another key, so the migrations are replayed.
    writeFileSync(file, original);
    writeFileSync(
      path.join(dir, "migrations/000002_more.sql"),
      "-- +up\nALTER TABLE notes ADD COLUMN title text;\n",
    );
    const replayed = await planMigration(source, schema, options);
    expect(replayed.up.statements.map((s) => s.sql)).toEqual([
      "ALTER TABLE notes DROP COLUMN title",
    ]);
  });
});

describe("rename hints", () => {
  it("reads quoted and schema-qualified names, and refuses what it cannot read", () => {
    const hints = parseRenameHints([
      {
        file: "schema.sql",
        text: '-- pitstop:rename app."Old Name" -> app."New Name"\n  --pitstop:rename a.b.c -> a.b.d\n',
      },
    ]);
    expect(hints.map((h) => [h.from, h.to, h.line])).toEqual([
      [["app", "Old Name"], ["app", "New Name"], 1],
      [["a", "b", "c"], ["a", "b", "d"], 2],
    ]);
    expect(() =>
      parseRenameHints([{ file: "s.sql", text: "\n-- pitstop:rename a -> b.c\n" }]),
    ).toThrow(/s\.sql:2:1: cannot read the rename hint/);
  });
});
