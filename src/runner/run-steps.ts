import { PitstopError } from "../core/errors.js";
import { migrationId, type SqlScript } from "../core/migration.js";
import type { PlanStep } from "../core/plan.js";
import type { Session } from "../driver/driver.js";
import type { AnalyzedScript } from "../sql/analyze.js";
import { deleteSql, progressSql, recordSql } from "../store/history.js";
import { prepareRerun } from "./rerun-check.js";
import type { RunContext } from "./run-context.js";
import {
  errorText,
  execStatement,
  lockTimeoutError,
  rollback,
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
  if (step.direction === "up")
    await session.exec(recordSql(h, m, "running", { progress: step.resumeFrom }));
  else await session.exec(stateSql(h, m, "reverting", step.resumeFrom));
  let lockTimeout = -1;
  let inUserTransaction = false;
  let transactionStart = step.resumeFrom;
  let done = step.resumeFrom;
  try {
    if (ctx.statementTimeoutMs > 0)
      await session.exec(`SET statement_timeout = ${ctx.statementTimeoutMs}`);
    for (let i = step.resumeFrom; i < statements.length; i++) {
      const s = statements[i]!;
      ctx.onEvent({
        type: "statement",
        direction: step.direction,
        migration: m,
        index: i,
        total: statements.length,
      });
      if (i === step.resumeFrom && continues(step)) {
        const rerun = await prepareRerun(session, m, s, ctx);
        lockTimeout = -1;
        if (!rerun.run) {
          ctx.onEvent({
            type: "already-done",
            direction: step.direction,
            migration: m,
            index: i,
            reason: rerun.reason,
          });
          done = i + 1;
          await session.exec(progressSql(h, m.version, done));
          continue;
        }
      }
      if (!inUserTransaction) {
        const wanted = s.facts.concurrent ? 0 : ctx.ddlLockTimeoutMs;
        if (wanted !== lockTimeout) {
          await session.exec(`SET lock_timeout = ${wanted}`);
          lockTimeout = wanted;
        }
      }
      const control = s.facts.transactionControl;
      if (control === "begin") transactionStart = i;
      try {
        if (inUserTransaction) await execStatement(session, s);
        else await withLockRetries(step, ctx, () => execStatement(session, s));
      } catch (error) {
        if (inUserTransaction) {
          await rollback(session);
          done = transactionStart;
        }
        throw migrationError(
          lockTimeoutError(error, step, ""),
          statementFailure(script, step, s, stepsOutcome(step, done, statements.length)),
        );
      }
      if (control === "begin") inUserTransaction = true;
      if (control === "commit" || control === "rollback") inUserTransaction = false;
      if (!inUserTransaction) {
        done = i + 1;
        await session.exec(progressSql(h, m.version, done));
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
    await session.exec(finish);
  } catch (error) {
    await session
      .exec(
        stateSql(
          h,
          m,
          step.direction === "up" ? "failed" : "revert_failed",
          done,
          errorText(error),
        ),
      )
      .catch(() => {});
    throw error;
  } finally {
    const resets = [
      lockTimeout >= 0 ? "RESET lock_timeout;" : "",
      ctx.statementTimeoutMs > 0 ? "RESET statement_timeout;" : "",
      analyzed.setsSession ? "RESET ALL;" : "",
    ].join("");
    if (resets) await session.exec(resets).catch(() => {});
  }
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
