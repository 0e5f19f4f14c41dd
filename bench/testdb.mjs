// bench/testdb: time to get a fresh, fully migrated database for one test, in
// a 100-migration project. Baseline (in the same run, same process, parser
// warm): re-running every migration into an empty database, the way a test
// suite without templates would. Server: CREATE DATABASE + pitstop up.
// PGlite: empty a warm instance (drop the schema) + pitstop up.
// "Get" includes connecting and a first query; dropping is timed apart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { directorySource, Migrator, openDriver } from "../dist/index.js";
import { closeTestDatabases, createTestDatabase, startPostgres } from "../dist/testing.js";
import { generateMigrations, median, tempDir } from "./lib.mjs";

const count = Number(process.env.BENCH_MIGRATIONS ?? 100);
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const slowRounds = Number(process.env.BENCH_SLOW_ROUNDS ?? 5);
/** Work a typical test does between getting its database and dropping it. */
const testWorkMs = Number(process.env.BENCH_TEST_MS ?? 50);

const dir = tempDir("pitstop-bench-testdb-");
generateMigrations(dir, count);
const cacheDir = tempDir("pitstop-bench-testdb-cache-");
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const migrate = async (driver) => {
  const result = await new Migrator({ driver, source: directorySource({ dir }) }).up();
  if (result.error) throw result.error;
};
const rows = [];
const row = (label, ms, base, note = "") => rows.push({ label, ms, ratio: base / ms, note });
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

const server = await startPostgres(
  process.env.BENCH_PG_DIR ? { baseDir: process.env.BENCH_PG_DIR } : {},
);
const admin = await openDriver({ url: server.url });
const dbUrl = (name) => server.url.replace(/\/postgres$/, `/${name}`);
try {
  // --- server -------------------------------------------------------------
  let seq = 0;
  const rerun = [];
  for (let i = 0; i < slowRounds + 1; i++) {
    const name = `bench_rerun_${++seq}`;
    const started = now();
    await admin.exec(`CREATE DATABASE ${name}`);
    const driver = await openDriver({ url: dbUrl(name) });
    await migrate(driver);
    await driver.query("SELECT count(*) FROM t1");
    rerun.push(now() - started);
    await driver.close();
    await admin.exec(`DROP DATABASE ${name}`);
  }
  const serverBase = median(rerun.slice(1));
  row("server: re-run migrations (baseline)", serverBase, serverBase);

  const get = async (options, between) => {
    const times = [];
    const drops = [];
    let reused = 0;
    for (let i = 0; i < rounds + 1; i++) {
      const started = now();
      const t = await createTestDatabase({ migrations: dir, url: server.url, ...options });
      await t.db.query("SELECT count(*) FROM t1");
      if (i > 0) times.push(now() - started);
      if (i > 0 && t.reused) reused++;
      await between();
      const dropping = now();
      await t.drop();
      if (i > 0) drops.push(now() - dropping);
    }
    return { ms: median(times), mean: mean(times), drop: median(drops), reused };
  };
  // Builds the template (once), not timed.
  await (await createTestDatabase({ migrations: dir, url: server.url, pool: 0 })).drop();

  for (const strategy of ["WAL_LOG", "FILE_COPY"]) {
    const times = [];
    for (let i = 0; i < rounds; i++) {
      const name = `bench_raw_${++seq}`;
      const started = now();
      await admin.exec(
        `CREATE DATABASE ${name} TEMPLATE (SELECT datname FROM pg_database WHERE datname LIKE 'pitstop_tpl_%' LIMIT 1) STRATEGY ${strategy}`.replace(
          /TEMPLATE \(.*\) /,
          `TEMPLATE ${(await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'pitstop_tpl_%' LIMIT 1")).rows[0].datname} `,
        ),
      );
      times.push(now() - started);
      await admin.exec(`DROP DATABASE ${name}`);
    }
    row(`server: CREATE DATABASE TEMPLATE, ${strategy} (no connect)`, median(times), serverBase);
  }

  const noPool = await get({ pool: 0 }, () => sleep(testWorkMs));
  row(
    "server: template clone (pool 0)",
    noPool.ms,
    serverBase,
    `mean ${noPool.mean.toFixed(0)} ms (${(serverBase / noPool.mean).toFixed(1)}x), drop ${noPool.drop.toFixed(0)} ms`,
  );
  await sleep(500);
  const pooled = await get({ pool: 2 }, () => sleep(testWorkMs));
  row(
    `server: pooled clone, ${testWorkMs} ms test (pool 2)`,
    pooled.ms,
    serverBase,
    `mean ${pooled.mean.toFixed(0)} ms (${(serverBase / pooled.mean).toFixed(1)}x), drop ${pooled.drop.toFixed(0)} ms, ${pooled.reused}/${rounds} from pool`,
  );
  await sleep(500);
  const backToBack = await get({ pool: 2 }, async () => {});
  row(
    "server: pooled clone, back to back (pool 2)",
    backToBack.ms,
    serverBase,
    `mean ${backToBack.mean.toFixed(0)} ms (${(serverBase / backToBack.mean).toFixed(1)}x), drop ${backToBack.drop.toFixed(0)} ms, ${backToBack.reused}/${rounds} from pool`,
  );
  await closeTestDatabases();

  // --- PGlite -------------------------------------------------------------
  const warm = await openDriver({ url: "pglite:memory" });
  const baseTimes = [];
  for (let i = 0; i < slowRounds + 1; i++) {
    const started = now();
    await warm.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await migrate(warm);
    await warm.query("SELECT count(*) FROM t1");
    baseTimes.push(now() - started);
  }
  await warm.close();
  const pgliteBase = median(baseTimes.slice(1));
  row("pglite: re-run migrations (baseline)", pgliteBase, pgliteBase);

  const coldStarted = now();
  const first = await createTestDatabase({ migrations: dir, driver: "pglite", cacheDir });
  const buildMs = now() - coldStarted;
  await first.drop();
  const pgliteGet = async (isolation, n) => {
    const times = [];
    const drops = [];
    for (let i = 0; i < n; i++) {
      const started = now();
      const t = await createTestDatabase({
        migrations: dir,
        driver: "pglite",
        cacheDir,
        isolation,
      });
      await t.db.query("INSERT INTO t1 (name) VALUES ('x')");
      times.push(now() - started);
      const dropping = now();
      await t.drop();
      drops.push(now() - dropping);
    }
    return { ms: median(times), drop: median(drops) };
  };
  const tx = await pgliteGet("transaction", rounds);
  row(
    "pglite: transaction on a warm instance",
    tx.ms,
    pgliteBase,
    `rollback ${tx.drop.toFixed(1)} ms`,
  );
  await closeTestDatabases();
  const own = await pgliteGet("snapshot", slowRounds);
  row(
    "pglite: own instance from the snapshot",
    own.ms,
    pgliteBase,
    "loaded ahead while the test runs",
  );
  await closeTestDatabases();
  const cold = [];
  for (let i = 0; i < slowRounds; i++) {
    const started = now();
    const t = await createTestDatabase({ migrations: dir, driver: "pglite", cacheDir });
    await t.db.query("SELECT count(*) FROM t1");
    cold.push(now() - started);
    await closeTestDatabases();
  }
  // A new worker has no warm instance: without a snapshot of the migrated database it
  // would load the empty base (no initdb) and then re-run the migrations.
  const version = JSON.parse(
    readFileSync(new URL("../node_modules/@electric-sql/pglite/package.json", import.meta.url)),
  ).version;
  const base = new Blob([readFileSync(join(cacheDir, `pglite-${version}-base.tar`))]);
  const baseLoads = [];
  for (let i = 0; i < slowRounds; i++) {
    const started = now();
    const db = await PGlite.create({ loadDataDir: base });
    baseLoads.push(now() - started);
    await db.close();
  }
  const coldBase = median(baseLoads) + pgliteBase;
  row("pglite: new worker, empty base + re-run (baseline)", coldBase, coldBase, "sum of medians");
  row(
    "pglite: new worker, load migrated snapshot",
    median(cold),
    coldBase,
    `snapshot built once in ${buildMs.toFixed(0)} ms`,
  );
} finally {
  await closeTestDatabases();
  await admin.close();
  await server.stop();
}

console.log(
  `bench/testdb: fresh migrated database, ${count} migrations, median of ${rounds} (slow ones ${slowRounds}); PostgreSQL ${server.version} in ${server.dataDir.replace(/\/pitstop-pg-.*$/, "")}`,
);
console.log(`${"".padEnd(52)}get db   ratio (baseline / this)`);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(52)}${r.ms.toFixed(1).padStart(7)} ms  ${r.ratio.toFixed(1).padStart(6)}x  ${r.note}`,
  );
}
