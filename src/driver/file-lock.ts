import fs from "node:fs";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { PitstopError } from "../core/errors.js";
import { nodeCrypto } from "../core/node-crypto.js";

export const DEFAULT_LOCK_TIMEOUT_MS = 60_000;
export const DEFAULT_LOCK_POLL_MS = 100;
/** A lock file that cannot be read as ours and is older than this was left half-written: stale. */
const UNREADABLE_LOCK_GRACE_MS = 5_000;
/** A takeover marker older than this belongs to a process that died while taking over. */
const TAKEOVER_GRACE_MS = 10_000;

/** What a lock file holds. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** ISO time the lock was taken. */
  readonly startedAt: string;
  /** The holder's start in clock ticks since boot (Linux), to tell a reused pid. */
  readonly processStart?: number | undefined;
  readonly token: string;
}

/** Passed to `onWait` when a lock is held by someone else and we start (or keep) waiting. */
export interface LockWaitInfo {
  readonly lockFile: string;
  /** Undefined while the lock file cannot be read (being written). */
  readonly holder: Pick<LockHolder, "pid" | "hostname" | "startedAt"> | undefined;
  readonly timeoutMs: number;
}

export interface FileLockOptions {
  timeoutMs?: number;
  pollMs?: number;
  /** Called when waiting starts and whenever the holder changes. */
  onWait?: (info: LockWaitInfo) => void;
  /** Names the thing locked in messages, e.g. "PGlite data dir .pitstop/db". */
  what?: string;
}

export interface FileLock {
  readonly lockFile: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** Lock files this process holds: path -> token, removed on exit. */
const held = new Map<string, string>();
let exitHookInstalled = false;

/**
 * Takes an exclusive lock file (created with O_EXCL) holding pid, hostname and
 * time. A lock whose process is gone (same host, pid dead or reused since) is
 * stale and taken over; a live one is waited for, polling, until `timeoutMs`,
 * then `PitstopError` code `LOCK_TIMEOUT`. Released on `release()` and on
 * process exit (not on SIGKILL: the next taker then finds it stale).
 *
 * @example
 * const lock = await acquireFileLock("/proj/.pitstop/db.lock", { onWait: (i) => log(i.holder?.pid) });
 * try { ... } finally { lock.release(); }
 */
export async function acquireFileLock(
  lockFile: string,
  options: FileLockOptions = {},
): Promise<FileLock> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const pollMs = options.pollMs ?? DEFAULT_LOCK_POLL_MS;
  const deadline = Date.now() + timeoutMs;
  const ownStart = processStart(process.pid);
  let reportedHolder: string | undefined;
  for (;;) {
    const holder: LockHolder = {
      pid: process.pid,
      hostname: os.hostname(),
      startedAt: new Date().toISOString(),
      processStart: ownStart,
      token: nodeCrypto().randomUUID(),
    };
    if (tryCreate(lockFile, holder)) return remember(lockFile, holder.token);
    const current = readLock(lockFile);
    if (current.kind === "gone") continue;
    if (isStale(current) && takeOver(lockFile, current.raw)) continue;
    const info: LockWaitInfo = {
      lockFile,
      holder: current.kind === "held" ? withoutToken(current.holder) : undefined,
      timeoutMs,
    };
    if (Date.now() >= deadline) throw lockTimeout(info, options.what ?? lockFile);
    if (current.raw !== reportedHolder) {
      reportedHolder = current.raw;
      options.onWait?.(info);
    }
    await sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
  }
}

type LockState =
  | { kind: "gone"; raw: undefined }
  | { kind: "held"; raw: string; holder: LockHolder; mtimeMs: number }
  | { kind: "unreadable"; raw: string; mtimeMs: number };

function tryCreate(lockFile: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockFile, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new PitstopError(
      "LOCK_FAILED",
      `cannot create lock file ${lockFile}: ${(error as Error).message}`,
      {
        hint: "Check that the directory exists and is writable.",
        cause: error,
      },
    );
  }
  try {
    fs.writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readLock(lockFile: string): LockState {
  let raw: string;
  let mtimeMs: number;
  try {
    raw = fs.readFileSync(lockFile, "utf8");
    mtimeMs = fs.statSync(lockFile).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "gone", raw: undefined };
    throw error;
  }
  const holder = parseHolder(raw);
  return holder === undefined
    ? { kind: "unreadable", raw, mtimeMs }
    : { kind: "held", raw, holder, mtimeMs };
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (
      typeof value.pid === "number" &&
      typeof value.hostname === "string" &&
      typeof value.startedAt === "string" &&
      typeof value.token === "string"
    ) {
      return value as LockHolder;
    }
  } catch {
    // Half-written or foreign content: judged by age below.
  }
  return undefined;
}

/**
 * The process holding a lock file, when it is alive on this machine and is
 * the very process that took the lock (not a reused pid); undefined otherwise.
 *
 * @example
 * const holder = liveLockHolder(".pitstop/db.lock");
 * if (holder) console.log(`held by pid ${holder.pid}`);
 */
export function liveLockHolder(lockFile: string): LockHolder | undefined {
  const state = readLock(lockFile);
  if (state.kind !== "held" || isStale(state)) return undefined;
  return state.holder.hostname === os.hostname() ? state.holder : undefined;
}

function isStale(state: Exclude<LockState, { kind: "gone" }>): boolean {
  if (state.kind === "unreadable") return Date.now() - state.mtimeMs > UNREADABLE_LOCK_GRACE_MS;
  const { holder } = state;
  // Another machine's process cannot be checked: wait for it (or for a human).
  if (holder.hostname !== os.hostname()) return false;
  if (holder.pid === process.pid) return !heldToken(holder.token);
  if (!processAlive(holder.pid)) return true;
  const start = holder.processStart === undefined ? undefined : processStart(holder.pid);
  return start !== undefined && start !== holder.processStart;
}

function heldToken(token: string): boolean {
  for (const value of held.values()) if (value === token) return true;
  return false;
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * When a process started, in clock ticks since boot (Linux): unlike a pid it
 * is never reused, so a lock whose pid now belongs to a process with another
 * start is stale (pids repeat in containers, where pitstop is often pid 1).
 * Undefined where /proc is not available.
 */
function processStart(pid: number): number | undefined {
  if (process.platform !== "linux") return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)" start at field 3; starttime is field 22.
    const start = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    return Number.isFinite(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock file, guarded by a takeover marker so that two waiters
 * that both judged it stale cannot delete a fresh lock the other just took.
 */
function takeOver(lockFile: string, staleRaw: string): boolean {
  const marker = `${lockFile}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(marker, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    removeIfOlderThan(marker, TAKEOVER_GRACE_MS);
    return false;
  }
  fs.closeSync(fd);
  try {
    const now = readLock(lockFile);
    if (now.raw === staleRaw) fs.rmSync(lockFile, { force: true });
    return true;
  } finally {
    fs.rmSync(marker, { force: true });
  }
}

function removeIfOlderThan(file: string, ageMs: number): void {
  try {
    if (Date.now() - fs.statSync(file).mtimeMs > ageMs) fs.rmSync(file, { force: true });
  } catch {
    // Gone meanwhile: nothing to do.
  }
}

function remember(lockFile: string, token: string): FileLock {
  held.set(lockFile, token);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", () => {
      for (const [file, token] of held) removeIfOurs(file, token);
    });
  }
  return {
    lockFile,
    release() {
      if (held.get(lockFile) !== token) return;
      held.delete(lockFile);
      removeIfOurs(lockFile, token);
    },
  };
}

function removeIfOurs(lockFile: string, token: string): void {
  try {
    const state = readLock(lockFile);
    if (state.kind === "held" && state.holder.token === token) fs.rmSync(lockFile, { force: true });
  } catch {
    // Best effort: a lock left behind is stale for the next taker.
  }
}

function withoutToken(holder: LockHolder): Pick<LockHolder, "pid" | "hostname" | "startedAt"> {
  return { pid: holder.pid, hostname: holder.hostname, startedAt: holder.startedAt };
}

function lockTimeout(info: LockWaitInfo, what: string): PitstopError {
  const seconds = Math.round(info.timeoutMs / 100) / 10;
  const by =
    info.holder === undefined
      ? ""
      : `: locked by pid ${info.holder.pid} on ${info.holder.hostname} since ${info.holder.startedAt}`;
  return new PitstopError("LOCK_TIMEOUT", `timed out after ${seconds} s waiting for ${what}${by}`, {
    hint: `Another process is using it: wait for it to finish or stop it, then retry (or wait longer with a bigger lock timeout). If no such process exists, delete ${info.lockFile}.`,
  });
}
