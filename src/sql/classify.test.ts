import { beforeAll, describe, expect, it } from "vitest";
import { classify } from "./classify.js";
import { loadParser } from "./parser.js";
import { splitSql } from "./split.js";

beforeAll(async () => {
  await loadParser();
});

const facts = (sql: string, version = 150000) => classify(splitSql(sql).statements[0]!, version);

describe("classify", () => {
  it.each([
    ["CREATE INDEX CONCURRENTLY ix ON t (a)", "CREATE INDEX CONCURRENTLY"],
    ["DROP INDEX CONCURRENTLY ix", "DROP INDEX CONCURRENTLY"],
    ["REINDEX INDEX CONCURRENTLY ix", "REINDEX CONCURRENTLY"],
    ["REINDEX (CONCURRENTLY) TABLE t", "REINDEX CONCURRENTLY"],
    ["REINDEX DATABASE d", "REINDEX DATABASE/SYSTEM"],
    ["VACUUM t", "VACUUM"],
    ["VACUUM (ANALYZE) t", "VACUUM"],
    ["CLUSTER", "CLUSTER without a table"],
    ["ALTER SYSTEM SET work_mem = '64MB'", "ALTER SYSTEM"],
    ["CREATE DATABASE x", "CREATE DATABASE"],
    ["DROP DATABASE x", "DROP DATABASE"],
    ["ALTER DATABASE d SET TABLESPACE ts", "ALTER DATABASE SET TABLESPACE"],
    ["CREATE TABLESPACE ts LOCATION '/x'", "CREATE TABLESPACE"],
    ["ALTER TABLE p DETACH PARTITION c CONCURRENTLY", "DETACH PARTITION CONCURRENTLY"],
    ["CREATE SUBSCRIPTION s CONNECTION 'x' PUBLICATION p", "CREATE SUBSCRIPTION"],
    ["DO $$BEGIN UPDATE t SET a = 1 WHERE id < 9; COMMIT; END$$", "DO block that commits"],
  ])("%s cannot run in a transaction", (sql, reason) => {
    expect(facts(sql)).toMatchObject({ transactional: false, reason });
  });

  it.each([
    "CREATE INDEX ix ON t (a)",
    "DROP INDEX ix",
    "REINDEX TABLE t",
    "ANALYZE t",
    "CLUSTER t USING ix",
    "ALTER DATABASE d SET work_mem = '1MB'",
    "ALTER TABLE p DETACH PARTITION c",
    "CREATE TABLE t (id int)",
    "DO $$BEGIN RAISE NOTICE 'COMMIT'; END$$",
  ])("%s runs in a transaction", (sql) => {
    expect(facts(sql).transactional).toBe(true);
  });

  it("knows ALTER TYPE ... ADD VALUE needs no transaction only before PostgreSQL 12", () => {
    expect(facts("ALTER TYPE e ADD VALUE 'x'", 110000).transactional).toBe(false);
    expect(facts("ALTER TYPE e ADD VALUE 'x'", 120000).transactional).toBe(true);
    expect(facts("ALTER TYPE e RENAME VALUE 'a' TO 'b'", 110000).transactional).toBe(true);
  });

  it("marks concurrent builds so lock_timeout is not applied to them, and names the index", () => {
    expect(facts("CREATE INDEX CONCURRENTLY ix ON s.t (a)")).toMatchObject({
      concurrent: true,
      index: { schema: "s", name: "ix" },
    });
    expect(facts("CREATE INDEX CONCURRENTLY ON t (a)").index).toBeUndefined();
  });

  it("recognizes transaction control and session settings", () => {
    expect(facts("BEGIN").transactionControl).toBe("begin");
    expect(facts("START TRANSACTION").transactionControl).toBe("begin");
    expect(facts("COMMIT").transactionControl).toBe("commit");
    expect(facts("END").transactionControl).toBe("commit");
    expect(facts("ROLLBACK").transactionControl).toBe("rollback");
    expect(facts("SET search_path = app").setsSession).toBe(true);
    expect(facts("SET LOCAL search_path = app").setsSession).toBe(false);
  });
});
