// bench/expand: `integer` -> `bigint` on a table of BENCH_ROWS rows (default
// 300,000) while a writer updates random rows, one at a time, on its own
// connection. Baseline: the one-statement `ALTER COLUMN ... TYPE` that
// `pitstop diff` writes without --expand. Printed: the writer's longest
// stall (the time its UPDATE waited on the migration's locks) and the
// migration's wall time, each as a ratio against the baseline measured in the
// same run.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { startPostgres } from "../dist/testing.js";
import { CLI, ratio, tempDir } from "./lib.mjs";

const rows = Number(process.env.BENCH_ROWS ?? 300_000);
const server = await startPostgres();

function url(db) {
  const u = new URL(server.url);
  u.pathname = `/${db}`;
  return u.toString();
}

function cli(cwd, env, ...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`pitstop ${args.join(" ")}: ${err}`)),
    );
  });
}

/** Runs `work` while a writer updates random rows; returns its wall time and the writer's longest wait. */
async function underLoad(db, work) {
  const writer = new pg.Client({ connectionString: url(db) });
  await writer.connect();
  let running = true;
  let worst = 0;
  let updates = 0;
  const loop = (async () => {
    while (running) {
      const id = 1 + Math.floor(Math.random() * rows);
      const started = performance.now();
      await writer.query("UPDATE orders SET note = $1 WHERE id = $2", [String(updates), id]);
      worst = Math.max(worst, performance.now() - started);
      updates++;
    }
  })();
  const started = performance.now();
  await work();
  const wall = performance.now() - started;
  running = false;
  await loop;
  await writer.end();
  return { wall, worst, updates };
}

async function project(name) {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const cwd = tempDir(`pitstop-bench-expand-${name}-`);
  mkdirSync(join(cwd, "migrations"));
  writeFileSync(
    join(cwd, "migrations/000001_init.sql"),
    `-- +up\nCREATE TABLE orders (id bigint PRIMARY KEY, qty integer NOT NULL, note text);\nCREATE INDEX orders_qty_idx ON orders (qty);\nINSERT INTO orders SELECT g, g % 1000, '' FROM generate_series(1, ${rows}) g;\nVACUUM ANALYZE orders;\n`,
  );
  writeFileSync(
    join(cwd, "schema.sql"),
    "CREATE TABLE orders (id bigint PRIMARY KEY, qty bigint NOT NULL, note text);\nCREATE INDEX orders_qty_idx ON orders (qty);\n",
  );
  const env = { DATABASE_URL: url(name), PITSTOP_DEV_URL: server.url };
  await cli(cwd, env, "up");
  return { cwd, env };
}

try {
  const one = await project("one_statement");
  await cli(one.cwd, one.env, "diff", "qty_bigint");
  const base = await underLoad("one_statement", () => cli(one.cwd, one.env, "up"));

  const exp = await project("expanded");
  await cli(exp.cwd, exp.env, "diff", "qty_bigint", "--expand");
  const phases = [];
  for (const [phase, version] of [
    ["expand", "000002"],
    ["backfill", "000003"],
    ["switch", "000004"],
    ["contract", "000005"],
  ])
    phases.push([
      phase,
      await underLoad("expanded", () => cli(exp.cwd, exp.env, "up", "--to", version)),
    ]);

  console.log(
    `bench/expand: integer -> bigint on ${rows} rows, a writer updating random rows (PostgreSQL, fsync off)`,
  );
  console.log(
    `  one ALTER TABLE ... TYPE (baseline): ${base.wall.toFixed(0)} ms, writer's longest wait ${base.worst.toFixed(0)} ms, ${base.updates} updates`,
  );
  for (const [phase, r] of phases)
    console.log(
      `  --expand ${phase.padEnd(8)}: ${r.wall.toFixed(0)} ms (x${ratio(r.wall, base.wall)}), writer's longest wait ${r.worst.toFixed(0)} ms (x${ratio(r.worst, base.worst)}), ${r.updates} updates`,
    );
  const worst = Math.max(...phases.map(([, r]) => r.worst));
  const total = phases.reduce((s, [, r]) => s + r.wall, 0);
  console.log(
    `  --expand overall: wall x${ratio(total, base.wall)}, writer's longest wait x${ratio(worst, base.worst)} of the baseline`,
  );
} finally {
  await server.stop();
}
