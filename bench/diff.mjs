// bench/diff: `pitstop diff` on a 1,000-table schema.
// Workload: a migrations folder that builds a generated schema of 1,000+
// tables (one migration per module), and a desired schema.sql that is the
// same schema plus a handful of changes (new columns, tables, indexes, a
// changed view). Baseline (the floor): a Node process that opens PGlite the
// way pitstop does (a copy of an initialized data dir) and loads the two
// inputs, one after the other, into it; no parsing, inspecting or diffing.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateSchema } from "../test/fixtures/large/generate.mjs";
import { CLI, median, pgEnv, ROOT, ratio, tempDir, timeCommand } from "./lib.mjs";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const modules = Number(process.env.BENCH_MODULES ?? 50);

const { sql, tables } = generateSchema({
  name: "bench",
  modules,
  perModule: 20,
  seed: 5,
  nouns: ["mod"],
  partitionEvery: 10,
});

// The migrations: the header objects, then one file per module.
const dir = tempDir("pitstop-bench-diff-");
mkdirSync(join(dir, "migrations"));
const parts = sql.split(/\n(?=CREATE SCHEMA )/);
parts.forEach((part, i) => {
  writeFileSync(
    join(dir, "migrations", `${String(i + 1).padStart(6, "0")}_part_${i + 1}.sql`),
    `-- +up\n${part}\n`,
  );
});
const changes = `
ALTER TABLE mod.mod_a ADD COLUMN archived_at timestamptz;
ALTER TABLE mod2.mod_b ADD COLUMN note text NOT NULL DEFAULT '';
CREATE TABLE mod3.extra (id bigint PRIMARY KEY, mod_a_id bigint REFERENCES mod3.mod_a (id));
CREATE INDEX ON mod4.mod_c (created_at);
CREATE OR REPLACE VIEW mod5.activity AS
SELECT tenant_id, count(*) AS rows_total, max(updated_at) AS last_change, min(created_at) AS first_change FROM mod5.mod_a GROUP BY tenant_id;
DROP TRIGGER touch ON mod6.mod_a;
`;
writeFileSync(join(dir, "schema.sql"), sql + changes);
const inputs = [
  ...readdirSync(join(dir, "migrations"))
    .sort()
    .map((f) => join(dir, "migrations", f)),
];

// pitstop's scratch cache, initialized once (initdb) and shared by both sides.
const env = pgEnv();
const pgliteDir = join(ROOT, "node_modules/@electric-sql/pglite");
const { version } = JSON.parse(readFileSync(join(pgliteDir, "package.json"), "utf8"));
const template = join(dir, ".pitstop/cache", `pglite-${version}`);
timeCommand(
  process.execPath,
  [CLI, "schema", "dump", "--from", "migrations", "--dir", join(dir, "empty")],
  {
    cwd: dir,
    env,
  },
);

const floorScript = join(dir, "floor.mjs");
writeFileSync(
  floorScript,
  `import { cpSync, readFileSync, rmSync } from "node:fs";
import { PGlite } from ${JSON.stringify(pathToFileURL(join(pgliteDir, "dist/index.js")).href)};
const [template, target, schema, ...migrations] = process.argv.slice(2);
// One fresh copy per input, as pitstop's scratch database starts from one.
cpSync(template, target, { recursive: true });
let db = await PGlite.create(target);
for (const file of migrations) await db.exec(readFileSync(file, "utf8").replace("-- +up\\n", ""));
await db.close();
rmSync(target, { recursive: true, force: true });
cpSync(template, target, { recursive: true });
db = await PGlite.create(target);
await db.exec(readFileSync(schema, "utf8"));
await db.close();
rmSync(target, { recursive: true, force: true });
`,
);

const floor = [];
const pitstop = [];
let planned = "";
const runFloor = () =>
  floor.push(
    timeCommand(
      process.execPath,
      [floorScript, template, join(dir, "floor-db"), join(dir, "schema.sql"), ...inputs],
      {
        env,
      },
    ),
  );
const runPitstop = () => {
  rmSync(join(dir, "out"), { recursive: true, force: true });
  cpSync(join(dir, "migrations"), join(dir, "out"), { recursive: true });
  pitstop.push(
    timeCommand(
      process.execPath,
      [CLI, "diff", "changes", "--dir", "out", "--file", "schema.sql"],
      { cwd: dir, env },
    ),
  );
  const file = readdirSync(join(dir, "out")).find((f) => f.includes("changes"));
  if (file === undefined) throw new Error("pitstop diff wrote no migration");
  const up = readFileSync(join(dir, "out", file), "utf8").split("-- +down")[0];
  planned = `${file}, ${up.split(";\n").length - 1} statements up`;
};
// Warm-up (page cache, code cache), then alternate who goes first.
runFloor();
runPitstop();
floor.length = 0;
pitstop.length = 0;
for (let r = 0; r < rounds; r++) {
  if (r % 2 === 0) {
    runFloor();
    runPitstop();
  } else {
    runPitstop();
    runFloor();
  }
}
rmSync(dir, { recursive: true, force: true });

console.log(
  `bench/diff: ${rounds} rounds, median wall time, ${tables} tables in ${inputs.length} migrations, PGlite ${version}`,
);
console.log(`  floor (PGlite loads both inputs): ${median(floor).toFixed(0)} ms`);
console.log(
  `  pitstop diff:                     ${median(pitstop).toFixed(0)} ms (wrote ${planned || "nothing"})`,
);
console.log(`  ratio:                            ${ratio(median(pitstop), median(floor))}x`);
