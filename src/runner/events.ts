import type { Migration } from "../core/migration.js";
import type { Direction } from "../core/plan.js";
import type { ExecutionMode } from "../sql/analyze.js";
import type { LockHolder } from "../store/lock.js";
import type { LockerInfo } from "../store/locker.js";
import type { LaggingReplica } from "./replica-lag.js";

/** A connection pooler (a proxy) found between pitstop and the server, and the lock chosen. */
export type { LockerInfo, PoolerInfo } from "../store/locker.js";

/** Progress reported while a plan runs; the CLI turns these into output lines. */
export type RunEvent =
  | { type: "lock-wait"; holder: LockHolder | undefined }
  /** Emitted when a pooler is detected or the locker is not the advisory lock. */
  | { type: "locker"; locker: LockerInfo }
  | { type: "history-created"; table: string }
  | {
      type: "migration-start";
      direction: Direction;
      migration: Migration;
      mode: ExecutionMode;
      reason: string | undefined;
      resumeFrom: number;
      statements: number;
    }
  | { type: "statement"; direction: Direction; migration: Migration; index: number; total: number }
  | {
      type: "retry";
      direction: Direction;
      migration: Migration;
      attempt: number;
      waitMs: number;
      reason: string;
    }
  | { type: "cleanup"; migration: Migration; sql: string; reason: string }
  | {
      /** `--max-replica-lag`: a replica is too far behind; the run waits before `migration`. */
      type: "replica-lag-wait";
      migration: Migration;
      statement?: number;
      replicas: readonly LaggingReplica[];
      maxLagMs: number;
      waitedMs: number;
    }
  | { type: "replica-lag-ok"; migration: Migration; statement?: number; waitedMs: number }
  /** The statement an interrupted run stopped in had taken effect: counted as done, not run. */
  | {
      type: "already-done";
      direction: Direction;
      migration: Migration;
      index: number;
      reason: string;
    }
  | { type: "migration-done"; direction: Direction; migration: Migration; durationMs: number }
  | { type: "migration-failed"; direction: Direction; migration: Migration; error: Error }
  | {
      type: "dry-run";
      direction: Direction;
      migration: Migration;
      mode: ExecutionMode;
      reason: string | undefined;
      sql: string;
    };

export type EventListener = (event: RunEvent) => void;
