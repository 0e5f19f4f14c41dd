/**
 * The schema before and after one migration of a folder, replayed on a
 * scratch database on request: `pitstop studio`'s history shows what each
 * migration changed. The scratch database stays open between requests and
 * only moves forward (replaying back means starting over), and every model
 * read is kept, so walking the history newest-first costs one replay.
 */
import type { Migration } from "../core/migration.js";
import { inspect } from "../inspect/inspect.js";
import { emptyModel, type SchemaModel } from "../inspect/model.js";
import { loadParser } from "../sql/parser.js";
import { DEFAULT_HISTORY } from "../store/history.js";
import { type DeclarativeOptions, migrationSplits, replay } from "./declarative.js";
import { extensionsCreated, rolesNamed } from "./load.js";
import { openScratch, type Scratch } from "./scratch.js";

export interface StepModels {
  readonly before: SchemaModel;
  readonly after: SchemaModel;
}

/**
 * Lazily replayed models around each migration of `migrations` (in version order).
 *
 * @example
 * const steps = new StepReplay(await source.load(), {});
 * const { before, after } = await steps.around("20240101120000");
 * await steps.close();
 */
export class StepReplay {
  readonly #migrations: readonly Migration[];
  readonly #options: DeclarativeOptions;
  /** Model after the first `n` migrations, by `n`. */
  readonly #models = new Map<number, SchemaModel>([[0, emptyModel()]]);
  #scratch: Scratch | undefined;
  /** Migrations applied on the scratch database now. */
  #at = 0;
  /** One replay at a time. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(migrations: readonly Migration[], options: DeclarativeOptions) {
    this.#migrations = migrations;
    this.#options = options;
  }

  /** The models before and after migration `version`; throws if replaying up to it fails. */
  around(version: string): Promise<StepModels> {
    const index = this.#migrations.findIndex((m) => m.version === version);
    if (index < 0) return Promise.reject(new Error(`no migration ${version} in the folder`));
    const run = this.#queue.then(async () => ({
      before: await this.#modelAfter(index),
      after: await this.#modelAfter(index + 1),
    }));
    this.#queue = run.catch(() => {});
    return run;
  }

  /** Closes the scratch database (the models stay). */
  async close(): Promise<void> {
    await this.#queue;
    const scratch = this.#scratch;
    this.#scratch = undefined;
    this.#at = 0;
    await scratch?.close();
  }

  async #modelAfter(n: number): Promise<SchemaModel> {
    const known = this.#models.get(n);
    if (known) return known;
    const scratch = await this.#open();
    if (this.#at > n) {
      await scratch.reset();
      this.#at = 0;
    }
    try {
      await replay(scratch.driver, this.#migrations.slice(0, n), this.#options);
    } catch (error) {
      // Some of them may have been applied: start over next time.
      this.#at = Number.POSITIVE_INFINITY;
      throw error;
    }
    this.#at = n;
    const model = await inspect(scratch.driver, {
      ...this.#options.filter,
      history: this.#options.history ?? DEFAULT_HISTORY,
    });
    this.#models.set(n, model);
    return model;
  }

  async #open(): Promise<Scratch> {
    if (this.#scratch) return this.#scratch;
    await loadParser();
    const splits = migrationSplits([...this.#migrations]);
    const dev = this.#options.devUrl;
    this.#scratch = await openScratch({
      ...(dev ? { devUrl: dev } : {}),
      ...(this.#options.cacheDir ? { cacheDir: this.#options.cacheDir } : {}),
      extensions: dev ? [] : extensionsCreated(splits),
      roles: dev ? [] : rolesNamed(splits),
    });
    return this.#scratch;
  }
}
