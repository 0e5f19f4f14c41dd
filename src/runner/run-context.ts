import type { HistoryTable } from "../store/history.js";
import type { Fence } from "../store/locker.js";
import type { EventListener } from "./events.js";
import type { ReplicaLagGate } from "./replica-lag.js";

export const DEFAULT_DDL_LOCK_TIMEOUT_MS = 5_000;

export const DEFAULT_LOCK_RETRIES = 3;

export const DEFAULT_RETRY_DELAY_MS = 1_000;

export interface RunContext {
  readonly history: HistoryTable;
  /** `server_version_num` of the database. */
  readonly serverVersion: number;
  /** `lock_timeout` for each migration's DDL; 0 turns it off. */
  readonly ddlLockTimeoutMs: number;
  /** `statement_timeout` for each statement; 0 turns it off. */
  readonly statementTimeoutMs: number;
  /** Attempts after a lock timeout, with exponential backoff. */
  readonly lockRetries: number;
  readonly retryDelayMs: number;
  readonly dryRun: boolean;
  /** The migration lock's fence: a check in every migration transaction, guards for standalone writes. */
  readonly fence: Fence;
  /**
   * Behind a connection pooler: session settings (SET without LOCAL) may
   * land on another server connection and stay there for its next client,
   * so settings go in SET LOCAL inside transactions only.
   */
  readonly pooled: boolean;
  /**
   * Behind a pooler: the search_path each transaction sets locally (a fleet
   * tenant's schema); statements outside a transaction cannot have it.
   */
  readonly searchPath?: string;
  readonly onEvent: EventListener;
  readonly sleep?: (ms: number) => Promise<void>;
  /** `--max-replica-lag`: waits between migrations and between statements of a step-wise one. */
  readonly replicaLag?: ReplicaLagGate;
  /**
   * SQL sent after each migration so the next one starts from the same
   * session state (default `DEFAULT_SESSION_RESET`); the migrator adds what
   * it set itself on the session.
   */
  readonly sessionReset?: string;
}

/**
 * Undoes what a migration may have done to the session: `SET search_path`,
 * pg_dump's `SELECT set_config('search_path', '', false)`, `SET ROLE`...
 * (DISCARD ALL would also release the migration lock.)
 */
export const DEFAULT_SESSION_RESET = "RESET ALL;\nRESET ROLE;";
