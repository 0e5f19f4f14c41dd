#!/usr/bin/env node
// CommonJS, with a V8 code cache for the bundled CLI: every `pitstop` run
// starts a process, and compiling the 200 KB bundle is a good part of what
// it costs over bare `node` (see scripts/build.mjs and bench/startup).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const bundle = path.join(__dirname, "../dist/cli.cjs");

function loadWithCodeCache() {
  const Module = require("node:module");
  if (typeof Module.enableCompileCache === "function") {
    Module.enableCompileCache();
    return require(bundle);
  }
  const vm = require("node:vm");
  const os = require("node:os");
  const source = fs.readFileSync(bundle, "utf8");
  // V8 checks a cache against the source's length only: key it by content.
  const hash = require("node:crypto")
    .createHash("sha1")
    .update(source)
    .update(bundle)
    .digest("hex")
    .slice(0, 16);
  const uid = process.getuid ? process.getuid() : "user";
  const dir = path.join(os.tmpdir(), `pitstop-compile-cache-${uid}`);
  const cacheFile = path.join(dir, `cli-${process.version}-${process.arch}-${hash}.bin`);
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
