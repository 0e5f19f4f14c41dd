// Dumps the inspect model (JSON) of every schema the inspect, diff and dump
// tests use, on PGlite and on a throwaway PostgreSQL server, one file per
// schema and driver: run it on two versions of the code and compare the two
// folders byte for byte (`diff -r` / `cmp`) to prove a change to src/inspect
// left every model the same.
//
//   node scripts/inspect-models.mjs --out /tmp/models-after
//   node scripts/inspect-models.mjs --out /tmp/models-before --src /path/to/old/checkout
//   diff -r /tmp/models-before /tmp/models-after && echo same
//
// Options: --src DIR (a checkout whose src/ is bundled; default this one),
// --drivers pglite,pg (default both), --only SUBSTRING (schemas whose name
// contains it). Schemas: test/fixtures/{diff,online,expand}/*/{from,to}.sql,
// the diagram and studio fixtures, test/fixtures/large/*.sql and generated
// workloads (bench/diff's 58 tables, with and without its changes; 208
// tables). Each is loaded the way `pitstop diff` loads a schema file, then
// inspected with default options and with a filter and a history table; a
// schema that fails to load is written as its error, so both sides still
// compare.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { importSrcBundle } from "../bench/lib.mjs";
import { BENCH_CHANGES, benchSchema } from "../bench/workload.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function arg(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const out = arg("out");
if (!out) {
  console.error(
    "usage: node scripts/inspect-models.mjs --out DIR [--src DIR] [--drivers pglite,pg]",
  );
  process.exit(2);
}
const src = path.resolve(arg("src", ROOT));
const drivers = arg("drivers", "pglite,pg").split(",");
const only = arg("only", "");

/** What the script needs from src/, bundled from the checkout being measured. */
const ENTRY = `
export { openScratch, resetDatabase } from "./src/declarative/scratch.ts";
export { loadSchema, extensionsCreated, rolesNamed } from "./src/declarative/load.ts";
export { splitSql } from "./src/sql/split.ts";
export { loadParser } from "./src/sql/parser.ts";
export { inspect } from "./src/inspect/inspect.ts";
export { createPgDriver } from "./src/driver/pg.ts";
export { startPostgres } from "./src/testing/pg-server.ts";
`;

/** Every schema to dump: [name, sql]. */
function schemas() {
  const list = [];
  const fixtures = path.join(ROOT, "test/fixtures");
  for (const corpus of ["diff", "online", "expand"]) {
    for (const c of readdirSync(path.join(fixtures, corpus)).sort()) {
      for (const f of ["from.sql", "to.sql"]) {
        const file = path.join(fixtures, corpus, c, f);
        if (existsSync(file)) list.push([`${corpus}-${c}-${f}`, readFileSync(file, "utf8")]);
      }
    }
  }
  list.push(["diagram", readFileSync(path.join(fixtures, "diagram/schema.sql"), "utf8")]);
  const studio = path.join(fixtures, "studio/migrations");
  const ups = readdirSync(studio)
    .sort()
    .map((f) => readFileSync(path.join(studio, f), "utf8").split(/^-- \+down/m)[0]);
  list.push(["studio", ups.join("\n")]);
  for (const f of readdirSync(path.join(fixtures, "large")).sort())
    if (f.endsWith(".sql"))
      list.push([`large-${f}`, readFileSync(path.join(fixtures, "large", f), "utf8")]);
  const small = benchSchema(5).sql;
  list.push(["generated-58", small], ["generated-58-changed", small + BENCH_CHANGES]);
  list.push(["generated-208", benchSchema(20).sql]);
  return list.filter(([name]) => name.includes(only));
}

/** Inspect options besides the default: a filter and a history table. */
const VARIANTS = {
  default: {},
  filtered: {
    exclude: ["mod2", "public.orders*", "sales.*"],
    history: { schema: "public", table: "users" },
  },
};

async function dumpAll(lib, driverName, db, list) {
  const dir = path.join(out, driverName);
  mkdirSync(dir, { recursive: true });
  let failed = 0;
  for (const [name, sql] of list) {
    await lib.resetDatabase(db);
    let text;
    try {
      await lib.loadSchema(db, [
        { file: name, text: sql, split: lib.splitSql(sql, { file: name }) },
      ]);
      const models = {};
      for (const [variant, options] of Object.entries(VARIANTS))
        models[variant] = await lib.inspect(db, options);
      text = JSON.stringify(models, null, 1);
    } catch (error) {
      failed++;
      text = JSON.stringify({ error: String(error.message).split("\n")[0] });
    }
    writeFileSync(path.join(dir, `${name}.json`), `${text}\n`);
  }
  console.log(`${driverName}: ${list.length} schemas (${failed} did not load) -> ${dir}`);
}

const lib = await importSrcBundle(src, ENTRY, "models");
await lib.loadParser();
const list = schemas();
const splits = list.map(([name, sql]) => lib.splitSql(sql, { file: name }));
const extensions = lib.extensionsCreated(splits);
const roles = lib.rolesNamed(splits);

if (drivers.includes("pglite")) {
  const scratch = await lib.openScratch({
    cacheDir: path.join(ROOT, ".pitstop/cache"),
    extensions,
    roles,
  });
  try {
    await dumpAll(lib, "pglite", scratch.driver, list);
  } finally {
    await scratch.close();
  }
}
if (drivers.includes("pg")) {
  const server = await lib.startPostgres();
  const db = await lib.createPgDriver({ url: server.url });
  try {
    for (const role of roles)
      await db.exec(`CREATE ROLE "${role.replaceAll('"', '""')}" NOLOGIN`).catch(() => {});
    await dumpAll(lib, `pg${server.version.split(".")[0]}`, db, list);
  } finally {
    await db.close();
    await server.stop();
  }
}
