import { beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../sql/parser.js";
import { splitSql } from "../sql/split.js";
import { type ColumnType, changeKeepsData, columnType, formatType } from "./column-type.js";

beforeAll(async () => {
  await loadParser();
});

/** The type of `CREATE TABLE t (c <type>)`. */
function type(sql: string): ColumnType {
  const node = splitSql(`CREATE TABLE t (c ${sql})`).statements[0]!.node;
  const def = (node.tableElts as { ColumnDef: { typeName: unknown } }[])[0]!.ColumnDef;
  return columnType(def.typeName)!;
}

describe("columnType", () => {
  it.each([
    ["integer", "int4", "integer"],
    ["int", "int4", "integer"],
    ["bigserial", "int8", "bigserial"],
    ["character varying(20)", "varchar", "varchar(20)"],
    ["char(3)", "bpchar", "char(3)"],
    ["timestamp with time zone", "timestamptz", "timestamptz"],
    ["timestamptz(3)", "timestamptz", "timestamptz(3)"],
    ["double precision", "float8", "double precision"],
    ["numeric(10, 2)", "numeric", "numeric(10,2)"],
    ["text[]", "text", "text[]"],
    ["public.citext", "citext", "public.citext"],
  ])("reads %s as %s", (sql, name, shown) => {
    expect(type(sql).name).toBe(name);
    expect(formatType(type(sql))).toBe(shown);
  });
});

describe("changeKeepsData", () => {
  it.each([
    ["varchar(20)", "varchar(50)"],
    ["varchar(20)", "varchar"],
    ["varchar(20)", "text"],
    ["text", "varchar"],
    ["numeric(10, 2)", "numeric(12, 2)"],
    ["numeric(10, 2)", "numeric"],
    ["timestamptz(0)", "timestamptz(3)"],
    ["cidr", "inet"],
    ["integer", "int4"],
  ])("%s -> %s keeps the stored values (no rewrite)", (from, to) => {
    expect(changeKeepsData(type(from), type(to))).toBe(true);
  });

  it.each([
    ["varchar(50)", "varchar(20)"],
    ["text", "varchar(20)"],
    ["integer", "bigint"],
    ["numeric(10, 2)", "numeric(10, 3)"],
    ["numeric", "numeric(10, 2)"],
    ["timestamp", "timestamptz"],
    ["char(3)", "text"],
    ["text", "text[]"],
    ["json", "jsonb"],
  ])("%s -> %s rewrites", (from, to) => {
    expect(changeKeepsData(type(from), type(to))).toBe(false);
  });
});
