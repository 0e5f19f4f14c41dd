import { PitstopError } from "../core/errors.js";
import { type Migration, migrationId, type SqlScript } from "../core/migration.js";
import type { PlanStep } from "../core/plan.js";
import type { Session } from "../driver/driver.js";
import type { AnalyzedScript, AnalyzedStatement } from "../sql/analyze.js";
import { deleteSql, type HistoryTable, progressSql, recordSql } from "../store/history.js";
import { isLeaseLost } from "../store/table-lock.js";
import { prepareRerun } from "./rerun-check.js";
import type { RunContext } from "./run-context.js";
import {
  beginSql,
  errorText,
  execStatement,
  localSettings,
  lockTimeoutError,
  rollback,
  sessionReset,
  statementFailure,
  stateSql,
  withLockRetries,
} from "./run-support.js";
import { migrationError } from "./sql-error.js";

/**
 * No transaction: statement by statement, progress recorded after each, so
 * a crash or a failure can resume where it stopped.
 */
export async function runSteps(
  session: Session,
  step: PlanStep,
  script: SqlScript,
  analyzed: AnalyzedScript,
  ctx: RunContext,
): Promise<void> {
  const h = ctx.history;
  const m = step.migration;
  const statements = analyzed.statements;
  const started = performance.now();
  const guard = (sql: string) => session.exec(ctx.fence.guard(sql));
  if (step.direction === "up")
    await guard(recordSql(h, m, "running", { progress: step.resumeFrom }));
  else await guard(stateSql(h, m, "reverting", step.resumeFrom));
  let lockTimeout = -1;
  let inUserTransaction = false;
  let transactionStart = step.resumeFrom;
  let done = step.resumeFrom;
  try {
    if (ctx.statementTimeoutMs > 0 && !ctx.pooled)
      await session.exec(`SET statement_timeout = ${ctx.statementTimeoutMs}`);
    for (let i = step.resumeFrom; i < statements.length; i++) {
      const s = statements[i]!;
      if (i > step.resumeFrom && !inUserTransaction)
        await ctx.replicaLag?.wait(session, { migration: m, statement: i });
      ctx.onEvent({
        type: "statement",
        direction: step.direction,
        migration: m,
        index: i,
        total: statements.length,
      });
      if (i === step.resumeFrom && continues(step)) {
        await ctx.fence.renew(session);
        const rerun = await prepareRerun(session, m, s, ctx);
        if (!rerun.run) {
          ctx.onEvent({
            type: "already-done",
            direction: step.direction,
            migration: m,
            index: i,
            reason: rerun.reason,
          });
          done = i + 1;
          await guard(progressSql(h, m.version, done));
          continue;
        }
      }
      if (!inUserTransaction && !ctx.pooled) {
        const wanted = s.facts.concurrent ? 0 : ctx.ddlLockTimeoutMs;
        if (wanted !== lockTimeout) {
          await session.exec(`SET lock_timeout = ${wanted}`);
          lockTimeout = wanted;
        }
      }
      const control = s.facts.transactionControl;
      if (control === "begin") transactionStart = i;
      const wrapped = inUserTransaction ? undefined : pooledStatement(ctx, s, h, m, i + 1);
      try {
        if (inUserTransaction) await execStatement(session, s);
        else if (wrapped) await withLockRetries(step, ctx, () => execWrapped(session, wrapped));
        else {
          await ctx.fence.renew(session);
          await withLockRetries(step, ctx, () => execStatement(session, s));
        }
        if (control === "begin" && ctx.pooled && userTransactionSettings(ctx))
          await session.exec(userTransactionSettings(ctx));
      } catch (error) {
        // (A failed fence right after the script's BEGIN leaves that transaction open too.)
        if (inUserTransaction || control === "begin") {
          await rollback(session);
          done = transactionStart;
        }
        if (isLeaseLost(error)) throw error;
        throw migrationError(lockTimeoutError(error, step, ""), {
          ...statementFailure(script, step, s, stepsOutcome(step, done, statements.length)),
          prefixLength: wrapped?.prefixLength ?? 0,
        });
      }
      if (control === "begin") inUserTransaction = true;
      if (control === "commit" || control === "rollback") inUserTransaction = false;
      if (!inUserTransaction) {
        done = i + 1;
        if (!wrapped) await guard(progressSql(h, m.version, done));
      }
    }
    if (inUserTransaction) {
      await rollback(session);
      done = transactionStart;
      throw new PitstopError(
        "MIGRATION_FAILED",
        `${script.file}: migration ${migrationId(m)} opens a transaction (BEGIN) that it never commits`,
        {
          hint: `Add COMMIT at the end of the script. ${stepsOutcome(step, done, statements.length)}`,
        },
      );
    }
    const finish =
      step.direction === "up"
        ? recordSql(h, m, "applied", { durationMs: performance.now() - started })
        : deleteSql(h, m.version);
    await guard(finish);
  } catch (error) {
    await guard(
      stateSql(h, m, step.direction === "up" ? "failed" : "revert_failed", done, errorText(error)),
    ).catch(() => {});
    throw error;
  } finally {
    // RESET ALL also undoes the lock_timeout and statement_timeout set above.
    await session.exec(sessionReset(ctx)).catch(() => {});
  }
}

interface Wrapped {
  readonly text: string;
  readonly prefixLength: number;
}

/**
 * Behind a pooler, a statement that can run in a transaction runs in its own,
 * with the fence, SET LOCAL settings and its progress record: session
 * settings would not stick to the next statement's server connection, and
 * statement and progress commit together.
 */
function pooledStatement(
  ctx: RunContext,
  s: AnalyzedStatement,
  h: HistoryTable,
  m: Migration,
  progress: number,
): Wrapped | undefined {
  if (!ctx.pooled || !s.facts.transactional || s.facts.transactionControl) return undefined;
  if (s.copyData !== undefined) return undefined;
  const prefix = beginSql(ctx);
  return {
    text: `${prefix}${s.text}\n;\n${progressSql(h, m.version, progress)};\nCOMMIT`,
    prefixLength: prefix.length,
  };
}

async function execWrapped(session: Session, wrapped: Wrapped): Promise<void> {
  try {
    await session.exec(wrapped.text);
  } catch (error) {
    await rollback(session);
    throw error;
  }
}

/** After a script's own BEGIN behind a pooler: the fence and SET LOCAL settings ("" when none). */
function userTransactionSettings(ctx: RunContext): string {
  return `${ctx.fence.check ? `${ctx.fence.check};\n` : ""}${localSettings(ctx)}`;
}

function stepsOutcome(step: PlanStep, done: number, total: number): string {
  const v = step.migration.versionText;
  if (step.direction === "down") {
    return `It runs outside a transaction: ${done} of ${total} statements of its down script completed and the history marks it revert_failed. Fix the statement and run \`pitstop down\` to continue from statement ${done + 1}, or repair by hand and run \`pitstop force ${v}\`.`;
  }
  return `It runs outside a transaction: ${done} of ${total} statements completed and the history marks it failed. Fix the statement and run \`pitstop up\` to continue from statement ${done + 1}, or repair by hand and run \`pitstop force ${v}\`.`;
}

/**
 * Whether an earlier run of this step stopped part-way (killed, the server
 * gone, or a statement failed): then the statement it stopped in may have
 * left something behind, or even have finished.
 */
function continues(step: PlanStep): boolean {
  const state = step.record?.state;
  if (step.direction === "up") return state === "running" || state === "failed";
  return state === "reverting" || state === "revert_failed";
}
