/** The seed model: what a seeds folder holds and what a seed written in code receives. */
import type { Dialect, Queryable } from "../driver/driver.js";

/** Where a seed file sits and how it runs. */
export interface SeedFile {
  /** The file name, e.g. `02_users.sql`: seeds run in the order of these names. */
  readonly name: string;
  /** The path as shown in messages, e.g. `seeds/development/02_users.sql`. */
  readonly file: string;
  /** The environment folder it comes from (`development`), or undefined for a common seed. */
  readonly env: string | undefined;
  readonly kind: "sql" | "code";
}

/**
 * What a seed written in TypeScript/JavaScript gets as `db`: the connection
 * of the seed's transaction. `query()` (one statement, `$1` parameters) and
 * `copyFrom()` count towards the seed's rows affected; `exec()` runs a script.
 */
export type SeedDb = Queryable;

/** The second argument of a seed written in code. */
export interface SeedContext {
  /**
   * Environment variables (the process's, over `.env`). Secrets such as the
   * first admin's password belong here, never in files committed to git.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The `--env` given (`development`, `test`...), or undefined. */
  readonly environment: string | undefined;
  /** This seed's file, as shown in messages. */
  readonly file: string;
  readonly dialect: Dialect;
  /** A line shown under the seed's result. */
  log(message: string): void;
}

/**
 * `export async function seed(db, ctx)` in a seed file (or its default
 * export). It may return the number of rows it affected; otherwise pitstop
 * counts the rows of its INSERT/UPDATE/DELETE/MERGE queries and COPYs.
 *
 * @example
 * import type { SeedContext, SeedDb } from "pg-pitstop";
 * export const tables = ["users"];
 * export async function seed(db: SeedDb, ctx: SeedContext) {
 *   await db.query(
 *     "INSERT INTO users (email, role) VALUES ($1, 'admin') ON CONFLICT (email) DO NOTHING",
 *     [ctx.env.ADMIN_EMAIL],
 *   );
 * }
 */
export type SeedFunction = (db: SeedDb, ctx: SeedContext) => Promise<unknown>;

/** What happened to one seed of a run. */
export type SeedResult =
  | {
      readonly file: string;
      readonly status: "success";
      /** Rows inserted, updated, deleted or copied. */
      readonly rows: number;
      readonly durationMs: number;
      /** Lines the seed logged through `ctx.log`. */
      readonly logs: readonly string[];
    }
  | { readonly file: string; readonly status: "error"; readonly error: Error }
  | { readonly file: string; readonly status: "not_executed" };
