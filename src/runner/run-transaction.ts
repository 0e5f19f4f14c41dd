import { PitstopError } from "../core/errors.js";
import { type CodeScript, migrationId, type SqlScript } from "../core/migration.js";
import type { PlanStep } from "../core/plan.js";
import { DatabaseError, type Session } from "../driver/driver.js";
import type { AnalyzedScript, AnalyzedStatement } from "../sql/analyze.js";
import { recordSql } from "../store/history.js";
import { isLeaseLost } from "../store/table-lock.js";
import type { RunContext } from "./run-context.js";
import {
  beginSql,
  errorText,
  execStatement,
  finishSql,
  isLockTimeout,
  localSettings,
  lockTimeoutError,
  recordFailure,
  rollback,
  sessionReset,
  statementFailure,
  stateSql,
  withLockRetries,
} from "./run-support.js";
import { type FailureContext, migrationError } from "./sql-error.js";

/** A failed batch that ran longer than this is not replayed to find the failing statement. */
export const LOCATE_REPLAY_LIMIT_MS = 10_000;

export const ROLLED_BACK =
  "It ran in a transaction that was rolled back: nothing of it was applied. Fix it and run the command again.";

/**
 * One transactional attempt with its failure handling: rollback, lock-timeout
 * retries with backoff, then a `failed` history record and an explained error.
 * `attempt` sends the work; `explain` turns a non-lock error into the error
 * the user sees (it runs after the rollback, so it may query the session).
 */
async function transactional(
  session: Session,
  step: PlanStep,
  ctx: RunContext,
  attempt: () => Promise<void>,
  explain: (error: unknown) => Promise<unknown> | unknown,
): Promise<void> {
  await withLockRetries(step, ctx, async () => {
    try {
      await attempt();
    } catch (error) {
      await rollback(session);
      if (isLockTimeout(error) || isLeaseLost(error)) throw error;
      throw await explain(error);
    }
  }).catch(async (error) => {
    await recordFailure(session, step, ctx, 0, error);
    throw lockTimeoutError(error, step, ROLLED_BACK);
  });
}

/** The whole script, its history row and COMMIT in one round trip. */
export async function runBatch(
  session: Session,
  step: PlanStep,
  script: SqlScript,
  analyzed: AnalyzedScript,
  ctx: RunContext,
): Promise<void> {
  const prelude = beginSql(ctx);
  const text = `${prelude}${script.sql}\n;\n${finishSql(step, ctx, "elapsed")};\nCOMMIT;\n${sessionReset(ctx)}`;
  let started = 0;
  await transactional(
    session,
    step,
    ctx,
    async () => {
      started = performance.now();
      await session.exec(text);
    },
    async (error) => {
      const failure: FailureContext = {
        script,
        sentOffset: 0,
        prefixLength: prelude.length,
        sentLength: script.sql.length,
        outcome: ROLLED_BACK,
        migrationId: migrationId(step.migration),
      };
      if (
        error instanceof DatabaseError &&
        error.position === undefined &&
        performance.now() - started < LOCATE_REPLAY_LIMIT_MS
      ) {
        const failing = await locateFailingStatement(session, analyzed.statements, ctx);
        if (failing) failure.statementOffset = failing.start;
      }
      return migrationError(error, failure);
    },
  );
}

/**
 * Replays the statements one by one in a transaction that is rolled back, to
 * find which one fails when the server gave no position (a constraint
 * violation, a NOT NULL column over existing rows...).
 */
async function locateFailingStatement(
  session: Session,
  statements: readonly AnalyzedStatement[],
  ctx: RunContext,
): Promise<AnalyzedStatement | undefined> {
  try {
    await session.exec(`BEGIN;\n${localSettings(ctx)}`);
    for (const s of statements) {
      try {
        await session.exec(s.text);
      } catch {
        return s;
      }
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    await rollback(session);
  }
}

/** One transaction, statement by statement (COPY data needs its own call). */
export async function runInTransaction(
  session: Session,
  step: PlanStep,
  script: SqlScript,
  analyzed: AnalyzedScript,
  ctx: RunContext,
): Promise<void> {
  let current: AnalyzedStatement | undefined;
  await transactional(
    session,
    step,
    ctx,
    async () => {
      current = undefined;
      await session.exec(beginSql(ctx));
      for (const s of analyzed.statements) {
        current = s;
        await execStatement(session, s);
      }
      current = undefined;
      await session.exec(`${finishSql(step, ctx, "elapsed")};\nCOMMIT;\n${sessionReset(ctx)}`);
    },
    (error) => migrationError(error, statementFailure(script, step, current, ROLLED_BACK)),
  );
}

/** A migration written in TypeScript/JavaScript. */
export async function runCode(
  session: Session,
  step: PlanStep,
  script: CodeScript,
  ctx: RunContext,
): Promise<void> {
  const h = ctx.history;
  const db = { query: session.query.bind(session), exec: session.exec.bind(session) };
  if (script.transaction === false) {
    const started = performance.now();
    if (step.direction === "up")
      await session.exec(ctx.fence.guard(recordSql(h, step.migration, "running")));
    try {
      await bounded(script.run(db), script, ctx);
    } catch (error) {
      await session
        .exec(
          ctx.fence.guard(
            stateSql(
              h,
              step.migration,
              step.direction === "up" ? "failed" : "revert_failed",
              0,
              errorText(error),
            ),
          ),
        )
        .catch(() => {});
      throw codeError(
        error,
        script,
        step,
        "It ran outside a transaction: whatever it did before failing stays done.",
      );
    }
    await session.exec(
      `${ctx.fence.guard(finishSql(step, ctx, performance.now() - started))};\n${sessionReset(ctx)}`,
    );
    return;
  }
  await transactional(
    session,
    step,
    ctx,
    async () => {
      await session.exec(beginSql(ctx));
      await bounded(script.run(db), script, ctx);
      await session.exec(`${finishSql(step, ctx, "elapsed")};\nCOMMIT;\n${sessionReset(ctx)}`);
    },
    (error) => codeError(error, script, step, ROLLED_BACK),
  );
}

/**
 * A code migration's promise, bounded by the statement timeout when one is
 * set: a function that never resolves (a forgotten callback, an await on
 * something that never comes) fails instead of hanging the deploy.
 */
function bounded(run: Promise<void>, script: CodeScript, ctx: RunContext): Promise<void> {
  const ms = ctx.statementTimeoutMs;
  if (ms <= 0) return run;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new PitstopError(
            "MIGRATION_TIMEOUT",
            `${script.file}: the migration function did not finish within the statement timeout (${ms} ms)`,
            {
              hint: "Check that every promise it awaits settles; raise --statement-timeout (PITSTOP_STATEMENT_TIMEOUT) for a long data migration.",
            },
          ),
        ),
      ms,
    );
  });
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

function codeError(
  error: unknown,
  script: CodeScript,
  step: PlanStep,
  outcome: string,
): PitstopError {
  if (error instanceof PitstopError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof DatabaseError ? ` [${error.code}]` : "";
  return new PitstopError(
    "MIGRATION_FAILED",
    `${script.file}: migration ${migrationId(step.migration)} failed: ${message}${code}`,
    {
      hint: outcome,
      cause: error,
    },
  );
}
