import type { PitstopError } from "../core/errors.js";
import { locateDatabase, maskUrl, openDriver, passwordsIn } from "../driver/connect.js";
import type { Driver } from "../driver/driver.js";
import { DEFAULT_HISTORY, type HistoryTable } from "../store/history.js";
import { quoteIdent } from "../store/sql-text.js";
import type { FleetError } from "./report.js";
import { type FleetTarget, serverOf } from "./targets.js";

export const DEFAULT_FLEET_APPLICATION_NAME = "pitstop-fleet";
/** Retries of a target whose connection failed for a reason that may pass. */
export const DEFAULT_CONNECT_RETRIES = 2;
/** First wait before such a retry; doubled each time, with jitter. */
export const DEFAULT_CONNECT_RETRY_DELAY_MS = 500;

export interface TargetConnectOptions {
  readonly applicationName?: string;
  readonly connectTimeoutMs?: number;
}

/**
 * A target's driver: one connection. A tenant's `search_path` is not set
 * here but by its Migrator (`targetSearchPath`): a session `SET` would not
 * stick behind a transaction pooler, and would stay on the pooled connection.
 */
export async function openTarget(target: FleetTarget, o: TargetConnectOptions): Promise<Driver> {
  // A new PGlite data dir starts as a copy of the machine's pristine one, not an initdb.
  const pglite = locateDatabase({ url: target.url }).kind === "pglite";
  const templateCache = pglite
    ? (await import("../driver/pglite-template.js")).defaultCacheDir()
    : undefined;
  const driver = await openDriver({
    url: target.url,
    ...(templateCache ? { templateCache } : {}),
    applicationName: o.applicationName ?? DEFAULT_FLEET_APPLICATION_NAME,
    ...(o.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: o.connectTimeoutMs }),
    // PGlite targets: a data dir is one process's at a time; do not wait long.
    lockTimeoutMs: 5_000,
  });
  return driver;
}

/** The search_path a tenant's migrations run with: its schema only (undefined: not a tenant). */
export function targetSearchPath(target: FleetTarget): string | undefined {
  return target.schema === undefined ? undefined : quoteIdent(target.schema);
}

/** A target's history table: in its own schema for a tenant. */
export function targetHistory(target: FleetTarget, history?: Partial<HistoryTable>): HistoryTable {
  return {
    ...DEFAULT_HISTORY,
    ...history,
    ...(target.schema === undefined ? {} : { schema: target.schema }),
  };
}

/** How a target is shown: its masked URL, and the schema for a tenant. */
export function describeTarget(target: FleetTarget): { target: string; server: string } {
  return {
    target: `${maskUrl(target.url)}${target.schema === undefined ? "" : ` schema ${target.schema}`}`,
    server: serverOf(target.url),
  };
}

/**
 * Connection failures worth another try: refused, reset, timed out, too many
 * connections, server starting. Not: bad password, no such database or host.
 */
export function isRetryable(error: PitstopError): boolean {
  if (error.code !== "CONNECTION") return false;
  const cause = (error.cause as { code?: unknown } | undefined)?.code;
  return !["28P01", "28000", "3D000", "ENOTFOUND", "42501"].includes(String(cause));
}

/** The report's form of an error, with every password of the target's URL masked. */
export function toFleetError(
  error: PitstopError,
  target: FleetTarget,
  migration?: string,
): FleetError {
  const secrets = passwordsIn(target.url);
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join("****"), text);
  return {
    code: error.code,
    message: scrub(error.message),
    ...(error.hint ? { hint: scrub(error.hint) } : {}),
    ...(migration ? { migration } : {}),
  };
}

/** Backoff before retry `attempt` (1-based): delay, 2x delay... with +-25% jitter. */
export function retryWait(attempt: number, delayMs: number): number {
  const base = delayMs * 2 ** (attempt - 1);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
