// Prints, as JSON, the pg / PGlite / libpg-query / dagre modules that importing
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
// The layout library is bundled into a chunk of its own (dist/chunks/dagre.esm-*.js): count that as it.
const named = seen.map((u) =>
  /\/dist\/chunks\/dagre\.esm-/.test(u) ? "node_modules/@dagrejs/dagre/" : u,
);
const heavy = named.filter((u) =>
  /node_modules\/(pg|@electric-sql\/pglite|libpg-query|@dagrejs\/dagre)\//.test(u),
);
console.log(
  JSON.stringify([
    ...new Set(heavy.map((u) => u.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, "$1"))),
  ]),
);
