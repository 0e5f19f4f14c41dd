import { asPitstopError, PitstopError } from "../core/errors.js";
import { migrationId, type Script } from "../core/migration.js";
import type { Plan, PlanStep } from "../core/plan.js";
import type { Session } from "../driver/driver.js";
import { type AnalyzedScript, analyzeScript } from "../sql/analyze.js";
import { loadParser } from "../sql/parser.js";
import { qualifiedName } from "../store/history.js";
import { isLeaseLost, leaseLostError, leaseTable } from "../store/table-lock.js";
import type { MigrationResult, RunResult } from "./results.js";
import type { RunContext } from "./run-context.js";
import { runSteps } from "./run-steps.js";
import { runBatch, runCode, runInTransaction } from "./run-transaction.js";

export {
  DEFAULT_DDL_LOCK_TIMEOUT_MS,
  DEFAULT_LOCK_RETRIES,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_SESSION_RESET,
  type RunContext,
} from "./run-context.js";
export { LOCATE_REPLAY_LIMIT_MS } from "./run-transaction.js";

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
    refuseOutsideTransaction(prepared, ctx);
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
      await ctx.replicaLag?.wait(session, { migration: p.step.migration });
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
      const e = isLeaseLost(error)
        ? leaseLostError(qualifiedName(leaseTable(ctx.history)))
        : asPitstopError(error);
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
    const analyzed = script.kind === "sql" ? analyzeScript(script, serverVersion) : undefined;
    if (analyzed?.statements.length === 0 && step.direction === "up") throw emptyUp(step, script);
    return { step, script, analyzed };
  });
}

/**
 * Behind a pooler a tenant's search_path lives in each transaction (SET
 * LOCAL); a statement that runs outside one would land, unqualified, in
 * whatever search_path its server connection has. Refused before anything runs.
 */
function refuseOutsideTransaction(prepared: readonly Prepared[], ctx: RunContext): void {
  if (!ctx.pooled || ctx.searchPath === undefined) return;
  for (const { step, script, analyzed } of prepared) {
    const outside =
      analyzed?.statements.find(
        (s) =>
          !s.facts.transactional || (analyzed.mode !== "transaction" && s.copyData !== undefined),
      ) ?? (script.kind === "code" && script.transaction === false ? "code" : undefined);
    if (outside === undefined) continue;
    const what =
      outside === "code"
        ? "runs outside a transaction (transaction: false)"
        : `has a statement that runs outside a transaction (${outside.text.trim().split("\n")[0]!.slice(0, 60)})`;
    throw new PitstopError(
      "POOLED_SEARCH_PATH",
      `${script.file}: migration ${migrationId(step.migration)} ${what}: behind a connection pooler it cannot be given the search_path ${ctx.searchPath}, which pitstop sets inside each transaction`,
      {
        hint: "Nothing was applied. Run these tenants on a direct connection to the server (a --database or targets URL that bypasses the pooler).",
        exitCode: 1,
      },
    );
  }
}

/**
 * An up script with nothing but comments: `pitstop create` then `pitstop up`
 * before writing the SQL. Recording it as applied would make the edited file
 * fail its checksum later.
 */
function emptyUp(step: PlanStep, script: Script): PitstopError {
  return new PitstopError(
    "EMPTY_MIGRATION",
    `${script.file}: migration ${migrationId(step.migration)} has no SQL statement to apply (its up section is empty or only comments)`,
    {
      hint: "Write the SQL that applies it (under `-- +up`), then run the command again. A migration meant to do nothing can say `SELECT 1;`.",
    },
  );
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

async function runStep(session: Session, p: Prepared, ctx: RunContext): Promise<number> {
  const started = performance.now();
  const { step, script, analyzed } = p;
  // Table locker: the lease is still ours and good for a while (a no-op for the advisory lock).
  await ctx.fence.renew(session);
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
