import { PitstopError } from "../core/errors.js";
import { type Migration, migrationId, type SqlScript } from "../core/migration.js";
import type { PlanStep } from "../core/plan.js";
import { DatabaseError, type Session, SQLSTATE } from "../driver/driver.js";
import type { AnalyzedStatement } from "../sql/analyze.js";
import { deleteSql, type HistoryTable, qualifiedName, recordSql } from "../store/history.js";
import { quoteLiteral, versionLiteral } from "../store/sql-text.js";
import { DEFAULT_SESSION_RESET, type RunContext } from "./run-context.js";
import type { FailureContext } from "./sql-error.js";

/** BEGIN, the lock's fence check and the `SET LOCAL` lines that open a migration's transaction. */
export function beginSql(ctx: RunContext): string {
  return `BEGIN;\n${ctx.fence.check ? `${ctx.fence.check};\n` : ""}${localSettings(ctx)}`;
}

/** `SET LOCAL` lines for a migration's transaction. */
export function localSettings(ctx: RunContext): string {
  let out = "";
  // Behind a pooler the session-level watch is not set (it would outlive us on a shared connection).
  if (ctx.pooled && ctx.serverVersion >= 140000)
    out += "SET LOCAL client_connection_check_interval = 1000;\n";
  if (ctx.searchPath !== undefined)
    out += `SELECT set_config('search_path', ${quoteLiteral(ctx.searchPath)}, true);\n`;
  if (ctx.ddlLockTimeoutMs > 0) out += `SET LOCAL lock_timeout = ${ctx.ddlLockTimeoutMs};\n`;
  if (ctx.statementTimeoutMs > 0)
    out += `SET LOCAL statement_timeout = ${ctx.statementTimeoutMs};\n`;
  return out;
}

/** What puts the session back as it was before a migration (see `RunContext.sessionReset`). */
export function sessionReset(ctx: RunContext): string {
  return ctx.sessionReset ?? DEFAULT_SESSION_RESET;
}

export function finishSql(step: PlanStep, ctx: RunContext, durationMs: number | "elapsed"): string {
  return step.direction === "up"
    ? recordSql(ctx.history, step.migration, "applied", { durationMs })
    : deleteSql(ctx.history, step.migration.version);
}

export function statementFailure(
  script: SqlScript,
  step: PlanStep,
  s: AnalyzedStatement | undefined,
  outcome: string,
): FailureContext {
  return {
    script,
    sentOffset: s?.start ?? 0,
    prefixLength: 0,
    sentLength: s ? s.end - s.start : 0,
    ...(s ? { statementOffset: s.start } : {}),
    outcome,
    migrationId: migrationId(step.migration),
  };
}

export async function execStatement(session: Session, s: AnalyzedStatement): Promise<void> {
  if (s.copyData !== undefined) await session.copyFrom(s.text, s.copyData);
  else await session.exec(s.text);
}

export function stateSql(
  h: HistoryTable,
  m: Migration,
  state: string,
  progress: number,
  error?: string,
): string {
  const err = error === undefined ? "NULL" : quoteLiteral(error.slice(0, 4000));
  return `UPDATE ${qualifiedName(h)} SET state = '${state}', progress = ${progress}, error = ${err} WHERE version = ${versionLiteral(m.version)}`;
}

export function isLockTimeout(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === SQLSTATE.lockNotAvailable;
}

/** Retries `fn` after a lock timeout: our DDL must not queue the app's queries behind it for long. */
export async function withLockRetries(
  step: PlanStep,
  ctx: RunContext,
  fn: () => Promise<void>,
): Promise<void> {
  const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isLockTimeout(error) || attempt > ctx.lockRetries) throw error;
      const waitMs = Math.round(
        ctx.retryDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5),
      );
      ctx.onEvent({
        type: "retry",
        direction: step.direction,
        migration: step.migration,
        attempt,
        waitMs,
        reason: (error as Error).message,
      });
      await sleep(waitMs);
    }
  }
}

export function lockTimeoutError(error: unknown, step: PlanStep, outcome: string): unknown {
  if (!isLockTimeout(error)) return error;
  const script = step.direction === "up" ? step.migration.up : step.migration.down;
  return new PitstopError(
    "DDL_LOCK_TIMEOUT",
    `${script?.file ?? migrationId(step.migration)}: could not get a lock for migration ${migrationId(step.migration)} within lock_timeout, after retries: ${(error as Error).message}`,
    {
      hint: `A long transaction or a busy table holds a conflicting lock; pitstop gives up rather than queue the app's queries behind its DDL. ${outcome} Retry when the table is quieter, or raise --ddl-lock-timeout / --lock-retries.`.trim(),
      cause: error,
    },
  );
}

export async function recordFailure(
  session: Session,
  step: PlanStep,
  ctx: RunContext,
  progress: number,
  error: unknown,
): Promise<void> {
  if (step.direction !== "up") return;
  // Guarded: a run that lost its lease must not write over the new holder's history.
  await session
    .exec(
      ctx.fence.guard(
        recordSql(ctx.history, step.migration, "failed", { progress, error: errorText(error) }),
      ),
    )
    .catch(() => {});
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function rollback(session: Session): Promise<void> {
  await session.exec("ROLLBACK").catch(() => {});
}
