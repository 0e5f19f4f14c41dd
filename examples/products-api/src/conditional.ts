/** Entity tags for optimistic concurrency (RFC 9110 §8.8.3, §13.1.1). */

/**
 * The strong ETag of a product version.
 *
 * @example
 * etag("7311") // => '"7311"'
 */
export function etag(version: string): string {
  return `"${version}"`;
}

/**
 * The versions an `If-Match` header accepts: undefined when any will do (no header, or `*`),
 * else the strong tags listed (weak ones never match a strong comparison; none left: nothing).
 *
 * @example
 * expectedVersions('"12", W/"13"') // => ["12"]
 * expectedVersions("*")            // => undefined
 */
export function expectedVersions(header: string | string[] | undefined): string[] | undefined {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header.join(",") : header;
  if (value.trim() === "*") return undefined;
  return [...value.matchAll(/(W\/)?"([^"]*)"/g)].filter((m) => !m[1]).map((m) => m[2]!);
}

/**
 * Whether `If-None-Match` lists the current version (weak comparison), so a GET may answer 304.
 *
 * @example
 * noneMatch('W/"12"', "12") // => true
 */
export function noneMatch(header: string | undefined, version: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  return [...header.matchAll(/(?:W\/)?"([^"]*)"/g)].some((m) => m[1] === version);
}
