import { cpSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createPGliteDriver } from "../src/driver/pglite.js";
import { ensurePGliteTemplatePath, isNewDataDir } from "../src/driver/pglite-template.js";

describe.runIf(inject("drivers").includes("pglite"))("PGlite template cache", () => {
  it("starts a new data dir as a copy of the cached template instead of running initdb", async () => {
    const cache = mkdtempSync(join(tmpdir(), "pitstop-cache-"));
    // Put the test run's initialized data dir where the cache keeps its template.
    cpSync(inject("pgliteTemplate"), ensurePGliteTemplatePath(cache), { recursive: true });
    const dataDir = join(mkdtempSync(join(tmpdir(), "pitstop-proj-")), ".pitstop/pglite");
    expect(isNewDataDir(dataDir)).toBe(true);
    const driver = await createPGliteDriver({ dataDir, templateCache: cache });
    try {
      expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
      await driver.exec("CREATE TABLE t (id int); INSERT INTO t VALUES (1);");
      expect((await driver.query("SELECT id FROM t")).rows).toEqual([{ id: 1 }]);
    } finally {
      await driver.close();
    }
    // The template itself is untouched: the next project starts empty.
    const other = await createPGliteDriver({
      dataDir: join(mkdtempSync(join(tmpdir(), "pitstop-proj-")), "db"),
      templateCache: cache,
    });
    try {
      expect((await other.query("SELECT to_regclass('t') AS t")).rows).toEqual([{ t: null }]);
    } finally {
      await other.close();
    }
  });
});
