/**
 * Who may use a studio server: a request from this machine's browser that
 * carries the token printed with the URL (as Jupyter does). Loopback binding
 * keeps other machines out; the token keeps out other local users and web
 * pages; the Host check keeps out pages on other names that resolve to
 * 127.0.0.1 (DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** 32 random bytes: 256 bits, hex. */
export function newToken(): string {
  return randomBytes(32).toString("hex");
}

/** The cookie carrying the token; named after the port, as cookies are shared by every port of a host. */
export function cookieName(port: number): string {
  return `pitstop-studio-${port}`;
}

/** The names a loopback server is reached by. */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Whether the Host header names this server on a loopback name and its port.
 *
 * @example
 * loopbackHost("127.0.0.1:4800", 4800) // true
 * loopbackHost("evil.example:4800", 4800) // false
 */
export function loopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  if (!m) return false;
  return LOOPBACK_HOSTS.has(m[1]!) && Number(m[2] ?? 80) === port;
}

/** How a request proved it holds the token, or why it did not. */
export type TokenCheck = "query" | "cookie" | "header" | "missing" | "wrong";

/**
 * Looks for the token in `?token=`, the `Authorization: Bearer` or `X-Pitstop-Token` header, or the cookie.
 *
 * @example
 * checkToken(req, url, token, 4800) // "cookie"
 */
export function checkToken(
  req: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): TokenCheck {
  const given: [TokenCheck, string | undefined][] = [
    ["query", url.searchParams.get("token") ?? undefined],
    ["header", bearer(req.headers.authorization) ?? header(req.headers["x-pitstop-token"])],
    ["cookie", cookie(req.headers.cookie, cookieName(port))],
  ];
  let any = false;
  for (const [how, value] of given) {
    if (value === undefined) continue;
    any = true;
    if (sameToken(value, token)) return how;
  }
  return any ? "wrong" : "missing";
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearer(value: string | undefined): string | undefined {
  const m = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return m ? m[1] : undefined;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
