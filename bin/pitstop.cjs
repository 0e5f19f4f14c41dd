#!/usr/bin/env node
// CommonJS, with a V8 code cache for the bundled CLI: every `pitstop` run
// starts a process, and compiling the 200 KB bundle is a good part of what
// it costs over bare `node` (see scripts/build.mjs and bench/startup).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

// Global options that take a value (src/cli/main.ts buildRoot; test/bin-jit.test.ts
// checks the two agree): the word after one is not the command's name.
const VALUED = [
  "-d",
  "--database",
  "--dir",
  "--dir-format",
  "--seeds",
  "-c",
  "--config",
  "--history-schema",
  "--history-table",
  "--data-dir",
  "--lock-timeout",
  "--ddl-lock-timeout",
  "--statement-timeout",
  "--lock-retries",
  "--max-replica-lag",
  "--replica-lag-timeout",
  "--locker",
  "--lease",
];
// Old spellings, hidden from --help but still accepted (src/cli/global-options.ts).
const DEPRECATED_VALUED = ["--format", "--schema", "--table"];

/** The command's name, as src/cli/main.ts commandToDefine reads it (undefined: none or unclear). */
function commandName(args) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") return undefined;
    if (arg.startsWith("-")) {
      if (!arg.includes("=") && (VALUED.includes(arg) || DEPRECATED_VALUED.includes(arg))) i++;
      continue;
    }
    return arg;
  }
  return undefined;
}

// `lint` is a short process whose time goes into compiling code more than
// running it (bench/lint): V8's baseline compilers only (Liftoff for the
// parser's WASM, Sparkplug without TurboFan for JavaScript). Set before the
// bundle loads: V8 rejects a code cache made under other flags, so the
// flags are part of the cache's key, and a cache is written only when the
// flags did not change during the run (src/cli/commands/lint.ts sets them
// itself when this did not, and says so in JIT_PROFILE).
const JIT_PROFILE = Symbol.for("pg-pitstop.jit-profile");
const LINT_FLAGS = ["--liftoff-only", "--always-sparkplug", "--no-opt"];
// The declarative commands parse whole schemas once: their parser is compiled early too.
const PARSE_SCHEMAS = ["diff", "drift", "schema", "studio"];
const args = process.argv.slice(2);
const command = commandName(args);
const isLint = command === "lint";
// `lint` (without --help, which lists every command) loads a bundle holding
// only that command: less to read, deserialize and run (scripts/build.mjs).
const fullBundle = path.join(__dirname, "../dist/cli.cjs");
const lintBundle = path.join(__dirname, "../dist/cli-lint.cjs");
let bundle = isLint && !args.some((a) => a === "-h" || a === "--help") ? lintBundle : fullBundle;
let profile = "default";
if (isLint) {
  try {
    const v8 = require("node:v8");
    for (const flag of LINT_FLAGS) v8.setFlagsFromString(flag);
    profile = "lint";
  } catch {}
  compileParserEarly(false);
} else if (PARSE_SCHEMAS.includes(command)) {
  compileParserEarly(true);
}

/**
 * Starts compiling the parser's WASM (1.7 MB) on V8's background threads
 * while the bundle loads; the bundled libpg-query loader instantiates this
 * module. `baseline`: with Liftoff only (the flag set for this compile and
 * reset), as `lint` has it anyway: re-compiling the hot functions with
 * TurboFan cost a `diff` of 58 tables 0.3-0.7 s of CPU, more than its parse
 * gains (bench/diff).
 */
function compileParserEarly(baseline) {
  try {
    const wasm = path.join(
      path.dirname(require.resolve("libpg-query", { paths: [__dirname] })),
      "libpg-query.wasm",
    );
    const bytes = fs.readFileSync(wasm);
    const v8 = require("node:v8");
    if (baseline) v8.setFlagsFromString("--liftoff-only");
    let compiled;
    try {
      compiled = WebAssembly.compile(bytes);
    } finally {
      if (baseline) v8.setFlagsFromString("--no-liftoff-only");
    }
    compiled.catch(() => {});
    globalThis[Symbol.for("pg-pitstop.parser-wasm")] = compiled;
  } catch {}
}
globalThis[JIT_PROFILE] = profile;

function loadWithCodeCache() {
  const Module = require("node:module");
  const os = require("node:os");
  const uid = process.getuid ? process.getuid() : "user";
  const dir = path.join(os.tmpdir(), `pitstop-compile-cache-${uid}`);
  if (typeof Module.enableCompileCache === "function") {
    // Node's own cache, in a folder of its own for the lint flags.
    if (profile === "default") Module.enableCompileCache();
    else Module.enableCompileCache(path.join(dir, `node-${profile}`));
    return require(bundle);
  }
  const vm = require("node:vm");
  const source = fs.readFileSync(bundle, "utf8");
  // V8 checks a cache against the source's length only: key it by the file's
  // identity too. ctime changes whenever the file is written or replaced (a
  // build, an install), unlike mtime, which package tarballs fix; a stat is
  // cheaper than hashing the bundle, which loaded node:crypto on every start.
  const st = fs.statSync(bundle);
  const hash = [st.size, st.ino, Math.round(st.ctimeMs * 1000), Math.round(st.mtimeMs)]
    .map((n) => n.toString(36))
    .join("-");
  const name = path.basename(bundle, ".cjs");
  const cacheFile = path.join(
    dir,
    `${name}-${process.version}-${process.arch}-${profile}-${hash}.bin`,
  );
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {}
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
  });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, so the functions this run compiled are in the cache too.
    process.once("exit", () => {
      // Flags changed while running: V8 would reject the cache made now.
      if (globalThis[JIT_PROFILE] !== profile) return;
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {}
    });
  }
  const mod = { exports: {} };
  const req = Module.createRequire(bundle);
  script.runInThisContext()(mod.exports, req, mod, bundle, path.dirname(bundle));
  return mod.exports;
}

let cli;
try {
  cli = loadWithCodeCache();
} catch (error) {
  // A build from before the lint bundle: the full one has every command.
  if (bundle === lintBundle && !fs.existsSync(bundle)) bundle = fullBundle;
  if (!fs.existsSync(bundle)) {
    console.error("pitstop is not built: run `npm run build` in the pitstop checkout.");
    process.exit(1);
  }
  if (process.env.PITSTOP_DEBUG) console.error("code cache unavailable:", error);
  cli = require(bundle);
}

cli.main(process.argv).then(
  (code) => {
    // Exit as soon as our output is written instead of waiting for sockets to
    // close (see closeForExit in src/cli/context.ts).
    exitWhenFlushed(code);
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);

function exitWhenFlushed(code) {
  // A stream whose reader went away (EPIPE) never drains: do not wait for it.
  const pending = [process.stdout, process.stderr].filter(
    (s) => s.writableLength > 0 && !s.destroyed,
  );
  if (pending.length === 0) process.exit(code);
  process.exitCode = code;
  let left = pending.length;
  for (const s of pending) s.once("drain", () => --left === 0 && process.exit(code));
}
