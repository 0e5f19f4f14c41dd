import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

/**
 * A new PGlite data directory runs initdb: ~4.5 s and ~800 MB. A pristine
 * initialized directory is kept once per PGlite version in a user cache, and
 * new databases start as a copy of it (~0.3 s).
 */

/** `$XDG_CACHE_HOME/pitstop` or `~/.cache/pitstop`. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "pitstop");
}

export function pgliteVersion(): string {
  // The package does not export its package.json: find it above its entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  for (;;) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version: string };
      if (pkg.name === "@electric-sql/pglite") return pkg.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}

/** Whether a directory is missing or empty (a data dir that still has to be made). */
export function isNewDataDir(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

/** Where the template for this PGlite version lives (it may not exist yet). */
export function ensurePGliteTemplatePath(cacheDir: string): string {
  return path.join(cacheDir, `pglite-${pgliteVersion()}`, "data");
}

/**
 * The path of an initialized data dir for this PGlite version under
 * `cacheDir`, made on first use. Safe when several processes race: each
 * builds in its own temporary sibling and renames; the loser discards its copy.
 */
export async function ensurePGliteTemplate(cacheDir: string): Promise<string> {
  const template = ensurePGliteTemplatePath(cacheDir);
  if (fs.existsSync(path.join(template, "PG_VERSION"))) return template;
  fs.mkdirSync(path.dirname(template), { recursive: true });
  const building = `${template}.${process.pid}.${Date.now()}.tmp`;
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(building);
  await db.close();
  try {
    fs.renameSync(building, template);
  } catch {
    fs.rmSync(building, { recursive: true, force: true });
    if (!fs.existsSync(path.join(template, "PG_VERSION")))
      throw new Error(`could not create ${template}`);
  }
  return template;
}

/** Copies the cached template into `dataDir` (which must be new). Returns false when no cache is usable. */
export async function seedDataDir(dataDir: string, cacheDir: string): Promise<boolean> {
  let template: string;
  try {
    template = await ensurePGliteTemplate(cacheDir);
  } catch {
    return false; // read-only home, full disk...: PGlite then runs initdb itself
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const staging = `${dataDir}.${process.pid}.tmp`;
  fs.cpSync(template, staging, { recursive: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.renameSync(staging, dataDir);
  return true;
}
