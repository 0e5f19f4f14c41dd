import { describe, expect, it } from "vitest";
import { gooseApplied, planAdoption, planBaseline } from "./adoption.js";
import { fakeMigration } from "./test-support.js";

const files = ["000001", "000002", "000003", "000004"].map((v) => fakeMigration(v));
const at = new Date("2024-01-01T00:00:00Z");

describe("adoption", () => {
  it("goose: the latest row of a version wins; version 0 is not a migration", () => {
    const applied = gooseApplied([
      { version: "0", applied: true, at },
      { version: "1", applied: true, at },
      { version: "2", applied: true, at },
      { version: "2", applied: false, at },
      { version: "3", applied: false, at },
      { version: "3", applied: true, at },
    ]);
    expect([...applied.keys()]).toEqual(["1", "3"]);
  });

  it("names files the other tool skipped and applied versions with no file", () => {
    const plan = planAdoption(files, {
      tool: "goose",
      table: "goose_db_version",
      applied: new Map([
        ["1", at],
        ["3", null],
        ["9", null],
      ]),
    });
    expect(plan.records.map((r) => [r.id, r.checksum !== ""])).toEqual([
      ["000001_m000001", true],
      ["000003_m000003", true],
      ["9", false],
    ]);
    expect(plan.records[0]!.appliedAt).toBe(at);
    expect(plan.missing).toEqual(["9"]);
    expect(plan.notApplied).toEqual(["000002_m000002", "000004_m000004"]);
  });

  it("golang-migrate: every file up to the version; dirty or unknown versions are refused", () => {
    const table = "schema_migrations";
    const plan = planAdoption(files, {
      tool: "golang-migrate",
      table,
      current: { version: "2", dirty: false },
    });
    expect(plan.records.map((r) => r.version)).toEqual(["1", "2"]);
    expect(
      planAdoption(files, { tool: "golang-migrate", table, current: undefined }).records,
    ).toEqual([]);
    expect(() =>
      planAdoption(files, {
        tool: "golang-migrate",
        table,
        current: { version: "2", dirty: true },
      }),
    ).toThrow(/000002_m000002 is dirty/);
    expect(() =>
      planAdoption(files, {
        tool: "golang-migrate",
        table,
        current: { version: "7", dirty: false },
      }),
    ).toThrow(/no migration in the folder has that version/);
  });

  it("baseline: up to a version that exists", () => {
    expect(planBaseline(files, "000002").map((r) => r.version)).toEqual(["1", "2"]);
    expect(() => planBaseline(files, "5")).toThrow(/no migration has version 5/);
  });
});
