import { PitstopError } from "../core/errors.js";
import type { Queryable } from "../driver/driver.js";

/** One physical standby streaming from the primary, as pg_stat_replication shows it. */
export interface ReplicaProgress {
  /** The walsender's pid: stable while the standby stays connected. */
  readonly pid: number;
  /** `application_name` (the standby's cluster_name or walreceiver), and its address. */
  readonly name: string;
  readonly state: string;
  /** WAL position the standby has replayed (`X/Y`). */
  readonly replayLsn: string;
  /** Bytes of WAL between the primary's current position and the standby's replay. */
  readonly behindBytes: number;
  /** The server's own replay_lag; null when idle, and stale while replay stands still. */
  readonly replayLagMs: number | null;
  /** When the standby sent its last report (its clock), as text; changes with every report. */
  readonly replyTime: string | null;
}

export interface ReplicationSnapshot {
  /** `pg_current_wal_lsn()` at the time of the query. */
  readonly lsn: string;
  readonly replicas: readonly ReplicaProgress[];
}

/**
 * The primary's WAL position and the progress of every physical standby
 * streaming from it (logical replication and base backups left out), in
 * one round trip. Cascaded standbys are not visible here.
 *
 * @example
 * const { lsn, replicas } = await readReplication(session);
 */
export async function readReplication(db: Queryable): Promise<ReplicationSnapshot> {
  const { rows } = await db.query<{ lsn: string; replicas: RawReplica[] }>(REPLICATION_SQL);
  const row = rows[0]!;
  const hidden = row.replicas.filter((r) => r.state === null);
  if (hidden.length > 0) {
    throw new PitstopError(
      "REPLICA_LAG_NO_PRIVILEGE",
      `${hidden.length} replica(s) stream from this primary, but the current role may not see their progress in pg_stat_replication`,
      {
        hint: "Grant the migrating role pg_monitor (or pg_read_all_stats), or run without --max-replica-lag.",
      },
    );
  }
  return {
    lsn: row.lsn,
    replicas: row.replicas
      .filter((r) => r.state === "streaming" || r.state === "catchup")
      .map((r) => ({
        pid: r.pid,
        name: r.addr === null ? r.name : `${r.name || "standby"} (${r.addr})`,
        state: r.state!,
        replayLsn: r.replay_lsn ?? "0/0",
        behindBytes: Number(r.behind ?? 0),
        replayLagMs: r.replay_lag_ms,
        replyTime: r.reply_time,
      })),
  };
}

/**
 * Commits an empty transaction that has a transaction id (one commit record
 * in the WAL, flushed at once), so every standby receives WAL and reports
 * its replay position now rather than at its next
 * `wal_receiver_status_interval`. It changes no rows, so logical replication
 * and CDC have nothing to publish. False when it fails (it is only a nudge).
 */
export async function nudgeReplicas(db: Queryable): Promise<boolean> {
  try {
    await db.query("SELECT pg_current_xact_id()");
    return true;
  } catch {
    return false;
  }
}

interface RawReplica {
  pid: number;
  name: string;
  addr: string | null;
  state: string | null;
  replay_lsn: string | null;
  behind: string | null;
  replay_lag_ms: number | null;
  reply_time: string | null;
}

const REPLICATION_SQL = `SELECT pg_current_wal_lsn()::text AS lsn, coalesce((
  SELECT json_agg(json_build_object(
    'pid', r.pid, 'name', r.application_name, 'addr', host(r.client_addr), 'state', r.state,
    'replay_lsn', r.replay_lsn::text,
    'behind', pg_wal_lsn_diff(pg_current_wal_lsn(), r.replay_lsn)::text,
    'replay_lag_ms', extract(epoch FROM r.replay_lag) * 1000,
    'reply_time', r.reply_time::text) ORDER BY r.pid)
  FROM pg_stat_replication r
  WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots s WHERE s.active_pid = r.pid AND s.slot_type = 'logical')
), '[]'::json) AS replicas`;

/**
 * An LSN (`16/B374D848`) as a number of bytes, for comparing positions.
 *
 * @example
 * lsnBytes("0/3000000") // 50331648n
 */
export function lsnBytes(lsn: string): bigint {
  const [high, low] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}
