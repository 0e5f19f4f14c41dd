import { describe, expect, it } from "vitest";
import type { PitstopError } from "./errors.js";
import { planFix } from "./fix.js";

describe("planFix", () => {
  it("renames timestamped migrations to the next sequence numbers, in order, pairs together", () => {
    const renames = planFix([
      "00001_a.sql",
      "00002_b.sql",
      "20240301000000_d.up.sql",
      "20240301000000_d.down.sql",
      "20240201000000_c.sql",
      "20240401000000_e.ts",
      "README.md",
    ]);
    expect(renames.map((r) => [r.from, r.to])).toEqual([
      ["20240201000000_c.sql", "00003_c.sql"],
      ["20240301000000_d.down.sql", "00004_d.down.sql"],
      ["20240301000000_d.up.sql", "00004_d.up.sql"],
      ["20240401000000_e.ts", "00005_e.ts"],
    ]);
  });

  it("starts at 1 with six digits when there is no sequence yet, and does nothing without timestamps", () => {
    expect(planFix(["20240201000000_c.sql"]).map((r) => r.to)).toEqual(["000001_c.sql"]);
    expect(planFix(["000001_a.sql", "000002_b.sql"])).toEqual([]);
  });

  it("refuses when a new name is taken, or the database records the new number or the old one", () => {
    const files = ["0002_a.sql", "20240201000000_c.sql"];
    expect(() => planFix(files, { existing: [...files, "0003_c.sql"] })).toThrow(
      /would overwrite a file/,
    );
    expect(() => planFix(files, { recorded: new Set(["2", "3"]) })).toThrow(
      /version 0003, which the database already records/,
    );
    const applied = (() => {
      try {
        planFix(files, { recorded: new Set(["2", "20240201000000"]) });
      } catch (e) {
        return e as PitstopError;
      }
    })();
    expect(applied?.code).toBe("FIX_APPLIED");
    expect(planFix(files, { recorded: new Set(["2"]) }).map((r) => r.to)).toEqual(["0003_c.sql"]);
  });
});
