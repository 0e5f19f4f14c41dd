import type { ClientBase } from "pg";
import { PitstopError } from "../core/errors.js";
import {
  describeRole,
  type HostCandidate,
  type ServerRole,
  sessionMatches,
  type TargetSessionAttrs,
} from "./hosts.js";

/** One round trip: what libpq asks a server before accepting it for `target_session_attrs`. */
export const SERVER_ROLE_SQL =
  "SELECT pg_is_in_recovery() AS in_recovery, current_setting('transaction_read_only') = 'on' AS read_only";

/**
 * Connects to the first host that `attrs` accepts, trying them in order as
 * libpq does: a host that does not answer, or answers as the wrong kind of
 * server, is passed over; `prefer-standby` makes a second pass accepting
 * any. When none fits, one CONNECTION error lists every host and why.
 *
 * @example
 * const client = await pickHost(hosts, "read-write", "postgres://app@h1,h2/app", (h) => open(h));
 */
export async function pickHost<C extends ClientBase & { end(): Promise<void> }>(
  hosts: readonly HostCandidate[],
  attrs: TargetSessionAttrs,
  target: string,
  open: (host: HostCandidate) => Promise<C>,
): Promise<C> {
  const passes: TargetSessionAttrs[] = attrs === "prefer-standby" ? ["standby", "any"] : [attrs];
  const failures = new Map<string, string>();
  let lastConnectError: PitstopError | undefined;
  let unreachable = 0;
  for (const pass of passes) {
    for (const host of hosts) {
      let client: C;
      try {
        client = await open(host);
      } catch (error) {
        if (!(error instanceof PitstopError)) throw error;
        lastConnectError = error;
        unreachable++;
        failures.set(host.label, error.message.replace(/^cannot connect to /, ""));
        continue;
      }
      if (pass === "any") return client;
      let role: ServerRole;
      try {
        role = await readRole(client);
      } catch (error) {
        await client.end().catch(() => {});
        failures.set(host.label, `${host.label}: ${(error as Error).message}`);
        continue;
      }
      if (sessionMatches(pass, role)) return client;
      await client.end().catch(() => {});
      failures.set(host.label, `${host.label} is ${describeRole(role)}`);
    }
  }
  if (lastConnectError !== undefined && unreachable === failures.size * passes.length)
    throw noHostAnswers(target, [...failures.values()], lastConnectError);
  throw noHostFits(target, attrs, [...failures.values()], lastConnectError);
}

/** Recovery state and read-only default of a connected server. */
async function readRole(client: ClientBase): Promise<ServerRole> {
  const { rows } = await client.query<{ in_recovery: boolean; read_only: boolean }>(
    SERVER_ROLE_SQL,
  );
  const row = rows[0]!;
  return { inRecovery: row.in_recovery, readOnly: row.read_only };
}

function noHostAnswers(
  target: string,
  failures: readonly string[],
  last: PitstopError,
): PitstopError {
  return new PitstopError(
    "CONNECTION",
    `cannot connect to any host of ${target}: ${failures.join("; ")}`,
    { ...(last.hint === undefined ? {} : { hint: last.hint }), cause: last },
  );
}

function noHostFits(
  target: string,
  attrs: TargetSessionAttrs,
  failures: readonly string[],
  lastConnectError: PitstopError | undefined,
): PitstopError {
  const wanted = WANTED[attrs];
  return new PitstopError(
    "CONNECTION",
    `no server of ${target} is ${wanted} (target_session_attrs=${attrs}): ${failures.join("; ")}`,
    {
      hint:
        attrs === "read-write" || attrs === "primary"
          ? "Migrations need the primary: put the primary's host in the URL (with several hosts and target_session_attrs=read-write the first writable one is used), and check that it is up."
          : "Check the hosts listed and their roles, or change target_session_attrs.",
      ...(lastConnectError === undefined ? {} : { cause: lastConnectError }),
    },
  );
}

const WANTED: Record<TargetSessionAttrs, string> = {
  any: "reachable",
  "read-write": "a read-write server",
  "read-only": "a read-only server",
  primary: "a primary",
  standby: "a standby",
  "prefer-standby": "a standby or any other server",
};
