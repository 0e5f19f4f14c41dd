import type { SeedsConfig } from "../config.js";

/**
 * URLs whose host or database name has `prod`, `production` or `prd` as a
 * word (between dots, dashes, underscores...) look like production:
 * `db.prod.internal`, `shop_production`, but not `products` or `reproduce`.
 */
export const DEFAULT_PRODUCTION_GUARD = /(?:^|[^a-z0-9])(?:prod|production|prd)(?:[^a-z]|$)/i;

/**
 * Whether `pitstop seed` should refuse this database without `--force`. A
 * RegExp (or its source) is tested against a server URL's host name and
 * database name, never its user or password; an embedded PGlite database is
 * never production. A function sees the whole URL.
 *
 * @example
 * looksLikeProduction("postgres://app@db.prod.internal/app") // true
 * looksLikeProduction("postgres://app@localhost/app_dev")     // false
 */
export function looksLikeProduction(
  url: string | undefined,
  guard: SeedsConfig["productionGuard"] = DEFAULT_PRODUCTION_GUARD,
): boolean {
  if (url === undefined || guard === false) return false;
  if (typeof guard === "function") return guard(url);
  if (!/^postgres(ql)?:\/\//i.test(url)) return false;
  const pattern = typeof guard === "string" ? new RegExp(guard, "i") : guard;
  return serverParts(url).some((part) => {
    pattern.lastIndex = 0;
    return pattern.test(part);
  });
}

/** Host names and database name of a server URL (a `host=` parameter may name several hosts). */
function serverParts(url: string): string[] {
  try {
    const u = new URL(url);
    const parts = [u.hostname, decodeURIComponent(u.pathname.replace(/^\//, ""))];
    for (const key of ["host", "dbname"]) {
      const value = u.searchParams.get(key);
      if (value) parts.push(...value.split(","));
    }
    return parts.filter((p) => p !== "");
  } catch {
    // Not a URL that parses: judge the text after the credentials.
    return [url.replace(/^[^@]*@/, "")];
  }
}
