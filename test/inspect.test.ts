import { beforeAll, expect, it } from "vitest";
import type { Driver, Queryable } from "../src/driver/driver.js";
import { inspect } from "../src/inspect/inspect.js";
import { loadParser } from "../src/sql/parser.js";
import { describeEachDriver } from "./helpers/databases.js";
import { loadSql } from "./helpers/schema.js";

describeEachDriver("inspect", (ctx) => {
  let db: Driver;
  beforeAll(async () => {
    await loadParser();
  });

  it("keeps to --only schemas, leaves out --exclude patterns and the history table with its own schema", async () => {
    db = await ctx.newDriver();
    await loadSql(
      db,
      `CREATE SCHEMA app; CREATE SCHEMA audit; CREATE SCHEMA meta;
       CREATE TABLE app.users (id int PRIMARY KEY); CREATE TABLE app.tmp_import (id int);
       CREATE TABLE audit.log (id int); CREATE TABLE public.t (id int);
       CREATE TABLE meta.history (version bigint PRIMARY KEY);
       CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1';`,
    );
    const all = await inspect(db, { history: { schema: "meta", table: "history" } });
    expect(all.schemas.map((s) => s.name)).toEqual(["app", "audit"]);
    expect(all.tables.map((t) => `${t.schema}.${t.name}`)).toEqual([
      "app.tmp_import",
      "app.users",
      "audit.log",
      "public.t",
    ]);
    const some = await inspect(db, { only: ["app", "public"], exclude: ["app.tmp_*", "public"] });
    expect(some.schemas.map((s) => s.name)).toEqual(["app"]);
    expect(some.tables.map((t) => t.name)).toEqual(["users"]);
    expect(some.functions.map((f) => f.name)).toEqual(["f"]);
    expect(some.constraints.map((c) => c.name)).toEqual(["users_pkey"]);
  });

  it("reads NOT NULL from the columns on every version (PostgreSQL 18 also lists them as constraints)", async () => {
    db = await ctx.newDriver();
    await loadSql(db, "CREATE TABLE t (a int NOT NULL, b int CONSTRAINT b_set NOT NULL, c int);");
    const model = await inspect(db);
    expect(model.tables[0]!.columns.map((c) => [c.name, c.notNull])).toEqual([
      ["a", true],
      ["b", true],
      ["c", false],
    ]);
    expect(model.constraints).toEqual([]);
  });

  it("is plain data: JSON round trip gives the same model", async () => {
    db = await ctx.newDriver();
    await loadSql(
      db,
      `CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TABLE t (id int PRIMARY KEY, m mood DEFAULT 'a');
       CREATE VIEW v AS SELECT id FROM t; COMMENT ON VIEW v IS 'x';`,
    );
    const model = await inspect(db);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.tables[0]!.columns[1]).toEqual({
      name: "m",
      type: "mood",
      notNull: false,
      default: "'a'::mood",
      defaultDeps: ["type:public.mood"],
      deps: ["type:public.mood"],
    });
    expect(model.views[0]).toMatchObject({ name: "v", comment: "x", deps: ["column:public.t.id"] });
  });

  it("reads the whole catalog in one query (one round trip, whatever the schema's size)", async () => {
    db = await ctx.newDriver();
    await loadSql(
      db,
      `CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int REFERENCES a);
       CREATE INDEX ON b (id); CREATE VIEW v AS SELECT id FROM b;`,
    );
    const queries: string[] = [];
    // Without `session`, inspect() runs on what it is given: every call counted.
    const counted: Pick<Queryable, "query" | "exec"> = {
      query: (sql, params) => {
        queries.push(sql);
        return db.query(sql, params);
      },
      exec: (sql) => db.exec(sql),
    };
    const model = await inspect(counted as Queryable);
    expect(queries).toHaveLength(1);
    expect(model).toEqual(await inspect(db));
    expect(model.indexes.map((i) => i.name)).toEqual(["b_id_idx"]);
  });

  it("keeps names and comments exactly, whatever characters they hold", async () => {
    db = await ctx.newDriver();
    const text = 'line 1\nline 2\t"quoted" \\ back\\slash \u00e9t\u00e9 \u{1F680} \u0001 \\u0041';
    await loadSql(
      db,
      `CREATE SCHEMA "Sch ""x"""; CREATE TABLE "Sch ""x"""."T\\a" ("c""ol" int);
       COMMENT ON TABLE "Sch ""x"""."T\\a" IS $c$${text}$c$;
       COMMENT ON COLUMN "Sch ""x"""."T\\a"."c""ol" IS 'ü''s';`,
    );
    const model = await inspect(db);
    expect(model.tables).toHaveLength(1);
    expect(model.tables[0]).toMatchObject({ schema: 'Sch "x"', name: "T\\a", comment: text });
    expect(model.tables[0]!.columns[0]).toMatchObject({ name: 'c"ol', comment: "ü's" });
  });
});
