/**
 * The real PostgreSQL parser (libpg_query compiled to WASM). Loading it costs
 * ~70 ms, so it is imported on first use only: `pitstop status` never pays.
 */

type LibPgQuery = typeof import("libpg-query");

let loading: Promise<LibPgQuery> | undefined;
let loaded: LibPgQuery | undefined;

export function loadParser(): Promise<LibPgQuery> {
  loading ??= import("libpg-query").then(async (mod) => {
    await mod.loadModule();
    loaded = mod;
    return mod;
  });
  return loading;
}

/** Whether `loadParser()` has resolved (so `parser()` can be called synchronously). */
export function isParserLoaded(): boolean {
  return loaded !== undefined;
}

/** The parser once `loadParser()` has resolved; throws before. */
export function parser(): LibPgQuery {
  if (!loaded) throw new Error("the SQL parser is not loaded yet: await loadParser() first");
  return loaded;
}

/** One parsed statement as libpg_query returns it (zero values omitted). */
export interface RawStmt {
  stmt?: Record<string, unknown>;
  stmt_location?: number;
  stmt_len?: number;
}

/** `{ IndexStmt: {...} }` -> `["IndexStmt", {...}]` */
export function nodeOf(
  stmt: Record<string, unknown> | undefined,
): [string, Record<string, unknown>] {
  if (!stmt) return ["Empty", {}];
  const kind = Object.keys(stmt)[0] ?? "Empty";
  return [kind, (stmt[kind] ?? {}) as Record<string, unknown>];
}
