import { asPitstopError, PitstopError } from "../core/errors.js";
import {
  type HistoryRecord,
  isEffectivelyApplied,
  type Migration,
  migrationId,
} from "../core/migration.js";
import {
  type DownOptions,
  type Plan,
  type PlanOptions,
  planDown,
  planGoto,
  planRedo,
  planUp,
  type UpOptions,
} from "../core/plan.js";
import {
  currentVersion,
  type MigrationStatus,
  type MigrationStatusKind,
  resolveState,
} from "../core/state.js";
import { maxVersion } from "../core/version.js";

import { DatabaseError, type Driver, type Session, SQLSTATE } from "../driver/driver.js";
import type { MigrationSource } from "../source/source.js";
import { FOREIGN_TABLES } from "../store/foreign-history.js";
import {
  DEFAULT_HISTORY,
  deleteSql,
  ensureHistory,
  type HistoryTable,
  probe,
  qualifiedName,
  readHistory,
  recordSql,
} from "../store/history.js";
import { DEFAULT_LOCK_TIMEOUT_MS, lockHolder, lockKey } from "../store/lock.js";
import type { Fence, LockerSetting } from "../store/locker.js";
import { detectPooler, lockerInfo, makeLocker } from "../store/migration-lock.js";
import { quoteLiteral } from "../store/sql-text.js";
import { leaseHolderOf } from "../store/table-lock.js";
import { refuseReadOnly } from "../store/writable.js";
import {
  type AdoptOptions,
  type AdoptReport,
  adopt,
  type BaselineReport,
  baseline,
  type ForeignSummary,
  foreignSummaries,
  guardNotAdopted,
} from "./adopt.js";
import type { EventListener, LockerInfo } from "./events.js";
import { ReplicaLagGate } from "./replica-lag.js";
import type { RunResult } from "./results.js";
import {
  DEFAULT_DDL_LOCK_TIMEOUT_MS,
  DEFAULT_LOCK_RETRIES,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_SESSION_RESET,
  type RunContext,
  runPlan,
} from "./run.js";

export interface MigratorOptions extends PlanOptions {
  readonly driver: Driver;
  readonly source: MigrationSource;
  /** History table location (default `public.pitstop_migrations`). */
  readonly history?: Partial<HistoryTable>;
  /** How long to wait for another process's migration lock (default 60 s). */
  readonly lockTimeoutMs?: number;
  /** `lock_timeout` for each migration's DDL (default 5 s; 0 = off). */
  readonly ddlLockTimeoutMs?: number;
  /** `statement_timeout` for migration statements (default off). */
  readonly statementTimeoutMs?: number;
  /** Retries after a DDL lock timeout (default 3), backoff starting at `retryDelayMs` (default 1 s). */
  readonly lockRetries?: number;
  readonly retryDelayMs?: number;
  /**
   * Between migrations (and statements of a statement-by-statement one),
   * wait while any physical standby replays more than this far behind
   * (servers only; see `ReplicaLagGate`). Default: no waiting.
   */
  readonly maxReplicaLagMs?: number;
  /** Give up waiting for replicas after this long (default 10 min). */
  readonly replicaLagTimeoutMs?: number;
  /** Print what would run, change nothing. */
  readonly dryRun?: boolean;
  /**
   * The migration lock: `advisory` (a session advisory lock), `table` (a
   * lease row in `<history table>_lock`, fenced inside every migration
   * transaction: right behind a transaction pooler), or `auto` (default):
   * advisory on a direct connection, table when a pooler is detected.
   */
  readonly locker?: LockerSetting;
  /** Table locker: how long a lease lasts without a heartbeat (default 30 s). */
  readonly leaseMs?: number;
  /**
   * The `search_path` every migration runs with (a fleet tenant's schema,
   * quoted as in `SET search_path`). On a direct connection it is set on the
   * session for the run; behind a pooler, where a session setting does not
   * stick, it is `SET LOCAL` in each migration's transaction, and a statement
   * that cannot run in a transaction (CONCURRENTLY, VACUUM, COPY of a
   * statement-by-statement migration) is refused before anything runs.
   * Default: the session's own.
   */
  readonly searchPath?: string;
  readonly onEvent?: EventListener;
  /**
   * Called under the lock once the plan is made, before anything runs, with
   * the migrations already loaded (e.g. the CLI lints what `up` will apply).
   * Throwing stops the run: nothing is applied and the error is the result's.
   */
  readonly beforeRun?: (context: BeforeRunContext) => void | Promise<void>;
}

export interface BeforeRunContext {
  readonly plan: Plan;
  readonly migrations: readonly Migration[];
  /** `server_version_num`. */
  readonly serverVersion: number;
}

/** One row of `status`. */
export interface StatusEntry {
  readonly version: string;
  /** The version as written in the file name (`000001`), or the canonical one without a file. */
  readonly versionText: string;
  readonly id: string;
  readonly status: MigrationStatusKind;
  readonly file: string | undefined;
  readonly appliedAt: Date | null;
  readonly durationMs: number | null;
  readonly progress: number;
  readonly error: string | null;
  /** For `running`: whether a live process holds the migration lock now. */
  readonly inProgress?: boolean;
}

export interface StatusReport {
  readonly target: string;
  readonly historyTable: string;
  /** False when pitstop never ran on this database. */
  readonly initialized: boolean;
  readonly current: string | undefined;
  readonly migrations: readonly StatusEntry[];
  readonly pending: number;
  /** Things that need attention (changed files, failed or interrupted migrations). */
  readonly problems: readonly string[];
  /**
   * History tables of golang-migrate, goose or dbmate found on a database
   * with no pitstop history: `pitstop adopt` takes them over.
   */
  readonly foreign?: readonly ForeignSummary[];
}

export interface ValidationReport {
  readonly errors: readonly PitstopError[];
  readonly warnings: readonly string[];
}

/**
 * Versioned migrations against one database. Every mutating method takes
 * the migration lock, so replicas starting at once apply each migration once.
 *
 * @example
 * const migrator = new Migrator({ driver, source: directorySource({ dir: "migrations" }) });
 * const { error } = await migrator.up();
 * if (error) throw error;
 */
export class Migrator {
  readonly #options: MigratorOptions;
  readonly #history: HistoryTable;

  constructor(options: MigratorOptions) {
    this.#options = options;
    this.#history = { ...DEFAULT_HISTORY, ...options.history };
  }

  get historyTable(): HistoryTable {
    return this.#history;
  }

  /** Applies pending migrations (and resumes interrupted ones). */
  up(options: Omit<UpOptions, keyof PlanOptions> = {}): Promise<RunResult> {
    return this.#mutate((migrations, history) =>
      planUp(migrations, history, { ...this.#planOptions(), ...options }),
    );
  }

  /** Reverts the newest migration, or `count` of them, or down to `to`. */
  down(options: Omit<DownOptions, keyof PlanOptions> = {}): Promise<RunResult> {
    return this.#mutate((migrations, history) =>
      planDown(migrations, history, { ...this.#planOptions(), ...options }),
    );
  }

  /** Reverts everything. */
  reset(): Promise<RunResult> {
    return this.down({ to: "0" });
  }

  /** Up or down until exactly the migrations up to `version` are applied. */
  goto(version: string): Promise<RunResult> {
    return this.#mutate((migrations, history) =>
      planGoto(migrations, history, version, this.#planOptions()),
    );
  }

  /** Reverts the newest migration and applies it again. */
  redo(): Promise<RunResult> {
    return this.#mutate((migrations, history) =>
      planRedo(migrations, history, this.#planOptions()),
    );
  }

  /** The version the database is at (undefined: nothing applied). */
  async version(): Promise<string | undefined> {
    const { history } = await this.#readOnly();
    return currentVersion(history);
  }

  async status(): Promise<StatusReport> {
    const driver = this.#options.driver;
    // Connect first: the files are read while the server starts its backend.
    const reading = this.#readOnly();
    reading.catch(() => {});
    const migrations = await this.#options.source.load();
    const read = await reading;
    const states = resolveState(migrations, read.history);
    let lockHeld: boolean | undefined;
    if (states.some((s) => s.status === "running" || s.status === "reverting")) {
      lockHeld = await driver.session(
        async (s) =>
          (await lockHolder(s, lockKey(this.#history))) !== undefined ||
          (await leaseHolderOf(s, this.#history)) !== undefined,
      );
    }
    const entries = states.map((s) => entry(s, lockHeld));
    // Also when pitstop's history holds nothing applied (a first `up` that failed).
    const foreign =
      currentVersion(read.history) === undefined
        ? (await driver.session((s) => foreignSummaries(s, migrations))).filter(
            (f) => f.applied > 0,
          )
        : [];
    return {
      target: driver.target,
      historyTable: qualifiedName(this.#history),
      initialized: read.exists,
      current: currentVersion(read.history),
      migrations: entries,
      pending: states.filter(
        (s) =>
          s.status === "pending" ||
          s.status === "out_of_order" ||
          s.status === "failed" ||
          s.status === "running",
      ).length,
      problems: [...foreign.map(adoptProblem), ...problems(states)],
      ...(foreign.length > 0 ? { foreign } : {}),
    };
  }

  /**
   * Takes over the history of golang-migrate, goose or dbmate: records the
   * migrations it applied (checksums from the files) in one transaction,
   * under the lock, leaving its table as it was. Nothing is run.
   */
  adopt(options: AdoptOptions = {}): Promise<AdoptReport> {
    return this.#locked(
      (session, migrations, history) =>
        adopt(session, migrations, history, this.#history, {
          ...options,
          dryRun: this.#options.dryRun ?? false,
        }),
      { createHistory: false },
    );
  }

  /**
   * Records every migration up to `version` as applied, on a database that
   * already holds them but has no history (atlas's `--baseline`).
   */
  baseline(version: string): Promise<BaselineReport> {
    return this.#locked(
      (session, migrations, history) =>
        baseline(
          session,
          migrations,
          history,
          this.#history,
          version,
          this.#options.dryRun ?? false,
        ),
      { createHistory: false },
    );
  }

  /**
   * Records the outcome of a migration by hand after fixing the database:
   * `applied` (default) or, with `unapplied`, removes its record.
   */
  async force(
    version: string,
    options: { unapplied?: boolean } = {},
  ): Promise<{ id: string; action: "applied" | "unapplied" }> {
    return this.#locked(async (session, migrations, history, _v, held) => {
      const v = version.replace(/^0+(?=\d)/, "");
      const migration = migrations.find((m) => m.version === v);
      const record = history.find((r) => r.version === v);
      if (!migration && !record) {
        throw new PitstopError("UNKNOWN_VERSION", `no migration has version ${version}`, {
          hint: "Run `pitstop status` to list the versions.",
          exitCode: 2,
        });
      }
      const id = migration ? migrationId(migration) : `${record!.version}_${record!.name}`;
      if (this.#options.dryRun) return { id, action: options.unapplied ? "unapplied" : "applied" };
      if (options.unapplied) {
        await session.exec(held.fence.guard(deleteSql(this.#history, v)));
        return { id, action: "unapplied" };
      }
      const subject = migration ?? { version: v, name: record!.name, checksum: record!.checksum };
      await session.exec(
        held.fence.guard(recordSql(this.#history, subject, "applied", { durationMs: null })),
      );
      return { id, action: "applied" };
    });
  }

  /**
   * Accepts edited files (records their new checksums) and clears records of
   * attempts that failed and left nothing behind. Returns what it changed.
   */
  async repair(): Promise<string[]> {
    return this.#locked(async (session, migrations, history, _v, held) => {
      const changes: string[] = [];
      const statements: string[] = [];
      for (const s of resolveState(migrations, history)) {
        if (s.status === "changed") {
          changes.push(`${s.id}: recorded checksum updated to the file's`);
          statements.push(
            `UPDATE ${qualifiedName(this.#history)} SET checksum = ${quoteLiteral(s.migration!.checksum)} WHERE version = ${s.version}`,
          );
        } else if (s.record?.state === "failed" && s.record.progress === 0) {
          changes.push(`${s.id}: record of a failed attempt removed (nothing of it was applied)`);
          statements.push(deleteSql(this.#history, s.version));
        }
      }
      if (statements.length > 0 && !this.#options.dryRun)
        await session.exec(held.fence.guard(statements.join(";\n")));
      return changes;
    });
  }

  /** Checks files and history without changing anything: `{ errors, warnings }`. */
  async validate(): Promise<ValidationReport> {
    const errors: PitstopError[] = [];
    const warnings: string[] = [];
    let migrations: Migration[] = [];
    try {
      migrations = await this.#options.source.load();
    } catch (error) {
      return { errors: [asPitstopError(error)], warnings };
    }
    const { loadParser } = await import("../sql/parser.js");
    const { splitSql } = await import("../sql/split.js");
    await loadParser();
    for (const m of migrations) {
      for (const script of [m.up, m.down]) {
        if (script?.kind !== "sql") continue;
        try {
          splitSql(script.sql, { file: script.file, source: script.source, offset: script.offset });
        } catch (error) {
          errors.push(asPitstopError(error));
        }
      }
    }
    const { history } = await this.#readOnly();
    for (const s of resolveState(migrations, history)) {
      if (s.status === "changed") {
        errors.push(
          new PitstopError(
            "CHECKSUM_MISMATCH",
            `migration ${s.id} was changed after it was applied (${s.migration!.up.file})`,
            {
              hint: "Restore the file as it was applied, or accept the edit with `pitstop repair`.",
            },
          ),
        );
      } else if (s.status === "out_of_order" && !this.#options.allowOutOfOrder) {
        errors.push(
          new PitstopError(
            "OUT_OF_ORDER",
            `migration ${s.id} is older than the newest applied migration but not applied`,
          ),
        );
      } else if (s.status === "missing") {
        warnings.push(`migration ${s.id} is applied but has no file here`);
      } else if (
        s.status === "failed" ||
        s.status === "running" ||
        s.status === "reverting" ||
        s.status === "revert_failed"
      ) {
        errors.push(
          new PitstopError(
            "INCOMPLETE",
            `migration ${s.id} is ${s.status.replace("_", " ")} (${s.record!.progress} statement(s) done)`,
          ),
        );
      }
    }
    return { errors, warnings };
  }

  #planOptions(): PlanOptions {
    return {
      ...(this.#options.allowOutOfOrder !== undefined
        ? { allowOutOfOrder: this.#options.allowOutOfOrder }
        : {}),
      ...(this.#options.ignoreChecksums !== undefined
        ? { ignoreChecksums: this.#options.ignoreChecksums }
        : {}),
    };
  }

  /** One round trip: read the history, and a missing table means nothing is applied. */
  async #readOnly(): Promise<{ exists: boolean; history: HistoryRecord[] }> {
    return this.#options.driver.session(async (s) => {
      try {
        return { exists: true, history: await readHistory(s, this.#history) };
      } catch (error) {
        if (
          error instanceof DatabaseError &&
          (error.code === SQLSTATE.undefinedTable || error.code === "3F000")
        ) {
          return { exists: false, history: [] };
        }
        throw error;
      }
    });
  }

  /** Under the lock: load, plan, run. A planning error comes back as the result's error. */
  async #mutate(
    plan: (migrations: Migration[], history: HistoryRecord[]) => Plan,
  ): Promise<RunResult> {
    try {
      return await this.#locked(
        async (session, migrations, history, serverVersion, held) => {
          const p = plan(migrations, history);
          await this.#options.beforeRun?.({ plan: p, migrations, serverVersion });
          const result = await runPlan(session, p, this.#runContext(serverVersion, held));
          return { ...result, current: versionAfter(history, result), locker: held.info };
        },
        { guardForeign: true },
      );
    } catch (error) {
      return { results: [], error: asPitstopError(error), warnings: [] };
    }
  }

  async #locked<T>(
    fn: (
      session: Session,
      migrations: Migration[],
      history: HistoryRecord[],
      serverVersion: number,
      held: HeldLock,
    ) => Promise<T>,
    options: {
      /** Create the history table when missing (default true). */
      createHistory?: boolean;
      /** Without a history table, refuse if another tool applied these migrations. */
      guardForeign?: boolean;
    } = {},
  ): Promise<T> {
    const o = this.#options;
    // The parser's WASM compiles while we connect and take the lock.
    const parser = import("../sql/parser.js").then((m) => m.loadParser());
    parser.catch(() => {});
    const loading = o.source.load();
    loading.catch(() => {});
    return o.driver.session(async (session) => {
      // A standby would fail half-way (after the lock, at CREATE TABLE): refuse it first.
      if (!o.dryRun) await refuseReadOnly(session, o.driver.target);
      const key = lockKey(this.#history);
      const setting = o.locker ?? "auto";
      // Direct: the backend is the one the connection announced at start-up, no
      // proxy in between. Only then is a session (advisory lock, a setting) ours.
      const direct = "($3::int IS NULL OR pg_backend_pid() = $3::int)";
      const tryLock =
        setting === "table"
          ? "CASE WHEN false THEN pg_try_advisory_lock($1::bigint) END"
          : setting === "advisory"
            ? "pg_try_advisory_lock($1::bigint)"
            : `CASE WHEN ${direct} THEN pg_try_advisory_lock($1::bigint) END`;
      // On a server (14+), client_connection_check_interval makes the backend notice
      // when pitstop dies (killed deploy job) and roll back, instead of finishing a
      // migration nobody watches or holding its locks while a long statement runs.
      // Behind a pooler it goes in each transaction's SET LOCAL instead (run-support).
      const watchClient =
        o.driver.dialect === "postgres"
          ? `, CASE WHEN ${direct} AND current_setting('server_version_num')::int >= 140000 THEN set_config('client_connection_check_interval', '1000', false) END AS watch`
          : "";
      const { rows } = await session.query<{
        locked: boolean | null;
        direct: boolean;
        pid: number;
        exists: boolean;
        v: string;
        foreign: boolean;
        search_path: string;
        watch?: string | null;
      }>(
        `SELECT ${tryLock} AS locked, ${direct} AS direct, pg_backend_pid() AS pid, to_regclass($2) IS NOT NULL AS exists, current_setting('server_version_num') AS v, ${FOREIGN_CHECK} AS foreign, current_setting('search_path') AS search_path${watchClient}`,
        [key, qualifiedName(this.#history), session.announcedPid ?? null],
      );
      const first = rows[0]!;
      const pooler = first.direct
        ? undefined
        : await detectPooler(session, session.announcedPid!, first.pid);
      const kind = setting === "auto" ? (pooler ? "table" : "advisory") : setting;
      const locker = makeLocker(kind, this.#history, {
        ...(o.leaseMs !== undefined ? { leaseMs: o.leaseMs } : {}),
        ...(o.driver.fork ? { fork: () => o.driver.fork!() } : {}),
        create: !o.dryRun,
      });
      const info = lockerInfo(locker, pooler);
      if (pooler || kind !== "advisory") o.onEvent?.({ type: "locker", locker: info });
      let held = first.locked === true;
      try {
        // Inside the try: a lock timeout still resets the session setting below.
        if (!held) {
          await locker.lock(session, {
            timeoutMs: o.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
            onWait: (holder) => o.onEvent?.({ type: "lock-wait", holder }),
          });
          held = true;
        }
        const migrations = await loading;
        let exists = first.exists;
        if (!first.locked) exists = (await probe(session, this.#history)).exists;
        if (!exists && first.foreign && options.guardForeign)
          await guardNotAdopted(session, migrations);
        if (!exists && !o.dryRun && options.createHistory !== false) {
          await ensureHistory(session, this.#history);
          o.onEvent?.({ type: "history-created", table: qualifiedName(this.#history) });
        }
        const history = exists ? await readHistory(session, this.#history) : [];
        // Direct: the session's search_path for the run (after each migration's reset too).
        if (o.searchPath !== undefined && !pooler)
          await session.query("SELECT set_config('search_path', $1, false)", [o.searchPath]);
        return await fn(session, migrations, history, Number(first.v), {
          fence: locker,
          pooled: pooler !== undefined,
          searchPath: o.searchPath ?? first.search_path,
          info,
        });
      } finally {
        if (o.searchPath !== undefined && !pooler)
          await session
            .query("SELECT set_config('search_path', $1, false)", [first.search_path])
            .catch(() => {});
        // One round trip on the common path: unlock, and leave no session setting behind
        // (a caller's pool connection goes back to its app).
        if (held && kind === "advisory" && first.watch)
          await session
            .exec(
              `SELECT pg_advisory_unlock(${key}::bigint); RESET client_connection_check_interval`,
            )
            .catch(() => {});
        else {
          if (held) await locker.unlock(session).catch(() => {});
          if (first.watch)
            await session.exec("RESET client_connection_check_interval").catch(() => {});
        }
      }
    });
  }

  #runContext(serverVersion: number, held: HeldLock): RunContext {
    const o = this.#options;
    return {
      fence: held.fence,
      pooled: held.pooled,
      ...(held.pooled && o.searchPath !== undefined ? { searchPath: o.searchPath } : {}),
      history: this.#history,
      serverVersion,
      ddlLockTimeoutMs: o.ddlLockTimeoutMs ?? DEFAULT_DDL_LOCK_TIMEOUT_MS,
      statementTimeoutMs: o.statementTimeoutMs ?? 0,
      lockRetries: o.lockRetries ?? DEFAULT_LOCK_RETRIES,
      retryDelayMs: o.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      dryRun: o.dryRun ?? false,
      onEvent: o.onEvent ?? (() => {}),
      ...(o.maxReplicaLagMs !== undefined && !o.dryRun && o.driver.dialect === "postgres"
        ? {
            replicaLag: new ReplicaLagGate({
              maxLagMs: o.maxReplicaLagMs,
              ...(o.replicaLagTimeoutMs !== undefined ? { timeoutMs: o.replicaLagTimeoutMs } : {}),
              onEvent: o.onEvent ?? (() => {}),
            }),
          }
        : {}),
      sessionReset: sessionReset(o.driver.dialect, serverVersion, held),
    };
  }
}

/** The lock a run holds, as the runner needs it. */
interface HeldLock {
  readonly fence: Fence;
  /** A pooler is between us and the server: settings only as SET LOCAL. */
  readonly pooled: boolean;
  readonly info: LockerInfo;
  /** The session's search_path when the run began (a fleet tenant's schema, a caller's setting). */
  readonly searchPath: string;
}

/**
 * After each migration: back to the session as the run found it. RESET ALL
 * goes to the server's defaults, so what the session had before the run (a
 * fleet tenant's search_path) and pitstop's own setting are made again;
 * behind a pooler nothing is set on a session, so nothing is set again.
 */
function sessionReset(dialect: Driver["dialect"], serverVersion: number, held: HeldLock): string {
  if (held.pooled) return DEFAULT_SESSION_RESET;
  return [
    DEFAULT_SESSION_RESET,
    `SELECT set_config('search_path', ${quoteLiteral(held.searchPath)}, false);`,
    ...(dialect === "postgres" && serverVersion >= 140000 ? [`${WATCH_CLIENT};`] : []),
  ].join("\n");
}

/** Set on the session with the lock, and again after each migration's session reset. */
const WATCH_CLIENT = "SELECT set_config('client_connection_check_interval', '1000', false)";

/** Whether a golang-migrate, goose or dbmate history table is in any schema (no round trip of its own). */
const FOREIGN_CHECK = `EXISTS (SELECT 1 FROM pg_class WHERE relkind IN ('r', 'p') AND relname IN (${FOREIGN_TABLES.map((t) => `'${t}'`).join(", ")}))`;

function adoptProblem(f: ForeignSummary): string {
  return `not adopted: ${f.table} says ${f.tool} applied ${f.applied} of these migrations (newest ${f.newest})${f.dirty ? ", the last one dirty" : ""}, and pitstop has no history here — run \`pitstop adopt\` to take it over (nothing is re-run; --dry-run previews)`;
}

/** The database version after a run, from the history before it and what succeeded. */
function versionAfter(history: readonly HistoryRecord[], result: RunResult): string | undefined {
  const applied = new Set(history.filter(isEffectivelyApplied).map((r) => r.version));
  for (const r of result.results) {
    if (r.status !== "success") continue;
    if (r.direction === "up") applied.add(r.version);
    else applied.delete(r.version);
  }
  return maxVersion(applied);
}

function entry(s: MigrationStatus, lockHeld: boolean | undefined): StatusEntry {
  return {
    version: s.version,
    versionText: s.migration?.versionText ?? s.version,
    id: s.id,
    status: s.status,
    file: s.migration?.up.file,
    appliedAt: s.record?.state === "applied" ? s.record.appliedAt : null,
    durationMs: s.record?.state === "applied" ? s.record.durationMs : null,
    progress: s.record?.progress ?? 0,
    error: s.record?.error ?? null,
    ...(s.status === "running" || s.status === "reverting"
      ? { inProgress: lockHeld ?? false }
      : {}),
  };
}

function problems(states: readonly MigrationStatus[]): string[] {
  const out: string[] = [];
  for (const s of states) {
    switch (s.status) {
      case "changed":
        out.push(
          `${s.id}: file changed after it was applied — restore it, or accept with \`pitstop repair\``,
        );
        break;
      case "out_of_order":
        out.push(
          `${s.id}: not applied but older than the newest applied migration — rename it or use --allow-out-of-order`,
        );
        break;
      case "failed":
        out.push(
          `${s.id}: failed after ${s.record!.progress} statement(s): ${firstLine(s.record!.error)} — fix it and run \`pitstop up\` to resume, or \`pitstop force\``,
        );
        break;
      case "running":
        out.push(
          `${s.id}: stopped after ${s.record!.progress} statement(s) (interrupted, or running now) — \`pitstop up\` resumes it`,
        );
        break;
      case "reverting":
      case "revert_failed":
        out.push(
          `${s.id}: revert stopped after ${s.record!.progress} statement(s) — \`pitstop down\` continues it, or \`pitstop force\``,
        );
        break;
      case "missing":
        out.push(`${s.id}: applied, but no file for it here`);
        break;
      default:
        if (s.status === "pending" && s.record?.state === "failed") {
          out.push(
            `${s.id}: last attempt failed and was rolled back: ${firstLine(s.record.error)}`,
          );
        }
    }
  }
  return out;
}

function firstLine(text: string | null): string {
  return (text ?? "").split("\n")[0]!;
}
