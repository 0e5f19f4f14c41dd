import { describe, expect, it } from "vitest";
import { PitstopError } from "./errors.js";
import { planDown, planGoto, planRedo, planUp } from "./plan.js";
import { resolveState } from "./state.js";
import { appliedRecord, fakeMigration } from "./test-support.js";

const m1 = fakeMigration("000001", "one");
const m2 = fakeMigration("000002", "two");
const m3 = fakeMigration("000003", "three");
const m10 = fakeMigration("000010", "ten");
const all = [m1, m2, m3, m10];

const ids = (steps: readonly { direction: string; migration: { versionText: string } }[]) =>
  steps.map((s) => `${s.direction}:${s.migration.versionText}`);

function thrown(fn: () => unknown): PitstopError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PitstopError) return error;
    throw error;
  }
  throw new Error("expected a PitstopError");
}

describe("planUp", () => {
  it("applies every pending migration in numeric order", () => {
    const shuffled = [m10, m2, m1, m3];
    expect(
      ids(
        planUp(
          shuffled.sort(() => 0),
          [],
        ).steps,
      ),
    ).toEqual(["up:000001", "up:000002", "up:000003", "up:000010"]);
  });

  it("orders versions as numbers, not text", () => {
    const a = fakeMigration("9");
    const b = fakeMigration("10");
    expect(ids(planUp([b, a], []).steps)).toEqual(["up:9", "up:10"]);
  });

  it("plans nothing when everything is applied", () => {
    expect(
      planUp(
        all,
        all.map((m) => appliedRecord(m)),
      ).steps,
    ).toEqual([]);
  });

  it("limits by count and by target version", () => {
    expect(ids(planUp(all, [], { count: 2 }).steps)).toEqual(["up:000001", "up:000002"]);
    expect(ids(planUp(all, [appliedRecord(m1)], { to: "3" }).steps)).toEqual([
      "up:000002",
      "up:000003",
    ]);
    expect(ids(planUp(all, [], { to: "000002" }).steps)).toEqual(["up:000001", "up:000002"]);
  });

  it("refuses an unknown target", () => {
    expect(thrown(() => planUp(all, [], { to: "7" })).code).toBe("UNKNOWN_VERSION");
    expect(thrown(() => planUp(all, [], { to: "abc" })).code).toBe("UNKNOWN_VERSION");
  });

  it("refuses a pending migration older than the newest applied one, naming both", () => {
    const e = thrown(() => planUp(all, [appliedRecord(m1), appliedRecord(m3)]));
    expect(e.code).toBe("OUT_OF_ORDER");
    expect(e.message).toContain("000002_two");
    expect(e.message).toContain("000003_three");
    expect(e.hint).toContain("--allow-out-of-order");
  });

  it("applies out-of-order migrations when allowed", () => {
    const plan = planUp(all, [appliedRecord(m1), appliedRecord(m3)], { allowOutOfOrder: true });
    expect(ids(plan.steps)).toEqual(["up:000002", "up:000010"]);
  });

  it("fails on an applied migration whose file changed, naming the file and both checksums", () => {
    const e = thrown(() => planUp(all, [appliedRecord(m1, { checksum: "f".repeat(64) })]));
    expect(e.code).toBe("CHECKSUM_MISMATCH");
    expect(e.message).toContain("migrations/000001_one.sql");
    expect(e.message).toContain("ffffffffffff");
    expect(e.message).toContain(m1.checksum.slice(0, 12));
  });

  it("only warns about a changed file when told to ignore checksums", () => {
    const plan = planUp(all, [appliedRecord(m1, { checksum: "f".repeat(64) })], {
      ignoreChecksums: true,
    });
    expect(plan.warnings).toHaveLength(1);
    expect(ids(plan.steps)).toEqual(["up:000002", "up:000003", "up:000010"]);
  });

  it("resumes an interrupted migration from its recorded progress", () => {
    const plan = planUp(all, [
      appliedRecord(m1),
      appliedRecord(m2, { state: "running", progress: 3 }),
    ]);
    expect(ids(plan.steps)).toEqual(["up:000002", "up:000003", "up:000010"]);
    expect(plan.steps[0]!.resumeFrom).toBe(3);
  });

  it("retries a failed attempt that left nothing behind as if it were pending", () => {
    const plan = planUp(
      [m1, m2],
      [appliedRecord(m1), appliedRecord(m2, { state: "failed", progress: 0, error: "boom" })],
    );
    expect(ids(plan.steps)).toEqual(["up:000002"]);
    expect(plan.steps[0]!.resumeFrom).toBe(0);
  });

  it("refuses to go up over a half-reverted migration", () => {
    const e = thrown(() =>
      planUp(all, [appliedRecord(m1), appliedRecord(m2, { state: "revert_failed", progress: 1 })]),
    );
    expect(e.code).toBe("PARTIALLY_REVERTED");
  });

  it("does not mind applied migrations newer than every file (an older app version starting)", () => {
    const newer = fakeMigration("000099", "from_the_future");
    const plan = planUp([m1], [appliedRecord(m1), appliedRecord(newer)]);
    expect(plan.steps).toEqual([]);
    expect(
      resolveState([m1], [appliedRecord(m1), appliedRecord(newer)]).map((s) => s.status),
    ).toEqual(["applied", "missing"]);
  });
});

describe("planDown", () => {
  const history = [m1, m2, m3].map((m) => appliedRecord(m));

  it("reverts the newest migration by default", () => {
    expect(ids(planDown(all, history).steps)).toEqual(["down:000003"]);
  });

  it("reverts n, or down to a version that stays applied, or everything", () => {
    expect(ids(planDown(all, history, { count: 2 }).steps)).toEqual(["down:000003", "down:000002"]);
    expect(ids(planDown(all, history, { to: "1" }).steps)).toEqual(["down:000003", "down:000002"]);
    expect(ids(planDown(all, history, { to: "0" }).steps)).toEqual([
      "down:000003",
      "down:000002",
      "down:000001",
    ]);
  });

  it("refuses a migration without a down script", () => {
    const noDown = fakeMigration("000004", "four", { down: false });
    const e = thrown(() => planDown([...all, noDown], [...history, appliedRecord(noDown)]));
    expect(e.code).toBe("NO_DOWN");
    expect(e.hint).toContain("migrations/000004_four.sql");
  });

  it("refuses to revert a migration whose file is gone", () => {
    expect(thrown(() => planDown([m1, m2], history)).code).toBe("MISSING_FILE");
  });

  it("refuses to revert a partially applied migration", () => {
    const e = thrown(() =>
      planDown(all, [appliedRecord(m1), appliedRecord(m2, { state: "failed", progress: 2 })]),
    );
    expect(e.code).toBe("PARTIALLY_APPLIED");
  });

  it("continues a revert that stopped part-way", () => {
    const plan = planDown(all, [
      appliedRecord(m1),
      appliedRecord(m2, { state: "revert_failed", progress: 1 }),
    ]);
    expect(ids(plan.steps)).toEqual(["down:000002"]);
    expect(plan.steps[0]!.resumeFrom).toBe(1);
  });
});

describe("planGoto and planRedo", () => {
  it("goes down then up to land exactly on the target", () => {
    const history = [m1, m2, m3].map((m) => appliedRecord(m));
    expect(ids(planGoto(all, history, "000001").steps)).toEqual(["down:000003", "down:000002"]);
    expect(ids(planGoto(all, [appliedRecord(m1)], "000003").steps)).toEqual([
      "up:000002",
      "up:000003",
    ]);
    expect(ids(planGoto(all, history, "0").steps)).toEqual([
      "down:000003",
      "down:000002",
      "down:000001",
    ]);
  });

  it("redo reverts and re-applies the newest migration", () => {
    const history = [m1, m2].map((m) => appliedRecord(m));
    expect(ids(planRedo(all, history).steps)).toEqual(["down:000002", "up:000002"]);
    expect(planRedo(all, []).steps).toEqual([]);
  });
});
