import { describe, expect, it } from "vitest";
import { schemaFilter } from "./filter.js";
import { objectKey, qualifiedName, quoteIdent, quoteLiteral } from "./ident.js";
import { sequenceOptions } from "./sequence-options.js";

describe("identifiers", () => {
  it("quotes like quote_ident: upper case, spaces, keywords, leading digits", () => {
    expect(
      ["users", "_x1$", "User", "my table", "order", "select", "1abc", 'a"b', "name"].map(
        quoteIdent,
      ),
    ).toEqual([
      "users",
      "_x1$",
      '"User"',
      '"my table"',
      '"order"',
      '"select"',
      '"1abc"',
      '"a""b"',
      "name",
    ]);
    expect(quoteLiteral("it's")).toBe("'it''s'");
  });

  it("leaves public unqualified and keys everything qualified", () => {
    expect(qualifiedName("public", "t")).toBe("t");
    expect(qualifiedName("App", "t")).toBe('"App".t');
    expect(objectKey.column("public", "Users", "id")).toBe('column:public."Users".id');
    expect(objectKey.function("util", "f", "integer, text")).toBe("function:util.f(integer, text)");
  });
});

describe("schema filter", () => {
  it("keeps --only schemas and drops --exclude schemas and schema.object globs", () => {
    const f = schemaFilter({ only: ["app", "public"], exclude: ["app.tmp_*", '"public".audit'] });
    expect(f.schema("app")).toBe(true);
    expect(f.schema("other")).toBe(false);
    expect(f.object("app", "users")).toBe(true);
    expect(f.object("app", "tmp_x")).toBe(false);
    expect(f.object("public", "audit")).toBe(false);
    expect(f.object("public", "audit2")).toBe(true);
    const g = schemaFilter({ exclude: ["stage*"] });
    expect([g.schema("stage_1"), g.schema("public")]).toEqual([false, true]);
  });
});

describe("sequence options", () => {
  it("lists only what differs from the defaults for the type and direction", () => {
    const base = {
      type: "bigint",
      start: "1",
      increment: "1",
      min: "1",
      max: "9223372036854775807",
      cache: "1",
      cycle: false,
    };
    expect(sequenceOptions(base, { withType: true })).toEqual([]);
    expect(
      sequenceOptions(
        { ...base, type: "integer", max: "2147483647", start: "10" },
        { withType: true },
      ),
    ).toEqual(["AS integer", "START WITH 10"]);
    expect(
      sequenceOptions(
        {
          ...base,
          increment: "-1",
          min: "-9223372036854775808",
          max: "-1",
          start: "-1",
          cache: "20",
          cycle: true,
        },
        { withType: false },
      ),
    ).toEqual(["INCREMENT BY -1", "CACHE 20", "CYCLE"]);
  });
});
