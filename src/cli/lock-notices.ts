import type { LockHolder } from "../store/lock.js";
import type { LockerInfo } from "../store/locker.js";

/** What the run found between it and the server, and which lock it holds. */
export function lockerNotice(l: LockerInfo): string {
  const p = l.pooler;
  const found = !p
    ? "Direct connection"
    : p.transactionPooling
      ? `Transaction pooling detected (the server backend changed from pid ${p.backendPids[0]} to ${p.backendPids[1]} between two transactions of one connection)`
      : `Connection pooler detected (the server backend, pid ${p.backendPids[0]}, is not the one the connection announced at start-up)`;
  if (l.kind === "table")
    return `${found}: the migration lock is a lease in ${l.table}, checked inside every migration's transaction.`;
  return `${found}: using the session advisory lock as asked (--locker advisory)${p?.transactionPooling ? "; it does NOT exclude other runs behind a transaction pooler" : ""}.`;
}

/** `Waiting for the migration lock held by pid 42 (pitstop)...` */
export function waitNotice(h: LockHolder | undefined): string {
  return `Waiting for the migration lock held by ${h ? `pid ${h.pid}${h.applicationName ? ` (${h.applicationName})` : ""}` : "another session"}...`;
}
