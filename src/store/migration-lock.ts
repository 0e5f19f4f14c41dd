import type { Driver, Session } from "../driver/driver.js";
import type { HistoryTable } from "./history.js";
import { type AcquireOptions, DEFAULT_LOCK_TIMEOUT_MS, lockKey } from "./lock.js";
import {
  advisoryLocker,
  type Locker,
  type LockerInfo,
  type LockerKind,
  type LockerSetting,
  type PoolerInfo,
} from "./locker.js";
import { TableLocker } from "./table-lock.js";

export interface MigrationLockOptions {
  /** The history table whose lock this is (the advisory key, the lease table beside it). */
  readonly history: HistoryTable;
  /** `auto` (default): advisory on a direct connection, the lease table behind a pooler. */
  readonly locker?: LockerSetting;
  /** Table locker: how long a lease lasts without a heartbeat (default 30 s). */
  readonly leaseMs?: number;
  /** Opens the table locker's heartbeat connection (see `TableLockerOptions.fork`). */
  readonly fork?: () => Promise<Driver>;
  /** Wait this long for another run's lock (default 60 s). */
  readonly timeoutMs?: number;
  readonly onWait?: AcquireOptions["onWait"];
  /** Called once the lock is chosen, when a pooler was seen or it is not the advisory lock. */
  readonly onLocker?: (info: LockerInfo) => void;
}

/** The migration lock as a command holds it. */
export interface HeldMigrationLock {
  /** Put `fence.check` right after each BEGIN: the transaction fails unless this run holds the lock. */
  readonly locker: Locker;
  /** A pooler is between us and the server: settings only as SET LOCAL. */
  readonly pooled: boolean;
  readonly info: LockerInfo;
}

/**
 * Runs `fn` under the migration lock that `pitstop up` takes, chosen the
 * same way: the session advisory lock on a direct connection, the lease row
 * (heartbeat, fence) behind a connection pooler or when `locker: "table"`.
 * Commands other than the migrator (seed, schema apply) use it so a pooler
 * does not turn their lock into a no-op.
 *
 * @example
 * await driver.session((s) =>
 *   withMigrationLock(s, { history: DEFAULT_HISTORY, fork: () => driver.fork!() }, async ({ locker }) => {
 *     await s.exec(`BEGIN;\n${locker.check ? `${locker.check};\n` : ""}INSERT ...;\nCOMMIT`);
 *   }),
 * );
 */
export async function withMigrationLock<T>(
  session: Session,
  options: MigrationLockOptions,
  fn: (held: HeldMigrationLock) => Promise<T>,
): Promise<T> {
  const { rows } = await session.query<{ pid: number; direct: boolean }>(
    "SELECT pg_backend_pid() AS pid, ($1::int IS NULL OR pg_backend_pid() = $1::int) AS direct",
    [session.announcedPid ?? null],
  );
  const first = rows[0]!;
  const pooler = first.direct
    ? undefined
    : await detectPooler(session, session.announcedPid!, first.pid);
  const setting = options.locker ?? "auto";
  const kind: LockerKind = setting === "auto" ? (pooler ? "table" : "advisory") : setting;
  const locker = makeLocker(kind, options.history, options);
  const info = lockerInfo(locker, pooler);
  if (pooler || kind !== "advisory") options.onLocker?.(info);
  await locker.lock(session, {
    timeoutMs: options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    ...(options.onWait ? { onWait: options.onWait } : {}),
  });
  try {
    return await fn({ locker, pooled: pooler !== undefined, info });
  } finally {
    await locker.unlock(session).catch(() => {});
  }
}

/** The locker of a kind for a history table. */
export function makeLocker(
  kind: LockerKind,
  history: HistoryTable,
  options: Pick<MigrationLockOptions, "leaseMs" | "fork"> & { create?: boolean } = {},
): Locker {
  if (kind === "advisory") return advisoryLocker(lockKey(history));
  return new TableLocker(history, {
    ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
    ...(options.fork ? { fork: options.fork } : {}),
    ...(options.create !== undefined ? { create: options.create } : {}),
  });
}

export function lockerInfo(locker: Locker, pooler: PoolerInfo | undefined): LockerInfo {
  return {
    kind: locker.kind,
    ...(pooler ? { pooler } : {}),
    ...(locker instanceof TableLocker ? { table: locker.table } : {}),
  };
}

/**
 * The connection announced another pid than its backend's: a proxy. A second
 * transaction's backend tells whether it pools by transaction (the pid
 * changes); the same pid proves nothing (an idle pool hands the same one back).
 */
export async function detectPooler(
  session: Session,
  announcedPid: number,
  firstPid: number,
): Promise<PoolerInfo> {
  const { rows } = await session.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const second = rows[0]!.pid;
  return { announcedPid, backendPids: [firstPid, second], transactionPooling: second !== firstPid };
}
