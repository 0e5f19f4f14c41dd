import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SchemaModel } from "../inspect/model.js";

/**
 * Models of inputs loaded before, kept in the scratch cache and keyed
 * by everything that decides them (the inputs' text, the inspect options,
 * the PGlite version and this build of pitstop): a `diff` whose migrations
 * did not change since the last one skips replaying them.
 */
export interface ModelCache {
  get(key: string): SchemaModel | undefined;
  set(key: string, model: SchemaModel): void;
}

/** Entries kept: the newest ones (a project has a few live keys at a time). */
const KEEP = 20;

/**
 * @example
 * const cache = modelCache(".pitstop/cache/models-pglite-0.5.16");
 * const key = modelKey(["migrations", files]);
 * const model = cache.get(key) ?? build();
 */
export function modelCache(dir: string): ModelCache {
  const folder = dir;
  const file = (key: string) => path.join(folder, `${key}.json`);
  return {
    get(key) {
      try {
        const model = JSON.parse(fs.readFileSync(file(key), "utf8")) as SchemaModel;
        const now = new Date();
        fs.utimesSync(file(key), now, now);
        return model;
      } catch {
        return undefined;
      }
    },
    set(key, model) {
      try {
        fs.mkdirSync(folder, { recursive: true });
        // Written aside and renamed: a reader never sees half a file.
        const temp = `${file(key)}.${randomBytes(4).toString("hex")}.tmp`;
        fs.writeFileSync(temp, JSON.stringify(model));
        fs.renameSync(temp, file(key));
        prune(folder);
      } catch {
        // A cache: failing to keep an entry costs the next run time, nothing else.
      }
    },
  };
}

function prune(folder: string): void {
  const entries = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ f, t: fs.statSync(path.join(folder, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of entries.slice(KEEP)) fs.rmSync(path.join(folder, f), { force: true });
}

/** This build of pitstop: a rebuilt or upgraded one may inspect differently. */
let build: string | undefined;
export function buildIdentity(): string {
  if (build === undefined) {
    try {
      const self = fileURLToPath(import.meta.url);
      const s = fs.statSync(self);
      build = `${self}:${s.size}:${s.mtimeMs}`;
    } catch {
      build = "unknown";
    }
  }
  return build;
}

/** The key of a model: a hash of what decides it. */
export function modelKey(parts: readonly unknown[]): string {
  return createHash("sha256")
    .update(JSON.stringify([buildIdentity(), ...parts]))
    .digest("hex")
    .slice(0, 32);
}
