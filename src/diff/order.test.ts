import { describe, expect, it } from "vitest";
import { widens } from "./alter.js";
import { orderItems } from "./order.js";

const item = (key: string, deps: string[], rank = 0) => ({ covers: [key], deps, rank, sort: key });

describe("orderItems", () => {
  it("creates what is needed first, then by rank and name", () => {
    const items = [
      item("view:v", ["table:b"], 8),
      item("table:b", ["type:t"], 5),
      item("table:a", [], 5),
      item("type:t", [], 2),
    ];
    expect(orderItems(items, "create").items.map((i) => i.covers[0])).toEqual([
      "type:t",
      "table:a",
      "table:b",
      "view:v",
    ]);
  });

  it("drops dependents first", () => {
    const items = [
      item("table:b", ["type:t"], 5),
      item("type:t", [], 2),
      item("view:v", ["table:b"], 8),
    ];
    expect(orderItems(items, "drop").items.map((i) => i.covers[0])).toEqual([
      "view:v",
      "table:b",
      "type:t",
    ]);
  });

  it("breaks a cycle at its first item by priority and reports it", () => {
    const result = orderItems([item("a", ["b"]), item("b", ["a"]), item("c", [])], "create");
    expect(result.items.map((i) => i.covers[0])).toEqual(["c", "a", "b"]);
    expect(result.cycles.map((i) => i.covers[0])).toEqual(["a"]);
  });
});

describe("widens", () => {
  it("knows the type changes that keep every value", () => {
    expect(widens("integer", "bigint")).toBe(true);
    expect(widens("bigint", "integer")).toBe(false);
    expect(widens("character varying(10)", "character varying(20)")).toBe(true);
    expect(widens("character varying(20)", "character varying(10)")).toBe(false);
    expect(widens("character varying(20)", "text")).toBe(true);
    expect(widens("numeric(8,2)", "numeric(12,2)")).toBe(true);
    expect(widens("numeric(8,2)", "numeric(12,3)")).toBe(false);
    expect(widens("text", "integer")).toBe(false);
  });
});
