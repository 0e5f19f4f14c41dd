import { type PitstopError, UsageError } from "../core/errors.js";
import { locateDatabase, maskUrl } from "../driver/connect.js";

/** One database (or one tenant schema in it) that a fleet run migrates. */
export interface FleetTarget {
  /** Shown in output and reports; unique within a fleet. Never holds a password. */
  readonly name: string;
  /** `postgres://...` (or `pglite:<dir>`); may carry a password, which is never printed. */
  readonly url: string;
  /**
   * Schema per tenant: the migrations run with `search_path` set to this
   * schema, and the history table lives in it.
   */
  readonly schema?: string;
}

/** Where a target line came from, for messages: `targets.txt:12` or `--targets-query row 3`. */
export interface TargetOrigin {
  readonly file: string;
  readonly line: number;
}

/**
 * Reads a targets file: one database URL a line, or `name=url`; blank lines
 * and `#` comments (whole lines, or after whitespace) are skipped; `${VAR}`
 * (and `${VAR:-default}`) take values from `env`, so secrets stay out of the
 * file. A mistake throws a UsageError naming file:line:column.
 *
 * @example
 * parseTargets("# EU\nacme=postgres://app:${ACME_PW}@db1/acme\npostgres://db2/globex\n", "targets.txt", process.env)
 * // [{ name: "acme", url: "postgres://app:...@db1/acme" }, { name: "globex", url: "postgres://db2/globex" }]
 */
export function parseTargets(
  text: string,
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): FleetTarget[] {
  const entries: { name: string | undefined; url: string; origin: TargetOrigin }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = stripComment(raw);
    if (line.trim() === "") return;
    const origin = { file, line: i + 1 };
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    const named = /^([^\s=:/]+)\s*=\s*(.*)$/.exec(body);
    const isUrl = /^[a-z][a-z0-9+.-]*:/i.test(body);
    if (!named && !isUrl)
      throw located(origin, indent + 1, `expected a database URL or name=url, got ${quoted(body)}`);
    const rawUrl = named ? named[2]!.trim() : body;
    const column = indent + 1 + (named ? body.length - named[2]!.length : 0);
    if (rawUrl === "") throw located(origin, column, `${named![1]} has no URL after =`);
    const space = rawUrl.search(/\s/);
    if (space !== -1)
      throw located(
        origin,
        column + space,
        `one URL a line, but found more after ${quoted(rawUrl.slice(0, space))}`,
        {
          hint: "A URL has no spaces; a comment after it starts with whitespace then #.",
        },
      );
    const url = expand(rawUrl, env, origin, column);
    checkUrl(url, origin, column);
    entries.push({ name: named?.[1], url, origin });
  });
  return nameTargets(entries);
}

/**
 * Targets from the rows of a `--targets-query`: a `url` column (or the
 * first column) and an optional `name` column; `${VAR}` in a URL is
 * expanded as in a targets file.
 *
 * @example
 * targetsFromRows([{ name: "acme", url: "postgres://db1/acme" }], process.env)
 */
export function targetsFromRows(
  rows: readonly Record<string, unknown>[],
  env: Readonly<Record<string, string | undefined>>,
  where = "--targets-query",
): FleetTarget[] {
  const entries = rows.map((row, i) => {
    const origin = { file: `${where} row`, line: i + 1 };
    const value = "url" in row ? row.url : Object.values(row)[0];
    if (typeof value !== "string" || value.trim() === "")
      throw new UsageError(`${origin.file} ${origin.line}: no URL (got ${String(value)})`, {
        hint: "The query must return a url column (and optionally name), e.g. SELECT name, url FROM tenants.",
      });
    const url = expand(value.trim(), env, origin, 1);
    checkUrl(url, origin, 1);
    const name = row.name === undefined || row.name === null ? undefined : String(row.name);
    return { name, url, origin };
  });
  return nameTargets(entries);
}

/**
 * The server a target lives on (`host:port`, a socket dir, or a PGlite data
 * dir): the unit the per-server connection limit counts.
 *
 * @example
 * serverOf("postgres://app:pw@db1.internal/acme") // "db1.internal:5432"
 */
export function serverOf(url: string): string {
  const location = locateDatabase({ url });
  if (location.kind === "pglite") return `pglite:${location.dataDir}`;
  try {
    const parsed = new URL(url);
    const socket = parsed.searchParams.get("host");
    const port = parsed.searchParams.get("port") ?? (parsed.port || "5432");
    return `${socket ?? parsed.hostname.toLowerCase()}:${port}`;
  } catch {
    return maskUrl(url);
  }
}

/** The database a URL names (its path), for a target written without a name. */
function databaseName(url: string): string {
  const location = locateDatabase({ url });
  if (location.kind === "pglite") return location.dataDir;
  try {
    const parsed = new URL(url);
    const db = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
    return db === "" ? parsed.username || "postgres" : db;
  } catch {
    return maskUrl(url);
  }
}

/** Explicit names must be unique; a derived name (the database) gets its server added when two collide. */
function nameTargets(
  entries: readonly { name: string | undefined; url: string; origin: TargetOrigin }[],
): FleetTarget[] {
  const derived = entries.map((e) => e.name ?? databaseName(e.url));
  const counts = new Map<string, number>();
  for (const n of derived) counts.set(n, (counts.get(n) ?? 0) + 1);
  const seen = new Map<string, TargetOrigin>();
  return entries.map((e, i) => {
    let name = derived[i]!;
    if (e.name === undefined && counts.get(name)! > 1) name = `${serverOf(e.url)}/${name}`;
    const first = seen.get(name);
    if (first)
      throw located(e.origin, 1, `target ${quoted(name)} is also at ${first.file}:${first.line}`, {
        hint: "Give each target its own name (name=url).",
      });
    seen.set(name, e.origin);
    return { name, url: e.url };
  });
}

function stripComment(line: string): string {
  if (line.trimStart().startsWith("#")) return "";
  const at = line.search(/\s#/);
  return at === -1 ? line : line.slice(0, at);
}

function expand(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  origin: TargetOrigin,
  column: number,
): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g,
    (match, name: string, fallback: string | undefined, offset: number) => {
      const value = env[name];
      if (value !== undefined && value !== "") return value;
      if (fallback !== undefined) return fallback;
      throw located(origin, column + offset, `${match}: ${name} is not set`, {
        hint: `Set ${name} in the environment (or .env), or write \${${name}:-default}.`,
      });
    },
  );
}

function checkUrl(url: string, origin: TargetOrigin, column: number): void {
  try {
    locateDatabase({ url });
  } catch (error) {
    const e = error as PitstopError;
    throw located(origin, column, e.message, e.hint ? { hint: e.hint } : {});
  }
}

function located(
  origin: TargetOrigin,
  column: number,
  message: string,
  options: { hint?: string } = {},
): UsageError {
  const where = origin.file.endsWith(" row")
    ? `${origin.file} ${origin.line}`
    : `${origin.file}:${origin.line}:${column}`;
  return new UsageError(`${where}: ${message}`, {
    hint:
      options.hint ?? "Write one target a line: a database URL, or name=url; # starts a comment.",
    ...(origin.file.endsWith(" row") ? {} : { location: { ...origin, column } }),
  });
}

/** Quoted for a message, with any `user:password@` in it masked. */
function quoted(text: string): string {
  const masked = maskUrl(text).replace(/(\/\/[^:@/\s]*:)[^@\s]*@/g, "$1****@");
  return JSON.stringify(masked.length > 60 ? `${masked.slice(0, 57)}...` : masked);
}
