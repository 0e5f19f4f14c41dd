import type { PitstopConfig } from "../config.js";
import { UsageError } from "../core/errors.js";

/** What a value of the config may be: a type name, a set of strings, or a nested shape. */
type Expect = "string" | "number" | "boolean" | "duration" | readonly string[] | Shape;
interface Shape {
  readonly [key: string]: Expect | ((value: unknown) => string | undefined);
}

const DURATION: Expect = "duration";

/** Every key `PitstopConfig` has, with the type it takes (rule names are the linter's to check). */
const CONFIG_SHAPE: Shape = {
  database: "string",
  dir: "string",
  dirFormat: ["pitstop", "golang-migrate", "goose", "dbmate"],
  format: ["pitstop", "golang-migrate", "goose", "dbmate"],
  history: { schema: "string", table: "string" },
  lockTimeout: DURATION,
  ddlLockTimeout: DURATION,
  statementTimeout: DURATION,
  lockRetries: "number",
  maxReplicaLag: DURATION,
  replicaLagTimeout: DURATION,
  locker: ["auto", "advisory", "table"],
  lease: DURATION,
  allowOutOfOrder: "boolean",
  versionStyle: ["timestamp", "sequence"],
  embedded: { dataDir: "string" },
  lint: {
    rules: (v) => (isPlainObject(v) ? undefined : "an object of rule ids"),
    pgVersion: "number",
    onUp: ["warn", "error", "off"],
  },
  seeds: {
    dir: "string",
    productionGuard: (v) =>
      v instanceof RegExp || typeof v === "string" || v === false || typeof v === "function"
        ? undefined
        : "a RegExp, a string, false or a function",
  },
};

/**
 * Checks what a config file exported: an object with known keys of the right
 * types. Each problem is an error naming the file and the key (with "did you
 * mean" for a misspelt one).
 *
 * @example
 * checkConfig({ dir: "db", ddlLockTimout: "3s" }, "pitstop.config.ts");
 * // throws: pitstop.config.ts: unknown key `ddlLockTimout` (did you mean `ddlLockTimeout`?)
 */
export function checkConfig(value: unknown, file: string): PitstopConfig {
  if (!isPlainObject(value)) {
    throw new UsageError(`${file}: the default export is ${describe(value)}, not a config object`, {
      hint: 'Write `export default defineConfig({ dir: "migrations" })`.',
    });
  }
  checkShape(value, CONFIG_SHAPE, file, "");
  return value as PitstopConfig;
}

function checkShape(value: Record<string, unknown>, shape: Shape, file: string, prefix: string) {
  for (const [key, v] of Object.entries(value)) {
    const name = `${prefix}${key}`;
    const expect = shape[key];
    if (expect === undefined) {
      const near = closest(key, Object.keys(shape));
      throw new UsageError(
        `${file}: unknown key \`${name}\`${near ? ` (did you mean \`${prefix}${near}\`?)` : ""}`,
        {
          hint: `The keys${prefix ? ` of ${prefix.slice(0, -1)}` : ""} are ${Object.keys(shape).join(", ")}.`,
        },
      );
    }
    if (v === undefined) continue;
    const problem =
      typeof expect === "function" ? expect(v) : mismatch(v, expect, file, `${name}.`);
    if (problem)
      throw new UsageError(`${file}: \`${name}\` is ${describe(v)}; it must be ${problem}`);
  }
}

/** Why `v` does not fit `expect` (undefined when it does); nested shapes are checked in place. */
function mismatch(v: unknown, expect: Expect, file: string, prefix: string): string | undefined {
  if (expect === "duration")
    return typeof v === "string" || typeof v === "number"
      ? undefined
      : 'a duration like "5s" or a number of milliseconds';
  if (typeof expect === "string") return typeof v === expect ? undefined : `a ${expect}`;
  if (Array.isArray(expect))
    return expect.includes(v as string)
      ? undefined
      : `one of ${expect.map((e) => `"${e}"`).join(", ")}`;
  if (!isPlainObject(v)) return "an object";
  checkShape(v, expect as Shape, file, prefix);
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof RegExp);
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** The known key nearest to a misspelt one (edit distance up to a third of its length). */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length]!;
}
