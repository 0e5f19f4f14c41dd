import { describe, expect, it } from "vitest";
import { asPitstopError, PitstopError } from "./errors.js";

describe("asPitstopError", () => {
  it("keeps a PitstopError, names server errors by SQLSTATE, and calls the rest internal", () => {
    const own = new PitstopError("LOCK_TIMEOUT", "gave up");
    expect(asPitstopError(own)).toBe(own);

    const deadlock = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    const db = asPitstopError(deadlock);
    expect(db.code).toBe("DATABASE");
    expect(db.message).toBe("deadlock detected (SQLSTATE 40P01)");
    expect(db.hint).toContain("run it again");
    expect(db.cause).toBe(deadlock);

    const fs = Object.assign(new Error("no such file"), { code: "ENOENT" });
    expect(asPitstopError(fs).code).toBe("INTERNAL");
    expect(asPitstopError("text").message).toBe("text");
  });
});
