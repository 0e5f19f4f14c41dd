// Shared helpers for the benchmarks: timing, medians, a throwaway server.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CLI = join(ROOT, "bin/pitstop.cjs");

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs a command, returns wall milliseconds; throws on a non-zero exit. */
export function timeCommand(cmd, args, options = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return ms;
}

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** N migrations like a real project's: a table, an index, a row, a comment each. */
export function generateMigrations(dir, count) {
  const files = [];
  for (let i = 1; i <= count; i++) {
    const v = String(i).padStart(6, "0");
    const sql = `CREATE TABLE t${i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX t${i}_name_idx ON t${i} (name);
INSERT INTO t${i} (name) VALUES ('row ${i}');
COMMENT ON TABLE t${i} IS 'table number ${i}';
`;
    const file = join(dir, `${v}_create_t${i}.sql`);
    writeFileSync(file, `-- +up\n${sql}\n-- +down\nDROP TABLE t${i};\n`);
    files.push({ file, sql });
  }
  return files;
}

export function psqlPath(bindir) {
  return join(bindir, "psql");
}

export function pgEnv() {
  // No warm scratch process unless a bench asks for one (bench/diff does, in rows of its own).
  const env = { ...process.env, NO_COLOR: "1", PITSTOP_WARM_SCRATCH: "off" };
  delete env.DATABASE_URL;
  return env;
}

export function ratio(a, b) {
  return (a / b).toFixed(2);
}

export function nodeVersion() {
  return execFileSync(process.execPath, ["--version"]).toString().trim();
}

/**
 * Bundles `entry` (TypeScript that imports `./src/...`) from the checkout at
 * `srcRoot` into this repo's node_modules/.cache, so that its packages
 * resolve from this repo, and imports it: the same code from two checkouts
 * side by side (an A/B of src/ without building either).
 */
export async function importSrcBundle(srcRoot, entry, tag) {
  const { build } = await import("esbuild");
  const dir = join(ROOT, "node_modules/.cache/pitstop-bench");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${tag}-${process.pid}.mjs`);
  await build({
    stdin: { contents: entry, resolveDir: srcRoot, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile: file,
    external: [
      "@electric-sql/pglite",
      "@electric-sql/pglite/*",
      "libpg-query",
      "jiti",
      "pg",
      "pg-native",
    ],
    define: { PITSTOP_VERSION: '"0.0.0"' },
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
    logLevel: "error",
  });
  return import(pathToFileURL(file).href);
}
