import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import type { Driver } from "../../src/driver/driver.js";
import { Migrator } from "../../src/runner/migrator.js";
import { directorySource } from "../../src/source/directory.js";
import { StudioApi } from "../../src/studio/api.js";
import { type StudioServer, startStudioServer } from "../../src/studio/server.js";
import { ROOT } from "./cli.js";

/** The studio fixture: 000001 applied by `startTestStudio`, 000002 left pending. */
export const STUDIO_FIXTURE = path.join(ROOT, "test/fixtures/studio/migrations");
/** The page as `npm run build` writes it. */
export const STUDIO_ASSETS = path.join(ROOT, "dist/studio");

export interface TestStudio {
  readonly api: StudioApi;
  readonly server: StudioServer;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  close(): Promise<void>;
}

/**
 * Applies the fixture's first migration on `driver` and serves a studio
 * over it on a free port (the driver stays open: the caller owns it).
 */
export async function startTestStudio(driver: Driver, dir = STUDIO_FIXTURE): Promise<TestStudio> {
  if (!existsSync(path.join(STUDIO_ASSETS, "index.html")))
    throw new Error("dist/studio is missing: run `npm run build` first");
  const source = directorySource({ dir });
  const up = await new Migrator({ driver, source }).up({ to: "1" });
  if (up.error) throw up.error;
  const cacheDir = scratchCache();
  const api = await StudioApi.open({
    from: { kind: "database", open: async () => driver, close: async () => {} },
    migrations: source,
    declarative: { cacheDir },
    lint: {},
  });
  await api.warmUp();
  const server = await startStudioServer({ api, port: 0, assetsDir: STUDIO_ASSETS });
  return {
    api,
    server,
    base: `http://127.0.0.1:${server.port}`,
    close: async () => {
      await server.close();
      await api.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** A cache folder for scratch PGlite databases, with the test set-up's initialized template in it. */
export function scratchCache(): string {
  const cacheDir = mkdtempSync(path.join(tmpdir(), "pitstop-studio-cache-"));
  const template = inject("pgliteTemplate");
  if (template) cpSync(template, path.join(cacheDir, path.basename(template)), { recursive: true });
  return cacheDir;
}
