import { UsageError } from "../core/errors.js";
import { maskUrl } from "./connect.js";

/** libpq's `target_session_attrs`: which of several hosts a connection must land on. */
export type TargetSessionAttrs =
  | "any"
  | "read-write"
  | "read-only"
  | "primary"
  | "standby"
  | "prefer-standby";

export const TARGET_SESSION_ATTRS: readonly TargetSessionAttrs[] = [
  "any",
  "read-write",
  "read-only",
  "primary",
  "standby",
  "prefer-standby",
];

/** One host of a URL, with a single-host URL that node-postgres can open. */
export interface HostCandidate {
  /** `host:port` for messages (no user, no password). */
  readonly label: string;
  /** The URL with only this host in it (and without `target_session_attrs`). */
  readonly url: string;
}

/** The hosts of a URL in the order libpq tries them, and what the session must be. */
export interface HostList {
  readonly hosts: readonly HostCandidate[];
  readonly attrs: TargetSessionAttrs;
}

/** What a connected server says about itself (see `sessionMatches`). */
export interface ServerRole {
  readonly inRecovery: boolean;
  /** `transaction_read_only` of a new transaction: on in recovery or with default_transaction_read_only. */
  readonly readOnly: boolean;
}

/**
 * Splits a `postgres://` URL with several hosts the way libpq reads it:
 * `postgres://u@h1:5432,h2:5433/db` (each host its own port, 5432 when
 * left out), or `?host=h1,h2&port=5432,5433` (one port there applies to
 * every host); `target_session_attrs` from the URL,
 * else `PGTARGETSESSIONATTRS`, else `any`. A single-host URL comes back
 * unchanged (node-postgres opens it as it always did).
 *
 * @example
 * splitHosts("postgres://app@h1:5432,h2:5433/app?target_session_attrs=read-write")
 * // { attrs: "read-write", hosts: [{ label: "h1:5432", url: "postgres://app@h1:5432/app" }, { label: "h2:5433", ... }] }
 */
export function splitHosts(url: string, env: NodeJS.ProcessEnv = process.env): HostList {
  const parts = tryCutUrl(url);
  const params = new URLSearchParams(parts?.query ?? "");
  const attrs = targetSessionAttrs(params.get("target_session_attrs") ?? env.PGTARGETSESSIONATTRS);
  // Anything without a host list (a socket path, `socket:` URLs) goes to node-postgres as it is.
  const single = { attrs, hosts: [{ label: singleLabel(parts?.hosts ?? ""), url }] };
  if (parts === undefined) return single;
  const fromQuery = params.get("host");
  if (!parts.hosts.includes(",") && !fromQuery?.includes(",")) {
    if (!params.has("target_session_attrs")) return single;
  }
  const authority = fromQuery === null ? parseAuthority(parts.hosts) : undefined;
  const hosts = authority ?? zipHostsAndPorts(fromQuery ?? "", params.get("port"));
  params.delete("target_session_attrs");
  if (fromQuery !== null) {
    params.delete("host");
    params.delete("port");
  }
  return {
    attrs,
    hosts: hosts.map((h) => {
      const query = new URLSearchParams(params);
      if (fromQuery !== null) {
        query.set("host", h.host);
        if (h.port !== "") query.set("port", h.port);
      }
      const authorityPart = fromQuery !== null ? parts.hosts : hostPort(h.host, h.port);
      const search = query.toString();
      return {
        label: h.label,
        url: `${parts.scheme}${parts.userinfo}${authorityPart}${parts.path}${search === "" ? "" : `?${search}`}${parts.fragment}`,
      };
    }),
  };
}

/**
 * `postgres://user@h1:5432,h2:5433/db` for a URL listing several hosts
 * (which `new URL` refuses): no password, no query. Undefined when unreadable.
 *
 * @example
 * describeHostList("postgres://app:pw@h1,h2:5433/app") // "postgres://app@h1:5432,h2:5433/app"
 */
export function describeHostList(url: string): string | undefined {
  try {
    const parts = cutUrl(url);
    const params = new URLSearchParams(parts.query);
    const fromQuery = params.get("host");
    const hosts =
      fromQuery === null
        ? parseAuthority(parts.hosts)
        : zipHostsAndPorts(fromQuery, params.get("port"));
    const user = parts.userinfo.replace(/:.*$|@$/s, "");
    return `${parts.scheme}${user === "" ? "" : `${user}@`}${hosts.map((h) => h.label).join(",")}${parts.path}`;
  } catch {
    return undefined;
  }
}

/**
 * The database a server URL names (its path, else its user, as libpq
 * defaults it) and the same URL naming another database; works where
 * `new URL` refuses a host list.
 *
 * @example
 * urlDatabase("postgres://app@h1,h2/shop?sslmode=require").with("postgres")
 * // "postgres://app@h1,h2/postgres?sslmode=require"
 */
export function urlDatabase(url: string): { name: string; with(database: string): string } {
  const parts = cutUrl(url);
  const user = decodeURIComponent(parts.userinfo.replace(/:.*$|@$/s, ""));
  const name = decodeURIComponent(parts.path.replace(/^\//, "")) || user;
  return {
    name,
    with: (database) =>
      `${parts.scheme}${parts.userinfo}${parts.hosts}/${encodeURIComponent(database)}${parts.query === "" ? "" : `?${parts.query}`}${parts.fragment}`,
  };
}

/**
 * Whether a server is one that `attrs` accepts (libpq's rules; `prefer-standby`
 * here means `standby`, the caller's second pass accepts any).
 *
 * @example
 * sessionMatches("read-write", { inRecovery: true, readOnly: true }) // false
 */
export function sessionMatches(attrs: TargetSessionAttrs, role: ServerRole): boolean {
  switch (attrs) {
    case "any":
      return true;
    case "read-write":
      return !role.readOnly;
    case "read-only":
      return role.readOnly;
    case "primary":
      return !role.inRecovery;
    case "standby":
    case "prefer-standby":
      return role.inRecovery;
  }
}

/** Why a server was passed over, for the error that lists every host. */
export function describeRole(role: ServerRole): string {
  if (role.inRecovery) return "a standby (in recovery)";
  return role.readOnly ? "read-only (default_transaction_read_only is on)" : "a read-write primary";
}

interface UrlParts {
  scheme: string;
  userinfo: string;
  hosts: string;
  path: string;
  query: string;
  fragment: string;
}

function tryCutUrl(url: string): UrlParts | undefined {
  try {
    return cutUrl(url);
  } catch {
    return undefined;
  }
}

/** Cuts a URL by hand: `new URL()` refuses `h1:5432,h2:5433`. */
function cutUrl(url: string): UrlParts {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (scheme === null) throw badUrl(url, "it does not start with postgres://");
  let rest = url.slice(scheme[0].length);
  const hashAt = rest.indexOf("#");
  const fragment = hashAt === -1 ? "" : rest.slice(hashAt);
  if (hashAt !== -1) rest = rest.slice(0, hashAt);
  const queryAt = rest.indexOf("?");
  const query = queryAt === -1 ? "" : rest.slice(queryAt + 1);
  if (queryAt !== -1) rest = rest.slice(0, queryAt);
  const at = rest.lastIndexOf("@");
  const userinfo = at === -1 ? "" : rest.slice(0, at + 1);
  const afterUser = rest.slice(at + 1);
  const slash = afterUser.indexOf("/");
  return {
    scheme: scheme[0],
    userinfo,
    hosts: slash === -1 ? afterUser : afterUser.slice(0, slash),
    path: slash === -1 ? "" : afterUser.slice(slash),
    query,
    fragment,
  };
}

interface HostPort {
  host: string;
  port: string;
  label: string;
}

function parseAuthority(text: string): HostPort[] {
  if (text === "") return [];
  const entries = text.split(",").map((entry) => {
    const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(entry);
    if (m === null) throw badUrl(text, `cannot read host "${entry}"`);
    return { host: m[1]!, port: m[2] ?? "" };
  });
  return entries.map((e) => ({ ...e, label: `${e.host || "localhost"}:${e.port || "5432"}` }));
}

function zipHostsAndPorts(hostList: string, portList: string | null): HostPort[] {
  const hosts = hostList.split(",");
  const ports = portList === null ? [""] : portList.split(",");
  if (ports.length !== 1 && ports.length !== hosts.length)
    throw new UsageError(`the database URL lists ${hosts.length} hosts and ${ports.length} ports`, {
      hint: "Give one port for all hosts, or one port per host in the same order (port=5432,5433).",
    });
  return hosts.map((host, i) => {
    const port = ports.length === 1 ? ports[0]! : ports[i]!;
    return { host, port, label: `${host || "localhost"}:${port || "5432"}` };
  });
}

function singleLabel(authority: string): string {
  try {
    return parseAuthority(authority)[0]?.label ?? "localhost:5432";
  } catch {
    return authority;
  }
}

function hostPort(host: string, port: string): string {
  return port === "" ? host : `${host}:${port}`;
}

function targetSessionAttrs(value: string | undefined): TargetSessionAttrs {
  if (value === undefined || value === "") return "any";
  if ((TARGET_SESSION_ATTRS as readonly string[]).includes(value))
    return value as TargetSessionAttrs;
  throw new UsageError(`target_session_attrs=${value} is not a value libpq knows`, {
    hint: `Use one of ${TARGET_SESSION_ATTRS.join(", ")} (in the URL or PGTARGETSESSIONATTRS).`,
  });
}

function badUrl(url: string, why: string): UsageError {
  return new UsageError(`cannot read the database URL ${maskUrl(url)}: ${why}`, {
    hint: "Write it as postgres://user:password@host1:5432,host2:5432/db?target_session_attrs=read-write.",
  });
}
