import { describe, expect, it } from "vitest";
import {
  canonicalVersion,
  compareVersions,
  looksLikeTimestamp,
  nextVersion,
  timestampVersion,
} from "./version.js";

describe("versions", () => {
  it("canonicalizes zero-padded numbers", () => {
    expect(canonicalVersion("000042")).toBe("42");
    expect(canonicalVersion("0000")).toBe("0");
    expect(() => canonicalVersion("12a")).toThrow();
  });

  it("compares as numbers beyond the float range", () => {
    expect(compareVersions("9", "10")).toBeLessThan(0);
    expect(compareVersions("20240101120000999", "20240101120000998")).toBeGreaterThan(0);
    expect(compareVersions("5", "5")).toBe(0);
  });

  it("formats UTC timestamps", () => {
    expect(timestampVersion(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe("20240102030405");
    expect(looksLikeTimestamp("20240102030405")).toBe(true);
    expect(looksLikeTimestamp("00000000000001")).toBe(false);
    expect(looksLikeTimestamp("000001")).toBe(false);
  });

  it("picks the next sequence number with the existing width", () => {
    expect(nextVersion([], "sequence")).toBe("000001");
    expect(nextVersion(["0001", "0002"], "sequence")).toBe("0003");
    expect(nextVersion(["000009", "20240101000000"], "sequence")).toBe("000010");
  });

  it("never goes backwards with timestamps", () => {
    const now = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
    expect(nextVersion([], "timestamp", now)).toBe("20240101000000");
    expect(nextVersion(["20240101000000"], "timestamp", now)).toBe("20240101000001");
    expect(nextVersion(["20250101000000"], "timestamp", now)).toBe("20250101000001");
  });
});
