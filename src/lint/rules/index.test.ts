import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { directorySource } from "../../source/directory.js";
import { loadParser } from "../../sql/parser.js";
import { lint } from "../lint.js";
import { RULES } from "./index.js";

/**
 * test/fixtures/lint/<rule>/<case>/: a migrations folder and case.json with
 * the options and every finding expected (file, line, rule): exactly those,
 * no more. `flag-*` cases must produce a finding of their rule, `ok-*` cases
 * none. UPDATE_LINT_FIXTURES=1 writes what the linter finds into case.json
 * (review the diff before committing it).
 */
const FIXTURES = join(import.meta.dirname, "../../../test/fixtures/lint");

interface Case {
  pgVersion?: number;
  ddlLockTimeoutMs?: number;
  expect: { file: string; line: number; rule: string }[];
}

beforeAll(async () => {
  await loadParser();
});

describe("rule fixtures", () => {
  for (const rule of readdirSync(FIXTURES)) {
    for (const name of readdirSync(join(FIXTURES, rule))) {
      it(`${rule}/${name}`, async () => {
        const dir = join(FIXTURES, rule, name);
        const spec = JSON.parse(readFileSync(join(dir, "case.json"), "utf8")) as Case;
        const migrations = await directorySource({ dir }).load();
        const { findings } = lint(migrations, {
          ...(spec.pgVersion !== undefined ? { pgVersion: spec.pgVersion } : {}),
          ...(spec.ddlLockTimeoutMs !== undefined
            ? { ddlLockTimeoutMs: spec.ddlLockTimeoutMs }
            : {}),
        });
        const actual = findings.map((f) => ({
          file: relative(dir, f.file),
          line: f.line,
          rule: f.rule,
        }));
        if (process.env.UPDATE_LINT_FIXTURES) {
          writeFileSync(
            join(dir, "case.json"),
            `${JSON.stringify({ ...spec, expect: actual }, null, 2)}\n`,
          );
          return;
        }
        expect(actual).toEqual(spec.expect);
        const own = actual.filter((f) => f.rule === rule);
        if (name.startsWith("flag-")) expect(own.length).toBeGreaterThan(0);
        else expect(name).toMatch(/^ok-/);
        if (name.startsWith("ok-")) expect(own).toEqual([]);
      });
    }
  }
});

describe("rules", () => {
  it("every rule has a folder of fixtures that flag and fixtures that must not", () => {
    for (const rule of RULES) {
      const dir = join(FIXTURES, rule.id);
      expect(existsSync(dir), `${rule.id} has no fixtures`).toBe(true);
      const cases = readdirSync(dir);
      expect(
        cases.some((c) => c.startsWith("flag-")),
        `${rule.id}: no flag-* case`,
      ).toBe(true);
      if (rule.id !== "syntax-error")
        expect(
          cases.some((c) => c.startsWith("ok-")),
          `${rule.id}: no ok-* case`,
        ).toBe(true);
    }
    expect(readdirSync(FIXTURES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it("every rule is documented: a summary, the lock, why, a safe rewrite, and docs/lint.md", () => {
    const docs = readFileSync(join(import.meta.dirname, "../../../docs/lint.md"), "utf8");
    const ids = new Set<string>();
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
      for (const text of [rule.summary, rule.lock, rule.why, rule.fix])
        expect(text.length).toBeGreaterThan(3);
      expect(docs).toContain(`\`${rule.id}\``);
    }
  });
});
