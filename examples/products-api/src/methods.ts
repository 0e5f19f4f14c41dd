import type { FastifyInstance } from "fastify";

/**
 * Records every route as it is added and answers which methods a request path has, for the
 * `Allow` header of a 405. Call before the routes are registered.
 *
 * @example
 * const allowed = allowedMethods(app);
 * // ... routes ...
 * allowed("/v1/products/0b6c...") // => ["GET", "HEAD", "PUT", "PATCH", "DELETE"]
 */
export function allowedMethods(app: FastifyInstance): (path: string) => string[] {
  const routes: { pattern: RegExp; methods: Set<string> }[] = [];
  app.addHook("onRoute", (route) => {
    const source = `^${route.url
      .split("/")
      .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/")}/?$`;
    let entry = routes.find((r) => r.pattern.source === source);
    if (!entry) {
      entry = { pattern: new RegExp(source), methods: new Set() };
      routes.push(entry);
    }
    for (const m of [route.method].flat()) entry.methods.add(m);
    if (entry.methods.has("GET")) entry.methods.add("HEAD");
  });
  const ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
  return (path) => {
    const methods = new Set(
      routes.filter((r) => r.pattern.test(path)).flatMap((r) => [...r.methods]),
    );
    return ORDER.filter((m) => methods.has(m));
  };
}
