import { describe, expect, it } from "vitest";
import { formatFindings } from "./format.js";
import type { Finding } from "./types.js";

const finding: Finding = {
  rule: "drop-table",
  severity: "error",
  message: 'dropping table "a" loses 100% of it',
  file: "db/mig,rations:x.sql",
  line: 3,
  column: 5,
  why: "why",
  fix: "first line\n  DROP TABLE a;",
  statement: "DROP TABLE a",
  frame: "> 3 |     DROP TABLE a\n    |     ^",
};

describe("formatFindings", () => {
  it("escapes GitHub workflow commands: data and properties", () => {
    expect(formatFindings("github", { findings: [finding], checked: 1, pgVersion: 18 })).toBe(
      '::error file=db/mig%2Crations%3Ax.sql,line=3,col=5,title=pitstop lint%3A drop-table::dropping table "a" loses 100%25 of it%0A%0Afix: first line%0A  DROP TABLE a;\n',
    );
  });

  it("pretty: the frame, the lock only when known, fix lines kept as written; a summary", () => {
    const text = formatFindings("pretty", { findings: [finding], checked: 2, pgVersion: 15 });
    expect(text).toContain("error[drop-table] db/mig,rations:x.sql:3:5\n");
    expect(text).toContain("  > 3 |     DROP TABLE a\n");
    expect(text).not.toContain("lock:");
    expect(text).toContain("  fix:  first line\n          DROP TABLE a;\n");
    expect(text).toContain("1 error in 2 migrations (rules for PostgreSQL 15)");
    expect(formatFindings("pretty", { findings: [], checked: 3, pgVersion: 18 })).toBe(
      "No findings in 3 migrations (rules for PostgreSQL 18).\n",
    );
    expect(formatFindings("pretty", { findings: [], checked: 0, pgVersion: 18 })).toBe(
      "No migrations to check.\n",
    );
  });

  it("json leaves the frame out and counts", () => {
    const json = JSON.parse(
      formatFindings("json", {
        findings: [finding, { ...finding, severity: "warning" }],
        checked: 1,
        pgVersion: 18,
      }),
    );
    expect(json).toMatchObject({ ok: false, errors: 1, warnings: 1 });
    expect(json.findings[0].frame).toBeUndefined();
  });
});
