import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * This package's public entry (built, or the source when running from a
 * checkout), so `import ... from "pitstop"` in a config file or a code
 * migration resolves to the running copy even where pitstop is not a dependency.
 */
export function ownEntry(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "pitstop"
    ) {
      return [join(dir, "dist/index.js"), join(dir, "src/index.ts")].find((f) => existsSync(f));
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
