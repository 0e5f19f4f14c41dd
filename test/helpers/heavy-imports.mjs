// Prints, as JSON, the pg / PGlite / libpg-query modules that importing
// `pitstop` (then the module named by argv[2], if any) resolves: a resolve
// hook sees ES modules and CommonJS alike.
import { register } from "node:module";

const seen = [];
const { port1, port2 } = new MessageChannel();
port1.on("message", (url) => seen.push(url));
port1.unref();
register(
  `data:text/javascript,${encodeURIComponent(`let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  port.postMessage(resolved.url);
  return resolved;
}`)}`,
  { data: { port: port2 }, transferList: [port2] },
);
await import("pg-pitstop");
if (process.argv[2]) await import(process.argv[2]);
await new Promise((resolve) => setTimeout(resolve, 100));
const heavy = seen.filter((u) => /node_modules\/(pg|@electric-sql\/pglite|libpg-query)\//.test(u));
console.log(
  JSON.stringify([
    ...new Set(heavy.map((u) => u.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, "$1"))),
  ]),
);
