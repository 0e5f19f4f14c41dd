import { parseArgs } from "node:util";
import { maskUrl } from "pg-pitstop";

/** Everything the service reads from its flags and environment. */
export interface Config {
  /** A PostgreSQL URL; undefined runs on the embedded PGlite database in `dataDir`. */
  dbUrl: string | undefined;
  dbDisableTls: boolean;
  dataDir: string;
  host: string;
  port: number;
  debugHost: string;
  debugPort: number;
  tlsCert: string | undefined;
  tlsKey: string | undefined;
  migrate: boolean;
  shutdownTimeoutMs: number;
  logLevel: string;
}

/** Flag, environment variable, default: the flag wins. */
const OPTIONS = {
  "db-url": { type: "string", env: "API_DB_URL" },
  "db-disable-tls": { type: "boolean", env: "API_DB_DISABLE_TLS" },
  "data-dir": { type: "string", env: "API_DATA_DIR", default: ".pitstop/pglite" },
  addr: { type: "string", env: "API_ADDR", default: "127.0.0.1:4000" },
  "debug-addr": { type: "string", env: "API_DEBUG_ADDR", default: "127.0.0.1:4001" },
  "tls-cert": { type: "string", env: "API_TLS_CERT" },
  "tls-key": { type: "string", env: "API_TLS_KEY" },
  migrate: { type: "boolean", env: "API_MIGRATE", default: "true" },
  "shutdown-timeout": { type: "string", env: "API_SHUTDOWN_TIMEOUT", default: "10000" },
  "log-level": { type: "string", env: "LOG_LEVEL", default: "info" },
} as const;

type Name = keyof typeof OPTIONS;

export class ConfigError extends Error {}

export function usage(): string {
  const lines = Object.entries(OPTIONS).map(([name, o]) => {
    const flag = o.type === "boolean" ? `--${name}` : `--${name} <value>`;
    const def = "default" in o ? ` (default ${o.default})` : "";
    return `  ${flag.padEnd(28)} ${o.env}${def}`;
  });
  return `Usage: products-api [options]\n\nOptions (flag, environment variable):\n${lines.join("\n")}\n  --no-migrate                 API_MIGRATE=false: skip migrations on start-up\n`;
}

export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n\n${usage()}`);
  }
  const flags = parsed.values as Record<string, string | boolean | undefined>;
  const text = (name: Name): string | undefined => {
    const flag = flags[name];
    if (typeof flag === "string") return flag;
    const fromEnv = env[OPTIONS[name].env];
    if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
    const o = OPTIONS[name];
    return "default" in o ? o.default : undefined;
  };
  const bool = (name: Name): boolean => {
    if (name === "migrate" && flags["no-migrate"] === true) return false;
    const flag = flags[name];
    if (typeof flag === "boolean") return flag;
    const value = text(name);
    if (value === undefined) return false;
    if (/^(1|true|yes|on)$/i.test(value)) return true;
    if (/^(0|false|no|off)$/i.test(value)) return false;
    throw new ConfigError(
      `${OPTIONS[name].env}=${value} is not a boolean (use true or false) (--${name})`,
    );
  };
  const [host, port] = address(text("addr")!, "addr");
  const [debugHost, debugPort] = address(text("debug-addr")!, "debug-addr");
  const tlsCert = text("tls-cert");
  const tlsKey = text("tls-key");
  if ((tlsCert === undefined) !== (tlsKey === undefined)) {
    throw new ConfigError("--tls-cert and --tls-key go together: give both, or neither for HTTP");
  }
  const shutdownTimeoutMs = Number(text("shutdown-timeout"));
  if (!Number.isInteger(shutdownTimeoutMs) || shutdownTimeoutMs <= 0) {
    throw new ConfigError(`--shutdown-timeout must be a positive number of milliseconds`);
  }
  return {
    dbUrl: text("db-url"),
    dbDisableTls: bool("db-disable-tls"),
    dataDir: text("data-dir")!,
    host,
    port,
    debugHost,
    debugPort,
    tlsCert,
    tlsKey,
    migrate: bool("migrate"),
    shutdownTimeoutMs,
    logLevel: text("log-level")!,
  };
}

function parseFlags(argv: readonly string[]) {
  const options: Record<string, { type: "string" | "boolean" }> = {
    "no-migrate": { type: "boolean" },
  };
  for (const [name, o] of Object.entries(OPTIONS)) options[name] = { type: o.type };
  return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
}

/** `host:port`, `:port` (all interfaces) or `port`. */
function address(value: string, name: string): [string, number] {
  const at = value.lastIndexOf(":");
  const host =
    at === -1 ? "127.0.0.1" : value.slice(0, at).replace(/^\[(.*)\]$/, "$1") || "0.0.0.0";
  const port = Number(at === -1 ? value : value.slice(at + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`--${name} ${value}: expected host:port, e.g. 127.0.0.1:4000`);
  }
  return [host, port];
}

/** The config as it is safe to log: the database password masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    dbUrl: config.dbUrl === undefined ? undefined : maskUrl(config.dbUrl),
    dataDir: config.dbUrl === undefined ? config.dataDir : undefined,
  };
}
