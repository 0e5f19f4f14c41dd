// bench/api: GET /v1/products on the built examples/products-api service
// (dist/server.mjs, on a throwaway PostgreSQL with the migrations and seeds
// applied), against a bare Fastify server answering the very same JSON body
// from memory, measured in the same run: the framework floor. Load: autocannon
// in this process, 10 connections; both servers are child processes.
//
//   BENCH_API_SECONDS=10 (measured run) BENCH_API_ROUNDS=2 (per server)
//
// A middle line separates the database from the service's own work: bare
// Fastify running the service's list query on a pg Pool and sending the rows.
//
// `node bench/api.mjs --baseline <port>` is the baseline server itself (body on stdin);
// `--baseline-db <port> <url>` the one that queries.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import { join } from "node:path";

if (process.argv[2] === "--baseline") {
  await serveBaseline(Number(process.argv[3]));
} else if (process.argv[2] === "--baseline-db") {
  await serveQuery(Number(process.argv[3]), process.argv[4]);
} else {
  await main();
}

/** Bare Fastify, no logger, one route: the body read from stdin, sent as is. */
async function serveBaseline(port) {
  const { default: Fastify } = await import("fastify");
  let body = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) body += chunk;
  const app = Fastify({ logger: false });
  app.get("/v1/products", (_request, reply) => {
    reply.header("content-type", "application/json; charset=utf-8").send(body);
  });
  await app.listen({ host: "127.0.0.1", port });
  process.once("SIGTERM", () => app.close().then(() => process.exit(0)));
}

/** Bare Fastify + pg: the service's list query (default sort, first page), rows sent as JSON. */
async function serveQuery(port, url) {
  const { default: Fastify } = await import("fastify");
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const app = Fastify({ logger: false });
  app.get("/v1/products", async () => {
    const { rows } = await pool.query(
      `SELECT id, name, price::float8 AS price, description, tags, created, updated_by, created::text AS sort_key
         FROM products WHERE ($1::text IS NULL OR tags @> ARRAY[$1::text])
         ORDER BY created ASC, id ASC LIMIT $2`,
      [null, 21],
    );
    return { items: rows.map(({ sort_key: _, ...p }) => p), next_cursor: null };
  });
  await app.listen({ host: "127.0.0.1", port });
  process.once("SIGTERM", () =>
    app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
  );
}

async function main() {
  const { default: autocannon } = await import("autocannon");
  const { openDriver } = await import("../dist/index.js");
  const { startPostgres } = await import("../dist/testing.js");
  const { CLI, ROOT, pgEnv } = await import("./lib.mjs");

  const seconds = Number(process.env.BENCH_API_SECONDS ?? 10);
  const rounds = Number(process.env.BENCH_API_ROUNDS ?? 2);
  const warmupSeconds = 2;
  const connections = 10;
  const serviceDir = join(ROOT, "examples/products-api");
  const serverJs = join(serviceDir, "dist/server.mjs");

  if (!existsSync(serverJs)) {
    const r = spawnSync("npm", ["run", "build", "-w", "products-api"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (r.status !== 0) throw new Error("npm run build -w products-api failed");
  }

  const children = new Set();
  const killAll = () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  process.once("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }

  /** Starts a child, keeps the tail of its output for the error message. */
  const start = (args, options = {}) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "pipe"],
      ...options,
    });
    children.add(child);
    child.output = "";
    const keep = (data) => {
      child.output = (child.output + data).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    return child;
  };
  const stop = async (child) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  /** Polls `url` until it answers 200; fails early if the child exits. */
  const waitFor = async (child, url, name) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${name} exited (${child.exitCode}) before serving:\n${child.output}`);
      try {
        const res = await fetch(url);
        if (res.status === 200) return await res.text();
      } catch {}
      if (Date.now() > deadline)
        throw new Error(`${name} not serving ${url} after 30 s:\n${child.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const freePort = () =>
    new Promise((resolve, reject) => {
      const s = net.createServer();
      s.once("error", reject);
      s.listen(0, "127.0.0.1", () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
    });
  /** autocannon's own percentiles are whole milliseconds: keep every response's time instead. */
  const load = (url, duration) =>
    new Promise((resolve, reject) => {
      const times = [];
      const instance = autocannon({ url, connections, duration }, (err, result) =>
        err ? reject(err) : resolve({ result, times }),
      );
      instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
    });
  const percentile = (sorted, p) =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
  const measure = async (url) => {
    const { result: r, times } = await load(url, seconds);
    if (r.errors || r.timeouts || r.non2xx)
      throw new Error(
        `${url}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx responses`,
      );
    const sorted = Float64Array.from(times).sort();
    return { rps: r.requests.average, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  };

  const server = await startPostgres();
  let service;
  let baseline;
  let queryBase;
  let results;
  let products;
  try {
    const admin = await openDriver({ url: server.url });
    await admin.exec("CREATE DATABASE bench_api");
    await admin.close();
    const dbUrl = server.url.replace(/\/postgres$/, "/bench_api");
    const migrations = join(serviceDir, "migrations");
    for (const args of [["up"], ["seed", "--seeds", join(serviceDir, "seeds")]]) {
      const r = spawnSync(
        process.execPath,
        [CLI, "--database", dbUrl, "--dir", migrations, "--no-color", ...args],
        { cwd: ROOT, env: pgEnv(), encoding: "utf8" },
      );
      if (r.status !== 0) throw new Error(`pitstop ${args[0]} failed:\n${r.stdout}${r.stderr}`);
    }

    const [apiPort, debugPort, basePort, queryPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const env = { ...pgEnv(), LOG_LEVEL: "warn" };
    for (const key of Object.keys(env)) if (key.startsWith("API_")) delete env[key];
    service = start(
      [
        serverJs,
        "--db-url",
        dbUrl,
        "--db-disable-tls",
        "--addr",
        `127.0.0.1:${apiPort}`,
        "--debug-addr",
        `127.0.0.1:${debugPort}`,
      ],
      { cwd: serviceDir, env },
    );
    service.stdin.end();
    const serviceUrl = `http://127.0.0.1:${apiPort}/v1/products`;
    const body = await waitFor(service, serviceUrl, "products-api");
    products = JSON.parse(body).items?.length;
    if (products !== 3) throw new Error(`expected the 3 seeded products, got:\n${body}`);

    baseline = start([new URL(import.meta.url).pathname, "--baseline", String(basePort)]);
    baseline.stdin.end(body);
    const baselineUrl = `http://127.0.0.1:${basePort}/v1/products`;
    const same = await waitFor(baseline, baselineUrl, "baseline");
    if (same !== body) throw new Error("the baseline does not serve the service's body");

    queryBase = start(
      [new URL(import.meta.url).pathname, "--baseline-db", String(queryPort), dbUrl],
      {
        env: pgEnv(),
      },
    );
    queryBase.stdin.end();
    const queryUrl = `http://127.0.0.1:${queryPort}/v1/products`;
    const queried = JSON.parse(await waitFor(queryBase, queryUrl, "Fastify + pg"));
    if (queried.items?.length !== 3) throw new Error("Fastify + pg does not serve the 3 products");

    const urls = { baseline: baselineUrl, query: queryUrl, service: serviceUrl };
    for (const url of Object.values(urls)) await load(url, warmupSeconds);
    const runs = { baseline: [], query: [], service: [] };
    const names = Object.keys(urls);
    for (let i = 0; i < rounds; i++) {
      // Who goes first rotates.
      const order = [...names.slice(i % 3), ...names.slice(0, i % 3)];
      for (const name of order) runs[name].push(await measure(urls[name]));
    }
    const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
    results = {
      baseline: best(runs.baseline),
      query: best(runs.query),
      service: best(runs.service),
      runs,
    };
  } finally {
    for (const child of [service, baseline, queryBase]) if (child) await stop(child);
    await server.stop();
  }

  const { baseline: b, query: q, service: s } = results;
  console.log(
    `bench/api: GET /v1/products (${products} products), autocannon ${connections} connections, ${warmupSeconds} s warm-up, best of ${rounds} x ${seconds} s each; ${os.availableParallelism()} cores, Node ${process.versions.node}, PostgreSQL ${server.version}`,
  );
  console.log(`${"".padEnd(34)}   req/s   p50 ms   p99 ms  req/s ratio  p99 ratio`);
  const line = (label, r, rpsRatio, p99Ratio) =>
    console.log(
      `${label.padEnd(34)}${r.rps.toFixed(0).padStart(8)}${r.p50.toFixed(2).padStart(9)}${r.p99.toFixed(2).padStart(9)}${rpsRatio.padStart(13)}${p99Ratio.padStart(11)}`,
    );
  line("bare Fastify from memory (floor)", b, "1.00x", "1.00x");
  line(
    "bare Fastify + pg, same query",
    q,
    `${(q.rps / b.rps).toFixed(2)}x`,
    `${(q.p99 / b.p99).toFixed(2)}x`,
  );
  line(
    "products-api (PostgreSQL)",
    s,
    `${(s.rps / b.rps).toFixed(2)}x`,
    `${(s.p99 / b.p99).toFixed(2)}x`,
  );
  const all = (list) => list.map((r) => r.rps.toFixed(0)).join(", ");
  console.log(
    `every round, req/s: floor ${all(results.runs.baseline)}; Fastify + pg ${all(results.runs.query)}; service ${all(results.runs.service)}`,
  );
  console.log(
    `products-api against Fastify + pg (the service's own work): ${(s.rps / q.rps).toFixed(2)}x req/s, ${(s.p99 / q.p99).toFixed(2)}x p99`,
  );
}
