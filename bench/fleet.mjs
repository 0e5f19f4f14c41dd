// bench/fleet: 200 tenant databases x 20 migrations.
// Baseline: what teams do without a fleet command, a shell-style loop running
// `pitstop up` once per database, one after the other. Against it:
// `pitstop fleet up --concurrency 8` (and 1, to separate the saving of one
// process from the gain of running targets side by side). Each contender gets
// its own freshly created databases (CREATE DATABASE ... TEMPLATE, not timed).
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { startPostgres } from "../dist/testing.js";
import { CLI, generateMigrations, nodeVersion, pgEnv, psqlPath, ratio, tempDir } from "./lib.mjs";

const tenants = Number(process.env.BENCH_TENANTS ?? 200);
const migrations = Number(process.env.BENCH_MIGRATIONS ?? 20);
const concurrencies = (process.env.BENCH_FLEET_CONCURRENCY ?? "1,8").split(",").map(Number);

const server = await startPostgres({ settings: { max_connections: "100" } });
const env = pgEnv();
const url = (db) => `postgres://postgres@${server.host}:${server.port}/${db}`;
const psql = (sql) =>
  execFileSync(psqlPath(server.bindir), ["-X", "-q", "-d", url("postgres"), "-c", sql], { env });

const dir = tempDir("pitstop-bench-fleet-");
const migrationsDir = join(dir, "migrations");
execFileSync("mkdir", ["-p", migrationsDir]);
generateMigrations(migrationsDir, migrations);
psql("CREATE DATABASE bench_tpl");

/** `count` new databases named <prefix>_<n>, from the empty template. */
function createTenants(prefix) {
  const names = Array.from(
    { length: tenants },
    (_, i) => `${prefix}_${String(i).padStart(4, "0")}`,
  );
  const sql = names.map((n) => `CREATE DATABASE ${n} TEMPLATE bench_tpl;`).join("\n");
  const file = join(dir, `${prefix}.sql`);
  writeFileSync(file, sql);
  execFileSync(psqlPath(server.bindir), ["-X", "-q", "-d", url("postgres"), "-f", file], { env });
  psql("CHECKPOINT");
  return names;
}

/** Wall time and the child's CPU time (user + sys, from bash's `times`) of a command. */
function measure(script) {
  const started = process.hrtime.bigint();
  const r = spawnSync("bash", ["-c", `${script}\ntimes`], { env, encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  // The second line of `times` is the children's "user sys", e.g. "0m1.234s 0m0.321s".
  const children = r.stdout.trim().split("\n").at(-1).split(/\s+/);
  const seconds = (t) => {
    const m = /(\d+)m([\d.]+)s/.exec(t);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  return { wallMs, cpuMs: (seconds(children[0]) + seconds(children[1])) * 1000 };
}

const results = [];
try {
  // The baseline: a loop of `pitstop up`, one process a database.
  const loopDbs = createTenants("loop");
  const loopScript = [
    `for db in ${loopDbs.join(" ")}; do`,
    `  "${process.execPath}" "${CLI}" --database "${url("")}$db" --dir "${migrationsDir}" up --lint off > /dev/null || exit 1`,
    "done",
  ].join("\n");
  results.push({ name: "loop of `pitstop up` (baseline)", ...measure(loopScript) });

  for (const c of concurrencies) {
    const dbs = createTenants(`fleet${c}`);
    const targets = join(dir, `targets-${c}.txt`);
    writeFileSync(targets, `${dbs.map((db) => `${db}=${url(db)}`).join("\n")}\n`);
    const script = `"${process.execPath}" "${CLI}" --dir "${migrationsDir}" fleet up --targets "${targets}" --concurrency ${c} --lint off > /dev/null`;
    results.push({ name: `pitstop fleet up --concurrency ${c}`, ...measure(script) });
  }
} finally {
  await server.stop();
}

const base = results[0];
console.log(
  `bench/fleet: ${tenants} databases x ${migrations} migrations, PostgreSQL ${server.version} (fsync off), ${cpus().length} cores, Node ${nodeVersion()}`,
);
console.log("                                         wall   speed-up   pitstop CPU");
for (const r of results) {
  console.log(
    `${r.name.padEnd(36)} ${(r.wallMs / 1000).toFixed(2).padStart(7)} s   ${ratio(base.wallMs, r.wallMs).padStart(6)}x   ${(r.cpuMs / 1000).toFixed(2).padStart(7)} s`,
  );
}
