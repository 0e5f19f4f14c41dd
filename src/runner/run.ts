import { PitstopError } from "../core/errors.js";
import {
  type CodeScript,
  type Migration,
  migrationId,
  type Script,
  type SqlScript,
} from "../core/migration.js";
import type { Plan, PlanStep } from "../core/plan.js";
import { DatabaseError, type Session, SQLSTATE } from "../driver/driver.js";
import { type AnalyzedScript, type AnalyzedStatement, analyzeScript } from "../sql/analyze.js";
import { loadParser } from "../sql/parser.js";
import {
  deleteSql,
  type HistoryTable,
  progressSql,
  qualifiedName,
  recordSql,
} from "../store/history.js";
import { quoteIdent, quoteLiteral, versionLiteral } from "../store/sql-text.js";
import type { EventListener } from "./events.js";
import type { MigrationResult, RunResult } from "./results.js";
import { type FailureContext, migrationError } from "./sql-error.js";

export const DEFAULT_DDL_LOCK_TIMEOUT_MS = 5_000;
export const DEFAULT_LOCK_RETRIES = 3;
export const DEFAULT_RETRY_DELAY_MS = 1_000;
/** A failed batch that ran longer than this is not replayed to find the failing statement. */
export const LOCATE_REPLAY_LIMIT_MS = 10_000;

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
  readonly onEvent: EventListener;
  readonly sleep?: (ms: number) => Promise<void>;
}

type Prepared = { step: PlanStep; script: Script; analyzed: AnalyzedScript | undefined };

/**
 * Runs a plan on a session that holds the migration lock. Every SQL script is
 * parsed before anything runs, so a syntax error anywhere changes nothing.
 * Never throws for a migration failure: the result says what ran.
 */
export async function runPlan(session: Session, plan: Plan, ctx: RunContext): Promise<RunResult> {
  const results: MigrationResult[] = [];
  let prepared: Prepared[];
  try {
    prepared = await prepare(plan, ctx.serverVersion);
  } catch (error) {
    const e = asPitstopError(error);
    return { results: plan.steps.map((s) => notExecuted(s)), error: e, warnings: plan.warnings };
  }
  for (let i = 0; i < prepared.length; i++) {
    const p = prepared[i]!;
    try {
      if (ctx.dryRun) {
        reportDryRun(p, ctx);
        results.push(notExecuted(p.step));
        continue;
      }
      const durationMs = await runStep(session, p, ctx);
      results.push({
        ...base(p.step),
        status: "success",
        durationMs,
        mode: p.analyzed?.mode ?? "transaction",
      });
      ctx.onEvent({
        type: "migration-done",
        direction: p.step.direction,
        migration: p.step.migration,
        durationMs,
      });
    } catch (error) {
      const e = asPitstopError(error);
      ctx.onEvent({
        type: "migration-failed",
        direction: p.step.direction,
        migration: p.step.migration,
        error: e,
      });
      results.push({ ...base(p.step), status: "error", error: e });
      for (const rest of prepared.slice(i + 1)) results.push(notExecuted(rest.step));
      return { results, error: e, warnings: plan.warnings };
    }
  }
  return { results, error: undefined, warnings: plan.warnings };
}

async function prepare(plan: Plan, serverVersion: number): Promise<Prepared[]> {
  const scripts = plan.steps.map((step) => scriptOf(step));
  if (scripts.some((s) => s.kind === "sql")) await loadParser();
  return plan.steps.map((step, i) => {
    const script = scripts[i]!;
    return {
      step,
      script,
      analyzed: script.kind === "sql" ? analyzeScript(script, serverVersion) : undefined,
    };
  });
}

function scriptOf(step: PlanStep): Script {
  const script = step.direction === "up" ? step.migration.up : step.migration.down;
  if (!script)
    throw new PitstopError(
      "NO_DOWN",
      `migration ${migrationId(step.migration)} has no down script`,
    );
  return script;
}

function base(step: PlanStep) {
  return {
    direction: step.direction,
    version: step.migration.version,
    id: migrationId(step.migration),
  };
}

function notExecuted(step: PlanStep): MigrationResult {
  return { ...base(step), status: "not_executed" };
}

function asPitstopError(error: unknown): PitstopError {
  if (error instanceof PitstopError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PitstopError("INTERNAL", message, { cause: error });
}

async function runStep(session: Session, p: Prepared, ctx: RunContext): Promise<number> {
  const started = performance.now();
  const { step, script, analyzed } = p;
  ctx.onEvent({
    type: "migration-start",
    direction: step.direction,
    migration: step.migration,
    mode: analyzed?.mode ?? (script.transaction === false ? "steps" : "transaction"),
    reason: analyzed?.reason,
    resumeFrom: step.resumeFrom,
    statements: analyzed?.statements.length ?? 1,
  });
  if (script.kind === "code") await runCode(session, step, script, ctx);
  else if (analyzed!.mode === "batch") await runBatch(session, step, script, analyzed!, ctx);
  else if (analyzed!.mode === "transaction")
    await runInTransaction(session, step, script, analyzed!, ctx);
  else await runSteps(session, step, script, analyzed!, ctx);
  return performance.now() - started;
}

/** `SET LOCAL` lines for a migration's transaction. */
function localSettings(ctx: RunContext): string {
  let out = "";
  if (ctx.ddlLockTimeoutMs > 0) out += `SET LOCAL lock_timeout = ${ctx.ddlLockTimeoutMs};\n`;
  if (ctx.statementTimeoutMs > 0)
    out += `SET LOCAL statement_timeout = ${ctx.statementTimeoutMs};\n`;
  return out;
}

function finishSql(step: PlanStep, ctx: RunContext, durationMs: number | "elapsed"): string {
  return step.direction === "up"
    ? recordSql(ctx.history, step.migration, "applied", { durationMs })
    : deleteSql(ctx.history, step.migration.version);
}

const ROLLED_BACK =
  "It ran in a transaction that was rolled back: nothing of it was applied. Fix it and run the command again.";

/** The whole script, its history row and COMMIT in one round trip. */
async function runBatch(
  session: Session,
  step: PlanStep,
  script: SqlScript,
  analyzed: AnalyzedScript,
  ctx: RunContext,
): Promise<void> {
  const prelude = `BEGIN;\n${localSettings(ctx)}`;
  const text = `${prelude}${script.sql}\n;\n${finishSql(step, ctx, "elapsed")};\nCOMMIT;${analyzed.setsSession ? "\nRESET ALL;" : ""}`;
  await withLockRetries(step, ctx, async () => {
    const started = performance.now();
    try {
      await session.exec(text);
    } catch (error) {
      await rollback(session);
      if (isLockTimeout(error)) throw error;
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
      throw migrationError(error, failure);
    }
  }).catch(async (error) => {
    await recordFailure(session, step, ctx, 0, error);
    throw lockTimeoutError(error, step, ROLLED_BACK);
  });
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
async function runInTransaction(
  session: Session,
  step: PlanStep,
  script: SqlScript,
  analyzed: AnalyzedScript,
  ctx: RunContext,
): Promise<void> {
  await withLockRetries(step, ctx, async () => {
    await session.exec(`BEGIN;\n${localSettings(ctx)}`);
    let current: AnalyzedStatement | undefined;
    try {
      for (const s of analyzed.statements) {
        current = s;
        await execStatement(session, s);
      }
      current = undefined;
      await session.exec(
        `${finishSql(step, ctx, "elapsed")};\nCOMMIT;${analyzed.setsSession ? "\nRESET ALL;" : ""}`,
      );
    } catch (error) {
      await rollback(session);
      if (isLockTimeout(error)) throw error;
      throw migrationError(error, statementFailure(script, step, current, ROLLED_BACK));
    }
  }).catch(async (error) => {
    await recordFailure(session, step, ctx, 0, error);
    throw lockTimeoutError(error, step, ROLLED_BACK);
  });
}

function statementFailure(
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

async function execStatement(session: Session, s: AnalyzedStatement): Promise<void> {
  if (s.copyData !== undefined) await session.copyFrom(s.text, s.copyData);
  else await session.exec(s.text);
}

/**
 * No transaction: statement by statement, progress recorded after each, so
 * a crash or a failure can resume where it stopped.
 */
async function runSteps(
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

function stateSql(
  h: HistoryTable,
  m: Migration,
  state: string,
  progress: number,
  error?: string,
): string {
  const err = error === undefined ? "NULL" : quoteLiteral(error.slice(0, 4000));
  return `UPDATE ${qualifiedName(h)} SET state = '${state}', progress = ${progress}, error = ${err} WHERE version = ${versionLiteral(m.version)}`;
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

/** A migration written in TypeScript/JavaScript. */
async function runCode(
  session: Session,
  step: PlanStep,
  script: CodeScript,
  ctx: RunContext,
): Promise<void> {
  const h = ctx.history;
  const db = { query: session.query.bind(session), exec: session.exec.bind(session) };
  if (script.transaction === false) {
    const started = performance.now();
    if (step.direction === "up") await session.exec(recordSql(h, step.migration, "running"));
    try {
      await script.run(db);
    } catch (error) {
      await session
        .exec(
          stateSql(
            h,
            step.migration,
            step.direction === "up" ? "failed" : "revert_failed",
            0,
            errorText(error),
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
    await session.exec(finishSql(step, ctx, performance.now() - started));
    return;
  }
  await withLockRetries(step, ctx, async () => {
    await session.exec(`BEGIN;\n${localSettings(ctx)}`);
    try {
      await script.run(db);
      await session.exec(`${finishSql(step, ctx, "elapsed")};\nCOMMIT`);
    } catch (error) {
      await rollback(session);
      if (isLockTimeout(error)) throw error;
      throw codeError(error, script, step, ROLLED_BACK);
    }
  }).catch(async (error) => {
    await recordFailure(session, step, ctx, 0, error);
    throw lockTimeoutError(error, step, ROLLED_BACK);
  });
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

function isLockTimeout(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === SQLSTATE.lockNotAvailable;
}

/** Retries `fn` after a lock timeout: our DDL must not queue the app's queries behind it for long. */
async function withLockRetries(
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

function lockTimeoutError(error: unknown, step: PlanStep, outcome: string): unknown {
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

async function recordFailure(
  session: Session,
  step: PlanStep,
  ctx: RunContext,
  progress: number,
  error: unknown,
): Promise<void> {
  if (step.direction !== "up") return;
  await session
    .exec(recordSql(ctx.history, step.migration, "failed", { progress, error: errorText(error) }))
    .catch(() => {});
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function rollback(session: Session): Promise<void> {
  await session.exec("ROLLBACK").catch(() => {});
}

function reportDryRun(p: Prepared, ctx: RunContext): void {
  const { step, script, analyzed } = p;
  const sql = script.kind === "sql" ? script.sql.trim() : `-- code migration ${script.file}`;
  ctx.onEvent({
    type: "dry-run",
    direction: step.direction,
    migration: step.migration,
    mode: analyzed?.mode ?? "transaction",
    reason: analyzed?.reason,
    sql,
  });
}
