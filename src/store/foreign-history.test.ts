import { describe, expect, it } from "vitest";
import { classifyTable } from "./foreign-history.js";

describe("classifyTable", () => {
  it("tells golang-migrate's schema_migrations from dbmate's by their columns", () => {
    expect(
      classifyTable([
        { name: "version", type: "bigint" },
        { name: "dirty", type: "boolean" },
      ]),
    ).toBe("golang-migrate");
    expect(classifyTable([{ name: "version", type: "character varying(128)" }])).toBe("dbmate");
    expect(
      classifyTable([
        { name: "id", type: "integer" },
        { name: "version_id", type: "bigint" },
        { name: "is_applied", type: "boolean" },
        { name: "tstamp", type: "timestamp without time zone" },
      ]),
    ).toBe("goose");
    expect(classifyTable([{ name: "version", type: "bigint" }])).toBeUndefined();
  });
});
