// Bundles the CLI and the library with esbuild: one file to load instead of
// dozens of modules keeps `pitstop` start-up close to bare `node`. PGlite,
// libpg-query and jiti stay external: they load WASM/assets next to their
// own files and are imported lazily.
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

const common = {
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  external: ["@electric-sql/pglite", "@electric-sql/pglite/*", "libpg-query", "jiti", "pg-native"],
  define: { PITSTOP_VERSION: JSON.stringify(pkg.version) },
  banner: {
    js: "import { createRequire as __pitstopRequire } from 'node:module'; const require = __pitstopRequire(import.meta.url);",
  },
  logLevel: "warning",
};

// node:child_process loads net, dgram and more (~5 ms): commander requires it
// at start-up for executable subcommands, which pitstop has none of. In the
// CLI, commander gets an object whose `spawn` (all it uses) loads the real
// module on first use; pitstop's own code imports it where it runs a process.
const lazyChildProcessForCommander = {
  name: "lazy-child-process-for-commander",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => {
      if (args.namespace === "lazy-child-process")
        return { path: "node:child_process", external: true };
      if (!/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)) return undefined;
      return { path: "child_process", namespace: "lazy-child-process" };
    });
    b.onLoad({ filter: /.*/, namespace: "lazy-child-process" }, () => ({
      contents: 'module.exports = { get spawn() { return require("node:child_process").spawn; } };',
      loader: "js",
    }));
  },
};

// libpg-query's JavaScript (its loader and Emscripten's runtime, 75 KB) is
// bundled into the CLI, so it runs from the CLI's V8 code cache: `lint`
// compiled it on every run (~10-15 ms, bench/lint). It finds its .wasm next
// to itself (`__dirname`): pointed back at the installed package.
const LIBPG_QUERY_DIR = 'scriptDirectory=__dirname+"/"';
// Emscripten finds the end of each C string it decodes (the parser's JSON,
// ~1.2 KB a statement) with a byte-by-byte loop, which under lint's baseline
// JIT costs ~4 ms over 200 files: a typed array's indexOf (memchr) finds the
// same NUL. Same result: the first 0 at or after idx, else the array's end,
// capped at idx + maxBytesToRead when that is given.
const LIBPG_QUERY_STRING_END = "while(heapOrArray[idx]&&!(idx>=maxIdx))++idx;return idx";
const LIBPG_QUERY_STRING_END_FAST =
  "var end=heapOrArray.indexOf(0,idx);if(end<0)end=heapOrArray.length;return end>maxIdx?maxIdx:end";
const LIBPG_QUERY_FACTORY_CALL = "(0, libpg_query_js_1.default)()";
// The SQL goes into WASM memory through Emscripten's UTF-8 length count and
// encoder, two loops over every character on lint's baseline JIT: for ASCII
// text (most SQL) its length and TextEncoder (native) write the same bytes.
const LIBPG_QUERY_SQL_IN = [
  [
    "const len = wasmModule.lengthBytesUTF8(str) + 1;",
    "const ascii = /^[\\x00-\\x7f]*$/.test(str);\n    const len = (ascii ? str.length : wasmModule.lengthBytesUTF8(str)) + 1;",
  ],
  [
    "wasmModule.stringToUTF8(str, ptr, len);",
    "if (ascii) { const heap = wasmModule.HEAPU8; new TextEncoder().encodeInto(str, heap.subarray(ptr, ptr + len - 1)); heap[ptr + len - 1] = 0; } else wasmModule.stringToUTF8(str, ptr, len);",
  ],
];
const libpgQueryInBundle = {
  name: "libpg-query-in-bundle",
  setup(b) {
    // bin/pitstop.cjs may have started compiling the .wasm before the bundle
    // loaded (lint): the loader instantiates that module instead of its own.
    b.onLoad({ filter: /[\\/]libpg-query[\\/]wasm[\\/]index\.cjs$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (text.split(LIBPG_QUERY_FACTORY_CALL).length !== 2)
        throw new Error(
          `${args.path}: no ${LIBPG_QUERY_FACTORY_CALL} to hand the early-compiled .wasm to`,
        );
      for (const [from] of LIBPG_QUERY_SQL_IN)
        if (text.split(from).length !== 2) throw new Error(`${args.path}: no ${from} to replace`);
      const sqlIn = LIBPG_QUERY_SQL_IN.reduce((t, [from, to]) => t.replace(from, to), text);
      return {
        contents: sqlIn.replace(
          LIBPG_QUERY_FACTORY_CALL,
          '(globalThis[Symbol.for("pg-pitstop.parser-wasm")] ? globalThis[Symbol.for("pg-pitstop.parser-wasm")].then((m) => (0, libpg_query_js_1.default)({ instantiateWasm(imports, done) { done(new WebAssembly.Instance(m, imports)); return {}; } })) : (0, libpg_query_js_1.default)())',
        ),
        loader: "js",
      };
    });
    b.onLoad({ filter: /[\\/]libpg-query[\\/]wasm[\\/]libpg-query\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (text.split(LIBPG_QUERY_DIR).length !== 2)
        throw new Error(`${args.path}: no ${LIBPG_QUERY_DIR} to point at the package's .wasm`);
      if (text.split(LIBPG_QUERY_STRING_END).length !== 2)
        throw new Error(`${args.path}: no ${LIBPG_QUERY_STRING_END} to replace`);
      return {
        contents: text
          .replace(
            LIBPG_QUERY_DIR,
            'scriptDirectory=require("node:path").dirname(require("node:module").createRequire(__filename).resolve("libpg-query"))+"/"',
          )
          .replace(LIBPG_QUERY_STRING_END, LIBPG_QUERY_STRING_END_FAST),
        loader: "js",
      };
    });
  },
};

// The CLI is one CommonJS file: `node -e 0` never starts the ESM loader, and
// each ESM module or chunk costs a resolve and a compile on every start
// (measured: ~20 ms of a 120 ms `pitstop status`). Its lazy imports stay lazy
// (esbuild defers evaluating them), so `pitstop --version` never evaluates pg;
// PGlite and the parser are ESM packages loaded with import() when needed.
const cliBundle = {
  ...common,
  format: "cjs",
  external: common.external.filter((name) => name !== "libpg-query"),
  plugins: [lazyChildProcessForCommander, libpgQueryInBundle],
  minify: process.env.PITSTOP_NO_MINIFY !== "1",
  // import() of PGlite, the parser and jiti becomes require() of their CommonJS
  // builds: the bundle can then run from a V8 code cache (bin/pitstop.cjs),
  // which Node 20 refuses for code that calls import().
  supported: { "dynamic-import": false },
  define: { ...common.define, "import.meta.url": "__pitstop_import_meta_url" },
  banner: {
    js: "const __pitstop_import_meta_url = require('node:url').pathToFileURL(__filename).href;",
  },
};
await build({ ...cliBundle, entryPoints: { cli: "src/cli/main.ts" }, outfile: "dist/cli.cjs" });
// `pitstop lint` alone (bin/pitstop.cjs loads it for lint): commander, the
// lint command and what it runs, without the other commands' code, so less
// source to read and code cache to load on every lint (bench/lint).
await build({
  ...cliBundle,
  entryPoints: { "cli-lint": "src/cli/lint-main.ts" },
  outfile: "dist/cli-lint.cjs",
});

// `pitstop studio`'s page: one script for the browser, its HTML and CSS beside
// it in dist/studio (the server reads them from next to dist/cli.cjs). No
// network at run time: nothing is fetched from anywhere but the local server.
await build({
  entryPoints: ["src/studio/page/app.ts"],
  outfile: "dist/studio/app.js",
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "chrome110",
  minify: true,
  logLevel: "warning",
});
for (const file of ["index.html", "app.css"])
  copyFileSync(
    new URL(`../src/studio/page/${file}`, import.meta.url),
    new URL(`../dist/studio/${file}`, import.meta.url),
  );

// The library entries share chunks so `pitstop` and `pg-pitstop/testing` stay small.
await build({
  ...common,
  entryPoints: { index: "src/index.ts", testing: "src/testing/index.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
});

// Type declarations for the library entries (the native TypeScript compiler takes under a second).
const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
