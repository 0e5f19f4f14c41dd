import type { Session } from "../driver/driver.js";
import { type AcquireOptions, acquireLock, releaseLock } from "./lock.js";

/** How the migration lock is held: a session advisory lock, or a lease row in a table. */
export type LockerKind = "advisory" | "table";
/** `auto`: advisory on a direct connection, table behind a connection pooler. */
export type LockerSetting = LockerKind | "auto";
export const LOCKER_SETTINGS: readonly LockerSetting[] = ["auto", "advisory", "table"];

/** What a connection pooler in between looks like (the CLI says so on stderr). */
export interface PoolerInfo {
  /** The pid the connection announced at start-up (the proxy's own number). */
  readonly announcedPid: number;
  /** `pg_backend_pid()` of two consecutive transactions. */
  readonly backendPids: readonly number[];
  /** The backend changed between two transactions of one session: transaction pooling, seen. */
  readonly transactionPooling: boolean;
}

/** Which migration lock a run holds, and why. */
export interface LockerInfo {
  readonly kind: LockerKind;
  /** Set when a pooler was detected. */
  readonly pooler?: PoolerInfo;
  /** The lease table (the table locker). */
  readonly table?: string;
}

/**
 * What the runner asks of the lock while it applies migrations. With a
 * session advisory lock these are empty: the session is the proof. With a
 * lease in a table, every write is fenced by a check that this run still
 * holds the lease, inside the same transaction.
 */
export interface Fence {
  /** A statement to put right after BEGIN; it fails the transaction unless this run holds the lock ("" when not needed). */
  readonly check: string;
  /** A standalone write (history progress, a failure record) made safe: in a transaction that checks first. */
  guard(sql: string): string;
  /** Checks the lock is still ours and extends it, before a step that cannot be fenced (CREATE INDEX CONCURRENTLY). */
  renew(session: Session): Promise<void>;
}

/**
 * The seam between the migrator and how it excludes other runs (goose v3's
 * Locker). `lock` waits (polled, up to its timeout) and `unlock` releases.
 */
export interface Locker extends Fence {
  readonly kind: LockerKind;
  lock(session: Session, options: AcquireOptions): Promise<void>;
  unlock(session: Session): Promise<void>;
}

/**
 * The session-level advisory lock: right on a direct connection, where the
 * session lives as long as the run.
 *
 * @example
 * const locker = advisoryLocker(lockKey(DEFAULT_HISTORY));
 * await locker.lock(session, { timeoutMs: 60_000 });
 */
export function advisoryLocker(key: string): Locker {
  return {
    kind: "advisory",
    check: "",
    guard: (sql) => sql,
    renew: async () => {},
    lock: (session, options) => acquireLock(session, key, options),
    unlock: (session) => releaseLock(session, key),
  };
}

/** Whether `value` names a locker setting (`auto`, `advisory`, `table`). */
export function isLockerSetting(value: string): value is LockerSetting {
  return (LOCKER_SETTINGS as readonly string[]).includes(value);
}
