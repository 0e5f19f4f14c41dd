import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LINT_JIT_FLAGS } from "../src/cli/commands/lint.js";
import { RENAMED_FLAGS } from "../src/cli/global-options.js";
import { CLI, runCli } from "./helpers/cli.js";

// bin/pitstop.cjs sets the lint command's V8 flags before the bundle loads and
// keys the bundle's code cache by them: V8 rejects a cache made under other
// flags, and a lint that wrote one at exit made every later run compile the
// bundle again (bench/lint).
const bin = readFileSync(CLI, "utf8");
const arrayIn = (name: string) => {
  const m = new RegExp(`const ${name} = \\[([^\\]]*)\\]`).exec(bin);
  if (!m) throw new Error(`bin/pitstop.cjs has no ${name}`);
  return [...m[1]!.matchAll(/"([^"]+)"/g)].map((x) => x[1]!);
};

describe("bin/pitstop.cjs", () => {
  it("knows the global options that take a value, as `pitstop --help` lists them", async () => {
    const help = await runCli(["--help"]);
    const options = help.stdout.slice(
      help.stdout.indexOf("Options:"),
      help.stdout.indexOf("Commands:"),
    );
    const valued = [...options.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+) [<[]/gm)].flatMap((m) =>
      m[1] ? [m[1], m[2]!] : [m[2]!],
    );
    expect(valued.length).toBeGreaterThan(10);
    expect(new Set(arrayIn("VALUED"))).toEqual(new Set(valued));
    // The old spellings are hidden from --help but still take a value.
    expect(new Set(arrayIn("DEPRECATED_VALUED"))).toEqual(new Set(RENAMED_FLAGS.map((f) => f.old)));
  });

  it("sets the flags `lint` sets itself", () => {
    expect(arrayIn("LINT_FLAGS")).toEqual([...LINT_JIT_FLAGS]);
  });

  const tmp = mkdtempSync(join(tmpdir(), "pitstop-bin-jit-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // Node 22 and later: Node's own compile cache, in a folder of its own for lint.
  it.skipIf(typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === "function")(
    "reuses the lint code cache: a lint run neither rejects nor rewrites it",
    async () => {
      const dir = join(tmp, "migrations");
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "000001_a.sql"), "CREATE TABLE a (id int);\n");
      writeFileSync(join(dir, "000002_b.sql"), "CREATE INDEX a_id ON a (id);\n");
      const env = { TMPDIR: tmp };
      const cacheDir = join(tmp, `pitstop-compile-cache-${process.getuid?.() ?? "user"}`);
      const caches = () =>
        Object.fromEntries(
          readdirSync(cacheDir).map((f) => [f.replace(/(-[0-9a-z]+){4}\.bin$/, ""), f]),
        );
      const lint = await runCli(["lint", dir], { env });
      expect(lint.code, lint.stderr).toBe(3);
      // The lint-only bundle (dist/cli-lint.cjs), with a cache of its own.
      const lintCache = caches()[`cli-lint-${process.version}-${process.arch}-lint`];
      expect(lintCache).toBeDefined();
      const written = statSync(join(cacheDir, lintCache!)).mtimeMs;
      // Another command keeps a cache of its own; lint's stays as it was.
      expect((await runCli(["--version"], { env })).code).toBe(0);
      expect(caches()[`cli-${process.version}-${process.arch}-default`]).toBeDefined();
      await new Promise((r) => setTimeout(r, 20));
      const again = await runCli(["--dir", dir, "lint", "--all"], { env });
      expect(again.stdout).toBe(lint.stdout);
      expect(statSync(join(cacheDir, lintCache!)).mtimeMs).toBe(written);
    },
  );

  it("loads the lint-only bundle for lint, and the full one for lint --help and other commands", async () => {
    const env = { TMPDIR: join(tmp, "bundles") };
    const cacheDir = join(tmp, "bundles", `pitstop-compile-cache-${process.getuid?.() ?? "user"}`);
    const dir = join(tmp, "bundles-migrations");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "000001_a.sql"), "CREATE TABLE a (id int);\n");
    const bundles = () =>
      new Set(readdirSync(cacheDir).map((f) => f.replace(/-v\d+\.\d+\.\d+-.*$/, "")));
    mkdirSync(env.TMPDIR, { recursive: true });
    const lint = await runCli(["--dir", dir, "lint", "--all"], { env });
    expect(lint.code, lint.stderr).toBe(0);
    expect(bundles()).toEqual(new Set(["cli-lint"]));
    // Help lists every command: the full bundle, with the same help for lint.
    const help = await runCli(["lint", "--help"], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--pg-version <major>");
    expect(help.stdout).toContain("--database"); // the global options
    expect(bundles()).toEqual(new Set(["cli-lint", "cli"]));
    // The lint bundle fails a wrong option as the full one would.
    const bad = await runCli(["lint", "--no-such-option"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--no-such-option'");
    expect(bad.stderr).toContain("(run with --help for usage)");
  });

  // Start-up of every command: Node built-ins that lint and --version never use
  // load on first use (src/core/node-crypto.ts, scripts/build.mjs for commander's
  // child_process). A top-level import of one of them would bring them back.
  it("loads neither node:crypto nor node:child_process for lint or --version", async () => {
    const dir = join(tmp, "modules");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "000001_a.sql"), "CREATE TABLE a (id int);\n");
    writeFileSync(join(dir, "000002_b.sql"), "CREATE INDEX a_id ON a (id);\n");
    const list = join(tmp, "modules.txt");
    const preload = join(tmp, "list-modules.cjs");
    writeFileSync(
      preload,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join("\\n")));\n`,
    );
    const env = { TMPDIR: tmp, NODE_OPTIONS: `--require ${JSON.stringify(preload)}` };
    for (const args of [["lint", dir], ["--version"]]) {
      rmSync(list, { force: true });
      const r = await runCli(args, { env });
      expect(r.code, r.stderr).toBe(args[0] === "lint" ? 3 : 0);
      const loaded = readFileSync(list, "utf8").split("\n");
      expect(loaded).toContain("NativeModule fs");
      expect(loaded, args.join(" ")).not.toContain("NativeModule crypto");
      expect(loaded, args.join(" ")).not.toContain("NativeModule child_process");
    }
    // A command that needs a checksum still gets it.
    const status = await runCli(["--dir", dir, "--data-dir", join(tmp, "pglite"), "status"], {
      env,
    });
    expect(status.code, status.stderr).toBe(0);
    expect(readFileSync(list, "utf8").split("\n")).toContain("NativeModule crypto");
  });

  it("lint instantiates the parser from the module bin started compiling before the bundle loaded", async () => {
    const dir = join(tmp, "early-wasm");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "000001_a.sql"), "CREATE TABLE a (id int);\n");
    const counts = join(tmp, "wasm-calls.txt");
    const preload = join(tmp, "count-wasm.cjs");
    writeFileSync(
      preload,
      `const calls = { compile: 0, instantiate: 0 };
for (const name of Object.keys(calls)) {
  const original = WebAssembly[name];
  WebAssembly[name] = function (...args) { calls[name]++; return original.apply(this, args); };
}
process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(counts)}, JSON.stringify(calls)));
`,
    );
    const r = await runCli(["lint", dir], {
      env: { TMPDIR: tmp, NODE_OPTIONS: `--require ${JSON.stringify(preload)}` },
    });
    expect(r.code, r.stderr).toBe(0);
    // One compile, in bin; the loader's own WebAssembly.instantiate(bytes) never runs.
    expect(JSON.parse(readFileSync(counts, "utf8"))).toEqual({ compile: 1, instantiate: 0 });
  });
});
