import { PitstopError } from "../core/errors.js";
import { type Migration, migrationId } from "../core/migration.js";
import type { Queryable } from "../driver/driver.js";
import {
  lsnBytes,
  nudgeReplicas,
  type ReplicaProgress,
  readReplication,
} from "../store/replication.js";
import type { EventListener } from "./events.js";

export const DEFAULT_REPLICA_LAG_TIMEOUT_MS = 10 * 60_000;
const FIRST_POLL_MS = 50;
const MAX_POLL_MS = 1_000;
/** While waiting, say so again this often. */
const REPORT_EVERY_MS = 5_000;
/** WAL positions remembered at most (one per check and poll; old ones pruned). */
const MAX_SAMPLES = 1_000;

export interface ReplicaLagOptions {
  /** Go on only while every replica is at most this far behind. */
  readonly maxLagMs: number;
  /** Give up waiting after this long (default 10 min). */
  readonly timeoutMs?: number;
  readonly onEvent: EventListener;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/** A replica that holds the run, as the `replica-lag-wait` event reports it. */
export interface LaggingReplica {
  readonly name: string;
  /** WAL the primary has and the replica has not replayed. */
  readonly behindBytes: number;
  /** Proven lag: the replica reported, after pitstop saw WAL it has not replayed, that it still has not. */
  readonly atLeastMs: number;
}

/** Where in the plan the check runs: before a migration, or before one of its statements. */
export interface LagCheckPoint {
  readonly migration: Migration;
  /** 0-based statement index, for statement-by-statement migrations. */
  readonly statement?: number;
}

interface Sample {
  readonly lsn: bigint;
  /** pitstop's clock just before and after the query that read `lsn`. */
  readonly before: number;
  readonly after: number;
  /** Each replica's last report time as of this sample (to tell a fresh report from an old one). */
  readonly replies: ReadonlyMap<number, string | null>;
}

interface Judgement {
  readonly replica: ReplicaProgress;
  /** The replica is at most this far behind (Infinity: not known yet). */
  readonly atMostMs: number;
  readonly atLeastMs: number;
}

/**
 * Holds a run between steps while any physical standby replays WAL more than
 * `maxLagMs` behind the primary.
 *
 * The lag is measured from WAL positions, not from pg_stat_replication's
 * `replay_lag` (NULL when idle, frozen while replay stands still): pitstop
 * samples `pg_current_wal_lsn()` at every check and poll, and a replica is
 * at most `now - t` behind once it reports having replayed the position
 * sampled at `t`. It goes on when every replica is proven within the bound.
 * While waiting it commits an empty transaction each poll, so standbys report
 * at once instead of every `wal_receiver_status_interval`.
 *
 * @example
 * const gate = new ReplicaLagGate({ maxLagMs: 30_000, onEvent });
 * await gate.wait(session, { migration });
 */
export class ReplicaLagGate {
  readonly #options: ReplicaLagOptions;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #samples: Sample[] = [];
  #canNudge = true;

  constructor(options: ReplicaLagOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
    this.#sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Returns once every replica is within the bound; throws REPLICA_LAG_TIMEOUT after the timeout. */
  async wait(db: Queryable, at: LagCheckPoint): Promise<void> {
    const { maxLagMs, onEvent } = this.#options;
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_REPLICA_LAG_TIMEOUT_MS;
    const started = this.#now();
    let announcedAt: number | undefined;
    let pollMs = FIRST_POLL_MS;
    for (;;) {
      const judged = await this.#check(db);
      const now = this.#now();
      const behind = judged.filter((j) => j.atMostMs > maxLagMs);
      const waitedMs = now - started;
      if (behind.length === 0) {
        if (announcedAt !== undefined) onEvent({ type: "replica-lag-ok", ...at, waitedMs });
        return;
      }
      if (waitedMs > timeoutMs) throw timeoutError(behind, maxLagMs, waitedMs, at);
      const proven = behind.some((j) => j.atLeastMs > maxLagMs);
      const due =
        announcedAt === undefined
          ? proven || waitedMs > maxLagMs
          : now - announcedAt >= REPORT_EVERY_MS;
      if (due) {
        announcedAt = now;
        onEvent({
          type: "replica-lag-wait",
          ...at,
          replicas: behind.map(lagging),
          maxLagMs,
          waitedMs,
        });
      }
      if (this.#canNudge) this.#canNudge = await nudgeReplicas(db);
      await this.#sleep(pollMs);
      pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
    }
  }

  async #check(db: Queryable): Promise<Judgement[]> {
    const before = this.#now();
    const snapshot = await readReplication(db);
    const after = this.#now();
    const current: Sample = {
      lsn: lsnBytes(snapshot.lsn),
      before,
      after,
      replies: new Map(snapshot.replicas.map((r) => [r.pid, r.replyTime])),
    };
    this.#samples.push(current);
    const judged = snapshot.replicas.map((r) => this.#judge(r, current, after));
    this.#prune(snapshot.replicas);
    return judged;
  }

  #judge(replica: ReplicaProgress, current: Sample, now: number): Judgement {
    const replay = lsnBytes(replica.replayLsn);
    if (replay >= current.lsn) return { replica, atMostMs: 0, atLeastMs: 0 };
    let atMostMs = Number.POSITIVE_INFINITY;
    for (let i = this.#samples.length - 1; i >= 0; i--) {
      const s = this.#samples[i]!;
      if (s.lsn <= replay) {
        atMostMs = now - s.before;
        break;
      }
    }
    // The oldest position it has not replayed, by a report sent after that position was seen.
    const unreplayed = this.#samples.find(
      (s) => s.lsn > replay && s.replies.get(replica.pid) !== replica.replyTime,
    );
    const atLeastMs = unreplayed === undefined ? 0 : Math.max(0, now - unreplayed.after);
    return { replica, atMostMs, atLeastMs };
  }

  /** Positions every replica has replayed matter only as the newest such one. */
  #prune(replicas: readonly ReplicaProgress[]): void {
    const floor = replicas.reduce<bigint | undefined>((min, r) => {
      const replay = lsnBytes(r.replayLsn);
      return min === undefined || replay < min ? replay : min;
    }, undefined);
    let keepFrom = this.#samples.length - 1;
    if (floor !== undefined) {
      const firstAbove = this.#samples.findIndex((s) => s.lsn > floor);
      keepFrom = firstAbove === -1 ? this.#samples.length - 1 : Math.max(0, firstAbove - 1);
    }
    keepFrom = Math.max(keepFrom, this.#samples.length - MAX_SAMPLES);
    if (keepFrom > 0) this.#samples = this.#samples.slice(keepFrom);
  }
}

function lagging(j: Judgement): LaggingReplica {
  return { name: j.replica.name, behindBytes: j.replica.behindBytes, atLeastMs: j.atLeastMs };
}

function timeoutError(
  behind: readonly Judgement[],
  maxLagMs: number,
  waitedMs: number,
  at: LagCheckPoint,
): PitstopError {
  const who = behind
    .map((j) => `${j.replica.name} (${j.replica.behindBytes} bytes of WAL not replayed)`)
    .join(", ");
  const where =
    at.statement === undefined
      ? `before ${migrationId(at.migration)}`
      : `before statement ${at.statement + 1} of ${migrationId(at.migration)}`;
  return new PitstopError(
    "REPLICA_LAG_TIMEOUT",
    `gave up ${where} after waiting ${Math.round(waitedMs / 1000)} s for replicas more than ${maxLagMs} ms behind: ${who}`,
    {
      hint: "Check the replica (pg_stat_replication on the primary: is replay paused, the network slow?). What was applied stays applied and `pitstop up` goes on from there; raise --replica-lag-timeout or --max-replica-lag to wait longer or accept more lag.",
    },
  );
}
