import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where a page of the user docs is, as a path that opens: the `docs/` folder
 * shipped in the package (found from the running file, built or not), or
 * `docs/<page>` when it cannot be found.
 *
 * @example
 * docsPath("migrations.md") // "/app/node_modules/pg-pitstop/docs/migrations.md"
 */
export function docsPath(page: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const file = join(dir, "docs", page);
    if (existsSync(file)) return file;
    dir = dirname(dir);
  }
  return `docs/${page}`;
}
