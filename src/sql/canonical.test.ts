import { beforeAll, describe, expect, it } from "vitest";
import { canonicalQuery, sameQuery } from "./canonical.js";
import { loadParser } from "./parser.js";

beforeAll(async () => {
  await loadParser();
});

describe("sameQuery", () => {
  it("takes PostgreSQL 15's qualified columns and 16+'s bare ones for one query", () => {
    expect(sameQuery("SELECT t.id,\n    t.a\n   FROM t", "SELECT id,\n    a\n   FROM t")).toBe(
      true,
    );
    expect(
      sameQuery(
        "SELECT things.id\n   FROM things\n  WHERE things.color = 'red'::color",
        "SELECT id\n   FROM things\n  WHERE color = 'red'::color",
      ),
    ).toBe(true);
  });

  it("still tells different queries apart, and keeps qualifiers where several tables are read", () => {
    expect(sameQuery("SELECT id FROM t", "SELECT id FROM u")).toBe(false);
    expect(
      sameQuery(
        "SELECT a.id FROM a JOIN b ON b.id = a.id",
        "SELECT id FROM a JOIN b ON b.id = a.id",
      ),
    ).toBe(false);
    expect(canonicalQuery("SELECT (")).toBe("SELECT (");
  });
});
