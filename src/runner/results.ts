import type { PitstopError } from "../core/errors.js";
import type { Direction } from "../core/plan.js";
import type { ExecutionMode } from "../sql/analyze.js";
import type { LockerInfo } from "./events.js";

interface ResultBase {
  readonly direction: Direction;
  readonly version: string;
  /** `20240101120000_create_users` */
  readonly id: string;
}

/** What happened to one migration of a plan (kysely's Success | Error | NotExecuted). */
export type MigrationResult =
  | (ResultBase & {
      readonly status: "success";
      readonly durationMs: number;
      readonly mode: ExecutionMode;
    })
  | (ResultBase & { readonly status: "error"; readonly error: PitstopError })
  | (ResultBase & { readonly status: "not_executed" });

/** The outcome of a run: every step's result, and the error that stopped it, if any. */
export interface RunResult {
  readonly results: readonly MigrationResult[];
  readonly error: PitstopError | undefined;
  readonly warnings: readonly string[];
  /** The version the database is at after the run (undefined: nothing applied). */
  readonly current?: string | undefined;
  /** The migration lock the run held (the advisory lock unless a pooler was detected or `locker` says). */
  readonly locker?: LockerInfo;
}
