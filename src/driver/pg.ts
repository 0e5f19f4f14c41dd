import type {
  Client,
  ClientBase,
  ClientConfig,
  Query as PgQuery,
  Pool,
  PoolClient,
  QueryConfig,
} from "pg";
import { PitstopError } from "../core/errors.js";
import { passwordsIn } from "./connect.js";
import { findCopyFromStdin, stripCopyTerminator } from "./copy-stdin.js";
import type { Driver, QueryResult, Session } from "./driver.js";
import { describeHostList, type HostList, splitHosts } from "./hosts.js";
import { Mutex } from "./mutex.js";
import {
  connectWithFallback,
  resolveTls,
  type TlsAttempt,
  type TlsPlan,
  tlsFailure,
} from "./pg-tls.js";
import { pickHost } from "./pick-host.js";
import { isServerError, toDatabaseError } from "./to-database-error.js";

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_APPLICATION_NAME = "pitstop";
/** COPY data goes out in CopyData messages of at most this many bytes. */
const COPY_CHUNK_BYTES = 64 * 1024;

/** Options for a driver that opens (and owns) one connection from a URL. */
export interface PgUrlOptions {
  /**
   * `postgres://user:password@host:port/db?sslmode=...`. TLS settings
   * (`sslmode`, `sslrootcert`, `sslcert`, `sslkey`..., and the `PGSSL*`
   * environment variables) mean what they mean to libpq (see pg-tls.ts).
   */
  url: string;
  applicationName?: string;
  connectTimeoutMs?: number;
  /** Node TLS options (or false) used as they are, instead of what the URL's TLS settings say. */
  ssl?: ClientConfig["ssl"];
}

/** Options for a driver over a pool the caller owns (not ended by `close()`). */
export interface PgPoolOptions {
  pool: Pick<Pool, "connect">;
  /** Shown in messages; defaults to "PostgreSQL (pool)". Must not contain a password. */
  target?: string;
}

/** Options for a driver over a connected client the caller owns (not ended by `close()`). */
export interface PgClientOptions {
  client: ClientBase;
  /** Shown in messages; defaults to "PostgreSQL (client)". Must not contain a password. */
  target?: string;
}

export type PgDriverOptions = PgUrlOptions | PgPoolOptions | PgClientOptions;

type PgModule = typeof import("pg");

/** What a connection source hands out for one unit of work. */
interface Lease {
  client: ClientBase;
  /** `broken`: the connection may be unusable or dirty; drop it rather than reuse it. */
  done(broken: boolean): Promise<void>;
}

interface ConnectionSource {
  /** Whether callers must take turns (one connection shared by every call). */
  readonly shared: boolean;
  lease(): Promise<Lease>;
  close(): Promise<void>;
}

/**
 * A driver over node-postgres. `pg` is imported when this is called, so that
 * merely importing pitstop's driver module costs nothing.
 *
 * - `{ url }`: one connection, opened on first use, re-opened after it breaks;
 *   driver calls and sessions take turns on it.
 * - `{ pool }`: each call and session leases its own pool connection; a
 *   session that throws gives its connection back as broken (so a transaction
 *   or advisory lock it left cannot leak to the next user).
 * - `{ client }`: like `{ url }` over the caller's connected client.
 *
 * Connection failures become `PitstopError` code `CONNECTION` naming the
 * target without its password; server errors become `DatabaseError`.
 *
 * @example
 * const driver = await createPgDriver({ url: process.env.DATABASE_URL! });
 * try {
 *   const { rows } = await driver.query<{ n: number }>("select $1::int as n", [1]);
 * } finally {
 *   await driver.close();
 * }
 */
export async function createPgDriver(options: PgDriverOptions): Promise<Driver> {
  const pg = await import("pg");
  if ("url" in options) {
    const target = describeUrlTarget(options.url);
    return new PgDriver(
      pg,
      target,
      new OwnedClientSource(pg, options, target, passwordsIn(options.url)),
      () => createPgDriver(options),
    );
  }
  if ("pool" in options) {
    const target = options.target ?? "PostgreSQL (pool)";
    return new PgDriver(pg, target, new PoolSource(options.pool, target), () =>
      createPgDriver(options),
    );
  }
  const target = options.target ?? "PostgreSQL (client)";
  return new PgDriver(pg, target, new GivenClientSource(options.client));
}

class PgDriver implements Driver {
  readonly dialect = "postgres" as const;
  readonly target: string;
  readonly #pg: PgModule;
  readonly #source: ConnectionSource;
  readonly #mutex: Mutex;
  /** A second driver with its own connection (a URL) or over the same pool. */
  readonly fork?: () => Promise<Driver>;
  #closed = false;

  constructor(
    pg: PgModule,
    target: string,
    source: ConnectionSource,
    fork?: () => Promise<Driver>,
  ) {
    this.#pg = pg;
    this.target = target;
    this.#source = source;
    this.#mutex = new Mutex(target);
    if (fork !== undefined) this.fork = fork;
  }

  query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> {
    return this.#withClient((client) => runQuery<R>(client, sql, params, this.target));
  }

  exec(sql: string): Promise<void> {
    return this.#withClient((client) => runExec(client, sql, this.target));
  }

  copyFrom(sql: string, data: string): Promise<number> {
    return this.#withClient((client) => runCopyFrom(this.#pg, client, sql, data, this.target));
  }

  session<T>(fn: (session: Session) => Promise<T>): Promise<T> {
    return this.#turn(async () => {
      const lease = await this.#lease();
      const session = new PgSession(this.#pg, lease.client, this.target);
      let ok = false;
      try {
        const result = await fn(session);
        ok = true;
        return result;
      } finally {
        session.end();
        if (!ok && this.#source.shared) await resetAfterFailure(lease.client);
        await lease.done(!ok);
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Let calls already under way finish on the connection before it goes.
    await this.#turn(() => this.#source.close(), true);
  }

  async #withClient<T>(fn: (client: ClientBase) => Promise<T>): Promise<T> {
    return this.#turn(async () => {
      const lease = await this.#lease();
      let broken = true;
      try {
        const result = await fn(lease.client);
        broken = false;
        return result;
      } catch (error) {
        broken = error instanceof PitstopError && error.code === "CONNECTION";
        throw error;
      } finally {
        await lease.done(broken);
      }
    });
  }

  #turn<T>(fn: () => Promise<T>, closing = false): Promise<T> {
    if (this.#closed && !closing) {
      return Promise.reject(
        new PitstopError("DRIVER_CLOSED", `the driver for ${this.target} is closed`),
      );
    }
    return this.#source.shared ? this.#mutex.run(fn) : fn();
  }

  #lease(): Promise<Lease> {
    return this.#source.lease();
  }
}

/** A session: queries on the leased connection, refused once the session is over. */
class PgSession implements Session {
  readonly #pg: PgModule;
  readonly #target: string;
  readonly announcedPid: number | undefined;
  #client: ClientBase | undefined;

  constructor(pg: PgModule, client: ClientBase, target: string) {
    this.#pg = pg;
    this.#client = client;
    this.#target = target;
    const pid = (client as unknown as { processID?: number | null }).processID;
    this.announcedPid = typeof pid === "number" ? pid : undefined;
  }

  async query<R extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> {
    return runQuery<R>(this.#live(), sql, params, this.#target);
  }

  async exec(sql: string): Promise<void> {
    return runExec(this.#live(), sql, this.#target);
  }

  async copyFrom(sql: string, data: string): Promise<number> {
    return runCopyFrom(this.#pg, this.#live(), sql, data, this.#target);
  }

  end(): void {
    this.#client = undefined;
  }

  #live(): ClientBase {
    if (this.#client === undefined) {
      throw new PitstopError(
        "SESSION_ENDED",
        `a session on ${this.#target} was used after session() returned`,
        {
          hint: "Keep uses of the session inside the function passed to driver.session().",
        },
      );
    }
    return this.#client;
  }
}

class OwnedClientSource implements ConnectionSource {
  readonly shared = true;
  readonly #pg: PgModule;
  readonly #config: ClientConfig;
  readonly #target: string;
  readonly #secrets: readonly string[];
  readonly #tls: TlsPlan;
  readonly #hosts: HostList;
  #client: Client | undefined;

  constructor(pg: PgModule, options: PgUrlOptions, target: string, secrets: readonly string[]) {
    this.#pg = pg;
    this.#target = target;
    this.#secrets = secrets;
    const tls = resolveTls(options.url);
    this.#tls = options.ssl === undefined ? tls : { ...tls, attempts: [options.ssl as TlsAttempt] };
    // TLS settings are out of the URL first: each host of a list gets the same ones.
    this.#hosts = splitHosts(tls.url);
    this.#config = {
      connectionString: tls.url,
      application_name: options.applicationName ?? DEFAULT_APPLICATION_NAME,
      connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    };
  }

  async lease(): Promise<Lease> {
    const client = this.#client ?? (await this.#connect());
    return {
      client,
      done: async (broken) => {
        // A dead socket cannot be reused; anything else (a SQL error) leaves it fine.
        if (broken && !isQueryable(client)) await this.#drop(client);
      },
    };
  }

  async close(): Promise<void> {
    const client = this.#client;
    if (client !== undefined) await this.#drop(client);
  }

  async #connect(): Promise<Client> {
    const { hosts, attrs } = this.#hosts;
    const client =
      hosts.length === 1 && attrs === "any"
        ? await this.#open(this.#config, this.#target, this.#tls)
        : await pickHost(hosts, attrs, this.#target, (host) =>
            this.#open({ ...this.#config, connectionString: host.url }, host.label, {
              ...this.#tls,
              server: host.label,
            }),
          );
    this.#client = client;
    return client;
  }

  async #open(config: ClientConfig, target: string, tls: TlsPlan): Promise<Client> {
    try {
      return await connectWithFallback(tls, (ssl) => this.#newClient(config, ssl));
    } catch (error) {
      throw connectionError(target, error, this.#secrets, config.connectionTimeoutMillis, tls);
    }
  }

  #newClient(config: ClientConfig, ssl: TlsAttempt): Client {
    const client = new this.#pg.Client(ssl === undefined ? config : { ...config, ssl });
    // An idle connection that dies emits "error"; unhandled, that would crash the process.
    client.on("error", () => {
      if (this.#client === client) this.#client = undefined;
    });
    return client;
  }

  async #drop(client: Client): Promise<void> {
    if (this.#client === client) this.#client = undefined;
    await client.end().catch(() => {});
  }
}

class PoolSource implements ConnectionSource {
  readonly shared = false;
  readonly #pool: Pick<Pool, "connect">;
  readonly #target: string;

  constructor(pool: Pick<Pool, "connect">, target: string) {
    this.#pool = pool;
    this.#target = target;
  }

  async lease(): Promise<Lease> {
    let client: PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw connectionError(this.#target, error, [], undefined);
    }
    return {
      client,
      // A connection left inside a transaction would hand it to the pool's next user: discard it.
      done: async (broken) => client.release(broken || !outsideTransaction(client)),
    };
  }

  async close(): Promise<void> {}
}

class GivenClientSource implements ConnectionSource {
  readonly shared = true;
  readonly #client: ClientBase;

  constructor(client: ClientBase) {
    this.#client = client;
  }

  async lease(): Promise<Lease> {
    return { client: this.#client, done: async () => {} };
  }

  async close(): Promise<void> {}
}

async function runQuery<R extends object>(
  client: ClientBase,
  sql: string,
  params: readonly unknown[] | undefined,
  target: string,
): Promise<QueryResult<R>> {
  // Extended protocol even without parameters, so a query is one statement on every adapter.
  const config = {
    text: sql,
    values: params === undefined ? [] : [...params],
    queryMode: "extended",
  };
  try {
    const result = await client.query<R & Record<string, unknown>>(config as QueryConfig);
    return { rows: result.rows, rowCount: result.rowCount ?? null };
  } catch (error) {
    throw convertError(error, target);
  }
}

async function runExec(client: ClientBase, sql: string, target: string): Promise<void> {
  try {
    // A bare string is sent as one simple-protocol Query message: one round trip for a script.
    await client.query(sql);
  } catch (error) {
    throw convertError(error, target);
  }
}

/** The part of pg's Connection that COPY FROM STDIN needs. */
interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * COPY FROM STDIN without pg-copy-streams: pg's own Query, told what to send
 * when the server asks for the data (pg otherwise answers CopyFail).
 */
function runCopyFrom(
  pg: PgModule,
  client: ClientBase,
  sql: string,
  data: string,
  target: string,
): Promise<number> {
  findCopyFromStdin(sql);
  const payload = Buffer.from(stripCopyTerminator(data), "utf8");
  return new Promise<number>((resolve, reject) => {
    const query: PgQuery = new pg.Query(
      sql,
      undefined,
      (error: Error | null | undefined, result) => {
        if (error) reject(convertError(error, target));
        else resolve(result.rowCount ?? 0);
      },
    );
    (query as unknown as { handleCopyInResponse(c: CopyConnection): void }).handleCopyInResponse = (
      connection,
    ) => {
      for (let offset = 0; offset < payload.length; offset += COPY_CHUNK_BYTES) {
        connection.sendCopyFromChunk(payload.subarray(offset, offset + COPY_CHUNK_BYTES));
      }
      connection.endCopyFrom();
    };
    client.query(query);
  });
}

/** After a session threw: end a transaction it left open and free advisory locks it held. */
async function resetAfterFailure(client: ClientBase): Promise<void> {
  if (!isQueryable(client)) return;
  await client.query("ROLLBACK; SELECT pg_advisory_unlock_all()").catch(() => {});
}

/** From the last ReadyForQuery: "I" idle, "T" in a transaction, "E" in a failed one. */
function outsideTransaction(client: ClientBase): boolean {
  const state = client as unknown as {
    getTransactionStatus?: () => string | null;
    _txStatus?: string | null;
  };
  const status = state.getTransactionStatus?.() ?? state._txStatus;
  return status === undefined || status === null || status === "I";
}

function isQueryable(client: ClientBase): boolean {
  const state = client as unknown as { _queryable?: boolean; _ending?: boolean };
  return state._queryable !== false && state._ending !== true;
}

/** Server errors become DatabaseError; a lost connection becomes PitstopError CONNECTION. */
function convertError(error: unknown, target: string): unknown {
  if (isServerError(error)) return toDatabaseError(error);
  if (isConnectionFailure(error)) {
    return new PitstopError(
      "CONNECTION",
      `lost the connection to ${target}: ${(error as Error).message}`,
      {
        hint: "The server closed the connection or the network failed; check the server's log and retry.",
        cause: error,
      },
    );
  }
  return error;
}

function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return true;
  return /connection terminated|not queryable|connection error|closed the connection/i.test(
    error.message,
  );
}

/**
 * The failure to connect as one PitstopError whose message, hint and cause
 * name the target but never the password.
 */
function connectionError(
  target: string,
  error: unknown,
  secrets: readonly string[],
  timeoutMs: number | undefined,
  tls?: TlsPlan,
): PitstopError {
  const raw = error instanceof Error ? error : new Error(String(error));
  const code = (raw as { code?: unknown }).code;
  const reason = (tls && tlsFailure(raw, tls)) ?? connectionReason(raw, code, timeoutMs);
  return new PitstopError(
    "CONNECTION",
    `cannot connect to ${target}: ${redact(reason.text, secrets)}`,
    {
      hint: reason.hint,
      cause: scrubbed(raw, secrets),
    },
  );
}

function connectionReason(
  error: Error,
  code: unknown,
  timeoutMs: number | undefined,
): { text: string; hint: string } {
  switch (code) {
    case "ECONNREFUSED":
      return {
        text: "connection refused",
        hint: "Is PostgreSQL running and listening there? Check the host and port of the database URL.",
      };
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return { text: "host not found", hint: "Check the host name in the database URL (and DNS)." };
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return {
        text: "host unreachable",
        hint: "Check the host, the network and any firewall in between.",
      };
    case "28P01":
    case "28000":
      return {
        text: error.message,
        hint: "Check the user and password (in the URL, PGPASSWORD or ~/.pgpass) and the server's pg_hba.conf.",
      };
    case "3D000":
      return {
        text: error.message,
        hint: "Create it with `pitstop db create` (or `pitstop up --create-db`), or fix the database name in the URL.",
      };
    case "53300":
      return {
        text: error.message,
        hint: "The server is out of connection slots; retry later or raise max_connections.",
      };
    case "57P03":
      return {
        text: error.message,
        hint: "The server is starting up or shutting down; retry in a moment.",
      };
  }
  if (/timeout/i.test(error.message)) {
    const after = timeoutMs === undefined ? "" : ` after ${timeoutMs} ms`;
    return {
      text: `timed out${after}`,
      hint: "Check that the host and port are right and reachable; raise the connect timeout on a slow network.",
    };
  }
  if (/ssl/i.test(error.message)) {
    return {
      text: error.message,
      hint: "Check the TLS settings: sslmode in the URL, or the server's ssl configuration.",
    };
  }
  return {
    text: error.message,
    hint: "Check the database URL and that the server accepts connections.",
  };
}

/** The error itself when it holds no secret, else a copy with the secret masked (stack included). */
function scrubbed(error: Error, secrets: readonly string[]): Error {
  const text = `${error.message}\n${error.stack ?? ""}`;
  if (!secrets.some((secret) => text.includes(secret))) return error;
  const copy = new Error(redact(error.message, secrets));
  copy.name = error.name;
  copy.stack = redact(error.stack ?? "", secrets);
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => out.split(secret).join("****"), text);
}

/**
 * A URL as `postgres://user@host:port/db`: what a message may show. The
 * password and query string are dropped (a `host=` socket directory is kept).
 *
 * @example
 * describeUrlTarget("postgres://app:s3cret@db:5432/app?sslmode=require") // "postgres://app@db:5432/app"
 */
export function describeUrlTarget(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
    if (/,/.test(parsed.host)) throw new Error("several hosts");
  } catch {
    return describeHostList(url) ?? "PostgreSQL (unparsable URL)";
  }
  const user = parsed.username === "" ? "" : `${parsed.username}@`;
  const port = parsed.port === "" ? "5432" : parsed.port;
  const host = parsed.hostname === "" ? "" : `${parsed.hostname}:${port}`;
  const socket = parsed.searchParams.get("host");
  const query = socket === null ? "" : `?host=${socket}`;
  return `${parsed.protocol}//${user}${host}${parsed.pathname}${query}`;
}
