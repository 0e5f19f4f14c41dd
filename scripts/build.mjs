// Bundles the CLI and the library with esbuild: one file to load instead of
// dozens of modules keeps `pitstop` start-up close to bare `node`. PGlite,
// libpg-query and jiti stay external: they load WASM/assets next to their
// own files and are imported lazily.
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: "src/cli/main.ts", index: "src/index.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  external: ["@electric-sql/pglite", "@electric-sql/pglite/*", "libpg-query", "jiti", "pg-native"],
  define: { PITSTOP_VERSION: JSON.stringify(pkg.version) },
  banner: {
    js: "import { createRequire as __pitstopRequire } from 'node:module'; const require = __pitstopRequire(import.meta.url);",
  },
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});
