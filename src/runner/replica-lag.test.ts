import { describe, expect, it } from "vitest";
import { PitstopError } from "../core/errors.js";
import { fakeMigration } from "../core/test-support.js";
import type { QueryResult, Session } from "../driver/driver.js";
import type { RunEvent } from "./events.js";
import { ReplicaLagGate } from "./replica-lag.js";

/**
 * The gate's reasoning over pg_stat_replication as the primary reports it,
 * with pitstop's clock in our hands. The real thing (a paused streaming
 * standby) is test/standby.test.ts; these pin down the edge cases that a
 * live replica does not produce on demand.
 */

interface Report {
  replay: string;
  reply: string | null;
  state?: string | null;
  replayLagMs?: number | null;
}

/** A primary whose WAL position and one replica's reports follow a script, one entry per poll. */
function primary(script: { lsn: string; replicas: Report[] }[]) {
  const queries: string[] = [];
  let poll = 0;
  const session: Session = {
    async query<R extends object>(sql: string): Promise<QueryResult<R>> {
      queries.push(sql);
      if (/pg_current_xact_id/.test(sql)) return { rows: [], rowCount: 1 };
      const step = script[Math.min(poll++, script.length - 1)]!;
      const replicas = step.replicas.map((r, i) => ({
        pid: 100 + i,
        name: `replica${i + 1}`,
        addr: "10.0.0.2",
        state: r.state === undefined ? "streaming" : r.state,
        replay_lsn: r.replay,
        behind: "4096",
        replay_lag_ms: r.replayLagMs ?? null,
        reply_time: r.reply,
      }));
      return { rows: [{ lsn: step.lsn, replicas } as R], rowCount: 1 };
    },
    exec: async () => {},
    copyFrom: async () => 0,
  };
  return { session, queries };
}

function gate(maxLagMs: number, timeoutMs = 60_000) {
  let now = 0;
  const events: RunEvent[] = [];
  const g = new ReplicaLagGate({
    maxLagMs,
    timeoutMs,
    onEvent: (e) => events.push(e),
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  });
  return { g, events, tick: (ms: number) => (now += ms) };
}

const migration = fakeMigration("000001", "a");

function code(error: unknown): string | undefined {
  return error instanceof PitstopError ? error.code : undefined;
}

describe("ReplicaLagGate", () => {
  it("passes at once, writing nothing, with no replicas or replicas at the primary's position", async () => {
    const { g, events } = gate(1_000);
    const none = primary([{ lsn: "0/5000", replicas: [] }]);
    await g.wait(none.session, { migration });
    const caughtUp = primary([{ lsn: "0/5000", replicas: [{ replay: "0/5000", reply: "t1" }] }]);
    await g.wait(caughtUp.session, { migration });
    expect(events).toEqual([]);
    expect([...none.queries, ...caughtUp.queries].join()).not.toMatch(/xact_id/);
  });

  it("holds a replica whose replay stands still although replay_lag looks small, then goes on once it catches up", async () => {
    const { g, events } = gate(1_000);
    // Replay stuck at 0/4000 while the primary moves on; replay_lag frozen at 5 ms.
    const stuck = { replay: "0/4000", replayLagMs: 5 };
    const script = [
      { lsn: "0/5000", replicas: [{ ...stuck, reply: "t1" }] },
      ...Array.from({ length: 8 }, (_, i) => ({
        lsn: `0/${(0x5100 + i * 0x100).toString(16)}`,
        replicas: [{ ...stuck, reply: `t${i + 2}` }],
      })),
      { lsn: "0/6000", replicas: [{ replay: "0/6000", reply: "t99" }] },
    ];
    const { session, queries } = primary(script);
    await g.wait(session, { migration });
    const types = events.map((e) => e.type);
    expect(types[0]).toBe("replica-lag-wait");
    expect(types.at(-1)).toBe("replica-lag-ok");
    const wait = events[0] as Extract<RunEvent, { type: "replica-lag-wait" }>;
    expect(wait.replicas).toEqual([
      { name: "replica1 (10.0.0.2)", behindBytes: 4096, atLeastMs: expect.any(Number) },
    ]);
    // Announced once its report after a sample proved more than the bound.
    expect(wait.replicas[0]!.atLeastMs).toBeGreaterThan(1_000);
    // It nudged the standby to report while it waited.
    expect(queries.some((q) => /pg_current_xact_id/.test(q))).toBe(true);
  });

  it("lets a replica a little behind through after its first report, without a message", async () => {
    const { g, events } = gate(1_000);
    const { session } = primary([
      { lsn: "0/5000", replicas: [{ replay: "0/4F00", reply: "t1" }] },
      // 50 ms later it reports having replayed what the primary had at the first poll.
      { lsn: "0/5100", replicas: [{ replay: "0/5000", reply: "t2" }] },
    ]);
    await g.wait(session, { migration });
    expect(events).toEqual([]);
  });

  it("goes on at once when an earlier check's position is replayed and recent enough", async () => {
    const { g, events, tick } = gate(1_000);
    await g.wait(
      primary([{ lsn: "0/5000", replicas: [{ replay: "0/5000", reply: "t1" }] }]).session,
      {
        migration,
      },
    );
    tick(300);
    // Behind the current position, but it replayed 0/5000, seen 300 ms ago: at most 300 ms behind.
    const next = primary([{ lsn: "0/9000", replicas: [{ replay: "0/5800", reply: "t2" }] }]);
    await g.wait(next.session, { migration });
    expect(next.queries).toHaveLength(1);
    expect(events).toEqual([]);
  });

  it("gives up after the timeout naming the replica and where it stopped", async () => {
    const { g } = gate(500, 2_000);
    const { session } = primary([{ lsn: "0/5000", replicas: [{ replay: "0/4000", reply: "t1" }] }]);
    const error = await g.wait(session, { migration, statement: 2 }).catch((e: unknown) => e);
    expect(code(error)).toBe("REPLICA_LAG_TIMEOUT");
    expect((error as Error).message).toMatch(
      /^gave up before statement 3 of 000001_a after waiting \d+ s for replicas more than 500 ms behind: replica1 \(10\.0\.0\.2\) \(4096 bytes of WAL not replayed\)$/,
    );
  });

  it("refuses to guess when the role may not see the replicas' progress", async () => {
    const { g } = gate(500);
    const { session } = primary([
      { lsn: "0/5000", replicas: [{ replay: "0/4000", reply: null, state: null }] },
    ]);
    const error = await g.wait(session, { migration }).catch((e: unknown) => e);
    expect(code(error)).toBe("REPLICA_LAG_NO_PRIVILEGE");
    expect((error as { hint: string }).hint).toContain("pg_monitor");
  });
});
