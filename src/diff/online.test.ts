import { beforeAll, describe, expect, it } from "vitest";
import { emptyModel, type SchemaModel, type TableDef } from "../inspect/model.js";
import { loadParser } from "../sql/parser.js";
import { onlinePlan } from "./online.js";
import { withLocks } from "./online-locks.js";
import { keepsBytes } from "./online-type.js";

const column = (name: string, type: string, notNull = false) => ({ name, type, notNull });
const table = (name: string, extra: Partial<TableDef> = {}): TableDef => ({
  schema: "public",
  name,
  kind: "table",
  columns: [column("id", "bigint", true), column("email", "character varying(40)")],
  ...extra,
});
const model = (tables: TableDef[], indexes: SchemaModel["indexes"] = []): SchemaModel => ({
  ...emptyModel(),
  tables,
  indexes,
});
const from = model(
  [table("users"), table("events", { kind: "partitioned", partitionBy: "RANGE (id)" })],
  [{ schema: "public", table: "users", name: "users_email_idx", definition: "" }],
);
const to = model([
  table("users", { columns: [column("id", "bigint", true), column("email", "text", true)] }),
  table("events", { kind: "partitioned", partitionBy: "RANGE (id)" }),
]);
const sql = (statements: string[], a = from, b = to) =>
  onlinePlan({ statements: statements.map((s) => ({ sql: s })), warnings: [] }, a, b);

beforeAll(async () => {
  await loadParser();
});

describe("onlinePlan", () => {
  it("builds indexes of existing tables concurrently, and of new tables plainly", () => {
    const plan = sql([
      "CREATE INDEX users_id_idx ON users USING btree (id)",
      "CREATE TABLE teams (id bigint)",
      "CREATE UNIQUE INDEX teams_id_idx ON teams USING btree (id)",
      "DROP INDEX users_email_idx",
    ]);
    expect(plan.statements.map((s) => s.sql)).toEqual([
      "CREATE INDEX CONCURRENTLY users_id_idx ON users USING btree (id)",
      "CREATE TABLE teams (id bigint)",
      "CREATE UNIQUE INDEX teams_id_idx ON teams USING btree (id)",
      "DROP INDEX CONCURRENTLY users_email_idx",
    ]);
    expect(plan.noTransaction).toBe(true);
  });

  it("keeps one transaction when nothing needs its own", () => {
    const plan = sql(["SET LOCAL check_function_bodies = off", "CREATE TABLE teams (id bigint)"]);
    expect(plan.noTransaction).toBeUndefined();
    expect(plan.statements[0]!.sql).toBe("SET LOCAL check_function_bodies = off");
  });

  it("turns SET LOCAL into a session SET when the plan runs statement by statement", () => {
    const plan = sql([
      "SET LOCAL check_function_bodies = off",
      "CREATE INDEX users_id_idx ON users USING btree (id)",
    ]);
    expect(plan.statements[0]!.sql).toBe("SET check_function_bodies = off");
  });

  it("adds foreign keys NOT VALID and validates them after; proves NOT NULL with a check", () => {
    const plan = sql([
      "ALTER TABLE users ADD CONSTRAINT users_id_fkey FOREIGN KEY (id) REFERENCES teams(id)",
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL",
    ]);
    expect(plan.statements.map((s) => s.sql)).toEqual([
      "ALTER TABLE users ADD CONSTRAINT users_id_fkey FOREIGN KEY (id) REFERENCES teams(id) NOT VALID",
      "ALTER TABLE users VALIDATE CONSTRAINT users_id_fkey",
      "ALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID",
      "ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check",
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL",
      "ALTER TABLE users DROP CONSTRAINT users_email_not_null_check",
    ]);
  });

  it("drops USING from a type change that keeps the bytes, and flags one that rewrites", () => {
    const kept = sql(["ALTER TABLE users ALTER COLUMN email TYPE text USING email::text"]);
    expect(kept.statements).toEqual([{ sql: "ALTER TABLE users ALTER COLUMN email TYPE text" }]);
    const toInt = model([
      table("users", { columns: [column("id", "integer", true), column("email", "text")] }),
    ]);
    const rewrite = sql(
      ["ALTER TABLE users ALTER COLUMN id TYPE integer USING id::integer"],
      from,
      toInt,
    ).statements[0]!;
    expect(rewrite.sql).toBe("ALTER TABLE users ALTER COLUMN id TYPE integer USING id::integer");
    expect(rewrite.comment).toContain("users.id bigint -> integer rewrites users");
    expect(rewrite.lock).toBe("ACCESS EXCLUSIVE on users (rewrites it and its indexes)");
  });

  it("flags an added column that rewrites the table, and keeps it as it is", () => {
    const plan = sql([
      "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()",
      "ALTER TABLE users ADD COLUMN n integer DEFAULT 0",
    ]);
    expect(plan.statements[0]!.comment).toContain("the default calls gen_random_uuid()");
    expect(plan.statements[0]!.lock).toBe("ACCESS EXCLUSIVE on users (rewrites it)");
    expect(plan.statements[1]!.comment).toBeUndefined();
  });

  it("works on each partition of a partitioned table, and flags it when the plan changes the partitions", () => {
    const part = (name: string) =>
      table(name, { columns: [], partitionOf: { parent: "events", bound: "DEFAULT" } });
    const a = model([...from.tables, part("events_p")]);
    const b = model([...to.tables, part("events_p")]);
    const plan = sql(
      [
        "CREATE INDEX events_id_idx ON events USING btree (id)",
        "ALTER TABLE events ALTER COLUMN email SET NOT NULL",
      ],
      a,
      b,
    );
    expect(plan.statements.map((s) => s.sql)).toEqual([
      "CREATE INDEX events_id_idx ON ONLY events USING btree (id)",
      "CREATE INDEX CONCURRENTLY events_p_events_id_idx ON events_p USING btree (id)",
      "ALTER INDEX events_id_idx ATTACH PARTITION events_p_events_id_idx",
      "ALTER TABLE events ADD CONSTRAINT events_email_not_null_check CHECK (email IS NOT NULL) NOT VALID",
      "ALTER TABLE events VALIDATE CONSTRAINT events_email_not_null_check",
      "ALTER TABLE events ALTER COLUMN email SET NOT NULL",
      "ALTER TABLE events DROP CONSTRAINT events_email_not_null_check",
    ]);
    // A partition the plan adds would miss the index built partition by partition.
    const added = sql(
      ["CREATE INDEX events_id_idx ON events USING btree (id)"],
      a,
      model([...b.tables, part("events_q")]),
    );
    expect(added.statements.map((s) => s.sql)).toEqual([
      "CREATE INDEX events_id_idx ON events USING btree (id)",
    ]);
    expect(added.statements[0]!.comment).toContain("events is partitioned");
  });
});

describe("withLocks", () => {
  it("names the lock each statement takes on an existing table, none on new ones", () => {
    const plan = withLocks(
      {
        statements: [
          { sql: "CREATE INDEX users_id_idx ON users USING btree (id)" },
          { sql: "ALTER TABLE users ALTER COLUMN email SET NOT NULL" },
          { sql: "ALTER TABLE users ALTER COLUMN email TYPE text USING email::text" },
          { sql: "CREATE TABLE teams (id bigint)" },
          { sql: "CREATE INDEX teams_id_idx ON teams USING btree (id)" },
        ],
        warnings: [],
      },
      from,
      to,
    );
    expect(plan.statements.map((s) => s.lock)).toEqual([
      "SHARE on users (blocks writes while the index builds)",
      "ACCESS EXCLUSIVE on users (scans it)",
      "ACCESS EXCLUSIVE on users (brief)",
      undefined,
      undefined,
    ]);
  });
});

describe("keepsBytes", () => {
  it.each([
    ["character varying(40)", "text", true],
    ["character varying(40)", "character varying(80)", true],
    ["character varying(40)", "character varying", true],
    ["text", "character varying", true],
    ["numeric(10,2)", "numeric(14,2)", true],
    ["numeric(10,2)", "numeric", true],
    ["cidr", "inet", true],
    ["character varying(80)", "character varying(40)", false],
    ["text", "character varying(10)", false],
    ["numeric(10,2)", "numeric(14,3)", false],
    ["integer", "bigint", false],
    ["numeric", "numeric(10,2)", false],
  ])("%s -> %s: %s", (a, b, want) => {
    expect(keepsBytes(a, b)).toBe(want);
  });
});
