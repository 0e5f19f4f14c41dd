// bench/apply: apply N generated migrations to a fresh database.
// Baseline (the floor): plain psql running the same SQL, each file in
// BEGIN/COMMIT, over one session. Both include CREATE DATABASE.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startPostgres } from "../dist/testing.js";
import {
  CLI,
  generateMigrations,
  median,
  pgEnv,
  psqlPath,
  ratio,
  tempDir,
  timeCommand,
} from "./lib.mjs";

const sizes = (process.env.BENCH_SIZES ?? "200,1000").split(",").map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

const server = await startPostgres();
const env = pgEnv();
const createdb = (name) =>
  timeCommand(
    join(server.bindir, "createdb"),
    ["-h", server.host, "-p", String(server.port), "-U", "postgres", name],
    { env },
  );
const url = (name) => `postgres://postgres@${server.host}:${server.port}/${name}`;
let seq = 0;
// Drop each database and checkpoint, so every run starts on an equally quiet cluster.
const settle = (name) => {
  timeCommand(
    psqlPath(server.bindir),
    ["-X", "-q", "-d", url("postgres"), "-c", `DROP DATABASE ${name}`, "-c", "CHECKPOINT"],
    { env },
  );
};
const rows = [];
try {
  for (const n of sizes) {
    const dir = tempDir("pitstop-bench-apply-");
    const files = generateMigrations(dir, n);
    const script = join(dir, "all.psql");
    writeFileSync(script, files.map((f) => `BEGIN;\n${f.sql}COMMIT;\n`).join(""));
    const psql = [];
    const pitstop = [];
    const runPsql = () => {
      const db = `bench_psql_${++seq}`;
      psql.push(
        createdb(db) +
          timeCommand(
            psqlPath(server.bindir),
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url(db), "-f", script],
            { env },
          ),
      );
      settle(db);
    };
    const runPitstop = () => {
      const db = `bench_pitstop_${++seq}`;
      pitstop.push(
        createdb(db) +
          timeCommand(process.execPath, [CLI, "--database", url(db), "--dir", dir, "up"], { env }),
      );
      settle(db);
    };
    // Warm-up (page cache, compile cache), then alternate who goes first.
    runPsql();
    runPitstop();
    psql.length = 0;
    pitstop.length = 0;
    for (let r = 0; r < rounds; r++) {
      if (r % 2 === 0) {
        runPsql();
        runPitstop();
      } else {
        runPitstop();
        runPsql();
      }
    }
    rows.push({ n, psql: median(psql), pitstop: median(pitstop) });
  }
} finally {
  await server.stop();
}

console.log(
  `bench/apply: ${rounds} rounds, median wall time, PostgreSQL ${server.version} (fsync off), CREATE DATABASE included`,
);
console.log("migrations  psql (floor)  pitstop   ratio");
for (const r of rows) {
  console.log(
    `${String(r.n).padStart(10)}  ${r.psql.toFixed(0).padStart(9)} ms  ${r.pitstop.toFixed(0).padStart(6)} ms  ${ratio(r.pitstop, r.psql)}x`,
  );
}
