import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { RunEvent, StatusReport } from "pg-pitstop";
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
  // The debug port first: while start-up migrations run (or wait for a lock) /healthz answers
  // 200 and /readyz 503 saying which migration runs or waits.
  const metrics = createMetrics(() => db.stats());
  let startup: string | undefined = config.migrate ? "starting" : undefined;
  const debug = createDebugServer({
    registry: metrics.registry,
    ready: async () =>
      startup === undefined ? readiness(db) : { ok: false, checks: { migrations: startup } },
    log,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      debug.once("error", reject);
      debug.listen(config.debugPort, config.debugHost, resolve);
    });
  } catch (error) {
    cannotListen(log, error, "API_DEBUG_ADDR", config.debugHost, config.debugPort);
    await db.close().catch(() => {});
    process.exit(1);
  }
  const debugAddress = debug.address() as AddressInfo;
  const debugUrl = `http://${urlHost(debugAddress.address)}:${debugAddress.port}`;
  log.info({ debug: debugUrl }, `debug server on ${debugUrl}`);

  if (config.migrate) {
    const { migrate } = await import("pg-pitstop");
    // Under pitstop's lock: replicas starting together wait for each other, migrations run once.
    const result = await migrate({
      driver: db.driver,
      migrations,
      onEvent: (event) => {
        const said = startupEvent(event);
        if (said === undefined) return;
        startup = said.state;
        if (said.log) log[said.level]({ ...said.fields }, said.state);
      },
    });
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
      debug.closeAllConnections();
      debug.close();
      await db.close().catch(() => {});
      process.exit(1);
    }
    log.info({ version: result.current ?? null }, "migrations current");
    startup = undefined;
  }

  const app = await buildApp({ db: db.db, metrics, logger: log, ...(https ? { https } : {}) });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    cannotListen(log, error, "API_ADDR", config.host, config.port);
    await db.close().catch(() => {});
    process.exit(1);
  }
  const apiAddress = app.server.address() as AddressInfo;
  const url = `${https ? "https" : "http"}://${urlHost(apiAddress.address)}:${apiAddress.port}`;
  log.info(
    {
      url,
      debug: debugUrl,
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

/** A port taken or refused: the fatal line names the setting to change. */
function cannotListen(
  log: pino.Logger,
  error: unknown,
  variable: "API_ADDR" | "API_DEBUG_ADDR",
  host: string,
  port: number,
): void {
  const code = (error as { code?: string }).code;
  const at = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  const why =
    code === "EADDRINUSE"
      ? "the address is in use (another process listens there)"
      : code === "EACCES"
        ? "permission denied (ports below 1024 need privileges)"
        : (error as Error).message;
  log.fatal(
    { err: { code, message: (error as Error).message }, [variable]: at },
    `cannot listen on ${at}: ${why}; set ${variable} (or --${variable === "API_ADDR" ? "addr" : "debug-addr"}) to a free address`,
  );
}

/** What a migration event means for /readyz, and whether it is worth a log line. */
function startupEvent(
  event: RunEvent,
): { state: string; log: boolean; level: "info" | "warn"; fields: object } | undefined {
  switch (event.type) {
    case "lock-wait": {
      const h = event.holder;
      const by = h
        ? ` held by pid ${h.pid}${h.applicationName ? ` (${h.applicationName})` : ""}`
        : "";
      return {
        state: `waiting for the migration lock${by}`,
        log: true,
        level: "warn",
        fields: { holder: h ?? null },
      };
    }
    case "migration-start":
      return {
        state: `running ${migrationId(event.migration)}`,
        log: true,
        level: "info",
        fields: { migration: migrationId(event.migration) },
      };
    case "retry":
      return {
        state: `${migrationId(event.migration)} waits: ${event.reason}; retry ${event.attempt} in ${event.waitMs} ms`,
        log: true,
        level: "warn",
        fields: {
          migration: migrationId(event.migration),
          attempt: event.attempt,
          waitMs: event.waitMs,
          reason: event.reason,
        },
      };
    case "migration-done":
      return {
        state: `${migrationId(event.migration)} applied`,
        log: false,
        level: "info",
        fields: {},
      };
    default:
      return undefined;
  }
}

/** `000005_add_updated_by_to_products`, as the "migration applied" lines name it. */
const migrationId = (m: { versionText: string; name: string }) => `${m.versionText}_${m.name}`;

function urlHost(address: string): string {
  if (address === "0.0.0.0" || address === "::") return "127.0.0.1";
  return address.includes(":") ? `[${address}]` : address;
}

main().catch((error: unknown) => {
  process.stderr.write(`products-api: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
