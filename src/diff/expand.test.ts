import { beforeAll, describe, expect, it } from "vitest";
import { followingVersions } from "../cli/commands/diff-expand.js";
import type { ColumnDef } from "../inspect/model.js";
import { loadParser } from "../sql/parser.js";
import { type ExpandColumn, expandNames } from "./expand-column.js";
import { indexCopy } from "./expand-sql.js";

beforeAll(async () => {
  await loadParser();
});

const column = (table: string, name: string): ExpandColumn => {
  const def: ColumnDef = { name, type: "integer", notNull: false };
  return {
    rel: { schema: "public", name: table, sql: table, existing: true, partitioned: false },
    before: def,
    after: { ...def, type: "bigint" },
    upExpression: `${name}::bigint`,
    downExpression: `${name}::integer`,
    key: [],
    keys: [],
    checks: [],
    indexes: [],
    sequences: [],
    names: expandNames(table, name),
  };
};

const index = (definition: string) => ({ schema: "public", table: "t", name: "ix", definition });

describe("indexCopy", () => {
  it("renames the column in the key and the predicate, not the table, a function or another table's column", () => {
    expect(
      indexCopy(
        column("lower", "lower"),
        index("CREATE INDEX ix ON lower USING btree (lower(lower::text), other) WHERE (lower > 0)"),
        "lower_new",
        "ix_new",
      ),
    ).toBe(
      "CREATE INDEX CONCURRENTLY ix_new ON lower USING btree (lower(lower_new::text), other) WHERE (lower_new > 0)",
    );
  });

  it("keeps quoted names quoted", () => {
    expect(
      indexCopy(
        column("t", "Qty"),
        index('CREATE UNIQUE INDEX "Ix" ON t USING btree ("Qty") INCLUDE (a)'),
        "Qty_old",
        "Ix_old",
      ),
    ).toBe('CREATE UNIQUE INDEX CONCURRENTLY "Ix_old" ON t USING btree ("Qty_old") INCLUDE (a)');
  });
});

describe("expandNames", () => {
  it("keeps every name within 63 bytes", () => {
    const names = expandNames("t".repeat(40), "c".repeat(62));
    for (const n of Object.values(names)) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(63);
  });
});

describe("followingVersions", () => {
  it("counts seconds for timestamps and one for sequence numbers", () => {
    expect(followingVersions("20261231235958", 4)).toEqual([
      "20261231235958",
      "20261231235959",
      "20270101000000",
      "20270101000001",
    ]);
    expect(followingVersions("000009", 3)).toEqual(["000009", "000010", "000011"]);
  });
});
