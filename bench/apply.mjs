// bench/apply: apply N generated migrations to a fresh database.
// Baseline (the floor): plain psql running the same SQL, each file in
// BEGIN/COMMIT, over one session. Peers, same workload in their own formats:
// dbmate (the dev dependency: npm wrapper + Go binary) and node-pg-migrate
// (installed into a temp folder on first run). All include CREATE DATABASE.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "../dist/testing.js";
import {
  CLI,
  generateMigrations,
  median,
  pgEnv,
  psqlPath,
  ROOT,
  ratio,
  tempDir,
  timeCommand,
} from "./lib.mjs";

const sizes = (process.env.BENCH_SIZES ?? "200,1000").split(",").map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

const NODE_PG_MIGRATE = "9.0.0";
/** node-pg-migrate in a temp folder of its own (installed once, then reused). */
function installNodePgMigrate() {
  const dir = join(tmpdir(), `pitstop-bench-node-pg-migrate-${NODE_PG_MIGRATE}`);
  const bin = join(dir, "node_modules/node-pg-migrate/bin/node-pg-migrate.js");
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
  const r = spawnSync(
    "npm",
    ["install", "--no-audit", "--no-fund", `node-pg-migrate@${NODE_PG_MIGRATE}`, "pg"],
    { cwd: dir, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (r.status !== 0 || !existsSync(bin)) throw new Error("npm install node-pg-migrate failed");
  return bin;
}
const nodePgMigrate = installNodePgMigrate();
const dbmateBin = join(ROOT, "node_modules/dbmate/dist/cli.js");

/** The same migrations in dbmate's and node-pg-migrate's formats. */
function writePeers(files) {
  const dbmateDir = tempDir("pitstop-bench-dbmate-");
  const npmDir = tempDir("pitstop-bench-npm-");
  files.forEach(({ sql }, i) => {
    const v = String(i + 1).padStart(6, "0");
    const drop = `DROP TABLE t${i + 1};\n`;
    writeFileSync(
      join(dbmateDir, `${v}_create_t${i + 1}.sql`),
      `-- migrate:up\n${sql}\n-- migrate:down\n${drop}`,
    );
    writeFileSync(
      join(npmDir, `${v}_create_t${i + 1}.sql`),
      `-- Up Migration\n${sql}\n-- Down Migration\n${drop}`,
    );
  });
  return { dbmateDir, npmDir };
}

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
    const { dbmateDir, npmDir } = writePeers(files);
    const psql = [];
    const pitstop = [];
    const dbmate = [];
    const npm = [];
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
    const runDbmate = () => {
      const db = `bench_dbmate_${++seq}`;
      // dbmate's `up` creates the database itself.
      dbmate.push(
        timeCommand(
          process.execPath,
          [
            dbmateBin,
            "--url",
            `${url(db)}?sslmode=disable`,
            "--migrations-dir",
            dbmateDir,
            "--no-dump-schema",
            "up",
          ],
          { env },
        ),
      );
      settle(db);
    };
    const runNodePgMigrate = () => {
      const db = `bench_npm_${++seq}`;
      npm.push(
        createdb(db) +
          timeCommand(process.execPath, [nodePgMigrate, "up", "-m", npmDir], {
            env: { ...env, DATABASE_URL: url(db) },
          }),
      );
      settle(db);
    };
    const all = [runPsql, runPitstop, runDbmate, runNodePgMigrate];
    // Warm-up (page cache, compile cache), then rotate who goes first.
    for (const run of all) run();
    for (const list of [psql, pitstop, dbmate, npm]) list.length = 0;
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < all.length; k++) all[(r + k) % all.length]();
    }
    rows.push({
      n,
      psql: median(psql),
      pitstop: median(pitstop),
      dbmate: median(dbmate),
      npm: median(npm),
    });
  }
} finally {
  await server.stop();
}

console.log(
  `bench/apply: ${rounds} rounds, median wall time, PostgreSQL ${server.version} (fsync off), CREATE DATABASE included`,
);
console.log(
  "migrations  psql (floor)  pitstop   ratio     dbmate   ratio  node-pg-migrate   ratio",
);
const ms = (v, w) => `${v.toFixed(0).padStart(w)} ms`;
for (const r of rows) {
  console.log(
    `${String(r.n).padStart(10)}  ${ms(r.psql, 9)}  ${ms(r.pitstop, 6)}  ${ratio(r.pitstop, r.psql)}x  ${ms(r.dbmate, 6)}  ${ratio(r.dbmate, r.psql)}x  ${ms(r.npm, 12)}  ${ratio(r.npm, r.psql)}x`,
  );
}
