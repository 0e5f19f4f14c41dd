import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The published name, and the one it had before (configs written for it keep working). */
const PACKAGE_NAMES = ["pg-pitstop", "pitstop"];

/**
 * This package's public entry (built, or the source when running from a
 * checkout), so `import ... from "pg-pitstop"` in a config file or a code
 * migration resolves to the running copy even where pitstop is not a dependency.
 */
export function ownEntry(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (
      existsSync(pkg) &&
      PACKAGE_NAMES.includes(
        (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name ?? "",
      )
    ) {
      return [join(dir, "dist/index.js"), join(dir, "src/index.ts")].find((f) => existsSync(f));
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * jiti aliases that make `pg-pitstop` (and the old name `pitstop`, as configs
 * written before the rename say) resolve to the running copy.
 */
export function ownAliases(): { alias?: Record<string, string> } {
  const self = ownEntry();
  return self ? { alias: Object.fromEntries(PACKAGE_NAMES.map((n) => [n, self])) } : {};
}
