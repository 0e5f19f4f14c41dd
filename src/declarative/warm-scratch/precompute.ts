import fs from "node:fs";
import path from "node:path";
import type { Driver } from "../../driver/driver.js";
import { extensionsCreated, readSchema, rolesNamed } from "../load.js";
import {
  loadAndInspect,
  modelsCache,
  type SchemaModelOptions,
  schemaModelKey,
} from "../schema-model.js";
import { createRoles } from "../scratch.js";

/** A desired schema a command loaded: the process loads it again when it changes. */
export interface SchemaWatch {
  /** The command's working directory. */
  readonly cwd: string;
  /** The schema file or folder, as the command was given it (the model's key holds that name). */
  readonly schema: string;
  readonly options: SchemaModelOptions;
}

/** At most this many schemas watched (a project has one or two). */
const MAX_WATCHES = 8;
/** Editors write a file in bursts (truncate, write, rename): wait for the last event. */
const SETTLE_MS = 150;

/**
 * The schemas that commands loaded on the warm scratch. When one changes
 * on disk, its model is computed and kept in the project's model cache (the
 * same key a command computes), so the next `diff` finds it there: what is
 * left is the command's own work. Each load is a job that takes its turn on
 * the database like a command.
 *
 * @example
 * const watches = new SchemaWatches(cacheDir, (key, job) => queue.push({ key, job }), log);
 * watches.add({ cwd: "/app", schema: "schema.sql", options: {} });
 */
export class SchemaWatches {
  readonly #watchers = new Map<string, { close(): void }>();
  readonly #cacheDir: string;
  readonly #enqueue: (
    key: string,
    job: (db: Driver, extensions: ReadonlySet<string>) => Promise<void>,
  ) => void;
  readonly #log: (line: string) => void;
  /** Models computed and kept. */
  kept = 0;

  constructor(
    cacheDir: string,
    enqueue: (
      key: string,
      job: (db: Driver, extensions: ReadonlySet<string>) => Promise<void>,
    ) => void,
    log: (line: string) => void,
  ) {
    this.#cacheDir = cacheDir;
    this.#enqueue = enqueue;
    this.#log = log;
  }

  add(watch: SchemaWatch): void {
    const key = JSON.stringify([watch.cwd, watch.schema, watch.options]);
    if (this.#watchers.has(key)) return;
    if (this.#watchers.size >= MAX_WATCHES) {
      const [oldest, watcher] = this.#watchers.entries().next().value!;
      watcher.close();
      this.#watchers.delete(oldest);
    }
    const target = path.resolve(watch.cwd, watch.schema);
    let isFolder: boolean;
    try {
      isFolder = fs.statSync(target).isDirectory();
    } catch {
      return;
    }
    // The folder holding the file: editors replace a file (write aside, rename) and a
    // watch on the file itself would stop at the first save.
    const dir = isFolder ? target : path.dirname(target);
    const name = path.basename(target);
    let timer: NodeJS.Timeout | undefined;
    try {
      const watcher = fs.watch(dir, { recursive: isFolder, persistent: false }, (_event, file) => {
        if (!isFolder && file !== name) return;
        if (isFolder && file !== null && !String(file).endsWith(".sql")) return;
        clearTimeout(timer);
        timer = setTimeout(
          () => this.#enqueue(key, (db, extensions) => this.#load(watch, db, extensions)),
          SETTLE_MS,
        );
      });
      watcher.on("error", () => {
        watcher.close();
        this.#watchers.delete(key);
      });
      this.#watchers.set(key, {
        close: () => {
          clearTimeout(timer);
          watcher.close();
        },
      });
      this.#log(`watching ${target}`);
    } catch {
      // Not watchable (a file system without notifications): commands load it themselves.
    }
  }

  close(): void {
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
  }

  /** Loads the schema as a command would and keeps its model; anything unusual is left to the command. */
  async #load(watch: SchemaWatch, db: Driver, extensions: ReadonlySet<string>): Promise<void> {
    const started = performance.now();
    try {
      const files = await readSchema(watch.schema, watch.cwd);
      const cache = modelsCache(this.#cacheDir);
      const key = schemaModelKey(watch.options, files);
      if (cache.get(key) !== undefined) return;
      const splits = files.map((f) => f.split);
      if (extensionsCreated(splits).some((e) => !extensions.has(e))) return;
      const roles = rolesNamed(splits);
      if (roles.length > 0) await createRoles(db, roles);
      const scratch = {
        driver: db,
        description: "the warm scratch",
        reset: async () => {},
        close: async () => {},
      };
      cache.set(key, await loadAndInspect(scratch, files, watch.options));
      this.kept++;
      this.#log(
        `${watch.schema} changed: its model is kept (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    } catch (error) {
      // A schema that does not load: the next command reports it, with its location.
      this.#log(`${watch.schema} changed and does not load: ${(error as Error).message}`);
    }
  }
}
