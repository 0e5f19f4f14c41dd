import { describe, expect, it } from "vitest";
import { alterTableBody, insertAfterKeyword } from "./rewrite.js";

// The statement's first words are read without a regular expression for ASCII
// (lint's speed, bench/lint); other characters keep the Unicode classes.
describe("rewrite: reading a statement's first words", () => {
  it("skips ASCII and Unicode white space alike", () => {
    expect(alterTableBody("ALTER\tTABLE\r\n t ADD COLUMN c int")).toBe("ADD COLUMN c int");
    expect(alterTableBody("ALTER\u00a0TABLE\u2003t ADD COLUMN c int")).toBe("ADD COLUMN c int");
    expect(alterTableBody("ALTER\vTABLE\ft ADD COLUMN c int")).toBe("ADD COLUMN c int");
  });

  it("reads names with letters and digits beyond ASCII, and $ inside a name", () => {
    expect(alterTableBody("ALTER TABLE tëst_2 ADD COLUMN c int")).toBe("ADD COLUMN c int");
    expect(alterTableBody("ALTER TABLE ONLY app.Ωmega ADD COLUMN c int")).toBe("ADD COLUMN c int");
    expect(alterTableBody("ALTER TABLE t$1 ADD COLUMN c int")).toBe("ADD COLUMN c int");
    expect(alterTableBody("ALTER TABLE 名前 ADD COLUMN c int")).toBe("ADD COLUMN c int");
  });

  it("does not take a digit or a symbol for the start of a word", () => {
    expect(alterTableBody("ALTER TABLE 1t ADD COLUMN c int")).toBe("t ADD COLUMN c int");
    expect(insertAfterKeyword("CREATE INDEX i ON t (c)", "index", "CONCURRENTLY")).toBe(
      "CREATE INDEX CONCURRENTLY i ON t (c)",
    );
    expect(insertAfterKeyword("CREATE INDEX_X i ON t (c)", "index", "CONCURRENTLY")).toBe(
      undefined,
    );
  });
});
