import { hostname } from "node:os";
import { PitstopError } from "../core/errors.js";
import { nodeCrypto } from "../core/node-crypto.js";
import {
  DatabaseError,
  type Driver,
  type Queryable,
  type Session,
  SQLSTATE,
} from "../driver/driver.js";
import type { HistoryTable } from "./history.js";
import {
  type AcquireOptions,
  DEFAULT_LOCK_TIMEOUT_MS,
  formatMs,
  type LockHolder,
  pollLock,
} from "./lock.js";
import type { Locker } from "./locker.js";
import { quoteIdent, quoteLiteral } from "./sql-text.js";

/** How long a lease lasts without a heartbeat: a crashed holder blocks others this long. */
export const DEFAULT_LEASE_MS = 30_000;
/** SQLSTATE the fence raises when this run no longer holds the lease. */
export const LEASE_LOST_SQLSTATE = "PSL01";
/** The one row of the lease table that the migration lock is. */
const LOCK_NAME = "migrations";
/** Concurrent first runs race to create the table: retry its creation this often. */
const CREATE_ATTEMPTS = 5;

/** The lease table beside a history table: `<schema>.<table>_lock`. */
export function leaseTable(h: HistoryTable): HistoryTable {
  return { schema: h.schema, table: `${h.table}_lock` };
}

function qualified(t: HistoryTable): string {
  return `${quoteIdent(t.schema)}.${quoteIdent(t.table)}`;
}

export interface TableLockerOptions {
  /** How long the lease lasts without renewal (default 30 s); heartbeats renew it every third of that. */
  leaseMs?: number;
  /**
   * Opens the connection the heartbeat runs on while the run's session is
   * busy (a long index build). Without it the lease is renewed only between
   * steps, so a statement must finish within the lease.
   */
  fork?: () => Promise<Driver>;
  /**
   * Whether to create the lease table when it is missing (default true).
   * False (a dry run, which changes nothing): without the table, `lock`
   * takes nothing and `check`/`renew` are not to be relied on.
   */
  create?: boolean;
}

/**
 * The migration lock as a lease row in a table (goose v3's table locker,
 * plus a fence): it lives in the database, not in a session, so it holds
 * behind a transaction pooler where every transaction may run on another
 * server connection. The row says who holds it until when; a heartbeat on a
 * second connection extends it; a crashed holder's lease runs out and the
 * next run takes it over. Every migration transaction starts with `check`,
 * which takes a KEY SHARE row lock on the lease held by this run (or fails):
 * while it is open nobody can take the lease (taking it needs FOR UPDATE),
 * and the heartbeat's UPDATE does not conflict with it, so a migration
 * commits only while its runner holds the lease.
 *
 * @example
 * const locker = new TableLocker(DEFAULT_HISTORY, { fork: () => driver.fork!() });
 * await driver.session(async (s) => {
 *   await locker.lock(s, { timeoutMs: 60_000 });
 *   try { await s.exec(`BEGIN; ${locker.check}; ...; COMMIT`); } finally { await locker.unlock(s); }
 * });
 */
export class TableLocker implements Locker {
  readonly kind = "table" as const;
  readonly table: string;
  readonly check: string;
  readonly #schema: string;
  readonly #token = nodeCrypto().randomUUID();
  readonly #holder = `pitstop on ${hostname()}`;
  readonly #leaseMs: number;
  readonly #fork: (() => Promise<Driver>) | undefined;
  readonly #create: boolean;
  #held = false;
  #timer: NodeJS.Timeout | undefined;
  #beating: Promise<void> | undefined;
  #heartbeat: Driver | undefined;
  #lost = false;

  constructor(history: HistoryTable, options: TableLockerOptions = {}) {
    this.table = qualified(leaseTable(history));
    this.#schema = history.schema;
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.#fork = options.fork;
    this.#create = options.create ?? true;
    this.check = `DO $pitstop_lease$ BEGIN
PERFORM 1 FROM ${this.table} WHERE name = '${LOCK_NAME}' AND token = ${quoteLiteral(this.#token)} FOR KEY SHARE;
IF NOT FOUND THEN RAISE EXCEPTION 'this pitstop run no longer holds the migration lease in %', ${quoteLiteral(this.table)} USING ERRCODE = '${LEASE_LOST_SQLSTATE}'; END IF;
END $pitstop_lease$`;
  }

  guard(sql: string): string {
    return `BEGIN;\n${this.check};\n${sql};\nCOMMIT`;
  }

  async lock(session: Session, options: AcquireOptions): Promise<void> {
    if (!(await this.#ensureTable(session))) return;
    if (!(await this.#tryTake(session))) {
      const holder = await leaseHolder(session, this.table);
      options.onWait?.(holder);
      await pollLock(
        () => this.#tryTake(session),
        holder,
        options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
      );
    }
    this.#lost = false;
    this.#held = true;
    this.#timer = setInterval(() => this.#beat(), Math.max(this.#leaseMs / 3, 10));
    this.#timer.unref();
  }

  async renew(session: Session): Promise<void> {
    if (!this.#held) return;
    if (this.#lost || !(await this.#extend(session))) {
      this.#lost = true;
      throw leaseLostError(this.table, this.#leaseMs);
    }
  }

  async unlock(session: Session): Promise<void> {
    if (!this.#held) return;
    this.#held = false;
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#beating;
    const heartbeat = this.#heartbeat;
    this.#heartbeat = undefined;
    await heartbeat?.close().catch(() => {});
    await session.query(
      `UPDATE ${this.table} SET token = NULL, holder = NULL, pid = NULL, expires_at = NULL WHERE name = $1 AND token = $2`,
      [LOCK_NAME, this.#token],
    );
  }

  /** Free, or its holder's lease ran out: take it. SKIP LOCKED: never waits on a migration's fence. */
  async #tryTake(session: Session): Promise<boolean> {
    const { rows } = await session.query(
      `WITH free AS (
         SELECT name FROM ${this.table}
          WHERE name = $1 AND (token IS NULL OR expires_at < clock_timestamp())
            FOR UPDATE SKIP LOCKED)
       UPDATE ${this.table} AS l
          SET token = $2, holder = $3, pid = $4, acquired_at = clock_timestamp(),
              heartbeat_at = clock_timestamp(), expires_at = clock_timestamp() + $5 * interval '1 millisecond'
         FROM free WHERE l.name = free.name
       RETURNING l.name`,
      [LOCK_NAME, this.#token, this.#holder, process.pid, this.#leaseMs],
    );
    return rows.length === 1;
  }

  async #extend(db: Queryable): Promise<boolean> {
    const { rows } = await db.query(
      `UPDATE ${this.table} SET heartbeat_at = clock_timestamp(), expires_at = clock_timestamp() + $3 * interval '1 millisecond'
        WHERE name = $1 AND token = $2 RETURNING name`,
      [LOCK_NAME, this.#token, this.#leaseMs],
    );
    return rows.length === 1;
  }

  /** Runs on its own connection while the session may be busy; a missed beat is retried next time. */
  #beat(): void {
    if (this.#beating || this.#fork === undefined || this.#lost) return;
    this.#beating = (async () => {
      try {
        this.#heartbeat ??= await this.#fork!();
        if (!(await this.#extend(this.#heartbeat))) this.#lost = true;
      } catch {
        // The next beat, or the next fenced step, finds out.
      } finally {
        this.#beating = undefined;
      }
    })();
  }

  /** Creates the table and its row when missing (first runs racing each other retry); false: missing and not created. */
  async #ensureTable(session: Session): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const { rows } = await session.query<{ ok: boolean }>(
        "SELECT to_regclass($1) IS NOT NULL AS ok",
        [this.table],
      );
      if (rows[0]!.ok) {
        // The row too (someone may have emptied the table): taking the lease needs it.
        if (this.#create) await session.exec(this.#rowSql());
        return true;
      }
      if (!this.#create) return false;
      try {
        await session.exec(this.#createSql());
        return true;
      } catch (error) {
        // Another run created it between our check and our CREATE.
        const raced =
          error instanceof DatabaseError && ["23505", "42P07", "42P06"].includes(error.code);
        if (!raced || attempt >= CREATE_ATTEMPTS) throw error;
      }
    }
  }

  #createSql(): string {
    return `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.#schema)};
CREATE TABLE IF NOT EXISTS ${this.table} (
  name text PRIMARY KEY,
  token text,
  holder text,
  pid integer,
  acquired_at timestamptz,
  heartbeat_at timestamptz,
  expires_at timestamptz
);
COMMENT ON TABLE ${this.table} IS 'pitstop migration lock: a lease (token, expires_at) that a run holds while it migrates; used behind transaction poolers. Managed by pitstop.';
${this.#rowSql()}`;
  }

  #rowSql(): string {
    return `INSERT INTO ${this.table} (name) VALUES ('${LOCK_NAME}') ON CONFLICT (name) DO NOTHING`;
  }
}

/** Who holds the lease of a history table's lease table now (see `leaseHolder`). */
export function leaseHolderOf(db: Queryable, h: HistoryTable): Promise<LockHolder | undefined> {
  return leaseHolder(db, qualified(leaseTable(h)));
}

/**
 * Who holds the lease now (undefined: nobody, it ran out, or there is no
 * lease table).
 */
export async function leaseHolder(db: Queryable, table: string): Promise<LockHolder | undefined> {
  let rows: {
    pid: number | null;
    holder: string | null;
    acquired_at: Date | null;
    expires_at: Date | null;
  }[];
  try {
    ({ rows } = await db.query(
      `SELECT pid, holder, acquired_at, expires_at FROM ${table}
        WHERE name = $1 AND token IS NOT NULL AND expires_at > clock_timestamp()`,
      [LOCK_NAME],
    ));
  } catch (error) {
    if (error instanceof DatabaseError && error.code === SQLSTATE.undefinedTable) return undefined;
    throw error;
  }
  const r = rows[0];
  if (!r) return undefined;
  return {
    pid: r.pid ?? 0,
    applicationName: r.holder,
    clientAddr: null,
    since: r.acquired_at,
    expiresAt: r.expires_at,
  };
}

/** Whether an error says this run no longer holds the lease. */
export function isLeaseLost(error: unknown): boolean {
  return (
    (error instanceof DatabaseError && error.code === LEASE_LOST_SQLSTATE) ||
    (error instanceof PitstopError && error.code === "LEASE_LOST")
  );
}

export function leaseLostError(table: string, leaseMs: number = DEFAULT_LEASE_MS): PitstopError {
  return new PitstopError(
    "LEASE_LOST",
    `this run lost the migration lease in ${table}: it was not renewed within ${formatMs(leaseMs)} and another run took it over; stopped before changing anything more`,
    {
      hint: "Another pitstop run is applying the migrations now: check `pitstop status` when it is done. A lease runs out when the heartbeat cannot reach the database (a pooler with no free server connection, a stalled network).",
    },
  );
}
