// bench/lint: pitstop lint against squawk (npm squawk-cli, installed into a
// temp folder on first run) on the same files in the same run: one
// invocation over a folder of 200 migrations, and one file. Then, in-process,
// where pitstop's time goes, and one 2,000-statement migration against
// parsing it alone (libpg_query's parseSync: every lint starts with a parse).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import * as pg from "libpg-query";
import { lintScript, loadParser } from "../dist/index.js";
import { CLI, median, ratio, tempDir } from "./lib.mjs";

const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const cliRounds = Number(process.env.BENCH_CLI_ROUNDS ?? 9);
const FILES = Number(process.env.BENCH_FILES ?? 200);
const TABLES = 400;

const SQUAWK = "2.66.0";
/** squawk-cli in a temp folder of its own (installed once, then reused). */
function installSquawk() {
  const dir = join(tmpdir(), `pitstop-bench-squawk-cli-${SQUAWK}`);
  const bin = join(dir, "node_modules/squawk-cli/js/binary.js");
  const wrapper = join(dir, "node_modules/.bin/squawk");
  if (existsSync(wrapper)) return wrapper;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
  const r = spawnSync("npm", ["install", "--no-audit", "--no-fund", `squawk-cli@${SQUAWK}`], {
    cwd: dir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0 || !existsSync(wrapper))
    throw new Error(`npm install squawk-cli failed (${bin})`);
  return wrapper;
}

/**
 * A project's migrations: tables with keys and foreign keys, indexes (some
 * without CONCURRENTLY), added columns, a backfill, a type change, a NOT VALID
 * constraint validated in the next file. Both tools find things to report.
 */
function projectMigrations(dir, count) {
  for (let i = 1; i <= count; i++) {
    const prev = Math.max(1, i - 1);
    let sql;
    switch (i % 5) {
      case 1:
        sql = `CREATE TABLE t${i} (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  parent_id bigint REFERENCES t${prev} (id),\n  name text NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\nCREATE INDEX t${i}_parent_id_idx ON t${i} (parent_id);\nCOMMENT ON TABLE t${i} IS 'table ${i}';\n`;
        break;
      case 2:
        sql = `ALTER TABLE t${prev} ADD COLUMN note text;\nALTER TABLE t${prev} ADD COLUMN flag boolean NOT NULL DEFAULT false;\nCREATE INDEX t${prev}_name_idx ON t${prev} (name);\n`;
        break;
      case 3:
        sql = `CREATE INDEX CONCURRENTLY t${i - 2}_created_at_idx ON t${i - 2} (created_at);\n`;
        break;
      case 4:
        sql = `ALTER TABLE t${i - 3} ADD CONSTRAINT t${i - 3}_name_check CHECK (name <> '') NOT VALID;\nUPDATE t${i - 3} SET note = name WHERE note IS NULL;\n`;
        break;
      default:
        sql = `ALTER TABLE t${i - 4} VALIDATE CONSTRAINT t${i - 4}_name_check;\nALTER TABLE t${i - 4} ALTER COLUMN note TYPE varchar(200);\nINSERT INTO t${i - 4} (name) VALUES ('row ${i}');\n`;
    }
    writeFileSync(join(dir, `${String(i).padStart(6, "0")}_step_${i}.sql`), sql);
  }
}

/** Wall milliseconds of a command that may exit non-zero when it finds something. */
function timeLinter(cmd, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status === null || r.status > 3 || r.stdout.length === 0)
    throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return ms;
}

const squawk = installSquawk();
const folder = tempDir("pitstop-bench-lint-");
projectMigrations(folder, FILES);
const files = Array.from({ length: FILES }, (_, i) => {
  const n = i + 1;
  return join(folder, `${String(n).padStart(6, "0")}_step_${n}.sql`);
});
const one = files[1];
const runs = {
  "node -e 0": () => timeLinter(process.execPath, ["-e", "process.stdout.write('x')"]),
  [`squawk, ${FILES} files`]: () => timeLinter(squawk, files),
  [`pitstop lint, ${FILES} files`]: () => timeLinter(process.execPath, [CLI, "lint", folder]),
  "squawk, 1 file": () => timeLinter(squawk, [one]),
  "pitstop lint, 1 file": () => timeLinter(process.execPath, [CLI, "lint", one]),
};
const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
for (const run of Object.values(runs)) run(); // warm-up: disk cache, pitstop's code cache
for (let i = 0; i < cliRounds; i++) {
  // Take turns going first.
  const order = Object.keys(runs);
  for (let j = 0; j < i % order.length; j++) order.push(order.shift());
  for (const k of order) times[k].push(runs[k]());
}
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
console.log(
  `bench/lint: pitstop against squawk ${SQUAWK}, ${cliRounds} rounds, median, Node ${process.versions.node}`,
);
const node0 = m["node -e 0"];
const cliRow = (label, base) =>
  console.log(
    `${label.padEnd(32)}${m[label].toFixed(0).padStart(7)} ms  ${ratio(m[label], node0).padStart(5)}x node -e 0${base ? `  ${ratio(m[label], m[base])}x ${base}` : ""}`,
  );
cliRow("node -e 0");
cliRow(`squawk, ${FILES} files`);
cliRow(`pitstop lint, ${FILES} files`, `squawk, ${FILES} files`);
cliRow("squawk, 1 file");
cliRow("pitstop lint, 1 file", "squawk, 1 file");
console.log(
  `  load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
// Node reads NODE_EXTRA_CA_CERTS at start-up, in every process (squawk's
// wrapper and `node -e 0` too): a CA bundle there adds tens of ms to each
// row and brings every ratio closer to 1 (bench/README.md, bench/lint).
if (process.env.NODE_EXTRA_CA_CERTS)
  console.log(
    `  NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}): every Node start above loads it`,
  );

// In-process, cold: what one `pitstop lint` over the folder spends its time on.
{
  const child = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const t0 = performance.now();
const { setFlagsFromString } = await import("node:v8");
for (const flag of ["--liftoff-only", "--always-sparkplug", "--no-opt"]) setFlagsFromString(flag);
const m = await import(${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)});
const t1 = performance.now();
await m.loadParser();
const t2 = performance.now();
const migrations = await m.directorySource({ dir: ${JSON.stringify(folder)} }).load();
const t3 = performance.now();
m.lint(migrations);
const t4 = performance.now();
m.lint(migrations);
const t5 = performance.now();
console.log(JSON.stringify([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4]));`,
    ],
    { encoding: "utf8" },
  );
  const [imp, wasm, read, cold, warm] = JSON.parse(child.stdout);
  console.log(
    `  in-process (one run): import ${imp.toFixed(0)} ms, parser (WASM) ${wasm.toFixed(0)} ms, read ${FILES} files ${read.toFixed(0)} ms, lint cold ${cold.toFixed(0)} ms, lint again ${warm.toFixed(0)} ms`,
  );
}
console.log();
/** 400 tables (the context: an earlier migration). */
function setup() {
  let sql = "";
  for (let i = 0; i < TABLES; i++)
    sql += `CREATE TABLE t${i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, note varchar(200), qty integer, created_at timestamptz NOT NULL DEFAULT now());\n`;
  return sql;
}

/** 2,000 statements, 5 a table: a realistic mix, some of them unsafe. */
function workload() {
  let sql = "";
  for (let i = 0; i < TABLES; i++) {
    sql += `ALTER TABLE t${i} ADD COLUMN flag boolean NOT NULL DEFAULT false;\n`;
    sql += `CREATE INDEX${i % 2 ? " CONCURRENTLY" : ""} t${i}_name_idx ON t${i} (name);\n`;
    sql += `ALTER TABLE t${i} ALTER COLUMN note TYPE ${i % 3 ? "text" : "varchar(100)"};\n`;
    sql += `INSERT INTO t${i} (name, qty) VALUES ('row ${i}', ${i});\n`;
    sql += `COMMENT ON TABLE t${i} IS 'table number ${i}';\n`;
  }
  return sql;
}

await loadParser();
await pg.loadModule();
const context = [
  {
    version: "1",
    versionText: "1",
    name: "setup",
    checksum: "",
    down: undefined,
    up: { kind: "sql", sql: setup(), file: "1_setup.sql", source: setup(), offset: 0 },
  },
];
const sql = workload();
const contextSql = context[0].up.sql;
const statements = pg.parseSync(sql).stmts.length;

const time = (fn) => {
  const t = process.hrtime.bigint();
  const r = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, r };
};
// Warm-up: JIT, WASM tiers.
for (let i = 0; i < 3; i++) {
  pg.parseSync(sql);
  lintScript(sql);
  lintScript(sql, { context });
}
const parse = [];
const parseBoth = [];
const alone = [];
const withContext = [];
let findings = 0;
for (let i = 0; i < rounds; i++) {
  parse.push(time(() => pg.parseSync(sql)).ms);
  parseBoth.push(
    time(() => {
      pg.parseSync(contextSql);
      pg.parseSync(sql);
    }).ms,
  );
  alone.push(time(() => lintScript(sql)).ms);
  const c = time(() => lintScript(sql, { context }));
  withContext.push(c.ms);
  findings = c.r.length;
}
const p = median(parse);
const pb = median(parseBoth);
const a = median(alone);
const w = median(withContext);
const row = (label, ms, floor) =>
  console.log(
    `${label.padEnd(48)}${ms.toFixed(1).padStart(7)} ms${floor ? `  ${ratio(ms, floor)}x` : ""}`,
  );
console.log(
  `bench/lint: a ${statements}-statement migration, ${rounds} rounds, median, Node ${process.versions.node}`,
);
row("parse the file (floor)", p);
row("lint the file alone", a, p);
row("parse a 400-table migration + the file (floor)", pb);
row(`lint the file after it (${findings} findings)`, w, pb);
