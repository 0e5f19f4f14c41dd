import { PitstopError } from "../core/errors.js";
import { nodeCrypto } from "../core/node-crypto.js";
import type { Session } from "../driver/driver.js";
import type { HistoryTable } from "./history.js";

export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;
/** The longest pause between two tries for a lock someone else holds. */
const MAX_POLL_MS = 250;

/**
 * The advisory lock key of a history table: the first 8 bytes of a sha256,
 * as a signed bigint, so different history tables never share a lock.
 */
export function lockKey(h: HistoryTable): string {
  const digest = nodeCrypto()
    .createHash("sha256")
    .update(`pitstop:${h.schema}.${h.table}`)
    .digest();
  return digest.readBigInt64BE(0).toString();
}

export interface LockHolder {
  pid: number;
  applicationName: string | null;
  clientAddr: string | null;
  since: Date | null;
  /** A lease (the table locker): when it runs out unless its holder renews it. */
  expiresAt?: Date | null;
}

export interface AcquireOptions {
  timeoutMs?: number;
  /** Called once when the lock is taken by someone else and we start waiting. */
  onWait?: (holder: LockHolder | undefined) => void;
}

/**
 * Takes the session-level advisory lock that serializes every mutating
 * pitstop command on a database. One round trip when the lock is free.
 */
export async function acquireLock(
  session: Session,
  key: string,
  options: AcquireOptions = {},
): Promise<void> {
  const { rows } = await session.query<{ ok: boolean }>(
    "SELECT pg_try_advisory_lock($1::bigint) AS ok",
    [key],
  );
  if (rows[0]!.ok) return;
  const holder = await lockHolder(session, key);
  options.onWait?.(holder);
  await pollLock(
    async () =>
      (await session.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [key]))
        .rows[0]!.ok,
    holder,
    options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
  );
}

/**
 * Tries `tryLock` with backoff (20 ms doubling to 250 ms) until it answers
 * true, or throws LOCK_TIMEOUT naming the holder after `timeoutMs`.
 */
export async function pollLock(
  tryLock: () => Promise<boolean>,
  holder: LockHolder | undefined,
  timeoutMs: number,
): Promise<void> {
  // Polled rather than a blocking pg_advisory_lock(): a waiting statement is a
  // running transaction, and CREATE INDEX CONCURRENTLY in the holder's
  // migration waits for every running transaction to end, so the two would
  // deadlock. A try takes microseconds: the index build hardly notices it.
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new PitstopError(
        "LOCK_TIMEOUT",
        `gave up after ${formatMs(timeoutMs)} waiting for the migration lock held by ${describeHolder(holder)}`,
        {
          hint: "Another pitstop run (or an app migrating on start-up) is working on this database. Wait for it, raise --lock-timeout, or find the holder in pg_stat_activity.",
        },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
    delay = Math.min(delay * 2, MAX_POLL_MS);
    if (await tryLock()) return;
  }
}

/** `pid 4242 (pitstop)`, or "another session" when unknown. */
export function describeHolder(holder: LockHolder | undefined): string {
  return holder
    ? `pid ${holder.pid}${holder.applicationName ? ` (${holder.applicationName})` : ""}`
    : "another session";
}

export async function releaseLock(session: Session, key: string): Promise<void> {
  await session.query("SELECT pg_advisory_unlock($1::bigint)", [key]);
}

/** Who holds the lock now (undefined when it was released meanwhile or is not visible). */
export async function lockHolder(
  session: Queryable2,
  key: string,
): Promise<LockHolder | undefined> {
  const k = BigInt(key);
  const classid = Number((k >> 32n) & 0xffffffffn);
  const objid = Number(k & 0xffffffffn);
  const { rows } = await session.query<{
    pid: number;
    application_name: string | null;
    client_addr: string | null;
    backend_start: Date | null;
  }>(
    `SELECT l.pid, a.application_name, a.client_addr::text AS client_addr, a.backend_start
       FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = $1 AND l.objid::bigint = $2 AND l.objsubid = 1
      LIMIT 1`,
    [classid, objid],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    pid: r.pid,
    applicationName: r.application_name || null,
    clientAddr: r.client_addr,
    since: r.backend_start,
  };
}

type Queryable2 = Pick<Session, "query">;

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)} s`;
  return `${+(ms / 60_000).toFixed(1)} min`;
}
