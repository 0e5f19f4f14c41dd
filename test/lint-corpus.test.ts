import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Migration } from "../src/core/migration.js";
import { lint } from "../src/lint/lint.js";
import { directorySource } from "../src/source/directory.js";
import { parseFileName } from "../src/source/formats/pitstop.js";
import { loadParser } from "../src/sql/parser.js";

/**
 * Every migration folder of the repository, linted with the default rules:
 * the findings must be exactly those listed in lint-corpus.expected.json,
 * and a folder that is not listed must produce none. So a new example or
 * fixture that trips a rule fails here until someone looks at it: fix the
 * migration, add an ignore comment with a reason, or (for a fixture that is
 * meant to be unsafe) record its findings with
 *
 *   UPDATE_LINT_CORPUS=1 npx vitest run test/lint-corpus.test.ts
 *
 * A migration folder: a directory under examples/ or test/fixtures/ whose
 * .sql files all have migration names (`<version>_<name>.sql`). Other .sql
 * files (parser fixtures, schemas, diff inputs) are not migrations and are
 * not linted, nor are folders named seeds/. test/fixtures/lint/ is left to the rule fixtures, which state
 * their findings exactly. Folders that pitstop cannot load (fixtures for load
 * errors) are skipped. Up scripts only: down scripts undo on purpose.
 */
const ROOT = join(import.meta.dirname, "..");
const EXPECTED = join(import.meta.dirname, "lint-corpus.expected.json");
// Seed files may share migration-like names (`001_users.sql`) but are not migrations.
const SKIP = new Set(["node_modules", "dist", ".pitstop", ".git", "coverage", "seeds", "seed"]);

/** golang-migrate-style pairs are pitstop's own; goose and dbmate files carry their down part inline. */
const FOREIGN_DOWN = /^--\s*(\+goose\s+down|migrate:down)\b/im;

function migrationFolders(dir: string, out: string[] = []): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  const sql = entries.filter((e) => e.isFile() && e.name.endsWith(".sql")).map((e) => e.name);
  if (sql.length > 0 && sql.every((f) => parseFileName(f) !== undefined)) out.push(dir);
  for (const e of entries)
    if (
      e.isDirectory() &&
      !SKIP.has(e.name) &&
      join(dir, e.name) !== join(ROOT, "test/fixtures/lint")
    )
      migrationFolders(join(dir, e.name), out);
  return out;
}

function upOnly(m: Migration): Migration {
  if (m.up.kind !== "sql") return m;
  const down = FOREIGN_DOWN.exec(m.up.sql);
  return down ? { ...m, up: { ...m.up, sql: m.up.sql.slice(0, down.index) } } : m;
}

beforeAll(async () => {
  await loadParser();
});

describe("lint corpus", () => {
  it("every migration folder in examples/ and test/fixtures/ has exactly the findings expected", async () => {
    const expected = JSON.parse(readFileSync(EXPECTED, "utf8")) as Record<string, string[]>;
    const folders = [
      ...migrationFolders(join(ROOT, "examples")),
      ...migrationFolders(join(ROOT, "test/fixtures")),
    ];
    expect(folders.map((f) => relative(ROOT, f))).toContain("examples/basic/migrations");
    const actual: Record<string, string[]> = {};
    for (const folder of folders) {
      let migrations: Migration[];
      try {
        migrations = await directorySource({ dir: folder }).load();
      } catch {
        continue;
      }
      const { findings } = lint(migrations.map(upOnly));
      const key = relative(ROOT, folder);
      const found = findings.map((f) => `${relative(folder, f.file)}:${f.line} ${f.rule}`);
      if (found.length > 0 || key in expected) actual[key] = found;
    }
    if (process.env.UPDATE_LINT_CORPUS) {
      writeFileSync(EXPECTED, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    for (const key of Object.keys(expected))
      expect(existsSync(join(ROOT, key)), `${key} is listed but gone`).toBe(true);
    expect(actual).toEqual(expected);
  });
});
