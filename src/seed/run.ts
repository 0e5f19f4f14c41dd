import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { asPitstopError, PitstopError } from "../core/errors.js";
import { DatabaseError, type Driver, type QueryResult, type Session } from "../driver/driver.js";
import { migrationError } from "../runner/sql-error.js";
import { nodeOf, parser, type RawStmt } from "../sql/parser.js";
import { type MigrationLockOptions, withMigrationLock } from "../store/migration-lock.js";
import type { LoadedSeed } from "./load.js";
import type { SeedContext, SeedDb, SeedFile, SeedResult } from "./seed.js";
import { type TruncatedTable, truncateSql } from "./truncate.js";

export interface RunSeedsOptions {
  /** What seeds see as `ctx.env` (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** `ctx.environment`: the `--env` the seeds were picked for. */
  environment?: string | undefined;
  /**
   * Empty these tables first (see `planTruncation`). Then the truncation and
   * every seed share one transaction: a failing seed leaves the tables as they were.
   */
  truncate?: readonly TruncatedTable[];
  /**
   * Hold the migration lock while seeding, chosen as `pitstop up` chooses it
   * (the lease row behind a pooler; each seed's transaction is fenced by it).
   */
  lock?: MigrationLockOptions;
  /** Called after each seed. */
  onResult?: (seed: SeedFile, result: SeedResult) => void;
}

export interface SeedRunResult {
  readonly results: readonly SeedResult[];
  readonly error: PitstopError | undefined;
  /** Rows affected by all seeds that succeeded (and were committed). */
  readonly rows: number;
  /** Tables emptied first (empty without `truncate`, or when the run failed). */
  readonly truncated: readonly string[];
}

const DML = new Set(["InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt"]);
const ROLLED_BACK =
  "The seed ran in a transaction that was rolled back: nothing of it was applied. Fix it and seed again.";
const ALL_ROLLED_BACK =
  "The tables were emptied and seeded in one transaction, which was rolled back: the database is as it was before.";

/**
 * Runs loaded seeds in order, each in its own transaction (or, with
 * `truncate`, all in one). Never throws for a failing seed: the result says
 * what ran, and its error names file:line:col.
 *
 * @example
 * const loaded = await loadSeeds(listSeeds({ dir: "seeds" }).seeds);
 * const { error, rows } = await runSeeds(driver, loaded);
 */
export async function runSeeds(
  driver: Driver,
  seeds: readonly LoadedSeed[],
  options: RunSeedsOptions = {},
): Promise<SeedRunResult> {
  try {
    return await driver.session(async (session) => {
      const lock = options.lock;
      if (!lock) return await runAll(session, driver, seeds, options, "BEGIN");
      const fork = driver.fork ? () => driver.fork!() : undefined;
      return await withMigrationLock(
        session,
        { ...(fork ? { fork } : {}), ...lock },
        ({ locker }) =>
          runAll(
            session,
            driver,
            seeds,
            options,
            locker.check ? `BEGIN;\n${locker.check}` : "BEGIN",
          ),
      );
    });
  } catch (error) {
    const e = asPitstopError(error);
    return { results: [], error: e, rows: 0, truncated: [] };
  }
}

async function runAll(
  session: Session,
  driver: Driver,
  seeds: readonly LoadedSeed[],
  options: RunSeedsOptions,
  /** BEGIN, and the lock's fence check when it has one. */
  begin: string,
): Promise<SeedRunResult> {
  const truncate = options.truncate ?? [];
  const together = truncate.length > 0;
  const results: SeedResult[] = [];
  let rows = 0;
  if (together) {
    await session.exec(begin);
    await session.exec(truncateSql(truncate)).catch(async (error) => {
      await rollback(session);
      throw error;
    });
  }
  for (let i = 0; i < seeds.length; i++) {
    const seed = seeds[i]!;
    const started = performance.now();
    const logs: string[] = [];
    try {
      if (!together) await session.exec(begin);
      const count = await runOne(session, driver, seed, options, logs);
      if (!together) await session.exec(`COMMIT${setsSession(seed) ? ";\nRESET ALL" : ""}`);
      const result: SeedResult = {
        file: seed.seed.file,
        status: "success",
        rows: count,
        durationMs: performance.now() - started,
        logs,
      };
      results.push(result);
      rows += count;
      options.onResult?.(seed.seed, result);
    } catch (error) {
      await rollback(session);
      const e = seedError(error, seed, together ? ALL_ROLLED_BACK : ROLLED_BACK);
      const failed: SeedResult = { file: seed.seed.file, status: "error", error: e };
      options.onResult?.(seed.seed, failed);
      results.push(failed);
      for (const rest of seeds.slice(i + 1))
        results.push({ file: rest.seed.file, status: "not_executed" });
      // Committed seeds stay; in one transaction nothing does.
      return { results, error: e, rows: together ? 0 : rows, truncated: [] };
    }
  }
  if (together) await session.exec(`COMMIT${seeds.some(setsSession) ? ";\nRESET ALL" : ""}`);
  return { results, error: undefined, rows, truncated: truncate.map((t) => t.name) };
}

async function runOne(
  session: Session,
  driver: Driver,
  seed: LoadedSeed,
  options: RunSeedsOptions,
  logs: string[],
): Promise<number> {
  if (seed.kind === "sql") {
    let rows = 0;
    for (const s of seed.statements) {
      try {
        if (s.copyData !== undefined) rows += await session.copyFrom(s.text, s.copyData);
        else {
          const result = await session.query(s.text);
          if (DML.has(s.kind)) rows += result.rowCount ?? 0;
        }
      } catch (error) {
        throw new StatementFailure(error, s.start, s.end);
      }
    }
    return rows;
  }
  const db = new CountingDb(session);
  const ctx: SeedContext = {
    env: options.env ?? process.env,
    environment: options.environment,
    file: seed.seed.file,
    dialect: driver.dialect,
    log: (message) => logs.push(message),
  };
  const returned = await seed.run(db, ctx);
  return typeof returned === "number" ? returned : db.rows;
}

/** A session-level SET in a SQL seed would outlive it: reset after its commit. */
function setsSession(seed: LoadedSeed): boolean {
  return seed.kind === "sql" && seed.statements.some((s) => s.facts.setsSession);
}

/** A failing statement of a SQL seed, with where it sits. */
class StatementFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly start: number,
    readonly end: number,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

/** The session a code seed gets: counts rows of the DML it sends through `query` and `copyFrom`. */
class CountingDb implements SeedDb {
  rows = 0;
  readonly #session: Session;

  constructor(session: Session) {
    this.#session = session;
  }

  async query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> {
    const result = await this.#session.query<R>(sql, params);
    if (result.rowCount !== null && changesRows(sql)) this.rows += result.rowCount;
    return result;
  }

  exec(sql: string): Promise<void> {
    return this.#session.exec(sql);
  }

  async copyFrom(sql: string, data: string): Promise<number> {
    const n = await this.#session.copyFrom(sql, data);
    this.rows += n;
    return n;
  }
}

const dmlCache = new Map<string, boolean>();

/** Whether a query's rowCount means rows changed (INSERT/UPDATE/DELETE/MERGE), not rows returned. */
function changesRows(sql: string): boolean {
  let known = dmlCache.get(sql);
  if (known === undefined) {
    try {
      const stmts = (parser().parseSync(sql) as { stmts?: RawStmt[] }).stmts ?? [];
      known = stmts.length === 1 && DML.has(nodeOf(stmts[0]!.stmt)[0]);
    } catch {
      known = false;
    }
    if (dmlCache.size < 10_000) dmlCache.set(sql, known);
  }
  return known;
}

function seedError(error: unknown, seed: LoadedSeed, outcome: string): PitstopError {
  const subject = `seed ${seed.seed.name}`;
  if (seed.kind === "sql" && error instanceof StatementFailure) {
    return migrationError(error.error, {
      script: seed.script,
      sentOffset: error.start,
      prefixLength: 0,
      sentLength: error.end - error.start,
      statementOffset: error.start,
      outcome,
      migrationId: seed.seed.name,
      subject,
      errorCode: "SEED_FAILED",
    });
  }
  if (error instanceof PitstopError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof DatabaseError ? ` [${error.code}]` : "";
  const at = stackLocation(error, seed.seed.file);
  const where = at ? `${seed.seed.file}:${at.line}:${at.column}` : seed.seed.file;
  return new PitstopError("SEED_FAILED", `${where}: ${subject} failed: ${message}${code}`, {
    hint: [error instanceof DatabaseError ? error.hint : undefined, outcome]
      .filter(Boolean)
      .join(" "),
    ...(at ? { location: { file: seed.seed.file, ...at } } : {}),
    cause: error,
  });
}

/** Line and column of the innermost stack frame in the seed's file (V8 keeps async frames). */
function stackLocation(error: unknown, file: string): { line: number; column: number } | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  const path = resolve(file);
  for (const candidate of [path, pathToFileURL(path).href]) {
    const at = stack.indexOf(`${candidate}:`);
    if (at < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(stack.slice(at + candidate.length));
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return undefined;
}

async function rollback(session: Session): Promise<void> {
  await session.exec("ROLLBACK").catch(() => {});
}
