import { PitstopError } from "../core/errors.js";
import type { Queryable } from "../driver/driver.js";

/**
 * Refuses a database that cannot take writes (a hot standby, a server in
 * recovery, or one with `default_transaction_read_only` on) before anything
 * runs: one round trip, before the lock is taken or the history table
 * created. The error names the server's own address where it has one.
 *
 * @example
 * await refuseReadOnly(session, driver.target); // throws READ_ONLY_TARGET on a standby
 */
export async function refuseReadOnly(db: Queryable, target: string): Promise<void> {
  const { rows } = await db.query<{
    in_recovery: boolean;
    read_only: string;
    addr: string | null;
    port: number | null;
  }>(
    "SELECT pg_is_in_recovery() AS in_recovery, current_setting('transaction_read_only') AS read_only, host(inet_server_addr()) AS addr, inet_server_port() AS port",
  );
  const row = rows[0]!;
  if (!row.in_recovery && row.read_only !== "on") return;
  const where = row.addr === null ? target : `${row.addr}:${row.port} (${target})`;
  const what = row.in_recovery
    ? "is a standby in recovery (read-only)"
    : "is read-only (default_transaction_read_only is on)";
  throw new PitstopError("READ_ONLY_TARGET", `the database at ${where} ${what}; nothing was run`, {
    hint: row.in_recovery
      ? "Point the database URL at the primary, or list every host and add target_session_attrs=read-write (postgres://h1:5432,h2:5432/db?target_session_attrs=read-write) so the writable one is picked. status, schema and lint work on a standby."
      : "Migrate as a role or database without default_transaction_read_only (ALTER ROLE ... SET default_transaction_read_only = off), or point the URL at a writable server.",
  });
}
