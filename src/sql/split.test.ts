import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PitstopError } from "../core/errors.js";
import { loadParser } from "./parser.js";
import { splitSql } from "./split.js";
import { LineIndex } from "./text.js";

const FIXTURES = join(import.meta.dirname, "../../test/fixtures/split");

interface ExpectedStatement {
  line: number;
  kind: string;
  startsWith: string;
  endsWith: string;
  copyData?: string;
}

interface ExpectedError {
  error: { code: string; line: number; column: number; message: string };
}

beforeAll(async () => {
  await loadParser();
});

describe("splitSql fixtures", () => {
  for (const name of readdirSync(FIXTURES)) {
    it(name, () => {
      const sql = readFileSync(join(FIXTURES, name, "input.sql"), "utf8");
      const expected = JSON.parse(readFileSync(join(FIXTURES, name, "expected.json"), "utf8")) as
        | ExpectedStatement[]
        | ExpectedError;
      const file = `${name}/input.sql`;
      if (!Array.isArray(expected)) {
        let caught: unknown;
        try {
          splitSql(sql, { file });
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(PitstopError);
        const e = caught as PitstopError;
        expect(e.code).toBe(expected.error.code);
        expect(e.location).toEqual({
          file,
          line: expected.error.line,
          column: expected.error.column,
        });
        expect(e.message).toContain(`${file}:${expected.error.line}:${expected.error.column}`);
        expect(e.message).toContain(expected.error.message);
        expect(e.frame).toContain("^");
        return;
      }
      const { statements } = splitSql(sql, { file });
      const lines = new LineIndex(sql);
      expect(
        statements.map((s) => ({
          line: lines.locate(s.start).line,
          kind: s.kind,
          startsWith: s.text.slice(
            0,
            expected.find((e) => e.line === lines.locate(s.start).line)?.startsWith.length ?? 10,
          ),
          endsWith: s.text.slice(
            -(expected.find((e) => e.line === lines.locate(s.start).line)?.endsWith.length ?? 10),
          ),
          ...(s.copyData !== undefined ? { copyData: s.copyData } : {}),
        })),
      ).toEqual(expected);
      for (const s of statements) expect(sql.slice(s.start, s.end)).toBe(s.text);
    });
  }
});

describe("splitSql", () => {
  it("maps positions inside a section of a larger file", () => {
    const source = "-- +up\nCREATE TABLE a (id int);\nSELEC 1;\n-- +down\nDROP TABLE a;\n";
    const offset = source.indexOf("CREATE");
    const sql = source.slice(offset, source.indexOf("-- +down"));
    expect(() => splitSql(sql, { file: "m.sql", source, offset })).toThrow(
      /m\.sql:3:1: syntax error at or near "SELEC"/,
    );
  });

  it("returns no statements for comments only", () => {
    expect(splitSql("-- nothing\n/* at all */\n").statements).toEqual([]);
  });

  it("returns no statements for an empty script (the parser refuses an empty string)", () => {
    expect(splitSql("").statements).toEqual([]);
  });

  it("keeps harmless psql meta-commands out of the statements", () => {
    const { statements, skipped } = splitSql("\\set ON_ERROR_STOP on\nSELECT 1;\n");
    expect(statements.map((s) => s.text)).toEqual(["SELECT 1"]);
    expect(skipped.map((s) => s.text)).toEqual(["\\set ON_ERROR_STOP on"]);
  });

  it("does not take a backslash line inside a function body for a meta-command", () => {
    const sql = "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n\\not meta\n$$;\nSELECT 1;";
    const split = splitSql(sql);
    expect(split.skipped).toEqual([]);
    expect(split.statements[0]!.text).toContain("\\not meta");
    const body =
      "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT '\n\\x'::text $$;\nSELECT 1;";
    expect(splitSql(body).statements.map((s) => s.kind)).toEqual([
      "CreateFunctionStmt",
      "SelectStmt",
    ]);
  });

  it("reads COPY data up to the end of the file when \\. is missing", () => {
    const { statements } = splitSql("COPY t FROM stdin;\n1\n2\n");
    expect(statements).toHaveLength(1);
    expect(statements[0]!.copyData).toBe("1\n2\n");
  });

  it("keeps offsets right after a character outside the BMP (an emoji is two UTF-16 units)", () => {
    const { statements } = splitSql(
      "-- orders 🚚 shipped\nCOPY t (a) FROM stdin;\n1\n2\n\\.\nSELECT 1;\n",
    );
    expect(statements.map((s) => [s.kind, s.copyData])).toEqual([
      ["CopyStmt", "1\n2\n"],
      ["SelectStmt", undefined],
    ]);
  });

  it("does not treat COPY ... FROM a file as carrying data", () => {
    const { statements } = splitSql("COPY t FROM '/tmp/x.csv';\nSELECT 1;");
    expect(statements.map((s) => [s.kind, s.copyData])).toEqual([
      ["CopyStmt", undefined],
      ["SelectStmt", undefined],
    ]);
  });
});
