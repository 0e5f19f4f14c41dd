import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { StatusReport } from "pg-pitstop";
import pino from "pino";
import { buildApp } from "./app.js";
import { type Config, ConfigError, describeConfig, loadConfig, usage } from "./config.js";
import { type Database, openDatabase } from "./db.js";
import { createDebugServer, type Readiness } from "./debug.js";
import { createMetrics } from "./metrics.js";
import { migrations } from "./migrations.gen.js";

/**
 * The service: config -> database -> migrations -> API and debug servers ->
 * graceful shutdown on SIGTERM. Logs are JSON lines (pino) on stdout.
 */
async function main(): Promise<void> {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    process.stdout.write(usage());
    return;
  }
  let config: Config;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`products-api: ${error.message}\n`);
    process.exit(2);
  }
  const https =
    config.tlsCert && config.tlsKey
      ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) }
      : undefined;

  const log = pino({ level: config.logLevel, base: { service: "products-api" } });
  log.info({ config: describeConfig(config) }, "starting");

  const db = await openDatabase(config).catch((error: unknown) => {
    log.fatal({ err: error }, "cannot open the database");
    return process.exit(1);
  });
  if (config.migrate) {
    const { migrate } = await import("pg-pitstop");
    // Under pitstop's lock: replicas starting together wait for each other, migrations run once.
    const result = await migrate({ driver: db.driver, migrations });
    for (const r of result.results) {
      if (r.status === "success")
        log.info({ migration: r.id, ms: Math.round(r.durationMs) }, "migration applied");
    }
    if (result.error) {
      log.fatal(
        {
          err: { code: result.error.code, message: result.error.message, hint: result.error.hint },
        },
        `migration failed: ${result.error.message}`,
      );
      await db.close().catch(() => {});
      process.exit(1);
    }
    log.info({ version: result.current ?? null }, "migrations current");
  }

  const metrics = createMetrics(() => db.stats());
  const app = await buildApp({ db: db.db, metrics, logger: log, ...(https ? { https } : {}) });
  const debug = createDebugServer({ registry: metrics.registry, ready: () => readiness(db), log });

  try {
    await app.listen({ host: config.host, port: config.port });
    await new Promise<void>((resolve, reject) => {
      debug.once("error", reject);
      debug.listen(config.debugPort, config.debugHost, resolve);
    });
  } catch (error) {
    log.fatal({ err: error }, "cannot listen");
    await db.close().catch(() => {});
    process.exit(1);
  }
  const apiAddress = app.server.address() as AddressInfo;
  const debugAddress = debug.address() as AddressInfo;
  const url = `${https ? "https" : "http"}://${urlHost(apiAddress.address)}:${apiAddress.port}`;
  log.info(
    {
      url,
      debug: `http://${urlHost(debugAddress.address)}:${debugAddress.port}`,
      database: db.target,
    },
    `serving ${url}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: no new connections, draining requests");
    const timer = setTimeout(() => {
      log.error(
        { timeoutMs: config.shutdownTimeoutMs },
        "shutdown timed out: exiting with requests in flight",
      );
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    try {
      await app.close();
      debug.closeAllConnections();
      await new Promise((resolve) => debug.close(resolve));
      await db.close();
      log.info({}, "stopped");
      process.exitCode = 0;
    } catch (error) {
      log.error({ err: error }, "shutdown failed");
      process.exitCode = 1;
    }
    clearTimeout(timer);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

/** One query: reading the history proves the database answers and says whether migrations are current. */
async function readiness(db: Database): Promise<Readiness> {
  let report: StatusReport;
  try {
    const { status } = await import("pg-pitstop");
    report = await status({ driver: db.driver, migrations });
  } catch (error) {
    return { ok: false, checks: { database: (error as Error).message } };
  }
  const migrationsCheck =
    report.pending > 0
      ? `${report.pending} pending`
      : report.problems.length > 0
        ? report.problems.join("; ")
        : `current (${report.current ?? "none"})`;
  return {
    ok: report.pending === 0 && report.problems.length === 0,
    checks: { database: "ok", migrations: migrationsCheck },
  };
}

function urlHost(address: string): string {
  if (address === "0.0.0.0" || address === "::") return "127.0.0.1";
  return address.includes(":") ? `[${address}]` : address;
}

main().catch((error: unknown) => {
  process.stderr.write(`products-api: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
