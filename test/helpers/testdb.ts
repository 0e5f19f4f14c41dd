import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { pgliteVersion } from "../../src/driver/pglite-snapshot.js";
import type { CreateTestDatabaseOptions } from "../../src/testing/test-database.js";
import type { TestDriverName } from "./databases.js";

/** Kept across runs: building PGlite's empty base snapshot runs initdb (~5 s). */
const PERSISTENT_BASE = path.join(os.tmpdir(), "pitstop-test-cache", "testdb");

/**
 * A fresh snapshot cache for PGlite test databases, with the initialized base
 * snapshot linked in from earlier runs (and saved for later ones by `done()`).
 */
export function testCacheDir(): { dir: string; done(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pitstop-testdb-"));
  const name = `pglite-${pgliteVersion()}-base.tar`;
  const saved = path.join(PERSISTENT_BASE, name);
  if (fs.existsSync(saved)) fs.linkSync(saved, path.join(dir, name));
  return {
    dir,
    done() {
      const built = path.join(dir, name);
      if (!fs.existsSync(saved) && fs.existsSync(built)) {
        fs.mkdirSync(PERSISTENT_BASE, { recursive: true });
        fs.copyFileSync(built, `${saved}.${process.pid}`);
        fs.renameSync(`${saved}.${process.pid}`, saved);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** createTestDatabase options selecting the driver under test. */
export function driverOptions(
  driverName: TestDriverName,
  cacheDir: string,
): Pick<CreateTestDatabaseOptions, "url" | "driver" | "cacheDir"> {
  return driverName === "pg"
    ? { driver: "postgres", url: inject("pgUrl") }
    : { driver: "pglite", cacheDir };
}
