import { UsageError } from "../core/errors.js";
import type { Driver } from "./driver.js";
import type { LockWaitInfo } from "./file-lock.js";
import { checkPostgresUrl } from "./url-check.js";

export interface OpenDriverOptions {
  /**
   * `postgres://` / `postgresql://` for a server; `pglite:<path>`,
   * `pglite://<path>` or `pglite:memory` for PGlite. Without it, PGlite at `dataDir`.
   */
  url?: string;
  /** The PGlite data directory used when there is no `url`. */
  dataDir?: string;
  /** PGlite: how long to wait for another process holding the data dir. */
  lockTimeoutMs?: number;
  /** PGlite: called when the data dir is held by another process and we wait. */
  onWait?: (info: LockWaitInfo) => void;
  /** PGlite: cache folder of a pristine data dir that new databases copy (see pglite-template.ts). */
  templateCache?: string;
  /** PGlite: extensions it ships to load at start (`CREATE EXTENSION` needs their code loaded). */
  extensions?: readonly string[];
  /** Server: `application_name`, shown in pg_stat_activity. */
  applicationName?: string;
  /** Server: give up connecting after this long. */
  connectTimeoutMs?: number;
}

/** Where a database URL points, decided without touching the database. */
export type DatabaseLocation =
  | { readonly kind: "postgres"; readonly url: string }
  | { readonly kind: "pglite"; readonly dataDir: string };

/**
 * Opens the driver a URL (or data dir) asks for. The adapter module, and with
 * it `pg` or PGlite, is imported only then.
 *
 * @example
 * const driver = await openDriver({ url: process.env.DATABASE_URL, dataDir: ".pitstop/db" });
 */
export async function openDriver(options: OpenDriverOptions): Promise<Driver> {
  const location = locateDatabase(options);
  if (location.kind === "postgres") {
    const { createPgDriver } = await import("./pg.js");
    return createPgDriver({
      url: location.url,
      ...(options.applicationName === undefined
        ? {}
        : { applicationName: options.applicationName }),
      ...(options.connectTimeoutMs === undefined
        ? {}
        : { connectTimeoutMs: options.connectTimeoutMs }),
    });
  }
  const { createPGliteDriver } = await import("./pglite.js");
  return createPGliteDriver({
    dataDir: location.dataDir,
    ...(options.lockTimeoutMs === undefined ? {} : { lockTimeoutMs: options.lockTimeoutMs }),
    ...(options.onWait === undefined ? {} : { onWait: options.onWait }),
    ...(options.templateCache === undefined ? {} : { templateCache: options.templateCache }),
    ...(options.extensions === undefined ? {} : { extensions: options.extensions }),
  });
}

/**
 * Which adapter a URL (or, without one, the data dir) selects. Throws
 * `UsageError` for an unknown scheme or when neither is given.
 *
 * @example
 * locateDatabase({ url: "pglite:.pitstop/db" }) // { kind: "pglite", dataDir: ".pitstop/db" }
 */
export function locateDatabase(
  options: Pick<OpenDriverOptions, "url" | "dataDir">,
): DatabaseLocation {
  const url = options.url?.trim();
  if (url === undefined || url === "") {
    if (options.dataDir === undefined || options.dataDir === "") {
      throw new UsageError("no database given: pass a database URL or a PGlite data directory", {
        hint: "Set DATABASE_URL (postgres://user@host:5432/db) or use pglite:<dir> for an embedded database.",
      });
    }
    return { kind: "pglite", dataDir: options.dataDir };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) {
    checkPostgresUrl(url);
    return { kind: "postgres", url };
  }
  const pglite = /^pglite:(?:\/\/)?(.*)$/i.exec(url);
  if (pglite !== null) {
    const where = pglite[1]!;
    if (where === "") {
      throw new UsageError(`the PGlite URL ${url} names no directory`, {
        hint: "Write pglite:<dir> (e.g. pglite:.pitstop/db) or pglite:memory.",
      });
    }
    return { kind: "pglite", dataDir: /^memory(:\/\/)?$/i.test(where) ? "memory://" : where };
  }
  throw new UsageError(`unsupported database URL ${maskUrl(url)}`, {
    hint: "Use postgres://user:password@host:5432/db for a server, or pglite:<dir> / pglite:memory for PGlite.",
  });
}

/**
 * The URL with its password (and any `password=` parameter) replaced by `****`,
 * for logs and messages.
 *
 * @example
 * maskUrl("postgres://app:s3cret@db:5432/app") // "postgres://app:****@db:5432/app"
 */
export function maskUrl(url: string): string {
  return maskParams(maskUserinfo(url));
}

/**
 * Masks from the first `:` of the userinfo to the last `@` before the query:
 * a password written with a raw `@` or `/` is still masked whole (a database
 * name with an `@` gets over-masked, which is the safe way to be wrong).
 */
function maskUserinfo(url: string): string {
  const span = passwordSpan(url);
  return span === undefined ? url : `${url.slice(0, span.start)}****${url.slice(span.end)}`;
}

function passwordSpan(url: string): { start: number; end: number } | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (scheme === null) return undefined;
  const start = scheme[0].length;
  const queryAt = url.slice(start).search(/[?#]/);
  const end = queryAt === -1 ? url.length : start + queryAt;
  const at = url.lastIndexOf("@", end - 1);
  const colon = url.indexOf(":", start);
  if (at < start || colon === -1 || colon > at) return undefined;
  return { start: colon + 1, end: at };
}

const PASSWORD_PARAM = /([?&;\s]|^)(\w*password\w*=)('[^']*'|[^&#\s]*)/gi;

function maskParams(text: string): string {
  return text.replace(PASSWORD_PARAM, "$1$2****");
}

/**
 * Every password a URL carries, as written and percent-decoded: the strings
 * that must never appear in an error message.
 *
 * @example
 * passwordsIn("postgres://app:p%40ss@db/app") // ["p%40ss", "p@ss"]
 */
export function passwordsIn(url: string): string[] {
  const found = new Set<string>();
  const span = passwordSpan(url);
  if (span !== undefined) found.add(url.slice(span.start, span.end));
  for (const match of url.matchAll(PASSWORD_PARAM)) found.add(match[3]!.replace(/^'|'$/g, ""));
  for (const secret of [...found]) found.add(safeDecode(secret));
  return [...found].filter((secret) => secret.length > 0);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
