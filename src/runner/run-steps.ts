import { PitstopError } from "../core/errors.js";
import { type Migration, migrationId, type SqlScript } from "../core/migration.js";
import type { PlanStep } from "../core/plan.js";
import type { Session } from "../driver/driver.js";
import type { AnalyzedScript } from "../sql/analyze.js";
import { deleteSql, progressSql, recordSql } from "../store/history.js";
import { quoteIdent } from "../store/sql-text.js";
import type { RunContext } from "./run-context.js";
import {
  errorText,
  execStatement,
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
      if (i === step.resumeFrom && step.resumeFrom > 0 && s.facts.index)
        await dropInvalidIndex(session, m, s.facts.index, ctx);
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
    // RESET ALL also undoes the lock_timeout and statement_timeout set above.
    await session.exec(sessionReset(ctx)).catch(() => {});
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
 * A CREATE INDEX CONCURRENTLY that was interrupted leaves an invalid index
 * behind; building it again would fail with "already exists".
 */
async function dropInvalidIndex(
  session: Session,
  m: Migration,
  index: { schema?: string; name: string },
  ctx: RunContext,
): Promise<void> {
  const { rows } = await session.query<{ nspname: string; relname: string }>(
    `SELECT n.nspname, c.relname FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid AND c.relname = $1 AND (n.nspname = $2 OR ($2::text IS NULL AND pg_table_is_visible(c.oid)))`,
    [index.name, index.schema ?? null],
  );
  const found = rows[0];
  if (!found) return;
  const sql = `DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(found.nspname)}.${quoteIdent(found.relname)}`;
  ctx.onEvent({
    type: "cleanup",
    migration: m,
    sql,
    reason: "an interrupted CREATE INDEX CONCURRENTLY left this index invalid",
  });
  await session.exec("SET lock_timeout = 0");
  await session.exec(sql);
}
