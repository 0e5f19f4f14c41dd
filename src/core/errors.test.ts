import { describe, expect, it } from "vitest";
import { asPitstopError, fileSystemError, PitstopError } from "./errors.js";

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

describe("fileSystemError", () => {
  it("names the path and what to do for real file-system errors, and leaves others alone", async () => {
    const { writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const missing = join(tmpdir(), `pitstop-no-such-folder-${process.pid}`, "schema.sql");
    let raw: unknown;
    try {
      writeFileSync(missing, "x");
    } catch (e) {
      raw = e;
    }
    const e = fileSystemError(raw)!;
    expect(e.message).toBe(
      `${missing}: no such file or folder (or the folder it would be in does not exist)`,
    );
    expect(e.hint).toMatch(/create the folder first/);
    expect(asPitstopError(raw).code).toBe("FILE");
    expect(fileSystemError(new Error("x"))).toBeUndefined();
  });
});
