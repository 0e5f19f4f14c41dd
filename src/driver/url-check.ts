import { UsageError } from "../core/errors.js";
import { maskUrl } from "./connect.js";

/**
 * Checks a `postgres://` URL before anything connects, so a mistake names
 * the part that is wrong (the port, the host) with the password masked,
 * instead of "Invalid URL". A list of hosts (`h1:5432,h2:5433`) is checked
 * host by host.
 *
 * @example
 * checkPostgresUrl("postgres://app:s3cret@db:abc/app");
 * // throws: database URL postgres://app:****@db:abc/app: the port "abc" is not a number
 */
export function checkPostgresUrl(url: string): void {
  const afterScheme = url.indexOf("//") + 2;
  const rest = url.slice(afterScheme);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
  const hosts = authority.slice(authority.lastIndexOf("@") + 1);
  const fail = (problem: string, hint: string) =>
    new UsageError(`database URL ${maskUrl(url)}: ${problem}`, { hint });
  for (const hostPort of hosts.split(",")) {
    const m = /^(\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/.exec(hostPort);
    if (m === null) {
      throw fail(
        `cannot read the host ${JSON.stringify(hostPort)}`,
        "Write the host as a name, an IPv4 address or an IPv6 address in brackets ([::1]).",
      );
    }
    const port = m[2];
    if (port === undefined || port === "") continue;
    if (!/^\d+$/.test(port))
      throw fail(
        `the port ${JSON.stringify(port)} is not a number`,
        "Write host:port with a number, e.g. localhost:5432; percent-encode a password with : / @ # ? in it.",
      );
    const n = Number(port);
    if (n < 1 || n > 65_535)
      throw fail(
        `the port ${port} is out of range (1-65535)`,
        "PostgreSQL listens on 5432 by default.",
      );
  }
  if (hosts.includes(",")) return;
  try {
    new URL(url);
  } catch {
    throw fail(
      "it is not a valid URL",
      "Write postgres://user:password@host:5432/db, and percent-encode special characters in the user and password (e.g. @ as %40).",
    );
  }
}
