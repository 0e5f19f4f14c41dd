// `npm run demo`: the whole story on the embedded default, with nothing else
// installed. pitstop migrates and seeds examples/products-api's PGlite
// database under .pitstop/, prints the status, then the service starts and
// serves http://127.0.0.1:4000 until Ctrl-C.
// `npm run demo -- --exit-after-start` stops once the API answers (for tests).
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const app = "examples/products-api";
// PITSTOP_DEMO_DATA_DIR: somewhere else than the example's own .pitstop/ (the tests use it).
const dataDir = process.env.PITSTOP_DEMO_DATA_DIR ?? `${app}/.pitstop/pglite`;
const database = `pglite:${dataDir}`;
const exitAfterStart = process.argv.includes("--exit-after-start");
const addr = process.env.API_ADDR ?? "127.0.0.1:4000";
const debugAddr = process.env.API_DEBUG_ADDR ?? "127.0.0.1:4001";

/** Resolves with the error code when nothing may listen on host:port (EADDRINUSE...), else null. */
function taken(address) {
  const at = address.lastIndexOf(":");
  const host = address.slice(0, at).replace(/^\[|\]$/g, "") || "0.0.0.0";
  const port = Number(address.slice(at + 1));
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error) => resolve(error.code ?? "an error"));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}

// Before migrating: a port another process holds is the demo's most common failure.
for (const [variable, value] of [
  ["API_ADDR", addr],
  ["API_DEBUG_ADDR", debugAddr],
]) {
  const code = await taken(value);
  if (code === null) continue;
  const why =
    code === "EADDRINUSE"
      ? "is in use (another process listens there)"
      : `cannot be used (${code})`;
  console.error(
    `products-api demo: ${value} ${why}.\n` +
      `  Choose another address with ${variable}, e.g. ${variable}=127.0.0.1:0 npm run demo (0: any free port)`,
  );
  process.exit(1);
}

function pitstop(...args) {
  console.log(`\n$ pitstop ${args.join(" ")}`);
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const r = spawnSync(
    process.execPath,
    ["bin/pitstop.cjs", "--database", database, "--dir", `${app}/migrations`, ...args],
    { cwd: root, stdio: "inherit", env },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

pitstop("up");
pitstop("seed", "--seeds", `${app}/seeds`);
pitstop("status");

console.log(`\n$ node ${app}/dist/server.mjs --data-dir ${dataDir} --addr ${addr}`);
const server = spawn(
  process.execPath,
  [`${app}/dist/server.mjs`, "--data-dir", dataDir, "--addr", addr],
  { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, API_DB_URL: "" } },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 1));

// The service logs JSON lines (for machines); the demo shows them as text.
let pending = "";
server.stdout.on("data", (chunk) => {
  pending += chunk;
  const lines = pending.split("\n");
  pending = lines.pop();
  for (const line of lines) {
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      console.log(line);
      continue;
    }
    if (entry.msg === "request") continue;
    const detail = entry.migration ?? entry.reqId ?? "";
    console.log(`  api | ${entry.msg}${detail ? ` (${detail})` : ""}`);
    if (entry.msg.startsWith("serving ")) void serving(entry.url, entry.debug);
  }
});

async function serving(url, debug) {
  const res = await fetch(`${url}/v1/products`);
  const { items } = await res.json();
  console.log(`
products-api is serving ${url}  (${items.length} products: ${items.map((p) => p.name).join(", ")})
  open ${url}/ in a browser, or: curl ${url}/v1/products
  OpenAPI: ${url}/v1/openapi.json   metrics: ${debug}/metrics   Ctrl-C stops it.`);
  if (exitAfterStart) server.kill("SIGTERM");
}
