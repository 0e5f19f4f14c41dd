import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ConnectionOptions } from "node:tls";
import { UsageError } from "../core/errors.js";

/** libpq's `sslmode` values, weakest first. */
export const SSL_MODES = [
  "disable",
  "allow",
  "prefer",
  "require",
  "verify-ca",
  "verify-full",
] as const;
export type SslMode = (typeof SSL_MODES)[number];
/** libpq's default when neither the URL nor PGSSLMODE says. */
export const DEFAULT_SSL_MODE: SslMode = "prefer";

/** One way to connect: Node TLS options, `false` for no TLS, `undefined` to leave it to pg. */
export type TlsAttempt = ConnectionOptions | false | undefined;

/** How a URL's connection is secured, decided the way libpq decides it. */
export interface TlsPlan {
  /** The URL without the TLS parameters (pg must not read them its own way). */
  readonly url: string;
  readonly mode: SslMode;
  /** For messages: `sslmode=require (from the URL)`. */
  readonly setting: string;
  /** Tried in order: `allow` and `prefer` fall back to the other transport. */
  readonly attempts: readonly TlsAttempt[];
  /** Whether the server certificate's chain is checked (a root certificate is in use). */
  readonly verifies: boolean;
  /** The host(s) and port(s) of the URL: which server a fallback's outcome is remembered for. */
  readonly server: string;
}

/** URL parameters that are libpq TLS settings, and their environment variables. */
const PARAMS = {
  sslmode: "PGSSLMODE",
  sslrootcert: "PGSSLROOTCERT",
  sslcert: "PGSSLCERT",
  sslkey: "PGSSLKEY",
  sslcrl: "PGSSLCRL",
  sslpassword: undefined,
  ssl_min_protocol_version: "PGSSLMINPROTOCOLVERSION",
  ssl_max_protocol_version: "PGSSLMAXPROTOCOLVERSION",
  sslsni: "PGSSLSNI",
} as const;
type Param = keyof typeof PARAMS;
/** pg's own switches, replaced by the settings above. */
const PG_SWITCHES = ["uselibpqcompat"];

interface Setting {
  readonly value: string;
  /** `sslrootcert (from the URL)`, `PGSSLROOTCERT`... */
  readonly from: string;
}

/**
 * Reads libpq's TLS settings from a `postgres://` URL, then the environment
 * (`PGSSLMODE`, `PGSSLROOTCERT`, `PGSSLCERT`, `PGSSLKEY`, `PGSSLCRL`...), then
 * libpq's default files (`~/.postgresql/root.crt`, `root.crl`,
 * `postgresql.crt`, `postgresql.key`), and turns them into Node TLS options
 * with libpq's meaning: `require` encrypts without checking the certificate
 * (unless a root certificate is there: then it checks the chain, as
 * `verify-ca`), `verify-full` also checks the host name, `prefer` (the
 * default) and `allow` fall back. Throws `UsageError` naming the setting for
 * a bad value or an unreadable file.
 *
 * A URL with pg's own `ssl=` parameter and no `sslmode` is left to pg.
 *
 * @example
 * resolveTls("postgres://app@db.example.com/app?sslmode=require").attempts
 * // [{ rejectUnauthorized: false, ... }]
 */
export function resolveTls(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): TlsPlan {
  const { base, params } = splitQuery(url);
  const fromUrl = new Map<string, string>();
  for (const p of params) if (p.key in PARAMS) fromUrl.set(p.key, p.value);
  const kept = params.filter((p) => !(p.key in PARAMS) && !PG_SWITCHES.includes(p.key));
  const strippedUrl = kept.length === 0 ? base : `${base}?${kept.map((p) => p.raw).join("&")}`;
  if (!fromUrl.has("sslmode") && params.some((p) => p.key === "ssl")) {
    return {
      url,
      mode: "prefer",
      setting: "ssl (pg's parameter)",
      attempts: [undefined],
      verifies: false,
      server: serverOf(base),
    };
  }
  const get = (name: Param): Setting | undefined => {
    const v = fromUrl.get(name);
    if (v !== undefined && v !== "") return { value: v, from: `${name}=${v} (from the URL)` };
    const envName = PARAMS[name];
    const e = envName === undefined ? undefined : env[envName];
    if (e !== undefined && e !== "") return { value: e, from: `${envName}=${e}` };
    return undefined;
  };
  const rootSetting = get("sslrootcert");
  const system = rootSetting?.value === "system";
  const modeSetting = get("sslmode");
  const mode = sslMode(modeSetting, system);
  const setting =
    modeSetting?.from ?? `sslmode=${mode} (${system ? "with sslrootcert=system" : "the default"})`;
  const negotiation = params.find((p) => p.key === "sslnegotiation")?.value ?? env.PGSSLNEGOTIATION;
  if (negotiation === "direct" && SSL_MODES.indexOf(mode) < SSL_MODES.indexOf("require")) {
    throw new UsageError(`sslnegotiation=direct cannot be used with ${setting}`, {
      hint: "Direct TLS has no plain-text fallback (libpq refuses the same): use sslmode=require, verify-ca or verify-full.",
    });
  }
  const server = serverOf(base);
  if (mode === "disable")
    return { url: strippedUrl, mode, setting, attempts: [false], verifies: false, server };
  if (system && mode !== "verify-full") {
    throw new UsageError(`${setting}: sslrootcert=system needs sslmode=verify-full`, {
      hint: "With the system's CAs, anyone can get a certificate: only the host name check makes it safe (libpq refuses the same). Use sslmode=verify-full, or give your CA's certificate in sslrootcert.",
    });
  }
  const root = system ? undefined : rootCertificate(rootSetting, home);
  const verifies = system || root !== undefined;
  if ((mode === "verify-ca" || mode === "verify-full") && !verifies) {
    throw new UsageError(
      `${setting} needs a root certificate to verify the server with, and there is none`,
      {
        hint: `Give the CA certificate that signed the server's: sslrootcert=/path/to/ca.crt in the URL or PGSSLROOTCERT (libpq's default file ${libpqFile(home, "root.crt")} does not exist); sslrootcert=system trusts the system's CAs (with verify-full). sslmode=require encrypts without verifying.`,
      },
    );
  }
  const tls: ConnectionOptions = {
    rejectUnauthorized: verifies,
    ...(root === undefined ? {} : { ca: root }),
    ...(mode === "verify-full" ? {} : { checkServerIdentity: () => undefined }),
    ...clientCertificate(get("sslcert"), get("sslkey"), get("sslpassword"), home),
    ...revocationList(get("sslcrl"), home),
    ...protocolVersions(get("ssl_min_protocol_version"), get("ssl_max_protocol_version")),
  };
  const attempts: TlsAttempt[] =
    mode === "allow" ? [false, tls] : mode === "prefer" ? [tls, false] : [tls];
  return { url: strippedUrl, mode, setting, attempts, verifies, server };
}

function sslMode(setting: Setting | undefined, system: boolean): SslMode {
  if (setting === undefined) return system ? "verify-full" : DEFAULT_SSL_MODE;
  const mode = SSL_MODES.find((m) => m === setting.value);
  if (mode === undefined) {
    const hint =
      setting.value === "no-verify"
        ? "no-verify is pg's own name; libpq's is sslmode=require (encrypt without verifying)."
        : `Use one of ${SSL_MODES.join(", ")} (libpq's values).`;
    throw new UsageError(`${setting.from}: unknown sslmode`, { hint });
  }
  return mode;
}

/** libpq: sslrootcert, else ~/.postgresql/root.crt when it exists. */
function rootCertificate(setting: Setting | undefined, home: string): string | undefined {
  if (setting !== undefined) return readSetting(setting, "sslrootcert");
  const fallback = libpqFile(home, "root.crt");
  return fs.existsSync(fallback)
    ? readSetting(
        { value: fallback, from: `${fallback} (libpq's default sslrootcert)` },
        "sslrootcert",
      )
    : undefined;
}

function clientCertificate(
  certSetting: Setting | undefined,
  keySetting: Setting | undefined,
  password: Setting | undefined,
  home: string,
): ConnectionOptions {
  const certFile = certSetting ?? defaultFile(home, "postgresql.crt", "sslcert");
  if (certFile === undefined) return {};
  const cert = readSetting(certFile, "sslcert");
  const keyFile = keySetting ?? defaultFile(home, "postgresql.key", "sslkey");
  if (keyFile === undefined) {
    throw new UsageError(`${certFile.from}: a client certificate without its private key`, {
      hint: `Give the key with sslkey=/path/to/client.key in the URL or PGSSLKEY (libpq's default is ${libpqFile(home, "postgresql.key")}).`,
    });
  }
  checkKeyPermissions(keyFile);
  const key = readSetting(keyFile, "sslkey");
  return { cert, key, ...(password === undefined ? {} : { passphrase: password.value }) };
}

function revocationList(setting: Setting | undefined, home: string): ConnectionOptions {
  const file = setting ?? defaultFile(home, "root.crl", "sslcrl");
  return file === undefined ? {} : { crl: readSetting(file, "sslcrl") };
}

function protocolVersions(
  min: Setting | undefined,
  max: Setting | undefined,
): Pick<ConnectionOptions, "minVersion" | "maxVersion"> {
  const version = (s: Setting | undefined) => {
    if (s === undefined) return undefined;
    const v = /^TLSv1(\.[0-3])?$/i.exec(s.value);
    if (v === null)
      throw new UsageError(`${s.from}: not a TLS version`, {
        hint: "Use TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3.",
      });
    return `TLSv1${v[1] ?? ""}` as ConnectionOptions["minVersion"];
  };
  // libpq's default minimum is TLSv1.2, Node's too.
  const minVersion = version(min);
  const maxVersion = version(max);
  return {
    ...(minVersion === undefined ? {} : { minVersion }),
    ...(maxVersion === undefined ? {} : { maxVersion }),
  };
}

function defaultFile(home: string, name: string, param: string): Setting | undefined {
  const file = libpqFile(home, name);
  return fs.existsSync(file)
    ? { value: file, from: `${file} (libpq's default ${param})` }
    : undefined;
}

/** libpq's default files: `~/.postgresql/<name>`, `%APPDATA%\\postgresql\\<name>` on Windows. */
function libpqFile(home: string, name: string): string {
  if (process.platform === "win32" && process.env.APPDATA)
    return path.join(process.env.APPDATA, "postgresql", name);
  return path.join(home, ".postgresql", name);
}

function readSetting(setting: Setting, param: string): string {
  try {
    return fs.readFileSync(setting.value, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EACCES"
          ? "permission denied"
          : String(code ?? error);
    throw new UsageError(`${setting.from}: cannot read ${setting.value}: ${why}`, {
      hint: `Point ${param} at a readable PEM file (a path on this machine).`,
    });
  }
}

/** libpq refuses a private key others can read: so do we. */
function checkKeyPermissions(setting: Setting): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(setting.value);
  } catch {
    return; // readSetting names the problem.
  }
  if (process.platform === "win32" || !stat.isFile()) return;
  const rootOwned = stat.uid === 0;
  const tooOpen = rootOwned ? (stat.mode & 0o037) !== 0 : (stat.mode & 0o077) !== 0;
  if (tooOpen) {
    throw new UsageError(
      `${setting.from}: the private key file ${setting.value} has group or world access`,
      {
        hint: `chmod 600 ${setting.value} (libpq refuses it too; 0640 is allowed when root owns it).`,
      },
    );
  }
}

interface QueryParam {
  readonly key: string;
  readonly value: string;
  /** As written, for putting the URL back together unchanged. */
  readonly raw: string;
}

/** The query string's parameters, without a full URL parse (multi-host URLs are not WHATWG URLs). */
function splitQuery(url: string): { base: string; params: QueryParam[] } {
  const q = url.indexOf("?");
  if (q === -1) return { base: url, params: [] };
  const hash = url.indexOf("#", q);
  const query = url.slice(q + 1, hash === -1 ? undefined : hash);
  const params = query
    .split("&")
    .filter((raw) => raw !== "")
    .map((raw) => {
      const eq = raw.indexOf("=");
      const [key, value] = eq === -1 ? [raw, ""] : [raw.slice(0, eq), raw.slice(eq + 1)];
      return { key: decode(key), value: decode(value), raw };
    });
  return { base: url.slice(0, q), params };
}

/** `postgres://user:pw@h1:5432,h2/db` -> `h1:5432,h2` (no credentials kept). */
function serverOf(base: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/]*)/i.exec(base)?.[1] ?? base;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** The part of a pg Client the fallback needs. */
export interface Connectable {
  connect(): Promise<unknown>;
  end(): Promise<unknown>;
}

/**
 * Which attempt last connected, per server: a process talking to a server
 * without TLS pays `prefer`'s extra connection start once, not every time.
 */
const lastConnected = new Map<string, number>();

/**
 * Connects with the plan's first attempt, falling back to the next as libpq
 * does for `prefer` (no TLS when the server refuses it or the TLS start-up
 * fails) and `allow` (TLS when the server refuses the plain connection). A
 * network failure (refused, unreachable, timed out) is not retried. The
 * attempt that last worked for the same server in this process goes first.
 *
 * @example
 * const client = await connectWithFallback(plan, (ssl) => new pg.Client({ ...config, ssl }));
 */
export async function connectWithFallback<C extends Connectable>(
  plan: Pick<TlsPlan, "attempts" | "server">,
  open: (attempt: TlsAttempt) => C,
): Promise<C> {
  const first = lastConnected.get(plan.server) ?? 0;
  const order = plan.attempts
    .map((_, i) => i)
    .sort((a, b) => (b === first ? 1 : 0) - (a === first ? 1 : 0));
  let earlier: unknown;
  for (const [n, i] of order.entries()) {
    const client = open(plan.attempts[i]);
    try {
      await client.connect();
      if (plan.attempts.length > 1) lastConnected.set(plan.server, i);
      return client;
    } catch (error) {
      client.end().catch(() => {});
      if (isNetworkFailure(error)) throw error;
      // The remembered transport reached the server and failed for another reason (a
      // missing database, a password): the other one's "no TLS here" would hide it.
      if (n + 1 >= order.length) throw earlier !== undefined && refusedTls(error) ? earlier : error;
      earlier = error;
    }
  }
  throw new Error("no connection attempt to make");
}

function refusedTls(error: unknown): boolean {
  return error instanceof Error && /server does not support SSL/i.test(error.message);
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

function isNetworkFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
  return error instanceof Error && /timeout/i.test(error.message);
}

/** Node's codes for a certificate its chain check rejects. */
const UNTRUSTED = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
]);

/**
 * A TLS failure to connect, said in libpq's terms with the setting that
 * asked for it; undefined for any other failure.
 *
 * @example
 * tlsFailure(error, plan) // { text: "the server's certificate is not trusted (self-signed certificate) under sslmode=verify-full (from the URL)", hint: "..." }
 */
export function tlsFailure(
  error: Error,
  plan: Pick<TlsPlan, "setting" | "mode">,
): { text: string; hint: string } | undefined {
  const code = (error as { code?: unknown }).code;
  const under = `under ${plan.setting}`;
  if (typeof code === "string" && UNTRUSTED.has(code)) {
    return {
      text: `the server's certificate is not trusted (${error.message}) ${under}`,
      hint: "Give the certificate of the CA that signed the server's: sslrootcert=/path/to/ca.crt in the URL (or PGSSLROOTCERT); sslrootcert=system trusts the system's CAs. sslmode=require encrypts without verifying the server.",
    };
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return {
      text: `the server's certificate does not name the host connected to (${error.message}) ${under}`,
      hint: "Connect with a host name the certificate lists, or use sslmode=verify-ca to check the CA only.",
    };
  }
  if (code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID") {
    return {
      text: `the server's certificate is not valid now (${error.message}) ${under}`,
      hint: "Renew the server's certificate, or check this machine's clock.",
    };
  }
  if (refusedTls(error)) {
    return {
      text: `the server does not accept TLS connections, and ${plan.setting} requires TLS`,
      hint: "Turn ssl on in the server's configuration, or use sslmode=prefer (or disable) to connect without TLS.",
    };
  }
  const fromServer = (error as { severity?: unknown }).severity !== undefined;
  if (fromServer && code === "28000" && /certificate/i.test(error.message)) {
    return {
      text: error.message,
      hint: `The server wants a client certificate: sslcert=/path/to/client.crt and sslkey=/path/to/client.key in the URL (or PGSSLCERT and PGSSLKEY; libpq's defaults are ~/.postgresql/postgresql.crt and .key). In use: ${plan.setting}.`,
    };
  }
  if (fromServer && code === "28000" && /no encryption/i.test(error.message)) {
    return {
      text: error.message,
      hint: `The server accepts only TLS connections from here, and ${plan.setting} did not use TLS: use sslmode=require (or prefer).`,
    };
  }
  if (
    !fromServer &&
    (/ssl|tls/i.test(error.message) || (typeof code === "string" && /^ERR_(SSL|TLS)_/.test(code)))
  ) {
    return {
      text: `TLS failed (${error.message}) ${under}`,
      hint: "Check sslmode, sslrootcert, sslcert and sslkey (in the URL or the PGSSL* variables) and the server's ssl configuration.",
    };
  }
  return undefined;
}
