// bench/lint: lint one 2,000-statement migration, against parsing it alone
// (libpg_query's parseSync, the floor: every lint starts with a parse).
import * as pg from "libpg-query";
import { lintScript, loadParser } from "../dist/index.js";
import { median, ratio } from "./lib.mjs";

const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const TABLES = 400;

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
