// `npm run build`: the service as one file, dist/server.mjs, with the page beside it.
// pitstop, Fastify and pg are bundled in; PGlite (WASM files) stays a package.
import { cpSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
await build({
  entryPoints: [`${root}/src/server.ts`],
  outfile: `${root}/dist/server.mjs`,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  external: ["@electric-sql/pglite", "pg-native", "libpg-query", "jiti"],
  // Bundled CommonJS packages (pg, pino) call require(); give them one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
cpSync(`${root}/public`, `${root}/dist/public`, { recursive: true });
console.log("built dist/server.mjs");
