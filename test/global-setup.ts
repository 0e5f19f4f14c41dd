import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPGliteDriver } from "../src/driver/pglite.js";
import { type PostgresServer, startPostgres } from "../src/testing/pg-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the throwaway server ("" when `pg` is not in DRIVERS). */
    pgUrl: string;
    /** An initialized PGlite data dir to copy, never to open ("" when `pglite` is not in DRIVERS). */
    pgliteTemplate: string;
    /** The enabled drivers, from `DRIVERS` (default `pglite,pg`). */
    drivers: string[];
  }
}

export const KNOWN_DRIVERS = ["pglite", "pg"] as const;
const CACHE_ROOT = path.join(os.tmpdir(), "pitstop-test-cache");
/** A half-built template older than this belongs to a run that died. */
const ABANDONED_BUILD_MS = 10 * 60_000;

/**
 * Once per `vitest run`: a PostgreSQL server when `pg` is enabled, an
 * initialized PGlite data dir when `pglite` is (cached across runs per PGlite
 * version: initdb costs ~5 s, a copy ~0.3 s).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const drivers = enabledDrivers(process.env.DRIVERS);
  // Both at once: initdb of the server and of PGlite take a core each.
  const [started, template] = await Promise.allSettled([
    drivers.includes("pg") ? startPostgres() : undefined,
    drivers.includes("pglite") ? pgliteTemplate() : "",
  ]);
  const server: PostgresServer | undefined =
    started.status === "fulfilled" ? started.value : undefined;
  if (started.status === "rejected") {
    const reason = started.reason as Error;
    reason.message += " (DRIVERS=pglite runs the tests without a PostgreSQL server)";
    throw reason;
  }
  if (template.status === "rejected") {
    await server?.stop();
    throw template.reason;
  }
  project.provide("drivers", drivers);
  project.provide("pgUrl", server?.url ?? "");
  project.provide("pgliteTemplate", template.value);
  return async () => {
    await server?.stop();
  };
}

function enabledDrivers(env: string | undefined): string[] {
  const names = (env ?? KNOWN_DRIVERS.join(","))
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const unknown = names.filter((name) => !(KNOWN_DRIVERS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(
      `DRIVERS=${env} names ${unknown.join(", ") || "nothing"}; use a comma list of: ${KNOWN_DRIVERS.join(", ")}`,
    );
  }
  return names;
}

/** The cached template dir for the installed PGlite version, built (atomically) when missing. */
async function pgliteTemplate(): Promise<string> {
  const dir = path.join(CACHE_ROOT, `pglite-${pgliteVersion()}`);
  if (fs.existsSync(path.join(dir, "PG_VERSION"))) return dir;
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  removeAbandonedBuilds(path.basename(dir));
  const building = fs.mkdtempSync(`${dir}.building-`);
  try {
    const driver = await createPGliteDriver({ dataDir: building });
    await driver.close();
    fs.renameSync(building, dir);
  } catch (error) {
    fs.rmSync(building, { recursive: true, force: true });
    // Another run finished first: theirs is as good as ours.
    if (fs.existsSync(path.join(dir, "PG_VERSION"))) return dir;
    throw error;
  }
  return dir;
}

function removeAbandonedBuilds(name: string): void {
  for (const entry of fs.readdirSync(CACHE_ROOT)) {
    const full = path.join(CACHE_ROOT, entry);
    if (
      entry.startsWith(`${name}.building-`) &&
      Date.now() - fs.statSync(full).mtimeMs > ABANDONED_BUILD_MS
    ) {
      fs.rmSync(full, { recursive: true, force: true });
    }
  }
}

function pgliteVersion(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve("@electric-sql/pglite"));
  while (!fs.existsSync(path.join(dir, "package.json")) || !isPglitePackage(dir)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find @electric-sql/pglite's package.json");
    dir = parent;
  }
  return (
    JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string }
  ).version;
}

function isPglitePackage(dir: string): boolean {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    name?: string;
  };
  return pkg.name === "@electric-sql/pglite";
}
