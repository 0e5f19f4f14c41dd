import { beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../core/errors.js";
import type { Migration, SqlScript } from "../core/migration.js";
import { parseSections, sqlMigration } from "../source/formats/pitstop.js";
import { loadParser } from "../sql/parser.js";
import { lint, lintScript } from "./lint.js";

beforeAll(async () => {
  await loadParser();
});

function migration(version: string, source: string): Migration {
  const file = `migrations/${version}_m.sql`;
  const { up, down } = parseSections(source, file);
  return sqlMigration({ versionText: version, name: "m", direction: undefined }, up, down);
}

const USERS = migration("1", "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);");

/** `rule@line:column` of each finding of `sql` linted after the users table exists. */
function found(sql: string, options: Parameters<typeof lintScript>[1] = {}): string[] {
  return lintScript(sql, { context: [USERS], ...options }).map(
    (f) => `${f.rule}@${f.line}:${f.column}`,
  );
}

describe("lint", () => {
  it("reports file:line:col in the file, a code frame, the lock, why and the fix", () => {
    const source =
      "-- header\n-- +up\nALTER TABLE users\n  ADD COLUMN age int NOT NULL;\n-- +down\n";
    const [f] = lint([USERS, migration("2", source)]).findings;
    expect(f).toMatchObject({
      rule: "add-column-not-null",
      severity: "error",
      file: "migrations/2_m.sql",
      line: 4,
      column: 22,
      migration: "2_m",
      statement: "ALTER TABLE users\n  ADD COLUMN age int NOT NULL",
    });
    expect(f!.frame).toContain("> 4 |   ADD COLUMN age int NOT NULL");
    expect(f!.frame).toContain("  3 | ALTER TABLE users");
    expect(f!.lock).toMatch(/ACCESS EXCLUSIVE/);
    expect(f!.why.length).toBeGreaterThan(20);
    expect(f!.fix).toMatch(/DEFAULT/);
  });

  it("checks only the selected migrations, with the earlier ones as context", () => {
    const index = migration("2", "CREATE INDEX users_email_idx ON users (email);");
    const drop = migration("3", "DROP INDEX users_email_idx;");
    const report = lint([USERS, index, drop], { select: (m) => m.version === "3" });
    expect(report.checked).toBe(1);
    expect(report.findings.map((f) => [f.migration, f.rule])).toEqual([
      ["3_m", "index-concurrently"],
    ]);
  });

  it("does not count a statement's effects before it runs: a table created later in the file is new", () => {
    expect(found("CREATE INDEX ON posts (id); CREATE TABLE posts (id bigint);")).toEqual([
      "index-concurrently@1:1",
    ]);
    expect(found("CREATE TABLE posts (id bigint); CREATE INDEX ON posts (id);")).toEqual([]);
  });

  it("follows renames, schemas and search_path in the replayed schema", () => {
    const context = [
      USERS,
      migration(
        "2",
        "ALTER TABLE users RENAME TO members; CREATE SCHEMA app; CREATE TABLE app.t (n integer);",
      ),
    ];
    expect(found("ALTER TABLE members ALTER COLUMN email TYPE varchar;", { context })).toEqual([]);
    expect(found("ALTER TABLE app.t ALTER COLUMN n TYPE bigint;", { context })).toEqual([
      "column-type-rewrite@1:39",
    ]);
    expect(
      found("SET search_path = app; ALTER TABLE t ALTER COLUMN n TYPE int4;", { context }),
    ).toEqual([]);
  });

  it("honours ignore comments: above a statement, trailing on its line, and file-wide at the top", () => {
    const sql = [
      "-- pitstop-lint-ignore-file truncate: a staging table",
      "TRUNCATE users;",
      "-- pitstop-lint-ignore drop-column: unused since v2",
      "ALTER TABLE users DROP COLUMN name;",
      "ALTER TABLE users DROP COLUMN email; -- pitstop-lint-ignore drop-column: unused since v1",
      "DROP TABLE users;",
    ].join("\n");
    // The two DROP COLUMNs would better be one ALTER TABLE: not ignored.
    expect(found(sql)).toEqual(["combine-alters@5:1", "drop-table@6:1"]);
  });

  it("reports ignore comments without a reason, with an unknown rule, or in the wrong place", () => {
    const sql = [
      "SELECT 1;",
      "-- pitstop-lint-ignore-file truncate: late",
      "-- pitstop-lint-ignore drop-table",
      "DROP TABLE users;",
      "-- pitstop-lint-ignore no-such-rule: typo",
      "SELECT 2;",
      "-- pitstop-lint-ignore drop-table: nothing follows",
    ].join("\n");
    expect(found(sql)).toEqual([
      "lint-ignore@2:1",
      "lint-ignore@3:1",
      "lint-ignore@5:1",
      "lint-ignore@7:1",
    ]);
  });

  it("lints the statements a DO block runs", () => {
    const sql =
      "DO $$\nBEGIN\n  EXECUTE 'SELECT 1';\n  ALTER TABLE users RENAME COLUMN name TO full_name;\nEND $$;";
    expect(found(sql)).toEqual(["rename-column@4:3"]);
  });

  it("knows the runner's transactions: VALIDATE in a file run statement by statement is its own", () => {
    const add = "ALTER TABLE users ADD CONSTRAINT c CHECK (email <> '') NOT VALID;";
    const validate = "ALTER TABLE users VALIDATE CONSTRAINT c;";
    expect(found(`${add}\n${validate}`)).toEqual(["validate-same-transaction@2:1"]);
    expect(found(`${add}\nVACUUM users;\n${validate}`)).toEqual([]);
    expect(found(`BEGIN;\n${add}\nVACUUM users;\n${validate}\nCOMMIT;`)).toEqual([
      "concurrently-in-transaction@3:1",
      "validate-same-transaction@4:1",
    ]);
  });

  it("knows the lock_timeout in force: the runner's, the file's SET, SET LOCAL until COMMIT", () => {
    const alter = "ALTER TABLE users ADD COLUMN bio text;";
    expect(found(alter)).toEqual([]);
    expect(found(alter, { ddlLockTimeoutMs: 0 })).toEqual(["lock-timeout@1:1"]);
    expect(found(`SET lock_timeout = '2s';\n${alter}`, { ddlLockTimeoutMs: 0 })).toEqual([]);
    expect(found(`RESET lock_timeout;\n${alter}`)).toEqual(["lock-timeout@2:1"]);
    // Statement by statement (a VACUUM), SET LOCAL outside BEGIN does nothing.
    expect(
      found(`VACUUM users;\nSET LOCAL lock_timeout = '2s';\n${alter}`, { ddlLockTimeoutMs: 0 }),
    ).toEqual(["lock-timeout@3:1"]);
    expect(
      found(`VACUUM users;\nBEGIN;\nSET LOCAL lock_timeout = '2s';\n${alter}\nCOMMIT;\n${alter}`, {
        ddlLockTimeoutMs: 0,
      }),
    ).toEqual(["lock-timeout@6:1", "combine-alters@6:1"]);
  });

  it("reports a file that does not parse as a syntax-error finding, and goes on", () => {
    const broken = migration("2", "SELECT 1;\nSELEC 2;");
    const next = migration("3", "DROP TABLE users;");
    expect(
      lint([USERS, broken, next]).findings.map((f) => `${f.rule}@${f.line}:${f.column}`),
    ).toEqual(["syntax-error@2:1", "drop-table@1:1"]);
  });

  it("applies rule settings: off, or another severity", () => {
    const sql = "DROP TABLE users; CREATE TABLE x (at timestamp);";
    const severities = (rules: Record<string, "off" | "warning" | "error">) =>
      lintScript(sql, { context: [USERS], rules }).map((f) => `${f.rule}:${f.severity}`);
    expect(severities({})).toEqual(["drop-table:error", "prefer-timestamptz:warning"]);
    expect(severities({ "drop-table": "warning", "prefer-timestamptz": "off" })).toEqual([
      "drop-table:warning",
    ]);
    expect(() => severities({ "drop-tables": "off" })).toThrow(UsageError);
    expect(() => lintScript("SELECT 1", { pgVersion: 9 })).toThrow(/not one pitstop lints for/);
  });

  it("guards the configured history table, not a table of that name elsewhere", () => {
    const history = { schema: "ops", table: "migrations" };
    const del = (table: string) => `DELETE FROM ${table} WHERE version = '1';`;
    expect(lintScript(del("ops.migrations"), { history }).map((f) => f.rule)).toEqual([
      "history-table",
    ]);
    expect(lintScript(del("migrations"), { history })).toEqual([]);
    expect(lintScript("TRUNCATE pitstop_migrations;").map((f) => f.rule)).toEqual([
      "truncate",
      "history-table",
    ]);
  });

  it("skips code migrations and lints a script given as a string or SqlScript", () => {
    const code: Migration = {
      ...USERS,
      version: "2",
      up: { kind: "code", file: "2_code.ts", run: async () => {} },
    };
    expect(lint([USERS, code]).checked).toBe(1);
    const script: SqlScript = {
      kind: "sql",
      sql: "DROP TABLE users;",
      file: "diff.sql",
      source: "-- generated\nDROP TABLE users;",
      offset: 13,
    };
    expect(lintScript(script).map((f) => [f.file, f.line])).toEqual([["diff.sql", 2]]);
  });
});
