// bench/diff: `pitstop diff` on a one-table project, a 50-table project and a
// 1,000-table schema (BENCH_DIFF_SIZES=tiny,small,large).
// Workload (each size): a migrations folder that builds a generated schema
// (one migration per module), and a desired schema.sql that is the same
// schema plus a handful of changes (new columns, a table, an index, a changed
// view, a dropped trigger); tiny: one table, plus a column.
// Baseline (the floor), measured in the same run: a Node process that opens
// PGlite the way pitstop does (a copy of an initialized data dir) and loads
// the two inputs, one after the other, into it; no parsing, inspecting or
// diffing. Peer: @pgkit/migra (installed into a temp folder on first run;
// BENCH_MIGRA=0 skips it), which diffs two live databases: timed alone and
// with loading its two databases on a throwaway PostgreSQL server (psql).
// `pitstop diff --dev-url` on that server too (BENCH_DEV_URL=0 skips it).
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CLI, median, pgEnv, psqlPath, ROOT, ratio, tempDir, timeCommand } from "./lib.mjs";
import { BENCH_CHANGES, benchSchema } from "./workload.mjs";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const sizes = (process.env.BENCH_DIFF_SIZES ?? "tiny,small,large").split(",");
const withMigra = process.env.BENCH_MIGRA !== "0";
const withDevUrl = process.env.BENCH_DEV_URL !== "0";
// The warm scratch (`pitstop scratch serve`, started and warmed up before the rounds).
const withWarm = process.env.BENCH_WARM !== "0";

const SIZES = {
  // One table, one migration: what every run pays whatever the schema.
  tiny: { modules: 0, perModule: 0 },
  // ~50 tables: a typical project.
  small: { modules: 5, perModule: 10 },
  // 1,000+ tables and as many triggers, views, policies...
  large: { modules: Number(process.env.BENCH_MODULES ?? 50), perModule: 20 },
};

const MIGRA = "0.6.1";
/** @pgkit/migra in a temp folder of its own (installed once, then reused); undefined if that fails. */
function installMigra() {
  const dir = join(tmpdir(), `pitstop-bench-migra-${MIGRA}`);
  const bin = join(dir, "node_modules/@pgkit/migra/dist/command.js");
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund", `@pgkit/migra@${MIGRA}`], {
    cwd: dir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return r.status === 0 && existsSync(bin) ? bin : undefined;
}

const env = { ...pgEnv(), PITSTOP_WARM_SCRATCH: "off" };
const warmEnv = { ...env, PITSTOP_WARM_SCRATCH: "on", PITSTOP_WARM_SCRATCH_IDLE: "10m" };

/**
 * The warm rows keep their models in a cache dir of their own: the process
 * watches schema.sql and would load it ahead for the in-process rows too.
 */
const WARM_DIR = ["--data-dir", ".pitstop-warm/db"];

/** `pitstop scratch serve` for a workload, in the background; resolved once it listens. */
async function startWarm(dir) {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, [CLI, ...WARM_DIR, "scratch", "serve", "--idle", "10m"], {
    cwd: dir,
    env: warmEnv,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  await new Promise((resolve, reject) => {
    child.stderr.on("data", () => log.includes("listening on") && resolve());
    child.once("exit", () => reject(new Error(`scratch serve exited: ${log}`)));
  });
  return child;
}
const pgliteDir = join(ROOT, "node_modules/@electric-sql/pglite");
const { version } = JSON.parse(readFileSync(join(pgliteDir, "package.json"), "utf8"));

function tinyWorkload() {
  const sql =
    "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);\n";
  return { sql, tables: 1, changes: "ALTER TABLE users ADD COLUMN name text;\n" };
}

function generatedWorkload(size) {
  const { modules, perModule } = SIZES[size];
  const { sql, tables } = benchSchema(modules, perModule);
  return { sql, tables, changes: BENCH_CHANGES };
}

function workload(size) {
  const { sql, tables, changes } = size === "tiny" ? tinyWorkload() : generatedWorkload(size);
  const dir = tempDir(`pitstop-bench-diff-${size}-`);
  mkdirSync(join(dir, "migrations"));
  const parts = sql.split(/\n(?=CREATE SCHEMA )/);
  parts.forEach((part, i) => {
    writeFileSync(
      join(dir, "migrations", `${String(i + 1).padStart(6, "0")}_part_${i + 1}.sql`),
      `-- +up\n${part}\n`,
    );
  });
  writeFileSync(join(dir, "schema.sql"), sql + changes);
  const inputs = readdirSync(join(dir, "migrations"))
    .sort()
    .map((f) => join(dir, "migrations", f));
  // pitstop's scratch cache, initialized once (initdb) and shared by both sides.
  timeCommand(
    process.execPath,
    [CLI, "schema", "dump", "--from", "migrations", "--dir", join(dir, "empty")],
    { cwd: dir, env },
  );
  return { dir, tables, inputs, template: join(dir, ".pitstop/cache", `pglite-${version}`) };
}

function writeFloorScript(dir) {
  const file = join(dir, "floor.mjs");
  writeFileSync(
    file,
    `import { cpSync, readFileSync, rmSync } from "node:fs";
import { PGlite } from ${JSON.stringify(pathToFileURL(join(pgliteDir, "dist/index.js")).href)};
const [template, target, schema, ...migrations] = process.argv.slice(2);
// One fresh copy per input, durability relaxed as for pitstop's scratch database.
cpSync(template, target, { recursive: true });
let db = await PGlite.create(target, { relaxedDurability: true });
for (const file of migrations) await db.exec(readFileSync(file, "utf8").replace("-- +up\\n", ""));
await db.close();
rmSync(target, { recursive: true, force: true });
cpSync(template, target, { recursive: true });
db = await PGlite.create(target, { relaxedDurability: true });
await db.exec(readFileSync(schema, "utf8"));
await db.close();
rmSync(target, { recursive: true, force: true });
`,
  );
  return file;
}

let server;
/** The throwaway PostgreSQL 15 for migra's databases and `pitstop diff --dev-url`. */
async function ensureServer() {
  if (server === undefined) {
    const { startPostgres } = await import("../dist/testing.js");
    server = await startPostgres();
  }
  return server;
}

async function migraRunner(w, bin) {
  await ensureServer();
  const psql = psqlPath(server.bindir);
  const url = (db) => {
    const u = new URL(server.url);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const from = join(w.dir, "from.sql");
  writeFileSync(
    from,
    w.inputs.map((f) => readFileSync(f, "utf8").replace("-- +up\n", "")).join("\n"),
  );
  let n = 0;
  return () => {
    n++;
    const a = `migra_from_${n}`;
    const b = `migra_to_${n}`;
    const started = process.hrtime.bigint();
    for (const [db, file] of [
      [a, from],
      [b, join(w.dir, "schema.sql")],
    ]) {
      timeCommand(
        psql,
        ["-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", url("postgres"), "-c", `CREATE DATABASE ${db}`],
        { env },
      );
      timeCommand(psql, ["-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", url(db), "-f", file], { env });
    }
    const loaded = process.hrtime.bigint();
    // migra exits 2 when there are differences.
    const r = spawnSync(process.execPath, [bin, url(a), url(b), "--unsafe"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const done = process.hrtime.bigint();
    if (r.status !== 0 && r.status !== 2)
      throw new Error(`migra failed (${r.status}): ${r.stderr}`);
    for (const db of [a, b])
      timeCommand(psql, ["-q", "-X", "-d", url("postgres"), "-c", `DROP DATABASE ${db}`], { env });
    return { alone: Number(done - loaded) / 1e6, withLoads: Number(done - started) / 1e6 };
  };
}

const migraBin = withMigra ? installMigra() : undefined;
if (withMigra && migraBin === undefined)
  console.log("bench/diff: @pgkit/migra could not be installed: left out");

const results = [];
for (const size of sizes) {
  const w = workload(size);
  const floorScript = writeFloorScript(w.dir);
  const migra = migraBin === undefined ? undefined : await migraRunner(w, migraBin);
  const devUrl = withDevUrl ? (await ensureServer()).url : undefined;
  const floor = [];
  const pitstop = [];
  const edited = [];
  const onServer = [];
  const warmCold = [];
  const warmEdited = [];
  const warmSaved = [];
  let edits = 0;
  const migraAlone = [];
  const migraLoads = [];
  let planned = "";
  const runFloor = () =>
    floor.push(
      timeCommand(
        process.execPath,
        [floorScript, w.template, join(w.dir, "floor-db"), join(w.dir, "schema.sql"), ...w.inputs],
        { env },
      ),
    );
  /**
   * cold: no model kept from an earlier run (both inputs loaded); edited:
   * schema.sql changed since the last run, the migrations did not (the
   * everyday loop: edit the schema, run diff); server: the scratch on the
   * PostgreSQL server (`--dev-url`, which keeps no model: both loaded);
   * warm-cold, warm-edited: the same on the warm scratch process;
   * warm-saved: schema.sql edited 2 s before the run (not timed), which the
   * process watches and loads ahead.
   */
  const runPitstop = (mode) => {
    rmSync(join(w.dir, "out"), { recursive: true, force: true });
    cpSync(join(w.dir, "migrations"), join(w.dir, "out"), { recursive: true });
    const cache = join(w.dir, mode.startsWith("warm") ? ".pitstop-warm/cache" : ".pitstop/cache");
    if (mode === "cold" || mode === "warm-cold")
      for (const f of readdirSync(cache))
        if (f.startsWith("models-")) rmSync(join(cache, f), { recursive: true, force: true });
    if (mode === "edited" || mode === "warm-edited" || mode === "warm-saved")
      appendFileSync(join(w.dir, "schema.sql"), `\n-- edit ${++edits}\n`);
    if (mode === "warm-saved") spawnSync("sleep", ["2"]);
    const args = [CLI, "diff", "changes", "--dir", "out", "--file", "schema.sql"];
    if (mode.startsWith("warm")) args.splice(1, 0, ...WARM_DIR);
    if (mode === "server") args.push("--dev-url", devUrl);
    const runEnv = mode.startsWith("warm") ? warmEnv : env;
    const times = {
      cold: pitstop,
      edited,
      server: onServer,
      "warm-cold": warmCold,
      "warm-edited": warmEdited,
      "warm-saved": warmSaved,
    };
    times[mode].push(timeCommand(process.execPath, args, { cwd: w.dir, env: runEnv }));
    const file = readdirSync(join(w.dir, "out")).find((f) => f.includes("changes"));
    if (file === undefined) throw new Error("pitstop diff wrote no migration");
    const up = readFileSync(join(w.dir, "out", file), "utf8").split("-- +down")[0];
    planned = `${up.split(";\n").length - 1} statements up`;
  };
  const runMigra = () => {
    if (migra === undefined) return;
    const m = migra();
    migraAlone.push(m.alone);
    migraLoads.push(m.withLoads);
  };
  // Warm-up (page cache, code cache, the reusable scratch), then alternate who goes first.
  runFloor();
  runPitstop("cold");
  runMigra();
  if (devUrl) runPitstop("server");
  const warmProcess = withWarm ? await startWarm(w.dir) : undefined;
  // A process that has served a few commands: V8 has optimized PGlite's hot code by then.
  if (warmProcess) for (let i = 0; i < 3; i++) runPitstop("warm-cold");
  warmCold.length = 0;
  warmEdited.length = 0;
  floor.length = 0;
  pitstop.length = 0;
  edited.length = 0;
  onServer.length = 0;
  migraAlone.length = 0;
  migraLoads.length = 0;
  for (let r = 0; r < rounds; r++) {
    const cold = () => runPitstop("cold");
    const warm = () => runPitstop("edited");
    const served = () => devUrl && runPitstop("server");
    const warmed = () => {
      if (!warmProcess) return;
      runPitstop("warm-cold");
      runPitstop("warm-edited");
      runPitstop("warm-saved");
    };
    const order =
      r % 2 === 0
        ? [runFloor, cold, warm, served, warmed, runMigra]
        : [runMigra, warmed, served, warm, cold, runFloor];
    for (const run of order) run();
  }
  if (warmProcess) {
    timeCommand(process.execPath, [CLI, ...WARM_DIR, "scratch", "stop"], {
      cwd: w.dir,
      env: warmEnv,
    });
    warmProcess.kill("SIGKILL");
  }
  rmSync(w.dir, { recursive: true, force: true });
  results.push({
    size,
    tables: w.tables,
    migrations: w.inputs.length,
    floor,
    pitstop,
    edited,
    migraAlone,
    migraLoads,
    onServer,
    warmCold,
    warmEdited,
    warmSaved,
    planned,
  });
}
await server?.stop?.();

const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");
console.log(
  `bench/diff: ${rounds} rounds, median wall time, PGlite ${version}, load average now ${load}`,
);
for (const r of results) {
  const f = median(r.floor);
  const p = median(r.pitstop);
  console.log(`${r.size}: ${r.tables} tables in ${r.migrations} migrations (${r.planned})`);
  console.log(`  floor (PGlite loads both inputs): ${f.toFixed(0).padStart(6)} ms  1.00x`);
  const e = median(r.edited);
  console.log(
    `  pitstop diff, nothing kept:       ${p.toFixed(0).padStart(6)} ms  ${ratio(p, f)}x`,
  );
  console.log(
    `  pitstop diff, schema.sql edited:  ${e.toFixed(0).padStart(6)} ms  ${ratio(e, f)}x`,
  );
  if (r.onServer.length > 0) {
    const d = median(r.onServer);
    console.log(
      `  pitstop diff --dev-url (PG 15):   ${d.toFixed(0).padStart(6)} ms  ${ratio(d, f)}x`,
    );
  }
  if (r.warmCold.length > 0) {
    const wc = median(r.warmCold);
    const we = median(r.warmEdited);
    console.log(
      `  pitstop diff, warm scratch, nothing kept: ${wc.toFixed(0).padStart(6)} ms  ${ratio(wc, f)}x`,
    );
    console.log(
      `  pitstop diff, warm scratch, edited:       ${we.toFixed(0).padStart(6)} ms  ${ratio(we, f)}x`,
    );
    const ws = median(r.warmSaved);
    console.log(
      `  pitstop diff, warm, edited 2 s before:    ${ws.toFixed(0).padStart(6)} ms  ${ratio(ws, f)}x`,
    );
  }
  if (r.migraAlone.length > 0) {
    const a = median(r.migraAlone);
    const l = median(r.migraLoads);
    console.log(
      `  migra (diff only):                ${a.toFixed(0).padStart(6)} ms  ${ratio(a, f)}x`,
    );
    console.log(
      `  migra + psql loads both inputs:   ${l.toFixed(0).padStart(6)} ms  ${ratio(l, f)}x`,
    );
    const d = r.onServer.length > 0 ? `, ${ratio(median(r.onServer), l)}x --dev-url` : "";
    const wm =
      r.warmCold.length > 0
        ? `, warm scratch ${ratio(median(r.warmCold), l)}x nothing kept, ${ratio(median(r.warmEdited), l)}x edited, ${ratio(median(r.warmSaved), l)}x edited 2 s before`
        : "";
    console.log(
      `  pitstop / (migra + loads):        ${ratio(p, l)}x nothing kept, ${ratio(e, l)}x edited${d}${wm}`,
    );
  }
}
