import { describe, expect, it } from "vitest";
import { parseUsingHints } from "./type-changes.js";

describe("parseUsingHints", () => {
  it("reads up and down hints, qualified or not", () => {
    const text = `CREATE TABLE hosts (addr inet);
-- pitstop:using hosts.addr: ('10.0.0.' || addr)::inet
  --  pitstop:using-down net."Hosts".addr: host(addr)::integer
`;
    expect(parseUsingHints([{ file: "schema.sql", text }])).toEqual([
      {
        schema: "public",
        table: "hosts",
        column: "addr",
        expression: "('10.0.0.' || addr)::inet",
        direction: "up",
        file: "schema.sql",
        line: 2,
      },
      {
        schema: "net",
        table: "Hosts",
        column: "addr",
        expression: "host(addr)::integer",
        direction: "down",
        file: "schema.sql",
        line: 3,
      },
    ]);
  });

  it("refuses a hint it cannot read, naming file:line:col", () => {
    expect(() =>
      parseUsingHints([{ file: "schema.sql", text: "\n-- pitstop:using hosts: addr::inet\n" }]),
    ).toThrow(
      expect.objectContaining({
        code: "USING_HINT",
        message: expect.stringContaining("schema.sql:2:1: cannot read the hint"),
      }),
    );
    expect(() =>
      parseUsingHints([{ file: "schema.sql", text: "-- pitstop:using hosts.addr:\n" }]),
    ).toThrow(/schema.sql:1:1/);
  });
});
