// bench/inspect: `inspect()` alone, in-process, on a PGlite scratch database
// loaded with bench/diff's 58-table workload (started as `pitstop diff`
// starts it for a small project: baseline WebAssembly, 16 MB of shared
// buffers). A/B: the src/ of this checkout against the src/ of another
// (BENCH_INSPECT_BASE=/path/to/checkout; without it the two sides are both
// this checkout, which shows the noise). Each round runs each side in a fresh
// process, the sides alternating who goes first; per side: the first
// inspect of the instance (catalog caches cold) and the second, wall and
// CPU of the process. BENCH_ROUNDS (default 5), BENCH_INSPECT_SIZE
// (modules x 10 tables per module, default 5: 58 tables),
// BENCH_INSPECT_QUERIES=1 prints the time of each catalog query of this
// checkout (first and second run). BENCH_INSPECT_CLI=1 adds an A/B of the
// built CLIs (`npm run build` in both checkouts): `pitstop diff --dry-run`
// on bench/diff's project (the migrations, and schema.sql with its seven
// changes), with `schema.sql` edited (the migrations' model kept) and with
// nothing kept; wall and CPU (user + system, /usr/bin/time) of the process.
// BENCH_INSPECT_PG=1 adds the same inspect A/B on a throwaway PostgreSQL
// server (both sides in this process, a new connection per run; wall time:
// the server's work is in its own processes).
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importSrcBundle, median, pgEnv, ROOT, ratio, tempDir } from "./lib.mjs";
import { BENCH_CHANGES, benchSchema } from "./workload.mjs";

const ENTRY = `
export { openScratch } from "./src/declarative/scratch.ts";
export { loadSchema } from "./src/declarative/load.ts";
export { splitSql } from "./src/sql/split.ts";
export { loadParser } from "./src/sql/parser.ts";
export { inspect } from "./src/inspect/inspect.ts";
export { createPgDriver } from "./src/driver/pg.ts";
export { startPostgres } from "./src/testing/pg-server.ts";
`;

function cpuMs(since) {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

/** One side: a fresh process that loads the workload and inspects it twice. */
async function child(srcRoot, modules, queries) {
  const lib = await importSrcBundle(srcRoot, ENTRY, "inspect");
  await lib.loadParser();
  const { sql } = benchSchema(modules);
  const scratch = await lib.openScratch({
    cacheDir: join(ROOT, ".pitstop/cache"),
    inputChars: sql.length * 2,
  });
  const db = scratch.driver;
  const result = {};
  try {
    await lib.loadSchema(db, [{ file: "schema.sql", text: sql, split: lib.splitSql(sql) }]);
    const log = [];
    // Without `session`, inspect() runs its queries on what it is given: timed one by one.
    const timed = {
      exec: (s) => db.exec(s),
      query: async (s, p) => {
        const t = process.hrtime.bigint();
        const r = await db.query(s, p);
        log.push({ sql: s, ms: Number(process.hrtime.bigint() - t) / 1e6, rows: r.rows.length });
        return r;
      },
    };
    for (const run of ["first", "second"]) {
      const cpu = process.cpuUsage();
      const t = process.hrtime.bigint();
      const model = await lib.inspect(queries ? timed : db);
      result[run] = { wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: cpuMs(cpu) };
      result.tables = model.tables.length;
    }
    if (queries) result.queries = log;
  } finally {
    await scratch.close();
  }
  process.stdout.write(JSON.stringify(result));
}

function runSide(srcRoot, modules, queries = false) {
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--child", srcRoot, String(modules), queries ? "1" : "0"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (r.status !== 0) throw new Error(`bench/inspect child failed (${r.status})`);
  return JSON.parse(r.stdout);
}

/** The catalog query's name: the first column alias and table it reads, enough to tell them apart. */
function queryName(sql) {
  const from = /FROM\s+(pg_\w+)/i.exec(sql)?.[1] ?? "?";
  const first = /AS\s+(\w+)/i.exec(sql)?.[1] ?? "";
  return `${from} (${first})`;
}

async function main() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const modules = Number(process.env.BENCH_INSPECT_SIZE ?? 5);
  const base = process.env.BENCH_INSPECT_BASE ?? ROOT;
  const sides = { before: base, after: ROOT };
  const runs = { before: [], after: [] };
  let tables = 0;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ["before", "after"] : ["after", "before"];
    for (const side of order) {
      const r = runSide(sides[side], modules);
      tables = r.tables;
      runs[side].push(r);
    }
  }
  const m = (side, run, what) => median(runs[side].map((r) => r[run][what]));
  console.log(
    `bench/inspect: ${tables} tables, ${rounds} rounds interleaved, load average ${loadavg()[0].toFixed(1)}`,
  );
  console.log(`  before: ${base}`);
  console.log("                      before ms   after ms   after/before");
  for (const run of ["first", "second"])
    for (const what of ["wall", "cpu"]) {
      const b = m("before", run, what);
      const a = m("after", run, what);
      console.log(
        `  ${`${run} inspect ${what}`.padEnd(20)}${b.toFixed(0).padStart(9)}${a.toFixed(0).padStart(11)}${ratio(a, b).padStart(14)}x`,
      );
    }
  if (process.env.BENCH_INSPECT_PG === "1") await pgAB(sides, rounds, modules);
  if (process.env.BENCH_INSPECT_CLI === "1") cliAB(sides, rounds, modules);
  if (process.env.BENCH_INSPECT_QUERIES === "1") {
    const r = runSide(ROOT, modules, true);
    const half = r.queries.length / 2;
    console.log("  queries of this checkout (ms, first run / second run, rows):");
    for (let i = 0; i < half; i++) {
      const a = r.queries[i];
      const b = r.queries[i + half];
      console.log(
        `    ${queryName(a.sql).padEnd(40)}${a.ms.toFixed(1).padStart(8)}${b.ms.toFixed(1).padStart(8)}${String(a.rows).padStart(7)}`,
      );
    }
  }
}

/** Inspect on PostgreSQL: both checkouts' code in this process, alternating, first and second run per connection. */
async function pgAB(sides, rounds, modules) {
  const libs = {};
  for (const [side, root] of Object.entries(sides))
    libs[side] = await importSrcBundle(root, ENTRY, `inspect-pg-${side}`);
  const lib = libs.after;
  await lib.loadParser();
  const server = await lib.startPostgres();
  const runs = { before: [], after: [] };
  try {
    const db = await lib.createPgDriver({ url: server.url });
    const { sql } = benchSchema(modules);
    await lib.loadSchema(db, [{ file: "schema.sql", text: sql, split: lib.splitSql(sql) }]);
    await db.close();
    for (let round = 0; round < rounds + 1; round++) {
      const order = round % 2 === 0 ? ["before", "after"] : ["after", "before"];
      for (const side of order) {
        const conn = await libs[side].createPgDriver({ url: server.url });
        const r = {};
        for (const run of ["first", "second"]) {
          const t = process.hrtime.bigint();
          await libs[side].inspect(conn);
          r[run] = Number(process.hrtime.bigint() - t) / 1e6;
        }
        await conn.close();
        if (round > 0) runs[side].push(r); // round 0 warms the server's caches
      }
    }
  } finally {
    await server.stop();
  }
  const m = (side, run) => median(runs[side].map((r) => r[run]));
  console.log(`  on PostgreSQL ${server.version}, ${rounds} rounds (wall ms, median):`);
  for (const run of ["first", "second"])
    console.log(
      `    ${`${run} inspect`.padEnd(18)}${m("before", run).toFixed(0).padStart(9)}${m("after", run).toFixed(0).padStart(11)}${ratio(m("after", run), m("before", run)).padStart(14)}x`,
    );
}

/** bench/diff's project (one migration per module, schema.sql with the changes), a copy per side. */
function project(modules, sides) {
  const { sql } = benchSchema(modules);
  const root = tempDir("pitstop-bench-inspect-");
  const dirs = {};
  for (const side of sides) {
    const dir = join(root, side);
    mkdirSync(join(dir, "migrations"), { recursive: true });
    sql.split(/\n(?=CREATE SCHEMA )/).forEach((part, i) => {
      const name = `${String(i + 1).padStart(6, "0")}_part_${i + 1}.sql`;
      writeFileSync(join(dir, "migrations", name), `-- +up\n${part}\n`);
    });
    writeFileSync(join(dir, "schema.sql"), sql + BENCH_CHANGES);
    dirs[side] = dir;
  }
  return { root, dirs };
}

/** One `pitstop diff --dry-run`: wall and CPU seconds of the process. */
function timeDiff(checkout, dir, mode, edit) {
  const cache = join(dir, ".pitstop/cache");
  if (mode === "cold" && existsSync(cache))
    for (const f of readdirSync(cache, { withFileTypes: true }))
      if (f.name.startsWith("models-")) rmSync(join(cache, f.name), { recursive: true });
  if (mode === "edited") appendFileSync(join(dir, "schema.sql"), `\n-- edit ${edit}\n`);
  const times = join(dir, "time.txt");
  const cli = join(checkout, "bin/pitstop.cjs");
  const args = [
    "-f",
    "%e %U %S",
    "-o",
    times,
    process.execPath,
    cli,
    "diff",
    "changes",
    "--dry-run",
  ];
  const r = spawnSync("/usr/bin/time", [...args, "--dir", "migrations", "--file", "schema.sql"], {
    cwd: dir,
    env: pgEnv(),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`pitstop diff failed in ${dir}:\n${r.stdout}\n${r.stderr}`);
  const [wall, user, sys] = readFileSync(times, "utf8").trim().split("\n").at(-1).split(" ");
  return { wall: Number(wall), cpu: Number(user) + Number(sys), out: r.stdout };
}

function cliAB(sides, rounds, modules) {
  const { root, dirs } = project(modules, Object.keys(sides));
  const runs = {};
  const outputs = {};
  try {
    for (const side of Object.keys(sides)) {
      // Warm-up: the scratch cache (initdb once), the page cache, V8's code cache.
      outputs[side] = timeDiff(sides[side], dirs[side], "cold", 0).out;
      for (const mode of ["edited", "cold"]) runs[`${side} ${mode}`] = [];
    }
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ["before", "after"] : ["after", "before"];
      for (const mode of ["edited", "cold"])
        for (const side of order)
          runs[`${side} ${mode}`].push(timeDiff(sides[side], dirs[side], mode, round + 1));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const same = outputs.before === outputs.after ? "the same plan" : "DIFFERENT plans";
  console.log(`  pitstop diff --dry-run, ${rounds} rounds interleaved (${same} before and after):`);
  console.log("                        before wall/CPU s   after wall/CPU s   after/before CPU");
  for (const mode of ["edited", "cold"]) {
    const m = (side, what) => median(runs[`${side} ${mode}`].map((r) => r[what]));
    const label = mode === "edited" ? "schema.sql edited" : "nothing kept";
    const pair = (side) => `${m(side, "wall").toFixed(2)} / ${m(side, "cpu").toFixed(2)}`;
    console.log(
      `    ${label.padEnd(20)}${pair("before").padStart(18)}${pair("after").padStart(19)}${ratio(m("after", "cpu"), m("before", "cpu")).padStart(18)}x`,
    );
  }
}

if (process.argv[2] === "--child")
  await child(process.argv[3], Number(process.argv[4]), process.argv[5] === "1");
else await main();
