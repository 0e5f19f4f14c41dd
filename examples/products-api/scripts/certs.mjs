// `npm run certs [-- --out <dir>]`: a self-signed certificate for local HTTPS,
// made by the openssl binary: <dir>/localhost.crt and <dir>/localhost.key (mode 0600),
// valid for localhost and 127.0.0.1 for 365 days. <dir> defaults to certs/ in this
// package (git-ignored). Then:
//   API_TLS_CERT=certs/localhost.crt API_TLS_KEY=certs/localhost.key npm start
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const USAGE = "Usage: node scripts/certs.mjs [--out <dir>]   (default: certs/ in products-api)";

function fail(message, code = 1) {
  console.error(`certs: ${message}`);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({
    options: { out: { type: "string" }, help: { type: "boolean", short: "h" } },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(`${error.message}\n${USAGE}`, 2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const outDir =
  values.out === undefined
    ? fileURLToPath(new URL("../certs/", import.meta.url))
    : resolve(process.cwd(), values.out);
mkdirSync(outDir, { recursive: true });

const crt = join(outDir, "localhost.crt");
const key = join(outDir, "localhost.key");
// Written under temporary names and renamed at the end: a failed run leaves an
// existing pair as it was. The key file exists with mode 0600 before openssl
// writes a byte to it.
const tmpCrt = join(outDir, `.localhost.crt.${process.pid}.tmp`);
const tmpKey = join(outDir, `.localhost.key.${process.pid}.tmp`);
closeSync(openSync(tmpKey, "w", 0o600));

const result = spawnSync(
  "openssl",
  [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "365",
    "-subj",
    "/CN=localhost",
    "-addext",
    "subjectAltName=DNS:localhost,IP:127.0.0.1",
    "-keyout",
    tmpKey,
    "-out",
    tmpCrt,
  ],
  { encoding: "utf8" },
);

if (result.error || result.status !== 0) {
  rmSync(tmpKey, { force: true });
  rmSync(tmpCrt, { force: true });
  if (result.error?.code === "ENOENT") {
    fail(
      "the openssl command was not found on PATH. Install OpenSSL (Debian/Ubuntu: apt-get install openssl; macOS: brew install openssl) and run npm run certs again.",
    );
  }
  if (result.error) fail(`could not run openssl: ${result.error.message}`);
  fail(
    `openssl req exited with ${result.status ?? result.signal} (OpenSSL 1.1.1 or later is needed for -addext):\n${result.stderr.trim()}`,
  );
}

chmodSync(tmpKey, 0o600);
renameSync(tmpKey, key);
renameSync(tmpCrt, crt);

const shown = (path) => {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
};
console.log(`wrote ${shown(crt)} and ${shown(key)} (self-signed: localhost, 127.0.0.1; 365 days)`);
console.log(`HTTPS: API_TLS_CERT=${shown(crt)} API_TLS_KEY=${shown(key)} npm start`);
